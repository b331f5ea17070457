/**
 * The mention scanner: finds where running text names a document ("Nghị quyết số 21-NQ/TW",
 * "Chỉ thị 35 của Bộ Chính trị", "Nghị quyết số 18, 19-NQ/TW") and settles each short mention from
 * the page's context. One code at a time is read by code-parser.ts; this file only walks the text.
 * Used by the link transform, the content checks and the importer.
 */
import {
  DOCUMENT_TYPE_SLUGS,
  DOCUMENT_TYPES,
  type DocumentType,
  documentTypeAbbreviations,
} from '../content/document-types.ts';
import {
  abbrFits,
  type CodeMatch,
  codeKey,
  type DocumentCode,
  makeCode,
  matchCodeAt,
  numberKey,
  PARTY_ISSUERS,
  parseCode,
  prepare,
  type ShortCode,
  spellingKey,
  withNumber,
  YEAR_LIKE,
} from './code-parser.ts';

/**
 * How a mention's code was settled:
 * - `full`: the code is written out;
 * - `list`: a bare number sharing the code of the next list item ("Nghị quyết số 18, 19-NQ/TW");
 * - `context`: a short mention matching exactly one code written earlier on the page (or passed as
 *   known to the scanner);
 * - `issuer-phrase`: a short mention whose issuer a phrase names ("Chỉ thị 35 của Bộ Chính trị");
 * - `unresolved`: a short mention nothing settles; `code` is null so the caller can report it.
 */
export type MentionResolution = 'full' | 'list' | 'context' | 'issuer-phrase' | 'unresolved';

/** One mention of a document in a text. */
export interface CodeMention {
  /** UTF-16 offset of the mention in the scanned string, as given (NFD input is mapped back). */
  start: number;
  /** UTF-16 offset just past the mention. */
  end: number;
  /**
   * The mentioned text, `text.slice(start, end)`: the code alone for a written code ("21-NQ/TW"), the
   * type word through the number for a short mention ("Nghị quyết số 21"), or the number alone for a
   * later item of a list ("19" in "Nghị quyết số 18, 19").
   */
  text: string;
  /** The code, or null when the mention is unresolved. */
  code: DocumentCode | null;
  /** Present for mentions that do not write the code out (`list`, `context`, `issuer-phrase`, `unresolved`). */
  short?: ShortCode;
  /** The document type named just before ("Quy định số 08-QĐi/TW" → quy-dinh), inherited along a list. */
  typeHint?: DocumentType;
  /** Date written right after the code: "ngày 18/1/2019" → "2019-01-18"; "tháng 10/2017" → "2017-10". */
  date?: string;
  /** How the code was settled. */
  resolvedBy: MentionResolution;
}

/** Options for {@link createMentionScanner}. */
export interface MentionScannerOptions {
  /**
   * Codes the page already names outside its text, e.g. the document's own code and the codes in its
   * front matter. They settle short mentions as if they had been written before the text.
   */
  known?: Iterable<DocumentCode | string>;
}

/** Scans the text of one page, piece by piece in reading order. */
export interface MentionScanner {
  /**
   * Mentions in `text`, in order. Codes found are remembered for the short mentions of later calls,
   * so pass a page's text nodes in reading order and use a new scanner for each page.
   */
  scan(text: string): CodeMention[];
}

// ---------------------------------------------------------------------------------------------
// Scanning running text

/** Type words of Sổ tay's types, longest first so no label stops inside a longer one. */
const TYPE_LABELS = DOCUMENT_TYPE_SLUGS.map((t) => [DOCUMENT_TYPES[t].label.toLowerCase(), t] as const).sort(
  (a, b) => b[0].length - a[0].length,
);
const TYPE_BY_WORD = new Map<string, DocumentType>(TYPE_LABELS);
const TYPE_WORDS_RE = TYPE_LABELS.map(([w]) => w.replace(/ /g, '\\s+')).join('|');

/**
 * Finds where something may start, left to right: (1) a URL, skipped whole; (2) a type word, maybe
 * "số", then a digit; (3) a digit run not glued to a word (except "số"), a path, another number
 * (1.666) or a hyphen (COVID-19, 2020-2025). Everything else is skipped by the regex engine itself.
 */
const CANDIDATE = new RegExp(
  '(https?:\\/\\/\\S+|www\\.\\S+)' +
    `|(?<![\\p{L}\\p{N}])(${TYPE_WORDS_RE})(\\s+số\\.?\\s*:?)?\\s*(?=\\d)` +
    // "số31-QĐ/TW": PDF copies often lose the space after "số".
    '|(?:(?<=(?<![\\p{L}\\p{N}])số)|(?<![\\p{L}\\p{N}_/@-]|\\p{N}\\.))(\\d+)',
  'giu',
);
const DIGITS = /\d+/y;
/** A number that continues as something else: a word, a date (18/1), a decimal, a partial code (21-NQ). */
const GLUED = /[\p{L}\p{N}]|[.:/-]\p{N}|[/-] ?\p{L}/uy;
/** Between two numbers of one list: ", ", " và ", "; ", maybe "số" again. */
const LIST_SEP = /\s*(?:,\s*(?:và\s+|hoặc\s+)?|;\s*|\s(?:và|hoặc)\s+)(?:số\s*:?\s*)?(?=\d)/iuy;
/** Between two written codes of one list, same as above without the digit lookahead. */
const LIST_GAP = /\s*(?:,\s*(?:và\s+|hoặc\s+)?|;\s*|\s(?:và|hoặc)\s+)(?:số\s*:?\s*)?/iuy;
/**
 * What may follow a short mention written without "số" ("Nghị quyết 28 về …"): without this, counts
 * such as "Kế hoạch 5 năm" or "quyết định 3 nội dung" would read as mentions.
 */
const SAFE_AFTER = /\s*(?:$|[,.;:)\]!?"”’…-]|\((?!\d)|(?:của|về|ngày|và|hoặc)(?![\p{L}\p{N}]))/iuy;
/** A date right after a code: "ngày 18/1/2019", ", ngày 16-6-2022", "ngày 25 tháng 10 năm 2017", "tháng 10/2017". */
const DATE_AFTER = new RegExp(
  '\\s*(?:[,(-]\\s*)?(?:' +
    'ngày\\s+(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})' +
    '|ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s*,?\\s*năm\\s+(\\d{4})' +
    '|tháng\\s+(\\d{1,2})\\s*(?:[/-]|năm)\\s*(\\d{4})' +
    ')(?!\\p{N})',
  'iuy',
);

/** Issuer phrases after "của", each with the issuer its documents carry. Longest first when compiled. */
const ISSUER_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['Ban Chấp hành Trung ương', 'TW'],
  ['BCH Trung ương', 'TW'],
  ['BCH TW', 'TW'],
  ['Bộ Chính trị', 'TW'],
  ['Ban Bí thư', 'TW'],
  ['Trung ương', 'TW'],
  ['Ban Tổ chức Trung ương', 'BTCTW'],
  ['Ủy ban Kiểm tra Trung ương', 'UBKTTW'],
  ['Văn phòng Trung ương', 'VPTW'],
  ['Ban Tuyên giáo Trung ương', 'BTGTW'],
  ['Ban Dân vận Trung ương', 'BDVTW'],
  ['Ban Nội chính Trung ương', 'BNCTW'],
  ['Ban Kinh tế Trung ương', 'BKTTW'],
  ['Ban Chấp hành Đảng bộ tỉnh', 'TU'],
  ...['', 'Ban Thường vụ ', 'Thường trực '].flatMap(
    (p): Array<readonly [string, string]> => [
      [`${p}Tỉnh ủy`, 'TU'],
      // Only the Thành ủy of a centrally run city writes TU; a city inside a province writes ThU, so a
      // bare "Thành ủy" settles nothing on its own.
      [
        `${p}Thành ủy (?:Hà Nội|Hải Phòng|Đà Nẵng|Cần Thơ|Huế|(?:Thành phố|TP\\.?) ?(?:Hồ Chí Minh|HCM))`,
        'TU',
      ],
      [`${p}Huyện ủy`, 'HU'],
      [`${p}Quận ủy`, 'QU'],
      [`${p}Đảng ủy Khối`, 'ĐUK'],
      [`${p}Đảng ủy`, 'ĐU'],
    ],
  ),
  ['Ban cán sự đảng', 'BCSĐ'],
  ['Đảng đoàn', 'ĐĐ'],
  // State issuers only narrow down codes seen earlier: a state code cannot be rebuilt from them.
  ['Thủ tướng Chính phủ', 'TTg'],
  ['Thủ tướng', 'TTg'],
  ['Chính phủ', 'CP'],
];
const ISSUER_AFTER = new RegExp(
  `\\s*,?\\s*\\(?\\s*của\\s+(?:${[...ISSUER_PHRASES]
    .map(([p], i) => [p, i] as const)
    .sort((a, b) => b[0].length - a[0].length)
    .map(([p, i]) => `(?<p${i}>${p.replace(/ủy/g, '(?:ủy|uỷ)').replace(/ /g, '\\s+')})`)
    .join('|')})` +
    // "Trung ương Đoàn", "Ban Bí thư Trung ương Đoàn" are the Youth Union's, not the Party's.
    '(?![\\p{L}\\p{N}])(?!\\s+(?:Trung\\s+ương\\s+)?(?:Đoàn|Hội)(?![\\p{L}]))',
  'iuy',
);
/** A type word left at the end of a text node, for a code that starts the next one. */
const TYPE_AT_END = new RegExp(`(?<![\\p{L}\\p{N}])(${TYPE_WORDS_RE})(?:\\s+số\\.?\\s*:?)?\\s*$`, 'iu');
/** A type word ending a text, carried to the next text node ("Nghị quyết " then a link "21-NQ/TW"). */
function typeAtEnd(s: string): DocumentType | undefined {
  const tail = TYPE_AT_END.exec(s.slice(-40));
  return tail?.[1] === undefined ? undefined : typeOfWord(tail[1]);
}
const HAS_DIGIT = /\d/;

function typeOfWord(word: string): DocumentType | undefined {
  return TYPE_BY_WORD.get(word.toLowerCase().replace(/\s+/g, ' '));
}

function isoDate(y: number, m: number, d?: number): string | undefined {
  if (y < 1930 || y > 2100 || m < 1 || m > 12) return undefined;
  const ym = `${y}-${String(m).padStart(2, '0')}`;
  if (d === undefined) return ym;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= days ? `${ym}-${String(d).padStart(2, '0')}` : undefined;
}

/** The date written at `pos`, as (partial) ISO, and where it ends. */
function dateAt(s: string, pos: number): { date: string; end: number } | null {
  DATE_AFTER.lastIndex = pos;
  const m = DATE_AFTER.exec(s);
  if (m === null) return null;
  let date: string | undefined;
  if (m[1] !== undefined) date = isoDate(Number(m[4]), Number(m[3]), Number(m[1]));
  else if (m[5] !== undefined) date = isoDate(Number(m[7]), Number(m[6]), Number(m[5]));
  else date = isoDate(Number(m[9]), Number(m[8]));
  return date === undefined ? null : { date, end: pos + m[0].length };
}

function issuerAt(s: string, pos: number): { issuer: string; end: number } | null {
  ISSUER_AFTER.lastIndex = pos;
  const m = ISSUER_AFTER.exec(s);
  if (m === null || m.groups === undefined) return null;
  for (const [name, value] of Object.entries(m.groups)) {
    if (value === undefined) continue;
    const entry = ISSUER_PHRASES[Number(name.slice(1))];
    if (entry !== undefined) return { issuer: entry[1], end: pos + m[0].length };
  }
  return null;
}

/** A mention in prepared-text offsets, before mapping back. */
/** A mention as found in the prepared string, before its offsets are mapped back to the input. */
interface RawMention {
  /** Start in the prepared string. */
  ns: number;
  /** End in the prepared string. */
  ne: number;
  code: DocumentCode | null;
  short?: ShortCode;
  typeHint?: DocumentType;
  date?: string;
  resolvedBy: MentionResolution;
}

/** A bare number after a type word ("Nghị quyết số 21"), where it starts and ends. */
interface ShortNumber {
  ns: number;
  ne: number;
  number: string;
}

/**
 * The codes a page has named so far, by number and abbreviation, so a later short mention ("Nghị
 * quyết số 21") settles to the one code it can mean.
 */
class SeenCodes {
  readonly #slots = new Map<string, Map<string, DocumentCode>>();

  /** Remembers a code written (or settled) on the page. */
  remember(code: DocumentCode): void {
    const slot = `${numberKey(code.number)}|${spellingKey(code.abbr)}`;
    let codes = this.#slots.get(slot);
    if (codes === undefined) {
      codes = new Map();
      this.#slots.set(slot, codes);
    }
    codes.set(codeKey(code), code);
  }

  /**
   * Settles a short mention: a Party type with one abbreviation and a Party issuer phrase spells the
   * whole code; otherwise the one code seen with this number and one of the type's abbreviations
   * (and the phrase's issuer, if any). Anything else stays unresolved rather than guessed.
   */
  resolveShort(
    number: string,
    type: DocumentType,
    issuer: string | undefined,
  ): { code: DocumentCode | null; resolvedBy: MentionResolution } {
    const abbrs = documentTypeAbbreviations(type);
    const only = abbrs.length === 1 ? abbrs[0] : undefined;
    if (
      issuer !== undefined &&
      only !== undefined &&
      DOCUMENT_TYPES[type].system === 'party' &&
      PARTY_ISSUERS.has(spellingKey(issuer))
    ) {
      return { code: makeCode('party', number, only, issuer), resolvedBy: 'issuer-phrase' };
    }
    const found = new Map<string, DocumentCode>();
    for (const abbr of abbrs) {
      for (const [key, code] of this.#slots.get(`${numberKey(number)}|${spellingKey(abbr)}`) ?? []) {
        if (issuer === undefined || spellingKey(code.issuer) === spellingKey(issuer)) found.set(key, code);
      }
    }
    const [first] = found.values();
    return found.size === 1 && first !== undefined
      ? { code: first, resolvedBy: 'context' }
      : { code: null, resolvedBy: 'unresolved' };
  }
}

/**
 * Reads the numbers after a type word: shorts joined by list separators ("số 18, 19 và 20"),
 * stopping at a written code whose suffix they share ("18, 19-NQ/TW").
 */
function readNumberRun(
  s: string,
  typeStart: number,
  numPos: number,
): { shorts: ShortNumber[]; full: CodeMatch | null; fullStart: number } {
  const shorts: ShortNumber[] = [];
  let cur = numPos;
  for (;;) {
    const full = matchCodeAt(s, cur, true);
    if (full !== null) return { shorts, full, fullStart: cur };
    DIGITS.lastIndex = cur;
    const digits = DIGITS.exec(s)?.[0] ?? '';
    const numEnd = cur + digits.length;
    GLUED.lastIndex = numEnd;
    if (digits.length === 0 || digits.length > 5 || GLUED.test(s)) break;
    // The first short mention starts at its type word, so the link covers "Nghị quyết số 21".
    shorts.push({ ns: shorts.length === 0 ? typeStart : cur, ne: numEnd, number: digits });
    LIST_SEP.lastIndex = numEnd;
    const sep = LIST_SEP.exec(s);
    if (sep === null) break;
    cur = numEnd + sep[0].length;
  }
  return { shorts, full: null, fullStart: numPos };
}

/** Without "số", a bare year or a count ("Kế hoạch 2023", "Kế hoạch 5 năm") is no mention. */
function shortsAreMentions(
  s: string,
  shorts: readonly ShortNumber[],
  hasSo: boolean,
  hasFull: boolean,
): boolean {
  const last = shorts[shorts.length - 1];
  if (last === undefined) return false;
  if (hasSo || hasFull) return true;
  SAFE_AFTER.lastIndex = last.ne;
  return !YEAR_LIKE.test(shorts[0]?.number ?? '') && SAFE_AFTER.test(s);
}

/** "Nghị quyết số 18, 19-NQ/TW": each short number takes the written code's abbreviation and issuer. */
function listSharingCode(shorts: readonly ShortNumber[], full: CodeMatch, type: DocumentType): RawMention[] {
  return shorts.map((sh) => {
    const code = withNumber(full.code, sh.number);
    return {
      ns: sh.ns,
      ne: sh.ne,
      code,
      short: { number: sh.number, abbr: code.abbr, issuer: code.issuer },
      typeHint: type,
      resolvedBy: 'list',
    };
  });
}

/**
 * Short mentions with no written code after them: each settled by an issuer phrase ("Chỉ thị 35 của
 * Bộ Chính trị") or the page's context; a date after the last one ("ngày 18/1/2019") is kept.
 * Returns the mentions and where reading stopped.
 */
function shortsOnTheirOwn(
  s: string,
  shorts: readonly ShortNumber[],
  type: DocumentType,
  seen: SeenCodes,
): { found: RawMention[]; end: number } {
  const last = shorts[shorts.length - 1] as ShortNumber;
  let after = last.ne;
  const dated = dateAt(s, after);
  if (dated !== null) after = dated.end;
  const phrase = issuerAt(s, after);
  const abbr = documentTypeAbbreviations(type)[0] ?? '';
  const found = shorts.map((sh): RawMention => {
    const { code, resolvedBy } = seen.resolveShort(sh.number, type, phrase?.issuer);
    const short: ShortCode =
      phrase === null ? { number: sh.number, abbr } : { number: sh.number, abbr, issuer: phrase.issuer };
    const mention: RawMention = { ns: sh.ns, ne: sh.ne, code, short, typeHint: type, resolvedBy };
    if (sh === last && dated !== null) mention.date = dated.date;
    if (code !== null) seen.remember(code);
    return mention;
  });
  return { found, end: dated !== null ? after : last.ne };
}

/** A written code with the date that may follow it ("21-NQ/TW ngày 16/6/2022"), and where it ends. */
function writtenCode(s: string, start: number, hit: CodeMatch): { mention: RawMention; end: number } {
  const mention: RawMention = { ns: start, ne: hit.end, code: hit.code, resolvedBy: 'full' };
  const dated = dateAt(s, hit.end);
  if (dated === null) return { mention, end: hit.end };
  mention.date = dated.date;
  return { mention, end: dated.end };
}

/**
 * Everything after one type word: its short numbers, then the written code that may end them.
 * Returns the mentions and where reading stopped.
 */
function readAfterTypeWord(
  s: string,
  typeStart: number,
  type: DocumentType,
  hasSo: boolean,
  numPos: number,
  seen: SeenCodes,
): { found: RawMention[]; end: number } {
  const { shorts, full, fullStart } = readNumberRun(s, typeStart, numPos);
  const found: RawMention[] = [];
  let end = numPos;
  const last = shorts[shorts.length - 1];
  if (last !== undefined && shortsAreMentions(s, shorts, hasSo, full !== null)) {
    if (full !== null && abbrFits(type, full.code.abbr)) {
      const list = listSharingCode(shorts, full, type);
      for (const mention of list) if (mention.code !== null) seen.remember(mention.code);
      found.push(...list);
    } else {
      const own = full === null ? shortsOnTheirOwn(s, shorts, type, seen) : undefined;
      if (own !== undefined) {
        found.push(...own.found);
        end = own.end;
      } else {
        // A written code of another type ends the run ("Kết luận số 21, 19-NQ/TW"): the shorts stay
        // unresolved, with no date or issuer read after them.
        const abbr = documentTypeAbbreviations(type)[0] ?? '';
        for (const sh of shorts) {
          const { code, resolvedBy } = seen.resolveShort(sh.number, type, undefined);
          found.push({
            ns: sh.ns,
            ne: sh.ne,
            code,
            short: { number: sh.number, abbr },
            typeHint: type,
            resolvedBy,
          });
          if (code !== null) seen.remember(code);
        }
        end = last.ne;
      }
    }
    end = Math.max(end, last.ne);
  }
  if (full !== null) {
    const written = writtenCode(s, fullStart, full);
    // "Kết luận số 21, 19-NQ/TW": a code that ends a list of another type is not of that type.
    if (shorts.length === 0 || abbrFits(type, full.code.abbr)) written.mention.typeHint = type;
    found.push(written.mention);
    seen.remember(full.code);
    end = written.end;
  }
  return { found, end };
}

/** Maps mentions found in the prepared string back to offsets and text of the input as given. */
function toMentions(
  text: string,
  raw: readonly RawMention[],
  prepared: ReturnType<typeof prepare>,
): CodeMention[] {
  const { starts, ends } = prepared;
  return raw.map((r) => {
    const start = starts === null ? r.ns : (starts[r.ns] ?? r.ns);
    const end = ends === null ? r.ne : (ends[r.ne - 1] ?? r.ne);
    const out: CodeMention = {
      start,
      end,
      text: text.slice(start, end),
      code: r.code,
      resolvedBy: r.resolvedBy,
    };
    if (r.short !== undefined) out.short = r.short;
    if (r.typeHint !== undefined) out.typeHint = r.typeHint;
    if (r.date !== undefined) out.date = r.date;
    return out;
  });
}

/**
 * Whether a written code continues the list of the mention before it ("Nghị quyết số 18-NQ/TW,
 * 19-NQ/TW"): only a list separator lies between the end of that mention and `at`.
 */
function continuesList(s: string, chainEnd: number, at: number): boolean {
  if (chainEnd < 0) return false;
  LIST_GAP.lastIndex = chainEnd;
  return LIST_GAP.exec(s) !== null && LIST_GAP.lastIndex === at;
}

/**
 * The raw mentions of one prepared text, left to right: each candidate is a URL (skipped whole), a
 * type word with what follows it ("Nghị quyết số 21, 22"), or a written code. A written code takes
 * its type from the list it continues, or, at the very start of the text, from the type word the
 * previous text node ended with (`carriedType`).
 */
function scanCandidates(s: string, carriedType: DocumentType | undefined, seen: SeenCodes): RawMention[] {
  const raw: RawMention[] = [];
  // The end and type of the last mention, for a written code that continues its list.
  let chainEnd = -1;
  let chainType: DocumentType | undefined;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(s); m !== null; m = CANDIDATE.exec(s)) {
    if (m[1] !== undefined) continue; // a URL, skipped whole
    const matchEnd = m.index + m[0].length;
    const word = m[2];
    if (word !== undefined) {
      const type = typeOfWord(word);
      if (type === undefined) continue;
      const run = readAfterTypeWord(s, m.index, type, m[3] !== undefined, matchEnd, seen);
      if (run.found.length > 0) {
        raw.push(...run.found);
        chainEnd = run.end;
        chainType = type;
      }
      CANDIDATE.lastIndex = Math.max(run.end, matchEnd);
      continue;
    }
    const hit = matchCodeAt(s, m.index, true);
    if (hit === null) continue;
    const { mention, end } = writtenCode(s, m.index, hit);
    if (chainType !== undefined && continuesList(s, chainEnd, m.index)) {
      mention.typeHint = chainType;
    } else if (carriedType !== undefined && raw.length === 0 && s.slice(0, m.index).trim() === '') {
      mention.typeHint = carriedType;
    }
    raw.push(mention);
    seen.remember(hit.code);
    chainEnd = end;
    chainType = mention.typeHint;
    CANDIDATE.lastIndex = end;
  }
  return raw;
}

/**
 * Creates a scanner for one page. It remembers the codes it has seen (and `options.known`) so that a
 * later "Nghị quyết số 21" resolves to the one 21-NQ… code written earlier; a short mention that
 * matches none, or more than one, stays unresolved rather than guessed.
 *
 * Cost is linear in the text: one left-to-right pass of a precompiled regex, and at each candidate a
 * few sticky regexes with bounded reach; nothing is rescanned except the few characters after a
 * mention that the date and issuer look-ups read.
 */
export function createMentionScanner(options: MentionScannerOptions = {}): MentionScanner {
  const seen = new SeenCodes();
  for (const known of options.known ?? []) {
    const code = typeof known === 'string' ? parseCode(known) : known;
    if (code !== null) seen.remember(code);
  }
  // A text node that ends with a type word ("… theo Nghị quyết") hands it to the next node, which
  // may start with the code (the code sits in a link or emphasis of its own).
  let pendingType: DocumentType | undefined;

  return {
    scan(text: string): CodeMention[] {
      const prepared = prepare(text);
      const { s } = prepared;
      // Every mention has a number ("21-NQ/TW", "Nghị quyết số 21"), and most text nodes of a page
      // have none: skip the candidate search, keeping only the type word the text may end with.
      const raw = HAS_DIGIT.test(s) ? scanCandidates(s, pendingType, seen) : [];
      pendingType = typeAtEnd(s);
      return toMentions(text, raw, prepared);
    },
  };
}

/** Mentions in one self-contained text: {@link createMentionScanner} used once. */
export function findMentions(text: string, options: MentionScannerOptions = {}): CodeMention[] {
  return createMentionScanner(options).scan(text);
}
