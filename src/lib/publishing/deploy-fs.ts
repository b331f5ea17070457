/**
 * Installs a release package on the server without ever exposing a half-installed site.
 *
 * Layout of the install folder (`--to`):
 *
 *     current -> releases/<id>     the live site; a symbolic link, replaced by ONE rename
 *     releases/<id>/…              complete, verified releases (ids sort by build time)
 *     releases/.incoming-XXXX/     an unpack in progress (removed on failure or on the next run)
 *     .deploy.lock                 held while a deploy or rollback runs
 *
 * Order: verify the archive's SHA-256 → unpack into `.incoming-*` → verify every file against the
 * release's own SHA256SUMS → rename into `releases/<id>` → point a temporary symlink at it and
 * rename it over `current` (atomic: each request sees the old release or the new one) → delete
 * all but the five newest releases. Anything that fails before the rename leaves `current` as it
 * was; a process killed at any point leaves at most an `.incoming-*` folder, cleaned up next time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { explainSystemError, UserFacingError } from './fs-errors.ts';
import {
  parseChecksums,
  parseManifest,
  RELEASE_ID_PATTERN,
  type ReleaseManifest,
  sha256File,
  verifyTree,
} from './release-fs.ts';

/** The steps of a deploy, in order; `onStep` is called before each. */
export const DEPLOY_STEPS = ['checksum', 'unpack', 'verify', 'install', 'switch', 'prune'] as const;
/** One step of a deploy. */
export type DeployStep = (typeof DEPLOY_STEPS)[number];

/** How many releases to keep by default. */
export const KEEP_RELEASES = 5;

/** Options of {@link deploy}. */
export interface DeployOptions {
  /** Install folder. Created if missing. */
  to: string;
  /** The `.tar.gz` package. */
  archive: string;
  /** The checksum list; default `SHA256SUMS` next to the archive. */
  checksums?: string;
  /** Releases to keep (the live one is always kept). Default {@link KEEP_RELEASES}. */
  keep?: number;
  /** Called before each step (progress output; tests use it to interrupt a deploy). */
  onStep?: (step: DeployStep) => void | Promise<void>;
}

/** What a deploy did. */
export interface DeployResult {
  /** The release now live. */
  releaseId: string;
  /** Its manifest. */
  manifest: ReleaseManifest;
  /** The release live before, or null on a first install. */
  previous: string | null;
  /** True when the release was already installed and only switched to. */
  reused: boolean;
  /** Duration of the switch itself (the rename), in milliseconds. */
  switchMs: number;
  /** Releases deleted to keep the last {@link KEEP_RELEASES}. */
  pruned: string[];
  /** Problems that did not stop the deploy (old releases that could not be deleted…). */
  warnings: string[];
}

/** The paths of an install folder. */
function layout(to: string) {
  const root = path.resolve(to);
  return {
    root,
    releases: path.join(root, 'releases'),
    current: path.join(root, 'current'),
    lock: path.join(root, '.deploy.lock'),
  };
}

/**
 * The release `current` points to, or null if there is none yet. Throws if `current` exists but is
 * not a symlink into releases/: switching would then destroy something we did not create.
 */
export function readCurrent(to: string): string | null {
  const { current } = layout(to);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(current);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (!stat.isSymbolicLink()) {
    throw new UserFacingError(
      `${current} đã tồn tại nhưng không phải liên kết tượng trưng (symlink) do lệnh deploy tạo ra.`,
      `Chuyển nó đi chỗ khác (ví dụ \`mv ${current} ${current}.cu\`), rồi chạy lại; cấu hình máy chủ cần trỏ vào ${current}/site.`,
    );
  }
  const id = path.basename(fs.readlinkSync(current));
  return RELEASE_ID_PATTERN.test(id) ? id : null;
}

/** Installed releases (complete ones only: those with a manifest), oldest first. */
export function listReleases(to: string): string[] {
  const { releases } = layout(to);
  let names: string[];
  try {
    names = fs.readdirSync(releases);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .filter((n) => RELEASE_ID_PATTERN.test(n) && fs.existsSync(path.join(releases, n, 'manifest.json')))
    .sort();
}

/** Reads an installed release's manifest. */
export function readInstalledManifest(to: string, id: string): ReleaseManifest {
  const file = path.join(layout(to).releases, id, 'manifest.json');
  return parseManifest(fs.readFileSync(file, 'utf8'), file);
}

/** Takes the install folder's lock, or explains who holds it. Returns the release function. */
function acquireLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new UserFacingError(
          `Một lần cài đặt khác đang chạy (tiến trình ${pid}, khóa ${lockFile}).`,
          'Đợi lần đó xong rồi chạy lại. Nếu chắc chắn không còn tiến trình nào, xóa tệp khóa.',
          { cause: err },
        );
      }
      // The holder died (killed, power cut): its lock is stale.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new UserFacingError(`Không lấy được khóa ${lockFile}.`, 'Xóa tệp khóa rồi chạy lại.');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what an interrupted run left behind: unpack folders and temporary links. */
function cleanLeftovers(root: string, releases: string): void {
  for (const name of fs.existsSync(releases) ? fs.readdirSync(releases) : []) {
    if (name.startsWith('.incoming-')) fs.rmSync(path.join(releases, name), { recursive: true, force: true });
  }
  for (const name of fs.readdirSync(root)) {
    if (name.startsWith('.current-')) fs.rmSync(path.join(root, name), { force: true });
  }
}

/** Points `current` at `releases/<id>` with one atomic rename. Returns the rename's duration. */
function switchCurrent(root: string, id: string): number {
  const temp = path.join(root, `.current-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  // Relative target: the install folder can be moved or mounted elsewhere.
  fs.symlinkSync(path.join('releases', id), temp);
  const started = performance.now();
  try {
    fs.renameSync(temp, path.join(root, 'current'));
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return performance.now() - started;
}

/** Deletes all but the `keep` newest releases, never the live one. */
function prune(to: string, keep: number, live: string): { pruned: string[]; warnings: string[] } {
  const ids = listReleases(to);
  const keepSet = new Set([...ids.slice(-keep), live]);
  const pruned: string[] = [];
  const warnings: string[] = [];
  for (const id of ids) {
    if (keepSet.has(id)) continue;
    try {
      fs.rmSync(path.join(layout(to).releases, id), { recursive: true, force: true });
      pruned.push(id);
    } catch (err) {
      warnings.push(`Không xóa được bản cũ ${id}: ${(err as Error).message}`);
    }
  }
  return { pruned, warnings };
}

/** Wraps a system error with what we were doing; passes our own errors through. */
function explained(err: unknown, doing: string): unknown {
  if (err instanceof UserFacingError) return err;
  return explainSystemError(err, doing) ?? err;
}

/** Verifies the archive against the checksum list next to it. */
async function verifyArchive(archive: string, checksums: string): Promise<void> {
  if (!fs.existsSync(archive)) {
    throw new UserFacingError(
      `Không thấy tệp gói ${archive}.`,
      'Kiểm tra đường dẫn; gói do `npm run package` tạo nằm trong thư mục release/.',
    );
  }
  let listText: string;
  try {
    listText = fs.readFileSync(checksums, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw new UserFacingError(
      `Không thấy tệp mã kiểm tra ${checksums}.`,
      'Chép cả tệp SHA256SUMS (trong thư mục release/, cạnh gói) sang cùng thư mục với gói rồi chạy lại.',
      { cause: err },
    );
  }
  let entries: ReturnType<typeof parseChecksums>;
  try {
    entries = parseChecksums(listText, checksums);
  } catch (err) {
    throw new UserFacingError(
      (err as Error).message,
      'Tệp SHA256SUMS bị hỏng: chép lại nó từ máy đã tạo gói.',
      { cause: err },
    );
  }
  const name = path.basename(archive);
  const entry = entries.find((e) => path.basename(e.file) === name);
  if (!entry) {
    throw new UserFacingError(
      `${checksums} không có dòng nào cho ${name}.`,
      'Chép tệp SHA256SUMS được tạo cùng lúc với gói này (cùng thư mục release/).',
    );
  }
  const actual = await sha256File(archive);
  if (actual !== entry.sha256) {
    throw new UserFacingError(
      `Gói ${name} bị hỏng hoặc đã bị sửa: mã SHA-256 không khớp (mong đợi ${entry.sha256.slice(0, 12)}…, thực tế ${actual.slice(0, 12)}…).`,
      'Không cài gói này. Chép lại gói (và SHA256SUMS) từ máy đã tạo gói rồi chạy lại.',
    );
  }
}

/** Unpacks regular files and folders only; anything else (links, devices) marks a foreign archive. */
async function unpack(archive: string, into: string): Promise<void> {
  const foreign: string[] = [];
  try {
    await tar.x({
      file: archive,
      cwd: into,
      strict: true,
      // Files belong to whoever deploys, even as root (tar would otherwise keep the archive's owner).
      preserveOwner: false,
      filter: (p, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        if (type === 'File' || type === 'Directory') return true;
        foreign.push(p);
        return false;
      },
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (explainSystemError(err, '') && !code.startsWith('Z_') && !code.startsWith('TAR_')) throw err;
    throw new UserFacingError(
      `Tệp gói ${path.basename(archive)} không đọc được: không phải .tar.gz hợp lệ hoặc bị cắt cụt (${(err as Error).message}).`,
      'Tạo lại gói bằng `npm run package`, hoặc chép lại gói và SHA256SUMS, rồi chạy lại.',
      { cause: err },
    );
  }
  if (foreign.length > 0) {
    throw new UserFacingError(
      `Gói chứa mục không phải tệp hay thư mục (${foreign.slice(0, 3).join(', ')}): không phải gói do npm run package tạo.`,
      'Chỉ cài gói do `npm run package` tạo ra.',
    );
  }
}

/** Checks the unpacked folder: one release folder, a valid manifest, every file as listed. */
async function verifyUnpacked(incoming: string): Promise<{ dir: string; manifest: ReleaseManifest }> {
  const top = fs.readdirSync(incoming);
  const bad = (what: string) =>
    new UserFacingError(`Gói không đúng cấu trúc: ${what}.`, 'Chỉ cài gói do `npm run package` tạo ra.');
  if (top.length !== 1 || !top[0]) throw bad('cần đúng một thư mục ở gốc');
  const dir = path.join(incoming, top[0]);
  if (!fs.statSync(dir).isDirectory()) throw bad('gốc của gói không phải thư mục');
  let manifest: ReleaseManifest;
  try {
    manifest = parseManifest(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  } catch (err) {
    throw bad((err as Error).message);
  }
  if (manifest.releaseId !== top[0]) throw bad(`thư mục ${top[0]} khác releaseId ${manifest.releaseId}`);
  let sumsText: string;
  try {
    sumsText = fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8');
  } catch {
    throw bad('thiếu SHA256SUMS bên trong');
  }
  const mismatch = await verifyTree(dir, parseChecksums(sumsText, 'SHA256SUMS trong gói'));
  const problems = [
    ...mismatch.missing.map((f) => `thiếu ${f}`),
    ...mismatch.changed.map((f) => `sai nội dung ${f}`),
    ...mismatch.unexpected.map((f) => `thừa ${f}`),
  ];
  if (problems.length > 0) {
    throw new UserFacingError(
      `Nội dung gói không khớp danh sách mã kiểm tra bên trong: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}.`,
      'Gói bị hỏng: tạo lại bằng `npm run package` rồi chạy lại.',
    );
  }
  return { dir, manifest };
}

/** Installs a package and makes it live. See the module comment for the guarantees. */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const { root, releases, lock } = layout(options.to);
  const archive = path.resolve(options.archive);
  const checksums = path.resolve(options.checksums ?? path.join(path.dirname(archive), 'SHA256SUMS'));
  const keep = Math.max(1, options.keep ?? KEEP_RELEASES);
  const step = async (s: DeployStep) => options.onStep?.(s);

  try {
    fs.mkdirSync(releases, { recursive: true });
  } catch (err) {
    throw explained(err, `tạo thư mục cài đặt ${root}`);
  }
  const previous = readCurrent(root);
  let unlock: () => void;
  try {
    unlock = acquireLock(lock);
  } catch (err) {
    throw explained(err, `khóa thư mục cài đặt ${root}`);
  }
  let incoming: string | null = null;
  try {
    cleanLeftovers(root, releases);

    await step('checksum');
    await verifyArchive(archive, checksums).catch((err) => {
      throw explained(err, 'kiểm tra mã SHA-256 của gói');
    });

    await step('unpack');
    incoming = fs.mkdtempSync(path.join(releases, '.incoming-'));
    await unpack(archive, incoming).catch((err) => {
      throw explained(err, `giải nén gói vào ${releases}`);
    });

    await step('verify');
    const { dir, manifest } = await verifyUnpacked(incoming).catch((err) => {
      throw explained(err, 'kiểm tra các tệp đã giải nén');
    });
    const id = manifest.releaseId;

    await step('install');
    const target = path.join(releases, id);
    const reused = fs.existsSync(path.join(target, 'manifest.json'));
    try {
      if (!reused) {
        // A folder without a manifest is a leftover of an older, interrupted tool run.
        fs.rmSync(target, { recursive: true, force: true });
        fs.renameSync(dir, target);
      }
      fs.rmSync(incoming, { recursive: true, force: true });
      incoming = null;
    } catch (err) {
      throw explained(err, `chuyển bản mới vào ${target}`);
    }

    await step('switch');
    let switchMs: number;
    try {
      switchMs = switchCurrent(root, id);
    } catch (err) {
      throw explained(err, `chuyển liên kết ${path.join(root, 'current')}`);
    }

    await step('prune');
    const warnings: string[] = [];
    if (manifest.installDir && path.resolve(manifest.installDir) !== root) {
      warnings.push(
        `Gói được tạo cho thư mục cài đặt ${manifest.installDir}, nhưng đã cài vào ${root}: cấu hình máy chủ trong gói (server/) trỏ tới ${manifest.installDir}/current. Sửa cấu hình, hoặc tạo lại gói với INSTALL_DIR=${root}.`,
      );
    }
    const pruning = prune(root, keep, id);
    warnings.push(...pruning.warnings);
    return { releaseId: id, manifest, previous, reused, switchMs, pruned: pruning.pruned, warnings };
  } finally {
    if (incoming) fs.rmSync(incoming, { recursive: true, force: true });
    unlock();
  }
}

/** What a rollback did. */
export interface RollbackResult {
  /** The release that was live. */
  from: string;
  /** The release now live. */
  to: string;
  /** Duration of the switch itself, in milliseconds. */
  switchMs: number;
}

/** Makes the release built just before the live one live again. */
export function rollback(to: string): RollbackResult {
  const { root, lock } = layout(to);
  const current = readCurrent(root);
  if (!current) {
    throw new UserFacingError(
      `Chưa có bản nào đang chạy trong ${root}.`,
      'Cài một gói trước: `npm run deploy -- --to <thư mục> <gói.tar.gz>`.',
    );
  }
  let unlock: () => void;
  try {
    unlock = acquireLock(lock);
  } catch (err) {
    throw explained(err, `khóa thư mục cài đặt ${root}`);
  }
  try {
    const ids = listReleases(root);
    const index = ids.indexOf(current);
    const previous = index > 0 ? ids[index - 1] : undefined;
    if (!previous) {
      throw new UserFacingError(
        `Không có bản nào cũ hơn ${current} để quay lại (các bản hiện có: ${ids.join(', ') || 'không có'}).`,
        'Cài lại gói mong muốn bằng `npm run deploy -- --to <thư mục> <gói.tar.gz>`.',
      );
    }
    try {
      return { from: current, to: previous, switchMs: switchCurrent(root, previous) };
    } catch (err) {
      throw explained(err, `chuyển liên kết ${path.join(root, 'current')}`);
    }
  } finally {
    unlock();
  }
}
