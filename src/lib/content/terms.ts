/**
 * Browsing by term (khóa). The Party's documents are numbered afresh each term of the Central
 * Committee, so readers think in terms: "Nghị quyết 21 khóa XIII". A document's `term` is written in
 * Roman numerals (`XIII`); these helpers order terms, name them and group documents under them.
 *
 * Which documents belong to a Central Committee term is the caller's choice (a local committee's
 * `term` counts its own congresses, and the catalog leaves those out): the helpers take a function
 * that gives an item's term or `undefined`.
 */
import { DOCUMENT_TYPE_SLUGS, type DocumentType } from './document-types.ts';

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/**
 * The number a Roman numeral writes, in either case ("XIII" → 13, "xiv" → 14), or `undefined` for
 * anything that is not a well-formed numeral up to 399 ("IIII", "VX", "").
 */
export function romanToNumber(numeral: string): number | undefined {
  const s = numeral.trim().toUpperCase();
  if (s === '' || !/^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const value = ROMAN[s.charAt(i)] ?? 0;
    const next = ROMAN[s.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** The URL segment of a term: "XIII" → "xiii". */
export function termSlug(term: string): string {
  return term.trim().toLowerCase();
}

/** How a reader names a term: "Khóa XIII". */
export function termLabel(term: string): string {
  return `Khóa ${term.trim().toUpperCase()}`;
}

/** One term with its items. */
export interface TermGroup<T> {
  /** The numeral as written, upper case: "XIII". */
  term: string;
  /** URL segment: "xiii". */
  slug: string;
  /** "Khóa XIII". */
  label: string;
  items: T[];
}

/**
 * Groups items by term, newest term first (XIV before XIII); items keep their input order. Items
 * whose term is `undefined` or not a Roman numeral are left out.
 */
export function groupByTerm<T>(items: readonly T[], termOf: (item: T) => string | undefined): TermGroup<T>[] {
  const groups = new Map<number, TermGroup<T>>();
  for (const item of items) {
    const written = termOf(item);
    const n = written === undefined ? undefined : romanToNumber(written);
    if (written === undefined || n === undefined) continue;
    const term = written.trim().toUpperCase();
    let group = groups.get(n);
    if (group === undefined) {
      group = { term, slug: termSlug(term), label: termLabel(term), items: [] };
      groups.set(n, group);
    }
    group.items.push(item);
  }
  return [...groups].sort((a, b) => b[0] - a[0]).map(([, group]) => group);
}

/**
 * Groups documents by type, in the order of the type table (Nghị quyết, Kết luận, Chỉ thị…),
 * keeping only types that have documents; documents keep their input order.
 */
export function groupByType<T>(
  docs: readonly T[],
  typeOf: (doc: T) => DocumentType,
): { type: DocumentType; items: T[] }[] {
  const byType = new Map<DocumentType, T[]>();
  for (const d of docs) {
    const type = typeOf(d);
    const list = byType.get(type);
    if (list) list.push(d);
    else byType.set(type, [d]);
  }
  return DOCUMENT_TYPE_SLUGS.flatMap((type) => {
    const items = byType.get(type);
    return items === undefined ? [] : [{ type, items }];
  });
}
