import { describe, expect, it } from 'vitest';
import { normaliseBase, resolveSiteLocation, SiteConfigError } from '../../src/lib/site-config.ts';
import { createUrls } from '../../src/lib/urls.ts';

describe('site location from the environment', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['so-tay', '/so-tay/'],
    ['/so-tay', '/so-tay/'],
    ['/so-tay/', '/so-tay/'],
    ['//a//b/', '/a/b/'],
  ])('BASE_PATH=%j gives %s', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });

  it('rejects a base path that cannot be a URL path', () => {
    expect(() => normaliseBase('/so tay/')).toThrow(SiteConfigError);
    expect(() => normaliseBase('/../etc/')).toThrow(/BASE_PATH/);
  });

  it('combines SITE_URL and BASE_PATH', () => {
    expect(resolveSiteLocation({ SITE_URL: 'http://intranet.tu.vn', BASE_PATH: '/so-tay' })).toEqual({
      site: 'http://intranet.tu.vn/so-tay/',
      base: '/so-tay/',
    });
    expect(resolveSiteLocation({}).base).toBe('/');
  });

  it('explains a bad SITE_URL', () => {
    expect(() => resolveSiteLocation({ SITE_URL: 'intranet.tu.vn' })).toThrow(/SITE_URL/);
    expect(() => resolveSiteLocation({ SITE_URL: 'ftp://x.vn' })).toThrow(/http/);
  });
});

describe('route builders', () => {
  it('prefix every URL with the base path', () => {
    const u = createUrls('/so-tay/');
    expect(u.document('21-nq-tw-2022')).toBe('/so-tay/van-ban/21-nq-tw-2022/');
    expect(u.type('nghi-quyet', 2)).toBe('/so-tay/loai/nghi-quyet/2/');
    expect(u.type('nghi-quyet', 1)).toBe('/so-tay/loai/nghi-quyet/');
    expect(u.search('21-NQ/TW')).toBe('/so-tay/tim-kiem/?q=21-NQ%2FTW');
    expect(u.to('/pagefind/pagefind.js')).toBe('/so-tay/pagefind/pagefind.js');
    expect(createUrls('/').home()).toBe('/');
  });
});
