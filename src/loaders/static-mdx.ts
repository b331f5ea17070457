/**
 * Renders a page that uses nothing of MDX to HTML, in the content layer, exactly as `@astrojs/mdx`
 * would render it at page time, but without a JavaScript module of its own.
 *
 * Why not the loader context's `renderMarkdown`: it runs the Markdown renderer of
 * `markdown.processor` (Sätteri's `markdownToHtml`), whose HTML serialisation differs from what the
 * MDX path makes, page for page: text quotes (`"` against `&quot;`), empty and true attributes
 * (`data-footnotes` against `data-footnotes="true"`), void elements (`<hr>` against `<hr/>`).
 *
 * So the page goes down the MDX path's own pipeline instead, stopping short of the bundle:
 * 1. Sätteri's MDX compiler (`evaluate`, i.e. `mdxToJs` in function-body form) with the options
 *    `@astrojs/markdown-satteri` gives `@astrojs/mdx` (its `createSatteriMdxProcessor`): the
 *    processor's own plugin list from astro.config.mjs (src/lib/markdown/plugins-fs.ts), Astro's
 *    image collector, the syntax highlighter and the heading ids, the same features;
 * 2. the compiled function is run with a JSX runtime that writes each element's HTML as it is
 *    made (children first), the way Astro's `renderJSX` (astro/dist/runtime/server/jsx.js) writes
 *    a tree of plain elements, with Astro's own `escapeHTML` and `spreadAttributes`
 *    ({@link stringRuntime}).
 *
 * The Astro-only hast plugins of the MDX path are left out because a page without MDX cannot
 * trigger them: images becoming `<Image>` (pages with images stay on the MDX path, see
 * src/lib/markdown/mdx-usage.ts), import metadata, `<script>`/`<style>` handling. A tree holding
 * anything but plain elements and text makes {@link stringRuntime} throw, and the caller keeps the page
 * on the MDX path. tests/integration/content-render.test.ts compares both paths page by page.
 */
import { pathToFileURL } from 'node:url';
import {
  satteriCollectImagesPlugin,
  satteriCreateHighlightFn,
  satteriHeadingIdsPlugin,
  satteriHighlightPlugin,
} from '@astrojs/markdown-satteri';
import type { AstroConfig, MarkdownHeading } from 'astro';
import { escapeHTML, HTMLString, spreadAttributes, voidElementNames } from 'astro/runtime/server/index.js';
import { type Features, type HastPluginList, type MdastPluginList, mdxToJs } from 'satteri';
import { kindOf, type MdxUsage, mdxUsagePlugin, toSyntaxError } from '../lib/markdown/mdx-usage.ts';

/** A page {@link StaticMdxRenderer} rendered, or found to need the MDX path. */
export type RenderedPage =
  | { kind: 'static'; html: string; headings: MarkdownHeading[] }
  | { kind: 'mdx' | 'mdx-images' };

/** Renders plain pages; see the file's header. */
export interface StaticMdxRenderer {
  /**
   * Compiles the page once; renders it when it uses nothing of MDX, else says so (its JavaScript
   * then has been checked too, as @astrojs/mdx would at bundle time).
   *
   * @param source the page as `@astrojs/mdx` compiles it: frontmatter blanked out.
   * @param file absolute path of the page (the link plugin reads which page it is from it).
   * @param frontmatter the page's frontmatter as parsed from the file.
   * @throws MdxSyntaxError when MDX cannot compile the page.
   */
  render(source: string, file: string, frontmatter: Record<string, unknown>): Promise<RenderedPage>;
}

/** The page's tree holds something only the MDX path renders (a component, a script). */
export class NotStaticError extends Error {
  override name = 'NotStaticError';
}

/** The shape of the Sätteri processor object `satteri()` returns (`@astrojs/markdown-satteri`). */
interface SatteriProcessor {
  name: string;
  options: { mdastPlugins: MdastPluginList; hastPlugins: HastPluginList; features: Features };
}

const FRAGMENT = Symbol.for('astro:fragment');

/**
 * A child that is not an element, as Astro's `renderJSX` writes it: text escaped, Astro's HTML
 * strings as they are (nothing when only blanks), nothing for null, false or undefined.
 */
function writeLeaf(node: unknown): string {
  if (node instanceof HTMLString) {
    const html = node.toString();
    return html.trim() === '' ? '' : html;
  }
  if (typeof node === 'string') return escapeHTML(node);
  if (typeof node === 'function') throw new NotStaticError('a function in the tree');
  if (!node && node !== 0) return '';
  if (typeof node === 'object') throw new NotStaticError('an object in the tree');
  return `${node}`;
}

/** HTML already written by {@link stringRuntime}: passed on as it is, never escaped or trimmed. */
class Written {
  readonly html: string;
  constructor(html: string) {
    this.html = html;
  }
}

/** Children as HTML: {@link Written} HTML as it is, arrays in order, the rest by {@link writeLeaf}. */
function writeChildren(node: unknown): string {
  if (node instanceof Written) return node.html;
  if (Array.isArray(node)) {
    let html = '';
    for (const child of node) html += writeChildren(child);
    return html;
  }
  return writeLeaf(node);
}

/**
 * A JSX runtime for the compiled page that writes HTML instead of building a tree: `jsx(type,
 * props)` is called for the innermost elements first, so each element's children are already
 * written when it is. Element by element it writes what Astro's `renderElement` writes for a
 * plain element (the `key` prop as `createVNode` sets it; void elements as `<br/>`); anything
 * else (a component, a script) makes the page go down the MDX path.
 */
function writeElement(type: unknown, props: Record<string, unknown>, key?: unknown): Written {
  if (key) props.key = key;
  if (type === FRAGMENT) return new Written(writeChildren(props.children));
  if (typeof type !== 'string' || type.includes('-') || type === 'astro-client-only')
    throw new NotStaticError(`component ${String((type as { name?: string })?.name ?? type)}`);
  if (type === 'script' || type === 'style') throw new NotStaticError(`<${type}>`);
  const { children, ...attributes } = props;
  const attrs = String(spreadAttributes(attributes));
  if ((children == null || children === '') && voidElementNames.test(type))
    return new Written(`<${type}${attrs}/>`);
  return new Written(`<${type}${attrs}>${children == null ? '' : writeChildren(children)}</${type}>`);
}

export const stringRuntime = { Fragment: FRAGMENT, jsx: writeElement, jsxs: writeElement };

/** What a renderer needs from the configuration. */
export interface RendererSettings {
  /** The options of `satteri()`: from `markdownProcessorOptions` (src/lib/markdown/plugins-fs.ts). */
  processorOptions: SatteriProcessor['options'];
  /** `markdown` of the Astro configuration, the parts the MDX path reads. */
  markdown: Pick<AstroConfig['markdown'], 'syntaxHighlight' | 'shikiConfig' | 'gfm' | 'smartypants'>;
}

/** A renderer in this thread (see the file's header). */
export async function createRenderer({
  processorOptions,
  markdown,
}: RendererSettings): Promise<StaticMdxRenderer> {
  const { syntaxHighlight } = markdown;
  // Astro's config types allow `undefined` in optional fields, the helper's do not; same values.
  type HighlightArgs = Parameters<typeof satteriCreateHighlightFn>;
  const highlight = await satteriCreateHighlightFn(
    syntaxHighlight as HighlightArgs[0],
    markdown.shikiConfig as HighlightArgs[1],
  );
  const excludeLangs = typeof syntaxHighlight === 'object' ? syntaxHighlight.excludeLangs : undefined;
  // As @astrojs/mdx resolves them (its readProcessorFeatures, then createSatteriMdxProcessor): a
  // boolean on the processor wins over the Markdown config, an object is taken as it is.
  const { gfm, smartPunctuation } = processorOptions.features;
  const sharedGfm = typeof gfm === 'boolean' ? gfm : markdown.gfm;
  const sharedSmartypants = typeof smartPunctuation === 'boolean' ? smartPunctuation : markdown.smartypants;
  const features: Features = {
    ...processorOptions.features,
    gfm: typeof gfm === 'object' ? gfm : (sharedGfm ?? gfm ?? true) !== false,
    smartPunctuation:
      typeof smartPunctuation === 'object'
        ? smartPunctuation
        : (sharedSmartypants ?? smartPunctuation ?? true) !== false,
  };
  return {
    async render(source, file, frontmatter) {
      const astro = {
        frontmatter,
        headings: [] as MarkdownHeading[],
        localImagePaths: new Set<string>(),
        remoteImagePaths: new Set<string>(),
      };
      const found: MdxUsage = { mdx: false, images: false };
      let code: string;
      try {
        // Sätteri's `evaluate`, in two steps so a page using MDX is never run here.
        ({ code } = await mdxToJs(source, {
          mdastPlugins: [
            mdxUsagePlugin(found),
            ...processorOptions.mdastPlugins,
            satteriCollectImagesPlugin(),
          ],
          hastPlugins: [
            ...(highlight ? [satteriHighlightPlugin(highlight, excludeLangs)] : []),
            ...processorOptions.hastPlugins,
            satteriHeadingIdsPlugin(),
          ],
          features,
          fileURL: pathToFileURL(file),
          jsxImportSource: 'astro',
          elementAttributeNameCase: 'html',
          outputFormat: 'function-body',
          data: { astro },
        }));
      } catch (err) {
        throw toSyntaxError(err);
      }
      const kind = kindOf(found);
      if (kind !== 'static') return { kind };
      const module = new Function(code)(stringRuntime) as {
        default: (props: Record<string, unknown>) => unknown;
      };
      try {
        const html = writeChildren(module.default({ components: { Fragment: FRAGMENT } }));
        return { kind, html, headings: astro.headings };
      } catch (err) {
        // Something only the MDX path renders: leave the page to it.
        if (err instanceof NotStaticError) return { kind: 'mdx' };
        throw err;
      }
    },
  };
}

/**
 * The settings for a build with this configuration, or null when `markdown.processor` is not
 * Sätteri (another processor's MDX path is not reproduced here: every page then takes it).
 */
export function rendererSettings(config: AstroConfig): RendererSettings | null {
  const processor = config.markdown.processor as unknown as SatteriProcessor | undefined;
  if (processor?.name !== 'satteri' || processor.options === undefined) return null;
  const { syntaxHighlight, shikiConfig, gfm, smartypants } = config.markdown;
  return {
    processorOptions: processor.options,
    markdown: { syntaxHighlight, shikiConfig, gfm, smartypants },
  };
}
