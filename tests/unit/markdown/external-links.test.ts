import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { isExternalHref, satteriExternalLinks } from '../../../src/lib/markdown/external-links.ts';

describe('outbound links in page bodies', () => {
  it('tells links to other hosts from the site’s own', () => {
    expect(isExternalHref('https://example.org/a')).toBe(true);
    expect(isExternalHref('HTTP://example.org')).toBe(true);
    expect(isExternalHref('//example.org/a')).toBe(true);
    expect(isExternalHref('/so-tay/van-ban/')).toBe(false);
    expect(isExternalHref('../tin/')).toBe(false);
    expect(isExternalHref('#chu-thich')).toBe(false);
    expect(isExternalHref('mailto:ban@thu-nghiem.vn')).toBe(false);
    expect(isExternalHref(undefined)).toBe(false);
  });

  it('marks outbound links rel="external noopener noreferrer" and leaves the others', async () => {
    const md =
      '[Báo](https://example.org/bai) và [trang](/so-tay/van-ban/) và <https://example.org/tu-dong>.\n';
    const { html } = await markdownToHtml(md, { hastPlugins: [satteriExternalLinks()] });
    expect(html).toContain('<a href="https://example.org/bai" rel="external noopener noreferrer">Báo</a>');
    expect(html).toContain('<a href="/so-tay/van-ban/">trang</a>');
    expect(html).toContain('<a href="https://example.org/tu-dong" rel="external noopener noreferrer">');
    // MDX has no <…> autolinks; the same rule holds for its links.
    const { code } = await mdxToJs('[Báo](https://example.org/bai)\n', {
      hastPlugins: [satteriExternalLinks()],
    });
    expect(code).toContain('rel: "external noopener noreferrer"');
  });
});
