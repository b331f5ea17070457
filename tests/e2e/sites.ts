/**
 * The sites the end-to-end suite checks (built by global-setup.ts) and the list of their pages, read
 * from the sitemap the way a crawler would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type StaticServer, serveStatic } from '../helpers/browser.ts';

/** The sub-path every end-to-end build is published under. */
export const E2E_BASE = '/so-tay/';

/** One built site. */
export interface E2eSite {
  /** "fixture" (tests/fixtures/site) or "content" (the real content/). */
  name: string;
  /** Absolute path of the built output. */
  dist: string;
  /** Base path it was built for. */
  base: string;
}

const parser = new XMLParser();

/** `<loc>` values of a sitemap or sitemap index file. */
function locs(file: string): string[] {
  const xml = parser.parse(fs.readFileSync(file, 'utf8')) as {
    sitemapindex?: { sitemap: { loc: string } | { loc: string }[] };
    urlset?: { url: { loc: string } | { loc: string }[] };
  };
  const entries = xml.sitemapindex?.sitemap ?? xml.urlset?.url ?? [];
  return (Array.isArray(entries) ? entries : [entries]).map((e) => e.loc);
}

/**
 * Every page URL in the site's sitemap, as a path under the base ("so-tay/van-ban/…" → "van-ban/…"),
 * read from sitemap-index.xml and the sitemaps it lists. Throws if a listed sitemap is missing.
 */
export function sitemapPaths(site: E2eSite): string[] {
  const sitemaps = locs(path.join(site.dist, 'sitemap-index.xml'));
  return sitemaps.flatMap((loc) => {
    const file = path.join(site.dist, new URL(loc).pathname.slice(site.base.length));
    if (!fs.existsSync(file))
      throw new Error(`sitemap-index.xml lists ${loc}, which was not built (${file})`);
    return locs(file).map((url) => {
      const { pathname } = new URL(url);
      if (!pathname.startsWith(site.base)) throw new Error(`${url} is outside the base path ${site.base}`);
      return pathname.slice(site.base.length);
    });
  });
}

/** An address no site has, to see the 404 page. */
export const MISSING_PATH = 'khong-co-trang-nay/';

/** A built site served on loopback, with a browser, for the tests of one `describe`. */
export interface LiveSite {
  server: StaticServer;
  browser: Browser;
}

/**
 * Serves `site` under its base path and launches Chromium before the tests of the calling
 * `describe`, and stops both after them. Read the fields inside tests, once `beforeAll` has run.
 */
export function useLiveSite(site: E2eSite): LiveSite {
  const live = {} as LiveSite;
  beforeAll(async () => {
    live.server = await serveStatic(site.dist, site.base);
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.close();
  });
  return live;
}

/**
 * Opens `url` and waits until the page's scripts have settled, so a check sees the page a reader
 * sees rather than a half-run one: loaded, the shell script done (it shows the theme button with
 * the reader's choice), and nothing busy (the search page's results).
 */
export async function openSettled(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('#doi-giao-dien').waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}
