/**
 * What a reader's first search costs: serves a built site on loopback and, in headless Chromium with
 * a cold cache, opens the search page with a query and measures the bytes downloaded from
 * `pagefind/` — before the first result link showed, and in all until the page was done — and
 * the time until the first result link shows.
 *
 * Bytes are counted twice: as the files are (the loopback server sends them uncompressed), and as a
 * server compressing text would send them: `.js`, `.json` and `.css` at their gzip size (level 6,
 * nginx's usual `gzip_comp_level` and zlib's default), Pagefind's `.pf_*` and `.pagefind` files as
 * they are, since Pagefind writes them gzipped already.
 *
 * The contract with the search page: `tim-kiem/?q=<query>` runs the query on load and fills an
 * element with the attribute `[data-search-results]` with result links (`a` elements). Work it
 * still does after showing them (the search page's filter counts) is marked `aria-busy="true"`; the
 * total is taken once no element is busy and the network has been quiet for a while. (Playwright's
 * own "networkidle" does not do: it is reached once and stays reached, and a search for common
 * words on a large site keeps the network quiet for seconds before its first results.)
 */
import { gzipSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import { launchBrowser, serveStatic } from '../../tests/helpers/browser.ts';

/** One file under `pagefind/` the search downloaded. */
export interface DownloadedFile {
  /** Path under the base: `pagefind/pagefind.js`. */
  path: string;
  /** Bytes as served (the file on disk). */
  bytes: number;
  /** Bytes a server compressing text would send (see the module comment). */
  wireBytes: number;
  /** Whether it had finished downloading when the first result link showed. */
  beforeResults: boolean;
}

/** The figures of one query, or why there are none. */
export type SearchFigure =
  | {
      query: string;
      status: 'ok';
      /** Bytes under `pagefind/` downloaded before the first result link showed. */
      bytesBeforeResults: number;
      /** Bytes under `pagefind/` until the page was done (see the module comment): all of them. */
      bytes: number;
      /** {@link bytesBeforeResults} as a server compressing text would send them. */
      wireBytesBeforeResults: number;
      /** {@link bytes} as a server compressing text would send them. */
      wireBytes: number;
      /** Those responses, in the order they finished. */
      files: DownloadedFile[];
      /** Milliseconds from the start of navigation to the first result link in the page. */
      firstResultsMs: number;
      /** Result links shown once the page was done. */
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

/**
 * Queries the benchmark measures by default: the commonest words (in every page of the bench
 * corpus) with marks and without, a code, and an uncommon word (an ethnic group's name, in about 2 %
 * of the pages: the corpus has no rarer word).
 */
export const DEFAULT_QUERIES = ['đảng viên', 'dang vien', '21-NQ/TW', 'Raglay'] as const;

/** Selector of the result links the contract promises. */
const RESULT_LINK = '[data-search-results] a';
/** How long the network must be quiet, after the page is no longer busy, to call a search done. */
const QUIET_MS = 1000;

/** Files a server would compress: text. Pagefind's own files are gzipped when written. */
const COMPRESSIBLE = /\.(?:js|mjs|json|css)$/;

/** Bytes of `body` as a server compressing text sends them. */
export function wireSize(path: string, body: Uint8Array): number {
  return COMPRESSIBLE.test(path) ? gzipSync(body, { level: 6 }).byteLength : body.byteLength;
}

const sum = (files: readonly DownloadedFile[], pick: (f: DownloadedFile) => number) =>
  files.reduce((n, f) => n + pick(f), 0);

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
      // Told by the page the moment the first result link is added; a response that finished
      // before that counts as downloaded before the first results.
      let resultsShown = false;
      await page.exposeFunction('__soTayFirstResults', () => {
        resultsShown = true;
      });
      // Record the moment the first result link is added, in page time (0 = navigation start).
      await page.addInitScript((selector: string) => {
        const w = window as unknown as { __firstResultsAt?: number; __soTayFirstResults(): void };
        new MutationObserver((_, observer) => {
          if (w.__firstResultsAt === undefined && document.querySelector(selector)) {
            w.__firstResultsAt = performance.now();
            w.__soTayFirstResults();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      }, RESULT_LINK);
      const prefix = new URL('pagefind/', server.url).pathname;
      const basePath = new URL(server.url).pathname;
      const pending: Promise<DownloadedFile>[] = [];
      let inFlight = 0;
      let lastActivity = performance.now();
      const settle = () => {
        inFlight -= 1;
        lastActivity = performance.now();
      };
      page.on('request', () => {
        inFlight += 1;
        lastActivity = performance.now();
      });
      page.on('requestfailed', settle);
      // `requestfinished` also reports the requests of Pagefind's web worker, which loads the index.
      page.on('requestfinished', (request: Request) => {
        settle();
        const url = new URL(request.url());
        if (!url.pathname.startsWith(prefix)) return;
        const beforeResults = !resultsShown;
        const path = url.pathname.slice(basePath.length);
        pending.push(
          request
            .response()
            .then((response) => response?.body() ?? Buffer.alloc(0))
            .catch(() => Buffer.alloc(0))
            .then((body) => ({
              path,
              bytes: body.byteLength,
              wireBytes: wireSize(path, body),
              beforeResults,
            })),
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
            { timeout },
          );
        } catch {
          figures.push({ query, status: 'n/a', reason: `không có liên kết kết quả sau ${timeout / 1000} s` });
          continue;
        }
        await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, null, {
          timeout: 4 * timeout,
          polling: 100,
        });
        const deadline = performance.now() + timeout;
        while (
          (inFlight > 0 || performance.now() - lastActivity < QUIET_MS) &&
          performance.now() < deadline
        ) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const firstResultsMs = await page.evaluate(
          () => (window as { __firstResultsAt?: number }).__firstResultsAt ?? -1,
        );
        const results = await page.locator(RESULT_LINK).count();
        const files = await Promise.all(pending);
        const before = files.filter((f) => f.beforeResults);
        figures.push({
          query,
          status: 'ok',
          bytesBeforeResults: sum(before, (f) => f.bytes),
          bytes: sum(files, (f) => f.bytes),
          wireBytesBeforeResults: sum(before, (f) => f.wireBytes),
          wireBytes: sum(files, (f) => f.wireBytes),
          files,
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
