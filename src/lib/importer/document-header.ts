/**
 * Reading the standard header of a Party document (thể thức văn bản của Đảng, Hướng dẫn 36-HD/VPTW)
 * from its lines, however a portal or a Word table lays them out:
 *
 *   BAN CHẤP HÀNH TRUNG ƯƠNG            ĐẢNG CỘNG SẢN VIỆT NAM
 *   *                                   ---------------
 *   Số 21-NQ/TW                         Hà Nội, ngày 16 tháng 6 năm 2022
 *                          NGHỊ QUYẾT
 *        HỘI NGHỊ LẦN THỨ NĂM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII
 *   về tăng cường củng cố, xây dựng tổ chức cơ sở đảng …
 *   …
 *   Nơi nhận:                           T/M BAN CHẤP HÀNH TRUNG ƯƠNG
 *   - …                                 TỔNG BÍ THƯ
 *                                       Nguyễn Phú Trọng
 *
 * Copied, the two columns come one after the other in either order, with rules (`-----`, `*`) or
 * nothing between them, words run together ("số31-QĐ/TW") and the portal's own text may come first.
 * The type is read from the type line, never from the code's letters (a 2023 Quy định is numbered
 * 97-QĐ/TW); the issuer from the signature block and the text, since the header reads "BAN CHẤP
 * HÀNH TRUNG ƯƠNG" for the Politburo and the Secretariat too.
 */
import { DOCUMENT_TYPE_SLUGS, DOCUMENT_TYPES, type DocumentType } from '../content/document-types.ts';
import { foldVietnamese } from '../content/text.ts';
import { type DocumentCode, parseCode } from '../graph/code-parser.ts';
import { foldKeepCase, isUpperCaseLine, titleCaseName, untab, wordCount } from './raw-text.ts';
import { isoDay } from './vietnamese-dates.ts';

/** Who signed, as the signature block says. */
export interface Signer {
  /** Full name: "Nguyễn Phú Trọng". */
  name: string;
  /** Position when signing: "Tổng Bí thư". */
  role?: string;
}

/** What the header, the title block and the signature block say. */
export interface DocumentHeader {
  code: DocumentCode;
  /** From the type line; null when the line names no type Sổ tay has. */
  type: DocumentType | null;
  /** `YYYY-MM-DD` from "…, ngày 16 tháng 6 năm 2022"; null when absent. */
  date: string | null;
  /** Trích yếu, without the type word, first letter capitalised ("Về tăng cường …"). */
  title: string | null;
  /** Khóa in Roman numerals, when the header names it ("KHÓA XIII"). */
  term: string | null;
  /** The body named at the top left of the header, as written ("BAN CHẤP HÀNH TRUNG ƯƠNG"), or null. */
  headerName: string | null;
  /** The issuing body's name as the document states it ("Ban Chấp hành Trung ương"), or null. */
  issuerName: string | null;
  /** How the issuer was read, in Vietnamese, for the draft's notes. */
  issuerReason: string;
  signer: Signer | null;
  /** Index of the first line of the body (after the title block). */
  bodyStart: number;
  /** Indices of lines that belong to the header, the signature or the list of recipients. */
  consumed: ReadonlySet<number>;
}

/**
 * "Số 21-NQ/TW", "Số: 21-NQ/TW", "số31-QĐ/TW", "…TRUNG ƯƠNG*Số 21-NQ/TW": "Số" opens the line or
 * follows the body's name in capitals, never a sentence ("Nghị quyết số 21-NQ/TW" cites a code).
 */
const CODE_LINE =
  /^[^\p{Ll}]{0,80}?(?<!\p{Ll})(?:Số|SỐ|số)\s*:?\s*(\d{1,5}\s*[-/]\s*[\p{L}\d]+(?:\s*[-/]\s*[\p{L}\d]+){0,3})/u;
/** "Hà Nội, ngày 16 tháng 6 năm 2022", run together or not; also "ngày 16/6/2022". */
const DATE_LINE =
  /ngày\s*(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*,?\s*năm\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))/iu;
/** A rule between the header's lines: dashes, stars, underscores, or nothing but punctuation. */
const RULE = /^[-–—_*=.·•\s]+$/u;
const PARTY_NAME = /^ĐẢNG\s*CỘNG\s*SẢN\s*VIỆT\s*NAM$/u;
/** The state header's motto, when a joint or state document is imported. */
const STATE_MOTTO = /^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP)/u;
/** The first line of the body: a part, an item, a ground ("Căn cứ"), a list item. */
const STRUCTURE_START =
  /^(?:[IVXLC]+\s*[.)-]|\d+(?:\.\d+)*\s*[.)-]?\s+\p{L}|[a-zđ]\)|căn cứ|phần\s|chương\s|điều\s+\d|mục\s+\d|[-+•]\s)/iu;
/** The signature's capacity line: "T/M BỘ CHÍNH TRỊ", "TM. BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN". */
const CAPACITY_LINE = /^(T\s*\/\s*M|T\.?\s*M\.|TM\.?|K\s*\/\s*T|KT\.?|T\s*\/\s*L|TL\.?|Q\.)\s*(.+)$/u;
const SIGNED_MARK = /^[([]?\s*(?:đã\s*ký|đã\s*kí|ký|kí)(?:[\p{L}\s,]*)[)\]]?$/iu;

/** Type labels in capitals, folded, longest first: "QUYẾT ĐỊNH" before "QUY ĐỊNH" cannot clash. */
const TYPE_LABELS = DOCUMENT_TYPE_SLUGS.map(
  (t) => [foldKeepCase(DOCUMENT_TYPES[t].label.toUpperCase()), t] as const,
).sort((a, b) => b[0].length - a[0].length);

/** The type a type line names, and what follows the type word on it. */
export function readTypeLine(line: string): { type: DocumentType; rest: string } | null {
  if (!isUpperCaseLine(line.split(/\s+(?=về\s)/iu)[0] ?? line)) return null;
  const folded = foldKeepCase(line);
  for (const [label, type] of TYPE_LABELS) {
    if (folded === label || folded.startsWith(`${label} `))
      return { type, rest: line.slice(label.length).trim() };
  }
  return null;
}

/** The code on a "Số …" line, or null. */
export function readCodeLine(line: string): DocumentCode | null {
  const m = CODE_LINE.exec(line);
  if (m?.[1] === undefined) return null;
  // "21-NQ/TW" may be followed by more text run together; shorten until the code reads.
  const parts = m[1].split(/(?=[-/])/);
  for (let n = parts.length; n > 0; n--) {
    const code = parseCode(parts.slice(0, n).join(''));
    if (code !== null && code.issuer !== '') return code;
  }
  return null;
}

/** The date of a "…, ngày 16 tháng 6 năm 2022" line, `YYYY-MM-DD`, or null. */
export function readHeaderDate(line: string): string | null {
  const m = DATE_LINE.exec(line);
  if (m === null) return null;
  if (m[2] !== undefined) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  return isoDay(Number(m[5]), Number(m[4]), Number(m[1]));
}

/** Sentence case for a title written in capitals, keeping the names of Party bodies capitalised. */
export function sentenceCase(s: string): string {
  let out = s.toLowerCase();
  for (const name of PROPER_NAMES) {
    out = out.replace(new RegExp(`(?<![\\p{L}])${name.toLowerCase()}(?![\\p{L}])`, 'gu'), name);
  }
  return capitalize(out);
}

/** Names that keep their capitals inside a title: bodies of the Party and the State, the country. */
const PROPER_NAMES = [
  'Ban Chấp hành Trung ương',
  'Bộ Chính trị',
  'Ban Bí thư',
  'Ủy ban Kiểm tra Trung ương',
  'Ban Tổ chức Trung ương',
  'Văn phòng Trung ương',
  'Trung ương',
  'Đảng Cộng sản Việt Nam',
  'Việt Nam',
  'Quốc hội',
  'Chính phủ',
  'Mặt trận Tổ quốc',
  'Điều lệ Đảng',
  'Tỉnh ủy',
  'Thành ủy',
  'Huyện ủy',
  'Đảng',
];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Positions in signatures, spelled the way documents write them in running text. */
const ROLES = [
  'Tổng Bí thư',
  'Thường trực Ban Bí thư',
  'Phó Bí thư Thường trực',
  'Phó Bí thư',
  'Bí thư',
  'Chủ nhiệm',
  'Phó Chủ nhiệm',
  'Trưởng ban',
  'Phó Trưởng ban',
  'Chánh Văn phòng',
  'Phó Chánh Văn phòng',
  'Chủ tịch',
  'Phó Chủ tịch',
];
const ROLE_BY_FOLD = new Map(ROLES.map((r) => [foldVietnamese(r), r]));

/** A signature's role line in capitals made readable: "TỔNG BÍ THƯ" → "Tổng Bí thư". */
export function readableRole(line: string): string {
  const known = ROLE_BY_FOLD.get(foldVietnamese(line.replace(/\s+/g, ' ').trim()));
  return known ?? (isUpperCaseLine(line) ? sentenceCase(line) : line.trim());
}

/** A body's name in capitals as the body is named in text: "BỘ CHÍNH TRỊ" → "Bộ Chính trị". */
export function readableBody(s: string): string {
  const cleaned = s
    .replace(/\s+/g, ' ')
    .replace(/^CỦA\s+/u, '')
    .trim();
  return isUpperCaseLine(cleaned) ? sentenceCase(cleaned) : cleaned;
}

/** A person's name on the signature block: two to six words, each capitalised. */
function isPersonName(line: string): boolean {
  const words = line.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}[\p{L}]*$/u.test(w));
}

/**
 * Where the header is: the first type line that has a code line ("Số …") within the fourteen lines
 * before it. Returns null when the text has no such header (it is not a document).
 */
export function locateHeader(
  lines: readonly string[],
): { typeAt: number; codeAt: number; dateAt: number } | null {
  for (let i = 0; i < lines.length; i++) {
    if (readTypeLine(lines[i] ?? '') === null) continue;
    let codeAt = -1;
    let dateAt = -1;
    for (let j = i - 1; j >= Math.max(0, i - 14); j--) {
      const line = lines[j] ?? '';
      if (codeAt === -1 && readCodeLine(line) !== null) codeAt = j;
      if (dateAt === -1 && readHeaderDate(line) !== null) dateAt = j;
    }
    if (codeAt !== -1) return { typeAt: i, codeAt, dateAt };
  }
  return null;
}

/** Issuer phrases in a document's own text: "Bộ Chính trị quy định như sau", "Ban Bí thư yêu cầu:". */
const ISSUER_IN_TEXT =
  /(Ban Chấp hành Trung ương(?: Đảng)?|Bộ Chính trị|Ban Bí thư|Ban Thường vụ Tỉnh ủy|Ban Thường vụ Thành ủy|Ban Chấp hành Đảng bộ tỉnh|Ban Tổ chức Trung ương|Ủy ban Kiểm tra Trung ương|Văn phòng Trung ương Đảng)\s+(?:quy định|quyết định|chỉ thị|kết luận|yêu cầu|thông báo|hướng dẫn|ban hành)[^.:\n]{0,40}?(?:như sau|:)/u;

/**
 * Reads a document's header, title and signature from its lines. `lines[i]` is one paragraph (or
 * one line of a plain text); blank lines may be included. Returns null when there is no header.
 */
export function readDocumentHeader(input: readonly string[]): DocumentHeader | null {
  const lines = input.map((l) => untab(l).trim());
  const located = locateHeader(lines);
  if (located === null) return null;
  const { typeAt, codeAt, dateAt } = located;
  const consumed = new Set<number>();
  const code = readCodeLine(lines[codeAt] ?? '') as DocumentCode;

  // 1. The header block: from the body's name above the first of the two columns to the type line.
  let start = Math.min(codeAt, dateAt === -1 ? codeAt : dateAt);
  while (start > 0) {
    const prev = lines[start - 1] ?? '';
    if (
      prev === '' ||
      RULE.test(prev) ||
      PARTY_NAME.test(prev) ||
      (isUpperCaseLine(prev) && wordCount(prev) <= 12)
    )
      start--;
    else break;
  }
  const headerNames: string[] = [];
  for (let i = start; i < typeAt; i++) {
    consumed.add(i);
    const line = lines[i] ?? '';
    if (
      i === codeAt ||
      i === dateAt ||
      line === '' ||
      RULE.test(line) ||
      PARTY_NAME.test(line) ||
      STATE_MOTTO.test(line)
    )
      continue;
    if (isUpperCaseLine(line)) headerNames.push(line.replace(/\s*[*]+.*$/u, '').trim());
  }
  // A body's name run together with its code ("BAN CHẤP HÀNH TRUNG ƯƠNG*Số 21-NQ/TW").
  const codeLinePrefix =
    (lines[codeAt] ?? '').split(/(?<!\p{Ll})(?:Số|SỐ|số)\s*:?\s*\d/u)[0]?.replace(/[*\s-]+$/u, '') ?? '';
  if (isUpperCaseLine(codeLinePrefix)) headerNames.push(codeLinePrefix);
  const headerIssuer = headerNames.find((n) => !PARTY_NAME.test(n)) ?? null;

  // 2. The type line and the title block under it.
  const typeLine = readTypeLine(lines[typeAt] ?? '') as { type: DocumentType; rest: string };
  consumed.add(typeAt);
  const block: string[] = typeLine.rest === '' ? [] : [typeLine.rest];
  let at = typeAt + 1;
  while (at < lines.length && (lines[at] ?? '') === '' && block.length === 0) at++;
  while (at < lines.length && block.length < 6) {
    const line = lines[at] ?? '';
    if (line === '' || RULE.test(line) || (STRUCTURE_START.test(line) && !/^về\s/iu.test(line))) break;
    // Once the title has begun, a line opening with a capital is the body's first sentence (a Word
    // file has no blank line to end the title block), unless the title itself is in capitals.
    if (block.some((l) => /^về\s/iu.test(l)) && /^\p{Lu}/u.test(line) && !isUpperCaseLine(line)) break;
    block.push(line);
    consumed.add(at);
    at++;
  }
  const bodyStart = at;
  const subtitle = block.filter((l) => isUpperCaseLine(l) && /^(?:HỘI NGHỊ|CỦA\s|KỲ HỌP|PHIÊN)/u.test(l));
  let titleParts = block.filter((l) => !subtitle.includes(l));
  const about = titleParts.findIndex((l) => /^về\s/iu.test(l));
  if (about > 0) titleParts = titleParts.slice(about);
  const rawTitle = titleParts.join(' ').replace(/\s+/g, ' ').trim();
  const title =
    rawTitle === '' ? null : isUpperCaseLine(rawTitle) ? sentenceCase(rawTitle) : capitalize(rawTitle);
  const term =
    /KH[OÓ]A\s+([IVXLC]+)(?![\p{L}])/u.exec(
      foldKeepCase([...subtitle, lines[typeAt] ?? ''].join(' ')).replace(/KHOA/g, 'KHÓA'),
    )?.[1] ?? null;

  // 3. The signature block and the list of recipients, from the end.
  let signer: Signer | null = null;
  let capacity: string | null = null;
  for (let i = lines.length - 1; i >= bodyStart; i--) {
    const m = CAPACITY_LINE.exec(lines[i] ?? '');
    if (m === null || !isUpperCaseLine(m[2] ?? '')) continue;
    const kind = (m[1] ?? '').replace(/[\s./]/g, '').toUpperCase();
    if (kind === 'TM') capacity = readableBody(m[2] ?? '');
    consumed.add(i);
    const roles: string[] = kind === 'TM' ? [] : [readableRole(m[2] ?? '')];
    // The lines under the capacity: role lines in capitals, "(Đã ký)", then the name, which is the
    // last of them (a name may be in capitals too).
    const entries: Array<{ at: number; line: string }> = [];
    for (let j = i + 1; j < lines.length && entries.length < 5; j++) {
      const line = lines[j] ?? '';
      if (line === '' || SIGNED_MARK.test(line) || RULE.test(line)) {
        consumed.add(j);
        continue;
      }
      if (wordCount(line) > 6 || /[.:;,]$/u.test(line)) break;
      entries.push({ at: j, line });
    }
    const last = entries.at(-1);
    const name = last === undefined ? '' : titleCaseName(last.line);
    if (
      last !== undefined &&
      entries.length >= 1 &&
      isPersonName(name) &&
      !ROLE_BY_FOLD.has(foldVietnamese(last.line))
    ) {
      for (const e of entries) consumed.add(e.at);
      roles.push(...entries.slice(0, -1).map((e) => readableRole(e.line)));
      signer = { name };
      const role = roles.at(-1);
      if (role !== undefined) signer.role = role;
    } else {
      for (const e of entries) if (isUpperCaseLine(e.line)) consumed.add(e.at);
    }
    break;
  }
  for (let i = bodyStart; i < lines.length; i++) {
    if (!/^nơi nhận\s*:?/iu.test(lines[i] ?? '')) continue;
    consumed.add(i);
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (/^[-+•]\s*|^lưu\s/iu.test(line)) consumed.add(j);
      else if (line !== '') break;
    }
    break;
  }

  // 4. The issuer: the signature, then the title block ("của Bộ Chính trị", "Hội nghị … Ban Chấp hành
  // Trung ương"), then the text ("Bộ Chính trị quy định như sau"), then the header unless it is the
  // "Ban Chấp hành Trung ương" every central document carries.
  const bodyText = lines
    .slice(bodyStart)
    .filter((_, k) => !consumed.has(bodyStart + k))
    .join('\n');
  const inText = ISSUER_IN_TEXT.exec(bodyText)?.[1] ?? null;
  const ofBody = subtitle.find((l) => /^CỦA\s/u.test(l));
  const conference = subtitle.find((l) => /^HỘI NGHỊ/u.test(l) && /BAN CHẤP HÀNH TRUNG ƯƠNG/u.test(l));
  let issuerName: string | null = null;
  let issuerReason: string;
  if (capacity !== null) {
    issuerName = capacity;
    issuerReason = `khối chữ ký ghi "T/M ${capacity}".`;
  } else if (ofBody !== undefined) {
    issuerName = readableBody(ofBody);
    issuerReason = `dòng dưới loại văn bản ghi "${ofBody}".`;
  } else if (conference !== undefined) {
    issuerName = 'Ban Chấp hành Trung ương';
    issuerReason = `văn bản của "${conference}".`;
  } else if (inText !== null) {
    issuerName = inText.replace(/ Đảng$/u, '');
    issuerReason = `văn bản viết "${inText} … như sau".`;
  } else if (headerIssuer !== null && foldVietnamese(headerIssuer) !== 'ban chap hanh trung uong') {
    issuerName = readableBody(headerIssuer);
    issuerReason = `phần đầu văn bản ghi "${headerIssuer}".`;
  } else {
    issuerReason =
      headerIssuer === null
        ? 'văn bản không ghi cơ quan ban hành.'
        : 'phần đầu chỉ ghi "BAN CHẤP HÀNH TRUNG ƯƠNG" (chung cho Trung ương, Bộ Chính trị, Ban Bí thư) và không có khối chữ ký "T/M …": hãy xem văn bản gốc.';
  }
  return {
    code,
    type: typeLine.type,
    date: dateAt === -1 ? null : readHeaderDate(lines[dateAt] ?? ''),
    title,
    term,
    headerName: headerIssuer,
    issuerName,
    issuerReason,
    signer,
    bodyStart,
    consumed,
  };
}
