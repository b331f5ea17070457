/**
 * The link transform: every mention of a known document in a page body becomes a link to its page.
 * One pure function over the Markdown syntax tree (mdast), so it is tested once on its own and any
 * processor can wrap it: the remark plugin and the Sätteri plugin in `src/lib/markdown/link-codes-fs.ts`
 * are a few lines each.
 *
 * {@link linkCodes} does not change the tree it is given: it returns edits (a text node and the
 * nodes that replace it) and every mention it saw, resolved. {@link applyLinkEdits} applies the
 * edits where the processor lets a plugin change the tree in place.
 *
 * Which mentions become links:
 * - text in paragraphs, lists, tables, block quotes, footnotes and MDX components;
 * - never in headings (a heading is a title, and a link there would steal the table of contents'
 *   focus), inside an existing link, in inline code or code blocks, or in MDX expressions;
 * - never the page's own document, nor a mention that is unknown or ambiguous (those are reported by
 *   `npm run check` from the same resolver).
 * Headings and existing links are still read, so "Nghị quyết số 21" after a heading naming 21-NQ/TW
 * settles as that code.
 */
import type { Link, Nodes, Parents, PhrasingContent, Root, Text } from 'mdast';
// The MDX node types (mdxJsxTextElement…) join mdast's through this package's type declarations.
import type { MdxJsxTextElement } from 'mdast-util-mdx';
import {
  type CitingPage,
  type DocumentIndex,
  documentLabel,
  type KnownDocument,
  type MentionOutcome,
  resolveMention,
} from './document-registry.ts';
import { createMentionScanner } from './mention-scanner.ts';

/** What the transform needs besides the tree. */
export interface LinkContext {
  /** Known documents. */
  index: DocumentIndex;
  /** The page being transformed. */
  page: CitingPage;
  /** URL of a document's page, with the site's base path. */
  href: (doc: KnownDocument) => string;
}

/** Where in the tree a mention stood. */
export type MentionPlace = 'text' | 'heading' | 'link';

/** One mention found in the tree, resolved. */
export interface TreeMention {
  /** The mention as written: "21-NQ/TW", "Nghị quyết số 21". */
  text: string;
  /** How it resolved. */
  outcome: MentionOutcome;
  /** Where it stood: only mentions in running text (`text`) are linked. */
  place: MentionPlace;
  /** Whether it became a link. */
  linked: boolean;
  /** 1-based line in the parsed source, when the tree carries positions. */
  line?: number;
  /** 1-based column in the parsed source, when the tree carries positions. */
  column?: number;
}

/** Replace `node`, a child of `parent`, by `replacement`. */
export interface TextEdit {
  parent: Parents;
  node: Text;
  replacement: PhrasingContent[];
}

/** Result of {@link linkCodes}. */
export interface LinkResult {
  /** Edits that turn mentions into links, in document order. */
  edits: TextEdit[];
  /** Every mention, in document order. */
  mentions: TreeMention[];
}

/** Elements whose text is read but never linked. */
function placeOf(node: Parents): MentionPlace | null {
  switch (node.type) {
    case 'heading':
      return 'heading';
    case 'link':
    case 'linkReference':
      return 'link';
    case 'mdxJsxTextElement':
    case 'mdxJsxFlowElement':
      // A raw <a> written in MDX is a link like any other; components wrap prose and are linked into.
      return (node satisfies Pick<MdxJsxTextElement, 'name'>).name === 'a' ? 'link' : null;
    default:
      return null;
  }
}

/** The link a mention becomes. The title names the document and its date for a hover or a screen reader. */
function linkTo(doc: KnownDocument, text: string, href: string): Link {
  return { type: 'link', url: href, title: linkTitle(doc), children: [{ type: 'text', value: text }] };
}

/** Link titles by document, built once per build: a page links the same few documents many times. */
const titles = new WeakMap<KnownDocument, string>();
function linkTitle(doc: KnownDocument): string {
  let title = titles.get(doc);
  if (title === undefined) {
    title = `${documentLabel(doc)}: ${doc.title}`;
    titles.set(doc, title);
  }
  return title;
}

/** Line and column of `offset` inside a text node that starts at `start`. */
function pointIn(node: Text, offset: number): { line: number; column: number } | null {
  const start = node.position?.start;
  if (start === undefined) return null;
  let line = start.line;
  let lineStart = -1;
  for (let i = node.value.indexOf('\n'); i !== -1 && i < offset; i = node.value.indexOf('\n', i + 1)) {
    line++;
    lineStart = i;
  }
  return { line, column: lineStart === -1 ? start.column + offset : offset - lineStart };
}

/** The per-page state of the transform, fed one text node at a time in reading order. */
export interface TextLinker {
  /**
   * Finds, resolves and records the mentions in one text node; returns the nodes that replace it
   * (text and links), or null when it stays as it is. `place` may be a function: it is then asked
   * only when the node mentions a document, which spares processors a walk up the tree for the many
   * text nodes that mention none.
   */
  text(node: Text, place: MentionPlace | (() => MentionPlace)): PhrasingContent[] | null;
  /** Every mention seen so far, in reading order. */
  readonly mentions: readonly TreeMention[];
}

/**
 * The transform one text node at a time, for processors that hand a plugin the text nodes of a page
 * in reading order (Sätteri's `text` visitor) rather than a tree. {@link linkCodes} is this linker
 * driven by a walk over an mdast tree, so both make the same links.
 */
export function createTextLinker(ctx: LinkContext): TextLinker {
  const scanner = createMentionScanner({ known: ctx.page.known });
  const mentions: TreeMention[] = [];
  return {
    mentions,
    text(node, placeOrAsk) {
      // Every text node is scanned, even where nothing is linked: a code in a heading settles a
      // later short mention.
      const found = scanner.scan(node.value);
      if (found.length === 0) return null;
      const place = typeof placeOrAsk === 'string' ? placeOrAsk : placeOrAsk();
      const pieces: PhrasingContent[] = [];
      let done = 0;
      for (const m of found) {
        const outcome = resolveMention(ctx.index, m, ctx.page);
        const linked = place === 'text' && outcome.kind === 'document';
        const mention: TreeMention = { text: m.text, outcome, place, linked };
        const point = pointIn(node, m.start);
        if (point !== null) {
          mention.line = point.line;
          mention.column = point.column;
        }
        mentions.push(mention);
        if (linked && outcome.kind === 'document') {
          if (m.start > done) pieces.push({ type: 'text', value: node.value.slice(done, m.start) });
          pieces.push(linkTo(outcome.doc, m.text, ctx.href(outcome.doc)));
          done = m.end;
        }
      }
      if (pieces.length === 0) return null;
      if (done < node.value.length) pieces.push({ type: 'text', value: node.value.slice(done) });
      return pieces;
    },
  };
}

/** Blocks that hold text directly: no heading or Markdown link can stand above them. */
const TEXT_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'tableCell']);

/** Options of {@link placeAmong}. */
export interface PlaceOptions {
  /**
   * Whether the page may wrap whole paragraphs in an MDX `<a>` (a flow element). When it cannot
   * (its source has no `<a`), the walk stops at the paragraph or table cell holding the text, since
   * nothing above it can make a link or a heading; that spares a processor fetching every ancestor
   * up to the root. Default true: walk to the root.
   */
  flowLinks?: boolean;
}

/**
 * Where a text node stands, from its ancestors nearest first: in a heading, a link, or running text.
 * The ancestors are read lazily, so a processor may pass a generator that fetches them one by one.
 */
export function placeAmong(ancestors: Iterable<Parents>, options: PlaceOptions = {}): MentionPlace {
  for (const a of ancestors) {
    const place = placeOf(a);
    if (place !== null) return place;
    if (options.flowLinks === false && TEXT_BLOCKS.has(a.type)) return 'text';
  }
  return 'text';
}

/**
 * Finds and resolves every document mention in `tree` for one page and plans the links. Linear in
 * the size of the tree: each text node is scanned once, in reading order, by one mention scanner
 * (which is what lets a later short mention use a code written earlier on the page).
 */
export function linkCodes(tree: Root, ctx: LinkContext): LinkResult {
  const linker = createTextLinker(ctx);
  const edits: TextEdit[] = [];
  const walk = (parent: Parents, place: MentionPlace): void => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        const replacement = linker.text(child, place);
        if (replacement !== null) edits.push({ parent, node: child, replacement });
      } else if ('children' in child) walk(child, place === 'text' ? (placeOf(child) ?? 'text') : place);
      // Nodes with a `value` instead of children (code, inlineCode, html, MDX expressions and ESM)
      // are literal: not read at all.
    }
  };
  walk(tree, 'text');
  return { edits, mentions: [...linker.mentions] };
}

/**
 * Applies the edits of {@link linkCodes} to the tree they were planned on, in place. For processors
 * whose plugins change the tree directly (unified); edits of one parent are applied together.
 */
export function applyLinkEdits(edits: readonly TextEdit[]): void {
  const byParent = new Map<Parents, Map<Text, PhrasingContent[]>>();
  for (const e of edits) {
    let m = byParent.get(e.parent);
    if (m === undefined) {
      m = new Map();
      byParent.set(e.parent, m);
    }
    m.set(e.node, e.replacement);
  }
  for (const [parent, replacements] of byParent) {
    const next: Nodes[] = [];
    for (const child of parent.children) {
      const r = child.type === 'text' ? replacements.get(child) : undefined;
      if (r === undefined) next.push(child);
      else next.push(...r);
    }
    // Text only ever sits where phrasing content may, so the replacement fits the parent's children.
    (parent as { children: Nodes[] }).children = next;
  }
}

/**
 * Whether the link transform and the document graph run. `SO_TAY_DISABLE_LINKS=1` turns both off so
 * the benchmark can time a build with and without them; it is not meant for a published site.
 */
export function linksEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SO_TAY_DISABLE_LINKS !== '1';
}
