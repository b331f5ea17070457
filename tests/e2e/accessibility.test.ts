/**
 * Gate: axe-core finds no accessibility violations on any page of the sitemap (and the 404 page), in
 * the light and the dark colour scheme, on the fixture site and on the real content. Each page is
 * checked once its scripts have settled (see `openSettled`): the theme button, for one, is shown and
 * named by a script, and a check run before it has (as this gate once did on some pages) misses what
 * a reader's screen reader meets.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { MISSING_PATH, openSettled, sitemapPaths, useLiveSite } from './sites.ts';

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
        await openSettled(page, new URL(p, live.server.url).href);
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

  it('names the theme button with the word it shows, in each of its three states', async () => {
    const context = await live.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await openSettled(page, live.server.url);
    const button = page.locator('#doi-giao-dien');
    const states: string[] = [];
    for (let i = 0; i < 3; i++) {
      // The words a sighted reader sees (text drawn larger than a pixel, the glyph left out); the
      // name a screen reader hears must contain them.
      const shown = await button.evaluate((b) => {
        const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
        let text = '';
        for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
          const box = n.parentElement?.getBoundingClientRect();
          if (box !== undefined && box.width > 1 && box.height > 1) text += n.textContent;
        }
        return text.replace(/[^\p{L}\s]/gu, '').trim();
      });
      const name = /"(.*)"/.exec(await button.ariaSnapshot())?.[1] ?? '';
      expect(name).toBe(`Giao diện: ${shown}`);
      const hint = await page
        .locator(`[id="${await button.getAttribute('aria-describedby')}"]`)
        .textContent();
      states.push(`${shown} → ${hint}`);
      const { violations } = await new AxeBuilder({ page }).include('#doi-giao-dien').analyze();
      expect(violations.map((v) => v.id)).toEqual([]);
      await button.click();
    }
    expect(states).toEqual([
      'Tự động → Bấm để chuyển sang giao diện sáng.',
      'Sáng → Bấm để chuyển sang giao diện tối.',
      'Tối → Bấm để giao diện theo hệ thống.',
    ]);
    await context.close();
  });
});
