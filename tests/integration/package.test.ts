/**
 * `npm run package` on the fictional site: the archive, its manifest and checksums are what an
 * administrator can check by hand with the standard tools (`sha256sum -c`, `tar`), and the server
 * configurations inside point at the install folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChecksums, type ReleaseManifest, sha256File } from '../../src/lib/publishing/release-fs.ts';
import { ROOT } from '../helpers/build.ts';
import {
  FIXTURE_CONTENT,
  fakePackage,
  makeSigningKey,
  runScript,
  tempDir,
  verifySignatureByHand,
} from '../helpers/publish.ts';

let work: string;
let out: string;
let manifest: ReleaseManifest;
let archive: string;
let started: Date;
let finished: Date;
let output: string;
let keys: { key: string; allowedSigners: string };
const entries: { path: string; mode: number; type: string }[] = [];

beforeAll(async () => {
  work = tempDir('package');
  out = path.join(work, 'release');
  keys = makeSigningKey(path.join(work, 'keys'), 'quan-tri@so-tay');
  started = new Date();
  const run = runScript('package', ['--out', out, '--dist', path.join(work, 'dist')], {
    env: {
      SO_TAY_CONTENT_DIR: FIXTURE_CONTENT,
      BASE_PATH: '/so-tay/',
      SITE_URL: 'http://intranet.thu-nghiem.vn',
      INSTALL_DIR: '/srv/so-tay-thu',
      SIGNING_KEY: keys.key,
    },
  });
  finished = new Date();
  if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}\n${run.stderr}`);
  output = run.stdout;
  const archives = fs.readdirSync(out).filter((f) => f.endsWith('.tar.gz'));
  expect(archives).toHaveLength(1);
  archive = path.join(out, archives[0] as string);
  manifest = JSON.parse(fs.readFileSync(archive.replace(/\.tar\.gz$/, '.manifest.json'), 'utf8'));
  await tar.t({
    file: archive,
    onReadEntry: (e) => entries.push({ path: e.path, mode: e.mode ?? 0, type: e.type }),
  });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('npm run package', () => {
  it('names the archive <name>-<version>-<date>.tar.gz and records version, commit, date and page count', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const builtAt = new Date(manifest.builtAt);
    expect(builtAt >= new Date(started.getTime() - 1000) && builtAt <= finished).toBe(true);
    const date = manifest.builtAt.slice(0, 10).replace(/-/g, '');
    expect(path.basename(archive)).toBe(`${pkg.name}-${pkg.version}-${date}.tar.gz`);
    const pages = fs
      .readdirSync(path.join(work, 'dist'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'));
    expect(manifest).toMatchObject({
      name: pkg.name,
      version: pkg.version,
      commit,
      pageCount: pages.length,
      site: 'http://intranet.thu-nghiem.vn/so-tay/',
      basePath: '/so-tay/',
      installDir: '/srv/so-tay-thu',
    });
    expect(manifest.releaseId).toMatch(new RegExp(`^${date}T\\d{6}Z-${pkg.version}-${commit.slice(0, 7)}$`));
  });

  it('writes a SHA256SUMS that sha256sum -c accepts', () => {
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain(`${path.basename(archive)}: OK`);
  });

  it('holds one release folder: manifest, checksums, the site under its base path, server configs', () => {
    const id = manifest.releaseId;
    expect(entries.every((e) => e.path === `${id}/` || e.path.startsWith(`${id}/`))).toBe(true);
    const paths = entries.map((e) => e.path);
    for (const file of [
      'manifest.json',
      'SHA256SUMS',
      'server/nginx.conf',
      'server/apache.conf',
      'site/so-tay/index.html',
      'site/so-tay/.htaccess',
      'site/so-tay/web.config',
      'site/so-tay/release.json',
      'site/so-tay/sitemap.xml',
      'site/so-tay/robots.txt',
      'site/so-tay/pagefind/pagefind.js',
      'site/so-tay/van-ban/9021-nq-tw-2031/index.html',
    ]) {
      expect(paths).toContain(`${id}/${file}`);
    }
  });

  it('has only plain files and folders, readable by the web server account', () => {
    expect(entries.filter((e) => e.type !== 'File' && e.type !== 'Directory')).toEqual([]);
    expect(entries.filter((e) => (e.mode & 0o004) === 0).map((e) => e.path)).toEqual([]);
  });

  it('signs the package with SIGNING_KEY, in a form ssh-keygen checks by hand', () => {
    const signature = `${archive}.sig`;
    expect(fs.readFileSync(signature, 'utf8')).toMatch(/^-----BEGIN SSH SIGNATURE-----/);
    const check = verifySignatureByHand(keys.allowedSigners, archive, signature);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/Good "so-tay-release" signature for quan-tri@so-tay/);
    const sums = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    expect(sums.stdout).toContain(`${path.basename(archive)}.sig: OK`);
    expect(output).toMatch(/chữ ký\s+\S+\.tar\.gz\.sig\n/);
    expect(output).toContain('Chép gói, SHA256SUMS và tệp .sig lên máy chủ');
  });

  it('explains a signing key that does not exist instead of making an unsigned package', () => {
    const run = runScript(
      'package',
      ['--out', path.join(work, 'never-signed'), '--dist', path.join(work, 'dist')],
      {
        env: { SO_TAY_CONTENT_DIR: FIXTURE_CONTENT, SIGNING_KEY: path.join(work, 'khong-co-khoa') },
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^LỖI: Không thấy khóa ký .*khong-co-khoa \(SIGNING_KEY\)/m);
    expect(run.stderr).toMatch(/^Cách xử lý: .*ssh-keygen -t ed25519/m);
  });

  it('unpacks with the system tar into a folder whose SHA256SUMS sha256sum -c accepts', () => {
    const dir = path.join(work, 'unpacked');
    fs.mkdirSync(dir);
    execFileSync('tar', ['-xzf', archive, '-C', dir]);
    const check = spawnSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], {
      cwd: path.join(dir, manifest.releaseId),
      encoding: 'utf8',
    });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const sums = parseChecksums(fs.readFileSync(path.join(dir, manifest.releaseId, 'SHA256SUMS'), 'utf8'));
    expect(sums.length).toBe(entries.filter((e) => e.type === 'File').length - 1);
    const served = JSON.parse(
      fs.readFileSync(path.join(dir, manifest.releaseId, 'site/so-tay/release.json'), 'utf8'),
    );
    expect(served).toEqual(manifest);
    const nginx = fs.readFileSync(path.join(dir, manifest.releaseId, 'server/nginx.conf'), 'utf8');
    expect(nginx).toContain('root /srv/so-tay-thu/current/site;');
  });
});

describe('packaging again the same day', () => {
  it('replaces the package and its checksum line, keeping the lines of other packages', async () => {
    const dir = path.join(work, 'again');
    const first = await fakePackage(dir, 'mot', new Date(Date.UTC(2031, 4, 1, 8)));
    const other = await fakePackage(dir, 'hai', new Date(Date.UTC(2031, 4, 2, 8)));
    const second = await fakePackage(dir, 'ba', new Date(Date.UTC(2031, 4, 1, 9)));
    expect(second.archive).toBe(first.archive);
    const sums = parseChecksums(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8'));
    expect(sums.map((s) => s.file)).toEqual([
      'so-tay-0.1.0-20310501.manifest.json',
      'so-tay-0.1.0-20310501.tar.gz',
      'so-tay-0.1.0-20310502.manifest.json',
      'so-tay-0.1.0-20310502.tar.gz',
    ]);
    expect(sums.find((s) => s.file === 'so-tay-0.1.0-20310501.tar.gz')?.sha256).toBe(
      await sha256File(second.archive),
    );
    expect(sums.find((s) => s.file === 'so-tay-0.1.0-20310502.tar.gz')?.sha256).toBe(other.sha256);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('gives every file 0644 and every folder 0755, whatever the build left (umask 002, setuid, 0600)', async () => {
    const made = await fakePackage(path.join(work, 'modes'), 'quyen', new Date(Date.UTC(2031, 4, 3)), {
      prepare: (dist) => {
        fs.chmodSync(path.join(dist, 'index.html'), 0o4755);
        fs.chmodSync(path.join(dist, '404.html'), 0o600);
        fs.chmodSync(path.join(dist, 'van-ban'), 0o775);
        fs.chmodSync(path.join(dist, '_astro'), 0o2777);
      },
    });
    const modes: string[] = [];
    await tar.t({
      file: made.archive,
      onReadEntry: (e) => {
        const mode = (e.mode ?? 0) & 0o7777;
        if (mode !== (e.type === 'Directory' ? 0o755 : 0o644)) modes.push(`${e.path} ${mode.toString(8)}`);
      },
    });
    expect(modes).toEqual([]);
  });

  it('explains a bad SITE_URL instead of building', () => {
    const run = runScript('package', ['--out', path.join(work, 'never')], {
      env: { SITE_URL: 'intranet.thu-nghiem.vn' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^LỖI: SITE_URL="intranet.thu-nghiem.vn" không phải URL đầy đủ/m);
    expect(fs.existsSync(path.join(work, 'never'))).toBe(false);
  });
});
