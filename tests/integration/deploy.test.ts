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
import { checksumTree, formatChecksums, sha256File } from '../../src/lib/publishing/release-fs.ts';
import { ROOT } from '../helpers/build.ts';
import {
  fakePackage,
  makeSigningKey,
  NODE,
  runScript,
  systemTempDir,
  tempDir,
  verifySignatureByHand,
} from '../helpers/publish.ts';

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

/**
 * Re-packs a package after changing its unpacked files; writes the new archive with its own
 * SHA256SUMS. `portable: false` keeps group- and world-write bits (tar's portable mode drops them).
 */
async function repack(
  source: string,
  name: string,
  change: (releaseDir: string) => void,
  options: { portable?: boolean } = {},
): Promise<string> {
  const dir = fs.mkdtempSync(path.join(work, 'repack-'));
  const unpacked = path.join(dir, 'unpacked');
  fs.mkdirSync(unpacked);
  await tar.x({ file: source, cwd: unpacked });
  const [top] = fs.readdirSync(unpacked) as [string];
  change(path.join(unpacked, top));
  const archive = path.join(dir, name);
  await tar.c({ gzip: true, cwd: unpacked, file: archive, portable: options.portable ?? true }, [top]);
  await writeChecksums(archive);
  return archive;
}

/** Rewrites a release folder's own SHA256SUMS after a change, so only the change itself is tested. */
async function resum(releaseDir: string): Promise<void> {
  const entries = await checksumTree(releaseDir, ['SHA256SUMS']);
  fs.writeFileSync(path.join(releaseDir, 'SHA256SUMS'), formatChecksums(entries));
}

/** Changes fields of a release folder's manifest.json (and its SHA256SUMS to match). */
async function editManifest(releaseDir: string, fields: Record<string, unknown>): Promise<void> {
  const file = path.join(releaseDir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...manifest, ...fields }, null, 2));
  await resum(releaseDir);
}

/** Every file and folder mode under `dir`, as `path mode` lines, for those not 0644/0755. */
function oddModes(dir: string): string[] {
  const odd: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      const mode = fs.lstatSync(full).mode & 0o7777;
      if (mode !== (entry.isDirectory() ? 0o755 : 0o644))
        odd.push(`${path.relative(dir, full)} ${mode.toString(8)}`);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return odd;
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
    expect(await rollback(to)).toMatchObject({ from: idOf(6), to: idOf(5) });
    expect(livePage(to)).toContain('ban-6');
    expect((await rollback(to)).to).toBe(idOf(4));
    expect((await rollback(to)).to).toBe(idOf(3));
    expect((await rollback(to)).to).toBe(idOf(2));
    await expect(rollback(to)).rejects.toThrow(/Không có bản nào cũ hơn/);
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
    await rollback(to);
    expectUntouched(to, 0);
  });
});

describe('hostile packages', () => {
  let to: string;
  beforeAll(async () => {
    to = installDir();
    await deploy({ to, archive: pkg(0).archive });
  });

  it.each([
    ['setuid', 'site/so-tay/index.html', 0o4755],
    ['setgid', 'site/so-tay/van-ban', 0o2755],
    ['sticky', 'site/so-tay/_astro', 0o1777],
    ['group-writable', 'site/so-tay/404.html', 0o664],
    ['world-writable', 'site/so-tay/index.html', 0o646],
  ])('refuses an entry with the %s bit (%s), naming it', async (_bit, file, mode) => {
    const archive = await repack(
      pkg(1).archive,
      'so-tay-quyen.tar.gz',
      (dir) => fs.chmodSync(path.join(dir, file), mode),
      { portable: false },
    );
    const error = await failingDeploy(to, archive);
    expect(error.message).toMatch(/quyền nguy hiểm — setuid, setgid, sticky, hoặc nhóm\/người khác được ghi/);
    expect(error.message).toMatch(new RegExp(`/${file}/? \\(${mode.toString(8).padStart(4, '0')}\\)`));
    expect(error.hint).toMatch(/0644 \(tệp\) và 0755 \(thư mục\)/);
    expectUntouched(to, 0);
  });

  it('installs every file 0644 and every folder 0755, whatever modes the archive carries', async () => {
    const archive = await repack(pkg(1).archive, 'so-tay-0600.tar.gz', (dir) => {
      fs.chmodSync(path.join(dir, 'site/so-tay/index.html'), 0o600);
      fs.chmodSync(path.join(dir, 'site/so-tay/404.html'), 0o755);
      fs.chmodSync(path.join(dir, 'site/so-tay/van-ban'), 0o700);
    });
    const other = installDir();
    await deploy({ to: other, archive });
    expect(oddModes(path.join(other, 'releases', idOf(1)))).toEqual([]);
  });

  it('checks and unpacks one private copy: a package swapped on disk after the check is not installed', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'swap-'));
    const archive = path.join(dir, path.basename(pkg(1).archive));
    fs.copyFileSync(pkg(1).archive, archive);
    fs.copyFileSync(pkg(1).checksumsFile, path.join(dir, 'SHA256SUMS'));
    const other = installDir();
    const result = await deploy({
      to: other,
      archive,
      // Between the checksum and the unpack, someone replaces the package with another one.
      onStep: (step) => {
        if (step === 'unpack') fs.copyFileSync(pkg(2).archive, archive);
      },
    });
    expect(result.releaseId).toBe(idOf(1));
    expect(livePage(other)).toContain('ban-2');
    expect(listReleases(other)).toEqual([idOf(1)]);
  });

  it('validates every manifest field before anything changes (installDir of the wrong type)', async () => {
    const archive = await repack(pkg(1).archive, 'so-tay-manifest.tar.gz', () => undefined);
    const dir = fs.mkdtempSync(path.join(work, 'manifest-'));
    const unpacked = path.join(dir, 'x');
    fs.mkdirSync(unpacked);
    await tar.x({ file: archive, cwd: unpacked });
    await editManifest(path.join(unpacked, idOf(1)), { installDir: 5 });
    const bad = path.join(dir, 'so-tay-installdir.tar.gz');
    await tar.c({ gzip: true, cwd: unpacked, file: bad, portable: true }, [idOf(1)]);
    await writeChecksums(bad);
    const error = await failingDeploy(to, bad);
    expect(error.message).toMatch(
      /Gói không đúng cấu trúc: manifest.json: trường "installDir" \(= 5\) phải là một chuỗi/,
    );
    expectUntouched(to, 0);
    // The command line says what is live, read from disk, and it is true.
    const run = runScript('deploy', ['--to', to, bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Trang đang chạy không thay đổi: ${idOf(0)}.`);
    expect(readCurrent(to)).toBe(idOf(0));
  });

  it('prints text from a manifest with its terminal escapes made visible', async () => {
    const archive = await repack(pkg(1).archive, 'so-tay-escape.tar.gz', () => undefined);
    const dir = fs.mkdtempSync(path.join(work, 'escape-'));
    const unpacked = path.join(dir, 'x');
    fs.mkdirSync(unpacked);
    await tar.x({ file: archive, cwd: unpacked });
    // OSC 0 sets the terminal's title; ESC[2J clears the screen.
    await editManifest(path.join(unpacked, idOf(1)), { name: 'so-tay\u001b]0;bi-chiem\u0007\u001b[2J' });
    const bad = path.join(dir, 'so-tay-escape.tar.gz');
    await tar.c({ gzip: true, cwd: unpacked, file: bad, portable: true }, [idOf(1)]);
    await writeChecksums(bad);
    const run = runScript('deploy', ['--to', to, bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('trường "name"');
    // Quoted as JSON: the control characters show as \u escapes.
    expect(run.stderr).toContain('so-tay\\u001b]0;bi-chiem\\u0007\\u001b[2J');
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).not.toContain('\u0007');
    expectUntouched(to, 0);

    // A file name in the archive is quoted as is in the message: its escapes are made visible.
    const named = await repack(pkg(1).archive, 'so-tay-ten-tep.tar.gz', (dir) => {
      fs.writeFileSync(path.join(dir, 'site/so-tay/\u001b[2J\u001b]0;bi-chiem\u0007.html'), 'x');
    });
    const listed = runScript('deploy', ['--to', to, named]);
    expect(listed.status).toBe(1);
    expect(listed.stderr).toContain('thừa site/so-tay/\\x1b[2J\\x1b]0;bi-chiem\\x07.html');
    expect(listed.stderr).not.toContain('\u001b');
    expectUntouched(to, 0);
  });

  it("reports a file listed twice in the release's SHA256SUMS as listed twice, not as missing", async () => {
    const archive = await repack(pkg(1).archive, 'so-tay-hai-lan.tar.gz', (dir) => {
      const sums = path.join(dir, 'SHA256SUMS');
      const first = fs.readFileSync(sums, 'utf8').split('\n')[0];
      fs.appendFileSync(sums, `${first}\n`);
    });
    const error = await failingDeploy(to, archive);
    expect(error.message).toMatch(
      /SHA256SUMS trong gói, dòng \d+: tệp \S+ được ghi hai lần \(lần đầu ở dòng 1\)/,
    );
    expect(error.message).not.toMatch(/thiếu/);
    expectUntouched(to, 0);
  });

  it('refuses a checksum list with two lines for the package', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'two-lines-'));
    const archive = path.join(dir, path.basename(pkg(1).archive));
    fs.copyFileSync(pkg(1).archive, archive);
    fs.writeFileSync(
      path.join(dir, 'SHA256SUMS'),
      formatChecksums([
        { file: path.basename(archive), sha256: pkg(1).sha256 },
        { file: `cu/${path.basename(archive)}`, sha256: 'a'.repeat(64) },
      ]),
    );
    expect((await failingDeploy(to, archive)).message).toMatch(
      /có 2 dòng cho so-tay-0\.1\.0-20310502\.tar\.gz/,
    );
    expectUntouched(to, 0);
  });

  it('refuses to replace a current that points outside the install folder', async () => {
    for (const target of ['/etc', '../noi-khac/releases/20310501T080000Z-0.1.0-abcdef0']) {
      const other = installDir();
      fs.mkdirSync(other, { recursive: true });
      fs.symlinkSync(target, path.join(other, 'current'));
      const error = await failingDeploy(other, pkg(0).archive);
      expect(error.message).toContain(`trỏ tới ${target}, không phải một bản trong`);
      expect(error.hint).toMatch(/mv .*current .*current\.cu/);
      expect(fs.readlinkSync(path.join(other, 'current'))).toBe(target);
    }
  });
});

describe('an installed release is checked before it goes live again', () => {
  it('refuses to redeploy an installed release whose page was defaced or whose site/ was deleted', async () => {
    const to = installDir();
    await deploy({ to, archive: pkg(0).archive });
    await deploy({ to, archive: pkg(1).archive });
    const page = path.join(to, 'releases', idOf(0), 'site/so-tay/index.html');
    fs.appendFileSync(page, '<p>Trang đã bị thay nội dung</p>');
    const defaced = await failingDeploy(to, pkg(0).archive);
    expect(defaced.message).toBe(
      `Bản ${idOf(0)} trên máy chủ đã bị sửa hoặc hỏng (sai nội dung site/so-tay/index.html): không chuyển sang nó.`,
    );
    expect(defaced.hint).toMatch(/mv .*releases\/\S+ \/root\/\S+\.hong/);
    expect(readCurrent(to)).toBe(idOf(1));

    fs.rmSync(path.join(to, 'releases', idOf(0), 'site'), { recursive: true });
    expect((await failingDeploy(to, pkg(0).archive)).message).toMatch(
      /hỏng \(thiếu site\/so-tay\/\.htaccess; thiếu site\/so-tay\/404\.html; thiếu/,
    );
    expect(readCurrent(to)).toBe(idOf(1));

    // Once the damaged copy is moved away, the same package installs afresh.
    fs.renameSync(path.join(to, 'releases', idOf(0)), path.join(work, `${idOf(0)}.hong-${installCount}`));
    expect(await deploy({ to, archive: pkg(0).archive })).toMatchObject({
      releaseId: idOf(0),
      reused: false,
    });
    expect(livePage(to)).toContain('ban-1');
  });

  it('refuses to roll back to a release whose site/ was deleted or whose page was defaced', async () => {
    const to = installDir();
    for (const i of [0, 1, 2]) await deploy({ to, archive: pkg(i).archive });
    fs.rmSync(path.join(to, 'releases', idOf(1), 'site'), { recursive: true });
    const error = await rollback(to).then(
      () => null,
      (err: unknown) => err as UserFacingError,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error?.message).toMatch(
      new RegExp(`Bản ${idOf(1)} trên máy chủ đã bị sửa hoặc hỏng \\(thiếu site/`),
    );
    expect(error?.hint).toMatch(/--rollback để về bản cũ hơn nữa/);
    expect(readCurrent(to)).toBe(idOf(2));

    const run = runScript('deploy', ['--to', to, '--rollback']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Trang đang chạy không thay đổi: ${idOf(2)}.`);

    fs.appendFileSync(path.join(to, 'releases', idOf(0), 'site/so-tay/index.html'), 'x');
    fs.rmSync(path.join(to, 'releases', idOf(1)), { recursive: true });
    await expect(rollback(to)).rejects.toThrow(/sai nội dung site\/so-tay\/index\.html/);
    expect(readCurrent(to)).toBe(idOf(2));
  });

  it('prunes by setting a release aside first: a prune that stops halfway leaves no half-deleted release', () => {
    // One old release holds a folder the deploying account cannot empty: as root, the deploy runs
    // as `nobody` and the folder stays root's; otherwise the folder is made read-only.
    const asRoot = process.getuid?.() === 0;
    const base = systemTempDir('prune');
    fs.chmodSync(base, 0o755);
    const to = path.join(base, 'srv');
    const goi = path.join(base, 'goi');
    fs.mkdirSync(goi);
    for (const i of [0, 1, 2]) {
      fs.copyFileSync(pkg(i).archive, path.join(goi, path.basename(pkg(i).archive)));
    }
    fs.copyFileSync(pkg(2).checksumsFile, path.join(goi, 'SHA256SUMS'));
    runScript('deploy', ['--to', to, path.join(goi, path.basename(pkg(0).archive))]);
    runScript('deploy', ['--to', to, path.join(goi, path.basename(pkg(1).archive))]);
    const stuck = path.join(to, 'releases', idOf(0), 'site/so-tay/van-ban');
    if (asRoot) {
      spawnSync('chown', ['-R', '65534:65534', to]);
      spawnSync('chown', ['-R', '0:0', stuck]);
    } else {
      fs.chmodSync(stuck, 0o555);
    }
    const run = runScript(
      'deploy',
      ['--to', to, '--keep', '1', path.join(goi, path.basename(pkg(2).archive))],
      {
        wrapper: asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [],
      },
    );
    const releases = path.join(to, 'releases');
    if (!asRoot) {
      // Give the folder its write bit back, wherever it now is, so the next run can finish.
      for (const n of fs.readdirSync(releases).filter((n) => n.startsWith('.pruning-'))) {
        fs.chmodSync(path.join(releases, n, 'site/so-tay/van-ban'), 0o755);
      }
    }
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(`CHÚ Ý: Đã gỡ bản cũ ${idOf(0)} nhưng chưa xóa hết tệp trong .*\\.pruning-`),
    );
    expect(readCurrent(to)).toBe(idOf(2));
    // No folder under a release id is incomplete: the stuck one is set aside under a name no
    // listing or rollback takes for a release.
    const names = fs.readdirSync(releases);
    expect(names).not.toContain(idOf(0));
    expect(names.filter((n) => !n.startsWith('.')).sort()).toEqual([idOf(2)]);
    expect(names.filter((n) => n.startsWith('.pruning-'))).toHaveLength(1);
    expect(listReleases(to)).toEqual([idOf(2)]);

    // The next run, by an account that can, finishes the job.
    if (asRoot) spawnSync('chown', ['-R', '0:0', to]);
    const next = runScript('deploy', ['--to', to, path.join(goi, path.basename(pkg(1).archive))]);
    expect(next.status, next.stderr).toBe(0);
    expect(fs.readdirSync(releases).filter((n) => n.startsWith('.'))).toEqual([]);
    fs.rmSync(base, { recursive: true, force: true });
  });
});

describe('signed packages', () => {
  let keys: { key: string; allowedSigners: string };
  let stranger: { key: string; allowedSigners: string };
  let signed: PackageResult;
  beforeAll(async () => {
    keys = makeSigningKey(path.join(work, 'keys'), 'quan-tri@so-tay');
    stranger = makeSigningKey(path.join(work, 'keys'), 'nguoi-la');
    signed = await fakePackage(path.join(work, 'signed'), 'ban-ky', new Date(Date.UTC(2031, 6, 1)), {
      signingKey: keys.key,
    });
  });

  it('are signed at package time, with the signature listed in SHA256SUMS', () => {
    expect(signed.signatureFile).toBe(`${signed.archive}.sig`);
    expect(fs.readFileSync(signed.signatureFile as string, 'utf8')).toMatch(/^-----BEGIN SSH SIGNATURE-----/);
    expect(fs.readFileSync(signed.checksumsFile, 'utf8')).toContain(`${path.basename(signed.archive)}.sig`);
    // The administrator can check it by hand with the same tool.
    const check = verifySignatureByHand(keys.allowedSigners, signed.archive);
    expect(check.status, check.stderr).toBe(0);
  });

  it('install when the signature is by an allowed key, and say who signed', async () => {
    const to = installDir();
    const result = await deploy({ to, archive: signed.archive, allowedSigners: keys.allowedSigners });
    expect(result.signer).toBe('quan-tri@so-tay');
    expect(livePage(to)).toContain('ban-ky');
  });

  it('are required once <install folder>/allowed_signers exists: an unsigned package is refused', async () => {
    const to = installDir();
    await deploy({ to, archive: pkg(0).archive });
    fs.copyFileSync(keys.allowedSigners, path.join(to, 'allowed_signers'));
    const error = await failingDeploy(to, pkg(1).archive);
    expect(error.message).toMatch(
      /chưa được ký \(không thấy .*\.tar\.gz\.sig\), mà máy chủ này chỉ nhận gói có chữ ký/,
    );
    expect(error.hint).toMatch(/SIGNING_KEY=/);
    expectUntouched(to, 0);
    expect((await deploy({ to, archive: signed.archive })).signer).toBe('quan-tri@so-tay');
  });

  it('refuse a signature by a key not in allowed_signers, and a signature of another file', async () => {
    const to = installDir();
    await deploy({ to, archive: pkg(0).archive });
    const options = { to, allowedSigners: stranger.allowedSigners };
    const byStranger = await deploy({ ...options, archive: signed.archive }).catch((err: unknown) => err);
    expect((byStranger as Error).message).toMatch(/không phải của khóa nào trong .*nguoi-la-allowed_signers/);
    expectUntouched(to, 0);

    // The signature of the signed package, put next to another package.
    const dir = fs.mkdtempSync(path.join(work, 'wrong-sig-'));
    const archive = path.join(dir, path.basename(pkg(1).archive));
    fs.copyFileSync(pkg(1).archive, archive);
    fs.copyFileSync(pkg(1).checksumsFile, path.join(dir, 'SHA256SUMS'));
    fs.copyFileSync(signed.signatureFile as string, `${archive}.sig`);
    const wrong = await deploy({ to, archive, allowedSigners: keys.allowedSigners }).catch(
      (err: unknown) => err,
    );
    expect(wrong).toBeInstanceOf(UserFacingError);
    expect((wrong as Error).message).toMatch(/Chữ ký của gói không hợp lệ: gói đã bị sửa sau khi ký/);
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
    // The package is copied into the install folder first (one private copy is checked and unpacked).
    expect(stderr).toMatch(/^LỖI: Hết dung lượng đĩa khi chép gói vào thư mục tạm/m);
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
