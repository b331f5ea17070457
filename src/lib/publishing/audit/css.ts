/**
 * Check of a stylesheet: its URLs (`url()`, `@import`) obey the same rules as a page's images
 * (urls.ts): on the site and under its base path, or `data:`.
 */
import * as csstree from 'css-tree';
import type { AuditContext, AuditIssue } from './page.ts';
import { urlProblem } from './urls.ts';

/** Checks the URLs of a stylesheet. `firstLine` is the line of its first line in the file. */
export function auditCss(css: string, ctx: AuditContext, file = '', firstLine = 1): AuditIssue[] {
  const issues: AuditIssue[] = [];
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(css, { positions: true, parseValue: true });
  } catch (err) {
    return [{ file, line: firstLine, message: `CSS không đọc được: ${(err as Error).message}` }];
  }
  const site = new URL(ctx.site);
  const report = (value: string, node: csstree.CssNode) => {
    const message = urlProblem(value, 'image', ctx, site);
    if (message) issues.push({ file, line: firstLine - 1 + (node.loc?.start.line ?? 1), message });
  };
  csstree.walk(ast, (node) => {
    if (node.type === 'Url') report(node.value, node);
    // `@import "x.css"` has a plain string, not url().
    if (
      node.type === 'Atrule' &&
      node.name.toLowerCase() === 'import' &&
      node.prelude?.type === 'AtrulePrelude'
    ) {
      const first = node.prelude.children.first;
      if (first?.type === 'String') report(first.value, node);
    }
  });
  return issues;
}
