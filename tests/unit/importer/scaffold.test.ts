import { mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkMdxSyntax } from '../../../src/lib/checks/content-checks.ts';
import { parseContentText } from '../../../src/lib/content/content-files.ts';
import { PLACEHOLDER } from '../../../src/lib/content/drafts.ts';
import type { Taxonomies } from '../../../src/lib/content/taxonomy.ts';
import {
  checkAnswers,
  checkCode,
  newsId,
  readDate,
  ScaffoldError,
  scaffoldPage,
} from '../../../src/lib/importer/scaffold.ts';

const taxonomies: Taxonomies = {
  issuers: [
    { id: 'bo-chinh-tri', label: 'Bộ Chính trị', level: 'trung-uong' },
    { id: 'tinh-uy-quang-ngai', label: 'Tỉnh ủy Quảng Ngãi', level: 'dia-phuong', locality: 'quang-ngai' },
  ],
  topics: [
    { id: 'dang-vien', label: 'Đảng viên' },
    { id: 'to-chuc-co-so-dang', label: 'Tổ chức cơ sở đảng' },
  ],
  localities: [{ id: 'quang-ngai', label: 'Quảng Ngãi' }],
};

/** The error an answer gets, as the editor reads it. */
function errorOf(answers: Record<string, unknown>): { field: string; message: string } {
  try {
    checkAnswers(answers, taxonomies);
  } catch (err) {
    if (err instanceof ScaffoldError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error('no error');
}

const DOCUMENT = {
  kind: 'van-ban',
  type: 'quy-dinh',
  code: 'số 97-QĐ/TW',
  date: '22/2/2023',
  issuer: 'bo-chinh-tri',
};
const NEWS = { kind: 'tin', title: 'Hội nghị tổng kết', eventDate: '6/1/2023', eventKind: 'tong-ket' };

describe('reading the answers', () => {
  it('takes dates the Vietnamese way or the stored way, and refuses what is no date', () => {
    expect(readDate('16/6/2022')).toBe('2022-06-16');
    expect(readDate(' 06/2022 ')).toBe('2022-06');
    expect(readDate('2022')).toBe('2022');
    expect(readDate('2022-06-16')).toBe('2022-06-16');
    expect(readDate('30/2/2023')).toBeNull();
    expect(readDate('16-6')).toBeNull();
    expect(readDate('hôm qua')).toBeNull();
  });

  it('reads a code with the one code parser and checks it fits the type', () => {
    expect(checkCode('21 - nq / tư', 'nghi-quyet')).toBe('21-NQ/TW');
    expect(checkCode('97-QĐ/TW', 'quy-dinh')).toBe('97-QĐ/TW');
    expect(() => checkCode('21-NQ/TW', 'chi-thi')).toThrow(/ký hiệu NQ, không khớp loại "Chỉ thị"/);
    expect(() => checkCode('hai mốt', 'nghi-quyet')).toThrow(/không đọc được/);
  });

  it('accepts ids only from the data lists, naming the list', () => {
    expect(errorOf({ ...DOCUMENT, issuer: 'bo-chinh-tri-x' })).toEqual({
      field: 'issuer',
      message: expect.stringContaining('không có trong content/data/co-quan.yaml'),
    });
    expect(errorOf({ ...NEWS, topics: ['dang-vien', 'khong-co'] }).field).toBe('topics');
    expect(errorOf({ ...NEWS, locality: 'ha-noi' }).message).toContain('dia-phuong.yaml');
  });

  it('says which answer is missing or wrong', () => {
    expect(errorOf({ ...DOCUMENT, code: '' })).toEqual({ field: 'code', message: 'Thiếu "code".' });
    expect(errorOf({ ...NEWS, eventDate: '32/1/2023' }).field).toBe('eventDate');
    expect(errorOf({ ...NEWS, eventKind: 'hop' }).field).toBe('eventKind');
    expect(errorOf({ ...DOCUMENT, type: 'cong-van' }).field).toBe('type');
    expect(errorOf({ kind: 'bai' }).field).toBe('kind');
  });
});

describe('the draft page', () => {
  it('names a document by its code and year, and fills what the answers give', () => {
    const page = scaffoldPage(checkAnswers({ ...DOCUMENT, topics: ['dang-vien'] }, taxonomies), taxonomies);
    expect(page.path).toBe('van-ban/97-qd-tw-2023.mdx');
    const { data } = parseContentText(page.path, page.text);
    expect(data).toMatchObject({
      code: '97-QĐ/TW',
      type: 'quy-dinh',
      issuer: 'bo-chinh-tri',
      date: '2023-02-22',
      topics: ['dang-vien'],
      draft: true,
    });
    // What the editor must still write is marked, never invented.
    expect(data.title).toContain(PLACEHOLDER);
    expect(data.summary).toContain(PLACEHOLDER);
    expect(data.sources).toEqual([
      { title: expect.stringContaining(PLACEHOLDER), outlet: expect.any(String) },
    ]);
  });

  it('gives a local committee’s document its province', () => {
    const page = scaffoldPage(
      checkAnswers(
        { ...DOCUMENT, type: 'quyet-dinh', code: '865-QĐ/TU', issuer: 'tinh-uy-quang-ngai' },
        taxonomies,
      ),
      taxonomies,
    );
    expect(parseContentText(page.path, page.text).data.locality).toBe('quang-ngai');
  });

  it('names a news page by its event date and title', () => {
    expect(newsId('2023-01-06', 'Quảng Ngãi: Tổng kết công tác tổ chức xây dựng Đảng năm 2022')).toBe(
      '2023-01-06-quang-ngai-tong-ket-cong-tac-to-chuc-xay-dung-dang-nam-2022',
    );
    const long = newsId('2023-01-06', 'Hội nghị '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(11 + 60);
    // Cut between syllables, never inside one.
    expect(long).toMatch(/^2023-01-06(?:-hoi|-nghi)+$/);
    const page = scaffoldPage(checkAnswers({ ...NEWS, locality: 'quang-ngai' }, taxonomies), taxonomies);
    expect(page.path).toBe('tin/2023-01-06-hoi-nghi-tong-ket.mdx');
    expect(parseContentText(page.path, page.text).data).toMatchObject({
      title: 'Hội nghị tổng kết',
      eventDate: '2023-01-06',
      eventKind: 'tong-ket',
      locality: 'quang-ngai',
      draft: true,
    });
  });

  it('keeps any title as typed, and the page compiles as MDX', () => {
    for (const title of [
      'Hội nghị: "tổng kết" {năm} <2023> #1',
      '- [x] & * `a`',
      'Tổng kết\u0323 NFD'.normalize('NFD'),
    ]) {
      const page = scaffoldPage(checkAnswers({ ...NEWS, title }, taxonomies), taxonomies);
      const { data, body, bodyLine } = parseContentText(page.path, page.text);
      expect(data.title).toBe(title.normalize('NFC'));
      expect(() => mdxToMdast(body)).not.toThrow();
      const file = {
        file: page.path,
        relative: page.path,
        collection: 'news' as const,
        id: page.id,
        raw: page.text,
        data,
        body,
        bodyLine,
      };
      expect(checkMdxSyntax({ files: [file], taxonomies, root: '/' })).toEqual([]);
      expect(parse(page.text.split('---\n')[1] as string)).toEqual(data);
    }
  });
});
