/**
 * Checks a built site for the mistakes that only show once it is served from a sub-path of an
 * intranet server behind a strict Content-Security-Policy, one check per file in audit/:
 *
 * - audit/urls.ts: every URL, read as a browser reads it, uses a scheme the site uses, stays under the
 *   base path on our host, and loads nothing from another host;
 * - audit/external-links.ts: links to other hosts are marked `rel="external noopener noreferrer"`;
 * - audit/inline-code.ts: no inline code the CSP forbids (`<script>` bodies, `on…=`, `<style>`,
 *   `style=`, `srcdoc`);
 * - audit/css.ts: the URLs of stylesheets;
 * - audit/feeds.ts: sitemap, RSS and robots.txt URLs are absolute URLs under the configured site.
 *
 * This file is the runner and the one import for callers. Pure; `auditBuiltSite` (site-audit-fs.ts)
 * walks an output folder.
 */
import { checkExternalLinks, missingRel, missingRelMessage } from './audit/external-links.ts';
import { checkInlineCode } from './audit/inline-code.ts';
import { type AuditContext, type AuditIssue, type HtmlCheck, runHtmlChecks } from './audit/page.ts';
import { checkUrls, type UrlKind, urlProblem } from './audit/urls.ts';

export { auditCss } from './audit/css.ts';
export { auditRobots, auditXml } from './audit/feeds.ts';
export type { AuditContext, AuditIssue, HtmlCheck } from './audit/page.ts';
export type { UrlKind } from './audit/urls.ts';

/** The checks every built page goes through, in the order they are listed. */
export const HTML_CHECKS: readonly HtmlCheck[] = [checkUrls, checkExternalLinks, checkInlineCode];

/** Checks one HTML page. */
export function auditHtml(html: string, ctx: AuditContext, file = '', checks = HTML_CHECKS): AuditIssue[] {
  return runHtmlChecks(html, ctx, file, checks);
}

/**
 * Judges one URL as the page checks do: null when it is fine, else what is wrong. For a link
 * (`navigation`) to another host, `rel` are its rel tokens, which must mark it external.
 */
export function checkUrl(
  raw: string,
  kind: UrlKind,
  ctx: AuditContext,
  rel: readonly string[] = [],
): string | null {
  const problem = urlProblem(raw, kind, ctx);
  if (problem !== null || kind !== 'navigation') return problem;
  const missing = missingRel(raw, rel, new URL(ctx.site));
  return missing.length === 0 ? null : missingRelMessage(raw, missing);
}

/** Orders issues by file, then line: the order every audit reports them in (`issues.sort(byPlace)`). */
export function byPlace(a: AuditIssue, b: AuditIssue): number {
  return a.file.localeCompare(b.file) || a.line - b.line;
}

/** Formats issues as `file:line  message` lines for a terminal. */
export function formatAuditIssues(issues: readonly AuditIssue[]): string {
  return issues.map((i) => `${i.file}:${i.line}  ${i.message}`).join('\n');
}
