/**
 * Content checks run by `npm run check`: small, independent functions over the content files, each
 * returning problems with file and line (like the link checks of withastro/docs). Astro's schema
 * already rejects bad frontmatter; these catch what a schema cannot see.
 *
 * Part: the content checks (src/lib/checks/), above the content model, the document graph and the
 * Markdown plugins, whose pure files they may import (the MDX safety check is the build's own);
 * nothing imports them but `scripts/check-content.ts`.
 */

import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { mdxToMdast } from 'satteri';
import { mdxSentence } from '../content/build-errors.ts';
import { type ContentFile, lineOf } from '../content/content-files.ts';
import { isDraft, PLACEHOLDER } from '../content/drafts.ts';
import { checkLocalities, type LocalityLike } from '../content/localities.ts';
import type { Taxonomies } from '../content/taxonomy.ts';
import { codeKey, parseCode } from '../graph/code-parser.ts';
import {
  buildDocumentGraph,
  type GraphPage,
  type GraphProblem,
  graphPageFrom,
} from '../graph/document-graph.ts';
import { createDocumentIndex, documentId } from '../graph/document-registry.ts';
import { mdxCodeInTree, mdxSafetyIssues } from '../markdown/mdx-safety.ts';

/** One finding. `error` fails `npm run check`; `warning` is printed only. */
export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  message: string;
}

/** What every check receives. */
export interface CheckContext {
  files: ContentFile[];
  taxonomies: Taxonomies;
  /** Content directory, for messages about data files. */
  root: string;
  /** The project's root folder, holding src/components/ (MDX may import only from there). */
  projectRoot?: string;
}

/** A content check. */
export type ContentCheck = (ctx: CheckContext) => Problem[];

/** Text must be stored NFC: a decomposed "ệ" looks the same but breaks search and comparisons. */
export const checkNfc: ContentCheck = ({ files }) =>
  files.flatMap((f) => {
    if (f.raw === f.raw.normalize('NFC')) return [];
    const lines = f.raw.split('\n');
    const line = lines.findIndex((l) => l !== l.normalize('NFC')) + 1;
    return [
      {
        severity: 'error',
        file: f.file,
        line,
        message:
          'Văn bản chưa ở dạng Unicode NFC (dấu tổ hợp). Chạy npm run check -- --fix-nfc để chuyển mọi tệp nội dung sang NFC, hoặc lưu lại bằng bộ gõ Unicode dựng sẵn.',
      },
    ];
  });

/** A document's file name is its code and year ("21-nq-tw-2022.mdx"), so URLs are predictable. */
export const checkDocumentFileNames: ContentCheck = ({ files }) =>
  files
    .filter((f) => f.collection === 'documents')
    .flatMap((f) => {
      const code = typeof f.data.code === 'string' ? parseCode(f.data.code) : null;
      const date =
        f.data.date instanceof Date ? f.data.date.toISOString().slice(0, 10) : String(f.data.date ?? '');
      if (!code) return [];
      const expected = documentId(code.canonical, date);
      if (f.id === expected || f.id.startsWith(`${expected}-`)) return [];
      return [
        {
          severity: 'warning',
          file: f.file,
          line: 1,
          message: `Tên tệp nên là ${expected}.mdx (số hiệu và năm ban hành) để địa chỉ trang ổn định.`,
        },
      ];
    });

/**
 * A source without `url` is allowed (an article whose original address is lost) but a reader cannot
 * open it to verify the page, so every such source is listed until someone finds its address.
 */
export const checkSourceUrls: ContentCheck = ({ files }) =>
  files.flatMap((f) => {
    const sources = Array.isArray(f.data.sources) ? (f.data.sources as unknown[]) : [];
    return sources.flatMap((s) => {
      if (typeof s !== 'object' || s === null || 'url' in s) return [];
      const title = String((s as { title?: unknown }).title ?? '');
      // A long title may be folded over several YAML lines: look for its start, then for `sources:`.
      const at =
        [title, title.slice(0, 24)].map((t) => (t ? f.raw.indexOf(t) : -1)).find((i) => i !== -1) ??
        f.raw.indexOf('sources:');
      return [
        {
          severity: 'warning' as const,
          file: f.file,
          line: at === -1 ? 1 : lineOf(f.raw, at),
          message: `Nguồn "${title}" không có địa chỉ (url): người đọc không mở được để đối chiếu. Thêm url khi tìm được trang gốc.`,
        },
      ];
    });
  });

/** The locality list must be consistent: every earlier province points to a current one. */
export const checkLocalityData: ContentCheck = ({ taxonomies, root }) =>
  checkLocalities(taxonomies.localities as unknown as LocalityLike[]).map((message) => ({
    severity: 'error',
    file: `${root}/data/dia-phuong.yaml`,
    line: 1,
    message,
  }));

/** 1-based line of a top-level frontmatter key (`relations:`), or undefined when absent. */
function keyLine(raw: string, key: string): number | undefined {
  const m = new RegExp(`^${key}\\s*:`, 'm').exec(raw);
  return m === null ? undefined : raw.slice(0, m.index).split('\n').length;
}

/**
 * Document mentions that do not become links, from the same graph the site renders: an unknown code
 * is a warning (it is listed on the "Văn bản còn thiếu" page); a shared code that neither a written
 * date, `codeChoices` nor the page date settles is an error, as is a relation or choice that points at
 * nothing. Each problem names the code, the file and the line.
 *
 * Published pages are checked as the build renders them, among published pages only, since a draft
 * is not on the built site; a mention of a draft's code is then told as such. Drafts are checked as
 * `npm run dev` shows them, among all pages.
 */
export const checkDocumentMentions: ContentCheck = ({ files }) => {
  const pages = files.map((f) => {
    const fieldLines: { relations?: number; codeChoices?: number } = {};
    const relations = keyLine(f.raw, 'relations');
    const codeChoices = keyLine(f.raw, 'codeChoices');
    if (relations !== undefined) fieldLines.relations = relations;
    if (codeChoices !== undefined) fieldLines.codeChoices = codeChoices;
    return graphPageFrom({
      collection: f.collection,
      id: f.id,
      data: f.data,
      body: f.body,
      file: f.file,
      bodyLine: f.bodyLine,
      fieldLines,
    });
  });
  const graphOf = (list: typeof pages) =>
    buildDocumentGraph(list, createDocumentIndex(list.flatMap((p) => p.doc ?? [])));
  const drafts = new Set(files.filter((f) => isDraft(f.data)).map((f) => f.file));
  const published = pages.filter((p) => !drafts.has(p.file ?? ''));
  const draftNote = draftMentionNote(
    pages.filter((p) => drafts.has(p.file ?? '')),
    published,
  );
  const problems = graphOf(published).problems.map(draftNote);
  if (drafts.size > 0) problems.push(...graphOf(pages).problems.filter((p) => drafts.has(p.file)));
  return problems.map(({ severity, file, line, message }) => ({ severity, file, line, message }));
};

/**
 * Rewrites a published page's problem about a code that only a draft carries: the mention is not a
 * link because that document is not published yet, which is a note for the editor, not an error.
 */
function draftMentionNote(
  draftPages: readonly GraphPage[],
  publishedPages: readonly GraphPage[],
): (p: GraphProblem) => GraphProblem {
  const draftByKey = new Map(draftPages.flatMap((p) => (p.doc ? [[codeKey(p.doc.code), p] as const] : [])));
  const publishedKeys = new Set(publishedPages.flatMap((p) => (p.doc ? [codeKey(p.doc.code)] : [])));
  return (problem) => {
    const draft = draftByKey.get(codeKey(problem.code));
    if (draft === undefined) return problem;
    const where = `${draft.collection === 'documents' ? 'van-ban' : 'tin'}/${draft.id}.mdx`;
    if (publishedKeys.has(codeKey(problem.code))) {
      return {
        ...problem,
        message: `${problem.message} (Văn bản ${problem.code} trong ${where} còn là bản nháp.)`,
      };
    }
    return {
      ...problem,
      severity: 'warning',
      message: `${problem.code} mới là bản nháp (${where}) nên trang đã xuất bản này chưa liên kết tới nó; liên kết sẽ có khi bản nháp được xuất bản (xóa dòng draft: true).`,
    };
  };
}

/**
 * MDX that the build could not compile, found with the build's own parser (Sätteri's): a stray `{`
 * or `<`, an unclosed tag, an HTML comment. Only bodies with `{`, `<` or a line starting with
 * `import`/`export` are parsed, since nothing else can fail. Expressions that parse but would run
 * code or name something unknown (`{hoiNghi}`) are {@link checkMdxSafety}'s.
 */
export const checkMdxSyntax: ContentCheck = ({ files }) =>
  files.flatMap((f) => {
    if (!/[{<]|^(?:import|export)\b/m.test(f.body)) return [];
    // Blank lines in place of the frontmatter, so the parser's lines are the file's.
    const source = '\n'.repeat(f.bodyLine - 1) + f.body;
    try {
      mdxToMdast(source);
      return [];
    } catch (err) {
      const message = (err as Error).message;
      const line = Number(/^(\d+):\d+:/.exec(message)?.[1] ?? f.bodyLine);
      return [{ severity: 'error' as const, file: f.file, line, message: mdxSentence(message) }];
    }
  });

/**
 * What `npm run new` left to write ({@link PLACEHOLDER}): a warning while the page is a draft, an
 * error once it is not, since it would be published with "[cần điền]" in it. Once per page, at the
 * first place.
 */
export const checkPlaceholders: ContentCheck = ({ files }) =>
  files.flatMap((f) => {
    const at = f.raw.indexOf(PLACEHOLDER);
    if (at === -1) return [];
    const count = f.raw.split(PLACEHOLDER).length - 1;
    const draft = isDraft(f.data);
    return [
      {
        severity: draft ? ('warning' as const) : ('error' as const),
        file: f.file,
        line: lineOf(f.raw, at),
        message: `Trang còn ${count} chỗ ${PLACEHOLDER} chưa điền${draft ? '' : ' mà không còn là bản nháp'}: thay bằng nội dung thật${draft ? ' trước khi xuất bản' : ', hoặc đặt lại draft: true'}.`,
      },
    ];
  });

/** Drafts among the pages, each with the line of its `draft:` field, for the check to list. */
export function draftsOf(files: readonly ContentFile[]): { file: string; line: number }[] {
  return files
    .filter((f) => isDraft(f.data))
    .map((f) => ({ file: f.file, line: keyLine(f.raw, 'draft') ?? 1 }));
}

/**
 * What the build refuses in MDX (src/lib/markdown/mdx-safety.ts): imports from outside
 * src/components/, exports, expressions that could call code. The body is parsed with micromark's MDX
 * extension; a body it cannot parse is left to the build, which names the syntax error itself.
 */
export const checkMdxSafety: ContentCheck = ({ files, projectRoot = process.cwd() }) =>
  files.flatMap((f) => {
    if (!/[{<]|^\s*(?:import|export)\b/m.test(f.body)) return [];
    let tree: Root;
    try {
      tree = fromMarkdown(f.body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
    } catch {
      return [];
    }
    return mdxSafetyIssues(mdxCodeInTree(tree, f.bodyLine - 1), { file: f.file, projectRoot }).map(
      (issue) => ({
        severity: 'error' as const,
        file: f.file,
        line: issue.line,
        message: issue.message,
      }),
    );
  });

/** The default set of checks, in the order they are reported. */
export const DEFAULT_CHECKS: ContentCheck[] = [
  checkNfc,
  checkDocumentFileNames,
  checkSourceUrls,
  checkLocalityData,
  checkMdxSyntax,
  checkPlaceholders,
  checkDocumentMentions,
  checkMdxSafety,
];

/** Runs checks and returns all problems, sorted by file and line. */
export function runChecks(ctx: CheckContext, checks: ContentCheck[] = DEFAULT_CHECKS): Problem[] {
  return checks
    .flatMap((check) => check(ctx))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
