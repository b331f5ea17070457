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
  type DocumentType,
  documentTypeAbbreviations,
  OTHER_CODE_ABBREVIATIONS,
} from '../content/document-types.ts';

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

// ---------------------------------------------------------------------------------------------
// Spelling tables

/** Folds for comparison: upper case, Đ → D. Input must already be NFC. */
export function spellingKey(s: string): string {
  return s.toUpperCase().replace(/Đ/g, 'D');
}

function tableByFold(spellings: Iterable<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of spellings) map.set(spellingKey(s), s);
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
export const QUERY_ABBRS = tableByFold(DOCUMENT_TYPE_SLUGS.flatMap((t) => documentTypeAbbreviations(t)));

/**
 * Party issuers, in the spelling of Hướng dẫn 36-HD/VPTW. ThU is the Thành ủy of a city inside a
 * province; the Thành ủy of a centrally run city writes TU like a Tỉnh ủy.
 */
export const PARTY_ISSUERS = tableByFold([
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
export const STATE_ISSUERS = tableByFold([
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
export function fixTrungUong(s: string): string {
  return s.replace(/TƯ/giu, 'TW');
}

function spellAbbr(raw: string, strict: boolean): string | null {
  // Running text only links abbreviations it knows: "12-KT/TC" in a caption is not worth a guess.
  const hit = KNOWN_ABBRS.get(spellingKey(raw));
  if (hit !== undefined) return hit;
  if (strict) return null;
  return ABBR_SHAPE.test(raw) ? raw : raw.toUpperCase();
}

function spellPartyIssuer(raw: string, strict: boolean): string | null {
  const fixed = fixTrungUong(raw);
  const hit = PARTY_ISSUERS.get(spellingKey(fixed)) ?? STATE_ISSUERS.get(spellingKey(fixed));
  if (hit !== undefined) return hit;
  if (PARTY_ISSUER_SHAPE.test(fixed)) return fixed;
  return strict ? null : fixed.toUpperCase();
}

function spellStateIssuer(raw: string, strict: boolean): string | null {
  const m = /^(\p{L}+)(\d{0,2})$/u.exec(raw);
  if (m === null) return null;
  const hit = STATE_ISSUERS.get(spellingKey(m[1] ?? ''));
  if (hit !== undefined) return `${hit}${m[2] ?? ''}`;
  if (STATE_ISSUER_SHAPE.test(raw)) return raw;
  return strict ? null : raw.toUpperCase();
}

/** Number written with at least two digits and no more leading zeros: "8" → "08", "008" → "08". */
export function numberKey(n: string): string {
  const stripped = n.replace(/^0+(?=\d)/, '');
  return stripped.length < 2 ? stripped.padStart(2, '0') : stripped;
}

export function makeCode(
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

export function withNumber(code: DocumentCode, number: string): DocumentCode {
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
export function prepare(text: string): Prepared {
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
export function normalizeLoose(s: string): string {
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

export interface CodeMatch {
  end: number;
  code: DocumentCode;
}

/**
 * The code starting at `pos` in prepared text, or null. `strict` (for running text, where ordinary
 * words must never become codes) requires a known abbreviation and issuers shaped like issuers;
 * otherwise the caller has said the text is a code and any letters are taken, spelled in capitals.
 */
export function matchCodeAt(s: string, pos: number, strict: boolean): CodeMatch | null {
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
  if (!raw.includes('-') && PARTY_ISSUERS.has(spellingKey(fixTrungUong(raw)))) {
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
  if (c === null) return spellingKey(normalizeLoose(code as string));
  const n = numberKey(c.number);
  const abbr = spellingKey(c.abbr);
  const issuer = spellingKey(c.issuer);
  if (c.system === 'party') return `${n}-${abbr}/${issuer}`;
  if (c.year === undefined) return `${n}/${abbr}-${issuer}`;
  return abbr === '' ? `${n}/${c.year}/${issuer}` : `${n}/${c.year}/${abbr}-${issuer}`;
}

/** ASCII letters only: marks dropped, đ → d. */
export function asciiFold(s: string): string {
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

/** A number that reads as a year (1990, 2023): after a code it is a date, not another code's number. */
export const YEAR_LIKE = /^(?:19|20)\d\d$/;

/** Whether `abbr` is one of the abbreviations of `type` ("QĐi" fits quy-dinh), whatever its spelling. */
export function abbrFits(type: DocumentType, abbr: string): boolean {
  const k = spellingKey(abbr);
  return documentTypeAbbreviations(type).some((a) => spellingKey(a) === k);
}
