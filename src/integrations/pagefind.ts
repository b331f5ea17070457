/**
 * The so-tay:pagefind integration only wires the hook: the index is built by
 * src/lib/search/index-builder-fs.ts.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { viNumber } from '../lib/publishing/build-log.ts';
import { EARLY_COPIES_ENV, startEarlyCopies } from '../lib/search/early-copies-fs.ts';
import { buildSearchIndex, INDEX_LATER_ENV, indexSummary } from '../lib/search/index-builder-fs.ts';
import type { RenderedPageListener } from './page-reuse.ts';

/**
 * Builds the Pagefind search index once Astro has written the site (in `astro:build:done`, as
 * Starlight does), so `astro build` alone yields a site whose search works.
 * `npm run build` sets {@link INDEX_LATER_ENV} and indexes after Astro exits instead, which lowers
 * the peak memory of the build.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'so-tay:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const handOver = process.env[INDEX_LATER_ENV];
        if (handOver) {
          fs.writeFileSync(handOver, siteDir);
          logger.info('Chỉ mục tìm kiếm sẽ được lập sau khi Astro thoát.');
          return;
        }
        logger.info(indexSummary(await buildSearchIndex(siteDir)));
      },
    },
  };
}

/**
 * When `npm run build` names a folder in {@link EARLY_COPIES_ENV}, the listener that makes the
 * search copies of the pages as Astro renders them (src/lib/search/early-copies-fs.ts), for
 * createPageReuse(); otherwise none.
 */
export function earlyCopiesListener(env: NodeJS.ProcessEnv = process.env): RenderedPageListener | undefined {
  const dir = env[EARLY_COPIES_ENV];
  if (!dir) return undefined;
  let why: string | undefined;
  const copies = startEarlyCopies(dir, (reason) => {
    why = reason;
  });
  return {
    page: (file, body) => copies.add(file, body),
    async done(logger) {
      const made = await copies.finish();
      if (made === null)
        logger.warn(
          `Luồng phụ chuẩn bị chỉ mục dừng giữa chừng (${why}): bước lập chỉ mục sẽ đọc lại mọi trang.`,
        );
      else if (made > 0)
        logger.info(`Đã chuẩn bị ${viNumber(made)} trang cho chỉ mục tìm kiếm trong lúc tạo trang.`);
    },
  };
}
