/**
 * Does a page use MDX? Pages are written as MDX, but most use nothing of it: no `import`/`export`,
 * no JSX element, no `{expression}`. Such a page need not be compiled into a JavaScript module of its
 * own: the content layer can render it once and keep its HTML (src/loaders/content-pages.ts).
 *
 * The test is made on the syntax tree that `@astrojs/mdx` itself would compile (Sätteri's MDX
 * parser), not on the text: `{` in a code span, `<` before a space or an escaped `\{` are plain
 * text, an `import` line inside a code block is code. A page whose tree holds an MDX node (ESM,
 * JSX, an expression) uses MDX. A page with an image stays on the MDX path too, because there
 * Astro turns local images into its optimised `<Image>`. Where Markdown and MDX read the same text
 * differently (indented code, HTML, `<https://…>` autolinks) nothing is lost: the page is never
 * read as Markdown, it is the MDX tree that is rendered either way.
 *
 * A syntax error (a stray `{` or `<` in running text) is reported with the line and column and a
 * plain Vietnamese hint.
 */
import { type MdastPluginDefinition, mdxToJs, mdxToMdast } from 'satteri';
import { mdxSentence } from '../content/build-errors.ts';

/** How a page's body is rendered. */
export type BodyKind =
  /** Uses nothing of MDX: its HTML can be made once, in the content layer. */
  | 'static'
  /** Uses MDX (import/export, JSX, expressions): compiled by `@astrojs/mdx`. */
  | 'mdx'
  /** Uses no MDX but has an image, which the MDX path turns into Astro's `<Image>`. */
  | 'mdx-images';

/** A body MDX cannot parse. Line and column are 1-based, in the text that was parsed. */
export class MdxSyntaxError extends Error {
  override name = 'MdxSyntaxError';
  /** What the MDX parser said, without its position prefix. */
  readonly reason: string;
  readonly line: number;
  readonly column: number;
  constructor(reason: string, line: number, column: number) {
    super(`${line}:${column}: ${reason}`);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

const MDX_NODE = /"type":"mdx(?:jsEsm|JsxFlowElement|JsxTextElement|FlowExpression|TextExpression)"/;
const IMAGE_NODE = /"type":"image(?:Reference)?"/;

/**
 * The syntax error in an error Sätteri threw while parsing or compiling a page. Its errors read
 * "12:5: Unexpected character … (mdx-jsx:unexpected-character)".
 */
export function toSyntaxError(err: unknown): MdxSyntaxError {
  const message = err instanceof Error ? err.message : String(err);
  const m = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(message);
  if (m === null) return new MdxSyntaxError(message, 1, 1);
  return new MdxSyntaxError(m[3] ?? message, Number(m[1]), Number(m[2]));
}

/** What {@link mdxUsagePlugin} found in a page. */
export interface MdxUsage {
  /** ESM, a JSX element or an expression. */
  mdx: boolean;
  /** An image (Markdown `![…](…)`). */
  images: boolean;
}

/**
 * A Sätteri mdast plugin that notes, while a page is compiled anyway, whether it uses MDX or has
 * images: the same test as {@link classifyBody} without a second parse. Put it first in the list.
 */
export function mdxUsagePlugin(found: MdxUsage): MdastPluginDefinition {
  const mdx = () => {
    found.mdx = true;
  };
  const image = () => {
    found.images = true;
  };
  return {
    name: 'so-tay-mdx-usage',
    mdxjsEsm: mdx,
    mdxJsxFlowElement: mdx,
    mdxJsxTextElement: mdx,
    mdxFlowExpression: mdx,
    mdxTextExpression: mdx,
    image,
    imageReference: image,
  };
}

/** The kind of a page from what {@link mdxUsagePlugin} found. */
export function kindOf(found: MdxUsage): BodyKind {
  if (found.mdx) return 'mdx';
  return found.images ? 'mdx-images' : 'static';
}

/**
 * Classifies a page body.
 *
 * @param source the text `@astrojs/mdx` compiles: the file with its frontmatter blanked out
 *   (`parseFrontmatter(…, { frontmatter: 'empty-with-spaces' })`), so positions are the file's.
 * @throws MdxSyntaxError when MDX cannot parse the body.
 */
export function classifyBody(source: string): BodyKind {
  let tree: string;
  try {
    tree = JSON.stringify(mdxToMdast(source, { position: false }));
  } catch (err) {
    throw toSyntaxError(err);
  }
  if (MDX_NODE.test(tree)) {
    // The tree does not check the JavaScript of imports and expressions ("import" opening an
    // ordinary sentence is read as one); compiling does, as @astrojs/mdx would at bundle time.
    try {
      mdxToJs(source);
    } catch (err) {
      throw toSyntaxError(err);
    }
    return 'mdx';
  }
  return IMAGE_NODE.test(tree) ? 'mdx-images' : 'static';
}

/** The character at a 1-based line and column, and the rest of its line. */
function around(source: string, line: number, column: number): { text: string; rest: string } {
  const text = source.split(/\r?\n/)[line - 1] ?? '';
  return { text, rest: text.slice(Math.max(0, column - 1)) };
}

/** A plain Vietnamese hint for what the author most likely meant. */
function hintFor(rest: string, reason: string): string {
  if (/^(?:import|export)\b/.test(rest.trimStart()) || /\besm\b/.test(reason))
    return 'MDX đọc một đoạn bắt đầu bằng chữ import hay export là mã JavaScript: nếu đây là câu văn, hãy viết lại để nó không mở đầu bằng chữ đó.';
  if (rest.startsWith('<!--'))
    return 'Chú thích HTML <!-- … --> không dùng được trong MDX: hãy xóa nó, hoặc viết {/* … */}.';
  if (/^<[a-z][a-z0-9+.-]*:\/\//i.test(rest) || /^<[^\s<>@]+@[^\s<>]+>/.test(rest))
    return 'Liên kết dạng <https://…> không dùng được trong MDX: hãy viết [nhãn](https://…), hoặc bỏ hai dấu < >.';
  const brace =
    'Trong MDX, dấu { mở một biểu thức. Muốn viết dấu { hay } như chữ thường, hãy viết \\{ hay \\}.';
  const angle = 'Trong MDX, dấu < mở một thẻ. Muốn viết dấu < như chữ thường, hãy viết &lt; (hoặc \\<).';
  // The character the parser points at says most; its message only when that is not a { or <.
  if (rest.startsWith('{') || rest.startsWith('}')) return brace;
  if (rest.startsWith('<')) return angle;
  if (/expression|brace/i.test(reason)) return brace;
  if (/jsx|tag/i.test(reason)) return angle;
  return 'Hãy xem các dấu {, }, < và > quanh chỗ này: muốn hiện chúng như chữ thường, hãy viết \\{, \\} và &lt;.';
}

/**
 * The message that stops the build for a page MDX cannot parse: file, line and column, the line
 * itself with a caret under the spot, a hint in plain Vietnamese, and the parser's own words.
 *
 * @param file the page's path as the author knows it (`content/tin/….mdx`).
 * @param source the text that was parsed (positions refer to it).
 */
export function describeMdxSyntaxError(file: string, source: string, err: MdxSyntaxError): string {
  const { text, rest } = around(source, err.line, err.column);
  const gutter = String(err.line);
  return [
    `${file}:${err.line}  ${mdxSentence(err.reason)}`,
    `Lỗi cú pháp ở dòng ${err.line}, cột ${err.column}:`,
    `  ${gutter} | ${text}`,
    `  ${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, err.column - 1))}^`,
    hintFor(rest, err.reason),
    `(Trình đọc MDX báo: ${err.reason})`,
  ].join('\n');
}
