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
