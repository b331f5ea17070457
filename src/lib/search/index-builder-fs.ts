/**
 * Builds the site's Pagefind index from the built HTML with Pagefind's own program (its CLI): each
 * page is folded first (fold.ts) so `đ` and the marks match the way the search box folds a query.
 * Called by `scripts/build.ts` after Astro exits, and by the so-tay:pagefind integration for a plain
 * `astro build`.
 *
 * How, and why (docs/performance.md has the figures):
 * - Folded copies on disk, read by Pagefind from a folder, rather than pages handed over one by
 *   one: Pagefind's Node API sends each page as one base64 JSON message on a pipe, read one after
 *   another (at 2,000 pages 10.5 s, against 3.8 s from a folder).
 * - Pagefind's CLI on that folder rather than its Node API's `addDirectory` and `writeFiles`: the
 *   Node API's `writeFiles` builds the whole index twice (its service calls `build_indexes()`, then
 *   `write_files()`, which builds it again), 4 s of 23 s at 10,000 pages; the two write the same
 *   files byte for byte.
 * - Each copy is the page's indexed region only (search-copy.ts): less to fold and to parse, the
 *   same index byte for byte.
 * - `npm run build` keeps the copies between builds (`keptCopies`, in Astro's cache folder) and
 *   folds again only the pages whose file changed: with unchanged pages linked from the last build
 *   (src/integrations/page-reuse.ts), that is only the pages that changed. The pages Astro did
 *   render were already folded as it rendered them, on a second thread (`earlyCopies`,
 *   early-copies-fs.ts): those copies are moved in, not made again. Otherwise (a plain
 *   `astro build`) they are written to a temporary folder in memory (`/dev/shm`) where the system
 *   has one, else in the system's temporary folder, and deleted once Pagefind is done. Either way a
 *   thousand pages at a time, with a progress line after each.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import writeFileAtomic from 'write-file-atomic';
import { outputCachePath } from '../content/paths.ts';
import { readEarlyList } from './early-copies-fs.ts';
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
/** Pages folded between two progress lines: a 10,000-page site is a dozen lines. */
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

/**
 * Called after each bucket of copies: pages to index so far, and HTML files looked at out of all;
 * after the last one (`filesDone === files`) Pagefind runs.
 */
export type IndexProgress = (progress: { pages: number; filesDone: number; files: number }) => void;

/**
 * A step of Pagefind's own run, as its CLI announces it: reading the pages, building the index,
 * writing it (with the number of words it holds). The writing, every file compressed at gzip's best
 * level, is the longest: about 10 s of 25 at 10,000 pages.
 */
export type PagefindStep = { step: 'read' } | { step: 'build' } | { step: 'write'; words: number };

/** Options of {@link buildSearchIndex}. */
export interface SearchIndexOptions {
  /** Called after each bucket of copies. */
  onProgress?: IndexProgress;
  /** Called as Pagefind starts each of its steps. */
  onPagefindStep?: (step: PagefindStep) => void;
  /**
   * A folder to keep the folded copies in between builds (`keptCopiesDir`), so that only pages whose
   * file changed are folded again; without it they go to a temporary folder.
   */
  keptCopies?: string;
  /**
   * The folder where this build's pages left their copies as they were rendered (early-copies-fs.ts):
   * with `keptCopies`, those copies are moved in rather than the pages folded again.
   */
  earlyCopies?: string;
}

/**
 * The lines of the CLI's log that start a step (Pagefind 1.6). A later Pagefind that words them
 * otherwise only makes the build quieter.
 */
function pagefindStepOf(line: string): PagefindStep | null {
  if (line.startsWith('[Parsing files]')) return { step: 'read' };
  if (line.startsWith('[Building search indexes]')) return { step: 'build' };
  const words = /^\s*Indexed ([\d,]+) words?\b/.exec(line);
  if (words) return { step: 'write', words: Number((words[1] ?? '0').replace(/,/g, '')) };
  return null;
}

/** What {@link buildSearchIndex} did. */
export interface SearchIndexStats {
  /** Pages indexed. */
  pages: number;
  /** HTML files looked at. */
  files: number;
  /** Pages whose copy was made while Astro rendered them (`earlyCopies`), not folded here. */
  prepared: number;
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

/** The folded copy of a page, or null when it has no indexed region; a fold error names the page. */
async function foldedCopy(siteDir: string, rel: string): Promise<string | null> {
  try {
    return searchCopy(await fs.promises.readFile(path.join(siteDir, rel), 'utf8'));
  } catch (err) {
    if (err instanceof FoldError) throw new Error(`Trang ${rel} ${err.message}`, { cause: err });
    throw err;
  }
}

/** Writes a copy under its path in the site. */
async function writeCopy(stageDir: string, rel: string, copy: string): Promise<void> {
  const target = path.join(stageDir, rel);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.writeFile(target, copy);
}

/**
 * Writes the copy of every page of `files` that has an indexed region into `stageDir`, under its
 * path in the site; returns how many it wrote.
 */
async function stageFiles(siteDir: string, stageDir: string, files: readonly string[]): Promise<number> {
  let staged = 0;
  await eachLimited(files, CONCURRENCY, async (rel) => {
    const copy = await foldedCopy(siteDir, rel);
    if (copy === null) return;
    await writeCopy(stageDir, rel, copy);
    staged++;
  });
  return staged;
}

/** Writes every page's copy into `stageDir`, a bucket at a time; returns how many it wrote. */
async function stageSite(
  siteDir: string,
  stageDir: string,
  files: readonly string[],
  onProgress?: IndexProgress,
): Promise<number> {
  let pages = 0;
  for (let i = 0; i < files.length; i += BUCKET) {
    const bucket = files.slice(i, i + BUCKET);
    pages += await stageFiles(siteDir, stageDir, bucket);
    onProgress?.({ pages, filesDone: i + bucket.length, files: files.length });
  }
  return pages;
}

/**
 * What a kept folder of copies was made from: the code that folds, and for each HTML file of the
 * site its inode, size and modification time and whether it has a copy (1) or not (0).
 */
interface KeptCopies {
  version: 1;
  code: string;
  files: Record<string, [ino: number, size: number, mtimeMs: number, copied: 0 | 1]>;
}

/** A digest of the code a copy is made with (search-copy.ts and fold.ts, its only import). */
function copyCodeDigest(): string {
  const hash = createHash('sha256');
  for (const name of ['search-copy.ts', 'fold.ts'])
    hash.update(fs.readFileSync(new URL(name, import.meta.url)));
  return hash.digest('base64url');
}

function readKeptCopies(file: string, code: string): KeptCopies['files'] {
  try {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<KeptCopies>;
    if (kept.version === 1 && kept.code === code && typeof kept.files === 'object' && kept.files !== null)
      return kept.files;
  } catch {
    // No record, or not one this code can read: every page is folded again.
  }
  return {};
}

/**
 * Brings the copies kept in `keptDir` up to date with the site, a bucket at a time; returns the
 * pages to index. A page whose file is the one its kept copy was made from keeps it; a page this
 * build rendered takes the copy made while it rendered (`earlyDir`), when that was made from a page
 * of the file's size; any other is folded again. The record of what the copies were made from is
 * deleted first and written last, so a build stopped half-way leaves a folder that the next one
 * folds again entirely.
 */
async function stageKept(
  siteDir: string,
  keptDir: string,
  files: readonly string[],
  earlyDir: string | undefined,
  onProgress?: IndexProgress,
): Promise<{ pages: number; prepared: number }> {
  const recordFile = `${keptDir}.json`;
  const code = copyCodeDigest();
  const before = readKeptCopies(recordFile, code);
  const early = earlyDir === undefined ? {} : readEarlyList(earlyDir);
  fs.rmSync(recordFile, { force: true });
  // No kept folder (a first build, or `--force`, which moves it away): this build's early copies
  // become it, by one rename instead of one per page (1.3 s at 10,000 pages).
  const inPlace = earlyDir !== undefined && Object.keys(early).length > 0 && !fs.existsSync(keptDir);
  if (inPlace) fs.renameSync(earlyDir, keptDir);
  fs.mkdirSync(keptDir, { recursive: true });
  const after: KeptCopies['files'] = {};
  // Where each page's early copy is, if it has one (early is empty without earlyDir).
  const earlyFrom = inPlace || earlyDir === undefined ? 'in place' : earlyDir;
  let pages = 0;
  let prepared = 0;
  const update = async (rel: string) => {
    const stat = await fs.promises.stat(path.join(siteDir, rel));
    let copied = unchangedCopy(before[rel], stat, keptDir, rel);
    if (copied === null) {
      copied = await earlyCopy(early[rel], stat, earlyFrom, keptDir, rel);
      if (copied !== null) prepared += copied;
    }
    copied ??= await foldAgain(siteDir, keptDir, rel);
    after[rel] = [stat.ino, stat.size, stat.mtimeMs, copied];
    pages += copied;
  };
  for (let i = 0; i < files.length; i += BUCKET) {
    await eachLimited(files.slice(i, i + BUCKET), CONCURRENCY, update);
    onProgress?.({ pages, filesDone: Math.min(i + BUCKET, files.length), files: files.length });
  }
  removeStrayCopies(keptDir, after);
  writeFileAtomic.sync(recordFile, JSON.stringify({ version: 1, code, files: after } satisfies KeptCopies));
  return { pages, prepared };
}

/** Whether the page has a copy (1) or none (0), when its kept copy is still its own; else null. */
function unchangedCopy(
  old: KeptCopies['files'][string] | undefined,
  stat: fs.Stats,
  keptDir: string,
  rel: string,
): 0 | 1 | null {
  if (old === undefined || old[0] !== stat.ino || old[1] !== stat.size || old[2] !== stat.mtimeMs)
    return null;
  if (old[3] === 1 && !fs.existsSync(path.join(keptDir, rel))) return null;
  return old[3];
}

/**
 * Takes the copy made while the page rendered, when one was made from a page of the file's size:
 * moves it in from `earlyDir`, or finds it in place when that folder became the kept one. Returns
 * whether the page has a copy, or null when it must be folded again.
 */
async function earlyCopy(
  made: [size: number, copied: 0 | 1] | undefined,
  stat: fs.Stats,
  earlyDir: string | 'in place',
  keptDir: string,
  rel: string,
): Promise<0 | 1 | null> {
  if (made === undefined || made[0] !== stat.size) return null;
  if (earlyDir === 'in place') return made[1];
  const target = path.join(keptDir, rel);
  try {
    if (made[1] === 0) {
      await fs.promises.rm(target, { force: true });
    } else {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(path.join(earlyDir, rel), target);
    }
    return made[1];
  } catch {
    return null; // Not there after all, or on another file system: folded again.
  }
}

/** Folds the page again into `keptDir` (or deletes its copy when it is not indexed any more). */
async function foldAgain(siteDir: string, keptDir: string, rel: string): Promise<0 | 1> {
  const copy = await foldedCopy(siteDir, rel);
  if (copy === null) {
    await fs.promises.rm(path.join(keptDir, rel), { force: true });
    return 0;
  }
  await writeCopy(keptDir, rel, copy);
  return 1;
}

/**
 * Deletes every file of `keptDir` that is not the copy of a page of the site now: the copies of
 * pages that are gone, and anything a build stopped half-way left (the record may be missing,
 * so the folder is walked rather than the record read). Faster than emptying the folder first.
 */
function removeStrayCopies(keptDir: string, now: KeptCopies['files']): void {
  for (const entry of fs.readdirSync(keptDir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(keptDir, full).split(path.sep).join('/');
    if (now[rel]?.[3] !== 1) fs.rmSync(full, { force: true });
  }
}

/**
 * Where `npm run build` keeps the folded copies of the site built into `outDir`, in Astro's cache
 * folder: deleted with it, and by `npm run build -- --force`.
 */
export function keptCopiesDir(root: string, outDir: string): string {
  return outputCachePath(root, 'so-tay-search-copies', outDir);
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
 * The path of Pagefind's program, found the way the `pagefind` package's own Node API finds it
 * (its lib/resolveBinary.js, 1.6): `PAGEFIND_EXTENDED_BINARY_PATH` or `PAGEFIND_BINARY_PATH` when
 * set, else the binary of the `@pagefind/<platform>-<cpu>` package installed beside it, the
 * extended build first (the one that segments CJK text; it reads Vietnamese the same).
 */
export function pagefindBinary(): string {
  for (const name of ['pagefind_extended', 'pagefind']) {
    const fromEnv = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (fromEnv) return fromEnv;
  }
  // Resolved from the pagefind package, as it resolves its own platform package.
  const require = createRequire(fileURLToPath(import.meta.resolve('pagefind')));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const exe = process.platform === 'win32' ? '.exe' : '';
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${exe}`);
    } catch {
      // Not installed: try the next.
    }
  }
  throw new Error(
    `không tìm thấy chương trình Pagefind cho ${platform}-${process.arch}: chạy lại npm install ` +
      `(gói @pagefind/${platform}-${process.arch} phải được cài cùng gói pagefind).`,
  );
}

/**
 * Runs Pagefind's CLI over the folder of copies, writing the bundle to `outputPath`. It runs in
 * that folder, so no `pagefind.yml` of the project or the caller's directory changes what it does.
 * Its log is read for the steps it announces, and the end of it kept for the message when it fails.
 */
function runPagefind(
  stageDir: string,
  outputPath: string,
  onStep: (step: PagefindStep) => void = () => {},
): Promise<void> {
  const args = ['--site', '.', '--output-path', outputPath, '--force-language', 'vi'];
  const env = { ...process.env };
  env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  return new Promise((resolve, reject) => {
    const child = spawn(pagefindBinary(), args, { cwd: stageDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const step = pagefindStepOf(line);
      if (step) onStep(step);
    });
    child.on('error', (err) =>
      reject(new Error(`Pagefind không khởi động được: ${err.message}`, { cause: err })),
    );
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const how = signal ? `bị dừng (${signal})` : `thoát với mã ${code}`;
      reject(new Error(`Pagefind ${how}. Pagefind báo:\n${output.trim() || '(không có thông báo)'}`));
    });
  });
}

/**
 * Writes the bundle of an index without pages (a site with no document or news yet), so the search
 * page loads and finds nothing rather than failing. Pagefind's CLI refuses a folder without pages
 * ("was not able to build an index"); its Node API writes an empty bundle, and costs nothing here.
 */
async function writeEmptyBundle(outputPath: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', writePlayground: false });
    if (!index) throw new Error(`Pagefind không khởi động được: ${errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw new Error(`Pagefind không ghi được chỉ mục: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** Pages in the bundle at `bundleDir`, as its `pagefind-entry.json` counts them over all languages. */
function pagesInBundle(bundleDir: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
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
  const finalDir = path.join(siteDir, BUNDLE_DIR);
  const tempDir = path.join(path.resolve(siteDir), `.${BUNDLE_DIR}-${process.pid}`);
  const kept = options.keptCopies;
  const stageRoot = kept ?? makeStageRoot();
  let pages = 0;
  let prepared = 0;
  try {
    let staged: number;
    if (kept === undefined) {
      staged = await stageSite(siteDir, stageRoot, files, options.onProgress);
    } else {
      ({ pages: staged, prepared } = await stageKept(
        siteDir,
        kept,
        files,
        options.earlyCopies,
        options.onProgress,
      ));
    }
    fs.rmSync(tempDir, { recursive: true, force: true });
    if (staged > 0) {
      await runPagefind(stageRoot, tempDir, options.onPagefindStep);
      pages = pagesInBundle(tempDir);
    } else {
      await writeEmptyBundle(tempDir);
    }
    for (const f of fs.readdirSync(tempDir)) if (UNUSED_FILES.test(f)) fs.rmSync(path.join(tempDir, f));
    fs.rmSync(finalDir, { recursive: true, force: true });
    fs.renameSync(tempDir, finalDir);
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
    if (kept === undefined) fs.rmSync(stageRoot, { recursive: true, force: true });
  }
  return { pages, files: files.length, prepared, seconds: (performance.now() - started) / 1000 };
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
  const prepared = stats.prepared > 0 ? `, ${stats.prepared} trang chuẩn bị sẵn khi tạo trang` : '';
  return `Đã lập chỉ mục tìm kiếm ${stats.pages} trang (trong ${stats.files} tệp HTML${prepared}) trong ${stats.seconds.toFixed(1)} s.`;
}
