import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/lib/search/fold.ts';
import {
  indexKeys,
  markedWords,
  prepareQuery,
  queryTerms,
  unmatchedTerms,
} from '../../../src/lib/search/query.ts';

describe('preparing a query', () => {
  it('writes đ as the index stand-in, NFC, one space between words', () => {
    expect(prepareQuery('  Đảng   ủy ')).toBe(foldText('Đảng ủy'));
    expect(prepareQuery('đảng viên'.normalize('NFD'))).toBe(foldText('đảng viên'));
  });

  it('drops punctuation inside words the way Pagefind does, so a code stays one word', () => {
    expect(prepareQuery('21-NQ/TW')).toBe('21NQTW');
    expect(prepareQuery('21/NQ-TW')).toBe('21NQTW');
    expect(prepareQuery('“đảng viên”, chi bộ!')).toBe(foldText('đảng viên chi bộ'));
  });

  it('gives the same terms with and without marks', () => {
    for (const q of ['đảng viên', 'dang vien', 'Dang Vien', 'ĐẢNG VIÊN']) {
      expect(queryTerms(prepareQuery(q))).toEqual(['dang', 'vien']);
    }
    expect(queryTerms(prepareQuery('QĐ'))).toEqual(queryTerms(prepareQuery('QD')));
  });

  it('finds the words typed with marks', () => {
    expect(markedWords(prepareQuery('Đảng uy'))).toEqual([foldText('Đảng')]);
    expect(markedWords(prepareQuery('dang vien'))).toEqual([]);
  });
});

describe('index keys of a page word', () => {
  it('has the joined word and its parts, folded', () => {
    expect(indexKeys('21-NQ/TW')).toEqual(expect.arrayContaining(['21nqtw', '21', 'nq', 'tw']));
    expect(indexKeys(foldText('viên,'))).toEqual(['vien']);
    expect(indexKeys(foldText('Đảng'))).toEqual(['dang']);
  });

  it('splits inner capitals and digits like Pagefind does', () => {
    expect(indexKeys(foldText('9008-QĐi/TW'))).toEqual(expect.arrayContaining(['9008qditw', 'qdi', 'di']));
    expect(indexKeys('9021NQ')).toEqual(expect.arrayContaining(['9021nq', '9021', 'nq']));
  });
});

describe('telling real matches from Pagefind fallbacks', () => {
  const page = (
    text: string,
    locations: number[],
    meta: Record<string, string> = {},
    fields: string[] = [],
  ) => ({
    rawContent: foldText(text),
    locations,
    meta,
    matchedMetaFields: fields,
  });

  it('accepts a term that starts a matched word', () => {
    expect(unmatchedTerms(['dang', 'vi'], page('Các đảng viên mới', [1, 2]))).toEqual([]);
  });

  it('reports a term matched only by a shorter word (the longest-prefix fallback)', () => {
    // "dangky" is in no page, so Pagefind answered it with "đăng".
    expect(unmatchedTerms(['dangky'], page('Hồ sơ đăng ký', [2]))).toEqual(['dangky']);
  });

  it('reports a term Pagefind left out of the query', () => {
    expect(unmatchedTerms(['dang', 'qqq'], page('Đảng ủy họp', [0]))).toEqual(['qqq']);
  });

  it('counts words of the metadata fields that matched', () => {
    expect(unmatchedTerms(['2022'], page('Nội dung', [], { ngay: '20220616' }, ['ngay']))).toEqual([]);
    expect(unmatchedTerms(['2022'], page('Nội dung', [], { ngay: '20220616' }, []))).toEqual(['2022']);
  });
});
