/**
 * GFM column alignment (`| ---: |`) reaches the page as `style="text-align:right"` on table cells:
 * remark-rehype gives cells an `align` property and MDX compiles that into an inline style. The
 * site's Content-Security-Policy forbids inline styles, so the browser would ignore them and report
 * a violation. This hast transform turns either form into classes (`align-right`) styled in
 * global.css; Sätteri, the site's processor, writes the style directly and gets the same change
 * through {@link satteriTableAlign}.
 */
import type { Element, Root } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { visit } from 'unist-util-visit';

const ALIGN = /^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$/i;

/** What to change on one table cell: the properties to drop and the class list to set. */
export interface CellAlignment {
  /** Properties that carried the alignment (`align`, `style`), to remove. */
  remove: Array<'align' | 'style'>;
  /** The cell's classes with `align-left|right|center` added. */
  className: string[];
}

/**
 * The change one table cell needs, from its properties, or null when it is not aligned. Shared by
 * the hast transform below and the Sätteri plugin, which cannot mutate its read-only nodes.
 */
export function cellAlignment(properties: Readonly<Element['properties']>): CellAlignment | null {
  const { align, style } = properties;
  const value =
    typeof align === 'string' ? align : typeof style === 'string' ? ALIGN.exec(style)?.[1] : undefined;
  if (!value || !/^(left|right|center)$/i.test(value)) return null;
  const remove: CellAlignment['remove'] = [];
  if (align !== undefined) remove.push('align');
  if (typeof style === 'string' && ALIGN.test(style)) remove.push('style');
  const existing = properties.className;
  const classes = Array.isArray(existing)
    ? existing.map(String)
    : typeof existing === 'string'
      ? [existing]
      : [];
  return { remove, className: [...classes, `align-${value.toLowerCase()}`] };
}

/** Replaces `align` properties and `text-align` styles on `th`/`td` with `align-*` classes, in place. */
export function alignmentToClasses(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'th' && node.tagName !== 'td') return;
    const change = cellAlignment(node.properties);
    if (change === null) return;
    for (const key of change.remove) delete node.properties[key];
    node.properties.className = change.className;
  });
}

/** The transform as a rehype plugin for the unified Markdown processor. */
export function rehypeTableAlign() {
  return (tree: Root) => alignmentToClasses(tree);
}

/**
 * The same change as a Sätteri hast plugin (the site's processor). Sätteri writes cell alignment as
 * a `text-align` style; Rust hands over only `th` and `td` elements.
 */
export function satteriTableAlign(): HastPluginDefinition {
  return {
    name: 'so-tay-table-align',
    element: {
      filter: ['th', 'td'],
      visit(node, ctx) {
        const change = cellAlignment(node.properties);
        if (change === null) return;
        for (const key of change.remove) ctx.setProperty(node, key, undefined);
        ctx.setProperty(node, 'className', change.className);
      },
    },
  };
}
