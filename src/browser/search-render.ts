/**
 * The search page's DOM: results, the filter panel, the chips of the active filters, the advice box
 * and the status line, each built from the current state and handed back as nodes. No state lives
 * here: what a control does is a callback from search-page.ts. Everything is built from text, so
 * nothing from the index is ever parsed as HTML.
 */

import { compareVietnamese } from '../lib/content/text.ts';
import type { FacetCounts, SearchOutcome } from '../lib/search/engine.ts';
import { FACETS, type FacetKey, type FacetLabels } from '../lib/search/facets.ts';
import type { ResultView } from '../lib/search/results.ts';

/** Values a filter shows before "Hiện thêm". */
const SHOWN_VALUES = 8;

/** An element with an optional class and text, and children appended. */
export function el<K extends keyof HTMLElementTagNameMap>(
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

/** A `<button type="button">` that runs `onClick`. */
function button(
  props: { class: string; text?: string },
  onClick: () => void,
  ...children: Array<Node | string>
) {
  const b = el('button', props, ...children);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

const quoted = (s: string) => `«${s}»`;
const plural = (n: number, what: string) => `${n.toLocaleString('vi-VN')} ${what}`;

/** A short note in the filter panel: "counting…", "could not load…". */
export function panelNote(text: string): HTMLParagraphElement {
  return el('p', { class: 'mt-2 text-sm text-muted', text });
}

/** The status line once a search has finished. */
export function summaryText(outcome: SearchOutcome, query: string): string {
  const q = query.trim();
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

/** The text of the "Xem thêm" button. */
export function moreText(left: number): string {
  return `Xem thêm kết quả (còn ${left.toLocaleString('vi-VN')})`;
}

/**
 * One result: type, code and date; the title linking to the page, or to the section of a long page
 * where the words are, whose heading is then shown under the title; the excerpt with its marks.
 * `id` names the result's elements (unique on the page).
 */
export function resultItem(view: ResultView, id: string): HTMLLIElement {
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
  // A plain link to the page or its section: the page marks the searched words itself, and scrolls
  // to them (see highlight.ts).
  link.href = view.section?.url ?? view.url;
  const item = el(
    'li',
    { class: 'border-b border-line py-4' },
    line,
    el('h3', { class: 'mt-1 leading-snug' }, link),
  );
  if (view.section !== undefined) {
    // Where the link leads, read after the link's name by a screen reader.
    const where = el(
      'p',
      { class: 'text-sm text-muted' },
      'Ở mục: ',
      el('span', { class: 'font-semibold text-fg', text: view.section.heading }),
    );
    where.id = `${id}-muc`;
    link.setAttribute('aria-describedby', where.id);
    item.append(where);
  }
  const excerpt = el('p', { class: 'mt-1 text-fg' });
  for (const piece of view.excerpt)
    excerpt.append(piece.marked ? el('mark', { text: piece.text }) : piece.text);
  item.append(excerpt);
  return item;
}

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

/** What the filter panel shows and what its controls do. */
export interface FacetPanel {
  counts: FacetCounts;
  selected: Record<FacetKey, readonly string[]>;
  labels: FacetLabels;
  /** Filters whose full list of values the reader opened. */
  expanded: ReadonlySet<FacetKey>;
  /** A value ticked or unticked. */
  onToggle(key: FacetKey, value: string, on: boolean): void;
  /** "Hiện thêm" or "Thu gọn" pressed. */
  onExpand(key: FacetKey, open: boolean): void;
}

/**
 * One fieldset per filter with values, each value a checkbox with its count; beyond the first few
 * values of a filter, a button shows the rest. A selected value stays listed even at zero.
 */
export function facetGroups(panel: FacetPanel): HTMLElement[] {
  const groups: HTMLElement[] = [];
  for (const { key, label } of FACETS) {
    const selected = panel.selected[key];
    const counts = { ...panel.counts[key] };
    for (const v of selected) counts[v] ??= 0;
    const values = orderValues(key, counts, panel.labels).filter(
      (v) => (counts[v] ?? 0) > 0 || selected.includes(v),
    );
    if (values.length === 0) continue;
    const open = panel.expanded.has(key);
    const list = el('ul', { class: 'mt-1 space-y-1' });
    values.forEach((value, i) => {
      const id = `loc-${key}-${i}`;
      const box = el('input', { class: 'mt-1 size-4 shrink-0 accent-[var(--c-accent)]' });
      box.type = 'checkbox';
      box.id = id;
      box.value = value;
      box.checked = selected.includes(value);
      box.addEventListener('change', () => panel.onToggle(key, value, box.checked));
      const name = panel.labels[key][value] ?? value;
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
      const toggle = button(
        { class: 'mt-1 text-sm text-link underline', text: open ? 'Thu gọn' : `Hiện thêm ${hiddenCount}` },
        () => panel.onExpand(key, !open),
      );
      toggle.setAttribute('aria-expanded', String(open));
      fieldset.append(toggle);
    }
    fieldset.dataset.facet = key;
    groups.push(fieldset);
  }
  if (groups.length === 0) groups.push(panelNote('Không có bộ lọc nào cho kết quả này.'));
  return groups;
}

/**
 * Puts `groups` into the filter panel, keeping keyboard focus on the checkbox the reader just used
 * across the re-render.
 */
export function replaceFacets(facets: HTMLElement, groups: readonly HTMLElement[]): void {
  const focused = document.activeElement;
  const focusKey =
    focused instanceof HTMLInputElement && facets.contains(focused) ? focused.value : undefined;
  const focusFacet =
    focused instanceof HTMLElement ? focused.closest<HTMLElement>('[data-facet]')?.dataset.facet : undefined;
  facets.replaceChildren(...groups);
  if (focusKey === undefined || focusFacet === undefined) return;
  for (const box of facets.querySelectorAll<HTMLInputElement>(`[data-facet="${focusFacet}"] input`)) {
    if (box.value === focusKey) box.focus();
  }
}

/** The filter panel button's text: it says how many values are selected even while folded. */
export function filterToggleText(selected: Record<FacetKey, readonly string[]>): string {
  const n = FACETS.reduce((sum, { key }) => sum + selected[key].length, 0);
  return n > 0 ? `Bộ lọc (${n} đang chọn)` : 'Bộ lọc';
}

/** What the chips of the active filters show and do. */
export interface ActiveFilters {
  selected: Record<FacetKey, readonly string[]>;
  labels: FacetLabels;
  onRemove(key: FacetKey, value: string): void;
  onClear(): void;
}

/** One chip per selected value and a "clear all" button; nothing when no filter is selected. */
export function filterChips({ selected, labels, onRemove, onClear }: ActiveFilters): HTMLElement[] {
  const chips: HTMLElement[] = [];
  for (const { key, label } of FACETS) {
    for (const value of selected[key]) {
      const name = labels[key][value] ?? value;
      const chip = button(
        { class: 'rounded-full border border-line bg-surface px-3 py-0.5' },
        () => onRemove(key, value),
        `${name} `,
        el('span', { text: '×' }),
      );
      chip.setAttribute('aria-label', `Bỏ lọc ${label}: ${name}`);
      chips.push(chip);
    }
  }
  if (chips.length === 0) return [];
  const clear = button({ class: 'text-link underline', text: 'Bỏ tất cả bộ lọc' }, onClear);
  return [el('span', { class: 'text-muted', text: 'Đang lọc:' }), ...chips, clear];
}

/** What the advice box needs to know. */
export interface Advice {
  outcome: SearchOutcome;
  query: string;
  hasFilters: boolean;
  /** A link to a page of the site, by its path under the base. */
  link(text: string, path: string): HTMLAnchorElement;
  onClearFilters(): void;
}

/** The box above the results: advice when nothing matched, or when a code names no document. */
export function adviceBox({ outcome, query, hasFilters, link, onClearFilters }: Advice): HTMLElement | null {
  const tips: Array<Array<Node | string>> = [];
  const q = query.trim();
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
        link('xem danh sách văn bản còn thiếu', 'van-ban-con-thieu/'),
        '.',
      ]);
    }
    if (hasFilters) {
      const clear = button({ class: 'text-link underline', text: 'bỏ tất cả bộ lọc' }, onClearFilters);
      const wider = outcome.withoutFilters;
      tips.push([
        wider > 0
          ? `Bỏ bộ lọc thì có ${plural(wider, 'kết quả')}: bỏ bớt một bộ lọc ở trên, hoặc `
          : 'Bỏ bớt một bộ lọc ở trên, hoặc ',
        clear,
        '.',
      ]);
    }
    tips.push(['Thử từ khác gần nghĩa, hoặc duyệt theo ', link('danh sách văn bản', 'van-ban/'), '.']);
  }
  if (tips.length === 0) return null;
  return el(
    'div',
    { class: 'rounded border border-line bg-surface p-4' },
    el('p', { class: 'font-semibold', text: outcome.status === 'empty' ? 'Gợi ý:' : 'Lưu ý:' }),
    el('ul', { class: 'mt-2 list-disc space-y-1 pl-6' }, ...tips.map((t) => el('li', {}, ...t))),
  );
}
