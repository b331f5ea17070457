/**
 * Marks the searched words on a page opened from the search results (its URL carries
 * `?hl=đảng&hl=viên`), in the page's indexed content only, and scrolls to the first one. Loaded by
 * shell.ts only when that parameter is present.
 */
import { highlightRanges, highlightTerms } from '../lib/search/highlight.ts';

/** Elements whose text is never marked. */
const SKIP = 'script, style, noscript, mark, [data-pagefind-ignore], textarea, input';

/** Wraps every matching word under `root` in `<mark>`; returns the marks made. */
export function markTerms(root: Element, terms: readonly string[]): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) texts.push(n as Text);
  const marks: HTMLElement[] = [];
  for (const node of texts) {
    const ranges = highlightRanges(node.data, terms);
    const made: HTMLElement[] = [];
    // Right to left, so earlier offsets stay valid while the node is split.
    for (const [start, end] of [...ranges].reverse()) {
      const hit = node.splitText(start);
      hit.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      hit.replaceWith(mark);
      mark.append(hit);
      made.unshift(mark);
    }
    marks.push(...made);
  }
  return marks;
}

/** Reads the words from the URL and marks them in the page's content region. */
export function highlightFromUrl(): void {
  const terms = highlightTerms(new URLSearchParams(location.search).getAll('hl'));
  const root = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main');
  if (root === null || terms.length === 0) return;
  const marks = markTerms(root, terms);
  if (location.hash === '' && marks[0] !== undefined) marks[0].scrollIntoView({ block: 'center' });
}
