/** Walks a built site folder and audits each file with the pure checks of site-audit.ts. */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  type AuditContext,
  type AuditIssue,
  auditCss,
  auditHtml,
  auditRobots,
  auditXml,
  byPlace,
} from './site-audit.ts';

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** The files of a built site folder the audit reads, relative with `/`, but those in `skip`. */
function filesToAudit(dir: string, skip: ReadonlySet<string>): string[] {
  const files: string[] = [];
  for (const full of walk(dir)) {
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (!skip.has(rel) && (/\.(?:html|css|xml)$/i.test(rel) || rel === 'robots.txt')) files.push(rel);
  }
  return files;
}

/** Audits the given files of a built site folder (relative paths, as {@link filesToAudit} gives). */
export function auditFiles(dir: string, files: readonly string[], ctx: AuditContext): AuditIssue[] {
  const issues: AuditIssue[] = [];
  for (const rel of files) {
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    const ext = path.extname(rel).toLowerCase();
    if (ext === '.html') issues.push(...auditHtml(text, ctx, rel));
    else if (ext === '.css') issues.push(...auditCss(text, ctx, rel));
    else if (ext === '.xml') issues.push(...auditXml(text, ctx, rel));
    else if (rel === 'robots.txt') issues.push(...auditRobots(text, ctx, rel));
  }
  return issues;
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
  return auditFiles(dir, filesToAudit(dir, skip), ctx).sort(byPlace);
}

/** Below this many files a second thread costs more than it saves. */
const PARALLEL_FROM = 2000;

/**
 * {@link auditBuiltSite} on two threads: every second file is read by a worker
 * (site-audit-worker-fs.ts) while this thread reads the others. At 10,000 pages the audit took
 * 6 s on one thread. Should the worker fail to start, its files are audited here: none is skipped.
 */
export async function auditBuiltSiteInParallel(
  dir: string,
  ctx: AuditContext,
  skip: ReadonlySet<string> = new Set(),
  onWorkerFailure: (why: string) => void = () => {},
): Promise<AuditIssue[]> {
  const files = filesToAudit(dir, skip);
  if (files.length < PARALLEL_FROM) return auditFiles(dir, files, ctx).sort(byPlace);
  const theirs = files.filter((_, i) => i % 2 === 1);
  const ours = files.filter((_, i) => i % 2 === 0);
  const worker = new Worker(new URL('./site-audit-worker-fs.ts', import.meta.url), {
    workerData: { dir, files: theirs, ctx },
  });
  const fromWorker = new Promise<AuditIssue[]>((resolve) => {
    let settled = false;
    const inThisThread = (why: string) => {
      if (settled) return;
      settled = true;
      onWorkerFailure(why);
      resolve(auditFiles(dir, theirs, ctx));
    };
    worker.once('message', (issues: AuditIssue[]) => {
      settled = true;
      resolve(issues);
    });
    worker.once('error', (err) => inThisThread(err.message));
    worker.once('exit', (code) => inThisThread(`exit code ${code}`));
  });
  const here = auditFiles(dir, ours, ctx);
  const there = await fromWorker;
  await worker.terminate();
  return [...here, ...there].sort(byPlace);
}
