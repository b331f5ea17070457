/**
 * Gate: axe-core finds no accessibility violations on any page of the sitemap (and the 404 page), in
 * the light and the dark colour scheme.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type StaticServer, serveStatic } from '../helpers/browser.ts';
import { MISSING_PATH, sitemapPaths } from './sites.ts';

describe.each(inject('e2eSites'))('$name site', (site) => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic(site.dist, site.base);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations on any page, ${colorScheme} scheme`, async () => {
      const paths = [...sitemapPaths(site), MISSING_PATH];
      expect(paths.length).toBeGreaterThan(10);
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const p of paths) {
        await page.goto(new URL(p, server.url).href, { waitUntil: 'load' });
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations) {
          const where = v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ');
          problems.push(`${p}: ${v.id} (${v.impact}) ${v.help} — ${where}`);
        }
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 1_800_000);
  }
});
