import { describe, expect, it } from 'vitest';
import {
  archiveNameFor,
  formatChecksums,
  mergeChecksums,
  parseChecksums,
  parseManifest,
  releaseIdFor,
} from '../../../src/lib/publishing/release-fs.ts';

const sha = (c: string) => c.repeat(64);

describe('release names', () => {
  it('make ids that sort by build time and carry version and commit', () => {
    const a = releaseIdFor(new Date('2031-05-01T09:05:07.250Z'), '0.1.0', 'abcdef0123456789');
    const b = releaseIdFor(new Date('2031-05-01T10:00:00Z'), '0.1.0', null);
    expect(a).toBe('20310501T090507Z-0.1.0-abcdef0');
    expect(b).toBe('20310501T100000Z-0.1.0-nogit');
    expect([b, a].sort()).toEqual([a, b]);
  });

  it('name the archive <name>-<version>-<date>.tar.gz', () => {
    expect(archiveNameFor('so-tay', '0.1.0', new Date('2031-05-01T23:59:00Z'))).toBe(
      'so-tay-0.1.0-20310501.tar.gz',
    );
  });
});

describe('checksum lists', () => {
  it('round-trip in the format sha256sum -c reads', () => {
    const entries = [
      { sha256: sha('a'), file: 'so-tay-0.1.0-20310501.tar.gz' },
      { sha256: sha('b'), file: 'site/so-tay/index.html' },
    ];
    const text = formatChecksums(entries);
    expect(text).toBe(`${sha('a')}  so-tay-0.1.0-20310501.tar.gz\n${sha('b')}  site/so-tay/index.html\n`);
    expect(parseChecksums(text)).toEqual(entries);
    expect(parseChecksums(`${sha('C')} *goi.tar.gz\r\n`)).toEqual([{ sha256: sha('c'), file: 'goi.tar.gz' }]);
  });

  it('refuse a damaged line instead of checking nothing', () => {
    expect(() => parseChecksums(`${sha('a')}  a\nxyz  b\n`, 'release/SHA256SUMS')).toThrow(
      /release\/SHA256SUMS, dòng 2/,
    );
  });

  it('report a file listed twice as such (not as missing), naming both lines', () => {
    const text = `${sha('a')}  site/index.html\n${sha('b')}  site/404.html\n${sha('c')}  site/index.html\n`;
    expect(() => parseChecksums(text, 'SHA256SUMS trong gói')).toThrow(
      'SHA256SUMS trong gói, dòng 3: tệp site/index.html được ghi hai lần (lần đầu ở dòng 1).',
    );
  });

  it('replace the entry of a re-made package and keep the others', () => {
    const merged = mergeChecksums(
      [
        { sha256: sha('1'), file: 'so-tay-0.1.0-20310501.tar.gz' },
        { sha256: sha('2'), file: 'so-tay-0.1.0-20310430.tar.gz' },
      ],
      [{ sha256: sha('3'), file: 'so-tay-0.1.0-20310501.tar.gz' }],
    );
    expect(merged).toEqual([
      { sha256: sha('2'), file: 'so-tay-0.1.0-20310430.tar.gz' },
      { sha256: sha('3'), file: 'so-tay-0.1.0-20310501.tar.gz' },
    ]);
  });
});

describe('manifest', () => {
  const valid = {
    name: 'so-tay',
    version: '0.1.0',
    releaseId: '20310501T090507Z-0.1.0-abcdef0',
    commit: 'abcdef0',
    dirty: false,
    builtAt: '2031-05-01T09:05:07.250Z',
    pageCount: 25,
    site: 'http://intranet.thu-nghiem.vn/so-tay/',
    basePath: '/so-tay/',
    installDir: '/srv/so-tay',
    fileCount: 80,
    siteBytes: 1000,
  };

  it('reads a valid manifest', () => {
    expect(parseManifest(JSON.stringify(valid))).toEqual(valid);
  });

  it('rejects a release id that could escape releases/ or a missing field', () => {
    expect(() => parseManifest(JSON.stringify({ ...valid, releaseId: '../../etc' }))).toThrow(/releaseId/);
    expect(() => parseManifest(JSON.stringify({ ...valid, pageCount: undefined }))).toThrow(
      /trường "pageCount" \(thiếu\)/,
    );
    expect(() => parseManifest('{', 'goi/manifest.json')).toThrow(/goi\/manifest.json: không phải JSON/);
  });

  // Each of these once got past the check and failed later (installDir: after the switch).
  it.each([
    ['installDir', 5, /trường "installDir" \(= 5\) phải là một chuỗi/],
    ['installDir', 'srv/so-tay', /"installDir".*tuyệt đối/],
    ['installDir', '/srv/so tay', /"installDir".*ký tự đặc biệt/],
    ['commit', 42, /"commit".*commit git/],
    ['commit', 'không phải', /"commit".*không phải mã commit git/],
    ['dirty', 'no', /"dirty".*true hoặc false/],
    ['builtAt', '2031-02-30', /"builtAt".*ISO 8601/],
    ['pageCount', -1, /"pageCount".*không được âm/],
    ['fileCount', 1.5, /"fileCount".*số nguyên/],
    ['siteBytes', '1000', /"siteBytes".*số byte/],
    ['site', 'intranet.vn/so-tay/', /"site".*không phải URL đầy đủ/],
    ['site', 'http://intranet.vn/so%20tay/', /"site".*"%"/],
    ['site', 'http://intranet.thu-nghiem.vn/khac/', /"site".*không kết thúc bằng basePath \/so-tay\//],
    ['basePath', '/so;tay/', /"basePath".*";"/],
    ['name', 'So Tay', /"name".*tên gói npm/],
    ['version', '1.0; rm', /"version"/],
  ])('rejects %s = %j, naming the field and the problem', (field, value, message) => {
    expect(() => parseManifest(JSON.stringify({ ...valid, [field]: value }), 'goi/manifest.json')).toThrow(
      message,
    );
  });

  it('names every bad field at once, and escapes control characters in what it quotes', () => {
    let message = '';
    try {
      parseManifest(JSON.stringify({ ...valid, name: 'so-tay\u001b[2J', dirty: 1 }));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/"name".*; trường "dirty"/);
    expect(message).not.toContain('\u001b');
  });
});
