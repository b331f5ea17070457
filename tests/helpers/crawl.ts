/**
 * Walks a served site the way a reader without JavaScript can: from a start page, following every
 * `<a href>` and nothing else (no forms, no scripts, no sitemap), within the site's base path.
 */
import { Parser } from 'htmlparser2';

/** What a crawl reached. */
export interface Crawl {
  /** HTML pages reached, as paths under the base ("van-ban/", "khoa/xiii/"), sorted. */
  pages: string[];
  /** For each page reached, the first page found linking to it ("" for the start). */
  via: Map<string, string>;
}

/** The `href` of every `<a>` in `html`. */
function linksOf(html: string): string[] {
  const hrefs: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'a' && attributes.href !== undefined) hrefs.push(attributes.href);
    },
  });
  parser.write(html);
  parser.end();
  return hrefs;
}

/**
 * Crawls from `siteUrl` (the site's address with its base path, ending in "/"), fetching each page
 * once. A link's query and fragment are dropped (the page is the same); links leaving the base path
 * are not followed; a response that is not HTML (the RSS feed) is not a page.
 */
export async function crawlLinks(siteUrl: string): Promise<Crawl> {
  const root = new URL(siteUrl);
  const rel = (u: URL) => u.pathname.slice(root.pathname.length);
  const via = new Map<string, string>([['', '']]);
  const pages: string[] = [];
  const queue = [''];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const response = await fetch(new URL(next, root));
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('text/html')) continue;
    pages.push(next);
    for (const href of linksOf(await response.text())) {
      const target = new URL(href, new URL(next, root));
      if (target.origin !== root.origin || !target.pathname.startsWith(root.pathname)) continue;
      const path = rel(target);
      if (via.has(path)) continue;
      via.set(path, next);
      queue.push(path);
    }
  }
  return { pages: pages.sort(), via };
}
