/**
 * The first step of every import: text as it arrives (copied from a web page, saved by a word
 * processor, piped in) made into clean NFC lines. Whatever the input holds — a byte-order mark,
 * CRLF or lone CR line ends, decomposed (NFD) letters, control characters, no-break and zero-width
 * spaces — what comes out is plain lines of NFC text that every later step can trust.
 */
import { nfc } from '../content/text.ts';

/**
 * Control and format characters (Unicode categories Cc and Cf): C0 and C1 controls, DEL, and the
 * invisible characters that pasting from the web leaves behind (zero-width space and joiners, soft
 * hyphen, BOM, bidirectional marks), plus the object replacement and non-characters. None of them is
 * ever meant as text; tab and line feed are kept by {@link keepLayout}.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\uFFFC\uFFFD\uFFFE\uFFFF]/gu;
const keepLayout = (c: string): string => (c === '\n' || c === '\t' ? c : '');
/**
 * Space characters other than the plain space and tab (no-break, thin, ideographic…). Tabs are kept:
 * a table copied from a word processor arrives as tab-separated cells.
 */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;

/**
 * Normalises raw input: NFC, `\n` line ends, no control or invisible characters, every kind of space
 * made a plain space, trailing spaces removed. Line structure is kept (blank lines stay blank) because
 * the importer reads meaning from it: a date line, a byline, the two columns of a document header.
 */
export function normalizeRawText(raw: string): string {
  return nfc(
    raw
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .toWellFormed()
      .replace(INVISIBLE, keepLayout)
      .replace(SPACES, ' '),
  )
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n');
}

/** The lines of a normalised text, blank lines included. */
export function textLines(text: string): string[] {
  return normalizeRawText(text).split('\n');
}

/** A line with its tabs made spaces, for text where cells do not matter. */
export function untab(line: string): string {
  return line.replace(/\s*\t\s*/g, ' ');
}

/**
 * Folds a string for comparing names while keeping capitals: marks dropped, đ → d, Đ → D. "Quảng
 * Ngãi" → "Quang Ngai". Capitals matter because a province's name is a name only when capitalised
 * ("Hòa Bình" the province, "hòa bình" peace).
 */
export function foldKeepCase(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Whether a line is written in capitals (at least two letters, none of them small). */
export function isUpperCaseLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Number of words (runs of letters or digits) in a line. */
export function wordCount(line: string): number {
  return line.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * A name written in capitals made a name again: "ÁI KIỀU" → "Ái Kiều", "NGUYỄN PHÚ TRỌNG" →
 * "Nguyễn Phú Trọng". Text that is not all capitals is returned as it is.
 */
export function titleCaseName(s: string): string {
  if (!isUpperCaseLine(s)) return s;
  return s
    .toLowerCase()
    .replace(/(^|[\s(-])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}
