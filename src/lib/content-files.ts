import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { DOCUMENTS_DIR, NEWS_DIR } from './paths.ts';

/**
 * Reads content pages (MDX with YAML frontmatter) outside Astro, for the content checks, the
 * linking registry and the importer. Keeps line numbers so a report can say where a problem is.
 */

/** One content page as read from disk. */
export interface ContentFile {
  /** Absolute path. */
  file: string;
  /** Path relative to the content directory, with `/`: `van-ban/21-nq-tw-2022.mdx`. */
  relative: string;
  collection: 'documents' | 'news';
  /** File name without extension: the page's id. */
  id: string;
  /** Raw file text. */
  raw: string;
  /** Parsed frontmatter (plain YAML values). */
  data: Record<string, unknown>;
  /** The MDX body after the frontmatter. */
  body: string;
  /** 1-based line number in the file where `body` starts. */
  bodyLine: number;
}

/** A frontmatter problem, reported with file and line. */
export class ContentFileError extends Error {
  override name = 'ContentFileError';
  /** Absolute path of the page. */
  readonly file: string;
  /** 1-based line of the problem. */
  readonly line: number;
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.file = file;
    this.line = line;
  }
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits and parses one page's text. Throws {@link ContentFileError} for bad frontmatter. */
export function parseContentText(
  file: string,
  raw: string,
): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const m = FRONTMATTER.exec(raw);
  if (!m)
    throw new ContentFileError(file, 1, 'thiếu phần thông tin đầu trang (frontmatter) giữa hai dòng ---.');
  const counter = new LineCounter();
  const doc = parseDocument(m[1] ?? '', { lineCounter: counter });
  const error = doc.errors[0];
  if (error) {
    const line = counter.linePos(error.pos[0]).line + 1;
    throw new ContentFileError(file, line, `YAML không hợp lệ: ${error.message.split('\n')[0]}`);
  }
  const data = doc.toJS() as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentFileError(file, 2, 'frontmatter phải là các cặp "tên: giá trị".');
  }
  const bodyLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 0 : 1);
  return { data: data as Record<string, unknown>, body: raw.slice(m[0].length), bodyLine };
}

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

/** A page's frontmatter alone, as {@link readFrontmatters} gives it. */
export interface PageFrontmatter {
  collection: 'documents' | 'news';
  id: string;
  /** Absolute path. */
  file: string;
  /** Parsed frontmatter (plain YAML values). */
  data: Record<string, unknown>;
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

/** 1-based line number of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
