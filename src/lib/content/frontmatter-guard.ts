/**
 * What the build must refuse in a page's frontmatter before Astro reads it, because by the time a
 * schema sees the data the harm is done:
 *
 * - **A date that does not exist.** Astro parses frontmatter with js-yaml's default schema
 *   (`parseFrontmatter` in `@astrojs/internal-helpers/frontmatter`, called by `@astrojs/mdx` for the
 *   content layer and for each compiled page), whose timestamp type builds `new Date(Date.UTC(y, m - 1,
 *   d))`: an unquoted `date: 2023-02-30` arrives as 2023-03-02 and no schema can tell it from a real
 *   2 March. Here the same text is read with that timestamp type swapped for one that keeps the
 *   written text, and every date written that way must exist.
 * - **YAML anchors and aliases.** js-yaml shares an aliased node instead of copying it, so twenty lines
 *   of nested aliases parse quickly, then explode when anything walks or serialises the data (the
 *   MDX compiler writes `JSON.stringify(frontmatter)` into every page module): 8 GB and a misleading
 *   error. A page has no use for them, so any anchor or alias is refused before anything expands it.
 *
 * Pure: works on text; content-guard-fs.ts walks the folders. Also used by `npm run check`.
 */
import { DEFAULT_SCHEMA as JS_YAML_DEFAULT_SCHEMA, Type as JsYamlType, load as loadJsYaml } from 'js-yaml';
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
} from 'yaml';
import { formatDate } from './dates.ts';

/** One refusal, located in the file. */
export interface FrontmatterProblem {
  /** 1-based line in the file. */
  line: number;
  /** Where in the frontmatter: `date`, `sources[1].date`, `codeChoices["21-NQ/TW"]`. */
  field: string;
  /** What is wrong and what to do, in Vietnamese. */
  message: string;
}

/**
 * Astro's frontmatter pattern (`frontmatterRE` in `@astrojs/internal-helpers/frontmatter`), copied so
 * the guard reads exactly the block Astro reads (a leading BOM or blank lines included).
 */
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** The YAML of a page's frontmatter and the offset of its first character in the file, or null. */
export function extractFrontmatter(text: string): { yaml: string; offset: number } | null {
  const m = ASTRO_FRONTMATTER.exec(text);
  if (m?.[1] === undefined) return null;
  // The block ends with its closing fence (3 characters); the YAML is just before it.
  return { yaml: m[1], offset: m.index + m[0].length - 3 - m[1].length };
}

/** 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Every problem of one page's frontmatter, with lines counted in the whole file. A page without
 * frontmatter, or whose YAML does not parse, has none here: Astro's schema and YAML errors say so.
 */
export function pageFrontmatterProblems(fileText: string): FrontmatterProblem[] {
  const block = extractFrontmatter(fileText);
  if (block === null) return [];
  const firstLine = lineAt(fileText, block.offset);
  return yamlProblems(block.yaml).map((p) => ({ ...p, line: p.line + firstLine - 1 }));
}

/**
 * Problems of a YAML text (a frontmatter block, or a data file of `content/data/`), lines counted
 * from its first line. Anchors and aliases are looked for first: with one present the text is not
 * walked further, since walking it is what blows up.
 */
export function yamlProblems(yaml: string): FrontmatterProblem[] {
  const aliases = anchorAndAliasProblems(yaml);
  if (aliases.length > 0) return aliases;
  // Parsing every page again costs about a second at 10,000 pages; a text with no impossible
  // `YYYY-M-D` anywhere in it cannot have an impossible date, so most pages stop here.
  const written = yaml.match(/\d{4}-\d\d?-\d\d?/g) ?? [];
  return written.some((d) => impossibleDateMessage(d) !== null) ? impossibleDateProblems(yaml) : [];
}

// --- Anchors and aliases -------------------------------------------------------------------------

const ANCHOR_ADVICE =
  'Anchor (&tên) và alias (*tên) của YAML không được dùng trong frontmatter và tệp dữ liệu: vài dòng alias lồng nhau nhân dữ liệu lên hàng tỉ lần và làm build cạn bộ nhớ. Hãy viết thẳng giá trị ở từng chỗ cần.';

/**
 * Anchors and aliases in a YAML text. `&` and `*` are rare in frontmatter (a URL's query, "Q&A"), so
 * a text without either is not parsed again; one with them is parsed with the `yaml` package, which
 * keeps aliases as nodes and expands nothing.
 */
export function anchorAndAliasProblems(yaml: string): FrontmatterProblem[] {
  if (!/[&*]/.test(yaml)) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  return anchorAndAliasProblemsIn(yaml, doc, lineCounter);
}

/**
 * The same over a document already parsed by the `yaml` package from `yaml` (as `npm run check`
 * reads pages).
 */
export function anchorAndAliasProblemsIn(
  yaml: string,
  doc: Document,
  lineCounter: LineCounter,
): FrontmatterProblem[] {
  const problems: FrontmatterProblem[] = [];
  const lineOf = (offset: number) => lineCounter.linePos(Math.max(0, offset)).line;
  visit(doc, (_key, node, path) => {
    const start = (node as { range?: [number] }).range?.[0] ?? 0;
    const field = fieldOf([...path, node]);
    if (isAlias(node)) {
      problems.push({ line: lineOf(start), field, message: `alias "*${node.source}": ${ANCHOR_ADVICE}` });
    } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
      // A node's range starts at its value; its `&name` is written before it (a line above, for a
      // block mapping).
      const at = yaml.lastIndexOf(`&${node.anchor}`, start);
      problems.push({
        line: lineOf(at === -1 ? start : at),
        field,
        message: `anchor "&${node.anchor}": ${ANCHOR_ADVICE}`,
      });
    }
  });
  return problems.map((p) => ({ ...p, message: `Trường "${p.field}": ${p.message}` }));
}

/** `sources[1].date` from a `yaml` visit path (Document, YAMLMap, Pair, YAMLSeq, …, node). */
function fieldOf(path: readonly unknown[]): string {
  let out = '';
  path.forEach((step, i) => {
    if (isPair(step)) {
      const key = isScalar(step.key) ? String(step.key.value) : String(step.key);
      out += out === '' ? key : /^[\w-]+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    } else if (isSeq(step)) {
      const index = step.items.indexOf(path[i + 1] as never);
      if (index !== -1) out += `[${index}]`;
    }
  });
  return out || '(gốc)';
}

// --- Dates that do not exist ---------------------------------------------------------------------

/** A plain scalar js-yaml would have read as a date, kept as written. */
class WrittenTimestamp {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/**
 * js-yaml's default schema (the one Astro uses) with its timestamp type replaced by one that resolves
 * the same plain scalars but keeps their text. `extend({ implicit })` puts a type of the same tag and
 * kind in place of the old one (`compileList` in js-yaml's lib/schema.js).
 */
const WRITTEN_DATES_SCHEMA = JS_YAML_DEFAULT_SCHEMA.extend({
  implicit: [
    new JsYamlType('tag:yaml.org,2002:timestamp', {
      kind: 'scalar',
      // The same patterns as js-yaml's lib/type/timestamp.js: a date, or a date and a time.
      resolve: (data: string | null) =>
        data !== null &&
        (/^\d{4}-\d{2}-\d{2}$/.test(data) ||
          /^\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d{2})?))?$/.test(
            data,
          )),
      construct: (data: string) => new WrittenTimestamp(data),
      instanceOf: WrittenTimestamp,
    }),
  ],
});

/** Unquoted dates that do not exist, e.g. `date: 2023-02-30`, each with its field and line. */
export function impossibleDateProblems(yaml: string): FrontmatterProblem[] {
  let data: unknown;
  try {
    data = loadJsYaml(yaml, { schema: WRITTEN_DATES_SCHEMA });
  } catch {
    return []; // Astro reports the YAML error itself, with its line.
  }
  const problems: FrontmatterProblem[] = [];
  let searchFrom = 0;
  walkValues(data, '', (value, field) => {
    if (!(value instanceof WrittenTimestamp)) return;
    // Values are met in the order they are written, so each is found after the one before.
    const offset = yaml.indexOf(value.text, searchFrom);
    if (offset !== -1) searchFrom = offset + value.text.length;
    const message = impossibleDateMessage(value.text);
    if (message !== null) {
      problems.push({
        line: offset === -1 ? 1 : lineAt(yaml, offset),
        field,
        message: `Trường "${field}": ${message}`,
      });
    }
  });
  return problems;
}

/** Calls `visit` on every value in a parsed YAML tree with its field path, in document order. */
function walkValues(
  value: unknown,
  field: string,
  visitValue: (value: unknown, field: string) => void,
): void {
  visitValue(value, field || '(gốc)');
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walkValues(item, `${field}[${i}]`, visitValue);
    });
  } else if (value !== null && typeof value === 'object' && !(value instanceof WrittenTimestamp)) {
    for (const [key, item] of Object.entries(value)) {
      const step = field === '' ? key : /^[\w-]+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
      walkValues(item, `${field}${step}`, visitValue);
    }
  }
}

/**
 * Why a date written as `YYYY-MM-DD` (perhaps with a time) does not exist, and what YAML would have
 * made of it; null when it exists.
 */
export function impossibleDateMessage(text: string): string | null {
  const m = /^(\d{4})-(\d\d?)-(\d\d?)/.exec(text);
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (day >= 1 && day <= days) return null;
  const moved = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  const why =
    days === 0
      ? `không có tháng ${month}`
      : day === 0
        ? 'không có ngày 0'
        : `tháng ${month}/${year} chỉ có ${days} ngày`;
  return (
    `ngày ${text} không có thật (${why}); YAML sẽ lặng lẽ đổi nó thành ${formatDate(moved)}. ` +
    'Hãy sửa theo ngày ghi trong nguồn (chỉ biết tháng hoặc năm thì viết YYYY-MM hoặc YYYY).'
  );
}
