/**
 * Builds the site's Pagefind index from the built HTML with Pagefind's Node API: each page is folded
 * first (fold.ts) so `đ` and the marks match the way the search box folds a query. Called by
 * `scripts/build.ts` after Astro exits, and by the so-tay:pagefind integration for a plain
 * `astro build`.
 *
 * Why folded copies on disk rather than `addHTMLFile`: the Node API hands each page to Pagefind's
 * process as one base64 JSON message on a pipe, and the service reads those one after another; at
 * 2,000 pages that took 2.4 times the wall time of the Pagefind CLI (10.5 s against 4.4 s) for the
 * same pages. `addDirectory` instead lets Pagefind read and parse a folder of files on all cores,
 * as its CLI does. So the pages are folded in batches into two staging folders that take turns: while
 * Pagefind reads one batch, the next is folded (the two processes share the two cores), and each
 * batch finished is a progress line with the count of pages indexed. docs/performance.md has the
 * figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { FoldError, foldHtml } from './fold.ts';

/** The folder of the search bundle inside the built site; the search page loads it from the base path. */
export const BUNDLE_DIR = 'pagefind';
/** The attribute on a tag marking the indexed region: only document and news pages have one. */
const BODY_MARKER = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/;
/**
 * Files Pagefind writes for its ready-made interfaces. The site has its own search page (Pagefind's
 * interfaces offer no way to filter results or rewrite queries) and its own highlighter, so these
 * are removed rather than published.
 */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;
/**
 * Pages per batch: enough that Pagefind's parallel read pays off and that a 10,000-page site is a
 * dozen progress lines; few enough that the two staging folders stay small (about 25 MB each).
 */
const BATCH = 1000;
/** Files read and folded at once within a batch. */
const CONCURRENCY = 16;
/**
 * Word-index chunk size, in Pagefind's units (page entries plus word positions; its default is
 * 20,000). Read by the Pagefind 1.6 binary from this environment variable. A query loads the chunk of
 * each of its words, so smaller chunks make a query for an uncommon word or a code download a few
 * kilobytes instead of some thirty; the index holds more, smaller files. Without the variable (a
 * later Pagefind) only that saving is lost.
 */
const INDEX_CHUNK_SIZE = '2000';

/** Called after each batch: pages indexed so far, and HTML files looked at out of all. */
export type IndexProgress = (progress: { pages: number; filesDone: number; files: number }) => void;

/** What {@link buildSearchIndex} did. */
export interface SearchIndexStats {
  /** Pages indexed. */
  pages: number;
  /** HTML files looked at. */
  files: number;
  /** Seconds spent. */
  seconds: number;
}

/** Built HTML files under `siteDir`, as paths relative to it with `/` separators, sorted. */
function htmlFiles(siteDir: string): string[] {
  return fs
    .readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html') && !f.startsWith(`${BUNDLE_DIR}/`))
    .sort();
}

/** Runs `task` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Writes the folded copy of every page of `batch` that has a content region into `stageDir`, under
 * its path in the site; returns how many it wrote.
 */
async function stageBatch(siteDir: string, batch: readonly string[], stageDir: string): Promise<number> {
  let staged = 0;
  await eachLimited(batch, CONCURRENCY, async (rel) => {
    const html = await fs.promises.readFile(path.join(siteDir, rel), 'utf8');
    if (!BODY_MARKER.test(html)) return;
    let content: string;
    try {
      content = foldHtml(html);
    } catch (err) {
      if (err instanceof FoldError) throw new Error(`Trang ${rel} ${err.message}`);
      throw err;
    }
    const target = path.join(stageDir, rel);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.writeFile(target, content);
    staged++;
  });
  return staged;
}

/**
 * Builds the search index of a built site into `<siteDir>/pagefind/`.
 *
 * Only pages with a `data-pagefind-body` region are indexed (documents and news); listings, the home
 * page and the search page are not, so their navigation and filter labels never match. Each page is
 * folded first (`đ` written as a stand-in Pagefind can fold, see src/lib/search/fold.ts) into a
 * staging folder under its real path, so Pagefind stores its real URL. The bundle is written to a
 * temporary folder and moved into place, so a failed build never leaves half an index.
 */
export async function buildSearchIndex(
  siteDir: string,
  onProgress?: IndexProgress,
): Promise<SearchIndexStats> {
  const started = performance.now();
  const files = htmlFiles(siteDir);
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', writePlayground: false });
  if (!index) throw new Error(`Pagefind không khởi động được: ${errors.join('; ')}`);
  const finalDir = path.join(siteDir, BUNDLE_DIR);
  const tempDir = path.join(siteDir, `.${BUNDLE_DIR}-${process.pid}`);
  // Two staging folders taking turns: one being read by Pagefind, the other being filled.
  const stages = ['a', 'b'].map((k) => path.join(siteDir, `.${BUNDLE_DIR}-stage-${process.pid}-${k}`));
  let pages = 0;
  let indexing: Promise<void> = Promise.resolve();
  try {
    for (let i = 0, turn = 0; i < files.length; i += BATCH, turn++) {
      const stageDir = stages[turn % 2] as string;
      const batch = files.slice(i, i + BATCH);
      const staged = await stageBatch(siteDir, batch, stageDir);
      await indexing;
      const filesDone = i + batch.length;
      indexing = (async () => {
        if (staged > 0) {
          const added = await index.addDirectory({ path: stageDir });
          if (added.errors.length > 0)
            throw new Error(`Pagefind không đọc được các trang đã chuẩn bị: ${added.errors.join('; ')}`);
          pages += added.page_count;
        }
        fs.rmSync(stageDir, { recursive: true, force: true });
        onProgress?.({ pages, filesDone, files: files.length });
      })();
      // Keep an early failure from surfacing as an unhandled rejection while the next batch folds.
      indexing.catch(() => {});
    }
    await indexing;
    fs.rmSync(tempDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: tempDir });
    if (written.errors.length > 0)
      throw new Error(`Pagefind không ghi được chỉ mục: ${written.errors.join('; ')}`);
    for (const f of fs.readdirSync(tempDir)) if (UNUSED_FILES.test(f)) fs.rmSync(path.join(tempDir, f));
    fs.rmSync(finalDir, { recursive: true, force: true });
    fs.renameSync(tempDir, finalDir);
  } finally {
    await indexing.catch(() => {});
    for (const dir of [tempDir, ...stages]) fs.rmSync(dir, { recursive: true, force: true });
    await pagefind.close();
  }
  return { pages, files: files.length, seconds: (performance.now() - started) / 1000 };
}

/**
 * When this environment variable names a file, the integration does not index: it writes the
 * output folder's path into that file, for `scripts/build.ts` to index once Astro has exited. Inside
 * `astro:build:done` Astro still holds the memory of its build (3.4 GiB at 5,000 pages), so Pagefind's
 * own 1.5 GiB came on top of it; one after the other, the build's peak is the larger of the two.
 */
export const INDEX_LATER_ENV = 'SO_TAY_INDEX_LATER';

/** The line logged after indexing; the benchmark reads the pages and seconds back from it. */
export function indexSummary(stats: SearchIndexStats): string {
  return `Đã lập chỉ mục tìm kiếm ${stats.pages} trang (trong ${stats.files} tệp HTML) trong ${stats.seconds.toFixed(1)} s.`;
}
