/**
 * Facts a news page's frontmatter needs, read from a cleaned article: the outlet, the locality, the
 * kind of event, suggested topics and the event date. Each reader says what it found and why, so the
 * draft can tell the editor what to check; none of them guesses when the text does not say.
 */
import type { EventKind } from '../content/document-types.ts';
import type { TaxonomyEntry } from '../content/taxonomy.ts';
import { foldVietnamese } from '../content/text.ts';
import { foldKeepCase } from './raw-text.ts';
import { completeYear, findTextDates, isoDay, mostNamedYear, reviewYearOf } from './vietnamese-dates.ts';

/**
 * Outlets that pages name by an abbreviation or a domain, with the name a reader knows. Keys are
 * compared folded and in capitals, so "Dangcongsan.vn" and "DANGCONGSAN.VN" are one key.
 */
const KNOWN_OUTLETS: ReadonlyArray<readonly [readonly string[], string]> = [
  [['TTXVN', 'TTXVN/VIETNAM+', 'BAOTINTUC.VN'], 'TTXVN'],
  [['VIETNAMPLUS', 'VIETNAMPLUS.VN', 'VIETNAM+'], 'VietnamPlus (TTXVN)'],
  [['ĐCSVN', 'DANGCONGSAN.VN', 'DANGCONGSAN.ORG.VN'], 'Báo Điện tử Đảng Cộng sản Việt Nam'],
  [['CHINHPHU.VN', 'BAOCHINHPHU.VN', 'VGP'], 'Báo Điện tử Chính phủ'],
  [['NHANDAN.VN', 'NDĐT', 'NHÂN DÂN'], 'Báo Nhân Dân'],
  [['QĐND', 'QDND.VN'], 'Báo Quân đội nhân dân'],
  [['VOV', 'VOV.VN'], 'VOV'],
  [['VTV', 'VTV.VN'], 'VTV'],
  [['XAYDUNGDANG.ORG.VN', 'TCXDĐ'], 'Tạp chí Xây dựng Đảng'],
  [['TAPCHICONGSAN.ORG.VN', 'TCCS'], 'Tạp chí Cộng sản'],
  [['TUOITRE.VN'], 'Báo Tuổi Trẻ'],
  [['THANHNIEN.VN'], 'Báo Thanh Niên'],
];

function outletKey(s: string): string {
  return foldKeepCase(s).toUpperCase().replace(/\s+/g, ' ').trim();
}

const OUTLET_BY_KEY = new Map<string, string>(
  KNOWN_OUTLETS.flatMap(([keys, name]) => keys.map((k) => [outletKey(k), name] as const)),
);

/** The outlet and, for a provincial paper, the province it belongs to. */
export interface Outlet {
  name: string;
  /** Locality id of a provincial newspaper (Báo Quảng Ngãi → quang-ngai). */
  locality: string | null;
}

/**
 * The outlet a page names by abbreviation or domain, as readers know it: "TTXVN" → TTXVN,
 * "Baoquangngai.vn" → Báo Quảng Ngãi (the domain of a provincial paper is "bao" and the province's
 * name without marks), "Dangcongsan.vn" → Báo Điện tử Đảng Cộng sản Việt Nam. An outlet not known
 * is kept as the page wrote it.
 */
export function outletFromToken(token: string, localities: readonly TaxonomyEntry[]): Outlet {
  const key = outletKey(token);
  const known = OUTLET_BY_KEY.get(key);
  if (known !== undefined) return { name: known, locality: null };
  const domain = /^BAO([A-Z]+)\.(?:VN|COM\.VN|ORG\.VN)$/.exec(key.replace(/-/g, ''));
  if (domain?.[1] !== undefined) {
    const province = localities.find((l) => outletKey(l.label).replace(/[^A-Z]/g, '') === domain[1]);
    if (province !== undefined) return { name: `Báo ${province.label}`, locality: province.id };
  }
  const name = token.trim();
  return {
    name: /\.[a-z]{2,4}$/i.test(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name,
    locality: null,
  };
}

/** How a locality was chosen. */
export interface LocalityFinding {
  /** The locality id, or null when the text names none or names several without saying which. */
  id: string | null;
  /** Every locality the text names, in order of first mention. */
  named: string[];
  /** Why `id` was chosen (or not), in Vietnamese, for the draft's notes. */
  reason: string;
}

/** Other ways texts write a province's name than its label. */
const LOCALITY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'ho-chi-minh': ['TP Hồ Chí Minh', 'TP. Hồ Chí Minh', 'TP.HCM', 'TP HCM', 'TP. HCM', 'Hồ Chí Minh'],
  'ba-ria-vung-tau': ['Bà Rịa - Vũng Tàu', 'Bà Rịa-Vũng Tàu', 'Bà Rịa Vũng Tàu'],
  'thua-thien-hue': ['Thừa Thiên - Huế', 'Thừa Thiên-Huế'],
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Provinces (current and earlier names, as listed in dia-phuong.yaml) named in a text, each with
 * where it is first and how often. Names are matched capitalised and whole (folded, so "Thanh Hoá"
 * and "Thanh Hóa" are one name), the longest first: "Thừa Thiên Huế" is not also "Huế".
 */
export function namedLocalities(
  text: string,
  localities: readonly TaxonomyEntry[],
): Array<{ id: string; first: number; count: number }> {
  const folded = foldKeepCase(text).replace(/[–—]/g, '-');
  const names: Array<{ id: string; name: string }> = [];
  for (const l of localities) {
    for (const n of [l.label, ...(LOCALITY_ALIASES[l.id] ?? [])])
      names.push({ id: l.id, name: foldKeepCase(n).replace(/[–—]/g, '-') });
  }
  names.sort((a, b) => b.name.length - a.name.length);
  const taken: boolean[] = new Array(folded.length).fill(false);
  const found = new Map<string, { id: string; first: number; count: number }>();
  for (const { id, name } of names) {
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
      'gu',
    );
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      if (taken.slice(m.index, m.index + m[0].length).some(Boolean)) continue;
      taken.fill(true, m.index, m.index + m[0].length);
      const entry = found.get(id);
      if (entry === undefined) found.set(id, { id, first: m.index, count: 1 });
      else {
        entry.count++;
        entry.first = Math.min(entry.first, m.index);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.first - b.first);
}

/**
 * The locality of an article: the one province it names; among several, the one named in the
 * headline, then the one where the event is held ("tại …"), then a place line under the headline;
 * when the text names none, the province of a provincial newspaper reporting its own province's
 * committee ("Tỉnh ủy", "tỉnh") without naming it. Otherwise none: the editor chooses.
 */
export function findLocality(
  parts: { title: string; placeLines: readonly string[]; text: string; outletLocality: string | null },
  localities: readonly TaxonomyEntry[],
): LocalityFinding {
  const all = namedLocalities([parts.title, ...parts.placeLines, parts.text].join('\n'), localities);
  const named = all.map((l) => l.id);
  const label = (id: string) => localities.find((l) => l.id === id)?.label ?? id;
  if (all.length === 1 && all[0] !== undefined) {
    return { id: all[0].id, named, reason: `bài chỉ nêu một địa phương: ${label(all[0].id)}.` };
  }
  if (all.length > 1) {
    const inTitle = namedLocalities(parts.title, localities);
    if (inTitle.length === 1 && inTitle[0] !== undefined)
      return { id: inTitle[0].id, named, reason: `tên bài nêu ${label(inTitle[0].id)}.` };
    const at = all.filter((l) =>
      new RegExp(
        `tại\\s+(?:(?:tỉnh|thành phố|TP\\.?)\\s+)?${escapeRegExp(label(l.id)).replace(/ /g, '\\s+')}`,
        'iu',
      ).test(parts.text),
    );
    if (at.length === 1 && at[0] !== undefined)
      return { id: at[0].id, named, reason: `hội nghị diễn ra tại ${label(at[0].id)}.` };
    const place = namedLocalities(parts.placeLines.join('\n'), localities);
    if (place.length === 1 && place[0] !== undefined)
      return { id: place[0].id, named, reason: `dòng địa danh dưới tên bài nêu ${label(place[0].id)}.` };
    return {
      id: null,
      named,
      reason: `bài nêu nhiều địa phương (${named.map(label).join(', ')}); hãy chọn một nếu sự kiện thuộc về địa phương đó.`,
    };
  }
  if (parts.outletLocality !== null && /(?<![\p{L}])(?:tỉnh ủy|tỉnh uỷ|tỉnh)(?![\p{L}])/iu.test(parts.text)) {
    return {
      id: parts.outletLocality,
      named,
      reason: `bài không nêu tên tỉnh; báo của tỉnh (${label(parts.outletLocality)}) đưa tin về Tỉnh ủy của tỉnh mình.`,
    };
  }
  return { id: null, named, reason: 'bài không nêu tên tỉnh, thành phố nào.' };
}

/** Phrases that name each kind of event, strongest first within a kind. */
const EVENT_KIND_WORDS: ReadonlyArray<readonly [EventKind, RegExp]> = [
  ['tong-ket', /tổng kết/iu],
  ['so-ket', /sơ kết/iu],
  ['giao-ban', /giao ban/iu],
  ['trien-khai', /triển khai|quán triệt|học tập,? quán triệt/iu],
  ['chuyen-de', /chuyên đề|hội thảo|tọa đàm|toạ đàm/iu],
];

/**
 * The kind of event: the name of the conference first ("Hội nghị tổng kết…", "Hội nghị giao
 * ban…"), then the headline, then the lead; "khac" when none says.
 */
export function findEventKind(title: string, lead: string, text: string): EventKind {
  const conference = /hội nghị\s+(tổng kết|sơ kết|giao ban|triển khai|quán triệt|chuyên đề)/iu.exec(text);
  if (conference?.[1] !== undefined) {
    const named = EVENT_KIND_WORDS.find(([, re]) => re.test(conference[1] ?? ''));
    if (named !== undefined) return named[0];
  }
  for (const part of [title, lead]) {
    const hit = EVENT_KIND_WORDS.find(([, re]) => re.test(part));
    if (hit !== undefined) return hit[0];
  }
  return 'khac';
}

/**
 * Words that suggest each topic of chu-de.yaml. Only ids present in the taxonomy are suggested, so a
 * topic removed from the list is never written.
 */
const TOPIC_WORDS: Readonly<Record<string, readonly string[]>> = {
  'xay-dung-chinh-don-dang': [
    'chỉnh đốn đảng',
    'tự diễn biến',
    'tự chuyển hóa',
    'suy thoái',
    'xây dựng đảng về chính trị',
  ],
  'to-chuc-bo-may': ['tổ chức bộ máy', 'biên chế', 'tinh giản', 'sắp xếp, kiện toàn', 'vị trí việc làm'],
  'cong-tac-can-bo': [
    'công tác cán bộ',
    'quy hoạch cán bộ',
    'bổ nhiệm',
    'luân chuyển',
    'phiếu tín nhiệm',
    'đội ngũ cán bộ',
  ],
  'to-chuc-co-so-dang': ['tổ chức cơ sở đảng', 'chi bộ', 'đảng bộ cơ sở'],
  'dang-vien': [
    'đảng viên mới',
    'kết nạp',
    'chất lượng đảng viên',
    'đảng viên chính thức',
    'phát triển đảng viên',
    'quản lý đảng viên',
  ],
  'phuong-thuc-lanh-dao': ['phương thức lãnh đạo', 'đổi mới phương thức'],
  'dieu-le-dang': ['điều lệ đảng'],
  'kiem-tra-giam-sat': [
    'kiểm tra, giám sát',
    'kiểm tra giám sát',
    'kỷ luật đảng',
    'kiểm soát quyền lực',
    'xử lý kỷ luật',
  ],
  'don-vi-su-nghiep': ['đơn vị sự nghiệp công lập'],
  'dan-so': ['công tác dân số', 'dân số'],
  'cong-tac-to-chuc': ['công tác tổ chức xây dựng đảng', 'ngành tổ chức', 'ban tổ chức'],
  'nong-nghiep-nong-thon': ['nông nghiệp, nông dân, nông thôn', 'nông thôn mới', 'tam nông'],
};

/**
 * Topics to suggest: those whose words the text uses at least twice (or once in the headline),
 * most-used first, at most five. A suggestion for the editor to confirm, never final.
 */
export function suggestTopics(title: string, text: string, topics: readonly TaxonomyEntry[]): string[] {
  const body = foldVietnamese(text);
  const head = foldVietnamese(title);
  const scored: Array<{ id: string; score: number }> = [];
  for (const t of topics) {
    const words = TOPIC_WORDS[t.id] ?? [foldVietnamese(t.label)];
    let score = 0;
    for (const w of words) {
      const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(foldVietnamese(w))}(?![\\p{L}])`, 'gu');
      score += body.match(re)?.length ?? 0;
      score += 2 * (head.match(re)?.length ?? 0);
    }
    if (score >= 2) scored.push({ id: t.id, score });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map((s) => s.id);
}

/** An event date and how it was read. */
export interface EventDateFinding {
  /** `YYYY-MM-DD`, or null when the text dates no event. */
  date: string | null;
  /** Why, in Vietnamese, for the draft's notes. */
  reason: string;
}

/**
 * When the event took place: the first date in the body introduced by a time of day or "ngày" that
 * is not the date of a cited document ("Quyết định số 865-QĐ/TU, ngày 18/1/2019"); dates introduced
 * by a time of day ("Sáng 6/1") come first. A missing year is completed by {@link completeYear}.
 */
export function findEventDate(
  text: string,
  publishedDate: string | null,
  codeSpans: ReadonlyArray<{ end: number }>,
): EventDateFinding {
  const afterCode = (start: number) =>
    codeSpans.some((c) => c.end <= start && /^[\s,(]*$/u.test(text.slice(c.end, start)));
  const dates = findTextDates(text).filter((d) => !afterCode(d.start));
  const chosen = dates.find((d) => d.timeOfDay !== undefined) ?? dates[0];
  if (chosen === undefined) return { date: null, reason: 'bài không ghi ngày diễn ra sự kiện.' };
  const written = text.slice(chosen.start, chosen.end);
  if (chosen.year !== undefined) {
    return { date: isoDay(chosen.year, chosen.month, chosen.day), reason: `bài ghi "${written}".` };
  }
  const reviewYear = reviewYearOf(text);
  const namedYear = mostNamedYear(text);
  const year = completeYear(chosen.day, chosen.month, { publishedDate, reviewYear, namedYear });
  if (year === null) return { date: null, reason: `bài ghi "${written}" nhưng không cho biết năm.` };
  const why =
    publishedDate !== null
      ? `năm lấy theo ngày đăng bài (${publishedDate})`
      : reviewYear !== null
        ? `hội nghị tổng kết năm ${reviewYear} và bàn nhiệm vụ năm ${reviewYear + 1}, nên năm là ${year}`
        : `năm ${year} là năm bài nhắc nhiều nhất`;
  const date = isoDay(year, chosen.month, chosen.day);
  if (date === null)
    return { date: null, reason: `bài ghi "${written}", không phải một ngày có thật trong năm ${year}.` };
  return { date, reason: `bài ghi "${written}"; ${why}.` };
}
