/**
 * The worker thread of early-audit-fs.ts: audits each page it is sent with the checks of
 * site-audit.ts and, at the end, posts back the pages it audited and what it found. A check that
 * throws stops the worker: the integration then audits every file itself.
 */
import { workerData } from 'node:worker_threads';
import { servePages } from '../content/page-worker-fs.ts';
import type { EarlyAuditResult } from './early-audit-fs.ts';
import { type AuditContext, auditHtml } from './site-audit.ts';

const { ctx } = workerData as { ctx: AuditContext };
const result: EarlyAuditResult = { files: [], issues: [] };

servePages(
  (file, html) => {
    result.issues.push(...auditHtml(html, ctx, file));
    result.files.push(file);
  },
  () => result,
);
