import type { Heading, Paragraph, Parents, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { toString as textOf } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { createUrls } from '../../../src/lib/content/urls.ts';
import {
  type CitingPage,
  citingPageFrom,
  createDocumentIndex,
  type KnownDocument,
} from '../../../src/lib/graph/document-registry.ts';
import {
  applyLinkEdits,
  type LinkContext,
  linkCodes,
  linksEnabled,
  placeAmong,
} from '../../../src/lib/graph/link-transform.ts';
import { FICTIONAL_DOCUMENTS, linksIn, parse } from '../../helpers/markdown.ts';

const index = createDocumentIndex(FICTIONAL_DOCUMENTS);
const urls = createUrls('/so-tay/');
const href = (doc: KnownDocument) => urls.document(doc.id);

/** A news page dated `date`, with frontmatter fields added. */
function newsPage(date: string, extra: Record<string, unknown> = {}): CitingPage {
  return citingPageFrom('news', 'tin-thu-nghiem', { eventDate: date, ...extra });
}

/** Transforms `md` for `page` and returns the links made: [text, href]. */
function linked(md: string, page: CitingPage, mdx = false): Array<[string, string]> {
  const tree = parse(md, mdx);
  const ctx: LinkContext = { index, page, href };
  applyLinkEdits(linkCodes(tree, ctx).edits);
  return linksIn(tree).map((l) => [textOf(l), l.url]);
}

describe('linkCodes: which mentions become links', () => {
  it('links a code in running text to the document page under the base path, with a title', () => {
    const tree = parse('Thực hiện Nghị quyết số 9014-KL/TW của Bộ Chính trị.');
    applyLinkEdits(linkCodes(tree, { index, page: newsPage('2023-05-01'), href }).edits);
    const [link, ...more] = linksIn(tree);
    expect(more).toEqual([]);
    expect(link?.url).toBe('/so-tay/van-ban/9014-kl-tw-2021/');
    expect(textOf(link ?? tree)).toBe('9014-KL/TW');
    expect(link?.title).toBe('Kết luận số 9014-KL/TW ngày 22/09/2021: Về cán bộ thử nghiệm');
    // The words around the link are kept as they were.
    expect(textOf(tree)).toBe('Thực hiện Nghị quyết số 9014-KL/TW của Bộ Chính trị.');
  });

  it('leaves headings, existing links, inline code and code blocks alone', () => {
    const md = [
      '## Nghị quyết 9014-KL/TW',
      '',
      'Xem [bản tóm tắt 9014-KL/TW](https://example.invalid/x) và `9014-KL/TW`.',
      '',
      '```',
      'Kết luận 9014-KL/TW',
      '```',
    ].join('\n');
    expect(linked(md, newsPage('2023-01-01'))).toEqual([
      ['bản tóm tắt 9014-KL/TW', 'https://example.invalid/x'],
    ]);
  });

  it('leaves a raw <a> in MDX alone but links inside MDX components', () => {
    const tree = parse('Một <a href="/x/">9014-KL/TW</a> và <Ghi>Theo 9008-QĐi/TW.</Ghi>\n', true);
    const { edits, mentions } = linkCodes(tree, { index, page: newsPage('2023-01-01'), href });
    applyLinkEdits(edits);
    expect(linksIn(tree).map((l) => [textOf(l), l.url])).toEqual([
      ['9008-QĐi/TW', '/so-tay/van-ban/9008-qdi-tw-2021/'],
    ]);
    expect(mentions.map((m) => [m.text, m.place, m.linked])).toEqual([
      ['9014-KL/TW', 'link', false],
      ['9008-QĐi/TW', 'text', true],
    ]);
  });

  it('links in tables, lists, block quotes and footnotes', () => {
    const md = [
      '| Văn bản | Ghi chú |',
      '|---|---|',
      '| 9014-KL/TW | bảng |',
      '',
      '- Quy định 9008-QĐi/TW',
      '',
      '> Trích 9018-NQ/TW[^1]',
      '',
      '[^1]: Theo 9019-NQ/TW.',
    ].join('\n');
    expect(linked(md, newsPage('2023-01-01')).map(([t]) => t)).toEqual([
      '9014-KL/TW',
      '9008-QĐi/TW',
      '9018-NQ/TW',
      '9019-NQ/TW',
    ]);
  });

  it('does not link a document page to itself', () => {
    const page = citingPageFrom('documents', '9014-kl-tw-2021', {
      code: '9014-KL/TW',
      date: '2021-09-22',
      type: 'ket-luan',
    });
    const result = linkCodes(parse('Kết luận 9014-KL/TW nêu rõ; Kết luận số 9014 cũng yêu cầu.'), {
      index,
      page,
      href,
    });
    expect(result.edits).toEqual([]);
    expect(result.mentions.map((m) => m.outcome.kind)).toEqual(['self', 'self']);
  });
});

describe('linkCodes: codes shared by several documents', () => {
  it('picks the document issued on or before the page date, nearest to it', () => {
    const md = 'Nghị quyết số 9021-NQ/TW.';
    expect(linked(md, newsPage('2020-03-01'))).toEqual([['9021-NQ/TW', '/so-tay/van-ban/9021-nq-tw-2017/']]);
    expect(linked(md, newsPage('2023-07-01'))).toEqual([['9021-NQ/TW', '/so-tay/van-ban/9021-nq-tw-2022/']]);
    // Issued the same day counts as "on or before"; a year-only page date covers the whole year.
    expect(linked(md, newsPage('2022-06-16'))[0]?.[1]).toBe('/so-tay/van-ban/9021-nq-tw-2022/');
    expect(linked(md, newsPage('2022'))[0]?.[1]).toBe('/so-tay/van-ban/9021-nq-tw-2022/');
  });

  it("follows the author's codeChoices over the page date", () => {
    const page = newsPage('2023-07-01', { codeChoices: { '9021-nq/tw': new Date('2017-10-25') } });
    expect(linked('Nghị quyết số 9021-NQ/TW.', page)).toEqual([
      ['9021-NQ/TW', '/so-tay/van-ban/9021-nq-tw-2017/'],
    ]);
  });

  it('resolves a mention by the date written after it', () => {
    const md = 'Quyết định số 9865-QĐ/TU, ngày 18/1/2019 của Ban Thường vụ Tỉnh ủy; Quyết định 9865-QĐ/TU.';
    expect(linked(md, newsPage('2023-07-01'))).toEqual([
      ['9865-QĐ/TU', '/so-tay/van-ban/9865-qd-tu-2019/'],
      ['9865-QĐ/TU', '/so-tay/van-ban/9865-qd-tu-2021/'],
    ]);
  });

  it('leaves a shared code plain when every document came after the page, and says why', () => {
    const result = linkCodes(parse('Dòng một.\n\nTheo Nghị quyết\n9021-NQ/TW.'), {
      index,
      page: newsPage('2015-01-01'),
      href,
    });
    expect(result.edits).toEqual([]);
    expect(result.mentions).toMatchObject([
      { text: '9021-NQ/TW', line: 4, column: 1, outcome: { kind: 'ambiguous', reason: 'all-later' } },
    ]);
  });
});

describe('linkCodes: lists, short mentions, unknown codes', () => {
  it('links each code of a list', () => {
    expect(linked('Nghị quyết số 9018-NQ/TW, 9019-NQ/TW của Trung ương.', newsPage('2018-01-01'))).toEqual([
      ['9018-NQ/TW', '/so-tay/van-ban/9018-nq-tw-2017/'],
      ['9019-NQ/TW', '/so-tay/van-ban/9019-nq-tw-2017/'],
    ]);
    expect(linked('Các Nghị quyết số 9018, 9019-NQ/TW.', newsPage('2018-01-01'))).toEqual([
      ['Nghị quyết số 9018', '/so-tay/van-ban/9018-nq-tw-2017/'],
      ['9019-NQ/TW', '/so-tay/van-ban/9019-nq-tw-2017/'],
    ]);
  });

  it('links a short mention after the full code, also one settled by a heading', () => {
    const md = [
      '## Kết luận 9014-KL/TW',
      '',
      'Kết luận số 9014 yêu cầu…',
      '',
      'Nghị quyết **9018-NQ/TW** và sau đó Nghị quyết số 9018 nhấn mạnh.',
    ].join('\n');
    expect(linked(md, newsPage('2023-01-01'))).toEqual([
      ['Kết luận số 9014', '/so-tay/van-ban/9014-kl-tw-2021/'],
      ['9018-NQ/TW', '/so-tay/van-ban/9018-nq-tw-2017/'],
      ['Nghị quyết số 9018', '/so-tay/van-ban/9018-nq-tw-2017/'],
    ]);
  });

  it('leaves unknown codes and unsettled short mentions plain, reporting their lines', () => {
    const md = 'Mở đầu.\n\nTheo 9999-NQ/TW và\nNghị quyết số 9777.';
    const result = linkCodes(parse(md), { index, page: newsPage('2023-01-01'), href });
    expect(result.edits).toEqual([]);
    expect(result.mentions).toMatchObject([
      {
        text: '9999-NQ/TW',
        line: 3,
        column: 6,
        linked: false,
        outcome: { kind: 'unknown', code: '9999-NQ/TW' },
      },
      { text: 'Nghị quyết số 9777', line: 4, column: 1, linked: false, outcome: { kind: 'unsettled' } },
    ]);
  });

  it('plans edits without touching the tree it was given', () => {
    const tree = parse('Theo 9014-KL/TW.');
    const before = structuredClone(tree);
    const { edits } = linkCodes(tree, { index, page: newsPage('2023-01-01'), href });
    expect(edits).toHaveLength(1);
    expect(tree).toEqual(before);
  });
});

describe('placeAmong', () => {
  const paragraph: Paragraph = { type: 'paragraph', children: [] };
  const flowLink: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: 'a', attributes: [], children: [] };
  const heading: Heading = { type: 'heading', depth: 2, children: [] };
  const root: Root = { type: 'root', children: [] };

  it('reads text in a paragraph wrapped by an MDX <a> as a link, and in a heading as a heading', () => {
    expect(placeAmong([paragraph, flowLink, root])).toBe('link');
    expect(placeAmong([heading, root])).toBe('heading');
    expect(placeAmong([paragraph, root])).toBe('text');
  });

  it('stops at the paragraph when the page has no flow <a>, without reading further ancestors', () => {
    const read: string[] = [];
    function* ancestors(): Generator<Parents> {
      for (const a of [paragraph, flowLink, root]) {
        read.push(a.type);
        yield a;
      }
    }
    expect(placeAmong(ancestors(), { flowLinks: false })).toBe('text');
    expect(read).toEqual(['paragraph']);
    expect(placeAmong([heading, root], { flowLinks: false })).toBe('heading');
  });
});

describe('linksEnabled', () => {
  it('is on unless SO_TAY_DISABLE_LINKS=1', () => {
    expect(linksEnabled({})).toBe(true);
    expect(linksEnabled({ SO_TAY_DISABLE_LINKS: '0' })).toBe(true);
    expect(linksEnabled({ SO_TAY_DISABLE_LINKS: '1' })).toBe(false);
  });
});
