/**
 * Check: a link to another host is marked `rel="external noopener noreferrer"`, as the Markdown
 * plugin (src/lib/markdown/external-links.ts) and the source list mark theirs: the reader sees it
 * leaves the site, the other site gets no handle on this tab, and no intranet address leaks in the
 * Referer.
 */
import { parseBrowserUrl } from './browser-url.ts';
import type { HtmlCheck } from './page.ts';

const REQUIRED_REL = ['external', 'noopener', 'noreferrer'] as const;

/** The rel tokens an outbound link lacks; empty when it has them all or does not leave the site. */
export function missingRel(href: string, rel: readonly string[], site: URL): string[] {
  const u = parseBrowserUrl(href, site);
  if (u.url === null || (u.scheme !== 'http' && u.scheme !== 'https') || u.url.origin === site.origin)
    return [];
  return REQUIRED_REL.filter((t) => !rel.includes(t));
}

/** The message for a link lacking `missing`. */
export function missingRelMessage(href: string, missing: readonly string[]): string {
  return `${JSON.stringify(href)}: liên kết ra ngoài thiếu rel="${missing.join(' ')}" (cần rel="external noopener noreferrer").`;
}

/** The check, on `<a>` and `<area>` (SVG links included). */
export const checkExternalLinks: HtmlCheck = ({ page, site, report }) => {
  for (const tag of page.tags) {
    if (tag.name !== 'a' && tag.name !== 'area') continue;
    const rel = (tag.attribs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    for (const attr of ['href', 'xlink:href']) {
      const href = tag.attribs[attr];
      if (href === undefined) continue;
      const missing = missingRel(href, rel, site);
      if (missing.length > 0) report(tag.start, `<${tag.name} ${attr}>: ${missingRelMessage(href, missing)}`);
    }
  }
};
