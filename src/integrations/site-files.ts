import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import writeFileAtomic from 'write-file-atomic';
import { formatAuditIssues } from '../lib/publishing/site-audit.ts';
import { auditBuiltSiteInParallel } from '../lib/publishing/site-audit-fs.ts';

/** Options of {@link siteFilesIntegration}. */
export interface SiteFilesOptions {
  /**
   * Files (relative to the output folder) not to audit again: pages taken unchanged from the last
   * build, which audited them with the same code and settings (src/integrations/page-reuse.ts).
   * Read when the build is done, so it may be filled during the build.
   */
  alreadyAudited?: ReadonlySet<string>;
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
 */
export function siteFilesIntegration(options: SiteFilesOptions = {}): AstroIntegration {
  let site = '';
  let base = '/';
  return {
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
            'Không thấy sitemap-index.xml: hãy đặt sitemap() trước siteFilesIntegration() trong astro.config.mjs.',
          );
        }
        writeFileAtomic.sync(path.join(outDir, 'sitemap.xml'), fs.readFileSync(index));
        writeFileAtomic.sync(
          path.join(outDir, 'robots.txt'),
          `# Sổ tay xây dựng Đảng\nUser-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', site).href}\n`,
        );
        const issues = await auditBuiltSiteInParallel(outDir, { site, base }, options.alreadyAudited, (why) =>
          logger.warn(`Luồng thứ hai của bước kiểm tra không chạy được (${why}); kiểm tra trên một luồng.`),
        );
        if (issues.length > 0) {
          throw new Error(
            `Trang đã build có ${issues.length} lỗi đường dẫn hoặc mã nội tuyến (sẽ hỏng khi phục vụ dưới ${base} hoặc bị CSP chặn):\n${formatAuditIssues(issues)}`,
          );
        }
        logger.info(`Đã kiểm tra đường dẫn của trang dưới ${base}: không có lỗi.`);
      },
    },
  };
}
