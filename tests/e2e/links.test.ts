/**
 * Gate: no internal link or asset is broken. linkinator crawls the site on a local server under the
 * base path, starting from every page of the sitemap (that each is also linked from the home page is
 * checked by no-javascript.test.ts), and checks every href/src (and #fragment) on the site's origin;
 * links to other origins (the cited sources) are not followed: the site runs on an intranet.
 */
import { LinkChecker } from 'linkinator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type StaticServer, serveStatic } from '../helpers/browser.ts';
import { MISSING_PATH, sitemapPaths } from './sites.ts';

describe.each(inject('e2eSites'))('$name site', (site) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(site.dist, site.base);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has no broken internal link, asset or #fragment on any page of the sitemap', async () => {
    const pages = sitemapPaths(site);
    const result = await new LinkChecker().check({
      path: pages.map((p) => new URL(p, server.url).href),
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      timeout: 20_000,
      linksToSkip: async (link) => !link.startsWith(`${server.origin}/`),
    });
    // One line per broken target, naming a few of the pages that link to it.
    const rel = (u: string | undefined) => (u ?? '?').replace(server.url, '');
    const brokenTargets = Map.groupBy(
      result.links.filter((l) => l.state === 'BROKEN'),
      (l) => `${rel(l.url)} (${l.status ?? 'lỗi'})`,
    );
    const broken = [...brokenTargets].map(
      ([target, links]) =>
        `${target} — trên ${links.length} trang: ${links
          .slice(0, 3)
          .map((l) => rel(l.parent) || '(trang chủ)')
          .join(', ')}${links.length > 3 ? ', …' : ''}`,
    );
    expect(broken).toEqual([]);
    // Every sitemap page was itself fetched and found.
    const ok = new Set(
      result.links.filter((l) => l.state === 'OK').map((l) => l.url.replace(server.url, '')),
    );
    expect(pages.filter((p) => !ok.has(p))).toEqual([]);
  }, 600_000);

  it('serves the site’s own 404 page for a missing address', async () => {
    const response = await fetch(new URL(MISSING_PATH, server.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Không tìm thấy trang');
  });
});
