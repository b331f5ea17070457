/**
 * The filters of the search page and what each indexed page tells Pagefind about itself.
 *
 * A page's filter values, sort key and metadata are written into a hidden, `data-pagefind-ignore`
 * block (see `SearchRecord.astro`): Pagefind still reads filters and metadata there, but none of it
 * becomes searchable page text or shows up in an excerpt. Filter values are stable ids (the same
 * slugs as the listing URLs), so a bookmarked search survives a renamed label; the search page
 * receives the labels from {@link facetLabels}.
 */
import { parsePartialDate } from '../content/dates.ts';
import { DOCUMENT_TYPE_SLUGS, DOCUMENT_TYPES, type DocumentType } from '../content/document-types.ts';
import { currentLocality, type LocalityLike } from '../content/localities.ts';
import { codeSearchKeys } from './codes.ts';

/** The filters, in the order the search page shows them. Keys double as URL parameters. */
export const FACETS = [
  { key: 'loai', label: 'Loại văn bản' },
  { key: 'nam', label: 'Năm' },
  { key: 'co-quan', label: 'Cơ quan ban hành' },
  { key: 'chu-de', label: 'Chủ đề' },
  { key: 'dia-phuong', label: 'Địa phương' },
] as const;

/** A filter key: `loai`, `nam`, `co-quan`, `chu-de`, `dia-phuong`. */
export type FacetKey = (typeof FACETS)[number]['key'];

/** The `loai` value of news pages, which sit beside the document types in that filter. */
export const NEWS_TYPE = 'tin';
/** Label of {@link NEWS_TYPE}. */
export const NEWS_TYPE_LABEL = 'Tin hội nghị';

/** Metadata field names in the index. */
export const META = {
  /** Trích yếu of a document, headline of a news page. Pagefind weighs title matches highest. */
  title: 'title',
  /** Canonical code of a document, as shown. */
  code: 'so_hieu',
  /** Joined spellings of the code that code queries look for (see codes.ts). */
  codeKeys: 'so_hieu_tim',
  /** Date as digits only (20220616, 202206, 2022): shown in results; searchable as "2022" without noise. */
  date: 'ngay',
  /**
   * The page's one- or two-sentence summary (the schema's `summary`), shown in results when no word
   * of the text matched (browsing by filters, a match in the title only). A document page does not
   * print it, so this also makes it searchable.
   */
  summary: 'tom_tat',
} as const;

/** Sort key in the index: the partial ISO date, which sorts as text. */
export const SORT_KEY = 'ngay';

/** What one page hands to the index besides its text. */
export interface SearchRecord {
  /** Filter values, one pair per value. */
  filters: Array<[FacetKey, string]>;
  /** Metadata fields. */
  meta: Record<string, string>;
  /** The date the page sorts by (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  sortDate: string;
}

/**
 * A partial ISO date as digits only: "2022-06-16" → "20220616". Separators would make Pagefind index
 * "06" and "16" as words, and a query for "16" would then find every page dated the 16th.
 */
export function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

/** The partial ISO date back from {@link compactDate}: "20220616" → "2022-06-16"; null if malformed. */
export function expandCompactDate(compact: string): string | null {
  const m = /^(\d{4})(\d{2})?(\d{2})?$/.exec(compact);
  if (m === null) return null;
  const iso = [m[1], m[2], m[3]].filter((p) => p !== undefined).join('-');
  return parsePartialDate(iso) === null ? null : iso;
}

function localityValues(localities: readonly LocalityLike[], id: string | undefined): string[] {
  if (id === undefined) return [];
  // A page filed under a province merged in 2025 is found under both names, as on the listings.
  const now = currentLocality(localities, id);
  return now === id ? [id] : [id, now];
}

function yearOf(date: string): string[] {
  const p = parsePartialDate(date);
  return p === null ? [] : [String(p.year)];
}

/** The fields of a document the index needs. */
export interface IndexedDocument {
  code: string;
  type: DocumentType;
  title: string;
  summary: string;
  date: string;
  issuer: string;
  topics: readonly string[];
  locality?: string | undefined;
}

/** The fields of a news page the index needs. */
export interface IndexedNews {
  title: string;
  summary: string;
  eventDate: string;
  topics: readonly string[];
  locality?: string | undefined;
}

/** Filters, metadata and sort key of a document page. */
export function documentSearchRecord(
  doc: IndexedDocument,
  localities: readonly LocalityLike[],
): SearchRecord {
  return {
    filters: [
      ['loai', doc.type],
      ...yearOf(doc.date).map((y): [FacetKey, string] => ['nam', y]),
      ['co-quan', doc.issuer],
      ...doc.topics.map((t): [FacetKey, string] => ['chu-de', t]),
      ...localityValues(localities, doc.locality).map((l): [FacetKey, string] => ['dia-phuong', l]),
    ],
    meta: {
      [META.title]: doc.title,
      [META.code]: doc.code,
      [META.codeKeys]: codeSearchKeys(doc.code).join(' '),
      [META.date]: compactDate(doc.date),
      [META.summary]: doc.summary,
    },
    sortDate: doc.date,
  };
}

/** Filters, metadata and sort key of a news page. */
export function newsSearchRecord(item: IndexedNews, localities: readonly LocalityLike[]): SearchRecord {
  return {
    filters: [
      ['loai', NEWS_TYPE],
      ...yearOf(item.eventDate).map((y): [FacetKey, string] => ['nam', y]),
      ...item.topics.map((t): [FacetKey, string] => ['chu-de', t]),
      ...localityValues(localities, item.locality).map((l): [FacetKey, string] => ['dia-phuong', l]),
    ],
    meta: {
      [META.title]: item.title,
      [META.date]: compactDate(item.eventDate),
      [META.summary]: item.summary,
    },
    sortDate: item.eventDate,
  };
}

/** Labels of every filter value the site can have, per filter; years are their own label. */
export type FacetLabels = Record<FacetKey, Record<string, string>>;

/** The labels the search page shows for filter values, from the site's taxonomies. */
export function facetLabels(terms: {
  issuers: ReadonlyArray<{ id: string; label: string }>;
  topics: ReadonlyArray<{ id: string; label: string }>;
  localities: ReadonlyArray<{ id: string; label: string }>;
}): FacetLabels {
  const byId = (list: ReadonlyArray<{ id: string; label: string }>) =>
    Object.fromEntries(list.map((e) => [e.id, e.label]));
  return {
    loai: {
      ...Object.fromEntries(DOCUMENT_TYPE_SLUGS.map((t) => [t, DOCUMENT_TYPES[t].label])),
      [NEWS_TYPE]: NEWS_TYPE_LABEL,
    },
    nam: {},
    'co-quan': byId(terms.issuers),
    'chu-de': byId(terms.topics),
    'dia-phuong': byId(terms.localities),
  };
}
