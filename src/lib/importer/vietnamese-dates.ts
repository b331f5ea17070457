/**
 * Dates as Vietnamese news pages and documents write them. Two questions are asked of a text:
 * - Is this line a date line (the publication date a page prints above or below its title)? Every
 *   usual form is read: "Thứ Bảy, ngày 10 tháng 6 năm 2023", "01:01, 06/01/2023", "Ngày 24-06-2019",
 *   "Thứ năm - 04/07/2019 15:06", "Cập nhật: 06/01/2023 09:15 (GMT+7)", "2023-01-06".
 * - Where does running text date an event? "Ngày 22/6, hội nghị…", "Sáng 6/1", "sáng ngày 03/7/2019",
 *   "chiều 18 tháng 1". A day and month without a year is completed by {@link completeYear}.
 */

/** `YYYY-MM-DD` of a valid day, or null ("31/2" is not a day). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1930 || year > 2100) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** One date written in a line: numeric (06/01/2023, 24-06-2019, 4.7.2019), in words or ISO. */
const DATE_TOKEN = new RegExp(
  [
    '(?<!\\d)(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d)',
    '(?<![\\p{L}\\d])ngày\\s*(\\d{1,2})\\s*tháng\\s*(\\d{1,2})\\s*,?\\s*năm\\s*(\\d{4})(?!\\d)',
    '(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)',
  ].join('|'),
  'iu',
);

/** What may stand around the date in a date line: weekday, time, time zone, labels, separators. */
const DATE_LINE_FILLER = new RegExp(
  [
    '(?:thứ\\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\\s*nhật|cn|t[2-7])(?![\\p{L}])',
    '\\d{1,2}\\s*[:h]\\s*\\d{2}(?:\\s*:\\s*\\d{2})?(?:\\s*(?:am|pm|sa|ch))?(?![\\p{L}\\d])',
    '\\(?\\s*gmt\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?\\s*\\)?',
    '(?:cập\\s*nhật|đăng\\s*(?:ngày|lúc|tải)?|ngày\\s*đăng|ngày\\s*cập\\s*nhật|thời\\s*gian|xuất\\s*bản|lúc|ngày|giờ)(?![\\p{L}])',
    '[\\s,|:;()\\-–—/.]+',
  ].join('|'),
  'giu',
);

function isoOfToken(m: RegExpExecArray): string | null {
  if (m[1] !== undefined) return isoDay(Number(m[4]), Number(m[3]), Number(m[1]));
  if (m[5] !== undefined) return isoDay(Number(m[7]), Number(m[6]), Number(m[5]));
  return isoDay(Number(m[8]), Number(m[9]), Number(m[10]));
}

/**
 * The date of a line that is only a date (with weekday, time, "Cập nhật", separators around it),
 * as `YYYY-MM-DD`; null for any other line, including a sentence that merely contains a date.
 */
export function readDateLine(line: string): string | null {
  if (line.length > 80) return null;
  const m = DATE_TOKEN.exec(line);
  if (m === null) return null;
  const iso = isoOfToken(m);
  if (iso === null) return null;
  const rest = `${line.slice(0, m.index)} ${line.slice(m.index + m[0].length)}`.replace(DATE_LINE_FILLER, '');
  return rest.trim() === '' ? iso : null;
}

/** A date found in running text, maybe without a year. */
export interface TextDate {
  /** Offset of the match in the text. */
  start: number;
  /** Offset just past it. */
  end: number;
  day: number;
  month: number;
  /** The year when written. */
  year?: number;
  /** "sáng", "chiều"… when the date is introduced by a time of day: a strong sign it dates an event. */
  timeOfDay?: string;
}

const EVENT_DATE = new RegExp(
  '(?<![\\p{L}\\d])(?:(sáng|chiều|tối|trưa|đêm)\\s+(?:nay\\s*)?\\(?\\s*(?:ngày\\s+)?|(ngày)\\s+)' +
    '(?:(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?(?![\\d/.-]\\d)' +
    '|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s*(?:,\\s*|\\s+)năm\\s+(\\d{4}))?)(?!\\d)',
  'giu',
);

/**
 * Dates in running text introduced by a time of day or "ngày" ("Sáng 6/1", "Ngày 22/6", "sáng ngày
 * 03/7/2019", "ngày 18 tháng 1 năm 2019"), in order. Bare numbers such as "80/105" or "1/7" (a
 * fraction) are never read as dates.
 */
export function findTextDates(text: string): TextDate[] {
  const out: TextDate[] = [];
  EVENT_DATE.lastIndex = 0;
  for (let m = EVENT_DATE.exec(text); m !== null; m = EVENT_DATE.exec(text)) {
    const day = Number(m[3] ?? m[6]);
    const month = Number(m[4] ?? m[7]);
    const yearText = m[5] ?? m[8];
    const year = yearText === undefined ? undefined : Number(yearText);
    // A date must exist; a year-less one is checked against a leap year so 29/2 stays possible.
    if (isoDay(year ?? 2024, month, day) === null) continue;
    const found: TextDate = { start: m.index, end: m.index + m[0].length, day, month };
    if (year !== undefined) found.year = year;
    if (m[1] !== undefined) found.timeOfDay = m[1].toLowerCase();
    out.push(found);
  }
  return out;
}

/**
 * The year of a day and month written without one, from what the article says:
 * - with a publication date, the latest such day on or before it (an article reports what happened;
 *   "28/12" in a paper of 2/1/2024 is 28/12/2023);
 * - otherwise from a review conference: one that reviews year X and sets the tasks of X+1 is held at
 *   the turn of the year, so it is X for a day in October–December and X+1 for any other;
 * - otherwise the year the text names most often as "năm YYYY" (ties: the later).
 * Null when none of these gives a year.
 */
export function completeYear(
  day: number,
  month: number,
  context: { publishedDate?: string | null; reviewYear?: number | null; namedYear?: number | null },
): number | null {
  const published = context.publishedDate ?? null;
  if (published !== null) {
    const [y, m, d] = published.split('-').map(Number) as [number, number, number];
    return month < m || (month === m && day <= d) ? y : y - 1;
  }
  if (context.reviewYear != null) return month >= 10 ? context.reviewYear : context.reviewYear + 1;
  return context.namedYear ?? null;
}

/**
 * Year X of "tổng kết … năm X … (nhiệm vụ|phương hướng|kế hoạch) … năm X+1": a conference that
 * reviews one year and plans the next. Null when the text does not say so.
 */
export function reviewYearOf(text: string): number | null {
  const review = /tổng kết[^.;]{0,120}?năm\s+((?:19|20)\d\d)/giu;
  for (let m = review.exec(text); m !== null; m = review.exec(text)) {
    const x = Number(m[1]);
    const plan = new RegExp(
      `năm\\s+${x}[^.;]{0,80}?(?:triển khai|nhiệm vụ|phương hướng)[^.;]{0,80}?năm\\s+${x + 1}(?!\\d)`,
      'iu',
    );
    if (plan.test(text)) return x;
  }
  return null;
}

/**
 * The year the text names most often as "năm YYYY" (ties go to the later year), leaving out targets
 * and periods ("đến năm 2030", "giai đoạn", "nhiệm kỳ"). Null when it names none.
 */
export function mostNamedYear(text: string): number | null {
  const counts = new Map<number, number>();
  const re = /(?<![\p{L}])(đến|tới|từ|giai đoạn|nhiệm kỳ)?\s*năm\s+((?:19|20)\d\d)(?!\d)/giu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] !== undefined) continue;
    const y = Number(m[2]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = c;
    }
  }
  return best;
}
