/**
 * Reading a search-box query that names a document by its code ("21-NQ/TW", "nghi quyet 21",
 * "qd 08"), and matching it against documents' codes. One code is read by code-parser.ts.
 */
import {
  DOCUMENT_TYPE_SLUGS,
  DOCUMENT_TYPES,
  type DocumentType,
  documentTypeAbbreviations,
} from '../content/document-types.ts';
import {
  abbrFits,
  asciiFold,
  type DocumentCode,
  fixTrungUong,
  matchCodeAt,
  normalizeLoose,
  numberKey,
  PARTY_ISSUERS,
  parseCode,
  QUERY_ABBRS,
  STATE_ISSUERS,
  spellingKey,
  YEAR_LIKE,
} from './code-parser.ts';

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
    return t === undefined ? undefined : QUERY_ABBRS.get(spellingKey(q.slice(t.start, t.end)));
  };
  const issuerAt = (i: number, needUpper: boolean): string | undefined => {
    const t = tokens[i];
    if (t === undefined) return undefined;
    const original = q.slice(t.start, t.end);
    // After a bare type word only an issuer typed in capitals counts: "nghị quyết 21 tư tưởng".
    if (needUpper && original !== original.toUpperCase()) return undefined;
    const fixed = fixTrungUong(original);
    return PARTY_ISSUERS.get(spellingKey(fixed)) ?? STATE_ISSUERS.get(spellingKey(fixed));
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
  if (c === null || numberKey(query.number) !== numberKey(c.number)) return false;
  if (query.year !== undefined && query.year !== c.year) return false;
  if (query.issuer !== undefined && spellingKey(fixTrungUong(query.issuer)) !== spellingKey(c.issuer))
    return false;
  const ca = spellingKey(c.abbr);
  if (query.abbr !== undefined) {
    const qa = spellingKey(query.abbr);
    return qa === ca || (qa === 'QD' && ca === 'QDI');
  }
  return query.type === undefined || abbrFits(query.type, c.abbr);
}
