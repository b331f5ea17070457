/**
 * Which pages a build may take from the last build's output instead of rendering them again, and
 * the record that lets the next build decide the same (docs/build.md, "Pages kept from the last
 * build"). Pure; page-reuse-fs.ts reads and writes the record and links the files.
 *
 * A page is reused only when all of these hold:
 * - its route gave it a `cacheKey` (src/data/page-keys.ts: the document and news pages; a key
 *   covers everything the page shows that is not code), and the key is the one recorded;
 * - the build's fingerprint is the one recorded: the project's code, configuration, package
 *   versions, the settings read from the environment, and the names of the bundled stylesheets and
 *   scripts (a new Tailwind class in any page renames the stylesheet every page links);
 * - the last build's file is still there, untouched: same inode, size and modification time as
 *   recorded when that build succeeded. A build that failed after rendering never wrote its record,
 *   so its files match nothing and are rendered again.
 */

/** Bumped when the record's shape or meaning changes: an older record is then ignored. */
export const REUSE_RECORD_VERSION = 1;

/** What identifies one file on disk without reading it. */
export interface FileIdentity {
  /** Inode number: a hard link keeps it, a rewrite through a new file does not. */
  ino: number;
  /** Size in bytes. */
  size: number;
  /** Modification time in milliseconds, as `fs.Stats.mtimeMs` gives it. */
  mtimeMs: number;
}

/** One page in the record. */
export interface RecordedPage {
  /** The route's cacheKey for the page when it was written. */
  key: string;
  /** Its file, relative to the output folder, with `/` separators. */
  file: string;
  /** The file as the successful build left it. */
  identity: FileIdentity;
}

/** What a successful build leaves for the next one (one per output folder). */
export interface ReuseRecord {
  version: typeof REUSE_RECORD_VERSION;
  /** The build's fingerprint (see the file comment). */
  fingerprint: string;
  /** Pages by pathname as the routes give it (`/van-ban/21-nq-tw-2022/`). */
  pages: Record<string, RecordedPage>;
}

/** A path as Astro's prerenderer lists it: the fields this module reads. */
export interface StaticPathLike {
  pathname: string;
  route: { type: string };
  cacheKey?: string | undefined;
}

/** A page taken from the last build. */
export interface ReusedPage {
  pathname: string;
  key: string;
  file: string;
}

/** The split of a build's paths between rendering and reuse. */
export interface ReusePlan<P extends StaticPathLike> {
  /** Paths Astro renders, in the order it listed them. */
  render: P[];
  /** Pages linked from the last build's output. */
  reuse: ReusedPage[];
  /** Why nothing could be reused, when that is the case for a reason other than changed keys. */
  noReuseBecause?: 'no-record' | 'fingerprint';
}

/**
 * The file a page is written to, relative to the output folder, under `build.format: 'directory'`
 * (astro.config.mjs): `/van-ban/x/` → `van-ban/x/index.html`, `/` → `index.html`.
 */
export function pageFile(pathname: string): string {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? 'index.html' : `${trimmed}/index.html`;
}

/**
 * The page's address as @astrojs/sitemap writes it for a rendered page: the site, the base path,
 * the pathname with a trailing slash (`trailingSlash: 'always'`).
 */
export function pageUrl(pathname: string, site: string, base: string): string {
  const basePath = base.endsWith('/') ? base : `${base}/`;
  const relative = pathname.replace(/^\/+/, '').replace(/\/?$/, '/');
  return new URL(basePath + (relative === '/' ? '' : relative), site).href;
}

/** True when two identities name the same untouched file. */
export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Splits `paths` into those to render and those to take from the last build. `identityOf` tells
 * what is on disk now at a file of the last build's output (undefined when it is missing or not a
 * regular file).
 */
export function planReuse<P extends StaticPathLike>(
  paths: readonly P[],
  record: ReuseRecord | undefined,
  fingerprint: string,
  identityOf: (file: string) => FileIdentity | undefined,
): ReusePlan<P> {
  if (record === undefined) return { render: [...paths], reuse: [], noReuseBecause: 'no-record' };
  if (record.fingerprint !== fingerprint)
    return { render: [...paths], reuse: [], noReuseBecause: 'fingerprint' };
  const render: P[] = [];
  const reuse: ReusedPage[] = [];
  for (const path of paths) {
    const recorded = record.pages[path.pathname];
    const key = path.cacheKey;
    const reusable =
      path.route.type === 'page' &&
      key !== undefined &&
      recorded !== undefined &&
      recorded.key === key &&
      recorded.file === pageFile(path.pathname) &&
      isSame(identityOf(recorded.file), recorded.identity);
    if (reusable) reuse.push({ pathname: path.pathname, key, file: recorded.file });
    else render.push(path);
  }
  return { render, reuse };
}

function isSame(now: FileIdentity | undefined, then: FileIdentity): boolean {
  return now !== undefined && sameIdentity(now, then);
}

/**
 * The record a successful build leaves: every page that carries a key (rendered or reused), with
 * its file as it is now in the output folder. A page whose file cannot be found is left out.
 */
export function reuseRecord(
  pages: readonly { pathname: string; key: string }[],
  fingerprint: string,
  identityOf: (file: string) => FileIdentity | undefined,
): ReuseRecord {
  const recorded: Record<string, RecordedPage> = {};
  for (const { pathname, key } of pages) {
    const file = pageFile(pathname);
    const identity = identityOf(file);
    if (identity !== undefined) recorded[pathname] = { key, file, identity };
  }
  return { version: REUSE_RECORD_VERSION, fingerprint, pages: recorded };
}

/** Reads a record from its JSON; anything else than a record of this version gives undefined. */
export function parseReuseRecord(text: string): ReuseRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Partial<ReuseRecord>;
  if (record.version !== REUSE_RECORD_VERSION || typeof record.fingerprint !== 'string') return undefined;
  if (typeof record.pages !== 'object' || record.pages === null) return undefined;
  return record as ReuseRecord;
}
