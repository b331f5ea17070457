/**
 * The part of Pagefind's browser API (`pagefind.js`, version 1.6) the search page uses. The same
 * module runs in Node for the integration tests, so the engine depends on this shape only.
 */
import type { SubResult, WeightedLocation } from './sections.ts';

/** Counts per filter value: `{ loai: { 'nghi-quyet': 3 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Options of one search. */
export interface PagefindSearchOptions {
  /** `{ loai: { any: ['nghi-quyet'] } }`; keys combine with AND. */
  filters?: Record<string, unknown>;
  /** One sort key: `{ ngay: 'desc' }`. Replaces relevance order. */
  sort?: Record<string, 'asc' | 'desc'>;
}

/** What `result.data()` loads: the page's fragment. */
export interface PagefindResultData {
  url: string;
  raw_url?: string;
  content: string;
  raw_content?: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  locations: number[];
  weighted_locations?: WeightedLocation[];
  /** The page split at its headings with ids, in page order (see sections.ts). */
  sub_results?: SubResult[];
  word_count: number;
}

/** One result, before its fragment is loaded. */
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  /** Metadata fields a query word matched in. */
  matchedMetaFields?: string[];
  data(): Promise<PagefindResultData>;
}

/** The answer to a search. */
export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Counts with the current filters applied; only for filter indexes already loaded. */
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/** A Pagefind instance (`createInstance()` of pagefind.js). */
export interface PagefindApi {
  /** Searches; `null` as the term lists every page that passes the filters. */
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  /** Loads the word and filter indexes a search would need, without searching. */
  preload(term: string | null, options?: PagefindSearchOptions): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  /** Counts over the whole index; also loads every filter index, which later counts need. */
  filters(): Promise<FilterCounts>;
}
