/**
 * Gate: every page but the search page works with JavaScript off — its heading, main navigation and
 * content show, following a navigation link loads the next page, and every page of the sitemap can
 * be reached from the home page by links alone. Also: a document page printed shows its metadata
 * table and text without the site's navigation.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { crawlLinks } from '../helpers/crawl.ts';
import { sitemapPaths, useLiveSite } from './sites.ts';

/** Document pages: van-ban/<id>/, not the paginated listing van-ban/2/. */
const DOCUMENT_PAGE = /^van-ban\/(?!\d+\/$)[^/]+\/$/;

describe.each(inject('e2eSites'))('$name site', (site) => {
  const live = useLiveSite(site);
  let page: Page;
  const url = (p: string) => new URL(p, live.server.url).href;
  beforeAll(async () => {
    const context = await live.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 800 },
    });
    page = await context.newPage();
  });

  it('shows heading, main navigation and content on every page but search, with JavaScript off', async () => {
    const problems: string[] = [];
    const paths = sitemapPaths(site).filter((p) => !p.startsWith('tim-kiem/'));
    for (const p of paths) {
      await page.goto(url(p));
      const h1 = page.locator('main h1');
      if ((await h1.count()) !== 1 || !(await h1.isVisible()) || !(await h1.textContent())?.trim()) {
        problems.push(`${p}: không thấy đúng một tiêu đề h1`);
      }
      const nav = page.getByRole('navigation', { name: 'Chính' }).getByRole('link');
      if ((await nav.count()) < 6) problems.push(`${p}: thanh điều hướng chính thiếu liên kết`);
      for (const link of await nav.all()) {
        // At 360 px the bar wraps: every link is on screen, none hidden or scrolled out of sight.
        const box = await link.boundingBox();
        if (!(await link.isVisible()) || box === null || box.x < 0 || box.x + box.width > 360)
          problems.push(`${p}: liên kết "${await link.textContent()}" bị ẩn hoặc nằm ngoài màn hình 360 px`);
      }
      if (((await page.locator('main').textContent()) ?? '').trim().length < 40)
        problems.push(`${p}: nội dung chính trống`);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('reaches every page of the sitemap from the home page by following links alone', async () => {
    const { pages } = await crawlLinks(live.server.url);
    const listed = sitemapPaths(site);
    expect(listed.filter((p) => !pages.includes(p))).toEqual([]);
    // And the sitemap misses no page a reader can reach.
    expect(pages.filter((p) => !listed.includes(p))).toEqual([]);
  }, 600_000);

  it('lets a reader browse with links alone: home → documents → a document', async () => {
    await page.goto(url(''));
    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Văn bản' }).click();
    await page.waitForURL(url('van-ban/'));
    await expect(page.locator('main h1').textContent()).resolves.toContain('Tất cả văn bản');
    const first = page.locator('main table a').first();
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await page.waitForURL(documentPageUrl(live.server.url));
    await expect(page.locator('main h1').textContent()).resolves.toContain(name);
  });

  it('lets a reader find a news item from the timeline: home → Theo năm → the news item', async () => {
    await page.goto(url(''));
    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Theo năm' }).click();
    await page.waitForURL(url('nam/'));
    // A year's entries list news as well as documents, each news item marked "Tin:".
    const news = page.locator('main ol li li', { hasText: 'Tin:' }).getByRole('link').first();
    const title = ((await news.textContent()) ?? '').trim();
    expect(title.length).toBeGreaterThan(0);
    await news.click();
    await page.waitForURL((u) => u.pathname.includes('/tin/'));
    await expect(page.locator('main h1').textContent()).resolves.toContain(title);
  });

  it('prints a document page with its metadata table and text but no navigation', async () => {
    const docPath = sitemapPaths(site).find((p) => DOCUMENT_PAGE.test(p));
    expect(docPath).toBeDefined();
    const printContext = await live.browser.newContext();
    const print = await printContext.newPage();
    await print.goto(url(docPath as string));
    await print.emulateMedia({ media: 'print' });
    for (const hidden of ['header[role="banner"]', 'footer[role="contentinfo"]', '.skip-link']) {
      await expect(print.locator(hidden).first().isVisible(), hidden).resolves.toBe(false);
    }
    for (const nav of await print.locator('nav').all()) await expect(nav.isVisible()).resolves.toBe(false);
    await expect(print.getByRole('table', { name: 'Thông tin văn bản' }).isVisible()).resolves.toBe(true);
    await expect(print.locator('main h1').isVisible()).resolves.toBe(true);
    await expect(print.locator('main .prose-vi').first().isVisible()).resolves.toBe(true);
    // The PDF is the printed page itself; keep one to look at.
    const pdf = await print.pdf({ path: `${site.dist}/../${site.name}-print.pdf` });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await printContext.close();
  });
});

function documentPageUrl(base: string): RegExp {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}van-ban/(?!\\d+/$)[^/]+/$`);
}
