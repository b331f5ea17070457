/**
 * Gate: the Nu Html Checker (vnu.jar, run once on Java for all pages) reports no errors on any page
 * of the sitemap or the 404 page.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sitemapPaths } from './sites.ts';

const vnuJar = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

describe.each(inject('e2eSites'))('$name site', (site) => {
  it('has no HTML errors on any page (Nu Html Checker)', () => {
    const files = [
      ...sitemapPaths(site).map((p) => path.join(site.dist, p, 'index.html')),
      path.join(site.dist, '404.html'),
    ];
    const run = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--errors-only', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error)
      throw new Error(`Không chạy được Java (cần Java 17+ để chạy vnu.jar): ${run.error.message}`);
    // vnu writes its JSON report to stderr and exits 1 when it finds errors.
    const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
    const errors = messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map(
        (m) =>
          `${path.relative(site.dist, new URL(m.url).pathname)}:${m.lastLine ?? '?'} ${m.message} «${m.extract ?? ''}»`,
      );
    expect(errors).toEqual([]);
  }, 600_000);
});
