import { describe, expect, it } from 'vitest';
import {
  auditCss,
  auditHtml,
  auditRobots,
  auditXml,
  checkUrl,
} from '../../../src/lib/publishing/site-audit.ts';

const ctx = { site: 'http://intranet.thu-nghiem.vn/so-tay/', base: '/so-tay/' };
const page = (body: string, head = '') =>
  `<!doctype html>\n<html lang="vi">\n<head>${head}</head>\n<body>\n${body}\n</body>\n</html>`;

describe('URLs in built pages under a sub-path', () => {
  it('accepts what src/lib/content/urls.ts produces, relative links, anchors and outbound links marked external', () => {
    const html = page(
      `<a href="/so-tay/van-ban/9021-nq-tw-2031/">Văn bản</a> <a href="../..">Lên</a> <a href="#noi-dung">Nội dung</a>
<a href="https://example.org/x" rel="external noopener noreferrer">Nguồn</a> <a href="mailto:ban@thu-nghiem.vn">Thư</a>
<form action="/so-tay/tim-kiem/"><input name="q"></form> <img src="/so-tay/_astro/a.svg" srcset="/so-tay/_astro/a.svg 1x, /so-tay/_astro/b.svg 2x" alt="">`,
      `<link rel="stylesheet" href="/so-tay/_astro/a.css"><link rel="canonical" href="http://intranet.thu-nghiem.vn/so-tay/van-ban/">
<script type="module" src="/so-tay/_astro/a.js"></script><script type="application/ld+json">{"@type":"Thing"}</script>`,
    );
    expect(auditHtml(html, ctx, 'van-ban/index.html')).toEqual([]);
  });

  it('reports a root-absolute URL that ignores the base path, with file and line', () => {
    const html = page(
      '<p>Xem</p>\n<a href="/van-ban/">danh sách</a>',
      '<link rel="icon" href="/favicon.svg">',
    );
    const issues = auditHtml(html, ctx, 'tin/index.html');
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ file: 'tin/index.html', line: 3 });
    expect(issues[0]?.message).toMatch(/"\/favicon.svg".*đường dẫn gốc \/so-tay\//);
    expect(issues[1]).toMatchObject({ line: 6 });
    expect(issues[1]?.message).toMatch(/<a href>: "\/van-ban\/"/);
  });

  it('reports any script, style, font or image from another host', () => {
    const html = page(
      '<img src="https://cdn.example.com/logo.png" alt=""><img srcset="/so-tay/a.png 1x, //cdn.example.com/b.png 2x" alt="">',
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Be+Vietnam+Pro"><script src="https://www.googletagmanager.com/gtag/js"></script>',
    );
    const messages = auditHtml(html, ctx).map((i) => i.message);
    expect(messages).toHaveLength(4);
    expect(messages.join('\n')).toMatch(/fonts\.googleapis\.com/);
    expect(messages.join('\n')).toMatch(/googletagmanager/);
    expect(messages.every((m) => /máy chủ khác/.test(m))).toBe(true);
  });

  it('wants outbound links marked rel="external noopener noreferrer"', () => {
    const issues = auditHtml(
      page('<a href="https://example.org/a" rel="noopener">A</a><a href="https://example.org/b">B</a>'),
      ctx,
    );
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/thiếu rel="external noreferrer"/),
      expect.stringMatching(/thiếu rel="external noopener noreferrer"/),
    ]);
  });

  it('reports inline code the Content-Security-Policy blocks', () => {
    const html = page(
      `<script>document.title = 'x'</script><button onclick="go()">Đi</button><p style="color:red">Đỏ</p>
<a href="javascript:void(0)">Không</a>`,
      '<style>p { color: red }</style>',
    );
    const messages = auditHtml(html, ctx).map((i) => i.message);
    expect(messages).toHaveLength(5);
    expect(messages.join('\n')).toMatch(/<style>/);
    expect(messages.join('\n')).toMatch(/<script> nội tuyến/);
    expect(messages.join('\n')).toMatch(/onclick/);
    expect(messages.join('\n')).toMatch(/style="…"/);
    expect(messages.join('\n')).toMatch(/javascript:/);
  });

  it('checks absolute URLs on our own host against the base path too', () => {
    expect(checkUrl('http://intranet.thu-nghiem.vn/so-tay/tin/', 'navigation', ctx)).toBeNull();
    expect(checkUrl('http://intranet.thu-nghiem.vn/tin/', 'navigation', ctx)).toMatch(/ngoài đường dẫn gốc/);
  });

  it('accepts every root-absolute URL when the site is served at /', () => {
    expect(
      auditHtml(page('<a href="/van-ban/">x</a>'), { site: 'http://intranet.thu-nghiem.vn/', base: '/' }),
    ).toEqual([]);
  });
});

describe('URLs in stylesheets', () => {
  it('accepts fonts under the base path and data: images, reports other hosts and the bare root', () => {
    const css = `@font-face { font-family: X; src: url(/so-tay/_astro/x.woff2) format("woff2"); }
.a { background: url("data:image/svg+xml,%3Csvg%3E%3C/svg%3E"); }
@import "https://fonts.googleapis.com/css2?family=Roboto";
.b { background: url('/_astro/y.png'); }`;
    const issues = auditCss(css, ctx, '_astro/a.css');
    expect(issues.map((i) => [i.line, /máy chủ khác|đường dẫn gốc/.test(i.message)])).toEqual([
      [3, true],
      [4, true],
    ]);
  });
});

describe('sitemap, feed and robots.txt', () => {
  it('want absolute URLs under the configured site', () => {
    const sitemap = `<?xml version="1.0"?><urlset><url><loc>http://intranet.thu-nghiem.vn/so-tay/van-ban/</loc></url>
<url><loc>http://localhost:4321/van-ban/</loc></url></urlset>`;
    const issues = auditXml(sitemap, ctx, 'sitemap-0.xml');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'sitemap-0.xml', line: 2 });
    expect(issues[0]?.message).toMatch(/localhost:4321.*SITE_URL/);
    const rss =
      '<rss><channel><link>http://intranet.thu-nghiem.vn/so-tay/</link><item><link>/tin/a/</link></item></channel></rss>';
    expect(auditXml(rss, ctx)).toHaveLength(1);
    expect(
      auditRobots('User-agent: *\nSitemap: http://intranet.thu-nghiem.vn/so-tay/sitemap.xml\n', ctx),
    ).toEqual([]);
    expect(auditRobots('User-agent: *\nSitemap: /sitemap.xml\n', ctx)).toHaveLength(1);
  });
});

describe('URLs read the way a browser reads them (issue 12: the audit could be bypassed)', () => {
  /** The messages for one body, on a site served at /so-tay/. */
  const messagesOf = (body: string, head = '') => auditHtml(page(body, head), ctx).map((i) => i.message);

  it.each([
    ['a tab inside the scheme', '<a href="java&#9;script:alert(1)">x</a>'],
    ['a newline inside the scheme', '<a href="java\nscript:alert(1)">x</a>'],
    ['a leading control character', '<a href="\u0001javascript:alert(1)">x</a>'],
    ['a leading control character written as a reference', '<a href="&#1;javascript:alert(1)">x</a>'],
    ['upper case and a trailing control', '<a href="JaVaScRiPt:alert(1)\u0000">x</a>'],
    ['an SVG link', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
    [
      'an SVG animation setting href',
      '<svg><a href="#"><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
    ],
    ['a form target', '<form action="javascript:alert(1)"><button>x</button></form>'],
  ])('finds javascript: behind %s', (_what, body) => {
    const messages = messagesOf(body);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/URL javascript: bị Content-Security-Policy chặn/);
  });

  it.each([
    ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>', /giao thức vbscript:/],
    ['file:', '<a href="file:///etc/hostname">x</a>', /giao thức file:/],
    [
      'a data: script',
      '<script src="data:text/javascript,alert(1)"></script>',
      /data: chỉ dùng được cho ảnh/,
    ],
    [
      'a data: link',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      /data: chỉ dùng được cho ảnh/,
    ],
    ['mailto: as an image', '<img src="mailto:a@b.vn" alt="">', /giao thức mailto:/],
  ])('allows only the schemes the site uses: refuses %s', (_what, body, why) => {
    expect(messagesOf(body)).toEqual([expect.stringMatching(why)]);
  });

  it.each([
    ['ping', '<a href="/so-tay/" ping="/so-tay/p https://tracker.example/p">x</a>', /tracker\.example/],
    [
      'a srcset candidate after a comma with no space',
      '<img src="/so-tay/a.png" srcset="/so-tay/a.png 1x,https://cdn.example/b.png 2x" alt="">',
      /cdn\.example/,
    ],
    [
      'imagesrcset',
      '<link rel="preload" as="image" href="/so-tay/a.png" imagesrcset="/so-tay/a.png 1x, //cdn.example/b.png 2x">',
      /cdn\.example/,
    ],
    [
      'a refresh <meta> without url=',
      '<meta http-equiv="refresh" content="0;https://evil.example/">',
      /evil\.example/,
    ],
    [
      'a refresh <meta> with a quoted url',
      '<meta http-equiv="Refresh" content="5; URL=\'https://evil.example/\'">',
      /evil\.example/,
    ],
    ['a backslash host', '<img src="/\\evil.example/x.png" alt="">', /evil\.example/],
    ['<base>', '<base href="https://evil.example/">', /evil\.example/],
    ['an SVG <use>', '<svg><use href="https://evil.example/i.svg#a"/></svg>', /evil\.example/],
    [
      'the old background attribute',
      '<table background="https://evil.example/x.png"><tr><td>x</td></tr></table>',
      /evil\.example/,
    ],
  ])('finds a request to another host in %s', (_what, body, host) => {
    const messages = messagesOf(body);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(host);
    expect(messages[0]).toMatch(/máy chủ khác/);
  });

  it('refuses srcdoc, a whole document inline', () => {
    expect(messagesOf('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>')).toEqual([
      expect.stringMatching(/^<iframe srcdoc>:/),
    ]);
  });

  it('wants the rel of an SVG link to another host, and of one written //host or /\\host', () => {
    const messages = messagesOf(
      '<svg><a xlink:href="https://example.org/">x</a></svg><a href="//example.org/">y</a><a href="/\\example.org/">z</a>',
    );
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => /thiếu rel="external noopener noreferrer"/.test(m))).toBe(true);
  });

  it('shows control characters in the message instead of printing them', () => {
    expect(messagesOf('<a href="java\tscript:x">x</a>')[0]).toContain('"java\\tscript:x"');
  });

  it('still accepts what the site writes: data: images, mailto:, a refresh within the site, fragments', () => {
    expect(
      messagesOf(
        `<img src="data:image/png;base64,iVBORw0KGgo=" alt=""><a href="mailto:ban@thu-nghiem.vn">Thư</a>
<svg><use href="#bieu-tuong"/></svg><a href="?q=1">Tìm</a>`,
        '<meta http-equiv="refresh" content="0; url=/so-tay/van-ban/">',
      ),
    ).toEqual([]);
  });
});
