/**
 * The link transform of `src/lib/link-codes.ts` wrapped for Astro's Markdown processors. Thin on
 * purpose: everything it decides is in the pure function, tested on its own. This file only finds
 * which page is being rendered (from the file path and the frontmatter Astro hands the processor),
 * loads the registry of known documents once, and applies the edits.
 *
 * Two wrappers over the same function: {@link satteriLinkCodes} for Sätteri, the site's processor
 * (chosen by measurement, see astro.config.mjs), and {@link remarkLinkCodes} for unified/remark, kept
 * so the processor can be switched back; a test checks both make the same links.
 *
 * The registry is read from the content files' frontmatter with `src/lib/content-files.ts`, not from
 * `astro:content`: Markdown is compiled before collections can be queried, and both read the same
 * files under `SO_TAY_CONTENT_DIR`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import type { MdastPluginDefinition } from 'satteri';
import { readContentFiles } from '../lib/content-files.ts';
import {
  type CitingPage,
  citingPageFrom,
  createDocumentIndex,
  type DocumentIndex,
  knownDocumentFrom,
} from '../lib/document-registry.ts';
import { applyLinkEdits, linkCodes } from '../lib/link-codes.ts';
import { contentDir, DOCUMENTS_DIR, NEWS_DIR } from '../lib/paths.ts';
import { createUrls } from '../lib/urls.ts';

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

/** The registry of documents under `root`, read once and kept while the content folders are unchanged. */
export function documentIndexFor(root: string): DocumentIndex {
  const signature = signatureOf(root);
  const cached = indexes.get(root);
  if (cached !== undefined && cached.signature === signature) return cached.index;
  const docs = readContentFiles(root)
    .filter((f) => f.collection === 'documents')
    .flatMap((f) => knownDocumentFrom(f.id, f.data) ?? []);
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
 * The same transform as a Sätteri mdast plugin: the whole-tree `before` hook hands the pure function
 * Sätteri's read-only tree, and the planned edits are queued with `replaceNode` (Sätteri applies them
 * in Rust). Register it in `markdown.processor: satteri({ mdastPlugins: [satteriLinkCodes({ base })] })`.
 */
export function satteriLinkCodes(options: LinkCodesOptions): MdastPluginDefinition {
  const root = options.root ?? contentDir();
  const urls = createUrls(options.base);
  return {
    name: 'so-tay-link-codes',
    before(tree, ctx) {
      const frontmatter = (ctx.data.astro as FileLike['data']['astro'])?.frontmatter ?? {};
      const filePath = ctx.fileURL === undefined ? '' : fileURLToPath(ctx.fileURL);
      const { edits } = linkCodes(tree as unknown as Root, {
        index: documentIndexFor(root),
        page: citingPageOf(root, filePath, frontmatter),
        href: (doc) => urls.document(doc.id),
      });
      // Sätteri's node types are mdast's, declared by its own package.
      for (const e of edits) ctx.replaceNode(e.node as never, e.replacement as never);
    },
  };
}
