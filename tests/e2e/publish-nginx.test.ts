/**
 * The packaged site on a real server: Debian's nginx, configured only by the package's own
 * server/nginx.conf, serving the fictional site under /so-tay/ from an install folder managed by
 * `npm run deploy`. Checks headers and every link, loads every kind of page in Chromium under the
 * Content-Security-Policy (no violation, no request to another origin), runs a search, then
 * deploys a second release and rolls back while requests keep coming, and checks that every
 * response came whole from one release or the other.
 */
import fs from 'node:fs';
import path from 'node:path';
import { check as checkLinks, LinkState } from 'linkinator';
import type { Browser, Page } from 'playwright-core';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCurrent } from '../../src/lib/publishing/deploy-fs.ts';
import type { ReleaseManifest } from '../../src/lib/publishing/release-fs.ts';
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from '../../src/lib/publishing/server-config.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { type Nginx, startNginx } from '../helpers/nginx.ts';
import { FIXTURE_CONTENT, runScript, runScriptAsync, systemTempDir } from '../helpers/publish.ts';

const BASE = '/so-tay/';
/** A word only one fixture page contains, and that page. */
const QUERY = 'thuyền rồng';
const EXPECTED_HIT = `${BASE}van-ban/9021-nq-tw-2031/`;

interface Release {
  archive: string;
  manifest: ReleaseManifest;
  /** The release's site folder, unpacked, to compare responses with. */
  files: string;
}

let work: string;
let installDir: string;
let nginx: Nginx;
let browser: Browser;
let releaseA: Release;
let releaseB: Release;

/** Packages the fixture for SITE_URL `site`; the two releases differ in every page's canonical link. */
async function makeRelease(name: string, site: string): Promise<Release> {
  const out = path.join(work, `release-${name}`);
  const run = runScript('package', ['--out', out, '--dist', path.join(work, `dist-${name}`)], {
    env: { SO_TAY_CONTENT_DIR: FIXTURE_CONTENT, BASE_PATH: BASE, SITE_URL: site, INSTALL_DIR: installDir },
  });
  if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}\n${run.stderr}`);
  const archive = path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.tar.gz')) as string);
  const manifest = JSON.parse(fs.readFileSync(archive.replace(/\.tar\.gz$/, '.manifest.json'), 'utf8'));
  const unpacked = path.join(work, `unpacked-${name}`);
  fs.mkdirSync(unpacked);
  await tar.x({ file: archive, cwd: unpacked });
  return { archive, manifest, files: path.join(unpacked, manifest.releaseId, 'site', BASE) };
}

async function deployCli(args: string[]): Promise<string> {
  const run = await runScriptAsync('deploy', ['--to', installDir, ...args]);
  if (run.status !== 0)
    throw new Error(`npm run deploy ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

beforeAll(async () => {
  work = systemTempDir('nginx');
  // nginx's workers run as an unprivileged user when the master is root: they must reach the files.
  fs.chmodSync(work, 0o755);
  installDir = path.join(work, 'srv');
  releaseA = await makeRelease('a', 'http://a.thu-nghiem.vn');
  releaseB = await makeRelease('b', 'http://b.thu-nghiem.vn');
  await deployCli([releaseA.archive]);
  nginx = await startNginx(path.join(work, 'nginx'), path.join(installDir, 'current/server/nginx.conf'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const url = (p: string) => `${nginx.origin}${BASE}${p}`;
/** The one file of a kind in the built site, e.g. the first `_astro/*.css`. */
function firstFile(dir: string, pattern: RegExp): string {
  const found = fs
    .readdirSync(path.join(releaseA.files, dir))
    .sort()
    .find((f) => pattern.test(f));
  if (!found) throw new Error(`no ${pattern} in ${dir}`);
  return `${dir}/${found}`;
}

/** Files whose names carry a hash, looked up in the build: `@css` → `_astro/BaseLayout.X.css`. */
const HASHED_FILES: Record<string, () => string> = {
  '@pf_meta': () => firstFile('pagefind', /\.pf_meta$/),
  '@fragment': () => firstFile('pagefind/fragment', /\.pf_fragment$/),
  '@index': () => firstFile('pagefind/index', /\.pf_index$/),
  '@css': () => firstFile('_astro', /\.css$/),
  '@woff2': () => firstFile('_astro', /\.woff2$/),
};

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(response.headers.get(name), `${response.url}: ${name}`).toBe(value);
  }
}

describe('nginx with the packaged configuration', () => {
  it.each([
    // path, content type, cache, compressed by nginx
    ['', 'text/html; charset=utf-8', CACHE_REVALIDATE, true],
    ['van-ban/9021-nq-tw-2031/', 'text/html; charset=utf-8', CACHE_REVALIDATE, true],
    ['rss.xml', 'text/xml; charset=utf-8', CACHE_REVALIDATE, true],
    ['sitemap.xml', 'text/xml; charset=utf-8', CACHE_REVALIDATE, false],
    ['release.json', 'application/json; charset=utf-8', CACHE_REVALIDATE, true],
    ['pagefind/pagefind-entry.json', 'application/json; charset=utf-8', CACHE_REVALIDATE, false],
    ['pagefind/pagefind.js', 'application/javascript; charset=utf-8', CACHE_REVALIDATE, true],
    ['pagefind/pagefind-worker.js', 'application/javascript; charset=utf-8', CACHE_REVALIDATE, true],
    // Pagefind's own gzip files: opaque bytes, never compressed a second time.
    ['pagefind/wasm.unknown.pagefind', 'application/octet-stream', CACHE_REVALIDATE, false],
    ['@pf_meta', 'application/octet-stream', CACHE_IMMUTABLE, false],
    ['@fragment', 'application/octet-stream', CACHE_IMMUTABLE, false],
    ['@index', 'application/octet-stream', CACHE_IMMUTABLE, false],
    ['@css', 'text/css; charset=utf-8', CACHE_IMMUTABLE, true],
    ['@woff2', 'font/woff2', CACHE_IMMUTABLE, false],
  ])('%s → %s, %s', async (p, type, cache, compressed) => {
    const resolved = HASHED_FILES[p]?.() ?? p;
    const response = await fetch(url(resolved), { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe(cache);
    expectSecurityHeaders(response);
    // Small files are below gzip_min_length; only assert compression where the file is big enough.
    const size = fs.statSync(
      path.join(releaseA.files, resolved, resolved === '' || resolved.endsWith('/') ? 'index.html' : ''),
    ).size;
    if (compressed && size > 1024) expect(response.headers.get('content-encoding')).toBe('gzip');
    if (!compressed) expect(response.headers.get('content-encoding')).toBeNull();
    await response.arrayBuffer();
  });

  it('sends the Content-Security-Policy the site is tested against', async () => {
    const response = await fetch(url(''));
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('redirects folders without a slash, relative to the host the reader used', async () => {
    for (const [from, to] of [
      ['/so-tay', '/so-tay/'],
      ['/so-tay/van-ban', '/so-tay/van-ban/'],
    ] as const) {
      const response = await fetch(`${nginx.origin}${from}`, { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(to);
    }
  });

  it("answers unknown pages with the site's own 404 page, and hides .htaccess and web.config", async () => {
    for (const p of ['khong-co-trang-nay/', '.htaccess', 'web.config', 'pagefind/khong-co.js']) {
      const response = await fetch(url(p));
      expect(response.status, p).toBe(404);
      expectSecurityHeaders(response);
      const body = await response.text();
      expect(body).toContain(`<link rel="icon" href="${BASE}favicon.svg"`);
      // The site's 404 page, not the configuration files (every page carries the CSP as a <meta>
      // now, so the policy's name alone no longer tells them apart).
      expect(body).not.toMatch(/Header always set|<configuration>|<system\.webServer>/);
    }
  });

  it('lets browsers revalidate HTML cheaply (ETag → 304)', async () => {
    const first = await fetch(url(''));
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(url(''), { headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
  });

  it('serves every link, stylesheet, script, font and fragment the pages refer to', async () => {
    const pages = await onePagePerKind();
    const result = await checkLinks({
      // The search page is reached by the header's form, which a crawler does not submit.
      path: [url(''), url('tim-kiem/')],
      recurse: true,
      checkCss: true,
      checkFragments: true,
      concurrency: 8,
      linksToSkip: async (link) => !link.startsWith(nginx.origin),
    });
    const broken = result.links
      .filter((l) => l.state === LinkState.BROKEN)
      .map((l) => `${l.status} ${l.url} ← ${l.parent}`);
    expect(broken).toEqual([]);
    const ok = new Set(result.links.filter((l) => l.state === LinkState.OK).map((l) => l.url));
    expect(pages.filter((p) => !p.startsWith('khong-co') && !ok.has(url(p)))).toEqual([]);
  });
});

/** What a page did that breaks the intranet rules. */
interface PageProblems {
  foreignRequests: string[];
  failedResponses: string[];
  consoleProblems: string[];
  violations: string[];
}

/** Opens a fresh page that records requests to other origins, failures, console errors and CSP violations. */
async function openWatchedPage(): Promise<{ page: Page; problems: PageProblems; requests: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: PageProblems = {
    foreignRequests: [],
    failedResponses: [],
    consoleProblems: [],
    violations: [],
  };
  const requests: string[] = [];
  const record = (u: string) => {
    requests.push(u);
    if (!u.startsWith(`${nginx.origin}/`) && !u.startsWith('data:')) problems.foreignRequests.push(u);
  };
  context.on('request', (r) => record(r.url()));
  page.on('worker', (w) => {
    w.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        problems.consoleProblems.push(`worker: ${m.text()}`);
    });
  });
  context.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('khong-co-trang-nay'))
      problems.failedResponses.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.consoleProblems.push(m.text());
  });
  page.on('pageerror', (e) => problems.consoleProblems.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__reportViolation', (v: string) => problems.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(v: string): void }).__reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return { page, problems, requests };
}

/** One URL per kind of page (home, lists, a document, a news item, each taxonomy…), from the sitemap. */
async function onePagePerKind(): Promise<string[]> {
  const sitemap = await (await fetch(url('sitemap-0.xml'))).text();
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
    new URL(m[1] as string).pathname.slice(BASE.length),
  );
  const kinds = new Map<string, string>();
  for (const p of paths) {
    const segments = p.split('/').filter(Boolean);
    const kind = segments.map((s, i) => (i === 0 ? s : '*')).join('/');
    if (!kinds.has(kind)) kinds.set(kind, p);
  }
  return [...kinds.values(), 'khong-co-trang-nay/'];
}

/**
 * Source of an in-page search through Pagefind's JS API, returning the first URLs. A string, not a
 * function: Vitest would rewrite a function's import() into a helper the page does not have.
 */
function pagefindSearch(query: string): string {
  return `(async () => {
    const pagefind = await import(${JSON.stringify(`${BASE}pagefind/pagefind.js`)});
    const search = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(search.results.slice(0, 5).map(async (r) => (await r.data()).url));
  })()`;
}

describe('in Chromium, under the Content-Security-Policy', () => {
  it('every kind of page loads with its styles and fonts, no violation, nothing from another origin', async () => {
    const pages = await onePagePerKind();
    // Home, documents, a document, news, a news item, type, years, a year, issuers, an issuer, topics,
    // a topic, localities, a locality, search, 404.
    expect(pages.length).toBeGreaterThanOrEqual(14);
    for (const p of pages) {
      const { page, problems } = await openWatchedPage();
      const response = await page.goto(url(p), { waitUntil: 'load' });
      expect(response?.status(), p).toBe(p.startsWith('khong-co') ? 404 : 200);
      await page.evaluate(() => document.fonts.ready);
      const styled = await page.evaluate(() => ({
        font: getComputedStyle(document.body).fontFamily,
        fontLoaded: document.fonts.check('16px "Be Vietnam Pro"'),
        sheets: document.styleSheets.length,
      }));
      expect(styled.sheets, p).toBeGreaterThan(0);
      expect(styled.font, p).toMatch(/Be Vietnam Pro/);
      expect(styled.fontLoaded, p).toBe(true);
      if (p.startsWith('khong-co')) {
        // The browser reports the 404 status of the page itself on the console; nothing else may appear.
        problems.consoleProblems = problems.consoleProblems.filter((m) => !/status of 404/.test(m));
      }
      expect(problems, p).toEqual({
        foreignRequests: [],
        failedResponses: [],
        consoleProblems: [],
        violations: [],
      });
      await page.context().close();
    }
  });

  it('runs a search under /so-tay/: Pagefind starts its worker and WebAssembly and finds the page', async () => {
    const { page, problems, requests } = await openWatchedPage();
    await page.goto(url(`tim-kiem/?q=${encodeURIComponent(QUERY)}`));
    // The search page's contract (issue 3): ?q= runs on load and fills [data-search-results] with
    // result links. Until that page lands, the placeholder names the bundle and the search is run
    // through Pagefind's own API below; once the contract element exists, results are required.
    if ((await page.locator('[data-search-results]').count()) > 0) {
      const first = page.locator('[data-search-results] a[href]').first();
      await first.waitFor({ timeout: 15_000 });
      const hrefs = await page
        .locator('[data-search-results] a[href]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toContain(EXPECTED_HIT);
    } else {
      expect(await page.locator(`#tim-kiem[data-bundle="${BASE}pagefind/"]`).count()).toBe(1);
    }
    const found = (await page.evaluate(pagefindSearch(QUERY))) as string[];
    expect(found[0]).toBe(EXPECTED_HIT);
    expect(requests.some((r) => r.endsWith('/pagefind-worker.js'))).toBe(true);
    expect(requests.some((r) => /\/wasm\.[a-z]+\.pagefind$/.test(r))).toBe(true);
    expect(problems).toEqual({
      foreignRequests: [],
      failedResponses: [],
      consoleProblems: [],
      violations: [],
    });
    await page.context().close();
  });

  it("would report it if the policy lacked 'wasm-unsafe-eval' (the checks above can fail)", async () => {
    const { page, problems } = await openWatchedPage();
    const weaker = CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", '');
    await page.context().route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': weaker },
      });
    });
    await page.goto(url('tim-kiem/'));
    await page.evaluate(pagefindSearch('thuyền')).catch(() => undefined);
    expect([...problems.violations, ...problems.consoleProblems].join('\n')).toMatch(
      /wasm|WebAssembly|Content Security Policy/i,
    );
    await page.context().close();
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
      firstFile('_astro', /\.css$/),
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
    const deployOutput = await deployCli([releaseB.archive]);
    const deployEnd = performance.now();
    await pause();
    const rollbackStart = performance.now();
    const rollbackOutput = await deployCli(['--rollback']);
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
    expect(nginx.errors()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
  });
});
