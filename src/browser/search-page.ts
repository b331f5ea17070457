/**
 * The search page in the browser: loads Pagefind from the site's base path, runs the engine
 * (src/lib/search/engine.ts) for the state in the URL (src/lib/search/state.ts), and shows results,
 * filters with counts, sort and the "nothing found" advice, built by search-render.ts. This file is
 * the wiring: the controls' events, the history, and the order in which a search shows its parts.
 *
 * History: typing replaces the current history entry after the first keystroke (one entry per typed
 * query, not per letter); submitting, filtering and sorting add an entry; Back and Forward restore a
 * search from its URL.
 */

import {
  createSearchEngine,
  type FacetCounts,
  type SearchEngine,
  type SearchOutcome,
} from '../lib/search/engine.ts';
import type { FacetKey, FacetLabels } from '../lib/search/facets.ts';
import type { PagefindApi } from '../lib/search/pagefind-api.ts';
import { EXCERPT_WORDS } from '../lib/search/sections.ts';
import {
  emptyFilters,
  hasFilters,
  parseSearchState,
  type SearchState,
  type SortOrder,
  searchStateToParams,
} from '../lib/search/state.ts';
import {
  adviceBox,
  el,
  facetGroups,
  filterChips,
  filterToggleText,
  moreText,
  panelNote,
  replaceFacets,
  resultItem,
  summaryText,
} from './search-render.ts';

/** Results shown at first and added by each "Xem thêm". */
const PAGE_SIZE = 10;
/** Pause after the last keystroke before searching. */
const TYPING_DELAY_MS = 200;

interface Elements {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  facets: HTMLElement;
  filterPanel: HTMLElement;
  filterToggle: HTMLButtonElement;
  sort: HTMLSelectElement;
  active: HTMLElement;
  message: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
}

function find<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const node = root.querySelector(selector);
  if (!(node instanceof type)) throw new Error(`Trang tìm kiếm thiếu phần tử ${selector}.`);
  return node;
}

class SearchPage {
  private state: SearchState;
  private engine: SearchEngine | undefined;
  private outcome: SearchOutcome | undefined;
  private counts: FacetCounts | undefined;
  private shown = 0;
  private runId = 0;
  /** Resumes counting for the current search once the folded filter panel is shown. */
  private countsWaiting: (() => void) | undefined;
  private typingTimer: number | undefined;
  /** Whether the current history entry was made by typing (then typing replaces it). */
  private typingEntry = false;
  /** Filters whose full list of values the reader opened. */
  private readonly expanded = new Set<FacetKey>();
  private readonly baseTitle = document.title;
  private readonly ui: Elements;
  private readonly labels: FacetLabels;

  constructor(ui: Elements, labels: FacetLabels) {
    this.ui = ui;
    this.labels = labels;
    this.state = parseSearchState(new URLSearchParams(location.search));
  }

  async start(bundle: string, base: string): Promise<void> {
    this.ui.root.hidden = false;
    this.showState();
    this.wire();
    try {
      const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as {
        createInstance(options: Record<string, unknown>): PagefindApi & { init(): Promise<void> };
      };
      // Both paths come from the site's base path: auto-detection breaks under a sub-path.
      const api = pagefind.createInstance({
        basePath: bundle,
        baseUrl: base,
        excerptLength: EXCERPT_WORDS,
        excerptEllipsis: '…',
      });
      await api.init();
      this.engine = createSearchEngine(api, { labels: this.labels, firstPage: PAGE_SIZE });
    } catch (err) {
      console.error(err);
      this.setStatus(
        'Không tải được bộ tìm kiếm. Hãy tải lại trang; nếu vẫn lỗi, xin báo người quản trị trang.',
      );
      return;
    }
    await this.search();
  }

  private wire(): void {
    const { form, input, sort, more, filterToggle, filterPanel } = this.ui;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      window.clearTimeout(this.typingTimer);
      this.update({ q: input.value }, 'commit');
    });
    input.addEventListener('input', () => {
      window.clearTimeout(this.typingTimer);
      this.typingTimer = window.setTimeout(() => this.update({ q: input.value }, 'typing'), TYPING_DELAY_MS);
    });
    sort.addEventListener('change', () => this.update({ sort: sort.value as SortOrder }, 'commit'));
    more.addEventListener('click', () => void this.showMore(true));
    filterToggle.addEventListener('click', () => {
      const open = filterToggle.getAttribute('aria-expanded') !== 'true';
      filterToggle.setAttribute('aria-expanded', String(open));
      filterPanel.classList.toggle('max-lg:hidden', !open);
    });
    // The panel shows when its button opens it or the window grows wide enough: count then.
    new ResizeObserver(() => {
      if (filterPanel.getClientRects().length > 0) this.resumeCounts();
    }).observe(filterPanel);
    window.addEventListener('popstate', () => {
      this.state = parseSearchState(new URLSearchParams(location.search));
      this.typingEntry = false;
      this.showState();
      void this.search();
    });
    // The header's search box searches in place here instead of reloading the page.
    const header = document.querySelector<HTMLFormElement>('header form[role="search"]');
    header?.addEventListener('submit', (event) => {
      const box = header.querySelector<HTMLInputElement>('input[name="q"]');
      if (box === null) return;
      event.preventDefault();
      this.update({ q: box.value }, 'commit');
      input.focus();
    });
  }

  /**
   * Changes the state, records it in the URL and searches. A `commit` (Enter, a filter, the sort)
   * adds a history entry; `typing` adds one for the first change and then replaces it.
   */
  private update(change: Partial<SearchState>, how: 'commit' | 'typing'): void {
    this.state = { ...this.state, ...change, q: (change.q ?? this.state.q).normalize('NFC') };
    const query = searchStateToParams(this.state).toString();
    const url = `${location.pathname}${query === '' ? '' : `?${query}`}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (how === 'typing' && this.typingEntry) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      if (how === 'typing') this.typingEntry = true;
    }
    if (how === 'commit') this.typingEntry = false;
    this.showState();
    void this.search();
  }

  /** Puts the state into the form controls and the page title. */
  private showState(): void {
    const { q, sort } = this.state;
    if (this.ui.input.value.trim() !== q.trim()) this.ui.input.value = q;
    const header = document.querySelector<HTMLInputElement>('header form[role="search"] input[name="q"]');
    if (header !== null) header.value = q;
    this.ui.sort.value = sort;
    document.title = q.trim() === '' ? this.baseTitle : `${q.trim()} – ${this.baseTitle}`;
  }

  private resumeCounts(): void {
    const resume = this.countsWaiting;
    this.countsWaiting = undefined;
    resume?.();
  }

  private setStatus(text: string): void {
    this.ui.status.textContent = text;
  }

  private async search(): Promise<void> {
    if (this.engine === undefined) return;
    const id = ++this.runId;
    // Busy until the results are on the page (tests and assistive technology wait for it).
    this.ui.root.setAttribute('aria-busy', 'true');
    // The filter counts come after the results (see engine.ts): until then the panel keeps the
    // counts of the previous search, or says they are being counted, never shows zeros.
    this.ui.facets.setAttribute('aria-busy', 'true');
    // A previous search still waiting to count is given up.
    this.resumeCounts();
    try {
      const outcome = await this.engine.run(this.state);
      if (id !== this.runId || outcome === null) return;
      this.outcome = outcome;
      this.renderActiveFilters();
      this.renderMessage(outcome);
      this.ui.results.replaceChildren();
      this.shown = 0;
      await this.showMore(false);
      if (id !== this.runId) return;
      this.setStatus(summaryText(outcome, this.state.q));
      this.ui.root.removeAttribute('aria-busy');
      await this.showCounts(outcome, id);
    } catch (err) {
      console.error(err);
      if (id === this.runId) this.setStatus('Tìm kiếm gặp lỗi. Hãy thử lại hoặc tải lại trang.');
    } finally {
      if (id === this.runId) {
        this.ui.root.removeAttribute('aria-busy');
        this.ui.facets.removeAttribute('aria-busy');
      }
    }
  }

  /**
   * Fills the filter panel once the counts are in. On a first search they load after the results
   * are shown; the panel says so meanwhile. A failure to load them leaves the results in place.
   * (this.counts also feeds "Hiện thêm", so it is cleared when the panel no longer shows counts.)
   */
  private async showCounts(outcome: SearchOutcome, id: number): Promise<void> {
    if (this.counts === undefined) {
      this.ui.facets.replaceChildren(panelNote('Đang đếm kết quả theo từng bộ lọc…'));
    }
    if (this.ui.filterPanel.getClientRects().length === 0) {
      // On a narrow screen the panel is folded behind its button: counting waits until it is shown,
      // so a reader who never opens it never loads the filter lists (~100 KB on a large site).
      this.ui.facets.removeAttribute('aria-busy');
      await new Promise<void>((resolve) => {
        this.countsWaiting = resolve;
      });
      if (id !== this.runId) return;
      this.ui.facets.setAttribute('aria-busy', 'true');
    }
    let counts: FacetCounts | null;
    try {
      counts = await outcome.counts();
    } catch (err) {
      console.error(err);
      if (id === this.runId) {
        this.counts = undefined;
        this.ui.facets.replaceChildren(panelNote('Không tải được bộ lọc. Hãy tải lại trang.'));
      }
      return;
    }
    if (id === this.runId && counts !== null) this.renderFacets(counts);
  }

  /**
   * Renders the next page of results, each as soon as it and those above it are loaded (the texts
   * load side by side); with `focus`, moves focus to the first new one (keyboard use).
   */
  private async showMore(focus: boolean): Promise<void> {
    const outcome = this.outcome;
    if (outcome === undefined) return;
    const id = this.runId;
    const batch = outcome.hits.slice(this.shown, this.shown + PAGE_SIZE);
    const views = batch.map((h) => h.view());
    this.shown += batch.length;
    let first = true;
    let n = this.shown - batch.length;
    for (const view of views) {
      const item = resultItem(await view, `ket-qua-${++n}`);
      if (id !== this.runId) return;
      this.ui.results.append(item);
      if (focus && first) item.querySelector('a')?.focus();
      first = false;
    }
    const left = outcome.hits.length - this.shown;
    this.ui.more.hidden = left <= 0;
    this.ui.more.textContent = moreText(left);
  }

  private toggleValue(key: FacetKey, value: string, on: boolean): void {
    const filters = { ...this.state.filters };
    const current = filters[key].filter((v) => v !== value);
    filters[key] = on ? [...current, value] : current;
    this.update({ filters }, 'commit');
  }

  private renderFacets(all: FacetCounts): void {
    this.counts = all;
    const groups = facetGroups({
      counts: all,
      selected: this.state.filters,
      labels: this.labels,
      expanded: this.expanded,
      onToggle: (key, value, on) => this.toggleValue(key, value, on),
      onExpand: (key, open) => {
        if (open) this.expanded.add(key);
        else this.expanded.delete(key);
        if (this.counts !== undefined) this.renderFacets(this.counts);
        this.ui.facets.querySelector<HTMLElement>(`[data-facet="${key}"] button`)?.focus();
      },
    });
    replaceFacets(this.ui.facets, groups);
  }

  private renderActiveFilters(): void {
    this.ui.filterToggle.textContent = filterToggleText(this.state.filters);
    const chips = filterChips({
      selected: this.state.filters,
      labels: this.labels,
      onRemove: (key, value) => {
        this.toggleValue(key, value, false);
        this.ui.input.focus();
      },
      onClear: () => {
        this.update({ filters: emptyFilters() }, 'commit');
        this.ui.input.focus();
      },
    });
    this.ui.active.hidden = chips.length === 0;
    this.ui.active.replaceChildren(...chips);
  }

  private renderMessage(outcome: SearchOutcome): void {
    const box = adviceBox({
      outcome,
      query: this.state.q,
      hasFilters: hasFilters(this.state),
      link: (text, path) => {
        const a = el('a', { text });
        a.href = `${this.ui.root.dataset.base ?? '/'}${path}`;
        return a;
      },
      onClearFilters: () => this.update({ filters: emptyFilters() }, 'commit'),
    });
    this.ui.message.replaceChildren(...(box === null ? [] : [box]));
    this.ui.message.hidden = box === null;
  }
}

/** Starts the search page, if this is it. */
export function initSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  if (root === null) return;
  const ui: Elements = {
    root,
    form: find(root, '[data-search-form]', HTMLFormElement),
    input: find(root, '[data-search-input]', HTMLInputElement),
    status: find(root, '[data-search-status]', HTMLElement),
    facets: find(root, '[data-search-facets]', HTMLElement),
    filterPanel: find(root, '[data-search-filters]', HTMLElement),
    filterToggle: find(root, '[data-search-filter-toggle]', HTMLButtonElement),
    sort: find(root, '[data-search-sort]', HTMLSelectElement),
    active: find(root, '[data-search-active]', HTMLElement),
    message: find(root, '[data-search-message]', HTMLElement),
    results: find(root, '[data-search-results]', HTMLOListElement),
    more: find(root, '[data-search-more]', HTMLButtonElement),
  };
  const labels = JSON.parse(root.dataset.labels ?? '{}') as FacetLabels;
  const page = new SearchPage(ui, labels);
  void page.start(root.dataset.bundle ?? '/pagefind/', root.dataset.base ?? '/');
}
