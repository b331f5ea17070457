/**
 * Pure helpers over the site's records, shared by routes and scripts. Routes load entries with
 * `astro:content` and hand plain objects to these functions, which know nothing about Astro.
 */
import { comparePartialDates, parsePartialDate } from './dates.ts';
import { DOCUMENT_TYPES, type DocumentType } from './document-types.ts';

/** The fields of a document these helpers need. */
export interface DocumentLike {
  id: string;
  code: string;
  type: DocumentType;
  title: string;
  date: string;
}

/** The fields of a news page these helpers need. */
export interface NewsLike {
  id: string;
  title: string;
  eventDate: string;
}

/**
 * Rows on one page of a listing (all documents, a type, a year, an issuer, a topic, a locality).
 * One number, so every listing pages the same way.
 */
export const LISTING_PAGE_SIZE = 50;

/** Items on one page of the news listing (`/tin/`), where each item shows its summary. */
export const NEWS_PAGE_SIZE = 20;

/** "Nghị quyết số 21-NQ/TW" — how a reader names a document. */
export function documentName(doc: Pick<DocumentLike, 'type' | 'code'>): string {
  return `${DOCUMENT_TYPES[doc.type].label} số ${doc.code}`;
}

/** Year of a partial date string, or `undefined`. */
export function yearOf(date: string): number | undefined {
  return parsePartialDate(date)?.year;
}

/** A copy of `items` sorted newest first by `dateOf`, ties broken by `id` for a stable order. */
export function newestFirst<T extends { id: string }>(items: readonly T[], dateOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => comparePartialDates(dateOf(b), dateOf(a)) || a.id.localeCompare(b.id));
}

/** Years that have items, newest first, with their items (newest first). */
export function groupByYear<T extends { id: string }>(
  items: readonly T[],
  dateOf: (item: T) => string,
): { year: number; items: T[] }[] {
  const byYear = new Map<number, T[]>();
  for (const item of newestFirst(items, dateOf)) {
    const year = yearOf(dateOf(item));
    if (year === undefined) continue;
    const list = byYear.get(year);
    if (list) list.push(item);
    else byYear.set(year, [item]);
  }
  return [...byYear].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, items: list }));
}

/** Counts of documents per type, in the order of the type table, omitting empty types. */
export function countByType<T extends Pick<DocumentLike, 'type'>>(
  docs: readonly T[],
): { type: DocumentType; count: number }[] {
  const counts = new Map<DocumentType, number>();
  for (const d of docs) counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
  return (Object.keys(DOCUMENT_TYPES) as DocumentType[])
    .filter((t) => counts.has(t))
    .map((type) => ({ type, count: counts.get(type) ?? 0 }));
}

/**
 * Items filed under each key they carry (an item may carry several; `undefined` keys are skipped),
 * keeping only keys that have items; items keep their input order. A listing page exists for each
 * key of such a map, so no listing is ever published empty.
 */
export function fileUnder<T>(
  items: readonly T[],
  keysOf: (item: T) => readonly (string | undefined)[],
): Map<string, T[]> {
  const filed = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      if (key === undefined) continue;
      const list = filed.get(key);
      if (list) list.push(item);
      else filed.set(key, [item]);
    }
  }
  return filed;
}
