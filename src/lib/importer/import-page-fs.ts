/**
 * The importer: `npm run import -- <file>` turns a news article (plain text or a saved .html page)
 * or an official document (.docx, or its text copied from a portal) into a draft page with
 * `draft: true`, its frontmatter filled from the text, and keeps the source text beside it.
 *
 * Part: the importer (src/lib/importer/). May import: the content model and the document graph.
 * The pure steps are beside this file (raw-text, vietnamese-dates, article-text, article-facts,
 * document-header, markdown-body, mdx-page, import-page); this file reads the input, the site's
 * data and documents, and writes the two files — atomically, and never over an existing file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { readFrontmatters } from '../content/content-files-fs.ts';
import { DOCUMENTS_DIR, NEWS_DIR, SOURCES_DIR, sourceTextPath } from '../content/paths.ts';
import type { Taxonomies } from '../content/taxonomy.ts';
import { readTaxonomies } from '../content/taxonomy-fs.ts';
import { createDocumentIndex, type DocumentIndex, knownDocumentFrom } from '../graph/document-registry.ts';
import {
  buildDraft,
  type DocumentFacts,
  type Draft,
  ImportError,
  type ImportKind,
  type ImportSource,
  looksLikeDocument,
  type NewsFacts,
} from './import-page.ts';
import { blocksFromHtml, blocksFromLines, type SourceBlock } from './markdown-body.ts';
import { writeNewFileAtomically } from './new-file-fs.ts';
import { textLines } from './raw-text.ts';
import { readDateLine } from './vietnamese-dates.ts';

/** Options of {@link importPage}. */
export interface ImportOptions {
  /** The file to import, or `-` for standard input. */
  file: string;
  /** Content directory (with tin/, van-ban/, data/). */
  contentRoot: string;
  /** Build the draft and report it, but write nothing. */
  dryRun?: boolean;
  /** Overrides the detection of article or document. */
  as?: ImportKind;
  /** Standard input's text, for `-` (read by the caller so this stays testable). */
  stdin?: () => Promise<string>;
  /** Today as `YYYY-MM-DD` (a date the text lacks stands in as it, marked for the editor). */
  today?: string;
}

/** What an import did. */
export interface ImportResult {
  draft: Draft;
  /** Absolute path of the page written (or that would be written). */
  pagePath: string;
  /** Absolute path of the kept source text. */
  sourcePath: string;
  /** Whether files were written (false for a dry run). */
  written: boolean;
}

/** File name endings the importer reads, and how. */
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const WORD_EXTENSIONS = new Set(['.docx']);

/** Reads the file, builds the draft and (unless a dry run) writes the page and its source. */
export async function importPage(options: ImportOptions): Promise<ImportResult> {
  const source = await readSource(options);
  const context = {
    taxonomies: readSiteTaxonomies(options.contentRoot),
    documents: readDocumentIndex(options.contentRoot),
    today: options.today ?? new Date().toISOString().slice(0, 10),
  };
  const draft = buildDraft(source, context);
  const folder = draft.folder === 'tin' ? NEWS_DIR : DOCUMENTS_DIR;
  const pagePath = path.join(options.contentRoot, folder, `${draft.id}.mdx`);
  const sourcePath = path.join(options.contentRoot, sourceTextPath(draft.folder, draft.id));
  for (const target of [pagePath, sourcePath]) {
    if (fs.existsSync(target)) {
      throw new ImportError(
        `Đã có tệp ${target}: lệnh không ghi đè. Nếu muốn nhập lại, hãy đổi tên hoặc xóa tệp cũ (và bản gốc của nó trong ${path.join(options.contentRoot, SOURCES_DIR)}) rồi chạy lại.`,
      );
    }
  }
  if (!options.dryRun) {
    writeNewFile(pagePath, draft.page);
    try {
      writeNewFile(sourcePath, draft.source);
    } catch (err) {
      fs.rmSync(pagePath, { force: true });
      throw err;
    }
  }
  return { draft, pagePath, sourcePath, written: !options.dryRun };
}

/** The `--json` object: the facts and the page's path (relative to `cwd`, with `/`). */
export function jsonReport(
  result: ImportResult,
  cwd: string,
): (NewsFacts | DocumentFacts) & { path: string } {
  const relative = path.relative(cwd, result.pagePath);
  const shown = relative.startsWith('..') ? result.pagePath : relative;
  return { ...result.draft.facts, path: shown.split(path.sep).join('/') };
}

/** Writes a file that must not exist yet, all at once (new-file-fs.ts); an existing one is an error. */
export function writeNewFile(target: string, text: string): void {
  if (!writeNewFileAtomically(target, text))
    throw new ImportError(`Đã có tệp ${target}: lệnh không ghi đè. Đổi tên hoặc xóa tệp cũ rồi chạy lại.`);
}

// ---------------------------------------------------------------------------------------------
// Reading the input

function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ImportError(
        `Không tìm thấy tệp ${file}. Kiểm tra tên và thư mục của tệp (đường dẫn tính từ thư mục dự án).`,
        { cause: err },
      );
    if (code === 'EISDIR')
      throw new ImportError(
        `${file} là một thư mục, không phải tệp. Hãy chỉ tới một tệp .txt, .html hoặc .docx.`,
        { cause: err },
      );
    if (code === 'EACCES' || code === 'EPERM')
      throw new ImportError(
        `Không có quyền đọc tệp ${file}. Hãy sao chép tệp vào thư mục của mình rồi chạy lại.`,
        { cause: err },
      );
    throw new ImportError(
      `Không đọc được tệp ${file} (${code ?? (err as Error).message}). Hãy kiểm tra tệp rồi chạy lại.`,
      { cause: err },
    );
  }
}

function decodeText(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new ImportError(
      `Tệp ${file} không phải văn bản Unicode (UTF-8). Hãy mở tệp và lưu lại với mã Unicode (UTF-8), hoặc chép nội dung vào một tệp .txt mới.`,
      { cause: err },
    );
  }
}

async function readSource(options: ImportOptions): Promise<ImportSource> {
  const { file } = options;
  const as = options.as === undefined ? {} : { as: options.as };
  if (file === '-') {
    const text = options.stdin === undefined ? '' : await options.stdin();
    return { fileName: 'đầu vào chuẩn (stdin)', blocks: blocksFromLines(textLines(text)), ...as };
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.doc') {
    throw new ImportError(
      `Tệp ${file} là tệp Word cũ (.doc), lệnh chưa đọc được. Hãy mở bằng Word hoặc LibreOffice và "Lưu thành" .docx, rồi chạy lại.`,
    );
  }
  if (!TEXT_EXTENSIONS.has(ext) && !HTML_EXTENSIONS.has(ext) && !WORD_EXTENSIONS.has(ext)) {
    throw new ImportError(
      `Không nhập được tệp ${file}: lệnh đọc tệp .txt (chữ chép từ trang web), .html (trang web đã lưu) và .docx (Word). ` +
        'Với tệp PDF hay định dạng khác, hãy chép chữ vào một tệp .txt rồi nhập tệp đó.',
    );
  }
  const bytes = readBytes(file);
  if (WORD_EXTENSIONS.has(ext)) return { fileName: file, blocks: await readWord(bytes, file), ...as };
  const text = decodeText(bytes, file);
  if (HTML_EXTENSIONS.has(ext)) return { ...readHtmlPage(text, file), ...as };
  return { fileName: file, blocks: blocksFromLines(textLines(text)), ...as };
}

/** A .docx file as blocks, through mammoth's conversion to HTML (tables and lists kept). */
async function readWord(bytes: Buffer, file: string): Promise<SourceBlock[]> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return blocksFromHtml(value);
  } catch {
    throw new ImportError(
      `Không đọc được tệp Word ${file}: tệp hỏng hoặc không phải .docx. Hãy mở bằng Word hoặc LibreOffice, lưu lại thành .docx rồi chạy lại.`,
    );
  }
}

/**
 * A saved web page: a document's text when the page shows a document (its header found in the whole
 * page), otherwise the article found by Readability (Firefox's reader view), with what the page's
 * meta tags say about it (title, date, outlet, author, address).
 */
function readHtmlPage(html: string, file: string): ImportSource {
  const { document } = parseHTML(html);
  const meta = (selector: string) =>
    document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const whole = blocksFromHtml(document.body?.innerHTML ?? html);
  if (looksLikeDocument(whole)) return { fileName: file, blocks: whole };
  const article = new Readability(document as unknown as Document).parse();
  const blocks = article?.content ? blocksFromHtml(article.content) : whole;
  const page: NonNullable<ImportSource['page']> = {};
  // The article's own headline (its first heading) is better than the page's <title>, which
  // usually ends with the outlet's name.
  const headline = blocks[0]?.node?.type === 'heading' ? blocks.shift()?.text : undefined;
  const title = headline || meta('meta[property="og:title"]') || article?.title?.trim();
  if (title) page.title = title;
  const published = meta('meta[property="article:published_time"]') ?? article?.publishedTime ?? undefined;
  const date =
    published === undefined ? null : (/^\d{4}-\d{2}-\d{2}/.exec(published)?.[0] ?? readDateLine(published));
  if (date) page.publishedDate = date;
  const outlet = article?.siteName?.trim() || meta('meta[property="og:site_name"]');
  if (outlet) page.outlet = outlet;
  if (article?.byline) page.author = article.byline.trim();
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    meta('meta[property="og:url"]') ??
    undefined;
  if (url && /^https?:\/\//.test(url)) page.url = url;
  return { fileName: file, blocks, page };
}

// ---------------------------------------------------------------------------------------------
// The site

function readSiteTaxonomies(root: string): Taxonomies {
  return readTaxonomies(root);
}

/** The site's documents, by code, for resolving the codes a text cites. */
function readDocumentIndex(root: string): DocumentIndex {
  return createDocumentIndex(
    readFrontmatters(root, ['documents']).flatMap((p) => knownDocumentFrom(p.id, p.data) ?? []),
  );
}
