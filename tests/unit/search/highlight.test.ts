import { describe, expect, it } from 'vitest';
import { highlightRanges, highlightTerms, wordsToMark } from '../../../src/lib/search/highlight.ts';

function marked(text: string, words: string[]): string[] {
  return highlightRanges(text, highlightTerms(words)).map(([s, e]) => text.slice(s, e));
}

describe('marking searched words on a page', () => {
  it('marks every spelling of an unmarked word, without punctuation', () => {
    expect(marked('Đảng ủy và đảng viên, dân cư đang họp.', ['dang'])).toEqual(['Đảng', 'đảng', 'đang']);
    expect(marked('Đảng ủy và đảng viên, dân cư.', ['đảng', 'viên'])).toEqual(['Đảng', 'đảng', 'viên']);
  });

  it('marks a code from its joined query word', () => {
    expect(marked('Thực hiện Nghị quyết số 9021-NQ/TW.', ['9021nq'])).toEqual(['9021-NQ/TW']);
  });

  it('marks nothing without words', () => {
    expect(marked('Đảng ủy', [])).toEqual([]);
    expect(marked('Đảng ủy', ['', '  '])).toEqual([]);
  });
});

describe('the words a search asked for', () => {
  it('are the query words, or the joined code and the other words', () => {
    expect(wordsToMark(' Đảng  ủy ')).toEqual(wordsToMark('Đảng ủy'));
    expect(highlightTerms(wordsToMark('Đảng ủy'))).toEqual(['dang', 'uy']);
    expect(highlightTerms(wordsToMark('nghị quyết số 21 đảng viên'))).toEqual(['21nq', 'dang', 'vien']);
    expect(wordsToMark('')).toEqual([]);
  });
});
