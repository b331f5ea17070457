/**
 * Marks the searched words on a page opened from the search results, in the page's indexed content
 * only, and scrolls to the first one — or, when the result linked to a section (`#id` of its
 * heading, where the browser has already scrolled), to the first one in that section if it is out
 * of sight. Loaded by shell.ts only on a document or news page whose referrer is the search page:
 * the query is read from the referrer's `?q=`, so result links stay plain links to their pages (the
 * site sends `Referrer-Policy: same-origin`, which keeps the full address within the site).
 */
import { highlightRanges, highlightTerms, wordsToMark } from '../lib/search/highlight.ts';

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

/** The element the address's `#id` names, if any. */
function fragmentTarget(): Element | null {
  if (location.hash === '') return null;
  try {
    return document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null;
  }
}

/** Whether all of `el` is inside the window. */
function inView(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}

/** Marks the words of `query` (as typed on the search page) in the page's content region. */
export function markSearchedWords(query: string): void {
  const terms = highlightTerms(wordsToMark(query));
  const root = document.querySelector('[data-pagefind-body]');
  if (root === null || terms.length === 0) return;
  const marks = markTerms(root, terms);
  if (location.hash === '') {
    marks[0]?.scrollIntoView({ block: 'center' });
    return;
  }
  // A section's heading is at the top of the window: its first mark, if below the fold, is brought
  // into sight (a mark in the heading itself counts as following it).
  const target = fragmentTarget();
  if (target === null) return;
  const first = marks.find((m) => target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (first !== undefined && !inView(first)) first.scrollIntoView({ block: 'center' });
}
