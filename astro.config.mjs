// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
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
    // GFM (tables, footnotes) is built into unified(); listing remark-gfm again ran it twice. Smart
    // quotes are off: retext-smartypants took ~15 % of the build's CPU on the benchmark corpus
    // (`npm run bench`) and only swaps straight quotes for curly ones.
    processor: unified({
      smartypants: false,
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
        onwarn(warning, warn) {
          // Every MDX page triggers a harmless "use astro:head-inject" directive warning with a code
          // frame (withastro/astro#18087), which buries real warnings under thousands of lines.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
});
