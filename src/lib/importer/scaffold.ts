/**
 * `npm run new`: the answers an editor gives (kind of page, code or title, dates, issuer, topics,
 * locality) made into a draft page: its file name by the project's rules and its text, frontmatter
 * that passes the schema with `draft: true`, and a body to write in. Pure; the prompts are
 * scripts/new.ts and the writing scaffold-fs.ts.
 *
 * What no answer gives (the summary, the sources, a news item's outlet) is filled with
 * {@link PLACEHOLDER}, so the draft is valid from the start and `npm run check` can say what is
 * still to be written before the page is published.
 */
import slugify from '@sindresorhus/slugify';
import { Document, isSeq } from 'yaml';
import { parsePartialDate } from '../content/dates.ts';
import {
  DOCUMENT_TYPE_SLUGS,
  DOCUMENT_TYPES,
  type DocumentType,
  EVENT_KINDS,
  type EventKind,
  typesForAbbreviation,
} from '../content/document-types.ts';
import { PLACEHOLDER } from '../content/drafts.ts';
import { DOCUMENTS_DIR, NEWS_DIR } from '../content/paths.ts';
import type { Taxonomies } from '../content/taxonomy.ts';
import { parseCode } from '../graph/code-parser.ts';
import { documentId } from '../graph/document-registry.ts';

/** Answers for a document page (văn bản). */
export interface DocumentAnswers {
  kind: 'van-ban';
  type: DocumentType;
  /** Số hiệu, in any spelling the code parser reads. */
  code: string;
  /** Ngày ban hành: `16/06/2022`, `06/2022`, `2022` or the ISO forms. */
  date: string;
  /** An id from co-quan.yaml. */
  issuer: string;
  /** Trích yếu; empty for a placeholder. */
  title?: string;
  topics?: string[];
}

/** Answers for a news page (tin). */
export interface NewsAnswers {
  kind: 'tin';
  title: string;
  /** Ngày diễn ra, as for {@link DocumentAnswers.date}. */
  eventDate: string;
  eventKind: EventKind;
  /** An id from dia-phuong.yaml, or none. */
  locality?: string;
  topics?: string[];
}

/** What `npm run new` asks, answered. */
export type ScaffoldAnswers = DocumentAnswers | NewsAnswers;

/** A draft to write: where, relative to the content directory, and what. */
export interface ScaffoldedPage {
  /** `van-ban/21-nq-tw-2022.mdx`, `tin/2023-01-06-tong-ket.mdx`. */
  path: string;
  /** Page id (the file name without `.mdx`), also its URL segment. */
  id: string;
  text: string;
}

/** A wrong answer: which question (field) and what to do, in Vietnamese. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
  /** The answer's field: `code`, `date`, `issuer`… */
  readonly field: string;
  constructor(field: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.field = field;
  }
}

/**
 * Reads a date as an editor types it, the Vietnamese way (`16/6/2022`, `6/2022`) or the stored
 * way (`2022-06-16`, `2022-06`, `2022`), and returns the stored form, or null when it is no date.
 */
export function readDate(input: string): string | null {
  const s = input.trim();
  const pad = (n: string) => n.padStart(2, '0');
  let iso = s;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const my = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (dmy !== null) iso = `${dmy[3]}-${pad(dmy[2] as string)}-${pad(dmy[1] as string)}`;
  else if (my !== null) iso = `${my[2]}-${pad(my[1] as string)}`;
  return parsePartialDate(iso) === null ? null : iso;
}

/** Checks a date answer; returns the stored form or throws a {@link ScaffoldError} for `field`. */
export function checkDate(field: string, input: string): string {
  const date = readDate(input);
  if (date === null) {
    throw new ScaffoldError(
      field,
      `"${input}" không phải là ngày: viết ngày/tháng/năm (16/06/2022), tháng/năm (06/2022) hoặc năm (2022).`,
    );
  }
  return date;
}

/**
 * Checks a code answer with the one code parser and against the chosen type (21-NQ/TW cannot be a
 * Chỉ thị); returns the canonical code or throws a {@link ScaffoldError}.
 */
export function checkCode(input: string, type?: DocumentType): string {
  const code = parseCode(input);
  if (code === null) {
    throw new ScaffoldError(
      'code',
      `Số hiệu "${input}" không đọc được: viết như 21-NQ/TW, 865-QĐ/TU hoặc 73/2023/NĐ-CP.`,
    );
  }
  if (type !== undefined && !typesForAbbreviation(code.abbr).includes(type)) {
    const label = DOCUMENT_TYPES[type].label;
    throw new ScaffoldError(
      'code',
      `Số hiệu ${code.canonical} có ký hiệu ${code.abbr}, không khớp loại "${label}": kiểm tra lại số hiệu hoặc loại văn bản.`,
    );
  }
  return code.canonical;
}

/** Checks that `id` is in a taxonomy list; the error names the list and some of its ids. */
function checkTerm(field: string, id: string, entries: Taxonomies[keyof Taxonomies], file: string): string {
  if (entries.some((e) => e.id === id)) return id;
  const sample = entries
    .slice(0, 6)
    .map((e) => e.id)
    .join(', ');
  throw new ScaffoldError(field, `"${id}" không có trong content/data/${file} (có: ${sample}, …).`);
}

/** A news file's name: `<event date>-<slug of the title>`, the slug cut at a word near 60 characters. */
export function newsId(eventDate: string, title: string): string {
  let slug = slugify(title);
  if (slug.length > 60) slug = slug.slice(0, 61).replace(/-[^-]*$/, '');
  return `${eventDate}-${slug || 'tin'}`;
}

/** Answers as they come from a JSON file or the prompts, checked and normalised. Throws {@link ScaffoldError}. */
export function checkAnswers(
  raw: Readonly<Record<string, unknown>>,
  taxonomies: Taxonomies,
): ScaffoldAnswers {
  const text = (field: string, required: boolean): string => {
    const v = raw[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) throw new ScaffoldError(field, `Thiếu "${field}".`);
      return '';
    }
    if (typeof v !== 'string') throw new ScaffoldError(field, `"${field}" phải là chữ.`);
    return v.normalize('NFC').trim();
  };
  const topics = (): string[] => {
    const v = raw.topics ?? [];
    if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) {
      throw new ScaffoldError('topics', '"topics" phải là một danh sách id chủ đề.');
    }
    return v.map((t) => checkTerm('topics', t as string, taxonomies.topics, 'chu-de.yaml'));
  };
  const kind = text('kind', true);
  if (kind === DOCUMENTS_DIR) {
    const type = text('type', true);
    if (!(DOCUMENT_TYPE_SLUGS as readonly string[]).includes(type)) {
      throw new ScaffoldError('type', `Loại văn bản phải là một trong: ${DOCUMENT_TYPE_SLUGS.join(', ')}.`);
    }
    const answers: DocumentAnswers = {
      kind: 'van-ban',
      type: type as DocumentType,
      code: checkCode(text('code', true), type as DocumentType),
      date: checkDate('date', text('date', true)),
      issuer: checkTerm('issuer', text('issuer', true), taxonomies.issuers, 'co-quan.yaml'),
      topics: topics(),
    };
    const title = text('title', false);
    if (title !== '') answers.title = title;
    return answers;
  }
  if (kind === NEWS_DIR) {
    const eventKind = text('eventKind', false) || 'khac';
    if (!(eventKind in EVENT_KINDS)) {
      throw new ScaffoldError(
        'eventKind',
        `Loại sự kiện phải là một trong: ${Object.keys(EVENT_KINDS).join(', ')}.`,
      );
    }
    const answers: NewsAnswers = {
      kind: 'tin',
      title: text('title', true),
      eventDate: checkDate('eventDate', text('eventDate', true)),
      eventKind: eventKind as EventKind,
      topics: topics(),
    };
    const locality = text('locality', false);
    if (locality !== '')
      answers.locality = checkTerm('locality', locality, taxonomies.localities, 'dia-phuong.yaml');
    return answers;
  }
  throw new ScaffoldError('kind', `"kind" phải là "${DOCUMENTS_DIR}" (văn bản) hoặc "${NEWS_DIR}" (tin).`);
}

/**
 * The placeholder source every new page starts with: a source is required, and only the editor
 * knows it. No `url`, so no made-up address can ever be published; the check asks for one.
 */
const SOURCE_PLACEHOLDER = {
  title: `${PLACEHOLDER} Tên bài hoặc văn bản nguồn`,
  outlet: `${PLACEHOLDER} Tên báo, cổng thông tin`,
};

/**
 * Frontmatter as YAML text: `yaml` quotes whatever needs it (a `[`, a `: `, a leading `-`); topics
 * are written on one line, `[a, b]`, as on every other page.
 */
function frontmatter(fields: Record<string, unknown>): string {
  const doc = new Document(fields);
  const topics = doc.get('topics', true);
  if (isSeq(topics)) topics.flow = true;
  return `---\n${doc.toString({ lineWidth: 100, flowCollectionPadding: false })}---\n`;
}

const COMMENT = `{/* Bản nháp tạo bằng npm run new. Điền các chỗ ${PLACEHOLDER} ở đầu trang và viết nội dung dưới đây; xem trang bằng npm run dev; xóa dòng draft: true để xuất bản. */}`;

/**
 * The draft page for checked answers: file path by the project's rules (documentId for a document,
 * `<event date>-<slug>` for news) and text whose frontmatter passes the schema, with `draft: true`.
 */
export function scaffoldPage(answers: ScaffoldAnswers, taxonomies: Taxonomies): ScaffoldedPage {
  if (answers.kind === 'van-ban') {
    const id = documentId(answers.code, answers.date);
    const issuer = taxonomies.issuers.find((e) => e.id === answers.issuer);
    const fields: Record<string, unknown> = {
      code: answers.code,
      type: answers.type,
      title: answers.title ?? `${PLACEHOLDER} Trích yếu của văn bản`,
      issuer: answers.issuer,
      date: answers.date,
      status: 'chua-ro',
      topics: answers.topics ?? [],
    };
    // A local committee's document belongs to its province, as the issuer list says.
    if (typeof issuer?.locality === 'string') fields.locality = issuer.locality;
    fields.sources = [SOURCE_PLACEHOLDER];
    fields.summary = `${PLACEHOLDER} Một, hai câu tóm tắt văn bản, hiện trong danh sách và kết quả tìm kiếm.`;
    fields.draft = true;
    const body = `${COMMENT}\n\n## Nội dung chính\n\n${PLACEHOLDER} Tóm tắt nội dung văn bản, có dẫn nguồn.\n`;
    return { id, path: `${DOCUMENTS_DIR}/${id}.mdx`, text: `${frontmatter(fields)}\n${body}` };
  }
  const id = newsId(answers.eventDate, answers.title);
  const fields: Record<string, unknown> = {
    title: answers.title,
    eventDate: answers.eventDate,
    outlet: `${PLACEHOLDER} Tên báo đưa tin`,
  };
  if (answers.locality !== undefined) fields.locality = answers.locality;
  fields.eventKind = answers.eventKind;
  fields.topics = answers.topics ?? [];
  fields.sources = [SOURCE_PLACEHOLDER];
  fields.summary = `${PLACEHOLDER} Một, hai câu tóm tắt tin, hiện trong danh sách và bản tin RSS.`;
  fields.draft = true;
  const body = `${COMMENT}\n\n## Hội nghị\n\n${PLACEHOLDER} Tóm tắt tin bằng lời của mình, có dẫn nguồn.\n`;
  return { id, path: `${NEWS_DIR}/${id}.mdx`, text: `${frontmatter(fields)}\n${body}` };
}
