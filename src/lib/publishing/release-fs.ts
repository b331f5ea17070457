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
import { z } from 'astro/zod';
import { printable } from './fs-errors.ts';
import { normaliseBase, resolveInstallDir, resolveSiteLocation } from './site-config.ts';

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
  const lineOf = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
    if (!m?.[1] || !m[2]) throw new Error(`${source}, dòng ${i + 1}: không đúng dạng "<sha256>  <tệp>".`);
    // Two lines for one file: which one holds? Neither is trusted (and the file is not "missing").
    const first = lineOf.get(m[2]);
    if (first !== undefined) {
      throw new Error(
        printable(`${source}, dòng ${i + 1}: tệp ${m[2]} được ghi hai lần (lần đầu ở dòng ${first}).`),
      );
    }
    lineOf.set(m[2], i + 1);
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

/** A number of pages, files or bytes. */
const count = (what: string) =>
  z
    .number({ error: `phải là số ${what} (số nguyên không âm)` })
    .int({ error: `phải là số nguyên` })
    .nonnegative({
      error: 'không được âm',
    });
/** A string that `check` accepts as is, or the error it gives. */
const checkedString = (example: string, check: (value: string) => string | null) =>
  z.string({ error: `phải là một chuỗi, ví dụ "${example}"` }).superRefine((value, ctx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/** What `fn` throws for `value`, or null when it returns `value` unchanged. */
const sameAfter = (fn: (value: string) => string, value: string, wanted: string): string | null => {
  try {
    return fn(value) === value ? null : `phải ở dạng chuẩn, ví dụ ${wanted}`;
  } catch (err) {
    return (err as Error).message;
  }
};

/**
 * Every field of a manifest, checked before deploy acts on any of them: the release id becomes a
 * folder name, the install folder is compared with a path, the site and commit are printed.
 * Unknown fields are dropped (never used, never printed).
 */
const manifestSchema = z.object({
  name: checkedString('so-tay', (v) =>
    /^[a-z0-9][a-z0-9._-]{0,99}$/.test(v) ? null : 'không phải tên gói npm',
  ),
  version: checkedString('0.1.0', (v) =>
    /^[0-9A-Za-z.+-]{1,64}$/.test(v) ? null : 'chỉ gồm chữ, số và . + -',
  ),
  releaseId: checkedString('20310501T101500Z-0.1.0-abc1234', (v) =>
    v.length <= 128 && RELEASE_ID_PATTERN.test(v) ? null : 'không đúng dạng <ngày giờ>-<phiên bản>-<commit>',
  ),
  commit: z
    .string({ error: 'phải là mã commit git hoặc null' })
    .regex(/^[0-9a-f]{7,64}$/, { error: 'không phải mã commit git' })
    .nullable(),
  dirty: z.boolean({ error: 'phải là true hoặc false' }),
  builtAt: z.iso.datetime({ error: 'phải là thời điểm ISO 8601, ví dụ 2031-05-01T10:15:00.000Z' }),
  pageCount: count('trang'),
  site: checkedString('http://intranet.example.vn/so-tay/', (v) => {
    if (!URL.canParse(v)) return 'không phải URL đầy đủ, ví dụ http://intranet.example.vn/so-tay/';
    const base = new URL(v).pathname;
    return sameAfter((x) => resolveSiteLocation({ SITE_URL: x, BASE_PATH: base }).site, v, v);
  }),
  basePath: checkedString('/so-tay/', (v) => sameAfter(normaliseBase, v, '/so-tay/')),
  installDir: checkedString('/srv/so-tay', (v) =>
    sameAfter((x) => resolveInstallDir({ INSTALL_DIR: x }), v, '/srv/so-tay'),
  ),
  fileCount: count('tệp'),
  siteBytes: count('byte'),
});

/**
 * Reads and checks a manifest. Throws naming the field at fault and what is wrong with it, with
 * outside text escaped: nothing from a manifest reaches a folder name, a path comparison or the
 * terminal unchecked.
 */
export function parseManifest(text: string, source = 'manifest.json'): ReleaseManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: không phải JSON hợp lệ — ${(err as Error).message}`, { cause: err });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${source}: không phải một đối tượng JSON.`);
  }
  const result = manifestSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      const value = (data as Record<string, unknown>)[field];
      const shown = value === undefined ? 'thiếu' : `= ${JSON.stringify(value)?.slice(0, 80)}`;
      return `trường "${field}" (${shown}) ${issue.message}`;
    });
    throw new Error(printable(`${source}: ${problems.join('; ').replace(/\.$/, '')}.`));
  }
  if (!result.data.site.endsWith(result.data.basePath)) {
    throw new Error(
      printable(
        `${source}: trường "site" (${result.data.site}) không kết thúc bằng basePath ${result.data.basePath}.`,
      ),
    );
  }
  return result.data;
}
