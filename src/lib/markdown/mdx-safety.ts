/**
 * What an MDX page may run on the build machine. MDX is JavaScript: an `import` loads any module
 * (`node:child_process`, an npm package, any file), an `export` runs code when the page's module is
 * loaded, and every `{expression}` — in text, in a JSX attribute, a `{...spread}` — is evaluated
 * while the page renders. A page is content written by editors and sometimes pasted from elsewhere;
 * it must not be able to do that. The policy:
 *
 * - `import` only from the project's components, `src/components/` (by a relative path, or the
 *   root-relative `/src/components/…` that Vite resolves from the project root; the project has no
 *   alias). No query (`?raw`), no import attributes.
 * - No `export` of any kind: a page's data belongs in its frontmatter.
 * - Expressions only of inert values: strings, numbers, booleans, `null`/`undefined`, template
 *   strings without `${}`, the names the page imports, `frontmatter.x` / `props.x` (plain property
 *   names), and arrays and objects of these. Nothing that calls: no call, `new`, tagged template,
 *   `await`, `import()`, function, getter, assignment or operator. A comment `{/* … *\/}` is fine.
 * - A JSX element is an HTML tag (lower case, no dot) or a component the page imports: `<Foo>` and
 *   `<a.b>` are references MDX calls as functions.
 *
 * Everything else stops the build with a Vietnamese message naming the file and line. The check is
 * pure and is given the pieces of code the parser found ({@link MdxCode}): the Sätteri plugin
 * ({@link satteriMdxSafety}, on the MDX path of astro.config.mjs) gives it those of every compiled
 * page, and `npm run check` those of a tree parsed with micromark ({@link mdxCodeInTree}).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Node as AcornNode, type Expression, parse as parseJs } from 'acorn';
import type { Nodes as MdastNodes, Root } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { expressionSentence } from '../content/build-errors.ts';

/** One piece of code in an MDX page, as the parser found it. */
export interface MdxCode {
  /**
   * `esm`: a block of import/export lines; `expression`: `{…}` in text or as an attribute value;
   * `spread`: a `{...x}` attribute; `element`: a JSX element (its `value` is the name, '' for `<>`).
   */
  kind: 'esm' | 'expression' | 'spread' | 'element';
  /** The code as written (without the braces), or the element name. */
  value: string;
  /** 1-based line in the file where it starts. */
  line: number;
}

/** Where the page is and what it may import. */
export interface MdxSafetyOptions {
  /** Absolute path of the page. */
  file: string;
  /** The project's root folder (holding `src/components/`). */
  projectRoot: string;
}

/** One refusal. */
export interface MdxSafetyIssue {
  /** 1-based line in the file. */
  line: number;
  /** What is refused and what to do, in Vietnamese. */
  message: string;
}

/** Where components live, relative to the project root. */
export const COMPONENTS_DIR = 'src/components';

/** Names an expression may use besides the page's imports. */
const PAGE_NAMES = new Set(['frontmatter', 'props']);
const VALUE_NAMES = new Set(['undefined', 'NaN', 'Infinity']);
/** Property names that lead from a value to its functions and prototypes. */
const HIDDEN_PROPERTIES = new Set([
  'constructor',
  'prototype',
  '__proto__',
  '__defineGetter__',
  '__lookupGetter__',
]);

const ADVICE_EXPRESSION =
  'trong MDX chỉ được dùng chữ, số, tên thành phần đã import, frontmatter.tên hoặc props.tên, và mảng/đối tượng của chúng; lời gọi hàm, await, import(), hàm, phép toán… sẽ chạy mã trên máy build. Muốn viết dấu { hoặc < như chữ thường thì viết \\{ và &lt;.';

/** The refusals for a page's code, in the order found. Empty when the page only uses what it may. */
export function mdxSafetyIssues(codes: readonly MdxCode[], options: MdxSafetyOptions): MdxSafetyIssue[] {
  const issues: MdxSafetyIssue[] = [];
  const imported = new Set<string>();
  // Imports first, wherever they are written: the names they bind are usable anywhere in the page.
  for (const code of codes) {
    if (code.kind === 'esm') issues.push(...checkEsm(code, options, imported));
  }
  for (const code of codes) {
    if (code.kind === 'expression' || code.kind === 'spread') {
      const message = checkExpression(code, imported);
      if (message !== null) issues.push({ line: code.line, message });
    } else if (code.kind === 'element') {
      const message = checkElementName(code.value, imported);
      if (message !== null) issues.push({ line: code.line, message });
    }
  }
  return issues.sort((a, b) => a.line - b.line);
}

// --- import / export -----------------------------------------------------------------------------

/** Checks one block of ESM lines; adds the names it imports to `imported`. */
function checkEsm(code: MdxCode, options: MdxSafetyOptions, imported: Set<string>): MdxSafetyIssue[] {
  let program: ReturnType<typeof parseJs>;
  try {
    program = parseJs(code.value, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch (err) {
    return [
      {
        line: code.line,
        message: `không đọc được dòng import/export (${(err as Error).message}). MDX chỉ được import thành phần trong ${COMPONENTS_DIR}/.`,
      },
    ];
  }
  const issues: MdxSafetyIssue[] = [];
  for (const statement of program.body) {
    const line = code.line + (statement.loc?.start.line ?? 1) - 1;
    if (statement.type !== 'ImportDeclaration') {
      issues.push({
        line,
        message:
          'MDX không được có export (hay câu lệnh JavaScript nào khác ngoài import): mã đó chạy trên máy build khi trang được nạp. ' +
          'Thông tin của trang viết trong frontmatter; phần hiển thị dùng thành phần trong src/components/.',
      });
      continue;
    }
    const spec = String(statement.source.value);
    const refusal = importRefusal(spec, statement.attributes.length > 0, options);
    if (refusal !== null) {
      issues.push({ line, message: refusal });
      continue;
    }
    for (const s of statement.specifiers) imported.add(s.local.name);
  }
  return issues;
}

/** Why an import specifier is refused, or null when it names a file under src/components/. */
export function importRefusal(
  spec: string,
  hasAttributes: boolean,
  options: MdxSafetyOptions,
): string | null {
  const components = path.join(options.projectRoot, COMPONENTS_DIR);
  const refuse = (why: string) =>
    `import "${spec}" bị từ chối: ${why} MDX chỉ được import thành phần của dự án trong ${COMPONENTS_DIR}/, ` +
    `ví dụ import HopThongTin from '/${COMPONENTS_DIR}/HopThongTin.astro'; mã import từ nơi khác (node:child_process, gói npm, tệp tùy ý) sẽ chạy trên máy build.`;
  if (hasAttributes) return refuse('import có thuộc tính (with { … }) không được dùng.');
  if (/[?#\0\\]/.test(spec)) return refuse('đường dẫn có ?, # hoặc \\.');
  let target: string;
  if (spec.startsWith('./') || spec.startsWith('../'))
    target = path.resolve(path.dirname(options.file), spec);
  else if (spec.startsWith(`/${COMPONENTS_DIR}/`)) target = path.join(options.projectRoot, spec);
  else return refuse('đây không phải đường dẫn tới một tệp của dự án.');
  const inside = path.relative(components, target);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return refuse(`tệp đó nằm ngoài ${COMPONENTS_DIR}/.`);
  }
  return null;
}

// --- expressions ---------------------------------------------------------------------------------

/** Why an expression (or `{...spread}`) is refused, or null when it is inert. */
function checkExpression(code: MdxCode, imported: ReadonlySet<string>): string | null {
  const shown = code.value.length > 60 ? `${code.value.slice(0, 57)}…` : code.value;
  const refuse = `biểu thức {${shown.replace(/\s+/g, ' ')}} không được phép: ${ADVICE_EXPRESSION}`;
  // A comment alone (`{/* ghi chú */}`) is no code at all.
  try {
    if (parseJs(code.value, { ecmaVersion: 'latest', sourceType: 'module' }).body.length === 0) return null;
  } catch {}
  // Parsed in parentheses (a spread inside an object literal), as MDX compiles it; anything that
  // does not parse as one expression is refused.
  const wrapped = code.kind === 'spread' ? `({\n${code.value}\n})` : `(\n${code.value}\n)`;
  let program: ReturnType<typeof parseJs>;
  try {
    program = parseJs(wrapped, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    return refuse;
  }
  const [statement] = program.body;
  if (program.body.length !== 1 || statement?.type !== 'ExpressionStatement') return refuse;
  if (isInert(statement.expression, imported)) return null;
  // A lone unknown name ("{hoiNghi}") is almost always text the editor meant in braces: say so.
  return statement.expression.type === 'Identifier' ? expressionSentence(code.value.trim()) : refuse;
}

/** Whether evaluating `node` can call nothing. */
function isInert(node: AcornNode | null | undefined, imported: ReadonlySet<string>): boolean {
  if (node === null || node === undefined) return true; // an array hole
  const n = node as Expression;
  switch (n.type) {
    case 'Literal':
      return true;
    case 'TemplateLiteral':
      return n.expressions.length === 0;
    case 'Identifier':
      return imported.has(n.name) || VALUE_NAMES.has(n.name) || PAGE_NAMES.has(n.name);
    case 'MemberExpression':
      return isPlainMember(n, imported);
    case 'ChainExpression':
      return n.expression.type === 'MemberExpression' && isPlainMember(n.expression, imported);
    case 'UnaryExpression':
      return (
        (n.operator === '-' || n.operator === '+') &&
        n.argument.type === 'Literal' &&
        typeof n.argument.value === 'number'
      );
    case 'ArrayExpression':
      return n.elements.every((e) =>
        e?.type === 'SpreadElement' ? isInert(e.argument, imported) : isInert(e, imported),
      );
    case 'ObjectExpression':
      return n.properties.every((p) =>
        p.type === 'SpreadElement'
          ? isInert(p.argument, imported)
          : p.kind === 'init' && !p.method && !p.computed && isInert(p.value, imported),
      );
    default:
      return false;
  }
}

/** `frontmatter.title`, `props.x.y`, `Imported.Part`: plain names down from an allowed name. */
function isPlainMember(n: Expression, imported: ReadonlySet<string>): boolean {
  if (n.type === 'Identifier') return imported.has(n.name) || PAGE_NAMES.has(n.name);
  if (n.type !== 'MemberExpression') return false;
  const name = n.computed
    ? n.property.type === 'Literal' &&
      (typeof n.property.value === 'string' || typeof n.property.value === 'number')
      ? String(n.property.value)
      : null
    : n.property.type === 'Identifier'
      ? n.property.name
      : null;
  if (name === null || HIDDEN_PROPERTIES.has(name)) return false;
  return n.object.type !== 'Super' && isPlainMember(n.object as Expression, imported);
}

// --- elements ------------------------------------------------------------------------------------

/** HTML and SVG tags: JSX passes a lower-case name without a dot to the renderer as a string. */
const HTML_TAG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?::[a-z][a-z0-9-]*)?$/;

/** Why an element is refused, or null for an HTML tag, a fragment or an imported component. */
function checkElementName(name: string, imported: ReadonlySet<string>): string | null {
  if (name === '' || HTML_TAG.test(name)) return null;
  const root = name.split('.')[0] ?? '';
  if (imported.has(root)) return null;
  return (
    `thẻ <${name}> không phải thẻ HTML và không được import từ ${COMPONENTS_DIR}/: MDX sẽ gọi nó như một hàm khi build. ` +
    `Hãy import thành phần đó (import ${root} from '/${COMPONENTS_DIR}/${root}.astro') hoặc viết thẻ HTML chữ thường.`
  );
}

// --- finding the code: micromark's tree (npm run check) and Sätteri's visitors (the build) ---------

/** The pieces of code in an mdast tree parsed with `mdast-util-mdx`, lines shifted by `lineOffset`. */
export function mdxCodeInTree(tree: Root, lineOffset = 0): MdxCode[] {
  const out: MdxCode[] = [];
  const walk = (node: MdastNodes): void => {
    const line = (node.position?.start.line ?? 1) + lineOffset;
    for (const code of codeOfNode(node as MdxNodeLike)) out.push({ ...code, line });
    if ('children' in node) for (const child of node.children) walk(child as MdastNodes);
  };
  walk(tree);
  return out;
}

/** The MDX node shapes both parsers produce (mdast-util-mdx's and Sätteri's are the same). */
interface MdxNodeLike {
  type: string;
  value?: unknown;
  name?: string | null;
  attributes?: Array<{ type: string; value?: unknown }>;
}

/** The code a node carries, without its line. */
function codeOfNode(node: MdxNodeLike): Omit<MdxCode, 'line'>[] {
  switch (node.type) {
    case 'mdxjsEsm':
      return [{ kind: 'esm', value: String(node.value) }];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [{ kind: 'expression', value: String(node.value) }];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const codes: Omit<MdxCode, 'line'>[] = [{ kind: 'element', value: node.name ?? '' }];
      for (const attribute of node.attributes ?? []) {
        if (attribute.type === 'mdxJsxExpressionAttribute') {
          codes.push({ kind: 'spread', value: String(attribute.value) });
        } else if (typeof attribute.value === 'object' && attribute.value !== null) {
          codes.push({ kind: 'expression', value: String((attribute.value as { value: unknown }).value) });
        }
      }
      return codes;
    }
    default:
      return [];
  }
}

/** 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** An error that stops the build, naming the page and each line. */
export class MdxSafetyError extends Error {
  override name = 'MdxSafetyError';
  /** The first refused line, which Astro shows as the error's location. */
  readonly line: number;
  readonly column = 1;
  constructor(file: string, issues: readonly MdxSafetyIssue[]) {
    super(
      `Trang ${file} dùng mã MDX không được phép (${issues.length} chỗ):\n` +
        issues.map((i) => `  ${file}:${i.line}  ${i.message}`).join('\n'),
    );
    // @astrojs/mdx shows `line`/`column` of the error as its location (vite-plugin-mdx.js).
    this.line = issues[0]?.line ?? 1;
  }
}

/**
 * Sätteri mdast plugin: refuses what {@link mdxSafetyIssues} refuses, for every page `@astrojs/mdx`
 * compiles. Registered only on the MDX processor (`mdx({ processor })` in astro.config.mjs), since
 * Markdown has no code to run. Positions are not requested (that slows every parse); the few nodes
 * of code a page has are found in its source by their text.
 */
export function satteriMdxSafety(options: { projectRoot: string }): MdastPluginEntry {
  return (file: PluginFactoryContext): MdastPluginDefinition | null => {
    if (file.sourceFormat !== 'mdx') return null;
    const filePath = file.fileURL === undefined ? '' : fileURLToPath(file.fileURL);
    const found: Omit<MdxCode, 'line'>[] = [];
    const collect = (node: unknown) => {
      found.push(...codeOfNode(node as MdxNodeLike));
    };
    return {
      name: 'so-tay-mdx-safety',
      mdxjsEsm: collect,
      mdxFlowExpression: collect,
      mdxTextExpression: collect,
      mdxJsxFlowElement: collect,
      mdxJsxTextElement: collect,
      after(_root, ctx) {
        if (found.length === 0) return;
        const source = ctx.source;
        let cursor = 0;
        const codes = found.map((code) => {
          const needle = code.kind === 'element' ? `<${code.value}` : code.value;
          let at = source.indexOf(needle, cursor);
          if (at === -1) at = source.indexOf(needle);
          if (at !== -1) cursor = at;
          return { ...code, line: at === -1 ? 1 : lineAt(source, at) };
        });
        const issues = mdxSafetyIssues(codes, { file: filePath, projectRoot: options.projectRoot });
        if (issues.length > 0) throw new MdxSafetyError(path.relative(options.projectRoot, filePath), issues);
      },
    };
  };
}
