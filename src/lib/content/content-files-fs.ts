/**
 * Finds and reads the content pages on disk; parsing is content-files.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import {
  type ContentFile,
  ContentFileError,
  FRONTMATTER,
  type PageFrontmatter,
  parseContentText,
} from './content-files.ts';
import { DOCUMENTS_DIR, NEWS_DIR } from './paths.ts';

/** Where a content page is: its file, path relative to the content directory, collection and id. */
interface ContentPath {
  file: string;
  relative: string;
  collection: 'documents' | 'news';
  id: string;
}

/** Every page file of the given collections (both by default) under a content directory, sorted by path. */
function contentPaths(
  root: string,
  collections: readonly ContentPath['collection'][] = ['documents', 'news'],
): ContentPath[] {
  const out: ContentPath[] = [];
  for (const [dir, collection] of [
    [DOCUMENTS_DIR, 'documents'],
    [NEWS_DIR, 'news'],
  ] as const) {
    if (!collections.includes(collection)) continue;
    const base = path.join(root, dir);
    if (!fs.existsSync(base)) continue;
    for (const name of fs.readdirSync(base, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!name.endsWith('.mdx')) continue;
      out.push({
        file: path.join(base, name),
        relative: `${dir}/${name.split(path.sep).join('/')}`,
        collection,
        id: path.basename(name, '.mdx'),
      });
    }
  }
  return out;
}

/** Reads every page of both collections under a content directory, sorted by path. */
export function readContentFiles(root: string): ContentFile[] {
  return contentPaths(root).map((p) => {
    const raw = fs.readFileSync(p.file, 'utf8');
    return { ...p, raw, ...parseContentText(p.file, raw) };
  });
}

/**
 * Like {@link readContentFiles}, but a page whose frontmatter cannot be read does not stop the
 * reading: it is returned among `unreadable`, so `npm run check` reports every such page at once.
 */
export function readContentFilesTolerant(root: string): {
  files: ContentFile[];
  unreadable: ContentFileError[];
} {
  const files: ContentFile[] = [];
  const unreadable: ContentFileError[] = [];
  for (const p of contentPaths(root)) {
    const raw = fs.readFileSync(p.file, 'utf8');
    try {
      files.push({ ...p, raw, ...parseContentText(p.file, raw) });
    } catch (err) {
      if (!(err instanceof ContentFileError)) throw err;
      unreadable.push(err);
    }
  }
  return { files, unreadable };
}

/**
 * The frontmatter of every page, parsed the way Astro parses it (js-yaml, through
 * `@astrojs/internal-helpers`), without bodies or line numbers. For the link registry, read once per
 * build: js-yaml is about seven times faster than the `yaml` package on 10,000 frontmatters (0.2 s
 * against 1.6 s), and problems are the schema's and `npm run check`'s to report, so a page whose
 * frontmatter cannot be read is left out here. `collections` narrows the read: the registry needs
 * only the documents, and skipping the news pages (60 % of a large site) skips most of the parsing.
 */
export function readFrontmatters(
  root: string,
  collections: readonly PageFrontmatter['collection'][] = ['documents', 'news'],
): PageFrontmatter[] {
  const out: PageFrontmatter[] = [];
  for (const p of contentPaths(root, collections)) {
    const m = FRONTMATTER.exec(fs.readFileSync(p.file, 'utf8'));
    if (m === null) continue;
    let data: unknown;
    try {
      data = loadYaml(m[1] ?? '');
    } catch {
      continue;
    }
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      out.push({ collection: p.collection, id: p.id, file: p.file, data: data as Record<string, unknown> });
    }
  }
  return out;
}
