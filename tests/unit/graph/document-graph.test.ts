import { describe, expect, it } from 'vitest';
import {
  blankLiterals,
  buildDocumentGraph,
  type GraphPage,
  graphPageFrom,
  pageKey,
} from '../../../src/lib/graph/document-graph.ts';
import { createDocumentIndex } from '../../../src/lib/graph/document-registry.ts';

/** A fictional document page. */
function doc(id: string, data: Record<string, unknown>, body = ''): GraphPage {
  return graphPageFrom({
    collection: 'documents',
    id,
    data: { type: 'nghi-quyet', title: `Về ${id}`, ...data },
    body,
    file: `van-ban/${id}.mdx`,
    bodyLine: 10,
    fieldLines: { relations: 7, codeChoices: 8 },
  });
}

/** A fictional news page. */
function news(id: string, eventDate: string, body: string, extra: Record<string, unknown> = {}): GraphPage {
  return graphPageFrom({
    collection: 'news',
    id,
    data: { title: `Tin ${id}`, eventDate, ...extra },
    body,
    file: `tin/${id}.mdx`,
    bodyLine: 5,
    fieldLines: { codeChoices: 3 },
  });
}

function graphOf(pages: GraphPage[]) {
  return buildDocumentGraph(pages, createDocumentIndex(pages.flatMap((p) => p.doc ?? [])));
}

const old = doc('9021-nq-tw-2017', { code: '9021-NQ/TW', date: '2017-10-25', status: 'bi-thay-the' });
const recent = doc(
  '9021-nq-tw-2022',
  {
    code: '9021-NQ/TW',
    date: '2022-06-16',
    relations: [
      { kind: 'thay-the', code: '9021-NQ/TW', date: '2017-10-25' },
      { kind: 'can-cu', code: '9001-NQ/TW', date: '2016' },
    ],
  },
  'Nghị quyết 9021-NQ/TW ngày 25/10/2017 đã được tổng kết.',
);
const plan = doc(
  '9007-kh-tw-2022',
  {
    code: '9007-KH/TW',
    type: 'ke-hoach',
    date: '2022-08-01',
    relations: [
      {
        kind: 'thuc-hien',
        code: '9021-NQ/TW',
        date: '2022-06-16',
        note: 'Kế hoạch toàn khóa',
        source: 'https://example.invalid/quan-he',
      },
    ],
  },
  'Kế hoạch thực hiện Nghị quyết số 9021-NQ/TW. Nghị quyết số 9021 yêu cầu…\n\nKế hoạch số 9007-KH/TW này…',
);

describe('buildDocumentGraph: backlinks', () => {
  const pages = [
    old,
    recent,
    plan,
    news('hoi-nghi-2019', '2019-03-01', 'Quán triệt 9021-NQ/TW.'),
    news('hoi-nghi-2023', '2023-05-10', 'Sơ kết Nghị quyết 9021-NQ/TW và Kế hoạch 9007-KH/TW.'),
  ];
  const graph = graphOf(pages);

  it('lists the pages citing a document newest first, with mention counts, never the page itself', () => {
    expect(graph.citedBy.get('9021-nq-tw-2022')?.map((c) => [c.page.id, c.page.date, c.count])).toEqual([
      ['hoi-nghi-2023', '2023-05-10', 1],
      ['9007-kh-tw-2022', '2022-08-01', 2],
    ]);
    // The 2017 resolution is cited by the 2019 conference (by date) and by its successor (by the written date).
    expect(graph.citedBy.get('9021-nq-tw-2017')?.map((c) => c.page.id)).toEqual([
      '9021-nq-tw-2022',
      'hoi-nghi-2019',
    ]);
    expect(graph.citedBy.get('9007-kh-tw-2022')?.map((c) => c.page.id)).toEqual(['hoi-nghi-2023']);
  });

  it('lists the documents a news page mentions, in order', () => {
    expect(graph.mentions.get(pageKey('news', 'hoi-nghi-2023'))).toEqual([
      { doc: recent.doc },
      { doc: plan.doc },
    ]);
  });
});

describe('buildDocumentGraph: relations and replaced documents', () => {
  const graph = graphOf([old, recent, plan]);

  it('shows a relation forward on the recording page and inverse on the target', () => {
    expect(
      graph.relations.get('9021-nq-tw-2022')?.map((r) => [r.direction, r.label, r.other?.id ?? null, r.code]),
    ).toEqual([
      ['forward', 'Thay thế', '9021-nq-tw-2017', '9021-NQ/TW'],
      ['forward', 'Căn cứ', null, '9001-NQ/TW'],
      ['inverse', 'Được thực hiện bởi', '9007-kh-tw-2022', '9007-KH/TW'],
    ]);
    expect(graph.relations.get('9021-nq-tw-2017')).toMatchObject([
      { direction: 'inverse', kind: 'thay-the', label: 'Bị thay thế bởi', other: { id: '9021-nq-tw-2022' } },
    ]);
    const source = 'https://example.invalid/quan-he';
    expect(graph.relations.get('9007-kh-tw-2022')).toMatchObject([
      { direction: 'forward', label: 'Thực hiện', note: 'Kế hoạch toàn khóa', source },
    ]);
    // The note and source of a relation show at both ends.
    expect(graph.relations.get('9021-nq-tw-2022')?.[2]).toMatchObject({ note: 'Kế hoạch toàn khóa', source });
  });

  it('marks a document replaced by a recorded relation, with its successor', () => {
    expect(graph.replaced.get('9021-nq-tw-2017')?.successors.map((d) => d.id)).toEqual(['9021-nq-tw-2022']);
    expect(graph.replaced.has('9021-nq-tw-2022')).toBe(false);
  });

  it('marks a document replaced by its status alone, without a successor', () => {
    const alone = doc('9030-nq-tw-2010', { code: '9030-NQ/TW', date: '2010-01-01', status: 'bi-thay-the' });
    expect(graphOf([alone]).replaced.get('9030-nq-tw-2010')).toEqual({ successors: [] });
  });
});

describe('buildDocumentGraph: gaps', () => {
  const graph = graphOf([
    old,
    recent,
    news('a', '2023-01-01', 'Theo 9555-NQ/TW và 9555-NQ/TW, cùng 9444-CT/TW.'),
    news('b', '2023-02-01', 'Theo Nghị quyết 9555-NQ/TW.'),
    news('c', '2023-03-01', 'Nghị quyết 9021-NQ/TW ngày 2/3/2012 của Trung ương.'),
    news('d', '2023-04-01', '```\n9333-NQ/TW trong khối mã\n```\nVà `9333-NQ/TW` trong mã.'),
  ]);

  it('lists missing documents by how many pages cite them, with the citing pages', () => {
    expect(
      graph.gaps.map((g) => [g.code, g.dates, g.citations.map((c) => [c.page.id, c.mentions]), g.total]),
    ).toEqual([
      [
        '9555-NQ/TW',
        [],
        [
          ['b', 1],
          ['a', 2],
        ],
        3,
      ],
      ['9001-NQ/TW', ['2016'], [['9021-nq-tw-2022', 0]], 1],
      ['9021-NQ/TW', ['2012-03-02'], [['c', 1]], 1],
      ['9444-CT/TW', [], [['a', 1]], 1],
    ]);
    expect(graph.gaps[1]?.citations[0]?.relations).toEqual(['can-cu']);
  });

  it('does not count codes inside code', () => {
    expect(graph.gaps.some((g) => g.code === '9333-NQ/TW')).toBe(false);
  });
});

describe('buildDocumentGraph: problems for npm run check', () => {
  it('reports unknown codes as warnings and ambiguous mentions as errors, with file lines', () => {
    const graph = graphOf([
      old,
      recent,
      news(
        'cu',
        '2015-01-01',
        'Mở đầu.\n\nTheo 9021-NQ/TW\nvà 9555-NQ/TW, 9555-NQ/TW.\n\nNghị quyết số 9777.',
      ),
    ]);
    expect(graph.problems.map((p) => [p.severity, p.file, p.line, p.code])).toEqual([
      ['error', 'tin/cu.mdx', 7, '9021-NQ/TW'],
      ['warning', 'tin/cu.mdx', 8, '9555-NQ/TW'],
      ['warning', 'tin/cu.mdx', 10, 'Nghị quyết số 9777'],
    ]);
    expect(graph.problems[0]?.message).toContain('codeChoices');
  });

  it('reports a codeChoices entry that matches no document, at its field', () => {
    const graph = graphOf([
      old,
      recent,
      news('chon', '2023-01-01', 'Theo 9021-NQ/TW.', { codeChoices: { '9021-NQ/TW': '2019' } }),
    ]);
    expect(graph.problems).toMatchObject([
      { severity: 'error', file: 'tin/chon.mdx', line: 3, code: '9021-NQ/TW' },
    ]);
    expect(graph.problems[0]?.message).toContain('không có văn bản 9021-NQ/TW năm 2019');
  });
});

describe('buildDocumentGraph: relations that cannot be drawn', () => {
  it('reports a relation to the page itself and one its date cannot settle, at the relations field', () => {
    const early = doc('9050-nq-tw-2017-a', { code: '9050-NQ/TW', date: '2017-02-01' });
    const late = doc('9050-nq-tw-2017-b', { code: '9050-NQ/TW', date: '2017-09-01' });
    const recorder = doc('9051-nq-tw-2018', {
      code: '9051-NQ/TW',
      date: '2018-01-01',
      relations: [
        { kind: 'can-cu', code: '9051-NQ/TW', date: '2018-01-01' },
        { kind: 'thay-the', code: '9050-NQ/TW', date: '2017' },
      ],
    });
    const graph = graphOf([early, late, recorder]);
    expect(graph.problems.map((p) => [p.severity, p.file, p.line, p.code])).toEqual([
      ['error', 'van-ban/9051-nq-tw-2018.mdx', 7, '9051-NQ/TW'],
      ['error', 'van-ban/9051-nq-tw-2018.mdx', 7, '9050-NQ/TW'],
    ]);
    // Neither document is marked replaced by a relation nobody can resolve.
    expect(graph.replaced.size).toBe(0);
  });
});

describe('blankLiterals', () => {
  it('blanks code, MDX comments and imports, keeping length and lines', () => {
    const body =
      "import X from './x.astro';\n\nA `9014-KL/TW` b {/* 9014-KL/TW */} c\n~~~\n9014-KL/TW\n~~~\n9014-KL/TW";
    const out = blankLiterals(body);
    expect(out).toHaveLength(body.length);
    expect(out.split('\n')).toHaveLength(body.split('\n').length);
    expect(out.match(/9014-KL\/TW/g)).toEqual(['9014-KL/TW']);
    expect(out.endsWith('\n9014-KL/TW')).toBe(true);
  });
});
