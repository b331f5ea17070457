/**
 * Builds the site's Pagefind index from the built HTML with Pagefind's Node API: each page is folded
 * first (fold.ts) so `đ` and the marks match the way the search box folds a query. Called by
 * `scripts/build.ts` after Astro exits, and by the so-tay:pagefind integration for a plain
 * `astro build`.
 *
 * How, and why (docs/performance.md has the figures):
 * - Folded copies on disk, read by Pagefind's `addDirectory`, rather than `addHTMLFile`: the Node
 *   API hands each page to Pagefind's process as one base64 JSON message on a pipe, and the
 *   service reads them one after another: at 2,000 pages 10.5 s, against 3.8 s through
 *   `addDirectory`, which lets Pagefind read and parse files as its CLI does (2.5–4.4 s).
 * - Each copy is the page's indexed region only (search-copy.ts): less to fold and to parse, the
 *   same index byte for byte.
 * - The copies are made bucket by bucket (a thousand pages), in a temporary folder in memory
 *   (`/dev/shm`) where the system has one, else in the system's temporary folder: while Pagefind
 *   reads one bucket, the next is folded (the two processes share the cores), a bucket read is
 *   deleted at once (two buckets at most exist, about 40 MB), and each bucket done is a progress
 *   line. Keeping them on disk between builds, to fold only the pages that changed, was no faster
 *   (docs/performance.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { FoldError } from './fold.ts';
import { searchCopy } from './search-copy.ts';

/** The folder of the search bundle inside the built site; the search page loads it from the base path. */
export const BUNDLE_DIR = 'pagefind';
/**
 * Files Pagefind writes for its ready-made interfaces. The site has its own search page (Pagefind's
 * interfaces offer no way to filter results or rewrite queries) and its own highlighter, so these
 * are removed rather than published.
 */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;
/**
 * Pages per bucket: enough that Pagefind's parallel read pays off and that a 10,000-page site is a
 * dozen progress lines; few enough that two buckets of copies stay small (about 20 MB each).
 */
const BUCKET = 1000;
/** Files read and folded at once. */
const CONCURRENCY = 16;
/**
 * Word-index chunk size, in Pagefind's units (page entries plus word positions; its default is
 * 20,000). Read by the Pagefind 1.6 binary from this environment variable. A query loads the chunk of
 * each of its words, so smaller chunks make a query for an uncommon word or a code download a few
 * kilobytes instead of some thirty; the index holds more, smaller files. Without the variable (a
 * later Pagefind) only that saving is lost.
 */
const INDEX_CHUNK_SIZE = '2000';

/** Called after each bucket: pages indexed so far, and HTML files looked at out of all. */
export type IndexProgress = (progress: { pages: number; filesDone: number; files: number }) => void;

/** Options of {@link buildSearchIndex}. */
export interface SearchIndexOptions {
  /** Called after each bucket. */
  onProgress?: IndexProgress;
}

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
 * Writes the copy of every page of `files` that has an indexed region into `bucketDir`, under its
 * path in the site; returns how many it wrote.
 */
async function stageBucket(siteDir: string, bucketDir: string, files: readonly string[]): Promise<number> {
  let staged = 0;
  await eachLimited(files, CONCURRENCY, async (rel) => {
    let copy: string | null;
    try {
      copy = searchCopy(await fs.promises.readFile(path.join(siteDir, rel), 'utf8'));
    } catch (err) {
      if (err instanceof FoldError) throw new Error(`Trang ${rel} ${err.message}`, { cause: err });
      throw err;
    }
    if (copy === null) return;
    const target = path.join(bucketDir, rel);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.writeFile(target, copy);
    staged++;
  });
  return staged;
}

/** A temporary folder for the copies: in memory (`/dev/shm`) when the system has one. */
function makeStageRoot(): string {
  const shm = '/dev/shm';
  let parent = os.tmpdir();
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    parent = shm;
  } catch {
    // No /dev/shm (Windows, macOS): the system's temporary folder.
  }
  return fs.mkdtempSync(path.join(parent, 'so-tay-search-'));
}

/**
 * Builds the search index of a built site into `<siteDir>/pagefind/`.
 *
 * Only pages with a `data-pagefind-body` region are indexed (documents and news); listings, the home
 * page and the search page are not, so their navigation and filter labels never match. Each page is
 * folded first (`đ` written as a stand-in Pagefind can fold, see src/lib/search/fold.ts) into the
 * staging folder under its real path, so Pagefind stores its real URL. The bundle is written to a
 * temporary folder and moved into place, so a failed build never leaves half an index.
 */
export async function buildSearchIndex(
  siteDir: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexStats> {
  const started = performance.now();
  const files = htmlFiles(siteDir);
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', writePlayground: false });
  if (!index) throw new Error(`Pagefind không khởi động được: ${errors.join('; ')}`);
  const finalDir = path.join(siteDir, BUNDLE_DIR);
  const tempDir = path.join(siteDir, `.${BUNDLE_DIR}-${process.pid}`);
  const stageRoot = makeStageRoot();
  let pages = 0;
  let indexing: Promise<void> = Promise.resolve();
  try {
    for (let i = 0, k = 0; i < files.length; i += BUCKET, k++) {
      const bucket = files.slice(i, i + BUCKET);
      const bucketDir = path.join(stageRoot, String(k));
      const staged = await stageBucket(siteDir, bucketDir, bucket);
      await indexing;
      const filesDone = i + bucket.length;
      indexing = (async () => {
        if (staged > 0) {
          const added = await index.addDirectory({ path: bucketDir });
          if (added.errors.length > 0)
            throw new Error(`Pagefind không đọc được các trang đã chuẩn bị: ${added.errors.join('; ')}`);
          pages += added.page_count;
        }
        await fs.promises.rm(bucketDir, { recursive: true, force: true });
        options.onProgress?.({ pages, filesDone, files: files.length });
      })();
      // Keep an early failure from surfacing as an unhandled rejection while the next bucket folds.
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
    for (const dir of [tempDir, stageRoot]) fs.rmSync(dir, { recursive: true, force: true });
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
