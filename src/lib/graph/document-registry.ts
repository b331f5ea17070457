/**
 * The registry of documents Sổ tay has pages for, and the ONE resolver that decides which of them a
 * mention means. The remark transform (links in page bodies), the document graph (backlinks,
 * relations, gaps) and the content checks all call {@link resolveCode}, so a mention that is linked
 * on a page is the same citation the graph counts and the check reports.
 *
 * Why a resolver at all: Party numbering restarts with each term, so one code can name several
 * documents (21-NQ/TW of 25/10/2017 and of 16/06/2022). A mention is settled, in this order, by the
 * date written after it ("ngày 18/1/2019"), by the page author's `codeChoices`, by there being only
 * one document with that code, or by the citing page's own date: the document issued on or before
 * it and nearest to it. Anything else is reported, never guessed.
 */
import { documentName } from '../content/catalog.ts';
import {
  comparePartialDates,
  formatDate,
  parsePartialDate,
  partialDatesOverlap,
  toPartialDateString,
} from '../content/dates.ts';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentStatus,
  type DocumentType,
} from '../content/document-types.ts';
import { codeKey, codeSlug, type DocumentCode, parseCode } from './code-parser.ts';
import type { CodeMention } from './mention-scanner.ts';

/** A document that has a page, with the fields linking and the graph need. */
export interface KnownDocument {
  /** Page id (file name without extension): `21-nq-tw-2022`. */
  id: string;
  /** Canonical code: `21-NQ/TW`. */
  code: string;
  /** Document type slug. */
  type: DocumentType;
  /** Trích yếu. */
  title: string;
  /** Issue date, maybe partial: `2022-06-16`, `2022-06`, `2022`. */
  date: string;
  /** Tình trạng hiệu lực, when the page states one. */
  status?: DocumentStatus;
}

/** Known documents indexed for resolution. */
export interface DocumentIndex {
  /** By page id. */
  byId: ReadonlyMap<string, KnownDocument>;
  /** By {@link codeKey}, oldest first. */
  byKey: ReadonlyMap<string, readonly KnownDocument[]>;
}

/** Indexes documents by id and by code key; each code's documents are sorted oldest first. */
export function createDocumentIndex(docs: Iterable<KnownDocument>): DocumentIndex {
  const byId = new Map<string, KnownDocument>();
  const byKey = new Map<string, KnownDocument[]>();
  for (const doc of docs) {
    byId.set(doc.id, doc);
    const key = codeKey(doc.code);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [doc]);
    else list.push(doc);
  }
  for (const list of byKey.values()) {
    list.sort((a, b) => comparePartialDates(a.date, b.date) || a.id.localeCompare(b.id));
  }
  return { byId, byKey };
}

/**
 * Reads a {@link KnownDocument} from a document's frontmatter, raw (YAML dates as `Date`, codes as
 * typed) or already validated by the schema. Returns null when the code, type or date cannot be
 * read: the schema reports those, and a document nobody can name cannot be linked to.
 */
export function knownDocumentFrom(id: string, data: Readonly<Record<string, unknown>>): KnownDocument | null {
  const code = typeof data.code === 'string' ? parseCode(data.code) : null;
  const date = toPartialDateString(data.date);
  const type =
    typeof data.type === 'string' && data.type in DOCUMENT_TYPES ? (data.type as DocumentType) : null;
  if (code === null || date === null || type === null) return null;
  const doc: KnownDocument = {
    id,
    code: code.canonical,
    type,
    title: typeof data.title === 'string' ? data.title : '',
    date,
  };
  if (typeof data.status === 'string' && data.status in DOCUMENT_STATUSES) {
    doc.status = data.status as DocumentStatus;
  }
  return doc;
}

/** What a citing page contributes to resolving its mentions. */
export interface CitingPage {
  /** Id of the page's own document (document pages only): a mention of it is never a link. */
  selfId?: string;
  /** The page's date: a document's `date`, a news page's `eventDate`. */
  date?: string;
  /** The author's choices for shared codes: code key → date (`codeChoices` in frontmatter). */
  codeChoices: ReadonlyMap<string, string>;
  /**
   * Codes the page names outside its body (its own code, its relations, its choices). Passed to the
   * mention scanner so "Nghị quyết số 21" on the 21-NQ/TW page settles.
   */
  known: readonly string[];
}

/** A relation recorded in a document's frontmatter, read loosely (raw or validated). */
export interface RelationRecord {
  /** Relation kind slug (see RELATION_KINDS). */
  kind: string;
  /** Canonical code of the other document. */
  code: string;
  /** Date of the other document. */
  date: string;
  /** Author's note. */
  note?: string;
  /** Address of the source stating the relation, when it is not among the page's sources. */
  source?: string;
}

/**
 * Reads the resolution context of a page from its frontmatter (raw or validated): the page date,
 * `codeChoices` and the codes it names. `collection` and `id` say which page it is, so a document
 * page knows itself.
 */
export function citingPageFrom(
  collection: 'documents' | 'news',
  id: string,
  data: Readonly<Record<string, unknown>>,
): CitingPage {
  const date = toPartialDateString(collection === 'documents' ? data.date : data.eventDate);
  const known: string[] = [];
  const choices = new Map<string, string>();
  const rawChoices = data.codeChoices;
  if (typeof rawChoices === 'object' && rawChoices !== null && !Array.isArray(rawChoices)) {
    for (const [code, value] of Object.entries(rawChoices)) {
      const parsed = parseCode(code);
      const when = toPartialDateString(value);
      if (parsed === null || when === null) continue;
      choices.set(codeKey(parsed), when);
      known.push(parsed.canonical);
    }
  }
  if (collection === 'documents' && typeof data.code === 'string') known.unshift(data.code);
  for (const r of relationsFrom(data)) known.push(r.code);
  const page: CitingPage = { codeChoices: choices, known };
  if (date !== null) page.date = date;
  if (collection === 'documents') page.selfId = id;
  return page;
}

/** The `relations` of a document's frontmatter that can be read; the schema reports the rest. */
export function relationsFrom(data: Readonly<Record<string, unknown>>): RelationRecord[] {
  if (!Array.isArray(data.relations)) return [];
  const out: RelationRecord[] = [];
  for (const r of data.relations as unknown[]) {
    if (typeof r !== 'object' || r === null) continue;
    const { kind, code, date, note, source } = r as Record<string, unknown>;
    const parsed = typeof code === 'string' ? parseCode(code) : null;
    const when = toPartialDateString(date);
    if (typeof kind !== 'string' || parsed === null || when === null) continue;
    const rec: RelationRecord = { kind, code: parsed.canonical, date: when };
    if (typeof note === 'string') rec.note = note;
    if (typeof source === 'string') rec.source = source;
    out.push(rec);
  }
  return out;
}

/** How a mention resolved to a document. */
export type ResolvedBy =
  /** The date written after the mention matched one document. */
  | 'date'
  /** The page's `codeChoices`. */
  | 'choice'
  /** Only one document has the code. */
  | 'only'
  /** The document issued on or before the page's date and nearest to it. */
  | 'page-date';

/** Why a shared code could not be settled. */
export type AmbiguityReason =
  /** The page has no date to compare with. */
  | 'no-page-date'
  /** Every document with the code was issued after the page's date. */
  | 'all-later'
  /** Two documents with the code fit the date equally well. */
  | 'same-date'
  /** The page's `codeChoices` date matches none of the documents. */
  | 'bad-choice';

/** Outcome of resolving one mention. */
export type Resolution =
  | { kind: 'document'; doc: KnownDocument; by: ResolvedBy }
  /** The mention names the citing page's own document: plain text, not a citation. */
  | { kind: 'self'; doc: KnownDocument }
  /**
   * No page for this document. `others` lists documents with the same code but another date, when the
   * mention's date rules them out.
   */
  | { kind: 'unknown'; code: string; date?: string; others: readonly KnownDocument[] }
  | { kind: 'ambiguous'; code: string; candidates: readonly KnownDocument[]; reason: AmbiguityReason };

/** What is known about the mention being resolved. */
export interface MentionFacts {
  /** The code mentioned. */
  code: DocumentCode | string;
  /** Date written with the mention or recorded with a relation. */
  date?: string | undefined;
  /** Type named before the code ("Quy định số 08-QĐ/TW"), which separates Quy định from Quyết định. */
  typeHint?: DocumentType | undefined;
}

/** The document among `list` whose date is latest; null when two share that latest date. */
function latest(list: readonly KnownDocument[]): KnownDocument | null {
  let best: KnownDocument | null = null;
  let tie = false;
  for (const d of list) {
    const c = best === null ? 1 : comparePartialDates(d.date, best.date);
    if (c > 0) {
      best = d;
      tie = false;
    } else if (c === 0) tie = true;
  }
  return tie ? null : best;
}

/**
 * Decides which document a mention means, for one citing page. See the module comment for the
 * order of the rules. Runs in time proportional to the number of documents sharing the code.
 */
export function resolveCode(index: DocumentIndex, facts: MentionFacts, page: CitingPage): Resolution {
  const key = codeKey(facts.code);
  const code =
    typeof facts.code === 'string' ? (parseCode(facts.code)?.canonical ?? facts.code) : facts.code.canonical;
  const all = index.byKey.get(key) ?? [];
  if (all.length === 0) {
    return facts.date === undefined
      ? { kind: 'unknown', code, others: [] }
      : { kind: 'unknown', code, date: facts.date, others: [] };
  }
  // "Quyết định số 08-QĐ/TW" and "Quy định số 08-QĐ/TW" are different documents; a type word that
  // fits none of them is more likely a slip than a third document, so it narrows only when it fits.
  const byType = facts.typeHint === undefined ? [] : all.filter((d) => d.type === facts.typeHint);
  const candidates = byType.length > 0 ? byType : all;
  const settle = (doc: KnownDocument, by: ResolvedBy): Resolution =>
    doc.id === page.selfId ? { kind: 'self', doc } : { kind: 'document', doc, by };
  const ambiguous = (list: readonly KnownDocument[], reason: AmbiguityReason): Resolution => ({
    kind: 'ambiguous',
    code,
    candidates: list,
    reason,
  });

  if (facts.date !== undefined) {
    const date = facts.date;
    const fits = candidates.filter((d) => partialDatesOverlap(d.date, date));
    const [one] = fits;
    if (fits.length === 1 && one !== undefined) return settle(one, 'date');
    if (fits.length === 0) return { kind: 'unknown', code, date, others: candidates };
    return ambiguous(fits, 'same-date');
  }
  const choice = page.codeChoices.get(key);
  if (choice !== undefined) {
    const fits = candidates.filter((d) => partialDatesOverlap(d.date, choice));
    const [one] = fits;
    if (fits.length === 1 && one !== undefined) return settle(one, 'choice');
    return ambiguous(fits.length === 0 ? candidates : fits, fits.length === 0 ? 'bad-choice' : 'same-date');
  }
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) return settle(only, 'only');
  const pageDate = page.date;
  if (pageDate === undefined) return ambiguous(candidates, 'no-page-date');
  // "On or before" with partial dates: a document dated 2022 may be the one cited on 2022-03-01.
  const before = candidates.filter(
    (d) => comparePartialDates(d.date, pageDate) <= 0 || partialDatesOverlap(d.date, pageDate),
  );
  if (before.length === 0) return ambiguous(candidates, 'all-later');
  const nearest = latest(before);
  return nearest === null ? ambiguous(before, 'same-date') : settle(nearest, 'page-date');
}

/** A mention whose code nothing settles ("Nghị quyết số 21" with no 21-NQ/… written on the page). */
export interface UnsettledMention {
  kind: 'unsettled';
  /** The short mention as written. */
  text: string;
}

/** Outcome of resolving a scanned mention: a {@link Resolution}, or unsettled when it has no code. */
export type MentionOutcome = Resolution | UnsettledMention;

/** Resolves a mention found by the scanner of `mention-scanner.ts` for one citing page. */
export function resolveMention(index: DocumentIndex, mention: CodeMention, page: CitingPage): MentionOutcome {
  if (mention.code === null) return { kind: 'unsettled', text: mention.text };
  return resolveCode(index, { code: mention.code, date: mention.date, typeHint: mention.typeHint }, page);
}

/** How a reader names a document with its date: "Nghị quyết số 21-NQ/TW ngày 16/06/2022". */
export function documentLabel(doc: Pick<KnownDocument, 'type' | 'code' | 'date'>): string {
  return `${documentName(doc)} ${dateWords(doc.date)}`;
}

/** "ngày 16/06/2022", "tháng 06/2022" or "năm 2022", by the date's precision. */
export function dateWords(date: string): string {
  const p = parsePartialDate(date);
  if (p === null) return date;
  const word = p.day !== undefined ? 'ngày' : p.month !== undefined ? 'tháng' : 'năm';
  return `${word} ${formatDate(p)}`;
}

/**
 * The canonical file name (and URL id) of a document: its code slug and year, since codes repeat
 * across terms ("21-nq-tw-2017", "21-nq-tw-2022").
 */
export function documentId(code: string, date: string): string {
  const year = parsePartialDate(date)?.year ?? 'khong-ro-nam';
  return `${codeSlug(code)}-${year}`;
}
