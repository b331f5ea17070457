/**
 * The search page in Chromium, on the fictional fixture site built under the sub-path /so-tay/:
 * typing, filters, sort, the URL as state (bookmark, Back, Forward), keyboard-only use, the marks on
 * a page opened from the results, accessibility (axe, light and dark), and the page without
 * JavaScript.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSearch } from '../../scripts/bench/measure-search.ts';
import { foldVietnamese } from '../../src/lib/content/text.ts';
import { launchBrowser, type StaticServer, serveStatic } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';

const SITE = 'tests/.tmp/search-e2e';
const BASE = '/so-tay/';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await buildSite({ contentDir: 'tests/fixtures/search-site', outDir: SITE, base: BASE });
  server = await serveStatic(SITE, BASE);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function withPage<T>(
  run: (page: Page, context: BrowserContext) => Promise<T>,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** Waits until the search page has finished the search it is running, filter counts included. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-search-root]');
    const facets = document.querySelector('[data-search-facets]');
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return (
      root !== null &&
      !root.hasAttribute('aria-busy') &&
      facets?.hasAttribute('aria-busy') === false &&
      !status.startsWith('Đang tải')
    );
  });
}

async function openSearch(page: Page, query: string): Promise<void> {
  await page.goto(`${server.url}tim-kiem/${query === '' ? '' : `?${query}`}`);
  await settled(page);
}

/** Result links as paths below the base: "van-ban/9021-nq-tw-2023/". */
async function resultPaths(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('[data-search-results] a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.map((h) => {
    expect(h.startsWith(BASE)).toBe(true);
    return h.slice(BASE.length);
  });
}

function searchParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describe('the search page', () => {
  it('runs the query in the URL on load, under the sub-path, without requests elsewhere', async () => {
    await withPage(async (page) => {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await openSearch(page, 'q=dang+vien');
      const found = await resultPaths(page);
      expect(found).toHaveLength(6);
      // The contract: each result is a plain link to its page.
      const hrefs = await page
        .locator('[data-search-results] a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      for (const href of hrefs) expect(href).toMatch(/^\/so-tay\/(van-ban|tin)\/[^/?#]+\/$/);
      expect(found).toContain('van-ban/9021-nq-tw-2018/');
      await expect(page.locator('[data-search-status]').textContent()).resolves.toBe(
        '6 kết quả cho «dang vien».',
      );
      // The index writes đ as a stand-in letter; none may reach the reader.
      expect(await page.locator('body').textContent()).not.toMatch(/[\u1E0E\u1E0F]/);
      const first = page.locator('[data-search-results] li').first();
      await expect(first.locator('mark').first().textContent()).resolves.toMatch(/^đảng viên$/i);
      expect(await first.textContent()).toMatch(/Nghị quyết · 9021-NQ\/TW · 10\/05\/2018/);
      for (const url of requests) expect(url.startsWith(server.origin)).toBe(true);
    });
  });

  it('shows the first results before loading the filter lists, then counts with them', async () => {
    const [figure] = await measureSearch({ distDir: SITE, base: BASE, queries: ['đảng viên'] });
    if (figure?.status !== 'ok') throw new Error(`expected figures, got ${JSON.stringify(figure)}`);
    const filterLists = (files: typeof figure.files) =>
      files.filter((f) => f.path.startsWith('pagefind/filter/')).length;
    expect(filterLists(figure.files.filter((f) => f.beforeResults))).toBe(0);
    expect(filterLists(figure.files)).toBeGreaterThan(0);
    await withPage(async (page) => {
      await openSearch(page, 'q=đảng+viên');
      await expect(page.getByRole('checkbox', { name: /^Nghị quyết \(2\)$/ }).count()).resolves.toBe(1);
      expect(await page.locator('[data-search-facets]').textContent()).not.toMatch(/Đang đếm/);
    });
  });

  it('on a narrow screen, loads the filter lists only when the reader opens the filters', async () => {
    await withPage(
      async (page) => {
        const filterLists: string[] = [];
        page.on('request', (r) => {
          if (r.url().includes('/pagefind/filter/')) filterLists.push(r.url());
        });
        await openSearch(page, 'q=đảng+viên');
        expect(await resultPaths(page)).toHaveLength(6);
        expect(filterLists).toEqual([]);
        await page.locator('[data-search-filter-toggle]').click();
        await page.getByRole('checkbox', { name: /^Nghị quyết \(2\)$/ }).waitFor();
        expect(filterLists.length).toBeGreaterThan(0);

        // The folded panel's button still says how many filters are chosen.
        await page.goto(`${server.url}tim-kiem/?q=đảng+viên&loai=nghi-quyet`);
        await settled(page);
        await expect(page.locator('[data-search-filter-toggle]').textContent()).resolves.toMatch(
          /Bộ lọc \(1 đang chọn\)/,
        );
      },
      { viewport: { width: 360, height: 800 } },
    );
  });

  it('searches while typing, keeps the state in the URL, and Back and Forward restore it', async () => {
    await withPage(async (page) => {
      await openSearch(page, '');
      await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(/Gõ từ khóa/);
      // Two bursts of typing with a pause between: still one history entry for the query.
      await page.locator('[data-search-input]').pressSequentially('Đảng', { delay: 30 });
      await page.waitForURL((url) => url.searchParams.get('q') === 'Đảng');
      await settled(page);
      await page.locator('[data-search-input]').pressSequentially(' ủy', { delay: 30 });
      await page.waitForURL((url) => url.searchParams.get('q') === 'Đảng ủy');
      await settled(page);
      const all = await resultPaths(page);
      expect(all).toHaveLength(4);

      await page.getByRole('checkbox', { name: /^Quyết định/ }).check();
      await page.waitForURL((url) => url.searchParams.getAll('loai').join() === 'quyet-dinh');
      await settled(page);
      expect(await resultPaths(page)).toEqual(['van-ban/9865-qd-tu-2020/']);

      await page.goBack();
      await settled(page);
      expect(searchParams(page).has('loai')).toBe(false);
      expect(await resultPaths(page)).toEqual(all);
      expect(await page.getByRole('checkbox', { name: /^Quyết định/ }).isChecked()).toBe(false);

      await page.goBack();
      await settled(page);
      expect(searchParams(page).get('q')).toBeNull();
      expect(await page.locator('[data-search-input]').inputValue()).toBe('');

      await page.goForward();
      await page.goForward();
      await settled(page);
      expect(await resultPaths(page)).toEqual(['van-ban/9865-qd-tu-2020/']);
      expect(await page.getByRole('checkbox', { name: /^Quyết định/ }).isChecked()).toBe(true);
    });
  });

  it('opens a bookmarked search with its filters: OR within a filter, AND across, with counts', async () => {
    await withPage(async (page) => {
      await openSearch(page, 'q=đảng+viên&loai=nghi-quyet&loai=quy-dinh');
      expect((await resultPaths(page)).sort()).toEqual([
        'van-ban/9008-qdi-tw-2019/',
        'van-ban/9021-nq-tw-2018/',
        'van-ban/9021-nq-tw-2023/',
      ]);
      const nq = page.getByRole('checkbox', { name: /^Nghị quyết \(2\)$/ });
      await nq.waitFor();
      expect(await nq.isChecked()).toBe(true);
      // Another type still shows what it would add.
      await page.getByRole('checkbox', { name: /^Tin hội nghị \(1\)$/ }).waitFor();
      await page.getByRole('checkbox', { name: /^2023 \(1\)$/ }).check();
      await page.waitForURL((url) => url.searchParams.get('nam') === '2023');
      await settled(page);
      expect(await resultPaths(page)).toEqual(['van-ban/9021-nq-tw-2023/']);
      await expect(page.getByRole('button', { name: 'Bỏ lọc Năm: 2023' }).count()).resolves.toBe(1);
    });
  });

  it('browses with filters and no query, and sorts by date both ways', async () => {
    await withPage(async (page) => {
      await openSearch(page, 'nam=2024&nam=2025');
      const newest = await resultPaths(page);
      expect(newest).toEqual([
        'tin/hoi-nghi-giao-ban-dong-thu/',
        'van-ban/9050-kl-tw-2024/',
        'tin/hoi-nghi-so-ket-nui-thu/',
      ]);
      await page.locator('[data-search-sort]').selectOption('oldest');
      await page.waitForURL((url) => url.searchParams.get('sap-xep') === 'cu-nhat');
      await settled(page);
      expect(await resultPaths(page)).toEqual([...newest].reverse());
    });
  });

  it('says what to change when nothing matches', async () => {
    await withPage(async (page) => {
      await openSearch(page, 'q=Đảng+qqq');
      expect(await resultPaths(page)).toEqual([]);
      await expect(page.locator('[data-search-status]').textContent()).resolves.toBe(
        'Không tìm thấy kết quả cho «Đảng qqq».',
      );
      await expect(page.locator('[data-search-message]').textContent()).resolves.toMatch(
        /Không trang nào có từ «qqq»/,
      );

      await openSearch(page, 'q=dân+vận&loai=nghi-quyet');
      const message = page.locator('[data-search-message]');
      await expect(message.textContent()).resolves.toMatch(/Bỏ bộ lọc thì có 1 kết quả/);
      await message.getByRole('button', { name: 'bỏ tất cả bộ lọc' }).click();
      await page.waitForURL((url) => !url.searchParams.has('loai'));
      await settled(page);
      expect(await resultPaths(page)).toEqual(['tin/hoi-nghi-giao-ban-dong-thu/']);
    });
  });

  it('works from the keyboard alone, and the opened page marks the searched words', async () => {
    await withPage(async (page) => {
      await page.goto(server.url);
      await page.keyboard.press('/');
      await page.keyboard.type('dang vien');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/so-tay\/tim-kiem\/\?q=dang\+vien/);
      await settled(page);

      // Tab from the search box to a filter, tick it with Space, then on to the first result.
      await page.locator('[data-search-input]').focus();
      const focusedLabel = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return el instanceof HTMLInputElement && el.type === 'checkbox'
            ? (el.labels?.[0]?.textContent ?? '')
            : el instanceof HTMLAnchorElement
              ? `link:${el.closest('[data-search-results]') ? 'result' : 'other'}`
              : '';
        });
      for (let i = 0; i < 30 && !(await focusedLabel()).startsWith('Nghị quyết'); i++)
        await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.waitForURL((url) => url.searchParams.get('loai') === 'nghi-quyet');
      await settled(page);
      expect(await resultPaths(page)).toHaveLength(2);
      expect(await focusedLabel()).toMatch(/^Nghị quyết/);

      for (let i = 0; i < 60 && (await focusedLabel()) !== 'link:result'; i++)
        await page.keyboard.press('Tab');
      expect(await focusedLabel()).toBe('link:result');
      const scripts: string[] = [];
      page.on('request', (r) => scripts.push(new URL(r.url()).pathname));
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/so-tay\/van-ban\/9021-nq-tw-20\d\d\/$/);
      const marks = page.locator('mark.search-hit');
      await marks.first().waitFor();
      const texts = await marks.allInnerTexts();
      expect(texts.length).toBeGreaterThan(2);
      for (const t of texts) expect(t.toLowerCase()).toMatch(/^(đảng|đang|dạng|dang|viên)$/);
      // Only the page's content is marked: not the navigation, not the metadata table.
      expect(await page.locator('nav mark, table mark, header[role="banner"] mark').count()).toBe(0);
      expect(await page.locator('[data-pagefind-body] mark.search-hit').count()).toBe(texts.length);
      expect(scripts.some((p) => /\/highlight\.[^/]+\.js$/.test(p))).toBe(true);

      // The same page opened directly marks nothing and does not load the highlighter.
      scripts.length = 0;
      await page.goto(page.url());
      await page.waitForLoadState('networkidle');
      expect(await page.locator('mark').count()).toBe(0);
      expect(scripts.some((p) => /\/highlight\.[^/]+\.js$/.test(p))).toBe(false);
    });
  });

  it.each([
    [1280, 'thể thức trình bày', '5. Thể thức trình bày báo cáo', '5-thể-thức-trình-bày-báo-cáo'],
    [360, 'kiem diem danh gia xep loai', '4. Tiêu chí xếp loại chất lượng', '4-tiêu-chí-xếp-loại-chất-lượng'],
  ])(
    'at %i px, "%s" lands on the section of the long guidance that says it',
    async (width, q, heading, id) => {
      await withPage(
        async (page) => {
          await openSearch(page, `q=${encodeURIComponent(q)}`);
          const result = page.locator('[data-search-results] li').filter({ hasText: 'Về kiểm điểm' });
          // The result names the section it leads to, and its link says so to a screen reader.
          await expect(result.getByText('Ở mục:').textContent()).resolves.toBe(`Ở mục: ${heading}`);
          const link = result.getByRole('link', { name: /Về kiểm điểm/ });
          await expect(
            link.getAttribute('aria-describedby').then((d) => page.locator(`#${d}`).textContent()),
          ).resolves.toBe(`Ở mục: ${heading}`);
          await link.click();
          await page.waitForURL((url) => url.pathname === `${BASE}van-ban/9044-hd-vptw-2022/`);
          expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#${id}`);
          await page.locator('mark.search-hit').first().waitFor();
          // Scrolled down to the section: its heading is on screen, with the words marked in it.
          const target = page.locator(`[id="${id}"]`);
          expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
          const box = await target.boundingBox();
          expect(box?.y).toBeGreaterThanOrEqual(0);
          expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(900);
          const marked = await target.locator('mark.search-hit').allInnerTexts();
          expect(marked.length).toBeGreaterThan(0);
          const words = foldVietnamese(q).split(' ');
          for (const m of marked) expect(words).toContain(foldVietnamese(m));
        },
        { viewport: { width, height: 900 } },
      );
    },
  );

  it.each(['light', 'dark'] as const)(
    'passes axe with results and filters shown (%s)',
    async (colorScheme) => {
      for (const width of [1280, 360]) {
        await withPage(
          async (page) => {
            // Filters chosen; then a result that leads to a section of a long page.
            for (const [query, value] of [
              ['q=đảng+viên&loai=nghi-quyet', /^Nghị quyết/],
              ['q=thể+thức+trình+bày', /^Hướng dẫn/],
            ] as const) {
              await openSearch(page, query);
              // On a narrow screen the filters fold behind a button: open them so they are checked too.
              if (width < 1024) await page.locator('[data-search-filter-toggle]').click();
              await page.getByRole('checkbox', { name: value }).waitFor();
              const { violations } = await new AxeBuilder({ page }).analyze();
              expect(
                violations.map(
                  (v) => `${query} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
                ),
              ).toEqual([]);
            }
          },
          { colorScheme, viewport: { width, height: 900 } },
        );
      }
    },
  );

  it('without JavaScript, says search needs it and offers the listings; the header box still submits', async () => {
    await withPage(
      async (page) => {
        await page.goto(server.url);
        await page.locator('header input[name="q"]').fill('đảng viên');
        await page.locator('header input[name="q"]').press('Enter');
        await page.waitForURL(/\/so-tay\/tim-kiem\/\?q=/);
        expect(searchParams(page).get('q')).toBe('đảng viên');
        // (Playwright's text locators skip <noscript>, so read the rendered text.)
        await expect(page.locator('main').textContent()).resolves.toMatch(/Tìm kiếm cần bật JavaScript/);
        await expect(
          page.locator('main a', { hasText: 'Tất cả văn bản' }).getAttribute('href'),
        ).resolves.toBe(`${BASE}van-ban/`);
        expect(await page.locator('[data-search-root]').isVisible()).toBe(false);
      },
      { javaScriptEnabled: false },
    );
  });
});
