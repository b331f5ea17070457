// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { remarkLinkCodes } from './src/integrations/link-codes.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { linksEnabled } from './src/lib/link-codes.ts';
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
      // Document codes in page bodies become links (MDX inherits this processor).
      // SO_TAY_DISABLE_LINKS=1 leaves them out, for the benchmark only.
      remarkPlugins: linksEnabled() ? [remarkGfm, [remarkLinkCodes, { base }]] : [remarkGfm],
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
    },
  },
});
