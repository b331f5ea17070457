/**
 * Builds the site's Pagefind index from the built HTML with Pagefind's Node API: each page is folded
 * first (fold.ts) so `đ` and the marks match the way the search box folds a query. Called by
 * `scripts/build.ts` after Astro exits, and by the so-tay:pagefind integration for a plain
 * `astro build`.
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
/** Pages handed to Pagefind at once: enough to keep its process busy, few enough to bound memory. */
const CONCURRENCY = 16;
/**
 * Word-index chunk size, in Pagefind's units (page entries plus word positions; its default is
 * 20,000). Read by the Pagefind 1.6 binary from this environment variable. A query loads the chunk of
 * each of its words, so smaller chunks make a query for an uncommon word or a code download a few
 * kilobytes instead of some thirty; the index holds more, smaller files. Without the variable (a
 * later Pagefind) only that saving is lost.
 */
const INDEX_CHUNK_SIZE = '2000';

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

/** The URL Pagefind stores for a file, without the base path (pagefind.js adds it at run time). */
function pageUrl(rel: string): string {
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Builds the search index of a built site into `<siteDir>/pagefind/`.
 *
 * Only pages with a `data-pagefind-body` region are indexed (documents and news); listings, the home
 * page and the search page are not, so their navigation and filter labels never match. Each page is
 * folded first (`đ` written as a stand-in Pagefind can fold, see src/lib/search/fold.ts) and added
 * under its real URL. The bundle is written to a temporary folder and moved into place, so a failed
 * build never leaves half an index.
 */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexStats> {
  const started = performance.now();
  const files = htmlFiles(siteDir);
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', writePlayground: false });
  if (!index) throw new Error(`Pagefind không khởi động được: ${errors.join('; ')}`);
  const finalDir = path.join(siteDir, BUNDLE_DIR);
  const tempDir = path.join(siteDir, `.${BUNDLE_DIR}-${process.pid}`);
  let pages = 0;
  try {
    for (let i = 0; i < files.length; i += CONCURRENCY) {
      await Promise.all(
        files.slice(i, i + CONCURRENCY).map(async (rel) => {
          const html = await fs.promises.readFile(path.join(siteDir, rel), 'utf8');
          if (!BODY_MARKER.test(html)) return;
          let content: string;
          try {
            content = foldHtml(html);
          } catch (err) {
            if (err instanceof FoldError) throw new Error(`Trang ${rel} ${err.message}`, { cause: err });
            throw err;
          }
          const added = await index.addHTMLFile({ url: pageUrl(rel), content });
          if (added.errors.length > 0)
            throw new Error(`Pagefind không đọc được ${rel}: ${added.errors.join('; ')}`);
          pages++;
        }),
      );
    }
    fs.rmSync(tempDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: tempDir });
    if (written.errors.length > 0)
      throw new Error(`Pagefind không ghi được chỉ mục: ${written.errors.join('; ')}`);
    for (const f of fs.readdirSync(tempDir)) if (UNUSED_FILES.test(f)) fs.rmSync(path.join(tempDir, f));
    fs.rmSync(finalDir, { recursive: true, force: true });
    fs.renameSync(tempDir, finalDir);
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
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
