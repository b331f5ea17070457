/**
 * The packaged site on a real server: Debian's nginx, configured only by the package's own
 * server/nginx.conf inside a server block that already has a regular-expression location of its
 * own, serving the fictional site under /so-tay/ from an install folder managed by `npm run
 * deploy`. The checks every server must pass are in published-site.ts; here, in addition, a second
 * release is deployed and rolled back while requests keep coming, and every response must come
 * whole from one release or the other.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCurrent } from '../../src/lib/publishing/deploy-fs.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { type Nginx, startNginx } from '../helpers/nginx.ts';
import { systemTempDir } from '../helpers/publish.ts';
import {
  BASE,
  deployCli,
  describeServedSite,
  firstFile,
  packageFixture,
  type Release,
} from './published-site.ts';

/**
 * What an administrator's server block may already hold: a regex location for scripts and icons.
 * Without `^~` on the site's location it would answer the site's .js and .svg files with 418.
 */
const ADMINISTRATORS_LOCATION = String.raw`        location ~* \.(js|svg)$ { return 418; }`;

let work: string;
let installDir: string;
let nginx: Nginx;
let browser: Browser;
let releaseA: Release;
let releaseB: Release;

beforeAll(async () => {
  work = systemTempDir('nginx');
  // nginx's workers run as an unprivileged user when the master is root: they must reach the files.
  fs.chmodSync(work, 0o755);
  installDir = path.join(work, 'srv');
  releaseA = await packageFixture(work, installDir, 'a', 'http://a.thu-nghiem.vn');
  releaseB = await packageFixture(work, installDir, 'b', 'http://b.thu-nghiem.vn');
  await deployCli(installDir, [releaseA.archive]);
  nginx = await startNginx(
    path.join(work, 'nginx'),
    path.join(installDir, 'current/server/nginx.conf'),
    ADMINISTRATORS_LOCATION,
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const url = (p: string) => `${nginx.origin}${BASE}${p}`;

describe('nginx with the packaged configuration', () => {
  describeServedSite(
    () => ({
      origin: nginx.origin,
      live: path.join(installDir, 'current/site/so-tay'),
      files: releaseA.files,
      browser,
    }),
    {
      // nginx's own mime.types, with the site's charset and its types for Pagefind's files.
      types: {
        '': 'text/html; charset=utf-8',
        'van-ban/9021-nq-tw-2031/': 'text/html; charset=utf-8',
        'rss.xml': 'text/xml; charset=utf-8',
        'sitemap.xml': 'text/xml; charset=utf-8',
        'release.json': 'application/json; charset=utf-8',
        'pagefind/pagefind-entry.json': 'application/json; charset=utf-8',
        'pagefind/pagefind.js': 'application/javascript; charset=utf-8',
        'pagefind/pagefind-worker.js': 'application/javascript; charset=utf-8',
        'pagefind/wasm.unknown.pagefind': 'application/octet-stream',
        '@pf_meta': 'application/octet-stream',
        '@fragment': 'application/octet-stream',
        '@index': 'application/octet-stream',
        '@css': 'text/css; charset=utf-8',
        '@woff2': 'font/woff2',
        'probe.wasm': 'application/wasm',
      },
    },
  );

  it("keeps the site's scripts and icons when the server block has its own regex location", async () => {
    // The administrator's location is live: it answers a script outside the site.
    expect((await fetch(`${nginx.origin}/khac/ung-dung.js`)).status).toBe(418);
    for (const p of ['pagefind/pagefind.js', 'favicon.svg', firstFile(releaseA.files, '_astro', /\.css$/)]) {
      const response = await fetch(url(p));
      expect(response.status, p).toBe(200);
      await response.arrayBuffer();
    }
  });
});

/** One response seen while switching releases. */
interface Seen {
  path: string;
  status: number;
  /** Which release's file the body equals: 'A', 'B', 'both' (identical in both) or 'neither'. */
  release: 'A' | 'B' | 'both' | 'neither';
  started: number;
  ended: number;
}

describe('deploying and rolling back while readers keep reading', () => {
  it('never serves a half-installed release: every response is whole and from one release', async () => {
    const sample = [
      '',
      'van-ban/',
      'van-ban/9021-nq-tw-2031/',
      'tin/2031-05-03-hoi-nghi-thu-nghiem/',
      'chu-de/chu-de-thu-nghiem/',
      'release.json',
      'rss.xml',
      'pagefind/pagefind-entry.json',
      firstFile(releaseA.files, '_astro', /\.css$/),
    ];
    const fileOf = (root: string, p: string) =>
      fs.readFileSync(path.join(root, p, p === '' || p.endsWith('/') ? 'index.html' : ''));
    const bodies = new Map(
      sample.map((p) => [p, { a: fileOf(releaseA.files, p), b: fileOf(releaseB.files, p) }]),
    );
    expect(bodies.get('')?.a.equals(bodies.get('')?.b as Buffer)).toBe(false);

    const seen: Seen[] = [];
    let running = true;
    const reader = async (offset: number) => {
      for (let i = offset; running; i++) {
        const p = sample[i % sample.length] as string;
        const started = performance.now();
        const response = await fetch(url(p));
        const body = Buffer.from(await response.arrayBuffer());
        const expected = bodies.get(p) as { a: Buffer; b: Buffer };
        const isA = body.equals(expected.a);
        const isB = body.equals(expected.b);
        const release = isA && isB ? 'both' : isA ? 'A' : isB ? 'B' : 'neither';
        seen.push({ path: p, status: response.status, release, started, ended: performance.now() });
      }
    };
    const readers = [0, 1, 2, 3].map((n) => reader(n * 2));
    const pause = () => new Promise((r) => setTimeout(r, 300));

    await pause();
    const deployStart = performance.now();
    const deployOutput = await deployCli(installDir, [releaseB.archive]);
    const deployEnd = performance.now();
    await pause();
    const rollbackStart = performance.now();
    const rollbackOutput = await deployCli(installDir, ['--rollback']);
    const rollbackEnd = performance.now();
    await pause();
    running = false;
    await Promise.all(readers);

    expect(readCurrent(installDir)).toBe(releaseA.manifest.releaseId);
    expect(seen.filter((s) => s.status !== 200 || s.release === 'neither')).toEqual([]);
    const distinct = seen.filter((s) => s.release === 'A' || s.release === 'B');
    const phase = (s: Seen) =>
      s.ended < deployStart
        ? 'before'
        : s.started > deployEnd && s.ended < rollbackStart
          ? 'deployed'
          : s.started > rollbackEnd
            ? 'rolled back'
            : 'switching';
    expect(distinct.filter((s) => phase(s) === 'before' && s.release !== 'A')).toEqual([]);
    expect(distinct.filter((s) => phase(s) === 'deployed' && s.release !== 'B')).toEqual([]);
    expect(distinct.filter((s) => phase(s) === 'rolled back' && s.release !== 'A')).toEqual([]);
    for (const p of ['before', 'deployed', 'rolled back'])
      expect(
        distinct.some((s) => phase(s) === p),
        p,
      ).toBe(true);
    // Requests kept running through both switches (the windows include the CLI's start-up).
    expect(seen.filter((s) => phase(s) === 'switching').length).toBeGreaterThan(0);

    const switchMs = /đổi liên kết\s+([\d.]+) ms/.exec(deployOutput)?.[1];
    const rollbackMs = /trong ([\d.]+) ms/.exec(rollbackOutput)?.[1];
    console.log(
      `[publish] ${seen.length} responses, ${seen.filter((s) => phase(s) === 'switching').length} during the deploy/rollback commands; ` +
        `deploy ${(deployEnd - deployStart).toFixed(0)} ms (switch ${switchMs} ms), rollback ${(rollbackEnd - rollbackStart).toFixed(0)} ms (switch ${rollbackMs} ms); ` +
        `package ${(fs.statSync(releaseA.archive).size / 1024).toFixed(0)} KB`,
    );
    // Folder listings are refused on purpose (published-site.ts asks for them); nothing else may log.
    const errors = nginx
      .errors()
      .split('\n')
      .filter((l) => /\[(error|crit|alert|emerg)\]/.test(l) && !/directory index of .* is forbidden/.test(l));
    expect(errors).toEqual([]);
  });
});
