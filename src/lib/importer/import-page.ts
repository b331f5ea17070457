/**
 * From imported text to a draft page, without touching the disk: tells an article from a document,
 * reads the facts each needs, resolves the codes it cites against the site's documents, and writes
 * the page text (frontmatter, a note to the editor, the body). import-page-fs.ts reads the file and
 * writes the result.
 */
import { formatDate } from '../content/dates.ts';
import { DOCUMENT_TYPES, type DocumentType, type EventKind } from '../content/document-types.ts';
import { sourceTextPath } from '../content/paths.ts';
import type { Taxonomies, TaxonomyEntry } from '../content/taxonomy.ts';
import { foldVietnamese, slugify } from '../content/text.ts';
import { codeKey } from '../graph/code-parser.ts';
import { type CitingPage, type DocumentIndex, documentId, resolveCode } from '../graph/document-registry.ts';
import { type CodeMention, findMentions } from '../graph/mention-scanner.ts';
import {
  findEventDate,
  findEventKind,
  findLocality,
  namedLocalities,
  outletFromToken,
  suggestTopics,
} from './article-facts.ts';
import { cleanArticle } from './article-text.ts';
import { readableBody, readDocumentHeader, type Signer } from './document-header.ts';
import { articleTree, documentTree, type SourceBlock, treeToMdx } from './markdown-body.ts';
import { type FrontmatterField, mdxPage } from './mdx-page.ts';
import { untab } from './raw-text.ts';

/** The two kinds of page the importer writes, named like their folders. */
export type ImportKind = 'tin' | 'van-ban';

/** A bad input, explained in Vietnamese with the file and what to do. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** A code the text cites and the page it resolves to. */
export interface CitedCode {
  /** Canonical code: "21-NQ/TW". */
  code: string;
  /** Id of the site's page for it, or null when the site has none (or cannot tell which). */
  document: string | null;
}

/** What `--json` prints for an article (before `path` is added). */
export interface NewsFacts {
  kind: 'tin';
  title: string;
  publishedDate: string | null;
  eventDate: string | null;
  outlet: string | null;
  author: string | null;
  locality: string | null;
  eventKind: EventKind;
  topics: string[];
  codes: CitedCode[];
}

/** What `--json` prints for a document (before `path` is added). */
export interface DocumentFacts {
  kind: 'van-ban';
  code: string;
  type: DocumentType;
  date: string;
  issuer: string | null;
  title: string;
  signer: Signer | null;
  codes: CitedCode[];
}

/** Text to import, already read from its file. */
export interface ImportSource {
  /** The file as the editor named it, for messages and the note. */
  fileName: string;
  /** The text's blocks: lines of a plain text, or paragraphs, lists and tables of HTML. */
  blocks: SourceBlock[];
  /** Facts a saved web page states in its markup (meta tags), when there are any. */
  page?: { title?: string; publishedDate?: string; outlet?: string; author?: string; url?: string };
  /** Overrides the detection: `--as tin` or `--as van-ban`. */
  as?: ImportKind;
}

/** What the importer knows about the site. */
export interface ImportContext {
  taxonomies: Taxonomies;
  /** The site's documents, to resolve cited codes to pages. */
  documents: DocumentIndex;
  /** Today, `YYYY-MM-DD`: stands in for a date the text does not give, marked as such. */
  today: string;
}

/** A draft ready to be written. */
export interface Draft {
  facts: NewsFacts | DocumentFacts;
  /** Folder inside the content directory: `tin` or `van-ban`. */
  folder: ImportKind;
  /** Page id (file name without `.mdx`). */
  id: string;
  /** The page file's text. */
  page: string;
  /** The cleaned source text kept beside the draft, for the check that the page is rewritten. */
  source: string;
}

/** Whether a text reads as a document (it has a Party document's header). */
export function looksLikeDocument(blocks: readonly SourceBlock[]): boolean {
  return readDocumentHeader(blocks.map((b) => b.text)) !== null;
}

/** Builds the draft for a source. Throws {@link ImportError} for text that cannot make a page. */
export function buildDraft(source: ImportSource, context: ImportContext): Draft {
  if (source.blocks.every((b) => b.text.trim() === '' && b.node?.type !== 'table')) {
    throw new ImportError(
      `Tệp ${source.fileName} không có chữ nào. Hãy sao chép lại nội dung bài báo hoặc văn bản vào tệp rồi chạy lại lệnh.`,
    );
  }
  const kind = source.as ?? (looksLikeDocument(source.blocks) ? 'van-ban' : 'tin');
  return kind === 'van-ban' ? documentDraft(source, context) : newsDraft(source, context);
}

// ---------------------------------------------------------------------------------------------
// Shared steps

/** A URL-safe slug of at most `max` characters, cut at a word. */
function shortSlug(title: string, max = 60): string {
  const words = slugify(title).split('-').filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out === '' ? w : `${out}-${w}`;
    if (next.length > max) break;
    out = next;
  }
  return out === '' ? (words[0]?.slice(0, max) ?? '') : out;
}

/**
 * The codes a text cites, each once, in order, resolved to the site's pages by the one resolver the
 * site uses. Notes say when a code is shared by several documents and how one was chosen.
 */
function citedCodes(
  mentions: readonly CodeMention[],
  documents: DocumentIndex,
  page: CitingPage,
  notes: string[],
): CitedCode[] {
  const out = new Map<string, CitedCode>();
  for (const m of mentions) {
    if (m.code === null) continue;
    const key = codeKey(m.code);
    if (out.has(key)) continue;
    const resolution = resolveCode(documents, { code: m.code, date: m.date, typeHint: m.typeHint }, page);
    if (resolution.kind === 'self') continue;
    const cited: CitedCode = { code: m.code.canonical, document: null };
    const sharing = documents.byKey.get(key) ?? [];
    if (resolution.kind === 'document') {
      cited.document = resolution.doc.id;
      if (sharing.length > 1 && (resolution.by === 'page-date' || resolution.by === 'only')) {
        notes.push(
          `${m.code.canonical}: trang web có ${sharing.length} văn bản cùng số hiệu (${sharing.map((d) => d.id).join(', ')}); ` +
            `đã chọn ${resolution.doc.id} theo ngày của trang. Nếu bài nói văn bản khác, thêm vào frontmatter: ` +
            `codeChoices: { "${m.code.canonical}": <ngày ban hành> }.`,
        );
      }
    } else if (resolution.kind === 'ambiguous') {
      notes.push(
        `${m.code.canonical}: chưa biết bài nói văn bản nào trong ${resolution.candidates.map((d) => d.id).join(', ')}; ` +
          `thêm codeChoices: { "${m.code.canonical}": <ngày ban hành> } vào frontmatter.`,
      );
    }
    out.set(key, cited);
  }
  for (const m of mentions) {
    if (m.code === null) notes.push(`"${m.text}": không rõ là văn bản nào (bài không ghi đủ số hiệu).`);
  }
  return [...out.values()];
}

/** The taxonomy entry whose label is `name` (compared folded), or undefined. */
function entryNamed(entries: readonly TaxonomyEntry[], name: string): TaxonomyEntry | undefined {
  const key = foldVietnamese(name).replace(/\s+dang$/, '');
  return entries.find((e) => {
    const label = foldVietnamese(e.label);
    return label === key || label.replace(/\s+dang$/, '') === key;
  });
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The note at the top of every draft: what to do before publishing, then what to check. */
function draftNote(
  source: ImportSource,
  kind: ImportKind,
  sourcePath: string,
  checks: readonly string[],
): string[] {
  const steps =
    kind === 'tin'
      ? [
          'Viết lại phần dưới thành bản tóm tắt bằng lời của mình (các mục ## ngắn, số liệu thành bảng',
          'hoặc danh sách); không chép nguyên câu của bài báo. Sửa tiêu đề (title) và tóm tắt (summary)',
          'cũng bằng lời của mình. Thêm url của bài gốc vào sources nếu tìm được.',
        ]
      : [
          'Phần dưới là toàn văn văn bản, giữ nguyên để tìm kiếm được nội dung. Viết tóm tắt (summary)',
          'và, nếu cần, vài mục ## tóm lược ở đầu trang. Ghi nơi lấy văn bản vào sources (outlet, url).',
        ];
  return [
    `BẢN NHÁP do "npm run import" tạo từ ${source.fileName}.`,
    `Bản gốc được giữ ở ${sourcePath} (không xuất bản).`,
    '',
    'Trước khi xuất bản:',
    ...steps,
    'Kiểm tra từng trường ở đầu trang (các dòng # ghi chú cho biết trường nào cần xem lại).',
    'Chạy npm run check, rồi đổi "draft: true" thành "draft: false".',
    ...(checks.length > 0 ? ['', 'Cần xem lại:', ...checks.map((c) => `- ${c}`)] : []),
  ];
}

/** The kept source: the blocks' text, one per line. */
function sourceTextOf(blocks: readonly SourceBlock[]): string {
  return `${blocks
    .map((b) => b.text)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

// ---------------------------------------------------------------------------------------------
// News

function newsDraft(source: ImportSource, context: ImportContext): Draft {
  const { taxonomies, documents } = context;
  const lines = source.blocks.map((b) => untab(b.text));
  const article = cleanArticle(source.page?.title === undefined ? lines : [source.page.title, ...lines]);
  const notes: string[] = [];
  const bodyText = article.blocks.map((b) => b.text).join('\n\n');
  const fullText = `${article.title}\n\n${bodyText}`;
  const mentions = findMentions(fullText);

  const publishedDate = article.publishedDate ?? source.page?.publishedDate ?? null;
  const bodyStart = article.title.length + 2;
  const event = findEventDate(
    bodyText,
    publishedDate,
    mentions.filter((m) => m.start >= bodyStart).map((m) => ({ end: m.end - bodyStart })),
  );
  const outletToken = article.outletToken ?? article.creditOutlet;
  const outlet =
    outletToken !== null
      ? outletFromToken(outletToken, taxonomies.localities)
      : source.page?.outlet !== undefined
        ? { name: source.page.outlet, locality: null }
        : null;
  const author = article.author ?? article.creditAuthor ?? source.page?.author ?? null;
  const locality = findLocality(
    {
      title: article.title,
      placeLines: article.placeLines,
      text: bodyText,
      outletLocality: outlet?.locality ?? null,
    },
    taxonomies.localities,
  );
  const lead = article.blocks.find((b) => b.kind === 'paragraph')?.text ?? '';
  const eventKind = findEventKind(article.title, lead, bodyText);
  const topics = suggestTopics(article.title, bodyText, taxonomies.topics);
  const eventDate = event.date;
  const pageDate = eventDate ?? publishedDate ?? context.today;
  const codes = citedCodes(mentions, documents, { date: pageDate, codeChoices: new Map(), known: [] }, notes);

  const title = article.title === '' ? 'Bài chưa có tiêu đề' : article.title;
  const id = `${pageDate}-${shortSlug(title) || 'bai-viet'}`;
  const facts: NewsFacts = {
    kind: 'tin',
    title,
    publishedDate,
    eventDate,
    outlet: outlet?.name ?? null,
    author,
    locality: locality.id,
    eventKind,
    topics,
    codes,
  };

  const checks = [
    ...notes,
    ...(article.category !== null ? [`Đã bỏ dòng chuyên mục "${article.category}".`] : []),
    ...(article.captions.length > 0 ? [`Đã bỏ ${article.captions.length} chú thích ảnh.`] : []),
  ];
  const fields: FrontmatterField[] = [
    { key: 'draft', value: true, comment: 'Bản nháp: không xuất bản cho đến khi đổi thành false.' },
    { key: 'title', value: title, comment: 'Tiêu đề của bài gốc: viết lại bằng lời của mình.' },
    {
      key: 'eventDate',
      value: pageDate,
      comment:
        eventDate === null
          ? `CHƯA RÕ ngày diễn ra: ${event.reason} Tạm ghi ${publishedDate !== null ? 'ngày đăng bài' : 'ngày nhập'}; hãy sửa.`
          : `Ngày diễn ra: ${event.reason}`,
    },
    { key: 'publishedDate', value: publishedDate ?? undefined },
    {
      key: 'outlet',
      value: outlet?.name ?? 'Chưa rõ',
      ...(outlet === null
        ? { comment: 'CHƯA RÕ: bài không ghi tên báo, đài. Hãy ghi tên cơ quan đăng bài.' }
        : {}),
    },
    {
      key: 'author',
      value: author ?? undefined,
      ...(article.author === null && article.creditAuthor !== null && author === article.creditAuthor
        ? { comment: 'Tác giả lấy từ chú thích ảnh (người chụp ảnh): kiểm tra lại.' }
        : {}),
    },
    {
      key: 'locality',
      value: locality.id ?? undefined,
      comment:
        locality.id === null
          ? `Địa phương: ${locality.reason} Để trống; nếu cần, thêm "locality: <id>" theo content/data/dia-phuong.yaml.`
          : `Địa phương: ${locality.reason}`,
    },
    {
      key: 'eventKind',
      value: eventKind,
      comment: 'Loại sự kiện: tong-ket, so-ket, giao-ban, chuyen-de, trien-khai, khac.',
    },
    {
      key: 'topics',
      value: topics,
      comment: 'Chủ đề gợi ý theo từ ngữ của bài: bỏ bớt hoặc thêm id trong content/data/chu-de.yaml.',
    },
    {
      key: 'summary',
      value: lead === '' ? title : lead,
      comment: 'Tóm tắt 1–2 câu: đang là đoạn mở đầu của bài gốc, hãy viết lại.',
    },
    {
      key: 'sources',
      value: [
        {
          title,
          outlet: outlet?.name ?? 'Chưa rõ',
          ...(source.page?.url !== undefined ? { url: source.page.url } : {}),
          ...(publishedDate !== null ? { date: publishedDate } : {}),
        },
      ],
      ...(source.page?.url === undefined ? { comment: 'Thêm url của bài gốc nếu tìm được.' } : {}),
    },
  ];
  const body = treeToMdx(articleTree(article.blocks));
  const page = mdxPage(fields, draftNote(source, 'tin', sourceTextPath('tin', id), checks), body);
  return { facts, folder: 'tin', id, page, source: sourceTextOf(source.blocks) };
}

// ---------------------------------------------------------------------------------------------
// Documents

function documentDraft(source: ImportSource, context: ImportContext): Draft {
  const { taxonomies, documents } = context;
  const lines = source.blocks.map((b) => b.text);
  const header = readDocumentHeader(lines);
  if (header === null) {
    throw new ImportError(
      `Tệp ${source.fileName} không có phần đầu của một văn bản (dòng "Số …", ví dụ "Số 21-NQ/TW", rồi dòng loại văn bản như "NGHỊ QUYẾT"). ` +
        'Nếu đây là một bài báo, chạy lại với --as tin; nếu là văn bản, hãy chép cả phần đầu văn bản vào tệp.',
    );
  }
  if (header.date === null) {
    throw new ImportError(
      `Tệp ${source.fileName}: văn bản ${header.code.canonical} không ghi ngày ban hành (dòng như "Hà Nội, ngày 16 tháng 6 năm 2022"). ` +
        'Hãy chép cả dòng ngày tháng ở phần đầu văn bản vào tệp rồi chạy lại.',
    );
  }
  const type = header.type as DocumentType;
  const date = header.date;
  const code = header.code.canonical;
  const id = documentId(code, date);
  const notes: string[] = [];

  // The body: from the end of the title block to the signature or the list of recipients.
  let bodyEnd = source.blocks.length;
  for (let i = header.bodyStart; i < source.blocks.length; i++) {
    if (header.consumed.has(i)) {
      bodyEnd = i;
      break;
    }
  }
  const bodyBlocks = source.blocks.slice(header.bodyStart, bodyEnd);
  const bodyText = bodyBlocks.map((b) => b.text).join('\n');
  const mentions = findMentions(bodyText, { known: [code] });
  const codes = citedCodes(
    mentions,
    documents,
    { selfId: id, date, codeChoices: new Map(), known: [code] },
    notes,
  );

  const issuerEntry =
    header.issuerName === null ? undefined : entryNamed(taxonomies.issuers, header.issuerName);
  const issuerId = issuerEntry?.id ?? null;
  const issuerLabel = issuerEntry?.label ?? header.issuerName;
  const issuerComment =
    issuerEntry !== undefined
      ? `Cơ quan ban hành: ${header.issuerReason}`
      : header.issuerName !== null
        ? `CHƯA CÓ trong content/data/co-quan.yaml: "${header.issuerName}" (${header.issuerReason}) Thêm một mục, ví dụ ` +
          `"- { id: ${slugify(header.issuerName)}, label: ${header.issuerName}, level: … }", hoặc sửa id này.`
        : `CHƯA RÕ cơ quan ban hành: ${header.issuerReason} Ghi một id trong content/data/co-quan.yaml.`;
  const issuerValue = issuerId ?? (header.issuerName !== null ? slugify(header.issuerName) : 'chua-ro');

  const label = DOCUMENT_TYPES[type].label;
  const title = header.title ?? `${label} số ${code}`;
  const named = `${label} số ${code} ngày ${formatDate(date)}`;
  const summary = `${named}${issuerLabel !== null ? ` của ${issuerLabel}` : ''}${
    header.title === null ? '' : /^về\s/iu.test(title) ? ` ${lowerFirst(title)}` : `: ${title}`
  }.`;
  // A local committee's document names its province in the header ("TỈNH ỦY QUẢNG NGÃI"); the place
  // of signing ("Hà Nội, ngày …") says nothing about whose document it is.
  const localityIds =
    header.headerName === null ? [] : namedLocalities(readableBody(header.headerName), taxonomies.localities);
  const locality = localityIds.length === 1 ? localityIds[0]?.id : undefined;
  const topics = suggestTopics(title, bodyText, taxonomies.topics);

  const facts: DocumentFacts = {
    kind: 'van-ban',
    code,
    type,
    date,
    issuer: issuerId,
    title,
    signer: header.signer,
    codes,
  };
  const checks = [
    ...notes,
    ...(header.title === null ? ['Văn bản không có dòng trích yếu ("về …"): hãy ghi title.'] : []),
    ...(header.signer === null
      ? ['Không thấy khối chữ ký (T/M …, chức vụ, họ tên): ghi signer nếu nguồn nêu.']
      : []),
  ];
  const fields: FrontmatterField[] = [
    { key: 'draft', value: true, comment: 'Bản nháp: không xuất bản cho đến khi đổi thành false.' },
    { key: 'code', value: code },
    { key: 'type', value: type, comment: `Loại văn bản theo dòng "${label.toUpperCase()}" ở đầu văn bản.` },
    { key: 'title', value: title },
    { key: 'issuer', value: issuerValue, comment: issuerComment },
    { key: 'date', value: date },
    { key: 'signer', value: header.signer ?? undefined },
    { key: 'term', value: header.term ?? undefined },
    { key: 'locality', value: locality },
    {
      key: 'topics',
      value: topics,
      comment: 'Chủ đề gợi ý theo từ ngữ của văn bản: bỏ bớt hoặc thêm id trong content/data/chu-de.yaml.',
    },
    { key: 'summary', value: summary, comment: 'Tóm tắt 1–2 câu: hãy viết nội dung chính của văn bản.' },
    {
      key: 'sources',
      value: [
        { title: `${named}${header.title === null ? '' : ` ${lowerFirst(title)}`}`, outlet: 'Chưa rõ' },
      ],
      comment: 'Nguồn: ghi nơi lấy văn bản (outlet: cổng thông tin, công báo…) và địa chỉ (url).',
    },
  ];
  const body = treeToMdx(
    documentTree(bodyBlocks.filter((_, k) => !header.consumed.has(header.bodyStart + k))),
  );
  const page = mdxPage(fields, draftNote(source, 'van-ban', sourceTextPath('van-ban', id), checks), body);
  return { facts, folder: 'van-ban', id, page, source: sourceTextOf(source.blocks) };
}
