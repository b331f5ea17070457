/**
 * What a release is: its id, its manifest, its archive name and its checksum lists. Shared by
 * `npm run package` (which writes them) and `npm run deploy` (which checks them).
 *
 * A package `so-tay-0.1.0-20310501.tar.gz` holds one folder named after the release id:
 *
 *     <id>/manifest.json     this manifest
 *     <id>/SHA256SUMS        checksums of every other file in the folder (`sha256sum -c` format)
 *     <id>/site/<base>/…     the built site; the base path is real folders, so URL = file path
 *     <id>/server/…          nginx.conf, apache.conf (plus .htaccess and web.config in the site)
 *
 * Part: publishing (src/lib/publishing/): where the site is served (site-config), the build audit,
 * the server configurations, packaging, this release format and deploy. May import the content
 * model; never search. Files named `-fs` touch the disk.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The facts about one release, written as `manifest.json` and served as `release.json`. */
export interface ReleaseManifest {
  /** Package name from package.json (`so-tay`). */
  name: string;
  /** Version from package.json. */
  version: string;
  /** Unique, sortable by build time: `20310501T101500Z-0.1.0-959a665`. The folder name under releases/. */
  releaseId: string;
  /** Full git commit the site was built from, or null outside a git checkout. */
  commit: string | null;
  /** True when the checkout had uncommitted changes at build time. */
  dirty: boolean;
  /** Build time, ISO 8601 UTC. */
  builtAt: string;
  /** Number of HTML pages in the site. */
  pageCount: number;
  /** Absolute site URL the build was made for (SITE_URL + BASE_PATH). */
  site: string;
  /** Base path the build was made for. */
  basePath: string;
  /** Install folder written into the server configurations. */
  installDir: string;
  /** Number of files in the site folder. */
  fileCount: number;
  /** Total size of the site folder, in bytes. */
  siteBytes: number;
}

/** A release id is used as a folder name: only these characters, never `.` or `..` alone. */
export const RELEASE_ID_PATTERN = /^[0-9]{8}T[0-9]{6}Z-[0-9A-Za-z.+-]+$/;

/** `2031-05-01T10:15:00.123Z` → `20310501T101500Z`. */
function compactTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** The release id: build time first, so sorting ids sorts releases by build time. */
export function releaseIdFor(builtAt: Date, version: string, commit: string | null): string {
  const id = `${compactTimestamp(builtAt)}-${version}-${commit ? commit.slice(0, 7) : 'nogit'}`;
  if (!RELEASE_ID_PATTERN.test(id)) throw new Error(`Mã bản phát hành không hợp lệ: ${id}`);
  return id;
}

/** `so-tay-0.1.0-20310501.tar.gz`: name, version and the UTC build date. */
export function archiveNameFor(name: string, version: string, builtAt: Date): string {
  return `${name}-${version}-${compactTimestamp(builtAt).slice(0, 8)}.tar.gz`;
}

/** One line of a checksum list. */
export interface ChecksumEntry {
  /** Lower-case hex SHA-256. */
  sha256: string;
  /** Path relative to the list's folder, with `/`. */
  file: string;
}

/** Formats entries the way `sha256sum` prints them (two spaces), so `sha256sum -c` can check them. */
export function formatChecksums(entries: ChecksumEntry[]): string {
  return entries.map((e) => `${e.sha256}  ${e.file}\n`).join('');
}

/**
 * Parses a `sha256sum` list (text `  ` or binary ` *` mode). Throws naming the line for anything
 * else, since a damaged list must not be taken as "nothing to check".
 */
export function parseChecksums(text: string, source = 'SHA256SUMS'): ChecksumEntry[] {
  const entries: ChecksumEntry[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
    if (!m?.[1] || !m[2]) throw new Error(`${source}, dòng ${i + 1}: không đúng dạng "<sha256>  <tệp>".`);
    entries.push({ sha256: m[1].toLowerCase(), file: m[2] });
  });
  return entries;
}

/** Replaces (or adds) the entries for the given files in an existing list, keeping the others. */
export function mergeChecksums(existing: ChecksumEntry[], updates: ChecksumEntry[]): ChecksumEntry[] {
  const replaced = new Set(updates.map((u) => u.file));
  return [...existing.filter((e) => !replaced.has(e.file)), ...updates].sort((a, b) =>
    a.file.localeCompare(b.file),
  );
}

/** SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `dir`, as `/`-separated relative paths, sorted. Symlinks are not followed. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Checksums of every file under `dir` except those in `exclude`. */
export async function checksumTree(dir: string, exclude: string[] = []): Promise<ChecksumEntry[]> {
  const entries: ChecksumEntry[] = [];
  for (const file of listFiles(dir)) {
    if (exclude.includes(file)) continue;
    entries.push({ sha256: await sha256File(path.join(dir, file)), file });
  }
  return entries;
}

/** What is wrong with an unpacked release folder compared with its SHA256SUMS. */
export interface TreeMismatch {
  /** Listed but absent. */
  missing: string[];
  /** Present with different content. */
  changed: string[];
  /** Present but not listed (an archive with extra files is not the one that was checked). */
  unexpected: string[];
}

/** Compares a folder with its checksum list (the list file itself excluded). */
export async function verifyTree(
  dir: string,
  expected: ChecksumEntry[],
  listName = 'SHA256SUMS',
): Promise<TreeMismatch> {
  const present = new Set(listFiles(dir).filter((f) => f !== listName));
  const result: TreeMismatch = { missing: [], changed: [], unexpected: [] };
  for (const { file, sha256 } of expected) {
    if (!present.delete(file)) result.missing.push(file);
    else if ((await sha256File(path.join(dir, file))) !== sha256) result.changed.push(file);
  }
  result.unexpected = [...present];
  return result;
}

/**
 * Reads and checks a manifest. Throws with the field at fault: deploy relies on `releaseId` as a
 * folder name, so it must match {@link RELEASE_ID_PATTERN}.
 */
export function parseManifest(text: string, source = 'manifest.json'): ReleaseManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: không phải JSON hợp lệ — ${(err as Error).message}`, { cause: err });
  }
  const m = data as Partial<ReleaseManifest> | null;
  if (typeof m !== 'object' || m === null) throw new Error(`${source}: không phải một đối tượng JSON.`);
  for (const key of ['name', 'version', 'releaseId', 'builtAt', 'site', 'basePath'] as const) {
    if (typeof m[key] !== 'string' || m[key] === '') throw new Error(`${source}: thiếu trường "${key}".`);
  }
  if (typeof m.pageCount !== 'number') throw new Error(`${source}: thiếu trường "pageCount".`);
  if (!RELEASE_ID_PATTERN.test(m.releaseId as string)) {
    throw new Error(`${source}: releaseId "${m.releaseId}" không hợp lệ.`);
  }
  return m as ReleaseManifest;
}
