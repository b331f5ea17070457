/**
 * The packaged site on Debian's Apache (apache2), run in the foreground on loopback with its own
 * ServerRoot, configured only by the package's server/apache.conf (included in a <VirtualHost>)
 * and the release's .htaccess, allowed to override FileInfo and nothing more. The checks every
 * server must pass are in published-site.ts. Here, in addition: Apache without mod_headers — which
 * Debian does not enable — refuses to start, naming the module, and the .htaccess alone answers 500
 * rather than serving the site without its Content-Security-Policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Apache, apacheConfigTest, SITE_MODULES, startApache } from '../helpers/apache.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { systemTempDir } from '../helpers/publish.ts';
import { BASE, deployCli, describeServedSite, packageFixture, type Release } from './published-site.ts';

let work: string;
let installDir: string;
let apache: Apache;
let browser: Browser;
let release: Release;
const WITHOUT_HEADERS = SITE_MODULES.filter((m) => m !== 'headers');

beforeAll(async () => {
  work = systemTempDir('apache');
  // Apache's children run as www-data when the parent is root: they must reach the files.
  fs.chmodSync(work, 0o755);
  installDir = path.join(work, 'srv');
  release = await packageFixture(work, installDir, 'a', 'http://a.thu-nghiem.vn');
  await deployCli(installDir, [release.archive]);
  apache = await startApache(path.join(work, 'apache'), path.join(installDir, 'current/server/apache.conf'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await apache?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('Apache with the packaged configuration', () => {
  describeServedSite(
    () => ({
      origin: apache.origin,
      live: path.join(installDir, 'current/site/so-tay'),
      files: release.files,
      browser,
    }),
    {
      // Debian's /etc/mime.types, overridden by the .htaccess's AddType and AddCharset.
      types: {
        '': 'text/html; charset=utf-8',
        'van-ban/9021-nq-tw-2031/': 'text/html; charset=utf-8',
        'rss.xml': 'application/xml; charset=utf-8',
        'sitemap.xml': 'application/xml; charset=utf-8',
        'release.json': 'application/json; charset=utf-8',
        'pagefind/pagefind-entry.json': 'application/json; charset=utf-8',
        'pagefind/pagefind.js': 'text/javascript; charset=utf-8',
        'pagefind/pagefind-worker.js': 'text/javascript; charset=utf-8',
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

  it('logs no error while serving the site (hidden files aside, which are refused on purpose)', () => {
    const errors = apache
      .errors()
      .split('\n')
      .filter((l) => /:(error|crit|alert|emerg)\]/.test(l) && !/AH01630: client denied/.test(l));
    expect(errors).toEqual([]);
  });
});

describe('Apache without mod_headers (not enabled by Debian) fails closed', () => {
  it('refuses to start, naming the module and the command that enables it', async () => {
    const dir = path.join(work, 'no-headers');
    const withIt = await apacheConfigTest(dir, path.join(installDir, 'current/server/apache.conf'));
    expect(withIt.status, withIt.output).toBe(0);
    const test = await apacheConfigTest(
      dir,
      path.join(installDir, 'current/server/apache.conf'),
      WITHOUT_HEADERS,
    );
    expect(test.status).not.toBe(0);
    expect(test.output).toMatch(
      /So tay: chua bat mod_headers .*Chay: a2enmod headers && apachectl configtest/,
    );
  });

  it('answers 500 for every page when the .htaccess is used alone, never the site without its CSP', async () => {
    // An administrator who skipped server/apache.conf and allowed everything by hand.
    const dir = path.join(work, 'htaccess-alone');
    fs.mkdirSync(dir, { recursive: true });
    const vhost = path.join(dir, 'by-hand.conf');
    const folder = path.join(installDir, 'current/site/so-tay');
    fs.writeFileSync(
      vhost,
      `Alias /so-tay "${folder}"
<Directory "${installDir}">
    Options FollowSymLinks
    AllowOverride All
    Require all granted
</Directory>
`,
    );
    const bare = await startApache(path.join(dir, 'apache'), vhost, WITHOUT_HEADERS);
    try {
      for (const p of ['', 'van-ban/9021-nq-tw-2031/', 'pagefind/pagefind.js']) {
        const response = await fetch(`${bare.origin}${BASE}${p}`);
        expect(response.status, p).toBe(500);
        expect(await response.text()).not.toContain('Sổ tay');
      }
      expect(bare.errors()).toMatch(/\.htaccess: So tay: chua bat mod_headers/);
    } finally {
      await bare.stop();
    }
  });
});
