/**
 * A published news page must be a summary in our own words, not the article it came from. The
 * importer keeps each article's text in `nguon/tin/<id>.txt`; this check warns when a published
 * (not `draft: true`) news page still repeats a long run of that text's words, in its body or its
 * summary. Document pages are left out: their body is the document's full text on purpose.
 *
 * "Long" is {@link ECHO_WORDS} words in a row, compared folded (no tones, no case, punctuation
 * ignored). Summaries written by hand for this site repeat at most about thirty words of their
 * sources — the full name of a body or of a cited resolution — while a copied sentence is forty to
 * eighty.
 */
import { type ContentFile, lineOf } from '../content/content-files.ts';
import { NEWS_DIR } from '../content/paths.ts';
import { foldVietnamese } from '../content/text.ts';
import type { ContentCheck, Problem } from './content-checks.ts';

/** Words in a row that count as copied. */
export const ECHO_WORDS = 40;

/** A word of a text, folded, with where it starts. */
interface Word {
  word: string;
  at: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) out.push({ word: foldVietnamese(m[0]), at: m.index });
  return out;
}

/** The longest run of at least `min` words of `text` that `source` also has, or null. */
export function longestEcho(
  text: string,
  source: string,
  min = ECHO_WORDS,
): { words: number; at: number; quote: string } | null {
  const sourceWords = wordsOf(source).map((w) => w.word);
  const grams = new Set<string>();
  for (let i = 0; i + min <= sourceWords.length; i++) grams.add(sourceWords.slice(i, i + min).join(' '));
  const words = wordsOf(text);
  const hit = (i: number) =>
    i + min <= words.length &&
    grams.has(
      words
        .slice(i, i + min)
        .map((w) => w.word)
        .join(' '),
    );
  let best: { words: number; at: number; quote: string } | null = null;
  for (let i = 0; i + min <= words.length; i++) {
    if (!hit(i)) continue;
    let j = i;
    while (hit(j + 1)) j++;
    const length = j - i + min;
    if (best === null || length > best.words) {
      const start = words[i]?.at ?? 0;
      const last = words[i + length - 1];
      const end = last === undefined ? text.length : last.at + last.word.length;
      best = { words: length, at: start, quote: text.slice(start, Math.min(end, start + 80)) };
    }
    i = j + min - 1;
  }
  return best;
}

function echoProblem(
  file: ContentFile,
  line: number,
  where: string,
  echo: { words: number; quote: string },
): Problem {
  return {
    severity: 'warning',
    file: file.file,
    line,
    message:
      `${where} còn chép nguyên ${echo.words} chữ liền nhau của bài gốc ("${echo.quote}…"). ` +
      'Hãy viết lại bằng lời của mình trước khi xuất bản.',
  };
}

/**
 * The check, over the kept sources (`<folder>/<id>` → text, as `readSourceTexts` gives them).
 * A page without a kept source, a draft and a document page are not checked.
 */
export function checkSourceEcho(sources: ReadonlyMap<string, string>): ContentCheck {
  return ({ files }) =>
    files.flatMap((f) => {
      if (f.collection !== 'news' || f.data.draft === true) return [];
      const source = sources.get(`${NEWS_DIR}/${f.id}`);
      if (source === undefined) return [];
      const problems: Problem[] = [];
      const bodyEcho = longestEcho(f.body, source);
      if (bodyEcho !== null) {
        problems.push(
          echoProblem(f, f.bodyLine + lineOf(f.body, bodyEcho.at) - 1, 'Nội dung trang', bodyEcho),
        );
      }
      const summary = typeof f.data.summary === 'string' ? f.data.summary : '';
      const summaryEcho = longestEcho(summary, source);
      if (summaryEcho !== null) {
        const at = f.raw.search(/^summary\s*:/m);
        problems.push(echoProblem(f, at === -1 ? 1 : lineOf(f.raw, at), 'Tóm tắt (summary)', summaryEcho));
      }
      return problems;
    });
}
