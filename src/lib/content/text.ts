import slugifyLib from '@sindresorhus/slugify';

/**
 * Text helpers shared by the site, the content checks and the scripts. Vietnamese text is stored
 * NFC; input from editors, importers and readers' queries may arrive NFD, so everything that compares
 * text goes through these functions.
 */

/** Returns `s` in Unicode NFC, the form all stored text uses. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Folds Vietnamese for comparison: lower case, no tones or vowel marks, `đ` → `d`. "Đảng ủy" and
 * "dang uy" fold to the same string. Not for display.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * ASCII, lower-case, hyphenated slug for URLs: tones and marks are dropped and `đ` becomes `d`
 * ("Đảng ủy Khối" → "dang-uy-khoi", "21-NQ/TW" → "21-nq-tw").
 */
export function slugify(s: string): string {
  return slugifyLib(nfc(s), { decamelize: false });
}

/**
 * Compares two Vietnamese strings for sorting in the reader's order (dictionary order with tones),
 * independent of the machine's locale.
 */
export const compareVietnamese: (a: string, b: string) => number = new Intl.Collator('vi', {
  sensitivity: 'base',
  numeric: true,
}).compare;
