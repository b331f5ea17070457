import { LineCounter, parseDocument, type YAMLError } from 'yaml';
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
  /** `options.cause` keeps the error this one explains. */
  constructor(file: string, line: number, message: string, options?: ErrorOptions) {
    super(`${file}:${line}: ${message}`, options);
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
    const problem = yamlProblem(m[1] ?? '', error, counter.linePos(error.pos[0]).line);
    // +1: the YAML starts on the file's second line, after `---`.
    throw new ContentFileError(
      file,
      problem.line + 1,
      `Thông tin đầu trang (YAML) không đọc được: ${problem.reason}.`,
    );
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

/**
 * What is wrong with a page's YAML, in an editor's words, and on which line of the YAML (1-based).
 * The `yaml` package names the mistake by a code; its English message follows in brackets for
 * whoever needs it. An unclosed quote is reported where it opens, not at the end of the frontmatter
 * where the parser runs out of text.
 */
export function yamlProblem(
  yaml: string,
  error: YAMLError,
  errorLine: number,
): { line: number; reason: string } {
  const english = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const why = (reason: string, line = errorLine) => ({ line, reason: `${reason} (${english})` });
  switch (error.code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR': {
      const bracket = /end with an? ([\]}])/.exec(english)?.[1];
      if (bracket !== undefined) {
        const open = bracket === ']' ? '[' : '{';
        const line = unclosedBracketLine(yaml, open, bracket);
        return why(`thiếu dấu ${bracket} đóng của ${open}…${bracket} viết trên một dòng`, line ?? errorLine);
      }
      if (error.code === 'BAD_INDENT') return why('thụt lề không đều; các trường cùng cấp phải thẳng cột');
      if (/quote/.test(english)) {
        const quote = /'/.test(english) && !/"/.test(english) ? "'" : '"';
        const open = unclosedQuoteLine(yaml, quote);
        return why(`thiếu dấu ngoặc ${quote === '"' ? 'kép (")' : "đơn (')"} đóng`, open ?? errorLine);
      }
      return why('thiếu một dấu đóng (ngoặc kép, ] hoặc })');
    }
    case 'DUPLICATE_KEY':
      return why('một trường được ghi hai lần; hãy xóa một dòng');
    case 'TAB_AS_INDENT':
      return why('thụt lề bằng phím Tab; hãy thụt lề bằng dấu cách');
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return why(
        'giá trị có dấu hai chấm và dấu cách (": ") hoặc bị xuống dòng; hãy đặt cả giá trị trong ngoặc kép',
      );
    default:
      return why('cú pháp YAML sai; kiểm tra dấu hai chấm, dấu ngoặc và thụt lề ở dòng này');
  }
}

/** 1-based line of the first value that opens `quote` without closing it, if any. */
function unclosedQuoteLine(yaml: string, quote: '"' | "'"): number | undefined {
  const body = quote === '"' ? '(?:[^"\\\\]|\\\\.)*' : "(?:[^']|'')*";
  const open = new RegExp(`^\\s*(?:-\\s+)?(?:[^:#]+:\\s+)?${quote}${body}$`);
  const index = yaml.split('\n').findIndex((l) => open.test(l.trimEnd()));
  return index === -1 ? undefined : index + 1;
}

/** 1-based line of the first line that opens more `open` brackets than it closes, if any. */
function unclosedBracketLine(yaml: string, open: string, close: string): number | undefined {
  const count = (l: string, c: string) => l.split(c).length - 1;
  const index = yaml.split('\n').findIndex((l) => count(l, open) > count(l, close));
  return index === -1 ? undefined : index + 1;
}
