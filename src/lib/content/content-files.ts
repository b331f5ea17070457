import { LineCounter, parseDocument } from 'yaml';
import { anchorAndAliasProblemsIn } from './frontmatter-guard.ts';

/**
 * Content pages (MDX with YAML frontmatter) read outside Astro, for the content checks, the linking
 * registry and the importer. Keeps line numbers so a report can say where a problem is. Reading the
 * files from disk is content-files-fs.ts.
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

/** The frontmatter block at the top of a page, and its YAML text. */
export const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

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
  // Before toJS, which is what would expand an alias bomb.
  const [alias] = anchorAndAliasProblemsIn(m[1] ?? '', doc, counter);
  if (alias) throw new ContentFileError(file, alias.line + 1, alias.message);
  const data = doc.toJS() as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentFileError(file, 2, 'frontmatter phải là các cặp "tên: giá trị".');
  }
  const bodyLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 0 : 1);
  return { data: data as Record<string, unknown>, body: raw.slice(m[0].length), bodyLine };
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

/** 1-based line number of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
