/**
 * What a reader's first search costs: serves a built site on loopback and, in headless Chromium with
 * a cold cache, opens the search page with a query and measures the bytes downloaded from
 * `pagefind/` and the time until the first result link shows.
 *
 * The contract with the search page: `tim-kiem/?q=<query>` runs the query on load and fills an
 * element with the attribute `[data-search-results]` with result links (`a` elements).
 */
import type { Response } from 'playwright-core';
import { launchBrowser, serveStatic } from '../../tests/helpers/browser.ts';

/** The figures of one query, or why there are none. */
export type SearchFigure =
  | {
      query: string;
      status: 'ok';
      /** Bytes of every response under `pagefind/` until the network was idle after the first results. */
      bytes: number;
      /** Paths (under the base) of those responses, in the order they arrived. */
      files: string[];
      /** Milliseconds from the start of navigation to the first result link in the page. */
      firstResultsMs: number;
      /** Result links shown once the network was idle. */
      results: number;
    }
  | { query: string; status: 'n/a'; reason: string };

/** Options of {@link measureSearch}. */
export interface MeasureSearchOptions {
  /** The built site. */
  distDir: string;
  /** Base path the site was built for, e.g. `/` or `/so-tay/`. */
  base?: string;
  queries: readonly string[];
  /** How long to wait for the first result link. */
  timeoutMs?: number;
}

/** Queries the benchmark measures by default: accented words, the same unaccented, a code. */
export const DEFAULT_QUERIES = ['đảng viên', 'dang vien', '21-NQ/TW'] as const;

/** Selector of the result links the contract promises. */
const RESULT_LINK = '[data-search-results] a';

/**
 * Runs each query in a fresh browser context (nothing cached) and returns its figures. A page that
 * does not follow the contract, or shows no result in time, gives `n/a` with the reason, never a
 * made-up number.
 */
export async function measureSearch(options: MeasureSearchOptions): Promise<SearchFigure[]> {
  const base = options.base ?? '/';
  const timeout = options.timeoutMs ?? 15_000;
  const server = await serveStatic(options.distDir, base);
  const browser = await launchBrowser();
  const figures: SearchFigure[] = [];
  try {
    for (const query of options.queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Record the moment the first result link is added, in page time (0 = navigation start).
      await page.addInitScript((selector: string) => {
        const w = window as unknown as { __firstResultsAt?: number };
        new MutationObserver((_, observer) => {
          if (w.__firstResultsAt === undefined && document.querySelector(selector)) {
            w.__firstResultsAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      }, RESULT_LINK);
      const prefix = new URL('pagefind/', server.url).pathname;
      const pending: Promise<{ path: string; bytes: number }>[] = [];
      page.on('response', (response: Response) => {
        const url = new URL(response.url());
        if (!url.pathname.startsWith(prefix)) return;
        pending.push(
          response
            .body()
            .then((body) => ({
              path: url.pathname.slice(new URL(server.url).pathname.length),
              bytes: body.byteLength,
            }))
            .catch(() => ({ path: url.pathname, bytes: 0 })),
        );
      });
      try {
        await page.goto(new URL(`tim-kiem/?q=${encodeURIComponent(query)}`, server.url).href, {
          waitUntil: 'load',
        });
        if ((await page.locator('[data-search-results]').count()) === 0) {
          figures.push({
            query,
            status: 'n/a',
            reason: 'trang tìm kiếm chưa có phần tử [data-search-results]',
          });
          continue;
        }
        try {
          await page.waitForFunction(
            () => (window as { __firstResultsAt?: number }).__firstResultsAt !== undefined,
            null,
            {
              timeout,
            },
          );
        } catch {
          figures.push({ query, status: 'n/a', reason: `không có liên kết kết quả sau ${timeout / 1000} s` });
          continue;
        }
        await page.waitForLoadState('networkidle');
        const firstResultsMs = await page.evaluate(
          () => (window as { __firstResultsAt?: number }).__firstResultsAt ?? -1,
        );
        const results = await page.locator(RESULT_LINK).count();
        const responses = await Promise.all(pending);
        figures.push({
          query,
          status: 'ok',
          bytes: responses.reduce((sum, r) => sum + r.bytes, 0),
          files: responses.map((r) => r.path),
          firstResultsMs,
          results,
        });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
