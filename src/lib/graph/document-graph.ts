/**
 * The document graph: who cites whom, relations read from both ends, replaced documents, and the
 * documents cited but missing. One pure function, {@link buildDocumentGraph}, over every page's
 * frontmatter and body. Routes render its maps; `npm run check` prints its problems; the gaps page
 * lists its gaps.
 *
 * Mentions are found by the same scanner (`mention-scanner.ts`) and settled by the same resolver
 * (`document-registry.ts`) as the links in page bodies, so a page listed under "Được nhắc đến
 * trong" is a page that links here. The graph reads the MDX source rather than a parsed tree
 * because parsing every body a second time would cost as much as the build's own Markdown step; code
 * blocks, inline code, MDX comments and import/export lines are blanked first (offsets and line
 * numbers kept), which is all the parse would have excluded for counting. A mention in a heading or
 * inside an author's own link is not linked by the transform but is still a citation here.
 *
 * Cost is linear in the corpus: each body is scanned once, each mention resolved against the few
 * documents sharing its code, and each list sorted once.
 *
 * Part: the document graph (src/lib/graph/): the code parser (code-parser.ts), the mention scanner,
 * the code query, the registry of documents, the link transform, this graph and the relation
 * diagram. May import the content model only.
 */
import { comparePartialDates, formatDate } from '../content/dates.ts';
import { RELATION_KINDS, type RelationKind } from '../content/document-types.ts';
import { codeKey } from './code-parser.ts';
import {
  type CitingPage,
  citingPageFrom,
  type DocumentIndex,
  dateWords,
  documentLabel,
  type KnownDocument,
  knownDocumentFrom,
  type MentionOutcome,
  type RelationRecord,
  relationsFrom,
  resolveCode,
  resolveMention,
} from './document-registry.ts';
import { createMentionScanner } from './mention-scanner.ts';

/** One page as the graph reads it. Build it with {@link graphPageFrom}. */
export interface GraphPage {
  collection: 'documents' | 'news';
  /** Page id (file name without extension). */
  id: string;
  /** A document's trích yếu or a news headline. */
  title: string;
  /** A document's date, a news page's event date; empty when unreadable. */
  date: string;
  /** MDX body, after the frontmatter. */
  body: string;
  /** The page's own document (documents only). */
  doc?: KnownDocument;
  /** Resolution context: date, codeChoices, codes named in frontmatter. */
  citing: CitingPage;
  /** Relations recorded in frontmatter (documents only). */
  relations: RelationRecord[];
  /** Path for problem reports; `collection/id` when absent. */
  file?: string;
  /** 1-based line where the body starts in the file (1 when unknown). */
  bodyLine?: number;
  /** 1-based lines of frontmatter keys, for reports about `relations` and `codeChoices`. */
  fieldLines?: Partial<Record<'relations' | 'codeChoices', number>>;
}

/** Fields of a page, in the form a content loader gives them. */
export interface GraphPageSource {
  collection: 'documents' | 'news';
  id: string;
  /** Frontmatter, raw YAML values or validated by the schema. */
  data: Readonly<Record<string, unknown>>;
  body: string;
  file?: string;
  bodyLine?: number;
  fieldLines?: GraphPage['fieldLines'];
}

/** Reads a {@link GraphPage} from a page's frontmatter and body. */
export function graphPageFrom(src: GraphPageSource): GraphPage {
  const citing = citingPageFrom(src.collection, src.id, src.data);
  const page: GraphPage = {
    collection: src.collection,
    id: src.id,
    title: typeof src.data.title === 'string' ? src.data.title : src.id,
    date: citing.date ?? '',
    body: src.body,
    citing,
    relations: src.collection === 'documents' ? relationsFrom(src.data) : [],
  };
  const doc = src.collection === 'documents' ? knownDocumentFrom(src.id, src.data) : null;
  if (doc !== null) page.doc = doc;
  if (src.file !== undefined) page.file = src.file;
  if (src.bodyLine !== undefined) page.bodyLine = src.bodyLine;
  if (src.fieldLines !== undefined) page.fieldLines = src.fieldLines;
  return page;
}

/** A page as other pages list it. */
export interface PageRef {
  collection: 'documents' | 'news';
  id: string;
  title: string;
  date: string;
  /** The page's document, for document pages. */
  doc?: KnownDocument;
}

/** A page citing a document, with how many times it mentions it. */
export interface Citation {
  page: PageRef;
  count: number;
}

/** A relation as shown on one of its two pages. */
export interface RelationView {
  kind: RelationKind;
  /** `forward` on the page that records it, `inverse` on the page it points to. */
  direction: 'forward' | 'inverse';
  /** Label read from this end: "Thay thế" or "Bị thay thế bởi". */
  label: string;
  /** The document at the other end, or null when it has no page (then show `code` and `date`). */
  other: KnownDocument | null;
  /** Code of the other document. */
  code: string;
  /** Date of the other document. */
  date: string;
  /** The recording author's note. */
  note?: string;
  /** Source stating the relation, when the recording page gives one for it. */
  source?: string;
}

/**
 * A relation as one end shows it, carrying the recording author's note and source to both ends
 * (optional fields are left out rather than set to undefined: exactOptionalPropertyTypes).
 */
function relationView(
  recorded: { note?: string | undefined; source?: string | undefined },
  view: Omit<RelationView, 'note' | 'source'>,
): RelationView {
  const out: RelationView = view;
  if (recorded.note !== undefined) out.note = recorded.note;
  if (recorded.source !== undefined) out.source = recorded.source;
  return out;
}

/** What the banner of a replaced document says. */
export interface Replacement {
  /** Documents recording `thay-the` to this one, newest first. May be empty when only the status says so. */
  successors: KnownDocument[];
}

/** A document on a page's "Văn bản được nhắc đến" list: a known document, or a code without a page. */
export type MentionedDocument = { doc: KnownDocument } | { code: string; date?: string };

/** A page citing a missing document. */
export interface GapCitation {
  page: PageRef;
  /** Mentions in the body. */
  mentions: number;
  /** Relation kinds recorded to the missing document. */
  relations: RelationKind[];
}

/** A document cited somewhere that has no page yet. */
export interface Gap {
  /** Canonical code. */
  code: string;
  /**
   * Dates given with the citations (written after a mention, recorded with a relation), oldest first.
   * When another document with this code has a page, the missing one is a gap of its own per date.
   */
  dates: string[];
  /** Citing pages, newest first. */
  citations: GapCitation[];
  /** Mentions and relations in all, for ordering. */
  total: number;
}

/** A finding for `npm run check`. */
export interface GraphProblem {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  /** The code (or short mention) concerned. */
  code: string;
  message: string;
}

/** Everything the site and the checks read from the graph. */
export interface DocumentGraph {
  /** Document id → pages citing it, newest first. */
  citedBy: ReadonlyMap<string, Citation[]>;
  /** Page key ({@link pageKey}) → the documents it mentions, in order of first mention. */
  mentions: ReadonlyMap<string, MentionedDocument[]>;
  /** Document id → its relations, recorded ones first, then the inverse ones newest first. */
  relations: ReadonlyMap<string, RelationView[]>;
  /** Document id → banner data, for replaced documents only. */
  replaced: ReadonlyMap<string, Replacement>;
  /** Missing documents, most cited first. */
  gaps: Gap[];
  /** Unknown, unsettled and ambiguous mentions; bad relations and choices. */
  problems: GraphProblem[];
}

/** Key of a page in {@link DocumentGraph.mentions}: `documents/21-nq-tw-2022`, `news/…`. */
export function pageKey(collection: 'documents' | 'news', id: string): string {
  return `${collection}/${id}`;
}

/** An empty graph, for builds with links turned off. */
export const EMPTY_GRAPH: DocumentGraph = {
  citedBy: new Map(),
  mentions: new Map(),
  relations: new Map(),
  replaced: new Map(),
  gaps: [],
  problems: [],
};

// ---------------------------------------------------------------------------------------------
// Blanking what is not prose

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ESM_LINE = /^(?:import|export)\s/;
const INLINE_CODE = /(`+)[^\n]*?\1/g;
const MDX_COMMENT = /\{\/\*[\s\S]*?\*\/\}/g;

/** Spaces for every character of `s` except line breaks, so offsets and line numbers stay. */
function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/**
 * `body` with code blocks, inline code, MDX comments and import/export lines blanked out, the same
 * length and the same line breaks. What the Markdown parser would not hand to the link transform as
 * text, the graph does not count either.
 */
export function blankLiterals(body: string): string {
  const lines = body.split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence !== null) {
      const close = FENCE_OPEN.exec(line);
      if (close?.[1] !== undefined && close[1][0] === fence[0] && close[1].length >= fence.length)
        fence = null;
      lines[i] = blank(line);
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open?.[1] !== undefined) {
      fence = open[1];
      lines[i] = blank(line);
    } else if (ESM_LINE.test(line)) lines[i] = blank(line);
  }
  return lines.join('\n').replace(MDX_COMMENT, blank).replace(INLINE_CODE, blank);
}

// ---------------------------------------------------------------------------------------------
// Building the graph

/** A mention found in a body, with its line in the file. */
export interface BodyMention {
  text: string;
  outcome: MentionOutcome;
  /** 1-based line in the file. */
  line: number;
}

/**
 * Mentions in a page body, resolved, with file line numbers. Uses the page's own scanner in reading
 * order, as the link transform does.
 */
export function bodyMentions(page: GraphPage, index: DocumentIndex): BodyMention[] {
  const text = blankLiterals(page.body);
  const found = createMentionScanner({ known: page.citing.known }).scan(text);
  const out: BodyMention[] = [];
  let line = page.bodyLine ?? 1;
  let counted = 0;
  for (const m of found) {
    // Mentions come in order, so each line break is counted once.
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.start; i = text.indexOf('\n', i + 1)) {
      line++;
      counted = i + 1;
    }
    out.push({ text: m.text, outcome: resolveMention(index, m, page.citing), line });
  }
  return out;
}

function refOf(page: GraphPage): PageRef {
  const ref: PageRef = { collection: page.collection, id: page.id, title: page.title, date: page.date };
  if (page.doc !== undefined) ref.doc = page.doc;
  return ref;
}

/** Newest first, ties by id, as every list on the site. */
function newestRefFirst(a: PageRef, b: PageRef): number {
  return comparePartialDates(b.date, a.date) || a.id.localeCompare(b.id);
}

function datesList(list: readonly KnownDocument[]): string {
  return list.map((d) => documentLabel(d)).join('; ');
}

/** The check's message for a mention that is not linked for a reason the author can fix. */
function describeProblem(
  outcome: MentionOutcome,
  page: GraphPage,
): Omit<GraphProblem, 'file' | 'line'> | null {
  switch (outcome.kind) {
    case 'document':
    case 'self':
      return null;
    case 'unsettled':
      return {
        severity: 'warning',
        code: outcome.text,
        message: `"${outcome.text}" không rõ là văn bản nào (trang chưa ghi đủ số hiệu): viết đủ số hiệu, ví dụ 21-NQ/TW, để có liên kết.`,
      };
    case 'unknown':
      return {
        severity: 'warning',
        code: outcome.code,
        message:
          outcome.others.length > 0
            ? `${outcome.code} ${outcome.date === undefined ? '' : `${dateWords(outcome.date)} `}chưa có trong Sổ tay (đã có: ${datesList(outcome.others)}). Kiểm tra lại ngày, hoặc thêm văn bản; xem trang "Văn bản còn thiếu".`
            : `${outcome.code} chưa có trong Sổ tay nên không có liên kết; xem trang "Văn bản còn thiếu".`,
      };
    case 'ambiguous': {
      // A bad codeChoices entry is reported once, at the field, not at every mention it spoils.
      if (outcome.reason === 'bad-choice') return null;
      const candidates = datesList(outcome.candidates);
      // The example uses a real candidate, so the author can copy whichever one is meant.
      const example = outcome.candidates[outcome.candidates.length - 1]?.date ?? 'YYYY-MM-DD';
      const fix = `Ghi ngày ngay sau số hiệu ("${outcome.code} ${dateWords(example)}") hoặc thêm vào frontmatter codeChoices: { "${outcome.code}": ${example} }.`;
      const why =
        outcome.reason === 'all-later'
          ? `mọi văn bản mang số hiệu này đều ban hành sau ngày của trang (${formatDate(page.date)})`
          : outcome.reason === 'no-page-date'
            ? 'trang không có ngày để chọn'
            : 'có nhiều văn bản cùng ngày';
      return {
        severity: 'error',
        code: outcome.code,
        message: `${outcome.code} trùng số hiệu (${candidates}); không chọn được: ${why}. ${fix}`,
      };
    }
  }
}

interface GapBuilder {
  code: string;
  dates: Set<string>;
  byPage: Map<string, GapCitation>;
  total: number;
}

/** What the graph collects while it reads the pages, before sorting. */
interface GraphState {
  readonly index: DocumentIndex;
  /** Document id → citing page key → citation. */
  readonly citedBy: Map<string, Map<string, Citation>>;
  /** Page key → the documents its body mentions, in order of first mention. */
  readonly mentions: Map<string, MentionedDocument[]>;
  /** Document id → relations it states. */
  readonly forward: Map<string, RelationView[]>;
  /** Document id → relations other documents state about it. */
  readonly inverse: Map<string, RelationView[]>;
  /** Document id → documents that replace it. */
  readonly successors: Map<string, KnownDocument[]>;
  /** Gap key → what cites a document the site does not have. */
  readonly gaps: Map<string, GapBuilder>;
  readonly problems: GraphProblem[];
}

/**
 * The gap for a code with no page: a code with no page at all is one gap; a code whose other
 * documents have pages is told apart by date.
 */
function gapFor(state: GraphState, code: string, date: string | undefined, known: boolean): GapBuilder {
  const key = known && date !== undefined ? `${codeKey(code)}@${date}` : codeKey(code);
  let gap = state.gaps.get(key);
  if (gap === undefined) {
    gap = { code, dates: new Set(), byPage: new Map(), total: 0 };
    state.gaps.set(key, gap);
  }
  if (date !== undefined) gap.dates.add(date);
  gap.total++;
  return gap;
}

/** The citation of `page` within a gap, created on first use. */
function gapCitation(gap: GapBuilder, page: GraphPage): GapCitation {
  const key = pageKey(page.collection, page.id);
  let citation = gap.byPage.get(key);
  if (citation === undefined) {
    citation = { page: refOf(page), mentions: 0, relations: [] };
    gap.byPage.set(key, citation);
  }
  return citation;
}

/** Counts one mention of document `docId` by `page`. */
function addCitation(state: GraphState, docId: string, page: GraphPage): void {
  let byPage = state.citedBy.get(docId);
  if (byPage === undefined) {
    byPage = new Map();
    state.citedBy.set(docId, byPage);
  }
  const key = pageKey(page.collection, page.id);
  const citation = byPage.get(key);
  if (citation === undefined) byPage.set(key, { page: refOf(page), count: 1 });
  else citation.count++;
}

/**
 * Step 1 for a page: every mention in its body becomes a citation, a gap or a problem, and the page's
 * list of mentioned documents.
 */
function readBodyMentions(state: GraphState, page: GraphPage, file: string): void {
  const listed = new Map<string, MentionedDocument>();
  const reported = new Set<string>();
  for (const mention of bodyMentions(page, state.index)) {
    const outcome = mention.outcome;
    if (outcome.kind === 'document') {
      if (!listed.has(outcome.doc.id)) listed.set(outcome.doc.id, { doc: outcome.doc });
      addCitation(state, outcome.doc.id, page);
      continue;
    }
    if (outcome.kind === 'unknown') {
      const gap = gapFor(state, outcome.code, outcome.date, outcome.others.length > 0);
      gapCitation(gap, page).mentions++;
      const key = `unknown:${codeKey(outcome.code)}@${outcome.date ?? ''}`;
      if (!listed.has(key))
        listed.set(
          key,
          outcome.date === undefined ? { code: outcome.code } : { code: outcome.code, date: outcome.date },
        );
    }
    const problem = describeProblem(outcome, page);
    // One warning per code and page is enough; every ambiguous mention is an error of its own.
    const once = `${problem?.severity}:${problem?.code}`;
    if (problem === null || (problem.severity === 'warning' && reported.has(once))) continue;
    reported.add(once);
    state.problems.push({ ...problem, file, line: mention.line });
  }
  state.mentions.set(pageKey(page.collection, page.id), [...listed.values()]);
}

/** Step 2 for a page: a `codeChoices` entry that matches no document would silently never apply. */
function checkCodeChoices(state: GraphState, page: GraphPage, file: string): void {
  for (const [key, date] of page.citing.codeChoices) {
    const docs = state.index.byKey.get(key) ?? [];
    const outcome = resolveCode(state.index, { code: key, date }, page.citing);
    if (outcome.kind === 'document' || outcome.kind === 'self') continue;
    const code = docs[0]?.code ?? key;
    state.problems.push({
      severity: 'error',
      file,
      line: page.fieldLines?.codeChoices ?? 1,
      code,
      message:
        docs.length === 0
          ? `codeChoices: ${code} chưa có trong Sổ tay, lựa chọn này không có tác dụng; xóa nó đi.`
          : `codeChoices: không có văn bản ${code} ${dateWords(date)} (có: ${datesList(docs)}).`,
    });
  }
}

/**
 * Step 3 for a document page: its relations, resolved by code and date with the same resolver as
 * mentions, recorded at both ends (the inverse on the other document), with gaps and problems.
 */
function readRelations(state: GraphState, page: GraphPage, file: string): void {
  const doc = page.doc;
  if (doc === undefined) return;
  const line = page.fieldLines?.relations ?? 1;
  for (const relation of page.relations) {
    if (!(relation.kind in RELATION_KINDS)) continue;
    const kind = relation.kind as RelationKind;
    const labels = RELATION_KINDS[kind];
    const where = `${relation.code} ${dateWords(relation.date)}`;
    const outcome = resolveCode(state.index, { code: relation.code, date: relation.date }, page.citing);
    if (outcome.kind === 'self') {
      state.problems.push({
        severity: 'error',
        file,
        line,
        code: relation.code,
        message: `Quan hệ "${labels.forward}" trỏ tới chính văn bản này (${where}): sửa số hiệu hoặc ngày.`,
      });
      continue;
    }
    const view = relationView(relation, {
      kind,
      direction: 'forward',
      label: labels.forward,
      other: null,
      code: relation.code,
      date: relation.date,
    });
    if (outcome.kind === 'document') {
      view.other = outcome.doc;
      const back = relationView(relation, {
        kind,
        direction: 'inverse',
        label: labels.inverse,
        other: doc,
        code: doc.code,
        date: doc.date,
      });
      push(state.inverse, outcome.doc.id, back);
      if (kind === 'thay-the') push(state.successors, outcome.doc.id, doc);
    } else if (outcome.kind === 'unknown') {
      gapCitation(
        gapFor(state, relation.code, relation.date, outcome.others.length > 0),
        page,
      ).relations.push(kind);
    } else if (outcome.kind === 'ambiguous') {
      state.problems.push({
        severity: 'error',
        file,
        line,
        code: relation.code,
        message: `Quan hệ "${labels.forward}" tới ${where} khớp nhiều văn bản (${datesList(outcome.candidates)}): ghi ngày đầy đủ YYYY-MM-DD.`,
      });
    }
    push(state.forward, doc.id, view);
  }
}

/** Each document's relations: those it states, in its order, then the others' about it, newest first. */
function mergeRelations(state: GraphState): Map<string, RelationView[]> {
  const relations = new Map<string, RelationView[]>();
  for (const [id, list] of state.forward) relations.set(id, [...list]);
  for (const [id, list] of state.inverse) {
    list.sort((a, b) => comparePartialDates(b.date, a.date) || a.code.localeCompare(b.code));
    relations.set(id, [...(relations.get(id) ?? []), ...list]);
  }
  return relations;
}

/** Documents replaced by another on the site, or marked `bi-thay-the`, with their successors newest first. */
function findReplaced(state: GraphState, pages: readonly GraphPage[]): Map<string, Replacement> {
  const replaced = new Map<string, Replacement>();
  for (const page of pages) {
    const doc = page.doc;
    if (doc === undefined) continue;
    const by = state.successors.get(doc.id) ?? [];
    if (by.length === 0 && doc.status !== 'bi-thay-the') continue;
    replaced.set(doc.id, {
      successors: [...by].sort((a, b) => comparePartialDates(b.date, a.date) || a.id.localeCompare(b.id)),
    });
  }
  return replaced;
}

/** Citing pages of each document, newest first. */
function sortCitations(state: GraphState): Map<string, Citation[]> {
  const sorted = new Map<string, Citation[]>();
  for (const [id, byPage] of state.citedBy) {
    sorted.set(
      id,
      [...byPage.values()].sort((a, b) => newestRefFirst(a.page, b.page)),
    );
  }
  return sorted;
}

/** Gaps, most cited first: by citing pages, then by mentions, then by code. */
function sortGaps(state: GraphState): Gap[] {
  return [...state.gaps.values()]
    .map((gap) => ({
      code: gap.code,
      dates: [...gap.dates].sort(comparePartialDates),
      citations: [...gap.byPage.values()].sort((a, b) => newestRefFirst(a.page, b.page)),
      total: gap.total,
    }))
    .sort(
      (a, b) =>
        b.citations.length - a.citations.length ||
        b.total - a.total ||
        a.code.localeCompare(b.code, 'vi', { numeric: true }),
    );
}

/**
 * Builds the graph of a whole site. `index` must hold the documents of `pages` (build it with
 * `createDocumentIndex(pages.flatMap((p) => p.doc ?? []))`), so links and the graph agree.
 */
export function buildDocumentGraph(pages: readonly GraphPage[], index: DocumentIndex): DocumentGraph {
  const state: GraphState = {
    index,
    citedBy: new Map(),
    mentions: new Map(),
    forward: new Map(),
    inverse: new Map(),
    successors: new Map(),
    gaps: new Map(),
    problems: [],
  };
  for (const page of pages) {
    const file = page.file ?? pageKey(page.collection, page.id);
    readBodyMentions(state, page, file);
    checkCodeChoices(state, page, file);
    readRelations(state, page, file);
  }
  state.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    citedBy: sortCitations(state),
    mentions: state.mentions,
    relations: mergeRelations(state),
    replaced: findReplaced(state, pages),
    gaps: sortGaps(state),
    problems: state.problems,
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
