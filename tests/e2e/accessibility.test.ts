/**
 * Gate: axe-core finds no accessibility violations on any page of the sitemap (and the 404 page), in
 * the light and the dark colour scheme.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { MISSING_PATH, sitemapPaths, useLiveSite } from './sites.ts';

describe.each(inject('e2eSites'))('$name site', (site) => {
  const live = useLiveSite(site);

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations on any page, ${colorScheme} scheme`, async () => {
      const paths = [...sitemapPaths(site), MISSING_PATH];
      expect(paths.length).toBeGreaterThan(10);
      const context = await live.browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const p of paths) {
        await page.goto(new URL(p, live.server.url).href, { waitUntil: 'load' });
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
