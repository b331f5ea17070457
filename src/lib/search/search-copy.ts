/**
 * The copy of a built page that Pagefind indexes: the page folded (fold.ts), cut down to its
 * indexed region when that changes nothing Pagefind records.
 *
 * Pagefind reads only the element marked `data-pagefind-body` once any page has one, and every
 * `data-pagefind-*` attribute of our pages is inside it (the hidden search record included). The
 * rest of a page (head, header, navigation, footer) is parsed for nothing, so the copy keeps the
 * region alone in a bare document. A page with a Pagefind attribute outside its region is copied
 * whole. tests/unit/search/search-copy.test.ts and the search integration test hold the index the
 * same either way.
 */
import { foldHtml } from './fold.ts';

/** The tag carrying `data-pagefind-body`, with its name. */
const REGION_START = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body[\s=>]/;
const SHELL_START = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>';
const SHELL_END = '</body></html>';

/**
 * The region of `html` Pagefind indexes, from its start tag to the last closing tag of the same
 * name (which ends the region or an element after it, outside the region: either way nothing
 * indexed is cut), or null when the page has no region or has Pagefind attributes outside it.
 */
export function indexedRegion(html: string): string | null {
  const start = REGION_START.exec(html);
  if (start === null) return null;
  const close = `</${start[1]}>`;
  const end = html.lastIndexOf(close);
  if (end < start.index) return null;
  const stop = end + close.length;
  if (html.slice(0, start.index).includes('data-pagefind-') || html.slice(stop).includes('data-pagefind-'))
    return null;
  return html.slice(start.index, stop);
}

/**
 * What to hand Pagefind for a built page: null when the page is not indexed (no region), else the
 * folded region in a bare document, or the whole folded page (see {@link indexedRegion}).
 *
 * @throws FoldError when the page already holds the stand-in letter (see fold.ts).
 */
export function searchCopy(html: string): string | null {
  if (!REGION_START.test(html)) return null;
  const region = indexedRegion(html);
  return region === null ? foldHtml(html) : `${SHELL_START}${foldHtml(region)}${SHELL_END}`;
}
