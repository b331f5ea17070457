/**
 * Partial dates. A source often gives only a year ("năm 2019") or a month ("tháng 6/2022") for a
 * document, so dates are stored as ISO-like strings of three precisions — `YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD` — and shown the Vietnamese way: `dd/mm/yyyy`, `mm/yyyy` or `yyyy`.
 */

/** A parsed partial date. `month` and `day` are 1-based and present only when known. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Returns `null` for anything else, including dates that
 * do not exist (`2023-02-30`).
 */
export function parsePartialDate(s: string): PartialDate | null {
  const m = ISO_PARTIAL.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Normalises what YAML frontmatter gives for a date — a string, a bare year number, or a JS `Date`
 * (YAML turns an unquoted `2022-06-16` into one) — into a partial-date string, or `null` if it is
 * not a valid date.
 */
export function toPartialDateString(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
  if (typeof value !== 'string') return null;
  return parsePartialDate(value) ? value.trim() : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Formats a partial date for readers: `16/06/2022`, `06/2022` or `2022`. */
export function formatDate(d: PartialDate | string): string {
  const p = typeof d === 'string' ? parsePartialDate(d) : d;
  if (!p) return typeof d === 'string' ? d : '';
  if (p.month === undefined) return String(p.year);
  if (p.day === undefined) return `${pad(p.month)}/${p.year}`;
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** Machine-readable value for `<time datetime>`: the stored string itself is valid HTML. */
export function isoDate(d: PartialDate): string {
  if (d.month === undefined) return String(d.year);
  if (d.day === undefined) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/**
 * Orders partial dates oldest first. A less precise date sorts before the precise dates it covers
 * (`2022` < `2022-01` < `2022-01-01`), so "newest first" lists put exact dates above vague ones.
 */
export function comparePartialDates(a: PartialDate | string, b: PartialDate | string): number {
  const pa = typeof a === 'string' ? parsePartialDate(a) : a;
  const pb = typeof b === 'string' ? parsePartialDate(b) : b;
  if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0);
  return pa.year - pb.year || (pa.month ?? 0) - (pb.month ?? 0) || (pa.day ?? 0) - (pb.day ?? 0);
}

/**
 * Whether partial date `a` could be the same day as `b`: equal where both are known. Used to match
 * a mention "21-NQ/TW ngày 16/6/2022" against a document dated `2022-06-16`, or one dated `2022`.
 */
export function partialDatesOverlap(a: PartialDate | string, b: PartialDate | string): boolean {
  const pa = typeof a === 'string' ? parsePartialDate(a) : a;
  const pb = typeof b === 'string' ? parsePartialDate(b) : b;
  if (!pa || !pb) return false;
  if (pa.year !== pb.year) return false;
  if (pa.month === undefined || pb.month === undefined) return true;
  if (pa.month !== pb.month) return false;
  return pa.day === undefined || pb.day === undefined || pa.day === pb.day;
}

/** Formats a full timestamp (e.g. a file's last change) as `dd/mm/yyyy` in Vietnam's time zone. */
export function formatTimestamp(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);
  return parts;
}
