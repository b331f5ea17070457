/**
 * The `<meta>` Content-Security-Policy (issue 12): the sites are served here by a plain static server
 * that sends no CSP header, as Apache without mod_headers would, so the policy in the page is the
 * only one. It must be on every page, block inline code, and leave search working (Pagefind compiles
 * WebAssembly and starts a worker).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { metaContentSecurityPolicy } from '../../src/lib/publishing/meta-csp.ts';
import { sitemapPaths, useLiveSite } from './sites.ts';

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/;

/** Opens a page that records CSP violations and console errors. */
async function watched(live: ReturnType<typeof useLiveSite>) {
  const context = await live.browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  const errors: string[] = [];
  await page.exposeFunction('__violation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __violation(v: string): void }).__violation(
        `${e.effectiveDirective} ${e.blockedURI}`,
      );
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('worker', (w) =>
    w.on('console', (m) => m.type() === 'error' && errors.push(`worker: ${m.text()}`)),
  );
  return { page, violations, errors, close: () => context.close() };
}

describe.each(inject('e2eSites'))('$name site', (site) => {
  const live = useLiveSite(site);
  const url = (p: string) => new URL(p, live.server.url).href;

  it('carries the servers’ policy, less frame-ancestors, first in the <head> of every page', () => {
    const expected = metaContentSecurityPolicy();
    expect(expected).toContain("script-src 'self' 'wasm-unsafe-eval'");
    for (const p of [...sitemapPaths(site), '404.html']) {
      const file = p.endsWith('.html') ? p : `${p}index.html`;
      const html = fs.readFileSync(path.join(site.dist, file), 'utf8');
      expect(META.exec(html)?.[1]?.replaceAll('&#39;', "'"), p).toBe(expected);
      expect(html.indexOf('Content-Security-Policy'), p).toBeLessThan(
        html.search(/<(?:link|script|style)\b/),
      );
    }
  });

  it('blocks inline code on a server that sends no CSP header', async () => {
    const w = await watched(live);
    try {
      const response = await w.page.goto(url(''));
      expect(response?.headers()['content-security-policy']).toBeUndefined();
      const ran = await w.page.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = true;';
        document.body.append(s);
        await new Promise((r) => setTimeout(r, 100));
        return (window as unknown as { __inline?: boolean }).__inline === true;
      });
      expect(ran).toBe(false);
      await expect.poll(() => w.violations).toContainEqual(expect.stringMatching(/^script-src-elem inline/));
    } finally {
      await w.close();
    }
  });

  it('leaves search working: Pagefind’s worker and WebAssembly run, nothing is blocked', async () => {
    const w = await watched(live);
    try {
      await searchFor(w.page, url('tim-kiem/?q=th%E1%BB%AD%20nghi%E1%BB%87m'));
      expect(w.violations).toEqual([]);
      expect(w.errors).toEqual([]);
    } finally {
      await w.close();
    }
  });
});

/** Opens the search page on a query and waits for its first result link. */
async function searchFor(page: Page, address: string): Promise<void> {
  await page.goto(address);
  await page.locator('[data-search-results] a[href]').first().waitFor({ timeout: 20_000 });
}
