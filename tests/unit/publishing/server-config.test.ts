import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  CONTENT_SECURITY_POLICY,
  cacheControlFor,
  renderApacheConfig,
  renderHtaccess,
  renderNginxConfig,
  renderWebConfig,
  SECURITY_HEADERS,
  siteFolder,
} from '../../../src/lib/publishing/server-config.ts';
import { SiteConfigError } from '../../../src/lib/publishing/site-config.ts';

const options = { base: '/so-tay/', installDir: '/srv/so-tay', releaseId: '20310501T101500Z-0.1.0-abcdef0' };

describe('cache policy', () => {
  // File names as Astro 7 and Pagefind 1.6 write them.
  it.each([
    ['_astro/BaseLayout.DtacQjfZ.css', CACHE_IMMUTABLE],
    ['_astro/be-vietnam-pro-latin-400-normal.PpnXBOrz.woff2', CACHE_IMMUTABLE],
    ['pagefind/index/vi_7c1a2b3.pf_index', CACHE_IMMUTABLE],
    ['pagefind/fragment/vi_13242d1.pf_fragment', CACHE_IMMUTABLE],
    ['pagefind/filter/vi_0a1b2c3.pf_filter', CACHE_IMMUTABLE],
    ['pagefind/pagefind.vi_85cfe1bf7b.pf_meta', CACHE_IMMUTABLE],
    ['pagefind/pagefind-entry.json', CACHE_REVALIDATE],
    ['pagefind/pagefind.js', CACHE_REVALIDATE],
    ['pagefind/pagefind-worker.js', CACHE_REVALIDATE],
    ['pagefind/wasm.unknown.pagefind', CACHE_REVALIDATE],
    ['index.html', CACHE_REVALIDATE],
    ['van-ban/', CACHE_REVALIDATE],
    ['theme.js', CACHE_REVALIDATE],
    ['release.json', CACHE_REVALIDATE],
  ])('%s → %s', (file, expected) => {
    expect(cacheControlFor(file)).toBe(expected);
  });
});

describe('Content-Security-Policy', () => {
  it('lets Pagefind run (WebAssembly, same-origin worker) and forbids inline code and other hosts', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['worker-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|\*/);
  });
});

describe('nginx', () => {
  const conf = renderNginxConfig(options);

  it('serves <installDir>/current/site, whose folders mirror the base path', () => {
    expect(siteFolder('/so-tay/')).toBe('site/so-tay');
    expect(siteFolder('/')).toBe('site');
    expect(conf).toContain('location ^~ /so-tay/ {\n    root /srv/so-tay/current/site;');
    expect(conf).toContain('error_page 404 /so-tay/404.html;');
    expect(conf).toContain('return 301 /so-tay/;');
    expect(conf).toContain('open_file_cache off;');
  });

  it('repeats the security headers in every block that sets its own (nginx does not inherit them)', () => {
    const blocks = conf.split(/location /).slice(1);
    for (const block of blocks.filter((b) => b.includes('add_header'))) {
      for (const name of Object.keys(SECURITY_HEADERS)) expect(block).toContain(`add_header ${name} `);
    }
    expect(conf.match(/add_header Content-Security-Policy/g)).toHaveLength(4);
  });

  it('has balanced braces and no redirect block at the root', () => {
    expect(conf.split('{').length).toBe(conf.split('}').length);
    const atRoot = renderNginxConfig({ ...options, base: '/' });
    expect(atRoot).not.toContain('location = ');
    expect(atRoot).toContain('location ^~ / {');
  });

  it("claims the base path with ^~, so the server block's regex locations cannot take its files", () => {
    const topLevel = conf.split('\n').filter((l) => /^location /.test(l));
    expect(topLevel).toEqual(['location = /so-tay {', 'location ^~ /so-tay/ {']);
  });
});

describe('every server sends the headers a government site is expected to send', () => {
  const expected = {
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
  };
  it('frame-ancestors in the CSP, X-Frame-Options, Referrer-Policy, Permissions-Policy, nosniff', () => {
    expect(SECURITY_HEADERS).toMatchObject(expected);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toMatch(/(^|; )frame-ancestors 'self'(;|$)/);
    expect(SECURITY_HEADERS['Permissions-Policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  });

  it.each([
    ['nginx', renderNginxConfig(options), (n: string, v: string) => `add_header ${n} "${v}" always;`],
    ['.htaccess', renderHtaccess(options), (n: string, v: string) => `Header always set ${n} "${v}"`],
    ['web.config', renderWebConfig(options), (n: string, v: string) => `<add name="${n}" value="${v}" />`],
  ])('%s sets each of them', (_server, text, line) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(text).toContain(line(name, value.replace(/&/g, '&amp;')));
    }
  });
});

describe('values that would break a configuration', () => {
  it.each([
    ['base', '/so"tay/'],
    ['base', '/so;tay/'],
    ['base', '/so{tay}/'],
    ['base', '/so tay/'],
    ['installDir', '/srv/so tay'],
    ['installDir', '/srv/$tay'],
    ['releaseId', '1";evil'],
  ])('are refused by every renderer (%s = %j)', (field, value) => {
    for (const render of [renderNginxConfig, renderHtaccess, renderApacheConfig, renderWebConfig]) {
      expect(() => render({ ...options, [field]: value }), render.name).toThrow(SiteConfigError);
    }
  });
});

describe('Apache', () => {
  const htaccess = renderHtaccess(options);
  const vhost = renderApacheConfig(options);

  it('declares the MIME types, the cache rule and the headers in .htaccess', () => {
    for (const ext of ['pagefind', 'pf_meta', 'pf_index', 'pf_fragment', 'pf_filter']) {
      expect(htaccess).toContain(`AddType application/octet-stream .${ext}`);
    }
    expect(htaccess).toContain('AddType application/wasm .wasm');
    expect(htaccess).toContain('ErrorDocument 404 /so-tay/404.html');
    expect(htaccess).toContain(`Header always set Content-Security-Policy "${CONTENT_SECURITY_POLICY}"`);
    expect(htaccess).toMatch(/<If "%\{REQUEST_URI\} =~ m#\^\/so-tay\/\(\?:_astro\//);
    expect(htaccess).not.toMatch(/DEFLATE.*octet-stream/);
  });

  it('fails closed without mod_headers or mod_mime: no rule depends on them silently', () => {
    for (const text of [htaccess, vhost]) {
      expect(text).not.toMatch(/<IfModule mod_(headers|mime)\.c>/);
      expect(text).toMatch(
        /<IfModule !mod_headers\.c>\n\s*Error "So tay: chua bat mod_headers.*a2enmod headers/,
      );
      expect(text).toMatch(/<IfModule !mod_mime\.c>\n\s*Error ".*a2enmod mime/);
    }
    // Apache prints non-ASCII bytes of an Error message as \xNN escapes: keep it readable.
    for (const line of vhost.split('\n').filter((l) => l.trim().startsWith('Error '))) {
      expect(line).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('lets the .htaccess override FileInfo only, in the site folder only', () => {
    expect(vhost).not.toMatch(/AllowOverride All/);
    expect(vhost.match(/AllowOverride .*/g)).toEqual(['AllowOverride None', 'AllowOverride FileInfo']);
    expect(vhost).toMatch(
      /<Directory "\/srv\/so-tay">\n(?:.*\n)*?\s*AllowOverride None\n\s*Require all denied/,
    );
    expect(vhost).toMatch(
      /<Directory "\/srv\/so-tay\/current\/site\/so-tay">\n(?:.*\n)*?\s*AllowOverride FileInfo\n\s*Require all granted/,
    );
    // What needs more than FileInfo (Options, DirectoryIndex, Require) lives in the vhost lines.
    expect(htaccess).not.toMatch(/^\s*(Options|DirectoryIndex|Require|<FilesMatch)/m);
    expect(vhost).toContain('DirectoryIndex index.html');
  });

  it('maps the base path to the installed site folder', () => {
    expect(vhost).toContain('Alias /so-tay "/srv/so-tay/current/site/so-tay"');
    expect(vhost).toContain('Include /srv/so-tay/current/server/apache.conf');
    expect(renderApacheConfig({ ...options, base: '/' })).toContain(
      'DocumentRoot "/srv/so-tay/current/site"',
    );
  });
});

describe('IIS', () => {
  it('parses as XML with the MIME maps, headers, long cache folders and 404 page', () => {
    const xml = renderWebConfig(options);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const server = doc.configuration['system.webServer'];
    const mimes = Object.fromEntries(
      (server.staticContent.mimeMap as { fileExtension: string; mimeType: string }[]).map((m) => [
        m.fileExtension,
        m.mimeType,
      ]),
    );
    expect(mimes['.pf_fragment']).toBe('application/octet-stream');
    expect(mimes['.pagefind']).toBe('application/octet-stream');
    expect(mimes['.wasm']).toBe('application/wasm');
    const headers = Object.fromEntries(
      (server.httpProtocol.customHeaders.add as { name: string; value: string }[]).map((h) => [
        h.name,
        h.value,
      ]),
    );
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(server.httpErrors.error.path).toBe('/so-tay/404.html');
    const locations = (doc.configuration.location as { path: string }[]).map((l) => l.path);
    expect(locations).toEqual(['_astro', 'pagefind/index', 'pagefind/fragment', 'pagefind/filter']);
  });
});
