import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import writeFileAtomic from 'write-file-atomic';
import type { PageWorker } from '../lib/content/page-worker-fs.ts';
import { type EarlyAuditResult, startEarlyAudit } from '../lib/publishing/early-audit-fs.ts';
import { byPlace, formatAuditIssues } from '../lib/publishing/site-audit.ts';
import { auditBuiltSiteInParallel } from '../lib/publishing/site-audit-fs.ts';
import type { RenderedPageListener } from './page-reuse.ts';

/** Options of {@link createSiteFiles}. */
export interface SiteFilesOptions {
  /**
   * Files (relative to the output folder) not to audit again: pages taken unchanged from the last
   * build, which audited them with the same code and settings (src/integrations/page-reuse.ts).
   * Called when the build is done, so the set may be made during the build.
   */
  alreadyAudited?: () => ReadonlySet<string>;
}

/** The integration, and the listener that audits pages as Astro renders them (for createPageReuse()). */
export interface SiteFiles {
  integration: AstroIntegration;
  /** Audits each page as it is rendered, on a worker thread (src/lib/publishing/early-audit-fs.ts). */
  listener: RenderedPageListener;
}

/**
 * Finishes the output folder once Astro and @astrojs/sitemap have written it (so list this after
 * `sitemap()`):
 *
 * - `sitemap.xml`: the layout links it, but @astrojs/sitemap only writes `sitemap-index.xml` and
 *   `sitemap-N.xml`; a copy of the index under the conventional name serves both.
 * - `robots.txt`, pointing at that sitemap with its absolute URL (the `Sitemap:` line must be absolute).
 * - then audits the whole folder (see src/lib/publishing/site-audit.ts) and fails the build on any URL that
 *   ignores the base path, loads from another host or would break under the Content-Security-Policy.
 *   The pages Astro rendered were audited as it rendered them (`listener`); the rest is read here.
 */
export function createSiteFiles(options: SiteFilesOptions = {}): SiteFiles {
  let site = '';
  let base = '/';
  let early: PageWorker<EarlyAuditResult> | undefined;
  let earlyFailure: string | undefined;
  const listener: RenderedPageListener = {
    page(file, body) {
      early ??= startEarlyAudit({ site, base }, (why) => {
        earlyFailure = why;
      });
      early.add(file, body);
    },
    // Awaited in astro:build:done instead, so the worker goes on while the sitemap is written.
    done: () => Promise.resolve(),
  };
  const integration: AstroIntegration = {
    name: 'so-tay:site-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site ? new URL(base, config.site).href : '';
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const index = path.join(outDir, 'sitemap-index.xml');
        if (!fs.existsSync(index)) {
          throw new Error(
            'Không thấy sitemap-index.xml: hãy đặt sitemap() trước siteFiles.integration trong astro.config.mjs.',
          );
        }
        writeFileAtomic.sync(path.join(outDir, 'sitemap.xml'), fs.readFileSync(index));
        writeFileAtomic.sync(
          path.join(outDir, 'robots.txt'),
          `# Sổ tay xây dựng Đảng\nUser-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', site).href}\n`,
        );
        const audited = early === undefined ? null : await early.finish();
        if (early !== undefined && audited === null)
          logger.warn(
            `Luồng kiểm tra trang trong lúc tạo trang dừng giữa chừng (${earlyFailure}); kiểm tra lại mọi trang.`,
          );
        const skip = new Set([...(options.alreadyAudited?.() ?? []), ...(audited?.files ?? [])]);
        const issues = await auditBuiltSiteInParallel(outDir, { site, base }, skip, (why) =>
          logger.warn(`Luồng thứ hai của bước kiểm tra không chạy được (${why}); kiểm tra trên một luồng.`),
        );
        issues.push(...(audited?.issues ?? []));
        if (issues.length > 0) {
          throw new Error(
            `Trang đã build có ${issues.length} lỗi đường dẫn hoặc mã nội tuyến (sẽ hỏng khi phục vụ dưới ${base} hoặc bị CSP chặn):\n${formatAuditIssues(issues.sort(byPlace))}`,
          );
        }
        logger.info(`Đã kiểm tra đường dẫn của trang dưới ${base}: không có lỗi.`);
      },
    },
  };
  return { integration, listener };
}
