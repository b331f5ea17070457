import { describe, expect, it } from 'vitest';
import type { RelationView } from '../../../src/lib/graph/document-graph.ts';
import {
  type DiagramLayout,
  type DiagramNode,
  describeRelations,
  diagramContent,
  fitText,
  layoutRelationDiagram,
  textWidth,
  wideFrom,
} from '../../../src/lib/graph/relation-diagram.ts';
import { FICTIONAL_DOCUMENTS } from '../../helpers/markdown.ts';

const [old, recent, , , , , conclusion] = FICTIONAL_DOCUMENTS;
if (old === undefined || recent === undefined || conclusion === undefined) throw new Error('fixture');

const views: RelationView[] = [
  { kind: 'thay-the', direction: 'forward', label: 'Thay thế', other: old, code: old.code, date: old.date },
  { kind: 'can-cu', direction: 'forward', label: 'Căn cứ', other: null, code: '9001-NQ/TW', date: '2016' },
  {
    kind: 'tong-ket',
    direction: 'inverse',
    label: 'Được tổng kết, sơ kết bởi',
    other: conclusion,
    code: conclusion.code,
    date: conclusion.date,
  },
];
const content = diagramContent(recent, views, (d) => `/van-ban/${d.id}/`);

/** The point where an edge ends (its arrowhead): the last H segment, at the y of the V before it. */
function end(d: string): { x: number; y: number } {
  const m = /V([\d.]+)H([\d.]+)$/.exec(d);
  return { x: Number(m?.[2]), y: Number(m?.[1]) };
}

function overlaps(a: DiagramNode, b: DiagramNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function checkBoxes(layout: DiagramLayout): void {
  for (const [i, a] of layout.nodes.entries()) {
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.y).toBeGreaterThanOrEqual(0);
    expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
    expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
    for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    for (const t of a.texts) {
      expect(t.size).toBeGreaterThanOrEqual(13);
      expect(t.x + textWidth(t.text, t.size)).toBeLessThanOrEqual(a.x + a.width);
      expect(t.y).toBeGreaterThan(a.y);
      expect(t.y).toBeLessThan(a.y + a.height);
    }
  }
}

describe('diagramContent', () => {
  it('names each document by code, type and date, links those with pages, marks those without', () => {
    expect(content.center).toEqual({ code: '9021-NQ/TW', caption: 'Nghị quyết · 16/06/2022' });
    expect(content.relations).toEqual([
      {
        code: '9021-NQ/TW',
        caption: 'Nghị quyết · 25/10/2017',
        href: '/van-ban/9021-nq-tw-2017/',
        direction: 'forward',
        verb: 'Thay thế',
        label: 'Thay thế',
      },
      {
        code: '9001-NQ/TW',
        caption: '2016 · chưa có trang',
        direction: 'forward',
        verb: 'Căn cứ',
        label: 'Căn cứ',
      },
      {
        code: '9014-KL/TW',
        caption: 'Kết luận · 22/09/2021',
        href: '/van-ban/9014-kl-tw-2021/',
        direction: 'inverse',
        verb: 'Tổng kết, sơ kết',
        label: 'Được tổng kết, sơ kết bởi',
      },
    ]);
  });
});

describe('layoutRelationDiagram: wide', () => {
  const layout = layoutRelationDiagram(content.center, content.relations, 'wide');
  const [center, ...others] = layout.nodes;

  it('puts the document in the centre, documents pointing at it left, those it points at right', () => {
    expect(center?.center).toBe(true);
    const left = others.filter((n) => n.x < (center?.x ?? 0));
    const right = others.filter((n) => n.x > (center?.x ?? 0));
    expect(left.map((n) => n.texts[0]?.text)).toEqual(['9014-KL/TW']);
    expect(right.map((n) => n.texts[0]?.text)).toEqual(['9021-NQ/TW', '9001-NQ/TW']);
    // Vertically centred against the taller column.
    expect((center?.y ?? 0) * 2 + (center?.height ?? 0)).toBeCloseTo(layout.height);
    checkBoxes(layout);
  });

  it('draws each edge from the recording document to the one it names, labelled with the verb', () => {
    const node = (code: string, caption: string) =>
      layout.nodes.find((n) => n.texts[0]?.text === code && n.texts[1]?.text === caption);
    const oldNode = node('9021-NQ/TW', 'Nghị quyết · 25/10/2017');
    const edgeTo = (n: DiagramNode | undefined) =>
      layout.edges.find((e) => {
        const p = end(e.d);
        return p.x === n?.x && p.y === (n?.y ?? 0) + (n?.height ?? 0) / 2;
      });
    expect(edgeTo(oldNode)?.label?.text).toBe('thay thế');
    expect(edgeTo(node('9001-NQ/TW', '2016 · chưa có trang'))?.label?.text).toBe('căn cứ');
    // The conclusion records the relation, so its edge ends at the centre, not at the conclusion.
    const conclusionNode = node('9014-KL/TW', 'Kết luận · 22/09/2021');
    expect(edgeTo(conclusionNode)).toBeUndefined();
    const intoCenter = layout.edges.filter((e) => end(e.d).x === center?.x);
    expect(intoCenter.map((e) => e.label?.text)).toEqual(['tổng kết, sơ kết']);
    expect(intoCenter[0]?.d.startsWith(`M${(conclusionNode?.x ?? 0) + (conclusionNode?.width ?? 0)},`)).toBe(
      true,
    );
  });

  it('links documents with pages and marks the one without', () => {
    expect(layout.nodes.map((n) => [n.texts[1]?.text, n.href ?? null, n.missing])).toEqual([
      ['Nghị quyết · 16/06/2022', null, false],
      ['Kết luận · 22/09/2021', '/van-ban/9014-kl-tw-2021/', false],
      ['Nghị quyết · 25/10/2017', '/van-ban/9021-nq-tw-2017/', false],
      ['2016 · chưa có trang', null, true],
    ]);
  });

  it('is shown only where its text stays at 12 px or more once scaled to the column', () => {
    // Both sides: only the desktop column (864 px) is wide enough; one side fits from tablets up.
    expect(wideFrom(layout)).toBe('lg');
    expect(layout.width * (12 / 13)).toBeLessThanOrEqual(864);
    const oneSide = layoutRelationDiagram(content.center, content.relations.slice(0, 2), 'wide');
    expect(wideFrom(oneSide)).toBe('sm');
  });
});

describe('layoutRelationDiagram: narrow', () => {
  const layout = layoutRelationDiagram(content.center, content.relations, 'narrow');

  it('fits a 360 px phone at full size: documents pointing here above, those named below', () => {
    expect(layout.width).toBe(320);
    expect(layout.minWidth).toBeLessThanOrEqual(328);
    const centerNode = layout.nodes.find((n) => n.center);
    const y = (code: string, label: string) =>
      layout.nodes.find((n) => n.texts[0]?.text === label && n.texts[1]?.text === code)?.y ?? Number.NaN;
    expect(y('9014-KL/TW', 'Được tổng kết, sơ kết bởi')).toBeLessThan(centerNode?.y ?? 0);
    expect(y('9021-NQ/TW', 'Thay thế')).toBeGreaterThan(centerNode?.y ?? 0);
    expect(y('9001-NQ/TW', 'Căn cứ')).toBeGreaterThan(y('9021-NQ/TW', 'Thay thế'));
    checkBoxes(layout);
  });

  it('ends incoming edges at the centre and outgoing ones at the named documents', () => {
    const centerNode = layout.nodes.find((n) => n.center);
    const ends = layout.edges.map((e) => end(e.d));
    expect(ends.every((p) => p.x === centerNode?.x)).toBe(true);
    const targets = ends.map((p) => layout.nodes.find((n) => p.y >= n.y && p.y <= n.y + n.height));
    expect(targets.map((n) => n?.texts.map((t) => t.text).join(' '))).toEqual([
      '9021-NQ/TW Nghị quyết · 16/06/2022',
      'Thay thế 9021-NQ/TW Nghị quyết · 25/10/2017',
      'Căn cứ 9001-NQ/TW 2016 · chưa có trang',
    ]);
  });
});

describe('describeRelations and fitText', () => {
  it('says each relation as a sentence, subject first', () => {
    expect(describeRelations(content.center, content.relations)).toBe(
      '9021-NQ/TW (Nghị quyết · 16/06/2022) thay thế 9021-NQ/TW (Nghị quyết · 25/10/2017). ' +
        '9021-NQ/TW (Nghị quyết · 16/06/2022) căn cứ 9001-NQ/TW (2016 · chưa có trang). ' +
        '9014-KL/TW (Kết luận · 22/09/2021) tổng kết, sơ kết 9021-NQ/TW (Nghị quyết · 16/06/2022).',
    );
  });

  it('cuts text that would overflow its box', () => {
    expect(fitText('Nghị quyết', 200, 13)).toBe('Nghị quyết');
    expect(fitText('Một trích yếu rất dài không vừa ô', 80, 13)).toBe('Một trích…');
  });
});
