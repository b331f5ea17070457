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
 * 5. Each result, once shown, links to the section of its page that holds the most query words when
 *    that beats the page's top (sections.ts); a document a code query names links to its top.
 * 6. Filter counts: for a filter with values selected, the counts come from the same search without
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
import {
  type MatchEvidence,
  markedWords,
  matchedWords,
  prepareQuery,
  queryTerms,
  unmatchedTerms,
  wordKey,
} from './query.ts';
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
   * Counts per filter value for the current query (see step 6 above). A filter with values selected
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

/** What every step of a search shares: Pagefind, the settings, and what has been loaded so far. */
interface Context {
  api: PagefindApi;
  labels: FacetLabels;
  codeCandidates: number;
  exactSearchLimit: number;
  firstPage: number;
  /** Loads every filter index, once (counts over the whole index come as a by-product). */
  loadFilters(): Promise<FilterCounts>;
  /** Whether that load has finished. */
  filtersLoaded(): boolean;
  /** A result's fragment, loaded once for the checks and the display alike. */
  dataOf(result: PagefindResult): Promise<PagefindResultData>;
}

/** The filter indexes, loaded by the first search that needs them (see "Results before counts"). */
function filterLoader(api: PagefindApi): Pick<Context, 'loadFilters' | 'filtersLoaded'> {
  let load: Promise<FilterCounts> | undefined;
  let loaded = false;
  return {
    loadFilters: () => {
      load ??= api.filters().then(
        (all) => {
          loaded = true;
          return all;
        },
        (error: unknown) => {
          // A failed load (a network hiccup) is tried again by the next search that needs it.
          load = undefined;
          throw error;
        },
      );
      return load;
    },
    filtersLoaded: () => loaded,
  };
}

/**
 * One load per result object: the checks and the display share it. Keyed by the object, not the
 * page id, because the excerpt in a fragment depends on the search that returned it.
 */
function fragmentCache(): Context['dataOf'] {
  const cache = new WeakMap<PagefindResult, Promise<PagefindResultData>>();
  return (r) => {
    let p = cache.get(r);
    if (p === undefined) {
      p = r.data();
      cache.set(r, p);
      p.catch(() => cache.delete(r));
    }
    return p;
  };
}

/** Runs Pagefind work one task at a time. */
function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };
}

/** A marked query word as it must appear in a page: lower case, NFC, real `đ`, letters and digits. */
function exactForm(word: string): string {
  return unfoldText(word)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]/gu, '');
}

function evidenceOf(r: PagefindResult, d: PagefindResultData): MatchEvidence {
  return {
    rawContent: d.raw_content ?? d.content,
    locations: d.locations,
    meta: d.meta,
    matchedMetaFields: r.matchedMetaFields ?? [],
  };
}

/** Pagefind's options for a search of `term` in `state`, optionally leaving one filter out. */
function searchOptions(state: SearchState, term: string | null, without?: FacetKey): PagefindSearchOptions {
  const filters = pagefindFilters(state.filters, without);
  // Without a query there is no relevance: browsing lists the newest first.
  if (state.sort === 'oldest') return { filters, sort: { [SORT_KEY]: 'asc' } };
  if (state.sort === 'newest' || term === null) return { filters, sort: { [SORT_KEY]: 'desc' } };
  return { filters };
}

/** Terms of `term` that the first results show were not really matched ([] if they were). */
async function fallbackTerms(
  ctx: Context,
  term: string,
  results: readonly PagefindResult[],
): Promise<string[]> {
  const terms = queryTerms(term);
  let first: string[] | undefined;
  for (const r of results.slice(0, FALLBACK_PROBES)) {
    const missing = unmatchedTerms(terms, evidenceOf(r, await ctx.dataOf(r)));
    if (missing.length === 0) return [];
    first ??= missing;
  }
  return first ?? [];
}

/** Steps 2–3: asks Pagefind for `term` with the state's filters and drops fallback matches. */
async function ask(ctx: Context, state: SearchState, term: string | null): Promise<Pass> {
  const opts = searchOptions(state, term);
  // With filters, the results depend on the filter indexes: the query's word indexes load beside
  // them, and the one search then gives the results and complete counts. Without, the results
  // come without waiting for them (see "Results before counts").
  if (hasFilters(state)) await Promise.all([ctx.loadFilters(), ctx.api.preload(term, opts)]);
  const countsComplete = ctx.filtersLoaded();
  const response = (await ctx.api.search(term, opts)) ?? EMPTY_RESPONSE;
  // The first page's texts are needed to show it, and by the checks below: load them at once,
  // side by side, rather than one check after another.
  for (const r of response.results.slice(0, ctx.firstPage)) ctx.dataOf(r).catch(() => undefined);
  if (term === null || response.results.length === 0) {
    return { term, response, countsComplete, results: response.results, missing: [] };
  }
  const missing = await fallbackTerms(ctx, term, response.results);
  return { term, response, countsComplete, results: missing.length > 0 ? [] : response.results, missing };
}

/** What the query found, and how it was asked (steps 1–3). */
interface Found {
  pass: Pass;
  /** The query prepared for Pagefind ("" for browsing). */
  plain: string;
  codeQuery: CodeQuery | null;
  /** The joined code word the results were found with, or "" when they were found as typed. */
  codeTerm: string;
}

/** Steps 1–3: the query as a joined code first when it names one, else as typed. */
async function findResults(ctx: Context, state: SearchState, q: string): Promise<Found> {
  const plain = prepareQuery(q);
  const codeQuery = plain === '' ? null : parseCodeQuery(q);
  if (codeQuery !== null) {
    const codeTerm = codeSearchTerm(codeQuery);
    const attempt = await ask(ctx, state, [codeTerm, prepareQuery(codeQuery.rest)].join(' ').trim());
    if (attempt.results.length > 0) return { pass: attempt, plain, codeQuery, codeTerm };
  }
  return { pass: await ask(ctx, state, plain === '' ? null : plain), plain, codeQuery, codeTerm: '' };
}

/** The documents a code query names among the results that matched in the code fields. */
async function codeMatchesOf(ctx: Context, query: CodeQuery, results: readonly PagefindResult[]) {
  const candidates = results
    .filter((r) => r.matchedMetaFields?.some((f) => f === META.code || f === META.codeKeys))
    .slice(0, ctx.codeCandidates);
  const loaded = await Promise.all(candidates.map(ctx.dataOf));
  return candidates.flatMap((r, i) => {
    const d = loaded[i];
    const code = d?.meta[META.code];
    if (d === undefined || code === undefined) return [];
    const page = { code: unfoldText(code), type: d.filters.loai?.[0] };
    const date = expandCompactDate(d.meta[META.date] ?? '') ?? undefined;
    return isCodeMatch(query, page) ? [{ id: r.id, date }] : [];
  });
}

/** Results whose matched words carry exactly the marks of the query's marked words. */
async function exactMatches(
  ctx: Context,
  state: SearchState,
  term: string,
  results: readonly PagefindResult[],
): Promise<Set<string> | undefined> {
  const marked = markedWords(term);
  if (marked.length === 0) return undefined;
  if (results.length <= ctx.exactSearchLimit) {
    await ctx.api.options({ exactDiacritics: true });
    try {
      const exact = await ctx.api.search(marked.join(' '), searchOptions(state, term));
      return new Set(exact?.results.map((r) => r.id));
    } finally {
      await ctx.api.options({ exactDiacritics: false });
    }
  }
  const wanted = marked.map(exactForm);
  const head = results.slice(0, ctx.firstPage);
  const loaded = await Promise.all(head.map(ctx.dataOf));
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
}

/** The order of the results (step 4). */
interface Order {
  ids: string[];
  /** The documents the code query names. */
  named: ReadonlySet<string>;
}

/** Step 4: the final order of the result ids, and the documents the code query names. */
async function relevanceOrder(
  ctx: Context,
  state: SearchState,
  { pass, codeQuery, codeTerm }: Found,
): Promise<Order> {
  const viaCode = codeTerm !== '';
  const codeMatches = viaCode && codeQuery !== null ? await codeMatchesOf(ctx, codeQuery, pass.results) : [];
  const named = new Set(codeMatches.map((m) => m.id));
  const ids = pass.results.map((r) => r.id);
  if (pass.term === null || state.sort !== 'relevance' || ids.length <= 1) return { ids, named };
  // The code word carries no marks; the words typed around it may.
  const words = viaCode ? pass.term.slice(codeTerm.length).trim() : pass.term;
  const exact = await exactMatches(ctx, state, words, pass.results);
  return { ids: orderResults({ ids, codeMatches, ...(exact === undefined ? {} : { exact }) }), named };
}

/**
 * The results in order, each shaping its display on demand. A document the code query names links
 * to its top, never to a section that happens to repeat its code; any other result may link to the
 * section its words are in.
 */
function hitsOf(ctx: Context, pass: Pass, { ids, named }: Order): SearchHit[] {
  // The words asked, to mark in a summary shown instead of an excerpt.
  const asked = pass.term === null ? [] : pass.term.split(' ').map(unfoldText);
  const terms = pass.term === null ? [] : queryTerms(pass.term);
  const byId = new Map(pass.results.map((r) => [r.id, r]));
  return ids.flatMap((id): SearchHit[] => {
    const r = byId.get(id);
    if (r === undefined) return [];
    const sectionTerms = named.has(id) ? [] : terms;
    return [{ id, view: async () => resultView(await ctx.dataOf(r), ctx.labels, asked, sectionTerms) }];
  });
}

/** Query words (display form) that match no page at all, to tell the reader what to change. */
async function missingWords(ctx: Context, term: string): Promise<string[]> {
  const out: string[] = [];
  for (const word of term.split(' ')) {
    const alone = (await ctx.api.search(word))?.results ?? [];
    if (alone.length === 0 || (await fallbackTerms(ctx, word, alone)).length > 0) out.push(unfoldText(word));
  }
  return out;
}

/** When nothing matched: the words no page has, or else how many results the filters hid. */
async function explainNothing(
  ctx: Context,
  state: SearchState,
  { pass, plain }: Found,
): Promise<Pick<SearchOutcome, 'unmatched' | 'withoutFilters'>> {
  const term = pass.term;
  if (term === null) return { unmatched: [], withoutFilters: 0 };
  const unmatched =
    pass.missing.length > 0
      ? term
          .split(' ')
          .filter((w) => pass.missing.includes(wordKey(w)))
          .map(unfoldText)
      : await missingWords(ctx, plain);
  const withoutFilters =
    unmatched.length === 0 && hasFilters(state)
      ? (await ask(ctx, { ...state, filters: emptyFilters() }, term)).results.length
      : 0;
  return { unmatched, withoutFilters };
}

/** Step 6: counts per filter value for the search that found `found`. */
async function countFacets(ctx: Context, state: SearchState, found: Pass): Promise<FacetCounts> {
  if (found.results.length === 0) return NO_COUNTS;
  let counted = found.response.filters;
  if (!found.countsComplete) {
    // The results came before the filter indexes: load them, then ask again for the counts.
    await ctx.loadFilters();
    const again = await ctx.api.search(found.term, searchOptions(state, found.term));
    counted = again?.filters ?? {};
  }
  const out = countsFrom(counted);
  for (const { key } of FACETS) {
    if (state.filters[key].length > 0) {
      const wider = await ctx.api.search(found.term, searchOptions(state, found.term, key));
      out[key] = wider?.filters[key] ?? {};
    }
  }
  return out;
}

/**
 * Creates the engine. Loads nothing yet: the filter indexes load with the first search that needs
 * them, or when counts are first asked for (see "Results before counts" above).
 */
export function createSearchEngine(api: PagefindApi, options: EngineOptions): SearchEngine {
  const ctx: Context = {
    api,
    labels: options.labels,
    codeCandidates: options.codeCandidates ?? 40,
    exactSearchLimit: options.exactSearchLimit ?? 1000,
    firstPage: options.firstPage ?? 10,
    ...filterLoader(api),
    dataOf: fragmentCache(),
  };
  const enqueue = serialQueue();
  let latest = 0;

  const run = async (state: SearchState, id: number): Promise<SearchOutcome> => {
    const q = state.q.trim();
    const base = { unmatched: [], codeQuery: null, codeMatches: 0, withoutFilters: 0 };
    if (q === '' && !hasFilters(state)) {
      return { ...base, status: 'idle', hits: [], counts: async () => countsFrom(await ctx.loadFilters()) };
    }
    const found = await findResults(ctx, state, q);
    const order = await relevanceOrder(ctx, state, found);
    const hits = hitsOf(ctx, found.pass, order);
    const why = hits.length === 0 ? await explainNothing(ctx, state, found) : base;
    let countsOnce: Promise<FacetCounts | null> | undefined;
    return {
      status: hits.length > 0 ? 'results' : 'empty',
      hits,
      // Counting waits its turn, and is skipped once a newer search has been asked for.
      counts: () => {
        countsOnce ??= enqueue(() =>
          id === latest ? countFacets(ctx, state, found.pass) : Promise.resolve(null),
        );
        return countsOnce;
      },
      unmatched: why.unmatched,
      withoutFilters: why.withoutFilters,
      codeQuery: found.codeQuery,
      codeMatches: order.named.size,
    };
  };

  return {
    run(state) {
      const id = ++latest;
      return enqueue(async () => (id === latest ? run(state, id) : null));
    },
  };
}
