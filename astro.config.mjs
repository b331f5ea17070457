// @ts-check

import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import rehypeExternalLinks from 'rehype-external-links';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { siteFilesIntegration } from './src/integrations/site-files.ts';
import { PUBLISH_CONFIG_FILE, readPublishConfig, resolveSiteLocation } from './src/lib/site-config.ts';
import { rehypeTableAlign } from './src/lib/table-align.ts';

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
    // GFM (tables, footnotes) is built into unified(); listing remark-gfm again ran it twice. Smart
    // quotes are off: retext-smartypants took ~15 % of the build's CPU on the benchmark corpus
    // (`npm run bench`) and only swaps straight quotes for curly ones.
    processor: unified({
      smartypants: false,
      // Links to other hosts in page bodies are ordinary outbound links, marked like SourceList's.
      // Table column alignment becomes classes: the CSP forbids inline style attributes.
      rehypePlugins: [
        [rehypeExternalLinks, { rel: ['external', 'noopener', 'noreferrer'] }],
        rehypeTableAlign,
      ],
      // GFM footnotes get Vietnamese labels (the defaults are English).
      remarkRehype: { footnoteLabel: 'Chú thích', footnoteBackLabel: 'Quay lại nội dung' },
    }),
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
