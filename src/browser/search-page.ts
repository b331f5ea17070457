/**
 * The search page in the browser: loads Pagefind from the site's base path, runs the engine
 * (src/lib/search/engine.ts) for the state in the URL, and renders results, filters with counts,
 * sort and the "nothing found" advice. Everything is built as DOM nodes from text: nothing from the
 * index is ever parsed as HTML.
 *
 * History: typing replaces the current history entry after the first keystroke (one entry per typed
 * query, not per letter); submitting, filtering and sorting add an entry; Back and Forward restore a
 * search from its URL.
 */

import { compareVietnamese } from '../lib/content/text.ts';
import {
  createSearchEngine,
  type FacetCounts,
  type SearchEngine,
  type SearchOutcome,
} from '../lib/search/engine.ts';
import { FACETS, type FacetKey, type FacetLabels } from '../lib/search/facets.ts';
import type { PagefindApi } from '../lib/search/pagefind-api.ts';
import type { ResultView } from '../lib/search/results.ts';
import {
  emptyFilters,
  hasFilters,
  parseSearchState,
  type SearchState,
  type SortOrder,
  searchStateToParams,
} from '../lib/search/state.ts';

/** Results shown at first and added by each "Xem thêm". */
const PAGE_SIZE = 10;
/** Pause after the last keystroke before searching. */
const TYPING_DELAY_MS = 200;
/** Values a filter shows before "Hiện thêm". */
const SHOWN_VALUES = 8;

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

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string } = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class !== undefined) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

function find<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const node = root.querySelector(selector);
  if (!(node instanceof type)) throw new Error(`Trang tìm kiếm thiếu phần tử ${selector}.`);
  return node;
}

const quoted = (s: string) => `«${s}»`;
const plural = (n: number, what: string) => `${n.toLocaleString('vi-VN')} ${what}`;

/** Values of one filter in display order. */
function orderValues(key: FacetKey, counts: Record<string, number>, labels: FacetLabels): string[] {
  const values = Object.keys(counts);
  if (key === 'loai') {
    const order = Object.keys(labels.loai);
    return values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  if (key === 'nam') return values.sort((a, b) => Number(b) - Number(a));
  const label = (v: string) => labels[key][v] ?? v;
  return values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || compareVietnamese(label(a), label(b)));
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
        excerptLength: 28,
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
      this.setStatus(this.summary(outcome));
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
      this.ui.facets.replaceChildren(
        el('p', { class: 'mt-2 text-sm text-muted', text: 'Đang đếm kết quả theo từng bộ lọc…' }),
      );
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
        this.ui.facets.replaceChildren(
          el('p', { class: 'mt-2 text-sm text-muted', text: 'Không tải được bộ lọc. Hãy tải lại trang.' }),
        );
      }
      return;
    }
    if (id === this.runId && counts !== null) this.renderFacets(counts);
  }

  private summary(outcome: SearchOutcome): string {
    const q = this.state.q.trim();
    if (outcome.status === 'idle') return 'Gõ từ khóa hoặc chọn một bộ lọc để bắt đầu.';
    const n = outcome.hits.length;
    if (n === 0)
      return q === ''
        ? 'Không có trang nào khớp các bộ lọc đã chọn.'
        : `Không tìm thấy kết quả cho ${quoted(q)}.`;
    return q === ''
      ? `${plural(n, 'trang')} khớp các bộ lọc đã chọn.`
      : `${plural(n, 'kết quả')} cho ${quoted(q)}.`;
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
    for (const view of views) {
      const item = this.resultItem(await view);
      if (id !== this.runId) return;
      this.ui.results.append(item);
      if (focus && first) item.querySelector('a')?.focus();
      first = false;
    }
    const left = outcome.hits.length - this.shown;
    this.ui.more.hidden = left <= 0;
    this.ui.more.textContent = `Xem thêm kết quả (còn ${left.toLocaleString('vi-VN')})`;
  }

  private resultItem(view: ResultView): HTMLLIElement {
    const facts: Array<Node | string> = [];
    if (view.typeLabel !== undefined)
      facts.push(el('span', { class: 'font-semibold text-link', text: view.typeLabel }));
    if (view.code !== undefined) facts.push(el('span', { class: 'font-semibold', text: view.code }));
    if (view.date !== undefined && view.dateLabel !== undefined) {
      const time = el('time', { text: view.dateLabel });
      time.dateTime = view.date;
      facts.push(time);
    }
    const line = el('p', { class: 'text-sm text-muted' });
    facts.forEach((f, i) => {
      if (i > 0) line.append(el('span', { text: ' · ' }));
      line.append(f);
    });
    const link = el('a', { class: 'text-lg font-semibold', text: view.title });
    // A plain link to the page: the page marks the searched words itself (see highlight.ts).
    link.href = view.url;
    const excerpt = el('p', { class: 'mt-1 text-fg' });
    for (const piece of view.excerpt)
      excerpt.append(piece.marked ? el('mark', { text: piece.text }) : piece.text);
    return el(
      'li',
      { class: 'border-b border-line py-4' },
      line,
      el('h3', { class: 'mt-1 leading-snug' }, link),
      excerpt,
    );
  }

  private toggleValue(key: FacetKey, value: string, on: boolean): void {
    const filters = { ...this.state.filters };
    const current = filters[key].filter((v) => v !== value);
    filters[key] = on ? [...current, value] : current;
    this.update({ filters }, 'commit');
  }

  private renderFacets(all: FacetCounts): void {
    this.counts = all;
    const groups: HTMLElement[] = [];
    for (const { key, label } of FACETS) {
      const counts = { ...all[key] };
      for (const v of this.state.filters[key]) counts[v] ??= 0;
      const values = orderValues(key, counts, this.labels).filter(
        (v) => (counts[v] ?? 0) > 0 || this.state.filters[key].includes(v),
      );
      if (values.length === 0) continue;
      const open = this.expanded.has(key);
      const list = el('ul', { class: 'mt-1 space-y-1' });
      values.forEach((value, i) => {
        const id = `loc-${key}-${i}`;
        const box = el('input', { class: 'mt-1 size-4 shrink-0 accent-[var(--c-accent)]' });
        box.type = 'checkbox';
        box.id = id;
        box.value = value;
        box.checked = this.state.filters[key].includes(value);
        box.addEventListener('change', () => this.toggleValue(key, value, box.checked));
        const name = this.labels[key][value] ?? value;
        const text = el(
          'label',
          { class: 'flex-1' },
          name,
          el('span', { class: 'text-muted', text: ` (${counts[value] ?? 0})` }),
        );
        text.htmlFor = id;
        const item = el('li', { class: 'flex items-start gap-2' }, box, text);
        item.hidden = !open && i >= SHOWN_VALUES && !box.checked;
        list.append(item);
      });
      const fieldset = el(
        'fieldset',
        { class: 'mt-3 border-t border-line pt-2' },
        el('legend', { class: 'font-semibold', text: label }),
        list,
      );
      const hiddenCount = [...list.children].filter((c) => (c as HTMLElement).hidden).length;
      if (hiddenCount > 0 || open) {
        const toggle = el('button', {
          class: 'mt-1 text-sm text-link underline',
          text: open ? 'Thu gọn' : `Hiện thêm ${hiddenCount}`,
        });
        toggle.type = 'button';
        toggle.setAttribute('aria-expanded', String(open));
        toggle.addEventListener('click', () => {
          if (open) this.expanded.delete(key);
          else this.expanded.add(key);
          if (this.counts !== undefined) this.renderFacets(this.counts);
          this.ui.facets.querySelector<HTMLElement>(`[data-facet="${key}"] button`)?.focus();
        });
        fieldset.append(toggle);
      }
      fieldset.dataset.facet = key;
      groups.push(fieldset);
    }
    if (groups.length === 0)
      groups.push(
        el('p', { class: 'mt-2 text-sm text-muted', text: 'Không có bộ lọc nào cho kết quả này.' }),
      );
    // Keep keyboard focus on the checkbox the reader just used, across the re-render.
    const focused = document.activeElement;
    const focusKey =
      focused instanceof HTMLInputElement && this.ui.facets.contains(focused) ? focused.value : undefined;
    const focusFacet =
      focused instanceof HTMLElement
        ? focused.closest<HTMLElement>('[data-facet]')?.dataset.facet
        : undefined;
    this.ui.facets.replaceChildren(...groups);
    if (focusKey !== undefined && focusFacet !== undefined) {
      for (const box of this.ui.facets.querySelectorAll<HTMLInputElement>(
        `[data-facet="${focusFacet}"] input`,
      )) {
        if (box.value === focusKey) box.focus();
      }
    }
  }

  private renderActiveFilters(): void {
    // On the filter panel's button, which says it even while the folded panel waits to count.
    const selected = FACETS.reduce((n, { key }) => n + this.state.filters[key].length, 0);
    this.ui.filterToggle.textContent = selected > 0 ? `Bộ lọc (${selected} đang chọn)` : 'Bộ lọc';
    const chips: HTMLElement[] = [];
    for (const { key, label } of FACETS) {
      for (const value of this.state.filters[key]) {
        const name = this.labels[key][value] ?? value;
        const chip = el(
          'button',
          { class: 'rounded-full border border-line bg-surface px-3 py-0.5' },
          `${name} `,
          el('span', { text: '×' }),
        );
        chip.type = 'button';
        chip.setAttribute('aria-label', `Bỏ lọc ${label}: ${name}`);
        chip.addEventListener('click', () => {
          this.toggleValue(key, value, false);
          this.ui.input.focus();
        });
        chips.push(chip);
      }
    }
    this.ui.active.hidden = chips.length === 0;
    if (chips.length === 0) return;
    const clear = el('button', { class: 'text-link underline', text: 'Bỏ tất cả bộ lọc' });
    clear.type = 'button';
    clear.addEventListener('click', () => {
      this.update({ filters: emptyFilters() }, 'commit');
      this.ui.input.focus();
    });
    this.ui.active.replaceChildren(el('span', { class: 'text-muted', text: 'Đang lọc:' }), ...chips, clear);
  }

  /** The box above the results: advice when nothing matched, or when a code names no document. */
  private renderMessage(outcome: SearchOutcome): void {
    const box = this.ui.message;
    box.replaceChildren();
    box.hidden = true;
    const tips: Array<Array<Node | string>> = [];
    const q = this.state.q.trim();
    if (outcome.status === 'results' && outcome.codeQuery !== null && outcome.codeMatches === 0) {
      tips.push([
        `Sổ tay chưa có văn bản mang số hiệu ${quoted(q)}; dưới đây là các trang nhắc tới số hiệu này. `,
        'Kiểm tra lại số, loại và cơ quan ban hành (ví dụ 21-NQ/TW).',
      ]);
    }
    if (outcome.status === 'empty') {
      if (outcome.unmatched.length > 0) {
        const words = outcome.unmatched.map(quoted).join(', ');
        tips.push([`Không trang nào có từ ${words}. Kiểm tra chính tả, hoặc bỏ từ đó đi.`]);
      } else if (q !== '' && q.includes(' ')) {
        tips.push(['Không trang nào có đủ tất cả các từ. Thử bớt một vài từ.']);
      }
      if (outcome.codeQuery !== null) {
        tips.push([
          'Nếu bạn tìm theo số hiệu: kiểm tra lại số và loại văn bản, ví dụ 21-NQ/TW, NQ 21 hoặc nghị quyết số 21. ',
          'Có thể Sổ tay chưa có văn bản này: ',
          this.link('xem danh sách văn bản còn thiếu', 'van-ban-con-thieu/'),
          '.',
        ]);
      }
      if (hasFilters(this.state)) {
        const clear = el('button', { class: 'text-link underline', text: 'bỏ tất cả bộ lọc' });
        clear.type = 'button';
        clear.addEventListener('click', () => this.update({ filters: emptyFilters() }, 'commit'));
        const wider = outcome.withoutFilters;
        tips.push([
          wider > 0
            ? `Bỏ bộ lọc thì có ${plural(wider, 'kết quả')}: bỏ bớt một bộ lọc ở trên, hoặc `
            : 'Bỏ bớt một bộ lọc ở trên, hoặc ',
          clear,
          '.',
        ]);
      }
      tips.push(['Thử từ khác gần nghĩa, hoặc duyệt theo ', this.link('danh sách văn bản', 'van-ban/'), '.']);
    }
    if (tips.length === 0) return;
    const title = outcome.status === 'empty' ? 'Gợi ý:' : 'Lưu ý:';
    box.append(
      el(
        'div',
        { class: 'rounded border border-line bg-surface p-4' },
        el('p', { class: 'font-semibold', text: title }),
        el('ul', { class: 'mt-2 list-disc space-y-1 pl-6' }, ...tips.map((t) => el('li', {}, ...t))),
      ),
    );
    box.hidden = false;
  }

  private link(text: string, path: string): HTMLAnchorElement {
    const a = el('a', { text });
    a.href = `${this.ui.root.dataset.base ?? '/'}${path}`;
    return a;
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
