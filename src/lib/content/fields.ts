/**
 * The field schemas a page's frontmatter is made of: partial dates, document codes, taxonomy terms,
 * the khóa, sources and code choices. `src/content.config.ts`, the one schema file, builds its
 * collections from these; they live here, pure and without `astro:*`, so each field has tests of its
 * own (tests/unit/content/fields.test.ts).
 *
 * `astro/zod` is the zod Astro validates collections with (a re-export of `zod/v4`), so these
 * schemas are the same objects Astro runs.
 *
 * The code field needs the code parser, which belongs to the document graph (a part above this
 * one), so content.config.ts hands it in: {@link documentCodeField}(parseCode).
 */
import { z } from 'astro/zod';
import { toPartialDateString } from './dates.ts';
import { DATA_DIR } from './paths.ts';
import type { TaxonomyEntry } from './taxonomy.ts';

/**
 * A date that may be partial: `2022-06-16`, `2022-06` or `2022`, stored as that string. Quoted or
 * not: YAML's own date and number types are accepted. A date that does not exist (`2023-02-30`) is
 * refused when quoted; unquoted, js-yaml has already moved it to 2023-03-02 before any schema sees
 * it, so the raw frontmatter is checked for that before the build reads it
 * (src/lib/content/frontmatter-guard.ts).
 */
export const partialDate = z
  .union([z.string(), z.number(), z.date()], { error: (issue) => invalidDate(issue.input) })
  .transform((v, ctx) => {
    const s = toPartialDateString(v);
    if (s === null) {
      ctx.issues.push({ code: 'custom', input: v, message: invalidDate(v) });
      return z.NEVER;
    }
    return s;
  });

function invalidDate(value: unknown): string {
  return `Ngày "${String(value)}" không hợp lệ: viết YYYY-MM-DD, YYYY-MM hoặc YYYY (ví dụ 2022-06-16), và ngày phải có thật.`;
}

/** What {@link documentCodeField} needs of the code parser: the canonical spelling, or null. */
export type CodeParser = (text: string) => { canonical: string } | null;

/**
 * A document code (số hiệu) in any common spelling, stored in its canonical form (`21-NQ/TW`).
 * `parse` is `parseCode` of src/lib/graph/code-parser.ts.
 */
export function documentCodeField(parse: CodeParser) {
  return z.string().transform((v, ctx) => {
    const code = parse(v);
    if (!code) {
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: `Số hiệu "${v}" không đọc được. Viết như 21-NQ/TW, 865-QĐ/TU hoặc 73/2023/NĐ-CP.`,
      });
      return z.NEVER;
    }
    return code.canonical;
  });
}

/**
 * An id from one of the YAML lists of `content/data/` (issuers, topics, localities). The error names
 * the list file and some valid ids, so a typo never becomes a new category.
 */
export function taxonomyTerm(entries: readonly TaxonomyEntry[], what: string, fileName: string) {
  const ids = new Set(entries.map((e) => e.id));
  const sample = entries
    .slice(0, 8)
    .map((e) => e.id)
    .join(', ');
  return z.string().refine((v) => ids.has(v), {
    error: (issue) =>
      `${what} "${String(issue.input)}" không có trong content/${DATA_DIR}/${fileName}. ` +
      `Hãy dùng một id có sẵn (${sample}, …) hoặc thêm mục mới vào tệp đó.`,
  });
}

/** Khóa (term of the Central Committee or a local committee), in upper-case Roman numerals: "XIII". */
export const partyTerm = z.string().regex(/^[IVXLC]+$/, 'Khóa viết bằng chữ số La Mã in hoa, ví dụ XIII.');

/** A cited source. Every fact on a page comes from one of these. */
export const source = z.object({
  /** Title of the cited article or page, as published. */
  title: z.string().min(1),
  /** Who published it: a newspaper, portal or agency ("Báo Quảng Ngãi", "TTXVN"). */
  outlet: z.string().min(1),
  /**
   * Address of the source, shown as an external link. Leave it out only when the original page
   * cannot be found (an article kept as a copy whose address is lost): the source is then listed by
   * title, outlet and date, marked as having no address, and `npm run check` warns about it, since a
   * reader cannot open it to verify the facts.
   */
  url: z.url({ error: 'Đường dẫn nguồn phải là một URL đầy đủ (https://…).' }).optional(),
  /** When the source was published, if known. */
  date: partialDate.optional(),
});

/**
 * The author's choice for a code shared by several documents (numbering restarts each term):
 * `{ "21-NQ/TW": 2017-10-25 }` makes every mention of 21-NQ/TW on this page link to the document
 * of that date instead of the automatic choice.
 */
export const codeChoices = z.record(z.string(), partialDate).default({});
