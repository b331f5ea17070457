/**
 * The link transform of `src/lib/graph/link-transform.ts` wrapped for Astro's Markdown processors. Thin on
 * purpose: everything it decides is in the pure function, tested on its own. This file only finds
 * which page is being rendered (from the file path and the frontmatter Astro hands the processor),
 * loads the registry of known documents once, and applies the edits.
 *
 * Two wrappers over the same function: {@link satteriLinkCodes} for Sätteri, the site's processor
 * (chosen by measurement, see astro.config.mjs), and {@link remarkLinkCodes} for unified/remark, kept
 * so the processor can be switched back; a test checks both make the same links.
 *
 * The registry is read from the content files' frontmatter with `src/lib/content/content-files-fs.ts` (parsed by
 * js-yaml, as Astro parses it), not from `astro:content`: Markdown is compiled before collections can
 * be queried, and both read the same files under `SO_TAY_CONTENT_DIR`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Parents, Root, Text } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { readFrontmatters } from '../content/content-files-fs.ts';
import { draftsShown, visibleEntries } from '../content/drafts.ts';
import { contentDir, DOCUMENTS_DIR, NEWS_DIR } from '../content/paths.ts';
import { createUrls } from '../content/urls.ts';
import {
  type CitingPage,
  citingPageFrom,
  createDocumentIndex,
  type DocumentIndex,
  type KnownDocument,
  knownDocumentFrom,
} from '../graph/document-registry.ts';
import { applyLinkEdits, createTextLinker, linkCodes, placeAmong } from '../graph/link-transform.ts';

/** Options of {@link remarkLinkCodes}. */
export interface LinkCodesOptions {
  /** The site's base path (`/` or `/so-tay/`), for the links' URLs. */
  base: string;
  /** Content directory; defaults to `SO_TAY_CONTENT_DIR` or `content/`. */
  root?: string;
}

interface CachedIndex {
  signature: string;
  index: DocumentIndex;
}
const indexes = new Map<string, CachedIndex>();

/**
 * Modification times of the two content folders: they change when a page is added, removed or
 * renamed, so `astro dev` picks up a new document without a restart, while a build reads the
 * registry once.
 */
function signatureOf(root: string): string {
  return [DOCUMENTS_DIR, NEWS_DIR]
    .map((dir) => {
      try {
        return String(fs.statSync(path.join(root, dir)).mtimeMs);
      } catch {
        return '-';
      }
    })
    .join('|');
}

/**
 * The registry of documents under `root`, read once and kept while the content folders are unchanged.
 * Drafts are in it only when drafts are shown (`astro dev`): in a build, a mention of a draft's code
 * reads as a document not yet on the site, like any other missing one.
 */
export function documentIndexFor(root: string, showDrafts = draftsShown(process.env)): DocumentIndex {
  const signature = `${signatureOf(root)}|${showDrafts ? 'drafts' : 'published'}`;
  const cached = indexes.get(root);
  if (cached !== undefined && cached.signature === signature) return cached.index;
  const docs = visibleEntries(readFrontmatters(root, ['documents']), showDrafts).flatMap(
    (f) => knownDocumentFrom(f.id, f.data) ?? [],
  );
  const index = createDocumentIndex(docs);
  indexes.set(root, { signature, index });
  return index;
}

/**
 * Which page a compiled file is: a document or news page by its folder under the content directory,
 * with its id (the file name). Anything else (an MDX page outside the collections) is read as a page
 * with no document of its own, dated by its `date` or `eventDate` if it has one.
 */
export function citingPageOf(
  root: string,
  filePath: string,
  frontmatter: Record<string, unknown>,
): CitingPage {
  const clean = filePath.replace(/[?#].*$/, '');
  const [dir] = path.relative(root, clean).split(path.sep);
  const id = path.basename(clean, path.extname(clean));
  if (dir === DOCUMENTS_DIR) return citingPageFrom('documents', id, frontmatter);
  if (dir === NEWS_DIR) return citingPageFrom('news', id, frontmatter);
  return citingPageFrom('news', id, { ...frontmatter, eventDate: frontmatter.eventDate ?? frontmatter.date });
}

/** The shape of the vfile the unified processor hands to a remark plugin (only what is read here). */
interface FileLike {
  path?: string;
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

/**
 * Remark plugin: links every mention of a known document in a page body. Would be registered as
 * `markdown.processor: unified({ remarkPlugins: [[remarkLinkCodes, { base }]] })`; MDX inherits it.
 */
export function remarkLinkCodes(options: LinkCodesOptions) {
  const root = options.root ?? contentDir();
  const urls = createUrls(options.base);
  return (tree: Root, file: FileLike): undefined => {
    const page = citingPageOf(root, file.path ?? '', file.data.astro?.frontmatter ?? {});
    const { edits } = linkCodes(tree, {
      index: documentIndexFor(root),
      page,
      href: (doc) => urls.document(doc.id),
    });
    applyLinkEdits(edits);
  };
}

/**
 * The same transform as a Sätteri mdast plugin. A factory, so each document gets its own linker (the
 * scanner remembers the codes written earlier on the page). Sätteri calls the `text` visitor for each
 * text node in reading order, so the tree is never copied into JavaScript; the ancestors are asked
 * for only when a node mentions a document, and only up to the paragraph holding it. Replacements are queued with `replaceNode` and
 * applied in Rust. Register it in `satteri({ mdastPlugins: [satteriLinkCodes({ base })] })`.
 */
export function satteriLinkCodes(options: LinkCodesOptions): MdastPluginEntry {
  const root = options.root ?? contentDir();
  const urls = createUrls(options.base);
  const href = (doc: KnownDocument) => urls.document(doc.id);
  return (file: PluginFactoryContext): MdastPluginDefinition => {
    const frontmatter = (file.data.astro as FileLike['data']['astro'])?.frontmatter ?? {};
    const filePath = file.fileURL === undefined ? '' : fileURLToPath(file.fileURL);
    const linker = createTextLinker({
      index: documentIndexFor(root),
      page: citingPageOf(root, filePath, frontmatter),
      href,
    });
    // Only an MDX <a> can make a link of a whole paragraph; without one the ancestor walk stops at
    // the paragraph (each ancestor is fetched from Sätteri's tree, so fewer is cheaper).
    const options = { flowLinks: /<a[\s/>]/.test(file.source) };
    return {
      name: 'so-tay-link-codes',
      text(node, ctx) {
        function* ancestors(): Generator<Parents> {
          for (let p = ctx.parent(node); p !== undefined; p = ctx.parent(p as never)) yield p as Parents;
        }
        const place = () => placeAmong(ancestors(), options);
        const replacement = linker.text(node as Text, place);
        // Sätteri's node types are mdast's, declared by its own package.
        if (replacement !== null) ctx.replaceNode(node, replacement as never);
      },
    };
  };
}
