import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUrls } from '../../../src/lib/content/urls.ts';
import {
  normaliseBase,
  resolveInstallDir,
  resolveSiteLocation,
  SiteConfigError,
} from '../../../src/lib/publishing/site-config.ts';
import { readPublishConfig } from '../../../src/lib/publishing/site-config-fs.ts';

function configFile(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-config-'));
  const file = path.join(dir, 'so-tay.config.json');
  fs.writeFileSync(file, content);
  return file;
}

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

  // Each of these breaks the generated nginx syntax, Apache's quoted paths or web.config's XML.
  it.each([
    ['/so"tay/', ['"']],
    ["/so'tay/", ["'"]],
    ['/so&tay/', ['&']],
    ['/so;tay/', [';']],
    ['/so{tay}/', ['{', '}']],
    ['/so tay/', [' ']],
    ['/so$tay/', ['$']],
    ['/so<tay>/', ['<', '>']],
    ['/sổ-tay/', ['ổ']],
    ['/so%20tay/', ['%']],
    ['/so\\tay/', ['\\']],
  ])('refuses BASE_PATH=%j, naming %j and saying what to use', (input, named) => {
    let message = '';
    try {
      normaliseBase(input);
    } catch (err) {
      expect(err).toBeInstanceOf(SiteConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain(`BASE_PATH="${input}"`);
    for (const c of named) expect(message).toContain(`"${c}"`);
    expect(message).toMatch(/chỉ dùng chữ cái không dấu, chữ số và - _ \. ~.*ví dụ \/so-tay\//);
  });

  it('keeps the usual letters, digits, - _ . ~ in a base path', () => {
    expect(normaliseBase('/Van_ban-2031/so.tay~1/')).toBe('/Van_ban-2031/so.tay~1/');
  });

  it('shows control characters in a refused base path as escapes, not raw', () => {
    expect(() => normaliseBase('/so\u001b[2Jtay/')).toThrow(/BASE_PATH="\/so\\x1b\[2Jtay\/"/);
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

describe('so-tay.config.json', () => {
  it('is optional', () => {
    expect(readPublishConfig(path.join(os.tmpdir(), 'khong-co-tep-nay.json'))).toEqual({});
  });

  it('sets defaults that the environment overrides, setting by setting', () => {
    const config = readPublishConfig(
      configFile('{ "siteUrl": "http://thu-nghiem.vn", "basePath": "/so-tay/", "installDir": "/srv/thu" }'),
    );
    expect(resolveSiteLocation({}, config)).toEqual({
      site: 'http://thu-nghiem.vn/so-tay/',
      base: '/so-tay/',
    });
    expect(resolveSiteLocation({ BASE_PATH: '/khac/' }, config)).toEqual({
      site: 'http://thu-nghiem.vn/khac/',
      base: '/khac/',
    });
    expect(resolveSiteLocation({ SITE_URL: 'http://a.vn', BASE_PATH: '/' }, config).site).toBe(
      'http://a.vn/',
    );
    expect(resolveInstallDir({}, config)).toBe('/srv/thu');
    expect(resolveInstallDir({ INSTALL_DIR: '/srv/moi/' }, config)).toBe('/srv/moi');
    expect(resolveInstallDir({}, {})).toBe('/srv/so-tay');
  });

  it('names the file and the field when it is wrong', () => {
    const broken = configFile('{ "basePath": "/so-tay/", }');
    expect(() => readPublishConfig(broken)).toThrow(
      new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*JSON`),
    );
    expect(() => readPublishConfig(configFile('{ "basepath": "/x/" }'))).toThrow(
      /"basepath" không được hỗ trợ/,
    );
    expect(() => readPublishConfig(configFile('{ "basePath": 5 }'))).toThrow(/"basePath" phải là một chuỗi/);
    expect(() => readPublishConfig(configFile('[]'))).toThrow(SiteConfigError);
  });

  it("keeps the parser's own error as the cause, for --debug", () => {
    expect(() => readPublishConfig(configFile('{'))).toThrow(
      expect.objectContaining({ name: 'SiteConfigError', cause: expect.any(SyntaxError) }),
    );
  });

  it('wants an absolute install folder without characters that break server configs', () => {
    expect(() => resolveInstallDir({ INSTALL_DIR: 'srv/so-tay' })).toThrow(/tuyệt đối/);
    expect(() => resolveInstallDir({ INSTALL_DIR: '/srv/so tay' })).toThrow(/khoảng trắng/);
    // $ is an nginx variable, # starts a comment, & and < break web.config's XML.
    for (const bad of ['/srv/$so', '/srv/so#tay', '/srv/so&tay', '/srv/so<tay', '/srv/sổ-tay']) {
      expect(() => resolveInstallDir({ INSTALL_DIR: bad }), bad).toThrow(/ký tự đặc biệt/);
    }
    expect(resolveInstallDir({ INSTALL_DIR: 'C:\\inetpub\\so-tay' })).toBe('C:\\inetpub\\so-tay');
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
