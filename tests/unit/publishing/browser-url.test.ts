import { describe, expect, it } from 'vitest';
import {
  metaRefreshUrl,
  parseBrowserUrl,
  srcsetUrls,
  urlStandardText,
} from '../../../src/lib/publishing/audit/browser-url.ts';

const site = new URL('http://intranet.thu-nghiem.vn/so-tay/');

describe('URLs as the URL standard cleans them', () => {
  it('removes tabs and newlines anywhere and C0 controls or spaces at the ends', () => {
    expect(urlStandardText(' \u0001java\tscr\nipt:alert(1)\r\u0000 ')).toBe('javascript:alert(1)');
    expect(urlStandardText('/so-tay/a b/')).toBe('/so-tay/a b/');
  });

  it('agrees with the browser (Node’s URL) on where a URL leads', () => {
    for (const raw of [
      'java\tscript:x',
      '\u0001javascript:x',
      '/\\evil.example/',
      '\\\\evil.example/',
      'https:evil.example',
    ]) {
      const u = parseBrowserUrl(raw, site);
      expect(u.url?.href).toBe(new URL(raw, site).href);
    }
    expect(parseBrowserUrl('java\tscript:x', site)).toMatchObject({ form: 'absolute', scheme: 'javascript' });
    expect(parseBrowserUrl('/\\evil.example/', site)).toMatchObject({
      form: 'scheme-relative',
      scheme: 'http',
    });
    expect(parseBrowserUrl('/\\evil.example/', site).url?.host).toBe('evil.example');
    expect(parseBrowserUrl('../a/', site).form).toBe('path-relative');
    expect(parseBrowserUrl('#x', site).form).toBe('same-document');
  });
});

describe('srcset as the HTML standard parses it', () => {
  it.each([
    ['a.png 1x, b.png 2x', ['a.png', 'b.png']],
    ['a.png 1x,https://cdn.example/b.png 2x', ['a.png', 'https://cdn.example/b.png']],
    ['a.png,b.png', ['a.png,b.png']],
    ['a.png, b.png', ['a.png', 'b.png']],
    [' ,,a.png,, ,b.png 100w', ['a.png', 'b.png']],
    ['a.png (x, y) 1x, b.png', ['a.png', 'b.png']],
    ['data:image/png;base64,AAA= 1x, c.png 2x', ['data:image/png;base64,AAA=', 'c.png']],
    ['', []],
  ])('%j has the URLs %j', (value, urls) => {
    expect(srcsetUrls(value)).toEqual(urls);
  });
});

describe('the refresh <meta>', () => {
  it.each([
    ['0; url=https://a.example/', 'https://a.example/'],
    ['0;https://a.example/', 'https://a.example/'],
    ['5, URL = "https://a.example/x" trailing', 'https://a.example/x'],
    ["1; url='/so-tay/'", '/so-tay/'],
    ['3.5 ; ur', 'ur'],
    ['0 urlx=https://a.example/', 'urlx=https://a.example/'],
    ['10', null],
    ['', null],
    ['x; url=https://a.example/', null],
    ['0x https://a.example/', null],
  ])('%j sends the reader to %j', (content, url) => {
    expect(metaRefreshUrl(content)).toBe(url);
  });
});
