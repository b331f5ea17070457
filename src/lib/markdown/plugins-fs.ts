/**
 * The Markdown processor plugins: the part of the product that turns a page's Markdown into the
 * site's HTML. One list, used by `astro.config.mjs` for Sätteri's Markdown and MDX processors, so
 * every page is processed by the same plugins:
 *
 * - document codes in the text become links (link-codes-fs.ts over the pure transform in
 *   src/lib/graph/link-transform.ts);
 * - links to other hosts are marked external (external-links.ts);
 * - table column alignment becomes classes, since the CSP forbids `style=` (table-align.ts);
 * - for MDX only, code a page may not run is refused (mdx-safety.ts): {@link mdxProcessorOptions}.
 *
 * May import: the content model and the document graph. Named `-fs` because the link plugin reads
 * the registry of documents from the content folder.
 */
import type { MdastPluginEntry } from 'satteri';
import { linksEnabled } from '../graph/link-transform.ts';
import { satteriExternalLinks } from './external-links.ts';
import { satteriLinkCodes } from './link-codes-fs.ts';
import { satteriMdxSafety } from './mdx-safety.ts';
import { satteriTableAlign } from './table-align.ts';

/** Options of {@link markdownProcessorOptions}. */
export interface MarkdownOptions {
  /** The site's base path (`/` or `/so-tay/`), for the links' URLs. */
  base: string;
}

/**
 * The options handed to `satteri()` in astro.config.mjs: plugins and features. Document-code links
 * are left out when `SO_TAY_DISABLE_LINKS=1` (benchmark only).
 */
export function markdownProcessorOptions({ base }: MarkdownOptions) {
  return {
    mdastPlugins: (linksEnabled() ? [satteriLinkCodes({ base })] : []) as MdastPluginEntry[],
    hastPlugins: [satteriExternalLinks(), satteriTableAlign()],
    features: {
      // GFM footnotes get Vietnamese labels (the defaults are English).
      gfm: { footnotes: { label: 'Chú thích', backLabel: 'Quay lại nội dung' } },
      // Straight quotes stay as written, as they did under unified with smartypants off.
      smartPunctuation: false,
    },
  };
}

/**
 * The options of the processor `@astrojs/mdx` compiles `.mdx` pages with (`mdx({ processor:
 * satteri(…) })` in astro.config.mjs): the same plugins as Markdown, then the MDX safety check. It
 * runs on every page MDX compiles, whatever renders the others; `projectRoot` holds src/components/.
 */
export function mdxProcessorOptions({ base, projectRoot }: MarkdownOptions & { projectRoot: string }) {
  const options = markdownProcessorOptions({ base });
  return { ...options, mdastPlugins: [satteriMdxSafety({ projectRoot }), ...options.mdastPlugins] };
}
