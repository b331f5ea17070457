/**
 * Installs a release package on the server without ever exposing a half-installed site.
 *
 * Layout of the install folder (`--to`):
 *
 *     current -> releases/<id>     the live site; a symbolic link, replaced by ONE rename
 *     releases/<id>/…              complete, verified releases (ids sort by build time)
 *     releases/.incoming-XXXX/     a deploy in progress: a private copy of the package and its unpack
 *     releases/.pruning-<id>-XXXX/ an old release set aside to be deleted
 *     allowed_signers              optional: when present, only packages signed by these keys install
 *     .deploy.lock                 held while a deploy or rollback runs
 *
 * Order: copy the package into a private folder (0700, inside releases/) and work on that copy only,
 * so the bytes checked are the bytes unpacked → check its SHA-256 (and its signature, when
 * allowed_signers is configured) → unpack plain files and folders only, refusing setuid, setgid,
 * sticky and group- or world-writable entries, then set every file to 0644 and folder to 0755 →
 * check every file and every manifest field against the release's own SHA256SUMS → rename into
 * `releases/<id>` (or, if that id is installed already, check the installed copy against the
 * package's checksums) → point a temporary symlink at it and rename it over `current` (atomic:
 * each request sees the old release or the new one) → set aside, then delete, all but the five
 * newest releases. A rollback checks the release it goes back to against its checksums first.
 * Anything that fails before the rename leaves `current` as it was; a process killed at any point
 * leaves at most an `.incoming-*` or `.pruning-*` folder, cleaned up next time, and never a
 * half-deleted release under a release id.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { explainSystemError, printable, UserFacingError } from './fs-errors.ts';
import {
  parseChecksums,
  parseManifest,
  RELEASE_ID_PATTERN,
  type ReleaseManifest,
  sha256File,
  verifyTree,
} from './release-fs.ts';
import { signatureFileFor, verifyFileSignature } from './signing-fs.ts';

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
  /**
   * OpenSSH allowed-signers file: when set, the package must carry a valid `<package>.sig` by one
   * of its keys. Default `<to>/allowed_signers` when that file exists, else no signature check.
   */
  allowedSigners?: string;
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
  /** Who signed the package (a name from allowed_signers), or null when signatures are not checked. */
  signer: string | null;
}

/** The paths of an install folder. */
function layout(to: string) {
  const root = path.resolve(to);
  return {
    root,
    releases: path.join(root, 'releases'),
    current: path.join(root, 'current'),
    lock: path.join(root, '.deploy.lock'),
    allowedSigners: path.join(root, 'allowed_signers'),
  };
}

/** Prefixes of what an interrupted run may leave in releases/; never a release id. */
const INCOMING_PREFIX = '.incoming-';
const PRUNING_PREFIX = '.pruning-';

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
  // Only links this tool writes (releases/<id>, or the same as an absolute path) are ours to replace:
  // anything else was put there by someone, and switching would silently undo their change.
  const target = fs.readlinkSync(current);
  const relative = path.isAbsolute(target) ? path.relative(path.dirname(current), target) : target;
  const [folder, id, ...rest] = relative.split(/[\\/]/);
  if (folder === 'releases' && id && RELEASE_ID_PATTERN.test(id) && rest.length === 0) return id;
  throw new UserFacingError(
    `${current} trỏ tới ${printable(target)}, không phải một bản trong ${path.join(path.dirname(current), 'releases')}: lệnh deploy không tạo liên kết này.`,
    `Kiểm tra ai đã đổi nó và vì sao. Để lệnh deploy quản lý lại: \`mv ${current} ${current}.cu\`, rồi cài một gói (hoặc \`ln -sfn releases/<mã bản> ${current}\`).`,
  );
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
    if (name.startsWith(INCOMING_PREFIX) || name.startsWith(PRUNING_PREFIX)) {
      fs.rmSync(path.join(releases, name), { recursive: true, force: true });
    }
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

/**
 * Deletes all but the `keep` newest releases, never the live one. Each is first renamed aside
 * (one atomic step, after which no listing or rollback sees it), then deleted: a deletion that
 * stops halfway leaves a `.pruning-*` folder for the next run, never a half-deleted release.
 */
function prune(to: string, keep: number, live: string): { pruned: string[]; warnings: string[] } {
  const { releases } = layout(to);
  const ids = listReleases(to);
  const keepSet = new Set([...ids.slice(-keep), live]);
  const pruned: string[] = [];
  const warnings: string[] = [];
  for (const id of ids) {
    if (keepSet.has(id)) continue;
    const aside = path.join(releases, `${PRUNING_PREFIX}${id}-${crypto.randomBytes(4).toString('hex')}`);
    try {
      fs.renameSync(path.join(releases, id), aside);
    } catch (err) {
      warnings.push(`Không gỡ được bản cũ ${id}: ${(err as Error).message}`);
      continue;
    }
    pruned.push(id);
    try {
      fs.rmSync(aside, { recursive: true, force: true });
    } catch (err) {
      warnings.push(
        `Đã gỡ bản cũ ${id} nhưng chưa xóa hết tệp trong ${aside} (${(err as Error).message}); lần chạy sau sẽ xóa tiếp.`,
      );
    }
  }
  return { pruned, warnings };
}

/** The problems {@link verifyTree} found, as a short list for a message. */
function describeMismatch(mismatch: Awaited<ReturnType<typeof verifyTree>>): string[] {
  return [
    ...mismatch.missing.map((f) => `thiếu ${f}`),
    ...mismatch.changed.map((f) => `sai nội dung ${f}`),
    ...mismatch.unexpected.map((f) => `thừa ${f}`),
  ];
}

function summary(problems: string[]): string {
  return `${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; … (${problems.length} chỗ)` : ''}`;
}

/**
 * Checks an installed release before it goes live again: its manifest, and every file against
 * `expectedSums` (the text of the package's SHA256SUMS when redeploying) or else its own SHA256SUMS
 * (rollback). A defaced page, a deleted site/ or a release left half-deleted is refused.
 */
async function verifyInstalled(root: string, id: string, expectedSums?: string): Promise<void> {
  const dir = path.join(layout(root).releases, id);
  const refuse = (what: string) =>
    new UserFacingError(
      `Bản ${id} trên máy chủ đã bị sửa hoặc hỏng (${what}): không chuyển sang nó.`,
      `Chuyển nó đi để xem xét (\`mv ${dir} /root/${id}.hong\`), rồi cài lại gói của nó bằng \`npm run deploy -- --to ${root} <gói.tar.gz>\`${expectedSums ? '' : ', hoặc chạy lại --rollback để về bản cũ hơn nữa'}.`,
    );
  const read = (name: string): string => {
    try {
      return fs.readFileSync(path.join(dir, name), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw refuse(`thiếu ${name}`);
      throw err;
    }
  };
  const sumsText = read('SHA256SUMS');
  let manifest: ReleaseManifest;
  try {
    manifest = parseManifest(read('manifest.json'), `${id}/manifest.json`);
  } catch (err) {
    throw err instanceof UserFacingError ? err : refuse((err as Error).message);
  }
  if (manifest.releaseId !== id) throw refuse(`manifest.json ghi releaseId ${manifest.releaseId}`);
  if (expectedSums !== undefined && sumsText !== expectedSums) {
    throw refuse('SHA256SUMS khác với SHA256SUMS trong gói');
  }
  let entries: ReturnType<typeof parseChecksums>;
  try {
    entries = parseChecksums(sumsText, `${id}/SHA256SUMS`);
  } catch (err) {
    throw refuse((err as Error).message);
  }
  const problems = describeMismatch(await verifyTree(dir, entries));
  if (problems.length > 0) throw refuse(summary(problems));
}

/** Wraps a system error with what we were doing; passes our own errors through. */
function explained(err: unknown, doing: string): unknown {
  if (err instanceof UserFacingError) return err;
  return explainSystemError(err, doing) ?? err;
}

/**
 * Copies the package into the private folder `into` (created 0700 by mkdtemp, inside releases/),
 * so that what is checked is what is unpacked: a package swapped on disk after the check would
 * otherwise be installed unchecked. Returns the copy's path.
 */
function privateCopy(archive: string, into: string): string {
  if (!fs.existsSync(archive)) {
    throw new UserFacingError(
      `Không thấy tệp gói ${archive}.`,
      'Kiểm tra đường dẫn; gói do `npm run package` tạo nằm trong thư mục release/.',
    );
  }
  const copy = path.join(into, 'package.tar.gz');
  fs.copyFileSync(archive, copy);
  return copy;
}

/** Verifies the private copy of the package `name` against the checksum list that came with it. */
async function verifyArchive(copy: string, name: string, checksums: string): Promise<void> {
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
  const matching = entries.filter((e) => path.basename(e.file) === name);
  if (matching.length === 0) {
    throw new UserFacingError(
      `${checksums} không có dòng nào cho ${name}.`,
      'Chép tệp SHA256SUMS được tạo cùng lúc với gói này (cùng thư mục release/).',
    );
  }
  if (matching.length > 1) {
    throw new UserFacingError(
      `${checksums} có ${matching.length} dòng cho ${name} (${matching.map((e) => e.file).join(', ')}): không biết tin dòng nào.`,
      'Chép tệp SHA256SUMS được tạo cùng lúc với gói này (cùng thư mục release/).',
    );
  }
  const expected = (matching[0] as (typeof matching)[number]).sha256;
  const actual = await sha256File(copy);
  if (actual !== expected) {
    throw new UserFacingError(
      `Gói ${name} bị hỏng hoặc đã bị sửa: mã SHA-256 không khớp (mong đợi ${expected.slice(0, 12)}…, thực tế ${actual.slice(0, 12)}…).`,
      'Không cài gói này. Chép lại gói (và SHA256SUMS) từ máy đã tạo gói rồi chạy lại.',
    );
  }
}

/**
 * When an allowed-signers file is configured, checks the package's signature on the private
 * copy (the signature file is copied too). Returns the signer, or null when none is configured.
 */
function verifySignature(archive: string, copy: string, allowedSigners: string | null): string | null {
  if (!allowedSigners) return null;
  if (!fs.existsSync(allowedSigners)) {
    throw new UserFacingError(
      `Không thấy tệp khóa được phép ký ${allowedSigners}.`,
      'Kiểm tra đường dẫn --allowed-signers (mỗi dòng: <tên> <loại khóa> <khóa công khai>).',
    );
  }
  const signature = signatureFileFor(archive);
  if (!fs.existsSync(signature)) {
    throw new UserFacingError(
      `Gói ${path.basename(archive)} chưa được ký (không thấy ${signature}), mà máy chủ này chỉ nhận gói có chữ ký (${allowedSigners}).`,
      'Tạo lại gói với SIGNING_KEY=<khóa riêng> npm run package, rồi chép cả tệp .sig cạnh gói.',
    );
  }
  const signatureCopy = signatureFileFor(copy);
  fs.copyFileSync(signature, signatureCopy);
  return verifyFileSignature(copy, signatureCopy, allowedSigners);
}

/** Permission bits no file of a site needs: setuid, setgid, sticky, writable by group or others. */
const DANGEROUS_MODE_BITS = 0o7022;

/**
 * Unpacks `archive` (the private copy of the package `name`): regular files and folders only; anything else (links, devices) marks a foreign archive,
 * and so does an entry with setuid, setgid, sticky or group/world-write bits (a root deploy would
 * install them as such). Then every file gets 0644 and every folder 0755, whatever the archive said.
 */
async function unpack(archive: string, into: string, name: string): Promise<void> {
  const foreign: string[] = [];
  const dangerous: string[] = [];
  try {
    await tar.x({
      file: archive,
      cwd: into,
      strict: true,
      // Files belong to whoever deploys, even as root (tar would otherwise keep the archive's owner).
      preserveOwner: false,
      filter: (p, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        if (type !== 'File' && type !== 'Directory') {
          foreign.push(p);
          return false;
        }
        const mode = entry.mode ?? 0;
        if ((mode & DANGEROUS_MODE_BITS) !== 0) {
          dangerous.push(`${p} (${(mode & 0o7777).toString(8).padStart(4, '0')})`);
          return false;
        }
        return true;
      },
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (explainSystemError(err, '') && !code.startsWith('Z_') && !code.startsWith('TAR_')) throw err;
    throw new UserFacingError(
      `Tệp gói ${name} không đọc được: không phải .tar.gz hợp lệ hoặc bị cắt cụt (${(err as Error).message}).`,
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
  if (dangerous.length > 0) {
    throw new UserFacingError(
      `Gói chứa mục có quyền nguy hiểm — setuid, setgid, sticky, hoặc nhóm/người khác được ghi: ${dangerous.slice(0, 3).join(', ')}${dangerous.length > 3 ? ', …' : ''}.`,
      'Không cài gói này: gói do `npm run package` tạo chỉ có quyền 0644 (tệp) và 0755 (thư mục). Tạo lại gói bằng `npm run package`.',
    );
  }
  normaliseModes(into);
}

/** Sets 0644 on every file and 0755 on every folder under `dir` (and `dir` itself). */
function normaliseModes(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) normaliseModes(full);
    else if (entry.isFile()) fs.chmodSync(full, 0o644);
  }
}

/** Checks the unpacked folder: one release folder, a valid manifest, every file as listed. */
async function verifyUnpacked(
  incoming: string,
): Promise<{ dir: string; manifest: ReleaseManifest; sumsText: string }> {
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
  let entries: ReturnType<typeof parseChecksums>;
  try {
    entries = parseChecksums(sumsText, 'SHA256SUMS trong gói');
  } catch (err) {
    throw bad((err as Error).message);
  }
  const problems = describeMismatch(await verifyTree(dir, entries));
  if (problems.length > 0) {
    throw new UserFacingError(
      `Nội dung gói không khớp danh sách mã kiểm tra bên trong: ${summary(problems)}.`,
      'Gói bị hỏng: tạo lại bằng `npm run package` rồi chạy lại.',
    );
  }
  return { dir, manifest, sumsText };
}

/** Installs a package and makes it live. See the module comment for the guarantees. */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const { root, releases, lock, allowedSigners: defaultSigners } = layout(options.to);
  const archive = path.resolve(options.archive);
  const checksums = path.resolve(options.checksums ?? path.join(path.dirname(archive), 'SHA256SUMS'));
  const allowedSigners = options.allowedSigners
    ? path.resolve(options.allowedSigners)
    : fs.existsSync(defaultSigners)
      ? defaultSigners
      : null;
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
    incoming = fs.mkdtempSync(path.join(releases, INCOMING_PREFIX));
    let copy: string;
    try {
      copy = privateCopy(archive, incoming);
    } catch (err) {
      throw explained(err, `chép gói vào thư mục tạm ${incoming}`);
    }
    await verifyArchive(copy, path.basename(archive), checksums).catch((err) => {
      throw explained(err, 'kiểm tra mã SHA-256 của gói');
    });
    let signer: string | null;
    try {
      signer = verifySignature(archive, copy, allowedSigners);
    } catch (err) {
      throw explained(err, 'kiểm tra chữ ký của gói');
    }

    await step('unpack');
    const unpacked = path.join(incoming, 'unpacked');
    try {
      fs.mkdirSync(unpacked);
      await unpack(copy, unpacked, path.basename(archive));
      // Only the unpacked files are needed from here on: give the disk space back.
      fs.rmSync(copy);
    } catch (err) {
      throw explained(err, `giải nén gói vào ${releases}`);
    }

    await step('verify');
    const { dir, manifest, sumsText } = await verifyUnpacked(unpacked).catch((err) => {
      throw explained(err, 'kiểm tra các tệp đã giải nén');
    });
    const id = manifest.releaseId;

    await step('install');
    const target = path.join(releases, id);
    const reused = fs.existsSync(path.join(target, 'manifest.json'));
    if (reused) {
      // Already installed: switch to the copy on disk only if it is still exactly this package.
      await verifyInstalled(root, id, sumsText).catch((err) => {
        throw explained(err, `kiểm tra bản đã cài ${target}`);
      });
    }
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

    // Everything the result reports is worked out before the switch: nothing after it can fail.
    const warnings: string[] = [];
    if (path.resolve(manifest.installDir) !== root) {
      warnings.push(
        `Gói được tạo cho thư mục cài đặt ${manifest.installDir}, nhưng đã cài vào ${root}: cấu hình máy chủ trong gói (server/) trỏ tới ${manifest.installDir}/current. Sửa cấu hình, hoặc tạo lại gói với INSTALL_DIR=${root}.`,
      );
    }

    await step('switch');
    let switchMs: number;
    try {
      switchMs = switchCurrent(root, id);
    } catch (err) {
      throw explained(err, `chuyển liên kết ${path.join(root, 'current')}`);
    }

    await step('prune');
    const pruning = prune(root, keep, id);
    warnings.push(...pruning.warnings);
    return { releaseId: id, manifest, previous, reused, switchMs, pruned: pruning.pruned, warnings, signer };
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

/**
 * Makes the release built just before the live one live again, once it has been checked against
 * its own checksums (a release damaged or defaced on disk is refused, never switched to).
 */
export async function rollback(to: string): Promise<RollbackResult> {
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
    await verifyInstalled(root, previous).catch((err) => {
      throw explained(err, `kiểm tra bản ${previous}`);
    });
    try {
      return { from: current, to: previous, switchMs: switchCurrent(root, previous) };
    } catch (err) {
      throw explained(err, `chuyển liên kết ${path.join(root, 'current')}`);
    }
  } finally {
    unlock();
  }
}
