/**
 * Cleaning a news article copied from a web page. Real copies carry the page around the article: a
 * category line, the publication date line, photo captions and credits, a byline, and trailers ("Tin
 * liên quan", "Xem thêm", rating widgets). This module takes the lines apart into the article itself
 * (title, paragraphs, subheadings) and what the page said about it (date line, byline, the outlet
 * named at the start of the lead), so the facts can be read and the leftovers kept out of the draft.
 */
import { foldVietnamese } from '../content/text.ts';
import { isUpperCaseLine, titleCaseName, wordCount } from './raw-text.ts';
import { readDateLine } from './vietnamese-dates.ts';

/** One block of an article's body. */
export interface ArticleBlock {
  /** A subheading of the article, or a paragraph. */
  kind: 'heading' | 'paragraph';
  text: string;
}

/** An article taken apart. */
export interface CleanArticle {
  /** The article's headline. Empty only when the text has no line at all. */
  title: string;
  /** A short line above the headline naming the page's section ("Xây dựng Đảng"), dropped. */
  category: string | null;
  /** Short lines between the headline and the lead naming a place ("Cần Thơ"). */
  placeLines: string[];
  /** Publication date read from the date line, `YYYY-MM-DD`. */
  publishedDate: string | null;
  /** The article's body, leftovers removed. */
  blocks: ArticleBlock[];
  /** Photo captions and credits, dropped from the body. */
  captions: string[];
  /** Author named by a byline ("Tin, ảnh: …", "Tác giả bài viết: …", a bare name at the end). */
  author: string | null;
  /** Outlet named by the page: at the start of the lead ("TTXVN -", "(Baoquangngai.vn)-"), "Theo …", "Nguồn: …". */
  outletToken: string | null;
  /** Outlet named only in a photo credit ("(Ảnh: Ngọc Thiện/TTXVN)"). */
  creditOutlet: string | null;
  /** Author named only in a photo credit. */
  creditAuthor: string | null;
}

/** Lines that end the article: what the page shows below it. Compared folded, whole line. */
const TRAILERS = new Set(
  [
    'Tin liên quan',
    'Xem thêm',
    'Ý kiến bạn đọc',
    'Ý kiến',
    'Bình luận',
    'Gửi bình luận',
    'Viết bình luận',
    'Bài viết liên quan',
    'Tin cùng chuyên mục',
    'Tin khác',
    'Các tin khác',
    'Các tin đã đưa',
    'Tin mới nhất',
    'Tin đọc nhiều',
    'Đọc nhiều nhất',
    'Những tin mới hơn',
    'Những tin cũ hơn',
    'Tin mới hơn',
    'Tin cũ hơn',
    'Chia sẻ',
    'Chia sẻ bài viết',
    'In bài',
    'In bài viết',
    'Từ khóa',
    'Tags',
    'Đánh giá bài viết',
    'Gửi ý kiến',
    'Quay lại',
    'Về đầu trang',
  ].map((t) => foldVietnamese(t)),
);
/** Rating widgets and counters, matched at the start of a line. */
const WIDGET_START =
  /^(?:tổng số điểm của bài viết|click để đánh giá|bấm để đánh giá|lượt xem|số lượt xem|đánh giá:|xếp hạng:)/iu;
/** Leftovers of a page template or a copy: "[links()]", "{{ads}}", lines of punctuation only. */
const JUNK_LINE = /^(?:\[[\w().\s-]*\]|\{\{[^}]*\}\}|[\p{P}\p{S}\s]*)$/u;

/** "Tin, ảnh: …", "Tác giả bài viết: …", "Bài và ảnh: …". */
const BYLINE =
  /^(?:tin\s*(?:,|và)\s*ảnh|bài\s*(?:,|và)\s*ảnh|bài\s*viết|tác\s*giả(?:\s*bài\s*viết)?|tin|bài|nhóm\s*phóng\s*viên|pv)\s*:\s*(.+?)\s*\.?$/iu;
/** "Theo TTXVN", "Nguồn: Báo Nhân Dân", "(TTXVN)". */
const SOURCE_LINE = /^(?:\(?\s*(?:theo|nguồn)\s*:?\s+(.{2,60}?)\s*\)?\.?|\(([^()]{2,30})\)\.?)$/iu;
/** A photo credit inside a caption: "(Ảnh: Ngọc Thiện/TTXVN)", "Ảnh: Ngọc Thiện". */
const PHOTO_CREDIT = /(?:^|\()\s*ảnh\s*:\s*([^)]*?)\s*(?:\)|$)/iu;
const TERMINAL = /[.!?…:;"”»)\]]$/u;
/** How a photo caption usually opens. */
const CAPTION_START =
  /^(?:đồng chí|các đồng chí|ông|bà|quang cảnh|toàn cảnh|đại biểu|các đại biểu|lãnh đạo|chủ trì|đoàn công tác|ảnh|các đại biểu dự)(?![\p{L}])/iu;
/** What a photo caption usually says its subject is doing. */
const CAPTION_VERB =
  /(?:phát biểu|trao (?:tặng|quyết định|bằng|giấy)|tặng hoa|chụp ảnh|kết luận hội nghị|thông qua báo cáo|dự hội nghị|tại hội nghị|chủ trì hội nghị)/iu;
/**
 * The outlet at the start of a lead: "TTXVN - Ngày 22/6", "(Baoquangngai.vn)- Sáng 6/1",
 * "(ĐCSVN) – Chiều 5/3".
 */
const LEAD_OUTLET = /^\(?\s*([\p{L}\d][\p{L}\d.+/ -]{0,38}?)\s*\)?\s*[-–—]+\s*(?=\p{L}|\d)/u;

/** Whether `token` looks like an outlet's name as pages write it at the start of a lead. */
export function looksLikeOutletToken(token: string): boolean {
  const t = token.trim();
  if (/^[\p{L}\d-]+(?:\.[a-z]{2,4}){1,3}$/iu.test(t)) return true; // a domain: Baoquangngai.vn
  if (t.length <= 14 && isUpperCaseLine(t) && wordCount(t) <= 2) return true; // TTXVN, ĐCSVN, VOV
  return false;
}

function isTrailer(line: string): boolean {
  return TRAILERS.has(foldVietnamese(line.replace(/[\s:.>»]+$/u, ''))) || WIDGET_START.test(line);
}

/** Words of a line, folded, for comparing two captions. */
function wordSet(line: string): Set<string> {
  return new Set(foldVietnamese(line).match(/[\p{L}\p{N}]+/gu) ?? []);
}

function nearDuplicate(a: string, b: string): boolean {
  if (wordCount(a) > 40 || wordCount(b) > 40) return false;
  const wa = wordSet(a);
  const wb = wordSet(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(wa.size, wb.size, 1) >= 0.8;
}

/** A name alone on a line at the end of an article: "Ngọc Thiện", "ÁI KIỀU", "Đức Thuận - Ban Tuyên giáo". */
function isBareName(line: string): boolean {
  const n = wordCount(line);
  if (n < 2 || n > 8 || TERMINAL.test(line)) return false;
  if (!/^[\p{L}\s,.-]+$/u.test(line)) return false;
  // The name itself (before any "- unit") is two to five capitalised words.
  const name = line.split(/\s+[-–—]\s+|,\s*/u)[0] ?? '';
  const words = name.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w));
}

/** An author as the page wrote it, made readable: capitals undone, "name - unit" as "name, unit". */
export function cleanAuthor(raw: string): string {
  return titleCaseName(raw.trim())
    .replace(/\s+[-–—]\s+/gu, ', ')
    .replace(/[.;,]+$/u, '')
    .trim();
}

function isCaption(line: string): boolean {
  if (PHOTO_CREDIT.test(line) && /ảnh\s*:/iu.test(line)) return true;
  if (/\(\s*ảnh minh họa\s*\)/iu.test(line)) return true;
  if (TERMINAL.test(line) || wordCount(line) >= 40) return false;
  return CAPTION_START.test(line) || CAPTION_VERB.test(line);
}

/**
 * Takes an article's normalised lines apart. See {@link CleanArticle} for what comes out; nothing of
 * the article's own text is changed, only moved out of the body when it is a leftover.
 */
export function cleanArticle(inputLines: readonly string[]): CleanArticle {
  const lines = inputLines.map((l) => l.trim()).filter((l) => l !== '' && !JUNK_LINE.test(l));
  const result: CleanArticle = {
    title: '',
    category: null,
    placeLines: [],
    publishedDate: null,
    blocks: [],
    captions: [],
    author: null,
    outletToken: null,
    creditOutlet: null,
    creditAuthor: null,
  };

  // 1. Everything from the first trailer on is the page, not the article (never the headline).
  const trailer = lines.findIndex((l, i) => i > 0 && isTrailer(l));
  const body = trailer === -1 ? lines : lines.slice(0, trailer);

  // 2. The publication date line, near the top.
  const dateAt = body.slice(0, 6).findIndex((l) => readDateLine(l) !== null);
  if (dateAt !== -1) {
    result.publishedDate = readDateLine(body[dateAt] ?? '');
    body.splice(dateAt, 1);
  }

  // 3. Byline and source lines at the end, read from the last line up.
  for (let guard = 0; guard < 3 && body.length > 1; guard++) {
    const last = body[body.length - 1] ?? '';
    const byline = BYLINE.exec(last);
    const source = SOURCE_LINE.exec(last);
    if (byline?.[1] !== undefined) {
      result.author ??= cleanAuthor(byline[1]);
    } else if (source !== null && wordCount(source[1] ?? source[2] ?? '') <= 8) {
      result.outletToken ??= (source[1] ?? source[2] ?? '').trim();
    } else if (isBareName(last) && TERMINAL.test(body[body.length - 2] ?? '')) {
      result.author ??= cleanAuthor(last);
    } else break;
    body.pop();
  }

  // 4. Headline, with the category line above it and place lines below it.
  let at = 0;
  const first = body[0] ?? '';
  const second = body[1] ?? '';
  if (
    wordCount(first) <= 4 &&
    !TERMINAL.test(first) &&
    wordCount(second) > wordCount(first) &&
    wordCount(second) <= 40
  ) {
    result.category = first;
    at = 1;
  }
  result.title = (body[at] ?? '').replace(/\s*[.]$/u, '');
  at++;
  while (at < body.length && wordCount(body[at] ?? '') <= 4 && !TERMINAL.test(body[at] ?? '')) {
    result.placeLines.push(body[at] ?? '');
    at++;
  }

  // 5. The body: captions out (a caption repeated as the photo's alt text goes with its twin), the
  // outlet at the start of the lead out, short unpunctuated lines as subheadings.
  const rest = body.slice(at);
  const caption = rest.map((l) => isCaption(l));
  for (let i = 0; i + 1 < rest.length; i++) {
    if (nearDuplicate(rest[i] ?? '', rest[i + 1] ?? '')) {
      caption[i] = true;
      caption[i + 1] = true;
    }
  }
  let paragraphs = 0;
  rest.forEach((line, i) => {
    if (caption[i]) {
      result.captions.push(line);
      const credit = PHOTO_CREDIT.exec(line)?.[1];
      if (credit !== undefined && credit !== '') {
        const [who, outlet] = credit.split('/').map((s) => s.trim());
        if (who) result.creditAuthor ??= cleanAuthor(who);
        if (outlet) result.creditOutlet ??= outlet;
      }
      return;
    }
    let text = line;
    if (paragraphs < 3) {
      const lead = LEAD_OUTLET.exec(text);
      if (lead?.[1] !== undefined && looksLikeOutletToken(lead[1])) {
        result.outletToken ??= lead[1].trim();
        text = text.slice(lead[0].length);
      }
    }
    const heading =
      !TERMINAL.test(text) && wordCount(text) <= 20 && i + 1 < rest.length && !/^[-+•*]\s/u.test(text);
    result.blocks.push({ kind: heading ? 'heading' : 'paragraph', text });
    if (!heading) paragraphs++;
  });
  return result;
}
