/**
 * GFM column alignment (`| ---: |`) reaches the page as `style="text-align:right"` on table cells:
 * remark-rehype gives cells an `align` property and MDX compiles that into an inline style. The
 * site's Content-Security-Policy forbids inline styles, so the browser would ignore them and report
 * a violation. This hast transform turns either form into classes (`align-right`) styled in
 * global.css.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const ALIGN = /^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$/i;

/** Replaces `align` properties and `text-align` styles on `th`/`td` with `align-*` classes, in place. */
export function alignmentToClasses(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'th' && node.tagName !== 'td') return;
    const { align, style } = node.properties;
    const value =
      typeof align === 'string' ? align : typeof style === 'string' ? ALIGN.exec(style)?.[1] : undefined;
    if (!value || !/^(left|right|center)$/i.test(value)) return;
    delete node.properties.align;
    if (typeof style === 'string' && ALIGN.test(style)) delete node.properties.style;
    const existing = node.properties.className;
    const classes = Array.isArray(existing)
      ? existing.map(String)
      : typeof existing === 'string'
        ? [existing]
        : [];
    node.properties.className = [...classes, `align-${value.toLowerCase()}`];
  });
}

/** The transform as a rehype plugin for the unified Markdown processor. */
export function rehypeTableAlign() {
  return (tree: Root) => alignmentToClasses(tree);
}
