/**
 * The search itself, between the search page and Pagefind: no DOM, so the integration tests run it
 * in Node against a real index exactly as the page runs it in the browser.
 *
 * One search, in order:
 * 1. A query naming a document code is asked as the joined code ("NQ 21" → "21nq", see codes.ts);
 *    if that finds nothing, the query is asked as typed.
 * 2. The query is prepared (`đ` → index stand-in, punctuation dropped) and sent with the filters.
 * 3. Results that only Pagefind's longest-prefix fallback produced, or that ignore a query word, are
 *    dropped (see query.ts) and the words no page contains are reported.
 * 4. In relevance order, the documents a code query names come first, newest first; then, for a
 *    query typed with marks, the results whose words carry exactly those marks (Pagefind's own bonus
 *    for exact marks is too weak to decide the order, and ignores titles).
 * 5. Filter counts: for a filter with values selected, the counts come from the same search without
 *    that filter, so they say what choosing another value would add (values of a filter are ORed).
 *
 * Results before counts: Pagefind counts filter values only over the filter indexes it has loaded,
 * and loading them all costs about as much as the page list on a large site (~100 KB at 10,000
 * pages). A search without filters does not need them for its results, so it does not wait for them:
 * they load when the counts are asked for (after the results are shown), and the counts then come
 * from the same search run again — its word indexes are cached by then, so that costs CPU only. A
 * search with filters (or browsing: filters and no query) loads them first, as its results depend
 * on them.
 *
 * Part: search (src/lib/search/): this engine and its steps, run in the reader's browser, and the
 * index builder (index-builder-fs.ts) run after the build. May import the content model and the
 * document graph; never publishing.
 */
import { type CodeQuery, parseCodeQuery } from '../graph/code-query.ts';
import { codeSearchTerm, isCodeMatch } from './codes.ts';
import { expandCompactDate, FACETS, type FacetKey, type FacetLabels, META, SORT_KEY } from './facets.ts';
import { unfoldText } from './fold.ts';
import type {
  FilterCounts,
  PagefindApi,
  PagefindResponse,
  PagefindResult,
  PagefindResultData,
  PagefindSearchOptions,
} from './pagefind-api.ts';
import { markedWords, matchedWords, prepareQuery, queryTerms, unmatchedTerms, wordKey } from './query.ts';
import { orderResults, type ResultView, resultView } from './results.ts';
import { emptyFilters, hasFilters, pagefindFilters, type SearchState } from './state.ts';

/** Counts per filter value. */
export type FacetCounts = Record<FacetKey, Record<string, number>>;

/** One result in the final order; its page data loads on demand. */
export interface SearchHit {
  id: string;
  /** Loads the result's fragment (cached) and shapes it for display. */
  view(): Promise<ResultView>;
}

/** What the search page shows for a state. */
export interface SearchOutcome {
  /** `idle`: no query and no filter; `results`: at least one hit; `empty`: nothing matched. */
  status: 'idle' | 'results' | 'empty';
  hits: SearchHit[];
  /**
   * Counts per filter value for the current query (see step 5 above). A filter with values selected
   * needs one more search, done on demand after the results are shown, as does a first search
   * without filters (the filter lists load only then). `null` when a newer search was asked for
   * before the counting began: the reader has moved on, and the work would only delay the newer one.
   */
  counts(): Promise<FacetCounts | null>;
  /** Query words, as typed, that no page contains (Pagefind would have ignored or guessed them). */
  unmatched: string[];
  /** The code the query names, if it names one. */
  codeQuery: CodeQuery | null;
  /** How many documents carry that code (they lead the results in relevance order). */
  codeMatches: number;
  /** When nothing matched with filters: how many results the query has without them. */
  withoutFilters: number;
}

/** Settings of the engine. */
export interface EngineOptions {
  /** Labels of filter values, for result types. */
  labels: FacetLabels;
  /**
   * How many results matching in the code fields are checked against a code query. Only documents
   * whose code starts with the typed code match there, so a few dozen is plenty.
   */
  codeCandidates?: number;
  /**
   * Up to this many results, exact marks are found with a second Pagefind search over all of them.
   * Beyond it (a query of the most common words on a large site) that search costs as much as the
   * first, so only the first {@link EngineOptions.firstPage} results are checked, from their text.
   */
  exactSearchLimit?: number;
  /** How many results the page shows first. */
  firstPage?: number;
}

/** How many results are looked at to tell a real match from Pagefind's fallback. */
const FALLBACK_PROBES = 3;

const EMPTY_RESPONSE: PagefindResponse = {
  results: [],
  unfilteredResultCount: 0,
  filters: {},
  totalFilters: {},
};

function countsFrom(all: FilterCounts): FacetCounts {
  return {
    loai: all.loai ?? {},
    nam: all.nam ?? {},
    'co-quan': all['co-quan'] ?? {},
    'chu-de': all['chu-de'] ?? {},
    'dia-phuong': all['dia-phuong'] ?? {},
  };
}

const NO_COUNTS = countsFrom({});

/** The outcome of asking Pagefind one term. */
interface Pass {
  term: string | null;
  response: PagefindResponse;
  /** Whether every filter index was loaded before the search, so `response.filters` is complete. */
  countsComplete: boolean;
  /** Results after dropping fallback matches. */
  results: PagefindResult[];
  /** Folded query terms that matched no page. */
  missing: string[];
}

/** A search engine over one Pagefind instance. */
export interface SearchEngine {
  /**
   * Runs a search. Calls are queued (Pagefind's exact-marks switch is shared state); a call still
   * waiting when a newer one arrives resolves to null without searching.
   */
  run(state: SearchState): Promise<SearchOutcome | null>;
}

/** A marked query word as it must appear in a page: lower case, NFC, real `đ`, letters and digits. */
function exactForm(word: string): string {
  return unfoldText(word)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]/gu, '');
}

/**
 * Creates the engine. Loads nothing yet: the filter indexes load with the first search that needs
 * them, or when counts are first asked for (see "Results before counts" above).
 */
export function createSearchEngine(api: PagefindApi, options: EngineOptions): SearchEngine {
  const codeCandidates = options.codeCandidates ?? 40;
  const exactSearchLimit = options.exactSearchLimit ?? 1000;
  const firstPage = options.firstPage ?? 10;
  /** Every filter index, loaded once (counts over the whole index as a by-product). */
  let filtersLoad: Promise<FilterCounts> | undefined;
  let filtersLoaded = false;
  const loadFilters = (): Promise<FilterCounts> => {
    filtersLoad ??= api.filters().then(
      (all) => {
        filtersLoaded = true;
        return all;
      },
      (error: unknown) => {
        // A failed load (a network hiccup) is tried again by the next search that needs it.
        filtersLoad = undefined;
        throw error;
      },
    );
    return filtersLoad;
  };
  let queue: Promise<unknown> = Promise.resolve();
  let latest = 0;
  /** Runs Pagefind work one task at a time. */
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };

  // One load per result object: the checks and the display share it. Keyed by the object, not the
  // page id, because the excerpt in a fragment depends on the search that returned it.
  const dataCache = new WeakMap<PagefindResult, Promise<PagefindResultData>>();
  const dataOf = (r: PagefindResult): Promise<PagefindResultData> => {
    let p = dataCache.get(r);
    if (p === undefined) {
      p = r.data();
      dataCache.set(r, p);
      p.catch(() => dataCache.delete(r));
    }
    return p;
  };
  const evidenceOf = (r: PagefindResult, d: PagefindResultData) => ({
    rawContent: d.raw_content ?? d.content,
    locations: d.locations,
    meta: d.meta,
    matchedMetaFields: r.matchedMetaFields ?? [],
  });

  const searchOptions = (
    state: SearchState,
    term: string | null,
    without?: FacetKey,
  ): PagefindSearchOptions => {
    const filters = pagefindFilters(state.filters, without);
    // Without a query there is no relevance: browsing lists the newest first.
    if (state.sort === 'oldest') return { filters, sort: { [SORT_KEY]: 'asc' } };
    if (state.sort === 'newest' || term === null) return { filters, sort: { [SORT_KEY]: 'desc' } };
    return { filters };
  };

  /** Terms of `term` that the first results show were not really matched ([] if they were). */
  const fallbackTerms = async (term: string, results: readonly PagefindResult[]): Promise<string[]> => {
    const terms = queryTerms(term);
    let first: string[] | undefined;
    for (const r of results.slice(0, FALLBACK_PROBES)) {
      const missing = unmatchedTerms(terms, evidenceOf(r, await dataOf(r)));
      if (missing.length === 0) return [];
      first ??= missing;
    }
    return first ?? [];
  };

  const pass = async (state: SearchState, term: string | null): Promise<Pass> => {
    const opts = searchOptions(state, term);
    // With filters, the results depend on the filter indexes: the query's word indexes load beside
    // them, and the one search then gives the results and complete counts. Without, the results
    // come without waiting for them (see "Results before counts").
    if (hasFilters(state)) await Promise.all([loadFilters(), api.preload(term, opts)]);
    const countsComplete = filtersLoaded;
    const response = (await api.search(term, opts)) ?? EMPTY_RESPONSE;
    // The first page's texts are needed to show it, and by the checks below: load them at once,
    // side by side, rather than one check after another.
    for (const r of response.results.slice(0, firstPage)) dataOf(r).catch(() => undefined);
    if (term === null || response.results.length === 0) {
      return { term, response, countsComplete, results: response.results, missing: [] };
    }
    const missing = await fallbackTerms(term, response.results);
    return { term, response, countsComplete, results: missing.length > 0 ? [] : response.results, missing };
  };

  /** Query words (display form) that match no page at all, to tell the reader what to change. */
  const missingWords = async (term: string): Promise<string[]> => {
    const out: string[] = [];
    for (const word of term.split(' ')) {
      const alone = (await api.search(word))?.results ?? [];
      if (alone.length === 0 || (await fallbackTerms(word, alone)).length > 0) out.push(unfoldText(word));
    }
    return out;
  };

  /** Results whose matched words carry exactly the marks of the query's marked words. */
  const exactMatches = async (
    state: SearchState,
    term: string,
    results: readonly PagefindResult[],
  ): Promise<Set<string> | undefined> => {
    const marked = markedWords(term);
    if (marked.length === 0) return undefined;
    if (results.length <= exactSearchLimit) {
      await api.options({ exactDiacritics: true });
      try {
        const exact = await api.search(marked.join(' '), searchOptions(state, term));
        return new Set(exact?.results.map((r) => r.id));
      } finally {
        await api.options({ exactDiacritics: false });
      }
    }
    const wanted = marked.map(exactForm);
    const head = results.slice(0, firstPage);
    const loaded = await Promise.all(head.map(dataOf));
    const exact = new Set<string>();
    head.forEach((r, i) => {
      const d = loaded[i];
      if (d === undefined) return;
      const words = matchedWords(evidenceOf(r, d)).map(exactForm);
      // The last word may still be being typed: a prefix is enough for it.
      const ok = wanted.every((w, j) =>
        words.some((x) => (j === wanted.length - 1 ? x.startsWith(w) : x === w)),
      );
      if (ok) exact.add(r.id);
    });
    return exact;
  };

  const codeMatchesOf = async (query: CodeQuery, results: readonly PagefindResult[]) => {
    const candidates = results
      .filter((r) => r.matchedMetaFields?.some((f) => f === META.code || f === META.codeKeys))
      .slice(0, codeCandidates);
    const loaded = await Promise.all(candidates.map(dataOf));
    return candidates.flatMap((r, i) => {
      const d = loaded[i];
      const code = d?.meta[META.code];
      if (d === undefined || code === undefined) return [];
      const page = { code: unfoldText(code), type: d.filters.loai?.[0] };
      const date = expandCompactDate(d.meta[META.date] ?? '') ?? undefined;
      return isCodeMatch(query, page) ? [{ id: r.id, date }] : [];
    });
  };

  const counts = async (state: SearchState, found: Pass): Promise<FacetCounts> => {
    if (found.results.length === 0) return NO_COUNTS;
    let counted = found.response.filters;
    if (!found.countsComplete) {
      // The results came before the filter indexes: load them, then ask again for the counts.
      await loadFilters();
      const again = await api.search(found.term, searchOptions(state, found.term));
      counted = again?.filters ?? {};
    }
    const out = countsFrom(counted);
    for (const { key } of FACETS) {
      if (state.filters[key].length > 0) {
        const wider = await api.search(found.term, searchOptions(state, found.term, key));
        out[key] = wider?.filters[key] ?? {};
      }
    }
    return out;
  };

  const run = async (state: SearchState, id: number): Promise<SearchOutcome> => {
    const q = state.q.trim();
    const base = { unmatched: [], codeQuery: null, codeMatches: 0, withoutFilters: 0 };
    if (q === '' && !hasFilters(state)) {
      return { ...base, status: 'idle', hits: [], counts: async () => countsFrom(await loadFilters()) };
    }

    const plain = prepareQuery(q);
    const codeQuery = plain === '' ? null : parseCodeQuery(q);
    let found: Pass | undefined;
    let codeTerm = '';
    if (codeQuery !== null) {
      codeTerm = codeSearchTerm(codeQuery);
      const attempt = await pass(state, [codeTerm, prepareQuery(codeQuery.rest)].join(' ').trim());
      if (attempt.results.length > 0) found = attempt;
    }
    const viaCode = found !== undefined;
    found ??= await pass(state, plain === '' ? null : plain);
    const term = found.term;

    const codeMatches = viaCode && codeQuery !== null ? await codeMatchesOf(codeQuery, found.results) : [];
    let ids = found.results.map((r) => r.id);
    if (term !== null && state.sort === 'relevance' && ids.length > 1) {
      // The code word carries no marks; the words typed around it may.
      const words = viaCode ? term.slice(codeTerm.length).trim() : term;
      const exact = await exactMatches(state, words, found.results);
      ids = orderResults({ ids, codeMatches, ...(exact === undefined ? {} : { exact }) });
    }

    // The words asked, to mark in a summary shown instead of an excerpt.
    const asked = term === null ? [] : term.split(' ').map(unfoldText);
    const byId = new Map(found.results.map((r) => [r.id, r]));
    const hits = ids.flatMap((id): SearchHit[] => {
      const r = byId.get(id);
      if (r === undefined) return [];
      return [{ id, view: async () => resultView(await dataOf(r), options.labels, asked) }];
    });
    let unmatched: string[] = [];
    let withoutFilters = 0;
    if (hits.length === 0 && term !== null) {
      const missing = found.missing;
      unmatched =
        missing.length > 0
          ? term
              .split(' ')
              .filter((w) => missing.includes(wordKey(w)))
              .map(unfoldText)
          : await missingWords(plain);
      if (unmatched.length === 0 && hasFilters(state)) {
        withoutFilters = (await pass({ ...state, filters: emptyFilters() }, term)).results.length;
      }
    }
    const settled = found;
    let countsOnce: Promise<FacetCounts | null> | undefined;
    return {
      status: hits.length > 0 ? 'results' : 'empty',
      hits,
      counts: () => {
        countsOnce ??= enqueue(() => (id === latest ? counts(state, settled) : Promise.resolve(null)));
        return countsOnce;
      },
      unmatched,
      codeQuery,
      codeMatches: codeMatches.length,
      withoutFilters,
    };
  };

  return {
    run(state) {
      const id = ++latest;
      return enqueue(async () => (id === latest ? run(state, id) : null));
    },
  };
}
