/**
 * `npm run deploy` on real folders: install, keep five, roll back, and every way a deploy can go
 * wrong — damaged or foreign archives, a killed process, a full disk, a missing permission — each
 * leaving the live site exactly as it was, with a message an administrator can act on.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEPLOY_STEPS,
  deploy,
  listReleases,
  readCurrent,
  rollback,
} from '../../src/lib/publishing/deploy-fs.ts';
import { UserFacingError } from '../../src/lib/publishing/fs-errors.ts';
import type { PackageResult } from '../../src/lib/publishing/packaging-fs.ts';
import { formatChecksums, sha256File } from '../../src/lib/publishing/release-fs.ts';
import { ROOT } from '../helpers/build.ts';
import { fakePackage, NODE, runScript, systemTempDir, tempDir } from '../helpers/publish.ts';

let work: string;
/** Seven packages built on consecutive days: their release ids sort in that order. */
let packages: PackageResult[];

beforeAll(async () => {
  work = tempDir('deploy');
  packages = [];
  for (let day = 1; day <= 7; day++) {
    packages.push(
      await fakePackage(path.join(work, 'release'), `ban-${day}`, new Date(Date.UTC(2031, 4, day, 8))),
    );
  }
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const pkg = (i: number) => packages[i] as PackageResult;
const idOf = (i: number) => pkg(i).manifest.releaseId;
let installCount = 0;
/** A fresh, empty install folder. */
const installDir = () => path.join(work, `srv-${++installCount}`);
/** The page a reader would get from the live release. */
const livePage = (to: string) => fs.readFileSync(path.join(to, 'current/site/so-tay/index.html'), 'utf8');

/** Re-packs a package after changing its unpacked files; writes the new archive with its own SHA256SUMS. */
async function repack(source: string, name: string, change: (releaseDir: string) => void): Promise<string> {
  const dir = fs.mkdtempSync(path.join(work, 'repack-'));
  const unpacked = path.join(dir, 'unpacked');
  fs.mkdirSync(unpacked);
  await tar.x({ file: source, cwd: unpacked });
  const [top] = fs.readdirSync(unpacked) as [string];
  change(path.join(unpacked, top));
  const archive = path.join(dir, name);
  await tar.c({ gzip: true, cwd: unpacked, file: archive, portable: true }, [top]);
  await writeChecksums(archive);
  return archive;
}

/** Writes a SHA256SUMS next to a file that matches it, so only what comes after the checksum is tested. */
async function writeChecksums(archive: string): Promise<void> {
  const list = formatChecksums([{ file: path.basename(archive), sha256: await sha256File(archive) }]);
  fs.writeFileSync(path.join(path.dirname(archive), 'SHA256SUMS'), list);
}

/** Runs a deploy expected to fail; returns its error after checking it is one we explain. */
async function failingDeploy(to: string, archive: string): Promise<UserFacingError> {
  const error = await deploy({ to, archive }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

/** Asserts the install folder still serves package `i` and holds nothing half-done. */
function expectUntouched(to: string, i: number): void {
  expect(readCurrent(to)).toBe(idOf(i));
  expect(livePage(to)).toContain(`ban-${i + 1}`);
  const leftovers = fs.readdirSync(path.join(to, 'releases')).filter((n) => n.startsWith('.'));
  expect(leftovers).toEqual([]);
  expect(fs.readdirSync(to).filter((n) => n.startsWith('.current-') || n === '.deploy.lock')).toEqual([]);
}

describe('installing releases', () => {
  it('installs a package, points current at it with a relative link, and serves its release.json', async () => {
    const to = installDir();
    const result = await deploy({ to, archive: pkg(0).archive });
    expect(result).toMatchObject({ releaseId: idOf(0), previous: null, reused: false, pruned: [] });
    expect(fs.readlinkSync(path.join(to, 'current'))).toBe(`releases/${idOf(0)}`);
    expect(livePage(to)).toContain('ban-1');
    const served = JSON.parse(fs.readFileSync(path.join(to, 'current/site/so-tay/release.json'), 'utf8'));
    expect(served.releaseId).toBe(idOf(0));
    expect(fs.existsSync(path.join(to, 'current/server/nginx.conf'))).toBe(true);
  });

  it('keeps the five newest releases, then rolls back one release at a time', async () => {
    const to = installDir();
    for (let i = 0; i < 7; i++) await deploy({ to, archive: pkg(i).archive });
    expect(readCurrent(to)).toBe(idOf(6));
    expect(listReleases(to)).toEqual([2, 3, 4, 5, 6].map(idOf));
    expect(rollback(to)).toMatchObject({ from: idOf(6), to: idOf(5) });
    expect(livePage(to)).toContain('ban-6');
    expect(rollback(to).to).toBe(idOf(4));
    expect(rollback(to).to).toBe(idOf(3));
    expect(rollback(to).to).toBe(idOf(2));
    expect(() => rollback(to)).toThrow(/Không có bản nào cũ hơn/);
    expect(readCurrent(to)).toBe(idOf(2));
  });

  it('switches back to an installed release without unpacking it again, and keeps the live one when pruning', async () => {
    const to = installDir();
    await deploy({ to, archive: pkg(0).archive });
    await deploy({ to, archive: pkg(1).archive });
    const again = await deploy({ to, archive: pkg(0).archive, keep: 1 });
    expect(again).toMatchObject({ releaseId: idOf(0), previous: idOf(1), reused: true });
    // keep: 1 keeps the newest (1) and the live one (0).
    expect(listReleases(to)).toEqual([idOf(0), idOf(1)]);
    expect(livePage(to)).toContain('ban-1');
  });

  it('warns when the package was made for another install folder (its server configs point there)', async () => {
    const to = installDir();
    const result = await deploy({ to, archive: pkg(0).archive });
    expect(result.warnings.join('\n')).toMatch(/tạo cho thư mục cài đặt \/srv\/so-tay.*INSTALL_DIR=/);
  });
});

describe('a deploy that cannot go through leaves the live site as it was', () => {
  let to: string;
  beforeAll(async () => {
    to = installDir();
    await deploy({ to, archive: pkg(0).archive });
  });

  it('refuses a package damaged in transit (checksum mismatch)', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'damaged-'));
    const archive = path.join(dir, path.basename(pkg(1).archive));
    const bytes = fs.readFileSync(pkg(1).archive);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    fs.writeFileSync(archive, bytes);
    fs.copyFileSync(pkg(1).checksumsFile, path.join(dir, 'SHA256SUMS'));
    const error = await failingDeploy(to, archive);
    expect(error.message).toMatch(/bị hỏng hoặc đã bị sửa: mã SHA-256 không khớp/);
    expect(error.hint).toMatch(/Chép lại gói/);
    expectUntouched(to, 0);
  });

  it('refuses a package without its SHA256SUMS, or one the list does not name', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'nosums-'));
    const archive = path.join(dir, path.basename(pkg(1).archive));
    fs.copyFileSync(pkg(1).archive, archive);
    expect((await failingDeploy(to, archive)).message).toMatch(/Không thấy tệp mã kiểm tra .*SHA256SUMS/);
    fs.writeFileSync(
      path.join(dir, 'SHA256SUMS'),
      formatChecksums([{ file: 'khac.tar.gz', sha256: 'a'.repeat(64) }]),
    );
    expect((await failingDeploy(to, archive)).message).toMatch(
      /không có dòng nào cho so-tay-0\.1\.0-20310502\.tar\.gz/,
    );
    expectUntouched(to, 0);
  });

  it('refuses a truncated archive and a file that is not an archive at all', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'truncated-'));
    const truncated = path.join(dir, 'so-tay-cut.tar.gz');
    const bytes = fs.readFileSync(pkg(1).archive);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await writeChecksums(truncated);
    expect((await failingDeploy(to, truncated)).message).toMatch(
      /không đọc được: không phải \.tar\.gz hợp lệ hoặc bị cắt cụt/,
    );
    expectUntouched(to, 0);

    const junk = path.join(dir, 'so-tay-junk.tar.gz');
    fs.writeFileSync(junk, 'Đây không phải tệp nén.\n'.repeat(100));
    await writeChecksums(junk);
    expect((await failingDeploy(to, junk)).message).toMatch(/không đọc được/);
    expectUntouched(to, 0);
  });

  it('refuses an archive whose files differ from its own checksum list', async () => {
    const archive = await repack(pkg(1).archive, 'so-tay-sua.tar.gz', (dir) => {
      fs.appendFileSync(path.join(dir, 'site/so-tay/index.html'), '<!-- sửa tay -->');
      fs.writeFileSync(path.join(dir, 'site/so-tay/them.html'), 'thêm');
      fs.rmSync(path.join(dir, 'site/so-tay/404.html'));
    });
    const error = await failingDeploy(to, archive);
    expect(error.message).toMatch(
      /thiếu site\/so-tay\/404\.html; sai nội dung site\/so-tay\/index\.html; thừa site\/so-tay\/them\.html/,
    );
    expectUntouched(to, 0);
  });

  it('refuses an archive holding a symbolic link (it could point anywhere on the server)', async () => {
    const archive = await repack(pkg(1).archive, 'so-tay-lien-ket.tar.gz', (dir) => {
      fs.symlinkSync('/etc/passwd', path.join(dir, 'site/so-tay/mat-khau'));
    });
    expect((await failingDeploy(to, archive)).message).toMatch(/không phải tệp hay thư mục \(.*mat-khau/);
    expectUntouched(to, 0);
  });

  it('does not replace a current that is a real folder', async () => {
    const other = installDir();
    fs.mkdirSync(path.join(other, 'current'), { recursive: true });
    fs.writeFileSync(path.join(other, 'current', 'index.html'), 'trang cũ làm tay');
    const error = await failingDeploy(other, pkg(0).archive);
    expect(error.message).toMatch(/không phải liên kết tượng trưng/);
    expect(error.hint).toMatch(/mv /);
    expect(fs.readFileSync(path.join(other, 'current', 'index.html'), 'utf8')).toBe('trang cũ làm tay');
  });

  it('waits for a deploy in progress, but takes over the lock of one that died', async () => {
    const lock = path.join(to, '.deploy.lock');
    const sleeper = spawnSync(NODE, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    fs.writeFileSync(lock, `${process.pid}\n`);
    expect((await failingDeploy(to, pkg(1).archive)).message).toMatch(/Một lần cài đặt khác đang chạy/);
    // The pid of a process that has exited: a stale lock.
    fs.writeFileSync(lock, sleeper.stdout);
    await deploy({ to, archive: pkg(1).archive });
    expect(readCurrent(to)).toBe(idOf(1));
    expect(fs.existsSync(lock)).toBe(false);
    rollback(to);
    expectUntouched(to, 0);
  });
});

describe('a deploy killed at any step', () => {
  it.each(DEPLOY_STEPS)('before "%s" leaves a working site, and the next deploy cleans up', (step) => {
    const to = installDir();
    spawnSync(NODE, [path.join(ROOT, 'scripts/deploy.ts'), '--to', to, pkg(0).archive], { encoding: 'utf8' });
    const killed = spawnSync(
      NODE,
      [path.join(ROOT, 'tests/helpers/deploy-and-die.ts'), to, pkg(1).archive, step],
      {
        encoding: 'utf8',
      },
    );
    expect(killed.signal).toBe('SIGKILL');
    // Only the switch itself changes what readers get; before it, the old release, after it, the new.
    const afterSwitch = DEPLOY_STEPS.indexOf(step) > DEPLOY_STEPS.indexOf('switch');
    expect(readCurrent(to)).toBe(afterSwitch ? idOf(1) : idOf(0));
    expect(livePage(to)).toContain(afterSwitch ? 'ban-2' : 'ban-1');

    const next = spawnSync(NODE, [path.join(ROOT, 'scripts/deploy.ts'), '--to', to, pkg(2).archive], {
      encoding: 'utf8',
    });
    expect(next.status, next.stderr).toBe(0);
    expect(readCurrent(to)).toBe(idOf(2));
    expect(fs.readdirSync(path.join(to, 'releases')).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(fs.readdirSync(to).sort()).toEqual(['current', 'releases']);
  });
});

describe('the command line', () => {
  it('explains bad arguments with the usage (exit 2)', () => {
    const none = runScript('deploy', []);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/LỖI: thiếu --to/);
    expect(none.stderr).toMatch(/Cách dùng:/);
    const unknown = runScript('deploy', ['--to', work, '--nhanh']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--nhanh/);
  });

  it('reports a bad package in Vietnamese with what to do, no stack trace, and says what is still live', async () => {
    const to = installDir();
    runScript('deploy', ['--to', to, pkg(0).archive]);
    const dir = fs.mkdtempSync(path.join(work, 'cli-bad-'));
    const junk = path.join(dir, 'so-tay-hong.tar.gz');
    fs.writeFileSync(junk, 'không phải gói');
    await writeChecksums(junk);
    const run = runScript('deploy', ['--to', to, junk]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^LỖI: Tệp gói so-tay-hong\.tar\.gz không đọc được/m);
    expect(run.stderr).toMatch(/^Cách xử lý: Tạo lại gói bằng `npm run package`/m);
    expect(run.stderr).toContain(`Trang đang chạy không thay đổi: ${idOf(0)}.`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists installed releases with the live one marked, and rolls back', () => {
    const to = installDir();
    runScript('deploy', ['--to', to, pkg(0).archive]);
    runScript('deploy', ['--to', to, pkg(1).archive]);
    const list = runScript('deploy', ['--to', to, '--list']);
    expect(list.stdout).toContain(`  ${idOf(0)}  3 trang`);
    expect(list.stdout).toContain(`* ${idOf(1)}  3 trang`);
    const back = runScript('deploy', ['--to', to, '--rollback']);
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toMatch(new RegExp(`Đã quay lại ${idOf(0)} \\(trước đó: ${idOf(1)}\\)`));
  });

  it('explains a full disk, and the live site stays as it was', async () => {
    // A 3 MB disk of its own (tmpfs in a private mount namespace) holding a live release; the new
    // package carries 4 MB of incompressible data, so unpacking it runs out of space.
    const big = await fakePackage(path.join(work, 'big'), 'ban-lon', new Date(Date.UTC(2031, 5, 1)), {
      padding: 4 * 1024 * 1024,
    });
    const disk = systemTempDir('disk');
    const script = `set -e
mount -t tmpfs -o size=3m tmpfs "$1"
${NODE} scripts/deploy.ts --to "$1/srv" "$2" > /dev/null
rc=0; ${NODE} scripts/deploy.ts --to "$1/srv" "$3" 2> "$4/stderr" > /dev/null || rc=$?
echo "rc=$rc"
echo "current=$(readlink "$1/srv/current")"
echo "releases=$(ls -A "$1/srv/releases" | tr '\\n' ' ')"
echo "top=$(ls -A "$1/srv" | tr '\\n' ' ')"`;
    const out = path.join(work, 'disk-out');
    fs.mkdirSync(out, { recursive: true });
    const run = spawnSync(
      'unshare',
      ['--map-root-user', '--mount', 'sh', '-c', script, 'sh', disk, pkg(0).archive, big.archive, out],
      { cwd: ROOT, encoding: 'utf8' },
    );
    fs.rmSync(disk, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('rc=1');
    expect(run.stdout).toContain(`current=releases/${idOf(0)}`);
    expect(run.stdout).toContain(`releases=${idOf(0)} \n`);
    expect(run.stdout).toContain('top=current releases \n');
    const stderr = fs.readFileSync(path.join(out, 'stderr'), 'utf8');
    expect(stderr).toMatch(/^LỖI: Hết dung lượng đĩa khi giải nén gói/m);
    expect(stderr).toMatch(/^Cách xử lý: Giải phóng chỗ trống \(xem bằng `df -h`/m);
    expect(stderr).toContain(`Trang đang chạy không thay đổi: ${idOf(0)}.`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('explains a missing permission, and the live site stays as it was', () => {
    // As root every permission check passes, so the deploy runs as `nobody` (setpriv); otherwise
    // the install folder is made read-only for us.
    const asRoot = process.getuid?.() === 0;
    const base = systemTempDir('perm');
    fs.chmodSync(base, 0o755);
    const to = path.join(base, 'srv');
    const archiveDir = path.join(base, 'goi');
    fs.mkdirSync(archiveDir);
    fs.copyFileSync(pkg(1).archive, path.join(archiveDir, path.basename(pkg(1).archive)));
    fs.copyFileSync(pkg(1).checksumsFile, path.join(archiveDir, 'SHA256SUMS'));
    runScript('deploy', ['--to', to, pkg(0).archive]);
    if (!asRoot) fs.chmodSync(to, 0o555);
    const run = runScript('deploy', ['--to', to, path.join(archiveDir, path.basename(pkg(1).archive))], {
      wrapper: asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [],
    });
    fs.chmodSync(to, 0o755);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^LỖI: Không có quyền khi khóa thư mục cài đặt/m);
    expect(run.stderr).toMatch(/^Cách xử lý: Chạy lệnh bằng tài khoản có quyền ghi/m);
    expect(run.stderr).toContain(`Trang đang chạy không thay đổi: ${idOf(0)}.`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readCurrent(to)).toBe(idOf(0));
    fs.rmSync(base, { recursive: true, force: true });
  });
});
