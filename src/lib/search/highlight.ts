/**
 * Which words of a page to mark for a search: the same rule Pagefind matched the page by — a word
 * matches when the word, or one of the parts Pagefind indexes it under, starts with a query word,
 * compared without case, tones, marks or the stroke of `đ`. So "dang" marks "Đảng" and "đang", and
 * the joined code word "21nq" marks "21-NQ/TW".
 */
import { parseCodeQuery } from '../graph/code-query.ts';
import { codeSearchTerm } from './codes.ts';
import { foldText } from './fold.ts';
import { indexKeys, prepareQuery, wordKey } from './query.ts';

/**
 * The words a search asked Pagefind for, from the query as typed: for a code query the joined code
 * and the other words ("NQ 21 đảng viên" → "21nq", "đảng", "viên"), else the query's words.
 */
export function wordsToMark(query: string): string[] {
  const code = parseCodeQuery(query);
  const words = code === null ? prepareQuery(query) : `${codeSearchTerm(code)} ${prepareQuery(code.rest)}`;
  return words.split(' ').filter((w) => w !== '');
}

/** A half-open range of UTF-16 offsets in a text. */
export type Range = readonly [start: number, end: number];

/** Query words in the form page words are compared in; empty words dropped. */
export function highlightTerms(words: readonly string[]): string[] {
  return words
    .flatMap((w) => foldText(w).split(/\s+/))
    .map((w) => wordKey(w).replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w !== '');
}

/**
 * The ranges of `text` to mark for `terms` (from {@link highlightTerms}): each matching word from its
 * first to its last letter or digit, so "viên," is marked without the comma.
 */
export function highlightRanges(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0) return [];
  const ranges: Range[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const word = m[0];
    const keys = indexKeys(foldText(word));
    if (!keys.some((k) => terms.some((t) => k.startsWith(t)))) continue;
    const first = word.search(/[\p{L}\p{N}]/u);
    const trailing = /[^\p{L}\p{N}\p{M}]*$/u.exec(word)?.[0].length ?? 0;
    if (first < 0) continue;
    ranges.push([m.index + first, m.index + word.length - trailing]);
  }
  return ranges;
}
