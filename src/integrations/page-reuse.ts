/**
 * The so-tay:page-reuse integration wires page reuse into Astro's build: the logic is in
 * src/lib/publishing/page-reuse.ts (what may be reused) and page-reuse-fs.ts (fingerprint, record,
 * links). docs/build.md, "Pages kept from the last build", says why and how to clear it.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { contentDir } from '../lib/content/paths.ts';
import { viNumber } from '../lib/publishing/build-log.ts';
import {
  pageUrl,
  planReuse,
  type ReusePlan,
  reuseRecord,
  type StaticPathLike,
} from '../lib/publishing/page-reuse.ts';
import {
  buildFingerprint,
  identityIn,
  linkReusedPages,
  PREVIOUS_OUTPUT_ENV,
  readReuseRecord,
  reuseRecordFile,
  writeReuseRecord,
} from '../lib/publishing/page-reuse-fs.ts';

/** Page reuse for one build, and what the other integrations read from it once pages are written. */
export interface PageReuse {
  /** List it last in `integrations`: it records the build once every other hook has passed. */
  integration: AstroIntegration;
  /**
   * Addresses of the pages taken from the last build, for `sitemap({ customPages })`: Astro lists
   * only the pages it rendered. Filled before any `astro:build:done` hook runs.
   */
  reusedPageUrls: string[];
  /**
   * Their files, relative to the output folder. The build that wrote them audited them, with the
   * same code and settings (the fingerprint), so the audit need not read them again.
   */
  reusedFiles: Set<string>;
}

/**
 * Creates the integration. `npm run build` moves the last output aside and names it in
 * `SO_TAY_PREVIOUS_OUTPUT`; Astro's prerenderer is wrapped so that the paths whose page can be
 * taken from there are not rendered, and are hard-linked into the new output after the others.
 */
export function createPageReuse(): PageReuse {
  const reusedPageUrls: string[] = [];
  const reusedFiles = new Set<string>();
  let root = '';
  let outDir = '';
  let site = '';
  let base = '/';
  let fingerprint = '';
  let plan: ReusePlan<StaticPathLike> | undefined;
  /** Every page with a key, rendered or reused: the next build's record. */
  let keyed: { pathname: string; key: string }[] = [];

  const integration: AstroIntegration = {
    name: 'so-tay:page-reuse',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        site = config.site ?? '';
        base = config.base;
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const previous = process.env[PREVIOUS_OUTPUT_ENV] || undefined;
        setPrerenderer(
          (astro): AstroPrerenderer => ({
            ...astro,
            name: 'so-tay:page-reuse',
            async getStaticPaths() {
              const paths = await astro.getStaticPaths();
              keyed = paths.flatMap((p) =>
                p.route.type === 'page' && p.cacheKey !== undefined
                  ? [{ pathname: p.pathname, key: p.cacheKey }]
                  : [],
              );
              // Taken here, after Vite has written the bundled assets into the output folder.
              fingerprint = buildFingerprint({
                root,
                contentDir: contentDir(),
                outDir,
                site,
                base,
                env: process.env,
              });
              const record =
                previous === undefined ? undefined : readReuseRecord(reuseRecordFile(root, outDir));
              plan = planReuse(paths, record, fingerprint, identityIn(previous ?? outDir));
              if (plan.noReuseBecause === undefined) {
                const pages = plan.render.filter((p) => p.route.type === 'page').length;
                logger.info(
                  `Dùng lại ${viNumber(plan.reuse.length)} trang không đổi từ lần build trước; ` +
                    `tạo lại ${viNumber(pages)} trang.`,
                );
              } else if (plan.noReuseBecause === 'fingerprint') {
                logger.info(
                  'Mã nguồn, cấu hình hoặc giao diện đã đổi từ lần build trước: tạo lại mọi trang.',
                );
              }
              return plan.render as typeof paths;
            },
            async teardown() {
              await astro.teardown?.();
              if (plan === undefined || previous === undefined || plan.reuse.length === 0) return;
              const copied = linkReusedPages(previous, outDir, plan.reuse);
              for (const page of plan.reuse) {
                reusedPageUrls.push(pageUrl(page.pathname, site, base));
                reusedFiles.add(page.file);
              }
              if (copied > 0)
                logger.info(`${viNumber(copied)} trang được chép (hệ tệp không cho liên kết cứng).`);
            },
          }),
        );
      },
      'astro:build:done': () => {
        if (fingerprint === '') return;
        writeReuseRecord(reuseRecordFile(root, outDir), reuseRecord(keyed, fingerprint, identityIn(outDir)));
      },
    },
  };
  return { integration, reusedPageUrls, reusedFiles };
}
