/**
 * Turning what Pagefind returns into what the reader sees: the `đ` stand-ins mapped back, the
 * excerpt split into plain and marked pieces (rendered as text nodes, never as HTML), type, code and
 * date in Vietnamese, the section of a long page the words are in (sections.ts), and the order of
 * the results.
 */
import { comparePartialDates, formatDate } from '../content/dates.ts';
import { expandCompactDate, type FacetLabels, META } from './facets.ts';
import { unfoldText } from './fold.ts';
import { highlightRanges, highlightTerms } from './highlight.ts';
import { bestSection, isLongPage, type SubResult, sectionExcerpt } from './sections.ts';

/** The part of a loaded Pagefind result the page uses. */
export interface ResultData {
  /** Page URL, with the site's base path. */
  url: string;
  /** Excerpt with the matched words wrapped in `<mark>`, text HTML-escaped by Pagefind. */
  excerpt: string;
  meta: Readonly<Record<string, string | undefined>>;
  filters: Readonly<Record<string, readonly string[] | undefined>>;
  /** The page's text as Pagefind split it into words, which locations point into. */
  raw_content?: string | undefined;
  content?: string | undefined;
  /** The page split at its headings with ids (see sections.ts). */
  sub_results?: readonly SubResult[] | undefined;
  /** How many words of the page are indexed. */
  word_count?: number | undefined;
  /** Positions of the matched words in the page's text. */
  locations?: readonly number[] | undefined;
}

/** A piece of an excerpt. */
export interface ExcerptPiece {
  text: string;
  /** Whether the piece is a matched word. */
  marked: boolean;
}

/** One result as the search page shows it. */
export interface ResultView {
  url: string;
  title: string;
  /** "Nghị quyết", "Tin hội nghị"… */
  typeLabel?: string | undefined;
  /** Type slug (`nghi-quyet`, `tin`). */
  type?: string | undefined;
  /** Canonical code of a document. */
  code?: string | undefined;
  /** Partial ISO date. */
  date?: string | undefined;
  /** The date as shown: dd/mm/yyyy, mm/yyyy or yyyy. */
  dateLabel?: string | undefined;
  /**
   * The section of a long page where the words are, when that is better than the page's top: its
   * heading, and the page's URL with the heading's `#id`.
   */
  section?: { heading: string; url: string } | undefined;
  /**
   * The text to show: the excerpt with its marks (the section's, when there is one), or the summary
   * when no word of the text matched.
   */
  excerpt: ExcerptPiece[];
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
};

function decode(s: string): string {
  return unfoldText(s.replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e] ?? e));
}

/**
 * Splits Pagefind's excerpt at its `<mark>` tags. Everything else is text, so nothing in a page can
 * become markup on the search page. Pagefind marks whole space-separated words ("viên,"); the marks
 * here stop at the first and last letter or digit, and neighbouring marked words become one mark.
 */
export function excerptPieces(excerpt: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part !== '') pieces.push(...trimMark({ text: decode(part), marked }));
  }
  return mergePieces(pieces);
}

/** A marked piece with the punctuation around its word moved out of the mark. */
function trimMark(piece: ExcerptPiece): ExcerptPiece[] {
  if (!piece.marked) return [piece];
  const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}\p{M}]*)$/su.exec(piece.text);
  const [, before = '', word = '', after = ''] = m ?? [];
  return [
    { text: before, marked: false },
    { text: word, marked: true },
    { text: after, marked: false },
  ].filter((p) => p.text !== '');
}

/** Joins neighbours of the same kind, and marked words with only spaces between them. */
function mergePieces(pieces: readonly ExcerptPiece[]): ExcerptPiece[] {
  const out: ExcerptPiece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p === undefined) continue;
    const prev = out[out.length - 1];
    const next = pieces[i + 1];
    if (!p.marked && /^\s+$/.test(p.text) && prev?.marked && next?.marked) {
      prev.text += p.text + next.text;
      i++;
    } else if (prev !== undefined && prev.marked === p.marked) prev.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** `text` in pieces, the words matching the query words (as typed) marked. */
function markedPieces(text: string, words: readonly string[]): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let at = 0;
  for (const [start, end] of highlightRanges(text, highlightTerms(words))) {
    pieces.push(
      { text: text.slice(at, start), marked: false },
      { text: text.slice(start, end), marked: true },
    );
    at = end;
  }
  pieces.push({ text: text.slice(at), marked: false });
  return mergePieces(pieces.filter((p) => p.text !== ''));
}

/**
 * A loaded result as the page shows it, with `đ` restored everywhere. `words` are the query words,
 * marked in the summary when it stands in for an excerpt. `terms` (the query's terms, as
 * `queryTerms` gives them) choose the section of a long page to link to; without them the result
 * is the page.
 */
export function resultView(
  data: ResultData,
  labels: FacetLabels,
  words: readonly string[] = [],
  terms: readonly string[] = [],
): ResultView {
  const type = data.filters.loai?.[0];
  const rawDate = data.meta[META.date];
  const date = rawDate === undefined ? undefined : (expandCompactDate(rawDate) ?? undefined);
  const code = data.meta[META.code];
  const summary = data.meta[META.summary];
  const raw = data.raw_content ?? data.content ?? '';
  const section = isLongPage(data.word_count) ? bestSection(data.sub_results ?? [], raw, terms) : undefined;
  const pieces = excerptPieces(
    section === undefined ? data.excerpt : sectionExcerpt(section, raw, data.locations ?? section.locations),
  );
  return {
    url: data.url,
    title: decode(data.meta[META.title] ?? data.url),
    type,
    typeLabel: type === undefined ? undefined : labels.loai[type],
    code: code === undefined ? undefined : decode(code),
    date,
    dateLabel: date === undefined ? undefined : formatDate(date),
    section: section === undefined ? undefined : { heading: decode(section.title), url: section.url },
    excerpt:
      pieces.some((p) => p.marked) || summary === undefined ? pieces : markedPieces(decode(summary), words),
  };
}

/** How the results of a relevance search are put in order. */
export interface RelevanceOrder {
  /** Result ids in Pagefind's order. */
  ids: readonly string[];
  /** Documents a code query names, with their dates: first, newest first. */
  codeMatches?: ReadonlyArray<{ id: string; date?: string | undefined }>;
  /** Results that also match the query's marks exactly: next, in Pagefind's order. */
  exact?: ReadonlySet<string>;
}

/**
 * The final order: the documents a code query names (newest first), then — for a query typed with
 * marks — the results with exactly those marks, then the rest, each group in Pagefind's order.
 */
export function orderResults({ ids, codeMatches = [], exact }: RelevanceOrder): string[] {
  const first = [...codeMatches]
    .map((m, i) => ({ ...m, i }))
    .sort((a, b) => {
      if (a.date !== undefined && b.date !== undefined) {
        const byDate = comparePartialDates(b.date, a.date);
        if (byDate !== 0) return byDate;
      }
      return a.i - b.i;
    })
    .map((m) => m.id);
  const taken = new Set(first);
  const rest = ids.filter((id) => !taken.has(id));
  if (exact === undefined) return [...first, ...rest];
  return [...first, ...rest.filter((id) => exact.has(id)), ...rest.filter((id) => !exact.has(id))];
}
