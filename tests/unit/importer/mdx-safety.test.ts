/**
 * Whatever a text holds — `{ } < >`, `---`, `import`/`export`, backticks, CRLF, a BOM, NFD letters,
 * control characters, Markdown and HTML syntax — the draft the importer writes compiles as MDX with
 * the compiler Astro's MDX integration uses (Sätteri's `mdxToJs`, see
 * node_modules/@astrojs/markdown-satteri/dist/mdx/create-processor.js), shows the text as written,
 * and its frontmatter has every field the schema requires, valid. Property tests with generated
 * text (fast-check); the schema itself is exercised by the Astro build in
 * tests/integration/importer.test.ts.
 */
import path from 'node:path';
import fc from 'fast-check';
import { load as loadYaml } from 'js-yaml';
import type { Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { mdxToJs, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { FRONTMATTER } from '../../../src/lib/content/content-files.ts';
import { toPartialDateString } from '../../../src/lib/content/dates.ts';
import {
  DOCUMENT_TYPE_SLUGS,
  EVENT_KINDS,
  typesForAbbreviation,
} from '../../../src/lib/content/document-types.ts';
import { readTaxonomies } from '../../../src/lib/content/taxonomy-fs.ts';
import { parseCode } from '../../../src/lib/graph/code-parser.ts';
import { createDocumentIndex } from '../../../src/lib/graph/document-registry.ts';
import { buildDraft } from '../../../src/lib/importer/import-page.ts';
import { blocksFromLines, treeToMdx } from '../../../src/lib/importer/markdown-body.ts';
import { normalizeRawText, textLines } from '../../../src/lib/importer/raw-text.ts';

const taxonomies = readTaxonomies(path.resolve('content'));
const ids = (list: { id: string }[]) => new Set(list.map((e) => e.id));
const context = { taxonomies, documents: createDocumentIndex([]), today: '2031-05-03' };

/** Pieces that break naive MDX: syntax of MDX, Markdown, HTML and YAML, and awkward characters. */
const HOSTILE = [
  '{',
  '}',
  '{x}',
  '<',
  '>',
  '<div>',
  '</p>',
  '<!-- c -->',
  '<https://x.vn>',
  '---',
  '***',
  'import x from "y"',
  "import {a} from 'b'",
  'export const a = 1',
  'export default {}',
  '`',
  '```',
  '~~~',
  '\r\n',
  '\r',
  '\n',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\u200B',
  '\u00A0',
  '\t',
  'Nghi\u0323 quyê\u0301t',
  '# ',
  '## ',
  '> ',
  '- ',
  '1. ',
  '* ',
  '| a | b |',
  '|---|',
  '[x](y)',
  '![i](j)',
  '&amp;',
  '&#123;',
  '\\',
  '$x$',
  ':',
  ': ',
  '"',
  "'",
  '*/',
  '{/*',
  'Số 21-NQ/TW',
  'ngày 16 tháng 6 năm 2022',
  'Sáng 6/1',
  'Nghị quyết số 18, 19-NQ/TW',
  'Tin liên quan',
  '(Ảnh: A/B)',
];

const word = fc.constantFrom(
  'hội',
  'nghị',
  'Đảng',
  'tổng',
  'kết',
  'Cần',
  'Thơ',
  'năm',
  '2023',
  'cán',
  'bộ',
  'Quảng',
  'Ngãi',
);
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 4, arbitrary: word.map((w) => `${w} `) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const line = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
const text = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\n\n'))
  .map(([lines, eol]) => lines.join(eol));

async function compiles(page: string): Promise<{ data: Record<string, unknown>; body: string }> {
  const m = FRONTMATTER.exec(page);
  expect(m, 'frontmatter block').not.toBeNull();
  const data = loadYaml(m?.[1] ?? '') as Record<string, unknown>;
  const body = page.slice(m?.[0].length ?? 0);
  mdxToJs(body, {});
  return { data, body };
}

function validSource(s: unknown): boolean {
  if (typeof s !== 'object' || s === null) return false;
  const { title, outlet, date } = s as Record<string, unknown>;
  return (
    typeof title === 'string' &&
    title.length > 0 &&
    typeof outlet === 'string' &&
    outlet.length > 0 &&
    (date === undefined || toPartialDateString(date) !== null)
  );
}

describe('MDX-safe Markdown', () => {
  it('writes any line of text so that MDX compiles it and shows exactly that text', async () => {
    await fc.assert(
      fc.asyncProperty(line, async (raw) => {
        const value = normalizeRawText(raw).replace(/\s+/g, ' ').trim();
        fc.pre(value !== '');
        const md = treeToMdx({
          type: 'root',
          children: [{ type: 'paragraph', children: [{ type: 'text', value }] }],
        });
        mdxToJs(md, {});
        const tree = mdxToMdast(md, {}) as unknown as Root;
        expect(mdastToString(tree)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('drafts from generated text', () => {
  it('an article draft compiles and has every news field, valid', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (raw) => {
        fc.pre(textLines(raw).some((l) => l.trim() !== ''));
        const draft = buildDraft(
          { fileName: 'bai.txt', blocks: blocksFromLines(textLines(raw)), as: 'tin' },
          context,
        );
        expect(draft.page).toBe(draft.page.normalize('NFC'));
        // No control or format character is left but the line feed.
        expect([...draft.page].filter((c) => c !== '\n' && /[\p{Cc}\p{Cf}]/u.test(c))).toEqual([]);
        expect(draft.id).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/);
        const { data } = await compiles(draft.page);
        expect(data.draft).toBe(true);
        expect(typeof data.title === 'string' && data.title.length > 0).toBe(true);
        expect(toPartialDateString(data.eventDate)).not.toBeNull();
        if (data.publishedDate !== undefined) expect(toPartialDateString(data.publishedDate)).not.toBeNull();
        expect(typeof data.outlet === 'string' && data.outlet.length > 0).toBe(true);
        if (data.author !== undefined) expect(typeof data.author).toBe('string');
        if (data.locality !== undefined)
          expect(ids(taxonomies.localities).has(String(data.locality))).toBe(true);
        expect(Object.keys(EVENT_KINDS)).toContain(data.eventKind);
        expect((data.topics as string[]).every((t) => ids(taxonomies.topics).has(t))).toBe(true);
        expect(typeof data.summary === 'string' && data.summary.length > 0).toBe(true);
        expect(
          Array.isArray(data.sources) && data.sources.length >= 1 && data.sources.every(validSource),
        ).toBe(true);
      }),
      { numRuns: 120 },
    );
  });

  it('a document draft compiles and has every document field, valid', async () => {
    const header = [
      'BAN CHẤP HÀNH TRUNG ƯƠNG',
      '*',
      'Số 9021-NQ/TW',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hà Nội, ngày 16 tháng 6 năm 2031',
      'NGHỊ QUYẾT',
      'về một nội dung thử nghiệm',
      '',
    ].join('\n');
    const signature = '\n\nT/M BAN CHẤP HÀNH TRUNG ƯƠNG\nTỔNG BÍ THƯ\n\nNguyễn Văn Mẫu';
    await fc.assert(
      fc.asyncProperty(text, async (raw) => {
        const lines = textLines(`${header}\n${raw}${signature}`);
        const draft = buildDraft({ fileName: 'van-ban.txt', blocks: blocksFromLines(lines) }, context);
        expect(draft.folder).toBe('van-ban');
        expect(draft.id).toBe('9021-nq-tw-2031');
        const { data } = await compiles(draft.page);
        const code = parseCode(String(data.code));
        expect(code?.canonical).toBe('9021-NQ/TW');
        expect(DOCUMENT_TYPE_SLUGS).toContain(data.type);
        expect(typesForAbbreviation(code?.abbr ?? '')).toContain(data.type);
        expect(ids(taxonomies.issuers).has(String(data.issuer))).toBe(true);
        expect(toPartialDateString(data.date)).toBe('2031-06-16');
        expect(typeof data.title === 'string' && data.title.length > 0).toBe(true);
        expect(typeof data.summary === 'string' && data.summary.length > 0).toBe(true);
        expect(Array.isArray(data.sources) && data.sources.every(validSource)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
