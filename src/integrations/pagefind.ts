import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index into `<dist>/pagefind/` once Astro has written the site, the way
 * Starlight does: with the Node API in `astro:build:done`, so `npm run build` alone yields a site
 * whose search works.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'so-tay:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`Đã lập chỉ mục tìm kiếm ${added.page_count} trang trong ${seconds} s.`);
      },
    },
  };
}
