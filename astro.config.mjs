// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { resolveSiteLocation } from './src/lib/site-config.ts';

// SITE_URL and BASE_PATH come from the environment so one checkout can be built for any server.
const { site, base } = resolveSiteLocation();

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
    processor: unified({
      remarkPlugins: [remarkGfm],
      // GFM footnotes get Vietnamese labels (the defaults are English).
      remarkRehype: { footnoteLabel: 'Chú thích', footnoteBackLabel: 'Quay lại nội dung' },
    }),
  },
  integrations: [mdx(), sitemap(), pagefindIntegration()],
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
