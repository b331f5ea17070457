/**
 * Layout of the relationship diagram (lược đồ) of a document page, drawn at build time as inline SVG.
 * Pure geometry: the Astro component only turns these boxes, lines and texts into SVG elements.
 *
 * Two variants, because no single drawing stays readable from a 360 px phone to a desktop:
 * - `wide`: the document in the centre, documents that point at it in a column on the left, documents
 *   it points at on the right; each edge runs from the document that records the relation to the one
 *   it names, labelled with the relation's verb ("thay thế", "thực hiện"), arrow at the target.
 * - `narrow`: one column 320 units wide, shown at its natural size on phones: documents pointing at
 *   this one above it, those it points at below, edges along two trunks on the left; each box carries
 *   the relation as read from this page ("Bị thay thế bởi", "Thực hiện"), like the list beside it.
 * Sizes are chosen so text is never drawn smaller than 12 CSS pixels where the variant is shown (see
 * {@link DiagramLayout.minWidth}).
 */
import { formatDate } from '../content/dates.ts';
import { DOCUMENT_TYPES, RELATION_KINDS } from '../content/document-types.ts';
import type { RelationView } from './document-graph.ts';
import type { KnownDocument } from './document-registry.ts';

/** One document on the diagram. */
export interface DiagramDocument {
  /** First line: the code, "21-NQ/TW". */
  code: string;
  /** Second line: type and date, "Nghị quyết · 16/06/2022". */
  caption: string;
  /** Link to its page; absent when the document has no page. */
  href?: string;
}

/** A document related to the centre one. */
export interface DiagramRelation extends DiagramDocument {
  /** `inverse`: the other document records the relation and points here; `forward`: this one points there. */
  direction: 'forward' | 'inverse';
  /** The relation's verb along the arrow: "Thay thế". */
  verb: string;
  /** The relation as read from the centre document: "Bị thay thế bởi" or "Thay thế". */
  label: string;
}

/** A line of text, positioned. */
export interface DiagramText {
  text: string;
  x: number;
  y: number;
  /** Font size in diagram units. */
  size: number;
  bold?: boolean;
  muted?: boolean;
  anchor: 'start' | 'middle' | 'end';
}

/** A box for one document. */
export interface DiagramNode {
  x: number;
  y: number;
  width: number;
  height: number;
  texts: DiagramText[];
  href?: string;
  /** The page's own document. */
  center: boolean;
  /** A document without a page: drawn dashed. */
  missing: boolean;
  /** Full text for a link's accessible name and tooltip. */
  name: string;
}

/** An edge: a path ending in an arrowhead, maybe a label. */
export interface DiagramEdge {
  /** SVG path data. */
  d: string;
  label?: DiagramText;
}

/** A laid-out diagram, in diagram units (1 unit = 1 CSS pixel at natural size). */
export interface DiagramLayout {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /**
   * The narrowest container (CSS px) in which the drawing, scaled down to fit, still shows every text
   * at 12 px or more. Where the container is narrower, show the `narrow` variant.
   */
  minWidth: number;
}

/** Smallest font size used, and the smallest a reader should get. */
const SMALL = 13;
const READABLE = 12;

/**
 * Advance of a character in Be Vietnam Pro, in ems, measured in Chromium (bold, rounded up):
 * capitals and digits are wide (a code such as "30/2020/NĐ-CP" averages 0.67 em), lower-case
 * Vietnamese about 0.52 em.
 */
function charEm(c: string): number {
  if (c === ' ') return 0.3;
  if (/[\p{Lu}\p{N}]/u.test(c)) return 0.72;
  return 0.56;
}

/** Estimated width of `text` at `size`, in diagram units. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * size;
}

/** `text` cut with "…" to fit `width` units at `size`. */
export function fitText(text: string, width: number, size: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  let used = textWidth('…', size);
  let n = 0;
  for (const c of chars) {
    const w = charEm(c) * size;
    if (used + w > width) break;
    used += w;
    n++;
  }
  return `${chars.slice(0, Math.max(1, n)).join('').trimEnd()}…`;
}

/** Tailwind breakpoints with the width of the page's text column at each (max-w-4xl, 1 rem padding). */
const BREAKPOINTS = [
  ['sm', Math.min(864, 640 - 32)],
  ['md', Math.min(864, 768 - 32)],
  ['lg', Math.min(864, 1024 - 32)],
] as const;

/**
 * The smallest breakpoint from which the `wide` layout keeps its text readable, or null when it never
 * does: below it, the page shows the `narrow` layout.
 */
export function wideFrom(layout: DiagramLayout): 'sm' | 'md' | 'lg' | null {
  for (const [name, column] of BREAKPOINTS) if (column >= layout.minWidth) return name;
  return null;
}

function nodeOf(
  doc: DiagramDocument,
  x: number,
  y: number,
  width: number,
  height: number,
  lines: Array<Omit<DiagramText, 'x' | 'y' | 'anchor'>>,
  center: boolean,
): DiagramNode {
  const pad = 9;
  const lineGap = 4;
  const total = lines.reduce((sum, l) => sum + l.size, 0) + lineGap * (lines.length - 1);
  let baseline = y + (height - total) / 2;
  const texts = lines.map((l) => {
    baseline += l.size;
    const t: DiagramText = {
      ...l,
      text: fitText(l.text, width - 2 * pad, l.size),
      x: x + pad,
      y: Math.round(baseline - l.size * 0.2),
      anchor: 'start',
    };
    baseline += lineGap;
    return t;
  });
  const node: DiagramNode = {
    x,
    y,
    width,
    height,
    texts,
    center,
    missing: doc.href === undefined && !center,
    name: `${doc.code}, ${doc.caption}`,
  };
  if (doc.href !== undefined && !center) node.href = doc.href;
  return node;
}

const WIDE = { pad: 8, nodeW: 196, nodeH: 54, gapY: 14, colGap: 165, trunk: 22, code: 15 } as const;

function layoutWide(center: DiagramDocument, relations: readonly DiagramRelation[]): DiagramLayout {
  const { pad, nodeW, nodeH, gapY, colGap, trunk } = WIDE;
  const left = relations.filter((r) => r.direction === 'inverse');
  const right = relations.filter((r) => r.direction === 'forward');
  const colHeight = (n: number) => (n === 0 ? 0 : n * nodeH + (n - 1) * gapY);
  const height = Math.max(colHeight(left.length), colHeight(right.length), nodeH) + 2 * pad;
  const cx = pad + (left.length > 0 ? nodeW + colGap : 0);
  const cy = (height - nodeH) / 2;
  const rx = cx + nodeW + colGap;
  const width = (right.length > 0 ? rx + nodeW : cx + nodeW) + pad;
  const lines = (d: DiagramDocument) => [
    { text: d.code, size: WIDE.code, bold: true },
    { text: d.caption, size: SMALL, muted: true },
  ];
  const nodes: DiagramNode[] = [nodeOf(center, cx, cy, nodeW, nodeH, lines(center), true)];
  const edges: DiagramEdge[] = [];
  const mid = cy + nodeH / 2;
  const labelWidth = colGap - trunk - 16;

  left.forEach((r, i) => {
    const y = (height - colHeight(left.length)) / 2 + i * (nodeH + gapY);
    const x = pad;
    nodes.push(nodeOf(r, x, y, nodeW, nodeH, lines(r), false));
    const ny = y + nodeH / 2;
    const tx = cx - trunk;
    edges.push({
      d: `M${x + nodeW},${ny}H${tx}V${mid}H${cx}`,
      label: {
        text: fitText(r.verb.toLowerCase(), labelWidth, SMALL),
        x: x + nodeW + 6,
        y: ny - 6,
        size: SMALL,
        anchor: 'start',
      },
    });
  });
  right.forEach((r, i) => {
    const y = (height - colHeight(right.length)) / 2 + i * (nodeH + gapY);
    nodes.push(nodeOf(r, rx, y, nodeW, nodeH, lines(r), false));
    const ny = y + nodeH / 2;
    const tx = cx + nodeW + trunk;
    edges.push({
      d: `M${cx + nodeW},${mid}H${tx}V${ny}H${rx}`,
      label: {
        text: fitText(r.verb.toLowerCase(), labelWidth, SMALL),
        x: rx - 6,
        y: ny - 6,
        size: SMALL,
        anchor: 'end',
      },
    });
  });
  return { width, height, nodes, edges, minWidth: Math.ceil((width * READABLE) / SMALL) };
}

/** Incoming edges run down the outer trunk (inX), outgoing ones down the inner (outX), never merging. */
const NARROW = {
  width: 320,
  pad: 4,
  inX: 8,
  outX: 19,
  nodeX: 30,
  nodeH: 66,
  centerH: 54,
  gapY: 14,
  code: 15,
} as const;

function layoutNarrow(center: DiagramDocument, relations: readonly DiagramRelation[]): DiagramLayout {
  const { width, pad, inX, outX, nodeX, nodeH, centerH, gapY } = NARROW;
  const nodeW = width - nodeX - pad;
  const above = relations.filter((r) => r.direction === 'inverse');
  const below = relations.filter((r) => r.direction === 'forward');
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const lines = (r: DiagramRelation) => [
    { text: r.label, size: SMALL, muted: true },
    { text: r.code, size: NARROW.code, bold: true },
    { text: r.caption, size: SMALL, muted: true },
  ];
  let y = pad;
  const aboveY = above.map(() => {
    const at = y;
    y += nodeH + gapY;
    return at;
  });
  const cy = y;
  y += centerH + gapY;
  const belowY = below.map(() => {
    const at = y;
    y += nodeH + gapY;
    return at;
  });
  const height = y - gapY + pad;
  // The centre is entered from the left a little above its middle and left a little below, so the
  // arrowheads of incoming and outgoing edges never sit on top of each other.
  const inY = cy + centerH / 2 - 8;
  const outY = cy + centerH / 2 + 8;
  nodes.push(
    nodeOf(
      center,
      nodeX,
      cy,
      nodeW,
      centerH,
      [
        { text: center.code, size: NARROW.code, bold: true },
        { text: center.caption, size: SMALL, muted: true },
      ],
      true,
    ),
  );
  above.forEach((r, i) => {
    const top = aboveY[i] ?? 0;
    nodes.push(nodeOf(r, nodeX, top, nodeW, nodeH, lines(r), false));
    edges.push({ d: `M${nodeX},${top + nodeH / 2}H${inX}V${inY}H${nodeX}` });
  });
  below.forEach((r, i) => {
    const top = belowY[i] ?? 0;
    nodes.push(nodeOf(r, nodeX, top, nodeW, nodeH, lines(r), false));
    edges.push({ d: `M${nodeX},${outY}H${outX}V${top + nodeH / 2}H${nodeX}` });
  });
  return { width, height, nodes, edges, minWidth: Math.ceil((width * READABLE) / SMALL) };
}

/** Lays out the diagram of `center` and its relations in one variant. */
export function layoutRelationDiagram(
  center: DiagramDocument,
  relations: readonly DiagramRelation[],
  variant: 'wide' | 'narrow',
): DiagramLayout {
  return variant === 'wide' ? layoutWide(center, relations) : layoutNarrow(center, relations);
}

/**
 * A sentence per relation, for the diagram's `<desc>`: "21-NQ/TW (Nghị quyết · 16/06/2022) thay
 * thế 21-NQ/TW (Nghị quyết · 25/10/2017)." Read by screen readers in place of the drawing.
 */
export function describeRelations(center: DiagramDocument, relations: readonly DiagramRelation[]): string {
  const name = (d: DiagramDocument) => `${d.code} (${d.caption})`;
  return relations
    .map((r) =>
      r.direction === 'forward'
        ? `${name(center)} ${r.verb.toLowerCase()} ${name(r)}.`
        : `${name(r)} ${r.verb.toLowerCase()} ${name(center)}.`,
    )
    .join(' ');
}

/** A document's diagram box: its code, and its type and date. */
function diagramDocument(doc: KnownDocument, href?: string): DiagramDocument {
  const d: DiagramDocument = {
    code: doc.code,
    caption: `${DOCUMENT_TYPES[doc.type].label} · ${formatDate(doc.date)}`,
  };
  if (href !== undefined) d.href = href;
  return d;
}

/**
 * The diagram's content for a document and its relations (from the document graph). A related
 * document without a page keeps its code and date and says it has no page.
 */
export function diagramContent(
  doc: KnownDocument,
  relations: readonly RelationView[],
  href: (doc: KnownDocument) => string,
): { center: DiagramDocument; relations: DiagramRelation[] } {
  return {
    center: diagramDocument(doc),
    relations: relations.map((r) => {
      const other: DiagramDocument =
        r.other === null
          ? { code: r.code, caption: `${formatDate(r.date)} · chưa có trang` }
          : diagramDocument(r.other, href(r.other));
      return { ...other, direction: r.direction, verb: RELATION_KINDS[r.kind].forward, label: r.label };
    }),
  };
}
