/**
 * The state of the search page — query, filters, sort — and its URL. The URL is the state: a search
 * can be bookmarked, shared, opened in a new tab, and the back button returns to it.
 *
 *   /tim-kiem/?q=đảng+viên&loai=nghi-quyet&loai=chi-thi&nam=2022&sap-xep=moi-nhat
 *
 * One parameter per selected value; values of one filter are alternatives, filters combine.
 */
import { FACETS, type FacetKey } from './facets.ts';

/** How results are ordered. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** Everything that decides what the search page shows. */
export interface SearchState {
  /** The query as typed (may be empty: then the filters alone choose the pages). */
  q: string;
  /** Selected values per filter. */
  filters: Record<FacetKey, string[]>;
  /** Result order. */
  sort: SortOrder;
}

/** URL parameter of the sort order, and its values. */
export const SORT_PARAM = 'sap-xep';
const SORT_VALUES: Record<Exclude<SortOrder, 'relevance'>, string> = {
  newest: 'moi-nhat',
  oldest: 'cu-nhat',
};

/** A state with no filters. */
export function emptyFilters(): Record<FacetKey, string[]> {
  return { loai: [], nam: [], 'co-quan': [], 'chu-de': [], 'dia-phuong': [] };
}

/** Reads the state from a URL's query string; unknown parameters are ignored, repeated values kept once. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const filters = emptyFilters();
  for (const { key } of FACETS) {
    filters[key] = [...new Set(params.getAll(key).map((v) => v.trim()))].filter((v) => v !== '');
  }
  const s = params.get(SORT_PARAM);
  const sort: SortOrder =
    s === SORT_VALUES.newest ? 'newest' : s === SORT_VALUES.oldest ? 'oldest' : 'relevance';
  return { q: (params.get('q') ?? '').normalize('NFC'), filters, sort };
}

/** The query string of a state, parameters in a fixed order so equal states give equal URLs. */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q !== '') params.set('q', q);
  for (const { key } of FACETS) for (const v of state.filters[key]) params.append(key, v);
  if (state.sort !== 'relevance') params.set(SORT_PARAM, SORT_VALUES[state.sort]);
  return params;
}

/** Whether any filter value is selected. */
export function hasFilters(state: SearchState): boolean {
  return FACETS.some(({ key }) => state.filters[key].length > 0);
}

/** Pagefind's filter object: each filter with values becomes `{ any: [...] }` (OR), filters AND. */
export function pagefindFilters(
  filters: Record<FacetKey, readonly string[]>,
  without?: FacetKey,
): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const { key } of FACETS) {
    const values = filters[key];
    if (key !== without && values.length > 0) out[key] = { any: [...values] };
  }
  return out;
}
