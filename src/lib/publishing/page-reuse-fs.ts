/**
 * The disk side of page reuse (page-reuse.ts): the build's fingerprint, the record kept in Astro's
 * cache folder, and the hard links that bring an unchanged page from the last build's output into
 * the new one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { outputCachePath } from '../content/paths.ts';
import { type FileIdentity, parseReuseRecord, type ReusedPage, type ReuseRecord } from './page-reuse.ts';

/**
 * Set by `npm run build` (scripts/build.ts) to the last build's output folder, which it moved aside
 * before Astro starts: the only place pages are reused from. Unset, every page is rendered.
 */
export const PREVIOUS_OUTPUT_ENV = 'SO_TAY_PREVIOUS_OUTPUT';

/**
 * Environment variables that are about running the build, not about what it makes: two name a
 * folder or file of this run only (src/lib/search/index-builder-fs.ts's INDEX_LATER_ENV and
 * early-copies-fs.ts's EARLY_COPIES_ENV, named here rather than imported, since publishing does not
 * import search). Counted in, they would change the fingerprint at every build.
 */
const NOT_ABOUT_OUTPUT = new Set([PREVIOUS_OUTPUT_ENV, 'SO_TAY_INDEX_LATER', 'SO_TAY_EARLY_COPIES']);

/** Files and folders of the project whose every byte can change a page (relative to the root). */
const CODE_PATHS = ['src', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json', 'so-tay.config.json'];

/** Where the record of the build into `outDir` is kept: one per output folder. */
export function reuseRecordFile(root: string, outDir: string): string {
  return `${outputCachePath(root, 'so-tay-page-reuse', outDir)}.json`;
}

/** The record left by the last successful build into that folder, if there is one that can be read. */
export function readReuseRecord(file: string): ReuseRecord | undefined {
  try {
    return parseReuseRecord(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Writes the record through a temporary file, so a stopped build never leaves half of one. */
export function writeReuseRecord(file: string, record: ReuseRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic.sync(file, JSON.stringify(record));
}

/** A function telling the identity of a file under `dir` (undefined: missing, or not a regular file). */
export function identityIn(dir: string): (file: string) => FileIdentity | undefined {
  return (file) => {
    try {
      const stat = fs.lstatSync(path.join(dir, file));
      return stat.isFile() ? { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  };
}

function* filesUnder(full: string): Generator<string> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return;
  }
  if (stat.isFile()) {
    yield full;
    return;
  }
  if (!stat.isDirectory()) return;
  for (const name of fs.readdirSync(full).sort()) yield* filesUnder(path.join(full, name));
}

/** What the fingerprint is made of besides the project's code. */
export interface FingerprintInputs {
  /** The project folder. */
  root: string;
  /** The content folder: its `data/` (taxonomies) is read by every page. */
  contentDir: string;
  /** The output folder, whose `_astro/` holds the bundled stylesheets and scripts by content hash. */
  outDir: string;
  /** The resolved site URL and base path. */
  site: string;
  base: string;
  /** The environment (only `SO_TAY_*` variables that change the output are read). */
  env: NodeJS.ProcessEnv;
}

/**
 * The build's fingerprint: a digest of every file under src/, the configuration, the lockfile, the
 * taxonomy files, the names of the bundled assets (taken after Vite has written them), the site
 * and base path, the `SO_TAY_*` settings and Node's version. Any change gives another fingerprint,
 * and then no page is reused. About 20 ms.
 */
export function buildFingerprint(inputs: FingerprintInputs): string {
  const hash = createHash('sha256');
  const add = (label: string, value: string | Buffer) => {
    hash.update(`${label}\0${value.length}\0`);
    hash.update(value);
  };
  for (const entry of [
    ...CODE_PATHS.map((p) => path.join(inputs.root, p)),
    path.join(inputs.contentDir, 'data'),
  ]) {
    for (const file of filesUnder(entry)) add(path.relative(inputs.root, file), fs.readFileSync(file));
  }
  const assets = path.join(inputs.outDir, '_astro');
  for (const file of filesUnder(assets)) add('asset', path.relative(assets, file));
  add('site', inputs.site);
  add('base', inputs.base);
  add('node', process.version);
  for (const name of Object.keys(inputs.env).sort()) {
    if (name.startsWith('SO_TAY_') && !NOT_ABOUT_OUTPUT.has(name)) add(`env ${name}`, inputs.env[name] ?? '');
  }
  return hash.digest('base64url');
}

/**
 * Brings `pages` from `fromDir` into `toDir` as hard links (a copy where the file system refuses a
 * link). Returns how many were copied rather than linked.
 */
export function linkReusedPages(fromDir: string, toDir: string, pages: readonly ReusedPage[]): number {
  let copied = 0;
  const made = new Set<string>();
  for (const { file } of pages) {
    const target = path.join(toDir, file);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      fs.linkSync(path.join(fromDir, file), target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw err;
      fs.copyFileSync(path.join(fromDir, file), target);
      copied++;
    }
  }
  return copied;
}
