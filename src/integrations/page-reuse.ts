/**
 * The so-tay:page-reuse integration wires page reuse into Astro's build: the logic is in
 * src/lib/publishing/page-reuse.ts (what may be reused) and page-reuse-fs.ts (fingerprint, record,
 * links). docs/build.md, "Pages kept from the last build", says why and how to clear it.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer, RouteData } from 'astro';
import { contentDir } from '../lib/content/paths.ts';
import { viNumber } from '../lib/publishing/build-log.ts';
import {
  pageFile,
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

/**
 * Told of each page Astro renders, as it renders it (the build audit, src/lib/publishing/
 * early-audit-fs.ts, and the search index's early copies, src/lib/search/early-copies-fs.ts):
 * Astro 7 lets one integration wrap its prerenderer, and this one does already.
 */
export interface RenderedPageListener {
  /** A page: its file relative to the output folder, and its bytes (a copy, the listener's to keep). */
  page(file: string, body: ArrayBuffer): void;
  /** Every page is rendered; awaited before any `astro:build:done` hook runs. */
  done(logger: AstroIntegrationLogger): Promise<void>;
}

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
export function createPageReuse(options: { listeners?: RenderedPageListener[] } = {}): PageReuse {
  const listeners = options.listeners ?? [];
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
            async render(request, options) {
              const result = await astro.render(request, options);
              if (listeners.length === 0) return result;
              return tellListeners(listeners, result, options.routeData, pathnameOf(request, base));
            },
            async teardown() {
              await astro.teardown?.();
              const listened = Promise.all(listeners.map((l) => l.done(logger)));
              try {
                linkReused();
              } finally {
                await listened;
              }
            },
          }),
        );
        /** Links the reused pages into the output and lists them for the sitemap and the audit. */
        const linkReused = () => {
          if (plan === undefined || previous === undefined || plan.reuse.length === 0) return;
          const copied = linkReusedPages(previous, outDir, plan.reuse);
          for (const page of plan.reuse) {
            reusedPageUrls.push(pageUrl(page.pathname, site, base));
            reusedFiles.add(page.file);
          }
          if (copied > 0)
            logger.info(`${viNumber(copied)} trang được chép (hệ tệp không cho liên kết cứng).`);
        };
      },
      'astro:build:done': () => {
        if (fingerprint === '') return;
        writeReuseRecord(reuseRecordFile(root, outDir), reuseRecord(keyed, fingerprint, identityIn(outDir)));
      },
    },
  };
  return { integration, reusedPageUrls, reusedFiles };
}

/** The pathname Astro rendered `request` for, without the base path: the one pageFile() takes. */
function pathnameOf(request: Request, base: string): string {
  const pathname = decodeURI(new URL(request.url).pathname);
  const prefix = base.replace(/\/+$/, '');
  return prefix !== '' && pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
}

/**
 * Hands a rendered page's bytes to the listeners, a copy each, and returns what Astro gets instead
 * of `result`: a response with the same bytes. Only pages written as `<path>/index.html` are handed
 * over (not the 404 page, redirects or endpoints).
 */
async function tellListeners(
  listeners: readonly RenderedPageListener[],
  result: Awaited<ReturnType<AstroPrerenderer['render']>>,
  route: RouteData,
  pathname: string,
): Promise<Awaited<ReturnType<AstroPrerenderer['render']>>> {
  const response = result instanceof Response ? result : result.response;
  if (route.type !== 'page' || route.route === '/404' || route.route === '/500') return result;
  if (response.status !== 200 || response.body === null) return result;
  const body = await response.arrayBuffer();
  const file = pageFile(pathname);
  for (const listener of listeners) listener.page(file, body.slice(0));
  const again = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  return result instanceof Response ? again : { ...result, response: again };
}
