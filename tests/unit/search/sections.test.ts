import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/lib/search/fold.ts';
import { prepareQuery, queryTerms } from '../../../src/lib/search/query.ts';
import {
  bestSection,
  EXCERPT_WORDS,
  type SubResult,
  sectionExcerpt,
} from '../../../src/lib/search/sections.ts';

/**
 * A page as Pagefind hands it over: its text (folded, as indexed) and sub-results whose locations
 * point at the words given, in page order. `null` as the id makes the opening part.
 */
function page(
  text: string,
  parts: Array<{ id: string | null; title: string; words: string[]; weight?: number }>,
): { raw: string; sections: SubResult[] } {
  const raw = foldText(text);
  const words = raw.split(/\s+/);
  const used = new Set<number>();
  const at = (w: string) => {
    const i = words.findIndex((x, j) => !used.has(j) && x.replace(/[^\p{L}\p{N}]/gu, '') === foldText(w));
    if (i < 0) throw new Error(`"${w}" is not in the text`);
    used.add(i);
    return i;
  };
  const sections = parts.map(({ id, title, words: ws, weight = 1 }) => {
    const locations = ws.map(at);
    return {
      title: foldText(title),
      url: id === null ? '/van-ban/x/' : `/van-ban/x/#${id}`,
      ...(id === null ? {} : { anchor: { element: 'h2', id, text: foldText(title), location: 0 } }),
      locations,
      weighted_locations: locations.map((location) => ({ weight, balanced_score: 100 * weight, location })),
      excerpt: '',
    };
  });
  return { raw, sections };
}

const terms = (q: string) => queryTerms(prepareQuery(q));

describe('the section a result links to', () => {
  const text =
    'Về kiểm điểm, đánh giá, xếp loại chất lượng. ' +
    'Mục đích: ưu điểm, khuyết điểm, điểm mạnh, điểm yếu. ' +
    'Xếp loại: căn cứ kết quả kiểm điểm, đánh giá và xếp loại.';

  it('is the one holding the most query words, not the one repeating one word most', () => {
    const { raw, sections } = page(text, [
      { id: 'muc-dich', title: 'Mục đích', words: ['điểm', 'điểm', 'điểm', 'điểm'], weight: 2 },
      { id: 'xep-loai', title: 'Xếp loại', words: ['kiểm', 'điểm', 'đánh', 'giá', 'Xếp', 'loại'] },
    ]);
    expect(bestSection(sections, raw, terms('kiểm điểm đánh giá xếp loại'))?.anchor?.id).toBe('xep-loai');
  });

  it('goes past the opening part (the title) to a section holding as many words', () => {
    const { raw, sections } = page(text, [
      { id: null, title: 'Về kiểm điểm', words: ['kiểm', 'điểm', 'đánh', 'giá', 'xếp', 'loại'], weight: 7 },
      { id: 'xep-loai', title: 'Xếp loại', words: ['kiểm', 'điểm', 'đánh', 'giá', 'Xếp', 'loại'] },
    ]);
    expect(bestSection(sections, raw, terms('kiem diem danh gia xep loai'))?.url).toBe(
      '/van-ban/x/#xep-loai',
    );
  });

  it('is none — the page itself — when the opening part holds more of the words', () => {
    const { raw, sections } = page(text, [
      { id: null, title: 'Về kiểm điểm', words: ['kiểm', 'điểm', 'đánh', 'giá'] },
      { id: 'muc-dich', title: 'Mục đích', words: ['điểm', 'điểm'] },
    ]);
    expect(bestSection(sections, raw, terms('kiểm điểm đánh giá'))).toBeUndefined();
  });

  it('among sections holding as many words, is the one Pagefind weighs higher, then the first', () => {
    const { raw, sections } = page(text, [
      { id: 'muc-dich', title: 'Mục đích', words: ['điểm'] },
      { id: 'xep-loai', title: 'Xếp loại', words: ['Xếp'], weight: 6 },
    ]);
    expect(bestSection(sections, raw, terms('điểm xếp'))?.anchor?.id).toBe('xep-loai');
    const even = page(text, [
      { id: 'muc-dich', title: 'Mục đích', words: ['điểm'] },
      { id: 'xep-loai', title: 'Xếp loại', words: ['điểm'] },
    ]);
    expect(bestSection(even.sections, even.raw, terms('điểm'))?.anchor?.id).toBe('muc-dich');
  });

  it('counts a word matched by its beginning, as Pagefind does ("xep lo" while typing)', () => {
    const { raw, sections } = page(text, [
      { id: 'muc-dich', title: 'Mục đích', words: ['điểm', 'điểm'] },
      { id: 'xep-loai', title: 'Xếp loại', words: ['Xếp', 'loại'] },
    ]);
    expect(bestSection(sections, raw, terms('xep lo'))?.anchor?.id).toBe('xep-loai');
  });

  it('is none without query words (browsing) or without headings', () => {
    const { raw, sections } = page(text, [{ id: 'xep-loai', title: 'Xếp loại', words: ['Xếp'] }]);
    expect(bestSection(sections, raw, [])).toBeUndefined();
    expect(bestSection([], raw, terms('xếp'))).toBeUndefined();
    const top = page(text, [{ id: null, title: 'Về kiểm điểm', words: ['kiểm'] }]);
    expect(bestSection(top.sections, top.raw, terms('kiểm'))).toBeUndefined();
  });
});

describe("a section's excerpt", () => {
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
  const raw = words.join(' ');
  const section = (start: number, own: number): SubResult => ({
    title: 'Heading',
    url: '/x/#h',
    anchor: { element: 'h2', id: 'h', text: 'Heading', location: start },
    locations: [start],
    excerpt: `<mark>${words[start]}</mark> ${words.slice(start + 1, start + own).join(' ')}`,
  });

  it('goes on below a heading whose own text is too short, marking the matched words', () => {
    const excerpt = sectionExcerpt(section(10, 3), raw, [10, 14, 50]);
    expect(excerpt.split(' ')).toHaveLength(EXCERPT_WORDS);
    expect(excerpt.startsWith('<mark>w10</mark> w11 w12 w13 <mark>w14</mark> w15')).toBe(true);
    expect(excerpt.endsWith('w37…')).toBe(true);
    // At the end of the page, no ellipsis.
    expect(sectionExcerpt(section(50, 2), raw, [50]).endsWith('w59')).toBe(true);
  });

  it("keeps Pagefind's excerpt of a section long enough to fill one", () => {
    const long = section(5, EXCERPT_WORDS);
    expect(sectionExcerpt(long, raw, [5, 40])).toBe(long.excerpt);
  });
});
