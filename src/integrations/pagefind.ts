/**
 * The so-tay:pagefind integration only wires the hook: the index is built by
 * src/lib/search/index-builder-fs.ts.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex, INDEX_LATER_ENV, indexSummary } from '../lib/search/index-builder-fs.ts';

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
