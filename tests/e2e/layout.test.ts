/**
 * Gate: layouts hold from 360 px — no page of the sitemap (nor the 404 page) scrolls sideways on a
 * 360 px wide screen. Wide tables may scroll inside their own box; the page itself must not.
 */
import { describe, expect, inject, it } from 'vitest';
import { MISSING_PATH, sitemapPaths, useLiveSite } from './sites.ts';

describe.each(inject('e2eSites'))('$name site', (site) => {
  const live = useLiveSite(site);

  it('does not overflow sideways at 360 px on any page', async () => {
    const context = await live.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const p of [...sitemapPaths(site), MISSING_PATH]) {
      await page.goto(new URL(p, live.server.url).href, { waitUntil: 'load' });
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      if (scroll > client) problems.push(`${p}: rộng ${scroll} px trên màn hình ${client} px`);
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 600_000);
});
