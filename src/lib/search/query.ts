/**
 * What a reader types, turned into what Pagefind is asked, and the checks that keep Pagefind's
 * guesses out of the results.
 *
 * Pagefind treats every query word as a prefix ("dan" finds "dân", "dẫn", "đảng"), which is what a
 * reader typing expects. But when no indexed word starts with a query word it quietly falls back to
 * the longest indexed word that the query word starts with ("đăngký" → "đăng"), and a word with no
 * such prefix at all is dropped from the query ("Đảng qqq" returns every page about Đảng). Neither
 * can be switched off, so {@link unmatchedTerms} looks at what a result really matched and the search
 * page drops results that only a fallback produced. The decision is per query word for the whole
 * index, so a few results are enough to tell.
 */
import { foldText } from './fold.ts';

/**
 * The query as it is sent to Pagefind: NFC, `đ` written as the index stand-in, every character that
 * is neither a letter nor a digit removed — the way Pagefind removes punctuation itself, so
 * "21-NQ/TW" stays one word — and runs of spaces made one.
 */
export function prepareQuery(raw: string): string {
  return foldText(raw)
    .replace(/[^\p{L}\p{N}\p{M}\s]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case with every mark dropped: how Pagefind compares words (`ḏ` becomes `d`). */
export function wordKey(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/** The words Pagefind matches for a prepared query: lower case, marks dropped. */
export function queryTerms(prepared: string): string[] {
  return prepared
    .split(' ')
    .map(wordKey)
    .filter((t) => t !== '');
}

/** The words of a prepared query that carry a tone, a vowel mark or `đ`. */
export function markedWords(prepared: string): string[] {
  return prepared.split(' ').filter((w) => w !== '' && wordKey(w) !== w.toLowerCase());
}

const ALNUM_RUN = /[\p{L}\p{N}\p{M}]+/gu;
/** Where a run of letters and digits divides: "QĐi" → Q|Đi, "9021NQ" → 9021|NQ, "daiHoi" → dai|Hoi. */
const CASE_BOUNDARY =
  /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

/**
 * Keys under which Pagefind may have indexed one whitespace-separated word of a page: the word with
 * only its letters and digits ("21-NQ/TW" → "21nqtw"), and the parts Pagefind also indexes for words
 * with punctuation or inner capitals ("21", "nq", "tw"). Errs on the side of more keys: a key too
 * many can only let a result through, a key too few would hide a real match.
 */
export function indexKeys(word: string): string[] {
  const runs = word.normalize('NFC').match(ALNUM_RUN) ?? [];
  const keys = new Set<string>();
  const joined = wordKey(runs.join(''));
  if (joined !== '') keys.add(joined);
  for (const run of runs) {
    keys.add(wordKey(run));
    for (const part of run.split(CASE_BOUNDARY)) keys.add(wordKey(part));
  }
  keys.delete('');
  return [...keys];
}

/** What a loaded Pagefind result says about the words it matched. */
export interface MatchEvidence {
  /** The page text as Pagefind split it into words (`raw_content`). */
  rawContent: string;
  /** Positions of the matched words in that text. */
  locations: readonly number[];
  /** The page's metadata. */
  meta: Readonly<Record<string, string | undefined>>;
  /** Metadata fields in which a query word matched. */
  matchedMetaFields: readonly string[];
}

/** The words a result matched: body words at its locations and the words of matched metadata fields. */
export function matchedWords(evidence: MatchEvidence): string[] {
  // The same split Pagefind's excerpt builder uses, so positions line up.
  const words = evidence.rawContent.split(/[^\S\uFEFF]+/);
  const found: string[] = [];
  for (const at of evidence.locations) {
    const w = words[at];
    if (w !== undefined) found.push(w);
  }
  for (const field of evidence.matchedMetaFields) found.push(...(evidence.meta[field] ?? '').split(/\s+/));
  return found;
}

/**
 * The query terms no matched word starts with: terms Pagefind answered through its
 * longest-prefix fallback or silently left out. An empty list means the result is a real match.
 */
export function unmatchedTerms(terms: readonly string[], evidence: MatchEvidence): string[] {
  const keys = matchedWords(evidence).flatMap(indexKeys);
  return terms.filter((t) => !keys.some((k) => k.startsWith(t)));
}
