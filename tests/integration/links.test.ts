/**
 * Builds the fictional fixture site of tests/fixtures/links under the base path /so-tay/ and reads
 * the HTML a reader gets: links in page bodies, backlinks, relations with their diagram, the gaps page,
 * and what `npm run check` prints for the same content.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { selectAll as cssAll, selectOne as cssOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, childEnv } from '../helpers/build.ts';

const fixture = path.resolve('tests/fixtures/links');
const out = path.resolve('tests/.tmp/links');

beforeAll(() => buildSite({ contentDir: fixture, outDir: out, base: '/so-tay/' }));

function page(route: string) {
  return parseDocument(fs.readFileSync(path.join(out, route, 'index.html'), 'utf8'));
}

/** Elements matching `query` under `root`. */
const selectAll = (query: string, root: AnyNode | null): Element[] =>
  root === null ? [] : cssAll<AnyNode, Element>(query, root);
/** The first element matching `query` under `root`, or null. */
const selectOne = (query: string, root: AnyNode | null): Element | null =>
  root === null ? null : cssOne<AnyNode, Element>(query, root);

const text = (el: Element | null) => (el === null ? '' : textContent(el).replace(/\s+/g, ' ').trim());

/** Links in the page body (the rendered MDX): [text, href]. */
function bodyLinks(route: string): Array<[string, string | undefined]> {
  return selectAll('.prose-vi a', page(route)).map((a) => [text(a), getAttributeValue(a, 'href')]);
}

describe('links in page bodies', () => {
  it('links known codes to their pages under the base path, with a title naming the document', () => {
    const doc = page('van-ban/9021-nq-tw-2017');
    const [first] = selectAll('.prose-vi a', doc);
    expect(getAttributeValue(first as Element, 'href')).toBe('/so-tay/van-ban/9018-nq-tw-2017/');
    expect(getAttributeValue(first as Element, 'title')).toBe(
      'Nghị quyết số 9018-NQ/TW ngày 25/10/2017: Về bộ máy thử nghiệm',
    );
    // The list "9018-NQ/TW, 9019-NQ/TW" is two links; the page's own code is not a link.
    expect(bodyLinks('van-ban/9021-nq-tw-2017')).toEqual([
      ['9018-NQ/TW', '/so-tay/van-ban/9018-nq-tw-2017/'],
      ['9019-NQ/TW', '/so-tay/van-ban/9019-nq-tw-2017/'],
    ]);
  });

  it('resolves the shared code 9021-NQ/TW by page date, written date and codeChoices', () => {
    // A 2019 conference means the 2017 resolution; a 2023 one the 2022 resolution…
    expect(bodyLinks('tin/hoi-nghi-thu-nghiem-2019')[0]).toEqual([
      '9021-NQ/TW',
      '/so-tay/van-ban/9021-nq-tw-2017/',
    ]);
    expect(bodyLinks('tin/so-ket-thu-nghiem-2023')[0]).toEqual([
      '9021-NQ/TW',
      '/so-tay/van-ban/9021-nq-tw-2022/',
    ]);
    // …unless the author chose otherwise, or wrote the date.
    expect(bodyLinks('tin/tong-ket-thu-nghiem-2023')).toEqual([
      ['9021-NQ/TW', '/so-tay/van-ban/9021-nq-tw-2017/'],
    ]);
    expect(bodyLinks('van-ban/9021-nq-tw-2022')).toEqual([
      ['9021-NQ/TW', '/so-tay/van-ban/9021-nq-tw-2017/'],
      ['Kết luận số 9014', '/so-tay/van-ban/9014-kl-tw-2021/'],
    ]);
    expect(bodyLinks('tin/hoi-nghi-thu-nghiem-2019')[1]).toEqual([
      '9865-QĐ/TU',
      '/so-tay/van-ban/9865-qd-tu-2019/',
    ]);
  });

  it('leaves headings, inline code and unknown codes as text', () => {
    const doc = page('van-ban/9021-nq-tw-2022');
    expect(text(selectOne('.prose-vi h2', doc))).toBe('Kết luận 9014-KL/TW');
    expect(selectAll('.prose-vi h2 a', doc)).toEqual([]);
    expect(text(selectOne('.prose-vi code', doc))).toBe('9019-NQ/TW');
    expect(selectAll('.prose-vi code a', doc)).toEqual([]);
    const news = page('tin/hoi-nghi-thu-nghiem-2019');
    expect(text(selectOne('.prose-vi', news))).toContain('Nghị quyết 9999-NQ/TW');
    expect(bodyLinks('tin/hoi-nghi-thu-nghiem-2019').map(([t]) => t)).not.toContain('9999-NQ/TW');
  });
});

describe('document pages', () => {
  it('lists the pages citing a document, newest first, with their dates', () => {
    const section = selectOne('section[aria-labelledby="nhac-den"]', page('van-ban/9021-nq-tw-2017'));
    expect(
      selectAll('li', section).map((li) => [text(selectOne('time', li)), text(selectOne('a', li))]),
    ).toEqual([
      ['01/06/2023', 'Tổng kết nghị quyết khóa trước'],
      ['16/06/2022', 'Nghị quyết số 9021-NQ/TW: Về thử nghiệm khóa sau'],
      ['22/09/2021', 'Kết luận số 9014-KL/TW: Về tổng kết thử nghiệm'],
      ['01/03/2019', 'Hội nghị thử nghiệm năm 2019'],
    ]);
    expect(selectAll('a', section).map((a) => getAttributeValue(a, 'href'))).toEqual([
      '/so-tay/tin/tong-ket-thu-nghiem-2023/',
      '/so-tay/van-ban/9021-nq-tw-2022/',
      '/so-tay/van-ban/9014-kl-tw-2021/',
      '/so-tay/tin/hoi-nghi-thu-nghiem-2019/',
    ]);
  });

  it('shows relations both ways and a banner on the replaced document linking its successor', () => {
    const older = page('van-ban/9021-nq-tw-2017');
    const banner = selectOne('[role="note"]', older);
    expect(selectAll('p', banner).map((p) => text(p))).toEqual([
      'Văn bản này đã bị thay thế.',
      'Thay thế bởi Nghị quyết số 9021-NQ/TW ngày 16/06/2022.',
    ]);
    expect(getAttributeValue(selectOne('a', banner) as Element, 'href')).toBe(
      '/so-tay/van-ban/9021-nq-tw-2022/',
    );
    expect(selectAll('#quan-he-danh-sach > li', older).map((li) => text(li))).toEqual([
      'Bị thay thế bởi: Nghị quyết số 9021-NQ/TW ngày 16/06/2022 — Về thử nghiệm khóa sau',
      'Được tổng kết, sơ kết bởi: Kết luận số 9014-KL/TW ngày 22/09/2021 — Về tổng kết thử nghiệm',
    ]);
    const newer = page('van-ban/9021-nq-tw-2022');
    expect(selectOne('[role="note"]', newer)).toBeNull();
    expect(selectAll('#quan-he-danh-sach > li', newer).map((li) => text(li))).toEqual([
      'Thay thế: Nghị quyết số 9021-NQ/TW ngày 25/10/2017 — Về thử nghiệm khóa trước',
      'Căn cứ: 9001-NQ/TW năm 2016 (chưa có trong Sổ tay) Căn cứ thử nghiệm.',
      'Được thực hiện bởi: Kế hoạch số 9007-KH/TW ngày 01/08/2022 — Thực hiện nghị quyết thử nghiệm (nguồn của quan hệ này (trang bên ngoài))',
    ]);
    // The source the recording page gives for a relation is linked at both ends, as an outbound link.
    const source = selectOne('#quan-he-danh-sach a[href="https://example.invalid/quan-he"]', newer);
    expect(getAttributeValue(source as Element, 'rel')).toBe('external noopener noreferrer');
  });

  it('draws the relationship diagram as inline SVG with a title, a description and links', () => {
    const doc = page('van-ban/9021-nq-tw-2022');
    const svgs = selectAll('svg.rel-diagram', doc);
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) {
      expect(text(selectOne('title', svg))).toBe('Lược đồ quan hệ của Nghị quyết số 9021-NQ/TW');
      expect(text(selectOne('desc', svg))).toContain(
        '9007-KH/TW (Kế hoạch · 01/08/2022) thực hiện 9021-NQ/TW',
      );
      expect(getAttributeValue(svg, 'aria-describedby')).toContain('quan-he-danh-sach');
      expect(
        selectAll('a', svg)
          .map((a) => getAttributeValue(a, 'href'))
          .sort(),
      ).toEqual(['/so-tay/van-ban/9007-kh-tw-2022/', '/so-tay/van-ban/9021-nq-tw-2017/']);
    }
    // A document without relations has no diagram.
    expect(selectAll('svg.rel-diagram', page('van-ban/9865-qd-tu-2019'))).toEqual([]);
  });
});

describe('news pages and the gaps page', () => {
  it('lists the documents a news page mentions, unknown ones without a link', () => {
    const section = selectOne(
      'section[aria-labelledby="van-ban-nhac-den"]',
      page('tin/hoi-nghi-thu-nghiem-2019'),
    );
    expect(selectAll('li', section).map((li) => text(li))).toEqual([
      'Nghị quyết số 9021-NQ/TW ngày 25/10/2017 — Về thử nghiệm khóa trước',
      '9999-NQ/TW (chưa có trong Sổ tay)',
      'Quyết định số 9865-QĐ/TU ngày 18/01/2019 — Về đoàn kiểm tra thử nghiệm',
    ]);
  });

  it('lists missing documents most cited first, with counts and citing pages', () => {
    const doc = page('van-ban-con-thieu');
    const items = selectAll('main > ol > li', doc);
    expect(items.map((li) => text(selectOne('h2', li)))).toEqual(['9999-NQ/TW', '9001-NQ/TW (năm 2016)']);
    expect(text(selectOne('p', items[0] as Element))).toBe('Được nhắc đến ở 2 trang, 2 lần');
    expect(selectAll('a', items[0] as Element).map((a) => getAttributeValue(a, 'href'))).toEqual([
      '/so-tay/tin/so-ket-thu-nghiem-2023/',
      '/so-tay/tin/hoi-nghi-thu-nghiem-2019/',
    ]);
    expect(text(selectOne('ul > li', items[1] as Element))).toContain('quan hệ: Căn cứ');
  });

  it('npm run check prints each unknown code with its file and line', () => {
    const output = execFileSync(process.execPath, ['scripts/check-content.ts'], {
      env: childEnv({ SO_TAY_CONTENT_DIR: fixture }),
      encoding: 'utf8',
    });
    expect(output).toContain('tests/fixtures/links/tin/hoi-nghi-thu-nghiem-2019.mdx:15  9999-NQ/TW chưa có');
    expect(output).toContain('tests/fixtures/links/tin/so-ket-thu-nghiem-2023.mdx:14  9999-NQ/TW chưa có');
    expect(output).toContain('Kiểm tra nội dung: 0 lỗi, 2 chú ý.');
  });
});
