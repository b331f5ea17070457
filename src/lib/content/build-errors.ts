import { stripVTControlCharacters } from 'node:util';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { ContentFileError, FRONTMATTER, lineOf, parseContentText } from './content-files.ts';

/**
 * Astro's failures, told to an editor: `npm run build` and `npm run check` read what `astro build` or
 * `astro check` printed, find the page and line at fault, and put one Vietnamese sentence before
 * Astro's own report. The four failures an editor causes are told apart here: frontmatter that is
 * not YAML, frontmatter the schema rejects (a wrong field, a missing one, an issuer id that is not
 * in the list), MDX that does not parse (a stray `{` or `<`, reported in the words of the MDX parser
 * and its JavaScript parser "oxc") and an expression MDX cannot evaluate (`{hoiNghi}`). Anything
 * else keeps Astro's message, still named by file when Astro gives one. Astro's hints that do not
 * concern content ("Browser APIs are not available on the server", chosen because the message
 * contains the word "document") are dropped from what the editor sees.
 *
 * Pure: the caller reads the page's text from disk (build-errors-fs.ts does it for the scripts).
 */

/** What Astro's output says went wrong. */
export interface AstroFailure {
  kind: 'yaml' | 'schema' | 'mdx' | 'render' | 'other';
  /** Absolute path of the page, when Astro names one. */
  file?: string;
  /** Route being rendered, for a failure while rendering (`/tin/2024-06-20-…/`). */
  route?: string;
  /** 1-based line and column when Astro gives them (0 or absent: unknown). */
  line?: number;
  column?: number;
  /** The error's own message, first line. */
  message: string;
  /** Schema failures: each rejected field (`sources.0.url`) and why. */
  issues: { path: string; message: string }[];
}

/** One explained problem: where, and what to do, in one Vietnamese sentence. */
export interface Explanation {
  /** Absolute path of the page, or undefined when unknown. */
  file?: string;
  line?: number;
  sentence: string;
}

const LOG_LINE = /^\d\d:\d\d:\d\d \[/;
const ERROR_NAME = /^\[([A-Za-z]+Error)\]\s*(.*)$/;
const POSITIONED = /^(\d+):(\d+): (.*)$/;
const LOCATION = /^\s+(\/\S+?|[A-Za-z]:\\\S+?|file:\/\/\S+?):(\d+):(\d+)\s*$/;
const RENDER_ROUTE = /\[build\] Caught error rendering (\/\S*): (.*)$/;

/** Astro's output without colours, with Windows line ends folded. */
function clean(output: string): string[] {
  return stripVTControlCharacters(output).replace(/\r\n?/g, '\n').split('\n');
}

/**
 * Reads the first failure out of what `astro build` or `astro check` printed (stdout and stderr
 * together are fine). Returns null when the output holds no error Astro reports this way.
 */
/** "content/tin/x.mdx:5  Câu giải thích": a page problem our code has already placed and explained. */
const OWN_SENTENCE = /(?:^|\s)(\S+\.mdx?):(\d+) {2}(\S.*)$/;

export function readAstroFailure(output: string): AstroFailure | null {
  const lines = clean(output);
  const locIndex = lines.findIndex(
    (l, i) => /^\s+Location:\s*$/.test(l) && LOCATION.test(lines[i + 1] ?? ''),
  );
  const loc = locIndex === -1 ? null : LOCATION.exec(lines[locIndex + 1] ?? '');
  const renderLine = lines.map((l) => RENDER_ROUTE.exec(l)).find((m) => m !== null);
  const named = lines.findIndex((l) => ERROR_NAME.test(l));
  const positioned = lines.findIndex((l) => POSITIONED.test(l));
  // A page problem our own code reported as "file:line  sentence" (the content loader, the MDX
  // safety check), which Astro prints without a location of its own.
  const ownLine = loc === null ? lines.map((l) => OWN_SENTENCE.exec(l)).find((m) => m !== null) : undefined;
  if (ownLine) {
    const [, file = '', line, sentence] = ownLine as RegExpExecArray;
    return { kind: 'other', file, line: Number(line), message: `${file}:${line}  ${sentence}`, issues: [] };
  }
  if (loc === null && renderLine === undefined && named === -1 && positioned === -1) return null;

  const failure: AstroFailure = { kind: 'other', message: '', issues: [] };
  if (loc !== null) {
    const file = loc[1] as string;
    failure.file = file.startsWith('file://') ? decodeURIComponent(new URL(file).pathname) : file;
    const line = Number(loc[2]);
    const column = Number(loc[3]);
    if (line > 0) failure.line = line;
    if (column > 0) failure.column = column;
  }

  if (named !== -1) {
    const [, name, rest] = ERROR_NAME.exec(lines[named] as string) as RegExpExecArray;
    failure.message = (rest ?? '').replace(/\*\*/g, '');
    if (name === 'InvalidContentEntryDataError' || name === 'ContentEntryDataError') {
      failure.kind = 'schema';
      failure.issues = schemaIssues(lines.slice(named + 1));
    } else if (name === 'MDXError') failure.kind = 'mdx';
    return failure;
  }
  if (positioned !== -1) {
    const [, line, column, message] = POSITIONED.exec(lines[positioned] as string) as RegExpExecArray;
    failure.message = message as string;
    if (/\(mdx[-:]|\boxc\b|MDX|JSX/.test(failure.message)) failure.kind = 'mdx';
    failure.line ??= Number(line);
    failure.column ??= Number(column);
    return failure;
  }
  if (renderLine !== undefined) {
    failure.kind = 'render';
    failure.route = renderLine[1] as string;
    failure.message = (renderLine[2] as string).replace(/^[A-Za-z]*Error: /, '');
    return failure;
  }
  // An error without a name of Astro's: its message is the text just above "Location:".
  const before = lines.slice(0, locIndex).filter((l) => l.trim() !== '' && !LOG_LINE.test(l));
  failure.message = (before[before.length - 1] ?? '').trim();
  if (/\.mdx?$/.test(failure.file ?? '') && /yaml|scalar|mapping|indentation|stream/i.test(output)) {
    failure.kind = 'yaml';
  }
  return failure;
}

/** The `  field: message` lines of a schema error, up to its hint or reference. */
function schemaIssues(lines: string[]): AstroFailure['issues'] {
  const issues: AstroFailure['issues'] = [];
  for (const line of lines) {
    if (/^\s+(?:Hint|Error reference|Location|Stack trace):/.test(line)) break;
    const m = /^\s+([\w.[\]-]+): (.*)$/.exec(line.replace(/\*\*/g, ''));
    if (m !== null) issues.push({ path: m[1] as string, message: (m[2] as string).trim() });
  }
  return issues;
}

/**
 * Astro's output with the hints that have nothing to do with content removed: the "Browser APIs are
 * not available on the server" block Astro attaches to any error whose text contains "document" or
 * "window" (every schema error of the `documents` collection). Everything else is kept.
 */
export function withoutNoise(output: string): string {
  const lines = output.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const plain = stripVTControlCharacters(line);
    if (
      /^\s+Hint:\s*$/.test(plain) &&
      /Browser APIs are not available/.test(stripVTControlCharacters(lines[i + 1] ?? ''))
    ) {
      // Skip the hint's indented block, up to the next heading ("Error reference:", "Location:" …).
      i++;
      while (i + 1 < lines.length && !/^\s{0,2}\S/.test(stripVTControlCharacters(lines[i + 1] as string)))
        i++;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Vietnamese names of the value types zod reports. */
const TYPE_NAMES: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  boolean: 'true hoặc false',
  array: 'một danh sách',
  object: 'một nhóm trường',
  date: 'một ngày',
};

const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** One schema issue as a sentence. Our own messages are Vietnamese already; zod's are translated. */
export function schemaIssueSentence(path: string, message: string, value?: unknown): string {
  const shown = value === undefined ? '' : ` (đang ghi ${JSON.stringify(value)})`;
  let m = /^Invalid option: expected one of (.*)$/.exec(message);
  if (m !== null) {
    const options = (m[1] as string).split('|').map((o) => o.replace(/^"|"$/g, ''));
    return `Trường ${path} chỉ nhận một trong các giá trị ${options.join(', ')}${shown}.`;
  }
  m = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (m !== null) {
    if (m[2] === 'undefined')
      return `Thiếu trường bắt buộc ${path}: hãy thêm dòng "${path.split('.').pop()}: …".`;
    return `Trường ${path} phải là ${TYPE_NAMES[m[1] as string] ?? m[1]}${shown}.`;
  }
  if (/^Too small: expected string to have >=1 characters?$/.test(message)) {
    return `Trường ${path} không được để trống.`;
  }
  m = /^Too small: expected array to have >=(\d+) items?$/.exec(message);
  if (m !== null) return `Trường ${path} cần ít nhất ${m[1]} mục.`;
  if (/^Invalid (?:URL|url)\b/.test(message))
    return `Trường ${path} phải là một địa chỉ đầy đủ (https://…)${shown}.`;
  if (VIETNAMESE_LETTER.test(message)) return `Trường ${path}: ${message}`;
  return `Trường ${path} không hợp lệ${shown}: ${message}.`;
}

/**
 * The 1-based file line of a frontmatter field (`sources.0.url`) in a page's text, or of its nearest
 * ancestor present when the field itself is missing; 1 when the frontmatter cannot be read.
 */
export function fieldLine(source: string, path: string): { line: number; value?: unknown } {
  const m = FRONTMATTER.exec(source);
  if (m === null) return { line: 1 };
  const counter = new LineCounter();
  const doc = parseDocument(m[1] ?? '', { lineCounter: counter });
  const keys = path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  let node: unknown = doc.contents;
  let line = 0; // YAML line; 0 = the `---` line above it
  let value: unknown;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (pair === undefined) return { line: line + 1 };
      const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
      if (keyRange) line = counter.linePos(keyRange[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as { range?: [number, number, number] } | undefined;
      if (item === undefined) return { line: line + 1 };
      if (item.range) line = counter.linePos(item.range[0]).line;
      node = item;
    } else return { line: line + 1 };
  }
  const scalar = node as { value?: unknown; range?: [number, number, number] } | null;
  if (scalar && !isMap(scalar) && !isSeq(scalar)) value = scalar.value;
  if (scalar?.range) line = counter.linePos(scalar.range[0]).line;
  // The frontmatter starts on the file's second line (after `---`).
  return value === undefined ? { line: line + 1 } : { line: line + 1, value };
}

/** Why MDX could not read a line, and what to write instead. */
export function mdxSentence(message: string): string {
  const closing = /Expected a closing tag for `<([^>`\s]+)>`/.exec(message);
  if (closing !== null) {
    const tag = closing[1];
    return `Thẻ <${tag}> ở dòng này chưa được đóng: thêm </${tag}> (hoặc viết <${tag} /> nếu thẻ không có nội dung); nếu chỉ muốn viết dấu nhỏ hơn, hãy viết &lt; thay cho <.`;
  }
  if (/to create a comment in MDX/.test(message)) {
    return 'Chú thích kiểu HTML <!-- … --> không dùng được trong MDX: hãy viết {/* … */}.';
  }
  if (/`<`|JSX tag|closing tag|before name|after name|attribute/.test(message)) {
    return 'Dấu < ở dòng này bị MDX đọc là mở đầu một thẻ (JSX): nếu chỉ muốn viết dấu nhỏ hơn, hãy viết &lt; (hoặc \\<).';
  }
  if (/`\{`|`\}`|\bexpression\b|\boxc\b/.test(message)) {
    return 'Dấu { ở dòng này bị MDX đọc là mở đầu một biểu thức JavaScript: nếu chỉ muốn viết dấu ngoặc nhọn, hãy viết \\{ (và \\} cho dấu đóng).';
  }
  if (/import|export|ESM/i.test(message)) {
    return 'Dòng bắt đầu bằng "import" hoặc "export" bị MDX đọc là mã JavaScript: hãy viết lại để dòng không bắt đầu bằng từ đó.';
  }
  return `Nội dung trang (MDX) sai cú pháp ở dòng này (${message.replace(/\s*\(mdx[^)]*\)$/, '')}); hãy sửa hoặc xóa ký tự gây lỗi.`;
}

/**
 * The sentence for text in braces that MDX takes for a JavaScript expression (`{hoiNghi}`, `{năm
 * 2022}`): MDX evaluates it, and a name that is not defined stops the build.
 */
export function expressionSentence(expression: string): string {
  const shown = expression.length > 40 ? `${expression.slice(0, 40)}…` : expression;
  return `Dấu {${shown}} ở dòng này bị MDX đọc là một biểu thức JavaScript: nếu chỉ muốn viết chữ trong ngoặc nhọn, hãy viết \\{${shown}\\}.`;
}

/** The sentence for an undefined name in a `{…}` expression, and the line that holds it. */
function undefinedNameExplanation(file: string, source: string, message: string): Explanation | null {
  const m = /^(\S+) is not defined$/.exec(message);
  if (m === null) return null;
  const name = m[1] as string;
  const at = new RegExp(`\\{(\\s*${name.replace(/[$]/g, '\\$')}\\b[^}\\n]*)\\}`).exec(source);
  if (at === null) {
    return {
      file,
      sentence: `Trang có {${name}} mà MDX đọc là một biểu thức JavaScript: hãy viết \\{${name}\\}.`,
    };
  }
  return { file, line: lineOf(source, at.index), sentence: expressionSentence((at[1] as string).trim()) };
}

/**
 * Explains a failure in Vietnamese: one sentence per problem, each with the page and line. `source`
 * is the text of the page Astro named (undefined when it could not be read); `fileOfRoute` maps a
 * rendered route to its page file and text, for failures while rendering.
 */
export function explainFailure(
  failure: AstroFailure,
  source: string | undefined,
  fileOfRoute: (route: string) => { file: string; source: string } | undefined = () => undefined,
): Explanation[] {
  const { file } = failure;
  const at = (line: number | undefined, sentence: string): Explanation => {
    const e: Explanation = { sentence };
    if (file !== undefined) e.file = file;
    if (line !== undefined && line > 0) e.line = line;
    return e;
  };
  // A page whose frontmatter is not YAML fails whatever Astro called it: say so first.
  if (file !== undefined && source !== undefined && /\.mdx?$/.test(file)) {
    try {
      parseContentText(file, source);
    } catch (err) {
      if (err instanceof ContentFileError) return [at(err.line, frontmatterSentence(err))];
      throw err;
    }
  }
  switch (failure.kind) {
    case 'yaml':
      return [at(failure.line, `Phần thông tin đầu trang (frontmatter) không đọc được: ${failure.message}.`)];
    case 'schema': {
      if (failure.issues.length === 0)
        return [at(1, `Thông tin đầu trang không đúng quy định: ${failure.message}`)];
      return failure.issues.map((issue) => {
        const { line, value } =
          source === undefined ? { line: 1, value: undefined } : fieldLine(source, issue.path);
        return at(line, schemaIssueSentence(issue.path, issue.message, value));
      });
    }
    case 'mdx':
      return [at(failure.line, mdxSentence(failure.message))];
    case 'render': {
      const page = failure.route === undefined ? undefined : fileOfRoute(failure.route);
      if (page !== undefined) {
        const named = undefinedNameExplanation(page.file, page.source, failure.message);
        if (named !== null) return [named];
        return [{ file: page.file, sentence: `Trang này không dựng được: ${failure.message}.` }];
      }
      return [at(undefined, `Trang ${failure.route ?? ''} không dựng được: ${failure.message}.`)];
    }
    default: {
      // A check of ours that already wrote "file:line  sentence" (the MDX safety check): keep its
      // sentence, without the place said twice.
      const own = /^(\S+?):(\d+) {2}([\s\S]+)$/.exec(failure.message);
      if (own && (file === undefined || file.endsWith(own[1] as string))) {
        const sentence = (own[3] as string).trim().replace(/\.*$/, '.');
        return [
          {
            file: file ?? (own[1] as string),
            line: Number(own[2]),
            sentence: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`,
          },
        ];
      }
      return [
        at(
          failure.line,
          file === undefined
            ? `Astro dừng vì lỗi: ${failure.message}.`
            : `Astro không xử lý được tệp này: ${failure.message}.`,
        ),
      ];
    }
  }
}

/** The sentence for a page whose frontmatter cannot be read, from the content reader's error. */
function frontmatterSentence(err: ContentFileError): string {
  const text = err.message.slice(`${err.file}:${err.line}: `.length);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** `LỖI  content/tin/x.mdx:5  sentence`, with the path relative to `cwd` (the check's format). */
export function formatExplanation(e: Explanation, relative: (file: string) => string): string {
  const where =
    e.file === undefined ? '' : `${relative(e.file)}${e.line === undefined ? '' : `:${e.line}`}  `;
  return `LỖI  ${where}${e.sentence}`;
}
