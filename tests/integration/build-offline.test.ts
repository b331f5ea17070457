/**
 * The build needs no internet, and its output works at `/` and under a sub-path: built with
 * networking cut off (a network namespace with only loopback) and every connection attempt
 * recorded, then audited and link-checked on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditBuiltSite } from '../../src/lib/publishing/site-audit-fs.ts';
import { ROOT } from '../helpers/build.ts';
import { FIXTURE_CONTENT, runScript, runShell, scriptCommand, tempDir } from '../helpers/publish.ts';

const GUARD = path.join(ROOT, 'tests/helpers/network-guard.ts');
const SITE_URL = 'http://intranet.thu-nghiem.vn';

/** Runs a command with no network and the connection recorder preloaded into every Node process. */
function runOffline(commandLine: string, args: string[], env: Record<string, string>) {
  const work = tempDir('offline');
  const log = path.join(work, 'network.log');
  const result = runShell(commandLine, args, {
    wrapper: ['unshare', '--map-root-user', '--net'],
    env: { ...env, NODE_OPTIONS: `--import ${GUARD}`, NETWORK_GUARD_LOG: log },
  });
  const attempts = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  fs.rmSync(work, { recursive: true, force: true });
  return { result, attempts };
}

/** Every root-absolute link and asset in the built pages, mapped to the file it needs. */
function missingTargets(dist: string, base: string): string[] {
  const missing = new Set<string>();
  for (const file of fs.readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const html = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const [, url] of html.matchAll(/(?:href|src|action)="(\/[^"#?]*)/g)) {
      const rel = decodeURIComponent(url as string).slice(base.length);
      const target = path.join(dist, rel, rel === '' || rel.endsWith('/') ? 'index.html' : '');
      if (!fs.existsSync(target)) missing.add(`${file}: ${url}`);
    }
  }
  return [...missing];
}

describe('the build is offline', () => {
  it('the recorder sees what Astro does when telemetry is left on (so a silent build below means something)', () => {
    const { result, attempts } = runOffline('astro sync', [], { SO_TAY_CONTENT_DIR: FIXTURE_CONTENT });
    expect(result.status, result.stderr).toBe(0);
    expect(attempts.join('\n')).toMatch(/telemetry\.astro\.build/);
  });
});

describe.each([
  ['/so-tay/', 'so-tay'],
  ['/', 'root'],
])('a site built for %s', (base, name) => {
  let dist: string;
  let attempts: string[];
  const site = new URL(base, SITE_URL).href;

  beforeAll(() => {
    dist = path.join(tempDir(`build-${name}`), 'dist');
    // --force: Astro's content cache must not carry entries over from a build of other content.
    const run = runOffline(scriptCommand('build'), ['--force', '--outDir', dist], {
      SO_TAY_CONTENT_DIR: FIXTURE_CONTENT,
      BASE_PATH: base,
      SITE_URL,
    });
    if (run.result.status !== 0) throw new Error(`build failed:\n${run.result.stdout}\n${run.result.stderr}`);
    attempts = run.attempts;
  });
  afterAll(() => fs.rmSync(path.dirname(dist), { recursive: true, force: true }));

  it('was built without a single connection attempt', () => {
    expect(attempts).toEqual([]);
    expect(fs.existsSync(path.join(dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });

  it('passes the audit: no URL ignoring the base, nothing from other hosts, no inline code', () => {
    expect(auditBuiltSite(dist, { site, base })).toEqual([]);
  });

  it('has every page, stylesheet, script and font its pages link to', () => {
    expect(missingTargets(dist, base)).toEqual([]);
  });

  it('has sitemap.xml and a robots.txt pointing to it, with absolute URLs under the site', () => {
    const sitemap = fs.readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${site}sitemap-0.xml</loc>`);
    const pages = fs.readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    expect(pages).toContain(`<loc>${site}van-ban/9021-nq-tw-2031/</loc>`);
    expect(fs.readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${site}sitemap.xml`);
    const home = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="sitemap" href="${base}sitemap.xml">`);
  });

  it('has an RSS feed whose items link under the site', () => {
    const rss = fs.readFileSync(path.join(dist, 'rss.xml'), 'utf8');
    expect(rss).toContain(`<link>${site}tin/2031-05-03-hoi-nghi-thu-nghiem/</link>`);
  });

  it('marks links to other hosts in page bodies as external, like the source list', () => {
    const html = fs.readFileSync(path.join(dist, 'van-ban/9021-nq-tw-2031/index.html'), 'utf8');
    expect(html).toMatch(
      /<a href="https:\/\/example\.org\/bai-goc-9021" rel="external noopener noreferrer">/,
    );
  });

  it('indexes every page marked for search (the browser test runs the search under the base path)', () => {
    const entry = JSON.parse(fs.readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const marked = fs
      .readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter(
        (f) =>
          f.endsWith('.html') && fs.readFileSync(path.join(dist, f), 'utf8').includes('data-pagefind-body'),
      );
    expect(marked.length).toBeGreaterThanOrEqual(3);
    expect(entry.languages.vi.page_count).toBe(marked.length);
  });
});

describe('the build-time audit', () => {
  it('fails the build on a body link that ignores the base path, naming the page', () => {
    const work = tempDir('broken');
    const content = path.join(work, 'content');
    fs.cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const page = path.join(content, 'tin', '2031-05-03-hoi-nghi-thu-nghiem.mdx');
    fs.appendFileSync(page, '\nXem [danh sách văn bản](/van-ban/).\n');
    const result = runScript('build', ['--force', '--outDir', path.join(work, 'dist')], {
      env: { SO_TAY_CONTENT_DIR: content, BASE_PATH: '/so-tay/', SITE_URL, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    fs.rmSync(work, { recursive: true, force: true });
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('tin/2031-05-03-hoi-nghi-thu-nghiem/index.html');
    expect(output).toMatch(/"\/van-ban\/": đường dẫn tuyệt đối bỏ qua đường dẫn gốc \/so-tay\//);
  });
});
