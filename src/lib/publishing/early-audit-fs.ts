/**
 * The build audit of the pages Astro renders, done as they are rendered, on a worker thread
 * (src/lib/content/page-worker-fs.ts), instead of reading every page back once the build is done:
 * 4 s at 10,000 pages on two threads, with the rest of the build waiting. The checks are the same
 * (`auditHtml`, site-audit.ts) on the same bytes, those Astro then writes; the so-tay:site-files
 * integration audits only the files the worker did not see (stylesheets, sitemaps, robots.txt, the
 * 404 page, pages taken from the last build are skipped as before), and all of them when the worker
 * failed.
 */
import { type PageWorker, startPageWorker } from '../content/page-worker-fs.ts';
import type { AuditContext, AuditIssue } from './site-audit.ts';

/** What the worker audited, and what it found. */
export interface EarlyAuditResult {
  /** Pages audited, relative to the output folder with `/`. */
  files: string[];
  /** Their issues. */
  issues: AuditIssue[];
}

/** Starts auditing rendered pages on a worker thread (which starts with the first page). */
export function startEarlyAudit(
  ctx: AuditContext,
  onFailure: (why: string) => void = () => {},
): PageWorker<EarlyAuditResult> {
  return startPageWorker(
    new URL('./early-audit-worker-fs.ts', import.meta.url),
    { ctx },
    { files: [], issues: [] },
    onFailure,
  );
}
