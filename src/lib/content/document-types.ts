/**
 * The one place that knows the kinds of document Sổ tay holds, their Vietnamese labels and the
 * abbreviation that appears in their code (số hiệu). Everything else — the schema, the code parser,
 * listings, search filters — reads this table, so adding a type is a one-line change here.
 *
 * Quy định and Quyết định share the abbreviation "QĐ": the abbreviation alone never decides the type,
 * which is why `type` is its own field on every document.
 *
 * Part: the content model (src/lib/content/): document types and labels, dates, text, taxonomy,
 * localities, the catalog helpers, reading content files and URLs. It is the bottom layer and may
 * import nothing else of src/lib/; files named `-fs` read the disk or run git.
 */

/** Metadata for one kind of document. */
export interface DocumentTypeInfo {
  /** Vietnamese label, sentence case, as a reader sees it: "Nghị quyết". */
  label: string;
  /** Plural/listing heading, e.g. "Các nghị quyết". */
  plural: string;
  /** Abbreviation used inside codes, with Vietnamese letters: "NQ", "QĐ". */
  abbr: string;
  /**
   * Other abbreviations the same type is written with. Quy định issued since 2018 are coded "QĐi"
   * (08-QĐi/TW) so they no longer share "QĐ" with Quyết định; older ones keep "QĐ" (102-QĐ/TW).
   */
  altAbbrs?: readonly string[];
  /** Party documents (…-NQ/TW) or state legal documents (…/2020/NĐ-CP). */
  system: 'party' | 'state';
}

/** Every document type, keyed by its ASCII slug (also its URL segment under /loai/). */
export const DOCUMENT_TYPES = {
  'nghi-quyet': { label: 'Nghị quyết', plural: 'Các nghị quyết', abbr: 'NQ', system: 'party' },
  'ket-luan': { label: 'Kết luận', plural: 'Các kết luận', abbr: 'KL', system: 'party' },
  'chi-thi': { label: 'Chỉ thị', plural: 'Các chỉ thị', abbr: 'CT', system: 'party' },
  'quy-dinh': { label: 'Quy định', plural: 'Các quy định', abbr: 'QĐ', altAbbrs: ['QĐi'], system: 'party' },
  'quyet-dinh': { label: 'Quyết định', plural: 'Các quyết định', abbr: 'QĐ', system: 'party' },
  'huong-dan': { label: 'Hướng dẫn', plural: 'Các hướng dẫn', abbr: 'HD', system: 'party' },
  'thong-bao': { label: 'Thông báo', plural: 'Các thông báo', abbr: 'TB', system: 'party' },
  'ke-hoach': { label: 'Kế hoạch', plural: 'Các kế hoạch', abbr: 'KH', system: 'party' },
  'nghi-dinh': { label: 'Nghị định', plural: 'Các nghị định', abbr: 'NĐ', system: 'state' },
} as const satisfies Record<string, DocumentTypeInfo>;

/** Slug of a document type, e.g. `'nghi-quyet'`. */
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** All type slugs in display order (the order of {@link DOCUMENT_TYPES}). */
export const DOCUMENT_TYPE_SLUGS = Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]];

/** Vietnamese label of a type slug. */
export function documentTypeLabel(type: DocumentType): string {
  return DOCUMENT_TYPES[type].label;
}

/**
 * Every abbreviation a type's codes are written with, the main one first: `'quy-dinh'` →
 * `['QĐ', 'QĐi']`, `'nghi-quyet'` → `['NQ']`.
 */
export function documentTypeAbbreviations(type: DocumentType): readonly string[] {
  // Widened to the interface so the optional `altAbbrs` can be read on every member of the union.
  const info: DocumentTypeInfo = DOCUMENT_TYPES[type];
  return info.altAbbrs === undefined ? [info.abbr] : [info.abbr, ...info.altAbbrs];
}

/**
 * Types whose code abbreviation is `abbr` (compared without case and with Đ≡D), e.g. `'QĐ'` →
 * `['quy-dinh', 'quyet-dinh']`, `'QĐi'` → `['quy-dinh']`. Returns an empty array for an unknown
 * abbreviation.
 */
export function typesForAbbreviation(abbr: string): DocumentType[] {
  const key = foldAbbr(abbr);
  return DOCUMENT_TYPE_SLUGS.filter((t) => documentTypeAbbreviations(t).some((a) => foldAbbr(a) === key));
}

/** An abbreviation found in codes of a kind of document that Sổ tay has no type (listing) for. */
export interface CodeAbbreviationInfo {
  /** Abbreviation with Vietnamese letters and its usual case: "TT", "CTr", "ĐA". */
  abbr: string;
  /** What it stands for: "Thông tư". */
  label: string;
  /** Which numbering system writes it. */
  system: 'party' | 'state';
}

/**
 * Abbreviations that occur in codes Sổ tay cites but whose documents are not a type of their own
 * here. The code parser needs them to recognise and spell such codes (01/2023/TT-BNV, 05-CTr/TU);
 * they never become listings. Add a type to {@link DOCUMENT_TYPES} instead to give one its own pages.
 */
export const OTHER_CODE_ABBREVIATIONS: readonly CodeAbbreviationInfo[] = [
  { abbr: 'TT', label: 'Thông tư', system: 'state' },
  { abbr: 'TTLT', label: 'Thông tư liên tịch', system: 'state' },
  { abbr: 'NQLT', label: 'Nghị quyết liên tịch', system: 'state' },
  { abbr: 'CĐ', label: 'Công điện', system: 'state' },
  { abbr: 'CTr', label: 'Chương trình', system: 'party' },
  { abbr: 'ĐA', label: 'Đề án', system: 'party' },
  { abbr: 'BC', label: 'Báo cáo', system: 'party' },
  { abbr: 'TTr', label: 'Tờ trình', system: 'party' },
  { abbr: 'QC', label: 'Quy chế', system: 'party' },
  { abbr: 'CV', label: 'Công văn', system: 'party' },
];

function foldAbbr(s: string): string {
  return s.normalize('NFC').toUpperCase().replace(/Đ/g, 'D');
}

/** Document statuses (tình trạng hiệu lực) with their Vietnamese labels. */
export const DOCUMENT_STATUSES = {
  'con-hieu-luc': 'Còn hiệu lực',
  'het-hieu-luc': 'Hết hiệu lực',
  'bi-thay-the': 'Bị thay thế',
  'chua-ro': 'Chưa rõ',
} as const;

/** Slug of a document status. */
export type DocumentStatus = keyof typeof DOCUMENT_STATUSES;

/**
 * Kinds of relation an author records on a document, pointing at another document, with the label
 * read from each end: `forward` on the page that records it, `inverse` on the page it points to.
 */
export const RELATION_KINDS = {
  'can-cu': { forward: 'Căn cứ', inverse: 'Là căn cứ của' },
  'thay-the': { forward: 'Thay thế', inverse: 'Bị thay thế bởi' },
  'sua-doi': { forward: 'Sửa đổi, bổ sung', inverse: 'Bị sửa đổi, bổ sung bởi' },
  'huong-dan': { forward: 'Hướng dẫn thi hành', inverse: 'Được hướng dẫn bởi' },
  // Party plans (kế hoạch) and programmes carry out a resolution rather than guide it.
  'thuc-hien': { forward: 'Thực hiện', inverse: 'Được thực hiện bởi' },
  // A later conclusion that reviews (tổng kết, sơ kết) how a resolution was carried out.
  'tong-ket': { forward: 'Tổng kết, sơ kết', inverse: 'Được tổng kết, sơ kết bởi' },
} as const;

/** Slug of a relation kind. */
export type RelationKind = keyof typeof RELATION_KINDS;

/** Kinds of conference or event a news page reports (loại sự kiện). */
export const EVENT_KINDS = {
  'tong-ket': 'Hội nghị tổng kết',
  'so-ket': 'Hội nghị sơ kết',
  'giao-ban': 'Hội nghị giao ban',
  'chuyen-de': 'Hội nghị chuyên đề',
  'trien-khai': 'Hội nghị triển khai, quán triệt',
  khac: 'Sự kiện khác',
} as const;

/** Slug of an event kind. */
export type EventKind = keyof typeof EVENT_KINDS;
