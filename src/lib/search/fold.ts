/**
 * The đ problem and its fix. Pagefind folds tones and vowel marks by decomposing a word (NFD) and
 * dropping the combining marks, so "đảng" and "dang" would meet — except that `đ` (U+0111) has no
 * decomposition: Pagefind keeps it as a letter of its own, and "dang vien" never finds "đảng viên".
 *
 * So the page text handed to Pagefind, and every query, writes `đ`/`Đ` as `ḏ`/`Ḏ` (U+1E0F/U+1E0E,
 * "d with line below"). That letter decomposes to `d` + U+0331, so Pagefind's own folding turns it
 * into `d` while it still keeps the marked spelling as a variant: an unmarked query finds every
 * spelling, and a fully marked query still earns Pagefind's bonus for exact marks. The letter never
 * occurs in Vietnamese, so everything Pagefind hands back (titles, excerpts) is mapped back exactly.
 */

/** The stand-in for `đ` in the index. */
export const D_STROKE_SURROGATE = '\u1E0F';
/** The stand-in for `Đ` in the index. */
export const CAPITAL_D_STROKE_SURROGATE = '\u1E0E';

const SURROGATES = /[\u1E0E\u1E0F]/;

/** Writes `đ`/`Đ` as their index stand-ins, after NFC so composed and decomposed input agree. */
export function foldText(s: string): string {
  return s.normalize('NFC').replace(/đ/g, D_STROKE_SURROGATE).replace(/Đ/g, CAPITAL_D_STROKE_SURROGATE);
}

/** Maps the index stand-ins back to `đ`/`Đ`: for every string Pagefind returns. */
export function unfoldText(s: string): string {
  return s.replace(/\u1E0F/g, 'đ').replace(/\u1E0E/g, 'Đ');
}

/** A page that cannot be folded reversibly. */
export class FoldError extends Error {
  override name = 'FoldError';
}

/**
 * Attributes whose values are left as written: filter and sort values are exact keys the search page
 * sends back verbatim, and ids, links and image sources must keep pointing where they point.
 */
const VERBATIM_ATTRIBUTE =
  /(\s(?:data-pagefind-filter|data-pagefind-sort|id|href|src|srcset)\s*=\s*(?:"[^"]*"|'[^']*'))/;

/**
 * Folds a built HTML page for the index: text and searchable attributes (`data-pagefind-meta`,
 * `alt`, `title`) get the `đ` stand-ins; the attributes in {@link VERBATIM_ATTRIBUTE} do not.
 * Throws {@link FoldError} if the page already contains a stand-in, because the page's text could
 * then not be told apart from folded text when results are shown.
 */
export function foldHtml(html: string): string {
  const found = SURROGATES.exec(html);
  if (found !== null) {
    const before = html.slice(Math.max(0, found.index - 30), found.index).replace(/\s+/g, ' ');
    throw new FoldError(
      `chứa ký tự "${found[0]}" (U+${found[0].codePointAt(0)?.toString(16).toUpperCase()}) sau "…${before}". ` +
        'Bộ tìm kiếm dùng riêng ký tự này để thay cho đ/Đ; hãy sửa thành đ/Đ trong tệp nội dung.',
    );
  }
  return (
    html
      .normalize('NFC')
      .split(VERBATIM_ATTRIBUTE)
      .map((chunk, i) => (i % 2 === 1 ? chunk : foldText(chunk)))
      .join('')
      // Pagefind joins the text of adjacent table cells with no space ("Khóa" + "Văn bản" became
      // "KhóaVăn" in the index and in excerpts); a space before each cell's end keeps words apart.
      .replace(/<\/(td|th)>/gi, ' </$1>')
  );
}
