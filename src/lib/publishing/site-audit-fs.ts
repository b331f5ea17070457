/** Walks a built site folder and audits each file with the pure checks of site-audit.ts. */
import fs from 'node:fs';
import path from 'node:path';
import {
  type AuditContext,
  type AuditIssue,
  auditCss,
  auditHtml,
  auditRobots,
  auditXml,
} from './site-audit.ts';

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Audits every HTML page, stylesheet, sitemap, feed and robots.txt in a built site folder, but the
 * files in `skip` (relative, `/`-separated: pages an earlier build audited unchanged).
 * Returns the issues, sorted by file and line; an empty list means the site is fit to publish.
 */
export function auditBuiltSite(
  dir: string,
  ctx: AuditContext,
  skip: ReadonlySet<string> = new Set(),
): AuditIssue[] {
  const issues: AuditIssue[] = [];
  for (const full of walk(dir)) {
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (skip.has(rel)) continue;
    const ext = path.extname(full).toLowerCase();
    if (ext === '.html') issues.push(...auditHtml(fs.readFileSync(full, 'utf8'), ctx, rel));
    else if (ext === '.css') issues.push(...auditCss(fs.readFileSync(full, 'utf8'), ctx, rel));
    else if (ext === '.xml') issues.push(...auditXml(fs.readFileSync(full, 'utf8'), ctx, rel));
    else if (rel === 'robots.txt') issues.push(...auditRobots(fs.readFileSync(full, 'utf8'), ctx, rel));
  }
  return issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
