// @ts-check

import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { siteFilesIntegration } from './src/integrations/site-files.ts';
import { markdownProcessorOptions } from './src/lib/markdown/plugins-fs.ts';
import { PUBLISH_CONFIG_FILE, resolveSiteLocation } from './src/lib/publishing/site-config.ts';
import { readPublishConfig } from './src/lib/publishing/site-config-fs.ts';

// SITE_URL and BASE_PATH come from the environment, else from so-tay.config.json, so one checkout
// can be built for any server.
const { site, base } = resolveSiteLocation(
  process.env,
  readPublishConfig(fileURLToPath(new URL(PUBLISH_CONFIG_FILE, import.meta.url))),
);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Stylesheets as files, never inline: the server's Content-Security-Policy allows no inline code.
    inlineStylesheets: 'never',
  },
  markdown: {
    // Sätteri, Astro's default (GFM built in), builds this site in about 60 % of the CPU time of
    // unified/remark (docs/markdown.md). MDX inherits this processor and its plugins, listed in
    // src/lib/markdown/plugins-fs.ts.
    processor: satteri(markdownProcessorOptions({ base })),
  },
  // siteFiles after sitemap: it copies sitemap-index.xml to sitemap.xml, then audits the output.
  integrations: [mdx(), sitemap(), siteFilesIntegration(), pagefindIntegration()],
  vite: {
    plugins: [tailwindcss()],
    build: {
      // Never inline scripts or fonts as data: URLs; see inlineStylesheets above.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro 7 + Vite 8 print one MODULE_LEVEL_DIRECTIVE warning per MDX entry
        // ("use astro:head-inject"), harmless and tracked upstream (withastro/astro#18087). At
        // 10,000 pages it would bury every real warning, so that one message is dropped.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
});
