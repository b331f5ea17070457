/**
 * The one parser for document codes (số hiệu) in Vietnamese text. The site's remark transform, the
 * content checks, the search box and the importer all read codes through this module, so a spelling
 * handled here is handled everywhere.
 *
 * Two numbering systems are understood:
 * - Party documents: `NUMBER-ABBR/ISSUER` — 21-NQ/TW, 865-QĐ/TU, 08-QĐi/TW, 36-HD/VPTW.
 * - State documents: `NUMBER/YEAR/ABBR-ISSUER` (30/2020/NĐ-CP, 01/2023/TT-BNV), `NUMBER/YEAR/QHnn`
 *   (laws and resolutions of the National Assembly: 202/2025/QH15) and `NUMBER/ABBR-ISSUER` without a
 *   year (1234/QĐ-TTg).
 *
 * Decisions every caller relies on:
 * - `canonical` keeps the number as written ("08-QĐi/TW" stays "08", "8-QĐi/TW" stays "8"), but
 *   {@link codeKey} and {@link codeSlug} write it with at least two digits, the way Party and state
 *   offices number their documents (01, 02 … 09, 10), so "8-QĐi/TW" and "08-QĐi/TW" are one document.
 * - "TƯ" in an issuer means Trung ương and is written "TW" (21-NQ/TƯ → 21-NQ/TW). Plain "TU" is
 *   Tỉnh ủy (or the Thành ủy of a centrally run city) and is never read as TW.
 * - "QĐi" and "QĐ" are different abbreviations: since 2018 Quy định are numbered QĐi while Quyết
 *   định keep QĐ, each type in its own series, so 08-QĐi/TW and 08-QĐ/TW can be two documents. Only
 *   the search box ({@link matchesCodeQuery}) lets a typed "QĐ" find a "QĐi" code.
 * - A code written the state way with a Party issuer (21/NQ-TW, a common slip) is the Party code.
 *
 * Pure TypeScript on the standard library only: it runs in Astro, in Vitest and in plain Node scripts.
 */
import {
  DOCUMENT_TYPE_SLUGS,
  DOCUMENT_TYPES,
  type DocumentType,
  documentTypeAbbreviations,
  OTHER_CODE_ABBREVIATIONS,
} from './document-types.ts';

/** A document code taken apart. */
export interface DocumentCode {
  /** The number as written, leading zeros kept: "08", "21", "1234". */
  number: string;
  /**
   * Type abbreviation in its usual spelling: "NQ", "QĐ", "QĐi", "NĐ", "TTLT". Empty for the
   * `NUMBER/YEAR/QHnn` codes of the National Assembly, which carry no type abbreviation.
   */
  abbr: string;
  /** Issuing body: "TW", "TU", "BTCTW", "CP", "TTg", "BCA-BQP" (joint issuers), "QH15". */
  issuer: string;
  /** Year written inside a state code (30/2020/NĐ-CP → 2020); absent for Party codes. */
  year?: number;
  /** Which numbering system the code follows. */
  system: 'party' | 'state';
  /** The code spelled the standard way: "21-NQ/TW", "30/2020/NĐ-CP", "08-QĐi/TW". */
  canonical: string;
}

/** What a short mention ("Nghị quyết số 21") says about the code it stands for. */
export interface ShortCode {
  /** The number as written. */
  number: string;
  /** Main abbreviation of the type word before the number ("Quy định" → "QĐ", though QĐi is possible). */
  abbr: string;
  /** Issuer named by a phrase such as "của Bộ Chính trị" (→ "TW"), when there is one. */
  issuer?: string;
}

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

/** A search-box query that names a document by its code. */
export interface CodeQuery {
  /** The number as typed: "21", "08". */
  number: string;
  /** Abbreviation typed or implied by a type word with a single abbreviation ("nghị quyết" → "NQ"). */
  abbr?: string;
  /** Issuer typed: "TW", "TU". */
  issuer?: string;
  /** Year typed inside a state code. */
  year?: number;
  /** The type word typed ("nghị quyết 21", "nghi quyet so 21"); "quy định 08" sets it without `abbr`. */
  type?: DocumentType;
  /** Canonical code when the query contains a complete code ("21-NQ/TW", "30/2020/NĐ-CP"). */
  canonical?: string;
  /** The rest of the query with the code part (and its type word) removed, spaces collapsed. */
  rest: string;
}

// ---------------------------------------------------------------------------------------------
// Spelling tables

/** Folds for comparison: upper case, Đ → D. Input must already be NFC. */
function foldKey(s: string): string {
  return s.toUpperCase().replace(/Đ/g, 'D');
}

function tableByFold(spellings: Iterable<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of spellings) map.set(foldKey(s), s);
  return map;
}

/** Every abbreviation the parser knows, folded → usual spelling ("QDI" → "QĐi"). */
const KNOWN_ABBRS = tableByFold([
  ...DOCUMENT_TYPE_SLUGS.flatMap((t) => documentTypeAbbreviations(t)),
  ...OTHER_CODE_ABBREVIATIONS.map((a) => a.abbr),
]);

/**
 * Abbreviations the search box accepts on their own ("nq 21"): only those of Sổ tay's types, because
 * short letter pairs such as "bc", "da" or "tt" are ordinary words in unaccented queries.
 */
const QUERY_ABBRS = tableByFold(DOCUMENT_TYPE_SLUGS.flatMap((t) => documentTypeAbbreviations(t)));

/**
 * Party issuers, in the spelling of Hướng dẫn 36-HD/VPTW. ThU is the Thành ủy of a city inside a
 * province; the Thành ủy of a centrally run city writes TU like a Tỉnh ủy.
 */
const PARTY_ISSUERS = tableByFold([
  'TW',
  'TU',
  'ThU',
  'HU',
  'QU',
  'ĐU',
  'ĐUK',
  'BCSĐ',
  'ĐĐ',
  'BTCTW',
  'VPTW',
  'UBKTTW',
  'BTGTW',
  'BDVTW',
  'BNCTW',
  'BKTTW',
  'ĐUQSTW',
]);

/** State issuers whose spelling cannot be recovered from upper case or from D for Đ. */
const STATE_ISSUERS = tableByFold([
  'TTg',
  'CP',
  'VPCP',
  'UBND',
  'HĐND',
  'UBTVQH',
  'BGDĐT',
  'BKHĐT',
  'BLĐTBXH',
  'BNV',
  'BTC',
  'BCA',
  'BQP',
  'BYT',
  'BTP',
  'BTTTT',
  'NHNN',
]);

/** Shape of an abbreviation written the official way: capitals, maybe one small letter last (QĐi, CTr). */
const ABBR_SHAPE = /^(?:[A-ZĐ]{2,6}|[A-ZĐ]{1,5}[a-zđ])$/u;
/** Shape of a Party issuer: capitals, maybe one small letter inside (ThU). */
const PARTY_ISSUER_SHAPE = /^(?:[A-ZĐƯ]{2,12}|[A-ZĐƯ]{1,8}[a-zđ][A-ZĐƯ]{0,8})$/u;
/** Shape of one state issuer: capitals, maybe one small letter (TTg), maybe a term number (UBTVQH15). */
const STATE_ISSUER_SHAPE = /^(?:[A-ZĐ]{2,12}|[A-ZĐ]{1,8}[a-zđ][A-ZĐ]{0,8})\d{0,2}$/u;
/** The issuer of a National Assembly code, which stands where ABBR-ISSUER stands elsewhere. */
const ASSEMBLY_ISSUER = /^(?:UBTV)?QH\d{1,2}$/iu;

/** "TƯ" (Trung ương) is written "TW" in every issuer: 21-NQ/TƯ, BTCTƯ. */
function fixTrungUong(s: string): string {
  return s.replace(/TƯ/giu, 'TW');
}

function spellAbbr(raw: string, strict: boolean): string | null {
  // Running text only links abbreviations it knows: "12-KT/TC" in a caption is not worth a guess.
  const hit = KNOWN_ABBRS.get(foldKey(raw));
  if (hit !== undefined) return hit;
  if (strict) return null;
  return ABBR_SHAPE.test(raw) ? raw : raw.toUpperCase();
}

function spellPartyIssuer(raw: string, strict: boolean): string | null {
  const fixed = fixTrungUong(raw);
  const hit = PARTY_ISSUERS.get(foldKey(fixed)) ?? STATE_ISSUERS.get(foldKey(fixed));
  if (hit !== undefined) return hit;
  if (PARTY_ISSUER_SHAPE.test(fixed)) return fixed;
  return strict ? null : fixed.toUpperCase();
}

function spellStateIssuer(raw: string, strict: boolean): string | null {
  const m = /^(\p{L}+)(\d{0,2})$/u.exec(raw);
  if (m === null) return null;
  const hit = STATE_ISSUERS.get(foldKey(m[1] ?? ''));
  if (hit !== undefined) return `${hit}${m[2] ?? ''}`;
  if (STATE_ISSUER_SHAPE.test(raw)) return raw;
  return strict ? null : raw.toUpperCase();
}

/** Number written with at least two digits and no more leading zeros: "8" → "08", "008" → "08". */
function keyNumber(n: string): string {
  const stripped = n.replace(/^0+(?=\d)/, '');
  return stripped.length < 2 ? stripped.padStart(2, '0') : stripped;
}

function makeCode(
  system: 'party' | 'state',
  number: string,
  abbr: string,
  issuer: string,
  year?: number,
): DocumentCode {
  if (system === 'party') return { number, abbr, issuer, system, canonical: `${number}-${abbr}/${issuer}` };
  if (year === undefined) return { number, abbr, issuer, system, canonical: `${number}/${abbr}-${issuer}` };
  const tail = abbr === '' ? issuer : `${abbr}-${issuer}`;
  return { number, abbr, issuer, year, system, canonical: `${number}/${year}/${tail}` };
}

function withNumber(code: DocumentCode, number: string): DocumentCode {
  return makeCode(code.system, number, code.abbr, code.issuer, code.year);
}

// ---------------------------------------------------------------------------------------------
// Normalisation with offset mapping

/** Characters folded before matching, one UTF-16 unit for one, so offsets stay where they were. */
const CHAR_FOLDS: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // minus sign
  '\uFE58': '-',
  '\uFE63': '-',
  '\uFF0D': '-', // fullwidth hyphen-minus
  '\uFF0F': '/', // fullwidth solidus
  '\u2044': '/', // fraction slash
  '\u2215': '/', // division slash
  '\u00D0': 'Đ', // Icelandic eth, left in Vietnamese text by old encodings, looks exactly like Đ
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\u2000': ' ',
  '\u2001': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
};
const CHAR_FOLD_RE =
  /[\u00A0\u00D0\u2000-\u200A\u2010-\u2015\u202F\u2044\u2212\u2215\uFE58\uFE63\uFF0D\uFF0F]/gu;
/** Anything `prepare` must change: the folds above, combining marks (NFD input) and invisible characters. */
const NEEDS_PREPARING =
  /[\p{M}\u00A0\u00AD\u00D0\u2000-\u200B\u2010-\u2015\u202F\u2044\u2212\u2215\uFE58\uFE63\uFEFF\uFF0D\uFF0F]/u;
/**
 * What changes the length: runs of combining marks, which NFC composes with the character before
 * them, and invisible characters copied from the web (zero-width space, soft hyphen, BOM), dropped.
 */
const RESHAPING = /\p{M}+|[\u00AD\u200B\uFEFF]/gu;
const HAS_RESHAPING = /[\p{M}\u00AD\u200B\uFEFF]/u;
/**
 * NFC of small clusters, memoised: NFD Vietnamese repeats a few hundred letter-plus-marks clusters,
 * and a Map lookup is far cheaper than a call into the normaliser for each one.
 */
const composed = new Map<string, string>();
function composeCluster(cluster: string): string {
  let out = composed.get(cluster);
  if (out === undefined) {
    out = cluster.normalize('NFC');
    if (composed.size >= 4096) composed.clear();
    composed.set(cluster, out);
  }
  return out;
}

interface Prepared {
  /** NFC text with dashes, slashes and spaces folded. */
  s: string;
  /** For each unit of `s`, where its character starts in the original; null when offsets are equal. */
  starts: number[] | null;
  /** For each unit of `s`, where its character ends in the original. */
  ends: number[] | null;
}

/**
 * Normalises `text` for matching and keeps a map back to the original offsets. Three paths, all
 * linear: NFC text with nothing to fold (the usual case) is used as it is; one-for-one folds (dashes,
 * no-break spaces) keep offsets and need no map; only NFD input and invisible characters build one,
 * copying untouched stretches whole and composing each run of marks with its base character.
 */
function prepare(text: string): Prepared {
  if (!NEEDS_PREPARING.test(text)) return { s: text, starts: null, ends: null };
  const folded = text.replace(CHAR_FOLD_RE, (c) => CHAR_FOLDS[c] ?? c);
  if (!HAS_RESHAPING.test(folded)) return { s: folded, starts: null, ends: null };
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const copy = (from: number, to: number): void => {
    if (from >= to) return;
    parts.push(folded.slice(from, to));
    for (let k = from; k < to; k++) {
      starts.push(k);
      ends.push(k + 1);
    }
  };
  let done = 0;
  RESHAPING.lastIndex = 0;
  for (let m = RESHAPING.exec(folded); m !== null; m = RESHAPING.exec(folded)) {
    const to = m.index + m[0].length;
    const code = m[0].charCodeAt(0);
    if (code === 0xad || code === 0x200b || code === 0xfeff) {
      copy(done, m.index);
      done = to;
      continue;
    }
    // The base character the marks belong to: one code unit back, two for a surrogate pair.
    let from = m.index;
    if (from > done) {
      const low = folded.charCodeAt(from - 1);
      from -= low >= 0xdc00 && low <= 0xdfff && from - 2 >= done ? 2 : 1;
    }
    copy(done, from);
    const out = composeCluster(folded.slice(from, to));
    parts.push(out);
    for (let k = 0; k < out.length; k++) {
      starts.push(from);
      ends.push(to);
    }
    done = to;
  }
  copy(done, folded.length);
  return { s: parts.join(''), starts, ends };
}

/** NFC, folded characters, trimmed, runs of spaces made one. */
function normalizeLoose(s: string): string {
  return prepare(s).s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Matching one code

const L = '\\p{L}';
const STATE_SEG = `${L}{1,12}\\d{0,2}`;
const STATE_ISSUERS_RE = `${STATE_SEG}(?:-${STATE_SEG}){0,4}`;
/**
 * One code starting at `lastIndex` (sticky). Groups: 1 number; party 2 abbr, 3 issuer; state with
 * year 4 year, 5 abbr, 6 issuers, or 7 assembly issuer; state without year 8 abbr, 9 issuers. Single
 * spaces around separators are allowed ("21 - NQ / TW"); every quantifier is bounded.
 */
const CODE_AT = new RegExp(
  '(\\d{1,5})(?:' +
    ` ?- ?(${L}{1,6}) ?\\/ ?(${L}{1,12})` +
    `| ?\\/ ?(\\d{4}) ?\\/ ?(?:(${L}{1,6}) ?- ?(${STATE_ISSUERS_RE})|(${L}{1,8}\\d{1,2}))` +
    `| ?\\/ ?(${L}{1,6}) ?- ?(${STATE_ISSUERS_RE})` +
    ')(?![\\p{L}\\p{N}])',
  'yu',
);

interface CodeMatch {
  end: number;
  code: DocumentCode;
}

/**
 * The code starting at `pos` in prepared text, or null. `strict` (for running text, where ordinary
 * words must never become codes) requires a known abbreviation and issuers shaped like issuers;
 * otherwise the caller has said the text is a code and any letters are taken, spelled in capitals.
 */
function matchCodeAt(s: string, pos: number, strict: boolean): CodeMatch | null {
  CODE_AT.lastIndex = pos;
  const m = CODE_AT.exec(s);
  if (m === null) return null;
  const number = m[1] ?? '';
  let end = pos + m[0].length;
  if (m[2] !== undefined && m[3] !== undefined) {
    const abbr = spellAbbr(m[2], strict);
    const issuer = spellPartyIssuer(m[3], strict);
    if (abbr === null || issuer === null) return null;
    return { end, code: makeCode('party', number, abbr, issuer) };
  }
  if (m[4] !== undefined) {
    const year = Number(m[4]);
    if (year < 1945 || year > 2099) return null;
    if (m[7] !== undefined) {
      if (!ASSEMBLY_ISSUER.test(m[7])) return null;
      return { end, code: makeCode('state', number, '', m[7].toUpperCase(), year) };
    }
    const abbr = spellAbbr(m[5] ?? '', strict);
    const issuers = spellIssuers(m[6] ?? '', strict);
    if (abbr === null || issuers === null) return null;
    end -= issuers.dropped;
    return { end, code: makeCode('state', number, abbr, issuers.spelled, year) };
  }
  const abbr = spellAbbr(m[8] ?? '', strict);
  if (abbr === null) return null;
  const raw = m[9] ?? '';
  // 21/NQ-TW: a Party code written the state way.
  if (!raw.includes('-') && PARTY_ISSUERS.has(foldKey(fixTrungUong(raw)))) {
    const issuer = spellPartyIssuer(raw, strict);
    if (issuer !== null) return { end, code: makeCode('party', number, abbr, issuer) };
  }
  const issuers = spellIssuers(raw, strict);
  if (issuers === null) return null;
  end -= issuers.dropped;
  return { end, code: makeCode('state', number, abbr, issuers.spelled) };
}

/**
 * Spells hyphen-joined state issuers (CP; BCA-BQP). In running text a trailing part that is not an
 * issuer ("NĐ-CP-Việt") is dropped with its hyphen; `dropped` is how many characters that removed.
 */
function spellIssuers(raw: string, strict: boolean): { spelled: string; dropped: number } | null {
  const parts = raw.split('-');
  const spelled: string[] = [];
  let kept = 0;
  for (const part of parts) {
    const s = spellStateIssuer(part, strict);
    if (s === null) break;
    spelled.push(s);
    kept += (kept === 0 ? 0 : 1) + part.length;
  }
  if (spelled.length === 0) return null;
  return { spelled: spelled.join('-'), dropped: raw.length - kept };
}

/**
 * Parses one code in any common spelling and returns it taken apart, or null when `input` is not a
 * single code. Accepts any case, NFD, Unicode dashes and slashes, spaces around separators, "Đ"
 * written "D", "TƯ" for "TW", a leading "Số:" and the Party code written the state way (21/NQ-TW).
 *
 * @example parseCode('21 - nq / tư')?.canonical // '21-NQ/TW'
 * @example parseCode('30/2020/ND-CP')?.canonical // '30/2020/NĐ-CP'
 */
export function parseCode(input: string): DocumentCode | null {
  const s = normalizeLoose(input).replace(/^số\s*\.?\s*:?\s*/iu, '');
  const m = matchCodeAt(s, 0, false);
  return m !== null && m.end === s.length ? m.code : null;
}

/**
 * Lookup key of a code, equal for every spelling of it: upper case, Đ → D, the number with at least
 * two digits ("21-nq/tư" and "21-NQ/TW" → "21-NQ/TW"; "8-QĐi/TW" → "08-QDI/TW";
 * "30/2020/nđ-cp" → "30/2020/ND-CP"). A string that is not a code is folded the same way (case, Đ,
 * dashes, runs of spaces) so the function never throws; check with {@link parseCode} first to report it.
 */
export function codeKey(code: DocumentCode | string): string {
  const c = typeof code === 'string' ? parseCode(code) : code;
  if (c === null) return foldKey(normalizeLoose(code as string));
  const n = keyNumber(c.number);
  const abbr = foldKey(c.abbr);
  const issuer = foldKey(c.issuer);
  if (c.system === 'party') return `${n}-${abbr}/${issuer}`;
  if (c.year === undefined) return `${n}/${abbr}-${issuer}`;
  return abbr === '' ? `${n}/${c.year}/${issuer}` : `${n}/${c.year}/${abbr}-${issuer}`;
}

/** ASCII letters only: marks dropped, đ → d. */
function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd');
}

/**
 * ASCII, lower-case URL slug of a code, equal for every spelling: '21-nq-tw', '08-qdi-tw',
 * '30-2020-nd-cp', '1234-qd-ttg', '202-2025-qh15'. Built from {@link codeKey}, so the number has at
 * least two digits.
 */
export function codeSlug(code: DocumentCode | string): string {
  return asciiFold(codeKey(code))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
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
const YEAR_LIKE = /^(?:19|20)\d\d$/;
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

function abbrFits(type: DocumentType, abbr: string): boolean {
  const k = foldKey(abbr);
  return documentTypeAbbreviations(type).some((a) => foldKey(a) === k);
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
interface RawMention {
  ns: number;
  ne: number;
  code: DocumentCode | null;
  short?: ShortCode;
  typeHint?: DocumentType;
  date?: string;
  resolvedBy: MentionResolution;
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
  /** Codes seen, by "number key|abbr key", to settle short mentions. */
  const seen = new Map<string, Map<string, DocumentCode>>();
  let pendingType: DocumentType | undefined;

  const remember = (code: DocumentCode): void => {
    const slot = `${keyNumber(code.number)}|${foldKey(code.abbr)}`;
    let codes = seen.get(slot);
    if (codes === undefined) {
      codes = new Map();
      seen.set(slot, codes);
    }
    codes.set(codeKey(code), code);
  };
  for (const k of options.known ?? []) {
    const code = typeof k === 'string' ? parseCode(k) : k;
    if (code !== null) remember(code);
  }

  const resolveShort = (
    number: string,
    type: DocumentType,
    issuer: string | undefined,
  ): { code: DocumentCode | null; resolvedBy: MentionResolution } => {
    const abbrs = documentTypeAbbreviations(type);
    const only = abbrs.length === 1 ? abbrs[0] : undefined;
    // A Party type with one abbreviation and a Party issuer spells out the whole code.
    if (
      issuer !== undefined &&
      only !== undefined &&
      DOCUMENT_TYPES[type].system === 'party' &&
      PARTY_ISSUERS.has(foldKey(issuer))
    ) {
      return { code: makeCode('party', number, only, issuer), resolvedBy: 'issuer-phrase' };
    }
    const found = new Map<string, DocumentCode>();
    for (const a of abbrs) {
      for (const [key, code] of seen.get(`${keyNumber(number)}|${foldKey(a)}`) ?? []) {
        if (issuer === undefined || foldKey(code.issuer) === foldKey(issuer)) found.set(key, code);
      }
    }
    const [first] = found.values();
    return found.size === 1 && first !== undefined
      ? { code: first, resolvedBy: 'context' }
      : { code: null, resolvedBy: 'unresolved' };
  };

  /**
   * Reads the numbers after a type word: shorts joined by list separators, maybe ending in a
   * written code whose suffix they share. Returns the mentions and where reading stopped.
   */
  const readRun = (
    s: string,
    typeStart: number,
    type: DocumentType,
    hasSo: boolean,
    numPos: number,
  ): { found: RawMention[]; end: number } => {
    const shorts: Array<{ ns: number; ne: number; number: string }> = [];
    let full: CodeMatch | null = null;
    let fullStart = numPos;
    let cur = numPos;
    for (;;) {
      full = matchCodeAt(s, cur, true);
      if (full !== null) {
        fullStart = cur;
        break;
      }
      DIGITS.lastIndex = cur;
      const digits = DIGITS.exec(s)?.[0] ?? '';
      const numEnd = cur + digits.length;
      GLUED.lastIndex = numEnd;
      if (digits.length === 0 || digits.length > 5 || GLUED.test(s)) break;
      shorts.push({ ns: shorts.length === 0 ? typeStart : cur, ne: numEnd, number: digits });
      LIST_SEP.lastIndex = numEnd;
      const sep = LIST_SEP.exec(s);
      if (sep === null) break;
      cur = numEnd + sep[0].length;
    }

    const found: RawMention[] = [];
    let end = numPos;
    const last = shorts[shorts.length - 1];
    let keepShorts = last !== undefined;
    if (last !== undefined && !hasSo && full === null) {
      // Without "số" a bare year or a count ("Kế hoạch 2023", "Kế hoạch 5 năm") is no mention.
      SAFE_AFTER.lastIndex = last.ne;
      keepShorts = !YEAR_LIKE.test(shorts[0]?.number ?? '') && SAFE_AFTER.test(s);
    }
    if (keepShorts && last !== undefined) {
      if (full !== null && abbrFits(type, full.code.abbr)) {
        for (const sh of shorts) {
          const code = withNumber(full.code, sh.number);
          found.push({
            ns: sh.ns,
            ne: sh.ne,
            code,
            short: { number: sh.number, abbr: code.abbr, issuer: code.issuer },
            typeHint: type,
            resolvedBy: 'list',
          });
          remember(code);
        }
      } else {
        let after = last.ne;
        let date: string | undefined;
        const d = full === null ? dateAt(s, after) : null;
        if (d !== null) {
          date = d.date;
          after = d.end;
        }
        const phrase = full === null ? issuerAt(s, after) : null;
        const abbr = documentTypeAbbreviations(type)[0] ?? '';
        for (const sh of shorts) {
          const { code, resolvedBy } = resolveShort(sh.number, type, phrase?.issuer);
          const short: ShortCode =
            phrase === null
              ? { number: sh.number, abbr }
              : { number: sh.number, abbr, issuer: phrase.issuer };
          const mention: RawMention = { ns: sh.ns, ne: sh.ne, code, short, typeHint: type, resolvedBy };
          if (sh === last && date !== undefined) mention.date = date;
          found.push(mention);
          if (code !== null) remember(code);
        }
        end = date !== undefined ? after : last.ne;
      }
      end = Math.max(end, last.ne);
    }
    if (full !== null) {
      const mention: RawMention = { ns: fullStart, ne: full.end, code: full.code, resolvedBy: 'full' };
      // "Kết luận số 21, 19-NQ/TW": a code that ends a list of another type is not of that type.
      if (shorts.length === 0 || abbrFits(type, full.code.abbr)) mention.typeHint = type;
      end = full.end;
      const d = dateAt(s, full.end);
      if (d !== null) {
        mention.date = d.date;
        end = d.end;
      }
      found.push(mention);
      remember(full.code);
    }
    return { found, end };
  };

  return {
    scan(text: string): CodeMention[] {
      const { s, starts, ends } = prepare(text);
      // Every mention has a number ("21-NQ/TW", "Nghị quyết số 21"), and most text nodes of a page
      // have none: skip the candidate search, keeping only the type word the text may end with.
      if (!HAS_DIGIT.test(s)) {
        pendingType = typeAtEnd(s);
        return [];
      }
      const raw: RawMention[] = [];
      const carriedType = pendingType;
      let chainEnd = -1;
      let chainType: DocumentType | undefined;

      CANDIDATE.lastIndex = 0;
      for (let m = CANDIDATE.exec(s); m !== null; m = CANDIDATE.exec(s)) {
        if (m[1] !== undefined) continue;
        const matchEnd = m.index + m[0].length;
        const word = m[2];
        if (word !== undefined) {
          const type = typeOfWord(word);
          if (type === undefined) continue;
          const run = readRun(s, m.index, type, m[3] !== undefined, matchEnd);
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
        const mention: RawMention = { ns: m.index, ne: hit.end, code: hit.code, resolvedBy: 'full' };
        // A written code continuing a list ("Nghị quyết số 18-NQ/TW, 19-NQ/TW") keeps the list's type.
        LIST_GAP.lastIndex = chainEnd;
        if (
          chainType !== undefined &&
          chainEnd >= 0 &&
          LIST_GAP.exec(s) !== null &&
          LIST_GAP.lastIndex === m.index
        ) {
          mention.typeHint = chainType;
        } else if (carriedType !== undefined && raw.length === 0 && s.slice(0, m.index).trim() === '') {
          mention.typeHint = carriedType;
        }
        let end = hit.end;
        const d = dateAt(s, hit.end);
        if (d !== null) {
          mention.date = d.date;
          end = d.end;
        }
        raw.push(mention);
        remember(hit.code);
        chainEnd = end;
        chainType = mention.typeHint;
        CANDIDATE.lastIndex = end;
      }

      pendingType = typeAtEnd(s);

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
    },
  };
}

/** Mentions in one self-contained text: {@link createMentionScanner} used once. */
export function findMentions(text: string, options: MentionScannerOptions = {}): CodeMention[] {
  return createMentionScanner(options).scan(text);
}

// ---------------------------------------------------------------------------------------------
// Search queries

const QUERY_TYPE_WORDS = new Map<string, DocumentType>(
  DOCUMENT_TYPE_SLUGS.map((t) => [asciiFold(DOCUMENT_TYPES[t].label).toLowerCase(), t]),
);
const QUERY_TYPE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${[...QUERY_TYPE_WORDS.keys()].map((w) => w.replace(/ /g, '\\s+')).join('|')})(?:\\s+so)?\\s*:?\\s*$`,
  'u',
);
const CODE_START = /(?<![\p{L}\p{N}_/@-]|\p{N}\.)\d/gu;
const TOKEN = /\p{L}+|\p{N}+/gu;

/** Lower-case ASCII fold that keeps every UTF-16 offset: one unit in, one unit out. */
function foldUnits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === 'đ' || c === 'Đ') out += 'd';
    else {
      const low = (c.normalize('NFD').charAt(0) || c).toLowerCase();
      out += low.length === 1 ? low : c;
    }
  }
  return out;
}

function restOf(q: string, from: number, to: number): string {
  return `${q.slice(0, from)} ${q.slice(to)}`.replace(/\s+/g, ' ').trim();
}

function queryFromCode(code: DocumentCode, rest: string, type: DocumentType | undefined): CodeQuery {
  const out: CodeQuery = { number: code.number, issuer: code.issuer, canonical: code.canonical, rest };
  if (code.abbr !== '') out.abbr = code.abbr;
  if (code.year !== undefined) out.year = code.year;
  if (type !== undefined) out.type = type;
  return out;
}

/**
 * Reads a code out of a search-box query. Understands a written code anywhere in the query
 * ("21-NQ/TW", "21/NQ-TW", "Nghi quyet 21-NQ/TW", "30/2020/NĐ-CP") and loose forms with or without
 * accents: "21 NQ TW", "nq 21", "NQ 21 TW", "nghị quyết 21", "nghi quyet so 21". Returns null for
 * ordinary queries ("đảng viên", "2023", "21"): a number needs an abbreviation or a type word.
 * "kế hoạch 2023" is read as a year, not a code; "kế hoạch số 2023" is a code.
 */
export function parseCodeQuery(query: string): CodeQuery | null {
  const q = normalizeLoose(query);
  if (q === '') return null;
  const f = foldUnits(q);

  CODE_START.lastIndex = 0;
  for (let m = CODE_START.exec(q); m !== null; m = CODE_START.exec(q)) {
    const hit = matchCodeAt(q, m.index, false);
    if (hit === null) continue;
    const before = QUERY_TYPE_BEFORE.exec(f.slice(0, m.index));
    const from = before?.[1] === undefined ? m.index : before.index + before[0].indexOf(before[1]);
    const type = before?.[1] === undefined ? undefined : QUERY_TYPE_WORDS.get(before[1].replace(/\s+/g, ' '));
    return queryFromCode(hit.code, restOf(q, from, hit.end), type);
  }

  const tokens = [...f.matchAll(TOKEN)].map((t) => ({
    text: t[0],
    start: t.index,
    end: t.index + t[0].length,
  }));
  const isNumber = (i: number): boolean => /^\d{1,5}$/.test(tokens[i]?.text ?? '');
  const abbrAt = (i: number): string | undefined => {
    const t = tokens[i];
    return t === undefined ? undefined : QUERY_ABBRS.get(foldKey(q.slice(t.start, t.end)));
  };
  const issuerAt = (i: number, needUpper: boolean): string | undefined => {
    const t = tokens[i];
    if (t === undefined) return undefined;
    const original = q.slice(t.start, t.end);
    // After a bare type word only an issuer typed in capitals counts: "nghị quyết 21 tư tưởng".
    if (needUpper && original !== original.toUpperCase()) return undefined;
    const fixed = fixTrungUong(original);
    return PARTY_ISSUERS.get(foldKey(fixed)) ?? STATE_ISSUERS.get(foldKey(fixed));
  };

  /** What the loose forms found; `typed` says the abbreviation was typed, not implied by a type word. */
  interface Loose {
    number: string;
    abbr?: string;
    typed?: boolean;
    issuer?: string;
    year?: number;
    type?: DocumentType;
  }
  /** Reads what may follow the number, each part optional: "/2020", an abbreviation, an issuer. */
  const readTail = (j: number, found: Loose): number => {
    let k = j;
    const prev = tokens[k - 1];
    const year = tokens[k];
    if (prev !== undefined && year !== undefined && YEAR_LIKE.test(year.text)) {
      if (q.slice(prev.end, year.start).trim() === '/') {
        found.year = Number(year.text);
        k++;
      }
    }
    const typed = found.abbr === undefined ? abbrAt(k) : undefined;
    if (typed !== undefined && (found.type === undefined || abbrFits(found.type, typed))) {
      found.abbr = typed;
      found.typed = true;
      k++;
    }
    const issuer = issuerAt(k, found.typed !== true);
    if (issuer !== undefined) {
      found.issuer = issuer;
      k++;
    }
    return k;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t === undefined) break;
    let found: Loose;
    let j: number;
    const typeWord = next === undefined ? undefined : QUERY_TYPE_WORDS.get(`${t.text} ${next.text}`);
    const abbrFirst = abbrAt(i);
    if (typeWord !== undefined) {
      j = i + 2;
      const hasSo = tokens[j]?.text === 'so';
      if (hasSo) j++;
      const num = tokens[j]?.text ?? '';
      // "kế hoạch 2023" asks for the plans of a year; "kế hoạch số 2023" for plan number 2023.
      if (!isNumber(j) || (!hasSo && YEAR_LIKE.test(num))) continue;
      found = { number: num, type: typeWord };
      j = readTail(j + 1, found);
      const abbrs = documentTypeAbbreviations(typeWord);
      if (found.abbr === undefined && abbrs.length === 1) found.abbr = abbrs[0] ?? '';
    } else if (abbrFirst !== undefined && isNumber(i + 1)) {
      found = { number: next?.text ?? '', abbr: abbrFirst, typed: true };
      j = readTail(i + 2, found);
    } else if (isNumber(i) && abbrAt(i + 1) !== undefined) {
      found = { number: t.text, abbr: abbrAt(i + 1) ?? '', typed: true };
      j = readTail(i + 2, found);
    } else continue;
    const out: CodeQuery = { number: found.number, rest: restOf(q, t.start, tokens[j - 1]?.end ?? t.end) };
    if (found.abbr !== undefined) out.abbr = found.abbr;
    if (found.issuer !== undefined) out.issuer = found.issuer;
    if (found.year !== undefined) out.year = found.year;
    if (found.type !== undefined) out.type = found.type;
    return out;
  }
  return null;
}

/**
 * Whether `code` is what `query` asks for: numbers compared with leading zeros ignored, abbreviation
 * and issuer without case or accents, the year when typed, and a type word's abbreviations when no
 * abbreviation was typed. A typed "QĐ" also finds "QĐi" codes, because Quy định since 2018 are often
 * cited with the older "QĐ".
 */
export function matchesCodeQuery(query: CodeQuery, code: DocumentCode | string): boolean {
  const c = typeof code === 'string' ? parseCode(code) : code;
  if (c === null || keyNumber(query.number) !== keyNumber(c.number)) return false;
  if (query.year !== undefined && query.year !== c.year) return false;
  if (query.issuer !== undefined && foldKey(fixTrungUong(query.issuer)) !== foldKey(c.issuer)) return false;
  const ca = foldKey(c.abbr);
  if (query.abbr !== undefined) {
    const qa = foldKey(query.abbr);
    return qa === ca || (qa === 'QD' && ca === 'QDI');
  }
  return query.type === undefined || abbrFits(query.type, c.abbr);
}
