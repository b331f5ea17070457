/**
 * Finding a document by its code (số hiệu), however the reader spells it.
 *
 * Pagefind indexes "21-NQ/TW" as the one word "21nqtw" (and its parts "21", "nq", "tw"), and it
 * strips "-" and "/" from queries, so "21-NQ/TW", "21/NQ-TW" and "21NQTW" already meet. The loose
 * spellings ("21 NQ TW", "NQ 21", "nghị quyết 21", "nghi quyet so 21") do not: as separate words they
 * match any page where the parts are scattered. So the search page reads the code out of the query
 * with {@link parseCodeQuery} and asks Pagefind for the joined word instead ({@link codeSearchTerm}),
 * as a prefix: "NQ 21" → "21nq" finds 21-NQ/TW, 21-NQ/TU… but not 210-NQ/TW.
 *
 * Each document page carries its code's joined spellings in a hidden metadata field
 * ({@link codeSearchKeys}), so the prefix reaches it even where the code is written differently
 * (state codes with the year in the middle, "8" against "08", "QĐ" for a "QĐi"), and a match in that
 * field tells the document itself apart from pages that only cite it.
 */

import { type DocumentType, documentTypeAbbreviations } from '../content/document-types.ts';
import { numberKey, parseCode } from '../graph/code-parser.ts';
import { type CodeQuery, matchesCodeQuery } from '../graph/code-query.ts';
import { wordKey } from './query.ts';

/**
 * Lower-case ASCII letters and digits only: the way Pagefind keys a word, with `đ` as `d` (the index
 * writes it as a stand-in that folds to `d`; a query word with a real `đ` would not meet it).
 */
function joined(...parts: Array<string | number | undefined>): string {
  return wordKey(parts.filter((p) => p !== undefined).join(''))
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The joined spellings of a code under which its document is found: number (two digits at least),
 * abbreviation, issuer — "21nqtw"; for a state code also with the year where it is written
 * ("302020ndcp") and without it ("30ndcp", so "NĐ 30" reaches it); for a "QĐi" code also with "QĐ"
 * ("08qdtw"), the spelling most citations still use.
 */
export function codeSearchKeys(code: string): string[] {
  const c = parseCode(code);
  if (c === null) return [];
  const n = numberKey(c.number);
  const keys = new Set([joined(n, c.abbr, c.issuer)]);
  if (c.year !== undefined) keys.add(joined(n, c.year, c.abbr, c.issuer));
  if (joined(c.abbr) === 'qdi') keys.add(joined(n, 'qd', c.issuer));
  return [...keys];
}

/** Longest common beginning of a type's abbreviations: "QĐ" for Quy định (QĐ, QĐi). */
function commonAbbreviation(type: DocumentType): string {
  const abbrs = documentTypeAbbreviations(type).map(wordKey);
  let prefix = abbrs[0] ?? '';
  for (const a of abbrs) while (!a.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * The word to ask Pagefind for a code query: the joined code as far as the reader typed it. The
 * issuer is only added after an abbreviation, because without one the letters between number and
 * issuer are unknown ("quy định 08 TW" may be 08-QĐ/TW or 08-QĐi/TW): {@link isCodeMatch} checks it.
 */
export function codeSearchTerm(query: CodeQuery): string {
  const n = numberKey(query.number);
  const abbr = query.abbr ?? (query.type === undefined ? '' : commonAbbreviation(query.type));
  if (query.year !== undefined) return joined(n, query.year, query.abbr, query.abbr && query.issuer);
  return joined(n, abbr, query.abbr && query.issuer);
}

/** What a result says about the document it shows. */
export interface CodedPage {
  /** Canonical code from the page's metadata, if it is a document. */
  code?: string | undefined;
  /** Document type slug, if it is a document. */
  type?: string | undefined;
}

/**
 * Whether a page is the document a code query asks for. A type word typed by the reader must also
 * be the document's type: "quy định 08" is not the Quyết định 08-QĐ/TW.
 */
export function isCodeMatch(query: CodeQuery, page: CodedPage): boolean {
  if (page.code === undefined || !matchesCodeQuery(query, page.code)) return false;
  return query.type === undefined || page.type === undefined || page.type === query.type;
}
