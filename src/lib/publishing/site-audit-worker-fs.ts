/**
 * The second thread of `auditBuiltSiteInParallel` (site-audit-fs.ts): audits the files it is
 * given and posts the issues back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditContext } from './site-audit.ts';
import { auditFiles } from './site-audit-fs.ts';

const { dir, files, ctx } = workerData as { dir: string; files: string[]; ctx: AuditContext };
parentPort?.postMessage(auditFiles(dir, files, ctx));
