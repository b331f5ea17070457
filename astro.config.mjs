// @ts-check

import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { contentGuardIntegration } from './src/integrations/content-guard.ts';
import { draftsIntegration } from './src/integrations/drafts.ts';
import { createPageReuse } from './src/integrations/page-reuse.ts';
import { earlyCopiesListener, pagefindIntegration } from './src/integrations/pagefind.ts';
import { createSiteFiles } from './src/integrations/site-files.ts';
import { markdownProcessorOptions, mdxProcessorOptions } from './src/lib/markdown/plugins-fs.ts';
import { PUBLISH_CONFIG_FILE, resolveSiteLocation } from './src/lib/publishing/site-config.ts';
import { readPublishConfig } from './src/lib/publishing/site-config-fs.ts';

// SITE_URL and BASE_PATH come from the environment, else from so-tay.config.json, so one checkout
// can be built for any server.
const { site, base } = resolveSiteLocation(
  process.env,
  readPublishConfig(fileURLToPath(new URL(PUBLISH_CONFIG_FILE, import.meta.url))),
);

// Unchanged document and news pages are linked from the last build instead of rendered again
// (docs/build.md). The sitemap and the audit are told which, since Astro did not write them.
// Each page rendered is also handed, as it comes, to worker threads (the machine's second core is
// idle while Astro renders): the build audit (src/lib/publishing/early-audit-fs.ts) and, under
// `npm run build`, the search index's folding (src/lib/search/early-copies-fs.ts).
const earlyCopies = earlyCopiesListener();
const siteFiles = createSiteFiles({ alreadyAudited: () => pageReuse.reusedFiles });
const pageReuse = createPageReuse({
  listeners: earlyCopies === undefined ? [siteFiles.listener] : [siteFiles.listener, earlyCopies],
});

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Stylesheets as files, never inline: the server's Content-Security-Policy allows no inline code.
    inlineStylesheets: 'never',
    // Four pages rendered at once: Astro writes each page's file before it renders the next, and
    // with one at a time its thread waited on those writes 3.5 s of the 17 s that 11,329 pages
    // took (a CPU profile of the build); the output is the same file for file. docs/build.md.
    concurrency: 4,
  },
  markdown: {
    // Sätteri, Astro's default (GFM built in), builds this site in about 60 % of the CPU time of
    // unified/remark (docs/markdown.md). MDX gets the same plugins (src/lib/markdown/plugins-fs.ts)
    // and one more, below.
    processor: satteri(markdownProcessorOptions({ base })),
    // No syntax colouring: Shiki colours code with style="…" attributes, which the site's
    // Content-Security-Policy blocks and the audit refuses, so one fenced code block in a page
    // would stop the build. A code block is a plain <pre><code class="language-…">, styled by CSS.
    syntaxHighlight: false,
  },
  // contentGuard before content is read: it refuses links, impossible dates and YAML aliases before content is read.
  // siteFiles after sitemap: it copies sitemap-index.xml to sitemap.xml, then audits the output.
  // draftsIntegration first: it decides, by the command, whether drafts are shown (only in dev).
  integrations: [
    draftsIntegration(),
    contentGuardIntegration(),
    // MDX gets its own processor: the same plugins, plus the check that refuses imports from outside
    // src/components/, exports and expressions that could run code on the build machine.
    mdx({
      processor: satteri(
        mdxProcessorOptions({ base, projectRoot: fileURLToPath(new URL('.', import.meta.url)) }),
      ),
    }),
    sitemap({ customPages: pageReuse.reusedPageUrls }),
    siteFiles.integration,
    pagefindIntegration(),
    // Last: it records the build for the next one only once every other hook has passed.
    pageReuse.integration,
  ],
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
