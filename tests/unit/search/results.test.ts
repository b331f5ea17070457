import { describe, expect, it } from 'vitest';
import { facetLabels } from '../../../src/lib/search/facets.ts';
import { foldText } from '../../../src/lib/search/fold.ts';
import { excerptPieces, orderResults, resultView } from '../../../src/lib/search/results.ts';

describe('excerpts', () => {
  it('restores đ, joins neighbouring marks and keeps punctuation outside them', () => {
    const excerpt = foldText('kết nạp <mark>đảng</mark> <mark>viên,</mark> bảo đảm <mark>Đảng;</mark> giữ');
    expect(excerptPieces(excerpt)).toEqual([
      { text: 'kết nạp ', marked: false },
      { text: 'đảng viên', marked: true },
      { text: ', bảo đảm ', marked: false },
      { text: 'Đảng', marked: true },
      { text: '; giữ', marked: false },
    ]);
  });

  it('turns escaped page text back into text, never into markup', () => {
    expect(excerptPieces('a &lt;b&gt; <mark>c</mark>')).toEqual([
      { text: 'a <b> ', marked: false },
      { text: 'c', marked: true },
    ]);
  });
});

describe('a result as shown', () => {
  const labels = facetLabels({ issuers: [], topics: [], localities: [] });
  it('has title, type, code and date in Vietnamese', () => {
    const view = resultView(
      {
        url: '/so-tay/van-ban/9865-qd-tu-2020/',
        excerpt: foldText('<mark>Đảng</mark> ủy'),
        meta: { title: foldText('Quy chế của Đảng ủy'), so_hieu: foldText('9865-QĐ/TU'), ngay: '20201103' },
        filters: { loai: ['quyet-dinh'] },
      },
      labels,
    );
    expect(view).toMatchObject({
      url: '/so-tay/van-ban/9865-qd-tu-2020/',
      title: 'Quy chế của Đảng ủy',
      typeLabel: 'Quyết định',
      code: '9865-QĐ/TU',
      date: '2020-11-03',
      dateLabel: '03/11/2020',
    });
  });

  it('shows the summary when no word of the text matched', () => {
    const data = {
      url: '/tin/x/',
      excerpt: 'Hội nghị sơ kết. Núi Thử sơ kết',
      meta: { title: 'Tin', tom_tat: foldText('Tỉnh đánh giá công tác đảng viên.') },
      filters: { loai: ['tin'] },
    };
    expect(resultView(data, labels).excerpt).toEqual([
      { text: 'Tỉnh đánh giá công tác đảng viên.', marked: false },
    ]);
    // Matched in the summary only: the query's words are marked there.
    expect(resultView(data, labels, ['dang', 'vien']).excerpt).toEqual([
      { text: 'Tỉnh đánh giá công tác ', marked: false },
      { text: 'đảng viên', marked: true },
      { text: '.', marked: false },
    ]);
    expect(resultView({ ...data, excerpt: '<mark>Hội</mark> nghị' }, labels).excerpt[0]).toEqual({
      text: 'Hội',
      marked: true,
    });
  });
});

describe('a result on a long page', () => {
  const labels = facetLabels({ issuers: [], topics: [], localities: [] });
  const raw = foldText('Hướng dẫn về thể thức. Mục đích của việc này. Thể thức trình bày báo cáo');
  const data = {
    url: '/so-tay/van-ban/x/',
    excerpt: foldText('Hướng dẫn về <mark>thể</mark> <mark>thức.</mark>'),
    meta: { title: foldText('Về thể thức') },
    filters: { loai: ['huong-dan'] },
    raw_content: raw,
    word_count: 1200,
    sub_results: [
      { title: foldText('Về thể thức'), url: '/so-tay/van-ban/x/', locations: [0, 1, 3, 4], excerpt: '' },
      {
        title: foldText('Thể thức trình bày báo cáo'),
        url: '/so-tay/van-ban/x/#th%E1%BB%83-th%E1%BB%A9c',
        anchor: { element: 'h2', id: 'thể-thức', text: 'Thể thức', location: 10 },
        locations: [10, 11, 12, 13],
        excerpt: foldText('<mark>Thể</mark> <mark>thức</mark> <mark>trình</mark> <mark>bày</mark> báo cáo'),
      },
    ],
  };

  it("links to the section holding the words, shows its heading (with đ) and the section's excerpt", () => {
    const view = resultView(data, labels, ['thể', 'thức', 'trình', 'bày'], ['the', 'thuc', 'trinh', 'bay']);
    expect(view.url).toBe('/so-tay/van-ban/x/');
    expect(view.section).toEqual({
      heading: 'Thể thức trình bày báo cáo',
      url: '/so-tay/van-ban/x/#th%E1%BB%83-th%E1%BB%A9c',
    });
    expect(view.excerpt).toEqual([
      { text: 'Thể thức trình bày', marked: true },
      { text: ' báo cáo', marked: false },
    ]);
  });

  it('links to the page when its top holds the words best, or when no words choose a section', () => {
    const top = resultView(data, labels, ['hướng', 'dẫn'], ['huong', 'dan']);
    expect(top.section).toBeUndefined();
    expect(top.excerpt[1]).toEqual({ text: 'thể thức', marked: true });
    expect(resultView(data, labels, ['thể', 'thức']).section).toBeUndefined();
  });

  it('links a short page at its top: it fits in a screen or two', () => {
    const short = { ...data, word_count: 120 };
    const view = resultView(short, labels, ['thể', 'thức', 'trình', 'bày'], ['the', 'thuc', 'trinh', 'bay']);
    expect(view.section).toBeUndefined();
    expect(view.excerpt[1]).toEqual({ text: 'thể thức', marked: true });
  });
});

describe('result order', () => {
  it('puts the coded documents first, newest first, then exact marks, keeping Pagefind order inside', () => {
    expect(
      orderResults({
        ids: ['a', 'b', 'c', 'd', 'e'],
        codeMatches: [
          { id: 'd', date: '2018' },
          { id: 'e', date: '2023-02-14' },
        ],
        exact: new Set(['c', 'e']),
      }),
    ).toEqual(['e', 'd', 'c', 'a', 'b']);
    expect(orderResults({ ids: ['a', 'b'] })).toEqual(['a', 'b']);
  });
});
