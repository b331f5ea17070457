import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Where the content lives. Normally `content/` in the project; the benchmark and the integration
 * tests point `SO_TAY_CONTENT_DIR` at a generated or fixture corpus so they build it with the real
 * configuration.
 */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SO_TAY_CONTENT_DIR ?? 'content');
}

/** Folder of document pages (văn bản) inside a content directory. */
export const DOCUMENTS_DIR = 'van-ban';
/** Folder of news pages (tin hội nghị) inside a content directory. */
export const NEWS_DIR = 'tin';
/** Folder of YAML data collections inside a content directory. */
export const DATA_DIR = 'data';
/** Data file names, relative to {@link DATA_DIR}. */
export const DATA_FILES = {
  issuers: 'co-quan.yaml',
  topics: 'chu-de.yaml',
  localities: 'dia-phuong.yaml',
} as const;
/**
 * Folder of the source texts the importer keeps beside its drafts (`nguon/tin/<id>.txt`,
 * `nguon/van-ban/<id>.txt`): outside `tin/` and `van-ban/`, so the collections' loaders never read
 * them and they are never published, but in the repository, so `npm run check` can compare a
 * published page with the article it was written from.
 */
export const SOURCES_DIR = 'nguon';

/** Where the source text of page `id` of a folder (`tin` or `van-ban`) is kept, relative to the content directory. */
export function sourceTextPath(folder: typeof NEWS_DIR | typeof DOCUMENTS_DIR, id: string): string {
  return `${SOURCES_DIR}/${folder}/${id}.txt`;
}

/**
 * A place of `kind` in Astro's cache folder (`node_modules/.astro/`) that belongs to one output
 * folder: `<root>/node_modules/.astro/<kind>/<id>`, where `<id>` is a digest of the output folder's
 * absolute path. Builds into different folders (a bench, the tests) keep apart what they reuse.
 */
export function outputCachePath(root: string, kind: string, outDir: string): string {
  const id = createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16);
  return path.join(root, 'node_modules/.astro', kind, id);
}
