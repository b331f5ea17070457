/**
 * The section of a long page where a search's words are. Pagefind splits each result at the
 * headings that carry an `id` (Sätteri gives every Markdown heading one) into sub-results, in page
 * order: the part before the first such heading (the page's header, summary and opening text, with
 * no anchor), then one per heading. It leaves the choice of the best one to us.
 *
 * The best section is the one that holds the most of the query's words, so a reader searching
 * "kiểm điểm đánh giá xếp loại" lands where all four are discussed rather than where one of them is
 * repeated; among sections holding as many, a section under a heading goes before the page's
 * opening part, whose words are mostly the title (the reader searched for what the text says about
 * them); then the higher relevance Pagefind gives the words (a word in the heading weighs more);
 * then the earlier section. A result whose best part is the opening links to the page itself, as
 * does a short page ({@link isLongPage}): read from its top, it shows its title and metadata with
 * the marked words a scroll away at most.
 */
import { unmatchedTerms } from './query.ts';

/**
 * Pages of fewer indexed words than this are linked at their top. Some 300 words is a screen of text
 * below the title and metadata table on a wide screen, two or three on a phone.
 */
export const LONG_PAGE_WORDS = 300;

/** Whether a page of `wordCount` indexed words (Pagefind's `word_count`) is long enough for sections. */
export function isLongPage(wordCount: number | undefined): boolean {
  return (wordCount ?? 0) >= LONG_PAGE_WORDS;
}

/** A matched word's place in the page, with the weight Pagefind gives it for this query. */
export interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

/** The heading (or other element with an id) a sub-result starts at. */
export interface SubResultAnchor {
  element: string;
  id: string;
  text?: string | undefined;
  location: number;
}

/** One sub-result of a Pagefind result (Pagefind 1.6, `sub_results` of `result.data()`). */
export interface SubResult {
  /** The heading's text; for the opening part, the page's title. */
  title: string;
  /** The page's URL, with `#id` of the heading (none for the opening part). */
  url: string;
  /** Absent for the opening part, before the first heading with an id. */
  anchor?: SubResultAnchor | undefined;
  /** Positions of the matched words in this section (positions in the whole page's text). */
  locations: readonly number[];
  weighted_locations?: readonly WeightedLocation[] | undefined;
  /** The section's excerpt, matched words in `<mark>`, text HTML-escaped. */
  excerpt: string;
}

/** How well one section matches. */
interface SectionScore {
  section: SubResult;
  /** How many query terms occur in it. */
  covered: number;
  /** Sum of Pagefind's relevance of its matched words. */
  weight: number;
}

function scoreOf(section: SubResult, rawContent: string, terms: readonly string[]): SectionScore {
  const missing = unmatchedTerms(terms, {
    rawContent,
    locations: section.locations,
    meta: {},
    matchedMetaFields: [],
  });
  const weights = section.weighted_locations ?? section.locations.map(() => ({ balanced_score: 1 }));
  return {
    section,
    covered: terms.length - missing.length,
    weight: weights.reduce((sum, w) => sum + w.balanced_score, 0),
  };
}

/** Whether `a` is a better section than `b` (see the module comment for the order). */
function better(a: SectionScore, b: SectionScore): boolean {
  if (a.covered !== b.covered) return a.covered > b.covered;
  const aHeading = a.section.anchor !== undefined;
  if (aHeading !== (b.section.anchor !== undefined)) return aHeading;
  return a.weight > b.weight;
}

/**
 * The section of a result to link to for the query `terms` (as `queryTerms` gives them), or
 * `undefined` when the page itself is the better target: the words are best matched in its opening
 * part, the page has no headings with ids, or nothing tells the sections apart. `rawContent` is the
 * page's text as Pagefind split it (`raw_content`), which the locations point into.
 */
export function bestSection(
  sections: readonly SubResult[],
  rawContent: string,
  terms: readonly string[],
): SubResult | undefined {
  if (terms.length === 0) return undefined;
  let best: SectionScore | undefined;
  for (const section of sections) {
    const score = scoreOf(section, rawContent, terms);
    if (best === undefined || better(score, best)) best = score;
  }
  if (best === undefined || best.covered === 0) return undefined;
  return best.section.anchor === undefined ? undefined : best.section;
}

/** Words in an excerpt: the search page asks Pagefind for excerpts this long. */
export const EXCERPT_WORDS = 28;

/**
 * The excerpt to show for a section. Pagefind ends a section's excerpt at the next heading, so a
 * heading followed at once by a sub-heading ("5. Thể thức trình bày" then "5.1. Bố cục") gets an
 * excerpt of its own words only, which repeats the heading shown above it. Such a short excerpt is
 * taken on from the heading into the text below, {@link EXCERPT_WORDS} words long, with the page's
 * matched words (`pageLocations`) marked, the way Pagefind marks them.
 */
export function sectionExcerpt(
  section: SubResult,
  rawContent: string,
  pageLocations: readonly number[],
  ellipsis = '…',
): string {
  const own = section.excerpt
    .replace(/<\/?mark>/g, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  if (section.anchor === undefined || own.length >= EXCERPT_WORDS) return section.excerpt;
  // The same split Pagefind's excerpt builder uses, so locations line up.
  const words = rawContent.split(/[\r\n\s]+/g);
  const start = section.anchor.location;
  const end = Math.min(words.length, start + EXCERPT_WORDS);
  const marked = new Set(pageLocations);
  const shown: string[] = [];
  for (let i = start; i < end; i++) {
    const word = words[i] ?? '';
    shown.push(marked.has(i) ? `<mark>${word}</mark>` : word);
  }
  return shown.join(' ') + (end < words.length ? ellipsis : '');
}
