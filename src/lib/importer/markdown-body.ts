/**
 * Converting imported text to Markdown that MDX compiles, whatever the text holds.
 *
 * Everything goes through a Markdown syntax tree (mdast): plain text is read into one here, line by
 * line; HTML (a saved page, or a Word file through mammoth) with `hast-util-from-html` and
 * `hast-util-to-mdast`, the unified collective's HTML-to-Markdown converter. The tree is written
 * out by `mdast-util-to-markdown` with the MDX and GFM extensions, which escape every character MDX
 * would read as syntax (`{`, `<`, `*`, a leading `#` or `---`…), so a text is never spliced into
 * Markdown by hand. Two things the serializer does not know are added: "import"/"export" starting a
 * line (MDX would read an ES module statement) and raw HTML nodes (made text).
 */
import type { Element, RootContent as HastContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString as mdastToString } from 'mdast-util-to-string';
import { isUpperCaseLine, untab, wordCount } from './raw-text.ts';

/** One block of imported text: its plain text (what the readers of headers and articles see) and its tree. */
export interface SourceBlock {
  /** The block's text on one line ('' for a blank line of a plain text). */
  text: string;
  /** The block as Markdown, when it came from HTML (lists, tables, emphasis kept). */
  node?: RootContent;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A plain text's lines as blocks, one per line, blank lines kept. */
export function blocksFromLines(lines: readonly string[]): SourceBlock[] {
  return lines.map((text) => ({ text }));
}

/** Whether a table of HTML is layout, not data: a document's header or signature set in two columns. */
function isLayoutTable(table: Element): boolean {
  const text = toText(table);
  return /ĐẢNG\s*CỘNG\s*SẢN\s*VIỆT\s*NAM|(?<!\p{Ll})(?:Số|SỐ)\s*:?\s*\d+\s*-|T\s*\/\s*M\s|TM\.|Nơi nhận|CỘNG\s*HÒA\s*XÃ\s*HỘI/u.test(
    text,
  );
}

/**
 * Replaces layout tables by their cells' paragraphs, cell after cell, row after row: the two columns
 * of a header then read one after the other, as in a copy from a portal.
 */
function flattenLayoutTables(parent: HastRoot | Element): void {
  const out: HastContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'element' && child.tagName === 'table' && isLayoutTable(child)) {
      for (const cell of selectAll(child, (e) => e.tagName === 'td' || e.tagName === 'th')) {
        const paragraphs = selectAll(cell, (e) => e.tagName === 'p');
        const parts = paragraphs.length > 0 ? paragraphs : [cell];
        for (const p of parts)
          out.push({ type: 'element', tagName: 'p', properties: {}, children: p.children });
      }
      continue;
    }
    if (child.type === 'element') flattenLayoutTables(child);
    out.push(child as HastContent);
  }
  parent.children = out as typeof parent.children;
}

function selectAll(root: Element, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      else walk(child);
    }
  };
  walk(root);
  return found;
}

/**
 * HTML (a fragment or a whole page's article) as blocks: each top-level Markdown block with its text.
 * Images, scripts and styles are dropped; links keep their text only, since a draft's links would
 * point at the outlet's site.
 */
export function blocksFromHtml(html: string): SourceBlock[] {
  const hast = fromHtml(html, { fragment: true });
  flattenLayoutTables(hast);
  const mdast = toMdast(hast) as Root;
  const blocks: SourceBlock[] = [];
  for (const node of mdast.children) {
    const clean = plainInline(node);
    if (clean === null) continue;
    // A paragraph with line breaks (<br>) is several lines of text, as a copy would give.
    if (clean.type === 'paragraph' && clean.children.some((c) => c.type === 'break')) {
      for (const line of mdastToString(clean, { includeHtml: false }).split('\n'))
        blocks.push({ text: line.trim() });
      continue;
    }
    const text = mdastToString(clean, { includeHtml: false }).replace(/\s+/g, ' ').trim();
    if (text === '' && clean.type !== 'table') continue;
    blocks.push({ text, node: clean });
  }
  return blocks;
}

/** A node without images, raw HTML or links (their text kept); null when nothing is left. */
function plainInline<T extends RootContent>(node: T): T | null {
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'definition') return null;
  if (node.type === 'html') return { type: 'text', value: node.value } as unknown as T;
  if (!('children' in node)) return node;
  const children: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    if (child.type === 'link' || child.type === 'linkReference') {
      for (const c of child.children) {
        const kept = plainInline(c as RootContent);
        if (kept !== null) children.push(kept);
      }
      continue;
    }
    const kept = plainInline(child);
    if (kept !== null) children.push(kept);
  }
  return { ...node, children } as T;
}

// ---------------------------------------------------------------------------------------------
// Structure of a document's body

/** "I. …", "II. …", "Phần thứ nhất", "PHẦN I", "Chương II": a part of the document. */
const PART = /^(?:[IVXLC]+\s*[.)]\s+\S|phần\s+(?:thứ\s+)?[\p{L}IVXLC\d]+|chương\s+[IVXLC\d]+)/iu;
/** "1. Kết quả đạt được", "2.3. …": a numbered item, a heading when short. */
const NUMBERED = /^\d+(?:\.\d+)*\s*[.)]\s+\S/u;
/** "Điều 1. Phạm vi điều chỉnh". */
const ARTICLE = /^điều\s+\d+\s*[.:]/iu;
/** A list item of a plain text. */
const BULLET = /^[-+•*–]\s+(.*)$/u;
/** A row of a pipe table. */
const PIPE_ROW = /^\|.*\|$/u;

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [text(value)] };
}

function heading(depth: 2 | 3 | 4, value: string): Heading {
  return { type: 'heading', depth, children: [text(value)] };
}

/** Splits a pipe-table row into cells, honouring `\|` inside a cell. */
function pipeCells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, '|').trim());
}

function tableOf(rows: readonly string[][]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const tableRows: TableRow[] = rows.map((r) => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i) => ({ type: 'tableCell', children: [text(r[i] ?? '')] })),
  }));
  return { type: 'table', align: [], children: tableRows };
}

/**
 * A block of a document's text as Markdown: parts as level-2 headings, short numbered items and
 * articles (Điều) as level-3, a standalone line in capitals as a level-2 heading, anything else a
 * paragraph. Long numbered items stay paragraphs so their numbers are kept exactly as written.
 */
function structureLine(line: string): RootContent {
  const plain = untab(line);
  const short = wordCount(plain) <= 20 && !/[.;:]$/u.test(plain);
  if (PART.test(plain) && wordCount(plain) <= 30) return heading(2, plain);
  if (ARTICLE.test(plain) && wordCount(plain) <= 25) return heading(3, plain);
  if (NUMBERED.test(plain) && short) return heading(/^\d+\.\d+/.test(plain) ? 4 : 3, plain);
  if (isUpperCaseLine(plain) && short && wordCount(plain) >= 2) return heading(2, plain);
  return paragraph(plain);
}

/**
 * A document's body blocks as a Markdown tree. Plain lines are structured (parts, items, lists,
 * pipe or tab-separated tables); blocks from HTML keep their own tree, except that a paragraph is
 * structured like a line when it reads as a heading.
 */
export function documentTree(blocks: readonly SourceBlock[]): Root {
  const children: RootContent[] = [];
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i] as SourceBlock;
    const line = block.text;
    if (block.node !== undefined) {
      if (block.node.type === 'paragraph') {
        const structured = structureLine(line);
        children.push(structured.type === 'heading' ? structured : block.node);
      } else if (block.node.type === 'heading') {
        children.push({ ...block.node, depth: Math.min(Math.max(block.node.depth, 2), 4) as 2 | 3 | 4 });
      } else children.push(block.node);
      i++;
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    // A pipe table: its rows, without the |---| separator row.
    if (PIPE_ROW.test(line.trim())) {
      const rows: string[][] = [];
      while (
        i < blocks.length &&
        blocks[i]?.node === undefined &&
        PIPE_ROW.test((blocks[i]?.text ?? '').trim())
      ) {
        const cells = pipeCells((blocks[i]?.text ?? '').trim());
        if (!cells.every((c) => /^:?-{1,}:?$/.test(c))) rows.push(cells);
        i++;
      }
      if (rows.length > 0) children.push(tableOf(rows));
      continue;
    }
    // Tab-separated rows (a table copied from a word processor): two or more in a row.
    if (line.includes('\t')) {
      const rows: string[][] = [];
      while (i < blocks.length && blocks[i]?.node === undefined && (blocks[i]?.text ?? '').includes('\t')) {
        rows.push((blocks[i]?.text ?? '').split('\t').map((c) => c.trim()));
        i++;
      }
      if (rows.length >= 2) children.push(tableOf(rows));
      else for (const r of rows) children.push(paragraph(r.join(' ')));
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet !== null) {
      const list: List = { type: 'list', ordered: false, spread: false, children: [] };
      while (i < blocks.length && blocks[i]?.node === undefined) {
        const item = BULLET.exec(untab(blocks[i]?.text ?? ''));
        if (item === null) break;
        list.children.push({ type: 'listItem', spread: false, children: [paragraph(item[1] ?? '')] });
        i++;
      }
      children.push(list);
      continue;
    }
    children.push(structureLine(line));
    i++;
  }
  return { type: 'root', children };
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * "import" or "export" starting a line would open an ES module statement in MDX; the serializer
 * writes the first letter as a character reference there (`&#x69;mport`), which reads back as text.
 */
const MDX_ESM_UNSAFE = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
  { character: 'I', atBreak: true, after: 'mport\\b' },
  { character: 'E', atBreak: true, after: 'xport\\b' },
];

/**
 * Writes a Markdown tree as MDX-safe Markdown. Text is escaped wherever MDX or Markdown would read
 * it as syntax, so the page shows exactly the text of the tree.
 */
export function treeToMdx(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [mdxToMarkdown(), gfmToMarkdown()],
    unsafe: MDX_ESM_UNSAFE,
    bullet: '-',
    emphasis: '_',
    strong: '*',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
    tightDefinitions: true,
  });
}

/** Paragraphs and headings of an article as a Markdown tree. */
export function articleTree(blocks: ReadonlyArray<{ kind: 'heading' | 'paragraph'; text: string }>): Root {
  return {
    type: 'root',
    children: blocks.map((b) =>
      b.kind === 'heading' ? heading(2, untab(b.text)) : paragraph(untab(b.text)),
    ),
  };
}
