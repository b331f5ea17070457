/**
 * The benchmark's synthetic corpus: N content pages (documents and news in a 40/60 mix) written the
 * way Sổ tay's editors write them — frontmatter valid for `src/content.config.ts`, Vietnamese
 * paragraphs under `##` sections, GFM tables, lists, footnotes, and many mentions of other pages'
 * codes in the spellings real text uses (21-NQ/TƯ, 21/NQ-TW, "Nghị quyết số 21", lists, "Chỉ thị 35
 * của Bộ Chính trị"), plus codes no page has.
 *
 * Pure and deterministic: the same options give the same files, byte for byte (seeded PRNG, no
 * clock, no file system). `write-corpus.ts` puts the result on disk.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { stringify } from 'yaml';
import { documentName } from '../../src/lib/content/catalog.ts';
import { formatDate, parsePartialDate } from '../../src/lib/content/dates.ts';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentStatus,
  type DocumentType,
  EVENT_KINDS,
  type EventKind,
  RELATION_KINDS,
  type RelationKind,
} from '../../src/lib/content/document-types.ts';
import { DOCUMENTS_DIR, NEWS_DIR } from '../../src/lib/content/paths.ts';
import type { TaxonomyEntry } from '../../src/lib/content/taxonomy.ts';
import { parseCode } from '../../src/lib/graph/code-parser.ts';
import { documentId } from '../../src/lib/graph/document-registry.ts';
import * as V from './vocabulary.ts';

/**
 * Bump whenever the generated text changes, so `npm run bench` regenerates a cached corpus instead
 * of measuring an old one.
 */
export const GENERATOR_VERSION = 2;

/** Share of documents among the pages; the rest are news. */
export const DOCUMENT_SHARE = 0.4;

/**
 * One page in this many uses a real MDX component (src/components/Note.astro), so the benchmark
 * measures the mixed case: most pages rendered by the content loader, a few compiled by MDX.
 */
export const COMPONENT_EVERY = 50;

/** The taxonomy lists the corpus files its pages under (read from `content/data/`). */
export interface CorpusTaxonomies {
  issuers: TaxonomyEntry[];
  topics: TaxonomyEntry[];
  localities: TaxonomyEntry[];
}

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  /** Number of content pages (documents + news). */
  pages: number;
  /** PRNG seed; the same seed gives the same corpus. */
  seed?: number;
  taxonomies: CorpusTaxonomies;
  /**
   * How a page imports src/components/Note.astro, relative to its folder
   * (`../../../src/components/Note.astro`). Without it no page uses a component.
   */
  noteImport?: string;
}

/** One file of the corpus, relative to the corpus root. */
export interface CorpusFile {
  /** `van-ban/21-nq-tw-2017.mdx`, `tin/….mdx`. */
  path: string;
  text: string;
}

/** An issuer the corpus adds to `co-quan.yaml`: a provincial Party committee. */
export interface ExtraIssuer {
  id: string;
  label: string;
  level: 'dia-phuong';
  locality: string;
}

/** A generated document's identity, for tests and for the mentions of other pages. */
export interface PlannedDocument {
  id: string;
  code: string;
  type: DocumentType;
  issuer: string;
  date: string;
  term?: string;
  locality?: string;
}

/** What {@link generateCorpus} returns. */
export interface Corpus {
  files: CorpusFile[];
  /** Local Party committees to append to `co-quan.yaml` (those the data lacks). */
  extraIssuers: ExtraIssuer[];
  documents: PlannedDocument[];
  newsCount: number;
  /** Codes written in the text that no page of the corpus has. */
  unknownCodes: string[];
}

// ---------------------------------------------------------------------------------------------
// Random choices

interface Random {
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items (fewer if the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[];
  /** A key chosen with the given weights. */
  weighted<K extends string>(weights: Record<K, number>): K;
}

function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick() from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  return {
    int,
    chance: (p) => int(0, 9999) < p * 10000,
    pick,
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < count && pool.length > 0) out.push(...pool.splice(int(0, pool.length - 1), 1));
      return out;
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = int(0, Math.round(total * 1000) - 1) / 1000;
      for (const [key, w] of entries) {
        if (r < w) return key;
        r -= w;
      }
      return entries[entries.length - 1]?.[0] as never;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Issuers and numbering

/** How a central issuer writes its codes and which types it issues. */
interface IssuerKind {
  /** Issuer part of the code: TW, BTCTW, CP, TU. */
  codeIssuer: string;
  types: DocumentType[];
  /** Largest gap between consecutive numbers of one series (documents not in the corpus). */
  step: number;
  /** Share of documents. */
  weight: number;
}

const CENTRAL_ISSUERS: Record<string, IssuerKind> = {
  'ban-chap-hanh-trung-uong': {
    codeIssuer: 'TW',
    types: ['nghi-quyet', 'ket-luan', 'quy-dinh'],
    step: 2,
    weight: 6,
  },
  'bo-chinh-tri': {
    codeIssuer: 'TW',
    types: ['nghi-quyet', 'ket-luan', 'chi-thi', 'quy-dinh', 'quyet-dinh', 'thong-bao'],
    step: 3,
    weight: 12,
  },
  'ban-bi-thu': {
    codeIssuer: 'TW',
    types: ['chi-thi', 'ket-luan', 'quy-dinh', 'quyet-dinh', 'thong-bao'],
    step: 3,
    weight: 10,
  },
  'ban-to-chuc-trung-uong': {
    codeIssuer: 'BTCTW',
    types: ['huong-dan', 'quyet-dinh', 'thong-bao', 'ke-hoach'],
    step: 6,
    weight: 8,
  },
  'van-phong-trung-uong': { codeIssuer: 'VPTW', types: ['huong-dan', 'thong-bao'], step: 6, weight: 3 },
  'uy-ban-kiem-tra-trung-uong': {
    codeIssuer: 'UBKTTW',
    types: ['huong-dan', 'quyet-dinh', 'thong-bao', 'ke-hoach'],
    step: 6,
    weight: 5,
  },
  'chinh-phu': { codeIssuer: 'CP', types: ['nghi-dinh'], step: 4, weight: 9 },
};

const LOCAL_KIND: IssuerKind = {
  codeIssuer: 'TU',
  types: [
    'nghi-quyet',
    'ket-luan',
    'chi-thi',
    'quy-dinh',
    'quyet-dinh',
    'huong-dan',
    'thong-bao',
    'ke-hoach',
  ],
  step: 25,
  weight: 47,
};

/** Central Committee terms (khóa) by year, simplified to whole years. */
function termOf(year: number): string {
  if (year < 2011) return 'X';
  if (year < 2016) return 'XI';
  if (year < 2021) return 'XII';
  if (year < 2026) return 'XIII';
  return 'XIV';
}

/** Abbreviation in a code: Quy định are numbered QĐi from 2018 on. */
function abbrFor(type: DocumentType, year: number): string {
  if (type === 'quy-dinh' && year >= 2018) return 'QĐi';
  return DOCUMENT_TYPES[type].abbr;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Text

/** Everything a sentence template may need, with the random source. */
interface Writer {
  rnd: Random;
  places: string[];
  subjects: readonly string[];
}

function personName(rnd: Random): string {
  return `${rnd.pick(V.FAMILY_NAMES)} ${rnd.pick(V.MIDDLE_NAMES)} ${rnd.pick(V.GIVEN_NAMES)}`;
}

function fillSlots(template: string, w: Writer, year: number): string {
  const { rnd } = w;
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'noi':
        return rnd.pick(w.places);
      case 'so':
        return String(rnd.int(3, 1800));
      case 'so2':
        return String(rnd.int(2, 950));
      case 'ty_le':
        return `${rnd.int(60, 99)},${rnd.int(0, 9)}%`;
      case 'nam':
        return String(year);
      case 'nguoi':
        return personName(rnd);
      case 'chu_de':
        return rnd.pick(w.subjects);
      case 'xa':
        return `${rnd.pick(V.PLACE_SYLLABLES)} ${rnd.pick(V.PLACE_SYLLABLES)}`;
      case 'dan_toc':
        return rnd.pick(V.ETHNIC_GROUPS);
      case 'nhiem_ky': {
        const start = rnd.pick([2010, 2015, 2020, 2025]);
        return `${start} - ${start + 5}`;
      }
      default:
        throw new Error(`Ô trống không biết: {${slot}}`);
    }
  });
}

function sentence(w: Writer, year: number): string {
  if (w.rnd.chance(0.5)) return fillSlots(w.rnd.pick(V.SENTENCES), w, year);
  // Composed: actor + action + subject + complement.
  const parts = [
    w.rnd.pick(V.ACTORS),
    w.rnd.pick(V.ACTIONS),
    w.rnd.pick(w.subjects),
    w.rnd.pick(V.COMPLEMENTS),
  ];
  return `${fillSlots(parts.join(' '), w, year)}.`;
}

function paragraph(w: Writer, year: number, extra: string[] = []): string {
  const parts = Array.from({ length: w.rnd.int(3, 6) }, () => sentence(w, year));
  for (const e of extra) parts.splice(w.rnd.int(0, parts.length), 0, e);
  return parts.join(' ');
}

function bulletList(w: Writer): string {
  const ordered = w.rnd.chance(0.3);
  return w.rnd
    .sample(V.BULLETS, w.rnd.int(3, 6))
    .map(
      (b, i) =>
        `${ordered ? `${i + 1}.` : '-'} ${b}${w.rnd.chance(0.3) ? ` (${w.rnd.pick(w.places)})` : ''}.`,
    )
    .join('\n');
}

function resultTable(w: Writer, year: number): string {
  const years = [year - 2, year - 1, year].filter((y) => y >= 2008);
  const rows = w.rnd.sample(V.INDICATORS, w.rnd.int(3, 6));
  const head = `| Chỉ tiêu | ${years.map((y) => `Năm ${y}`).join(' | ')} |`;
  const rule = `| --- | ${years.map(() => '---:').join(' | ')} |`;
  const body = rows.map((r) => `| ${r} | ${years.map(() => String(w.rnd.int(12, 4800))).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** A mentioned document's code written one of the ways real text writes it. */
function spell(code: string, rnd: Random): string {
  const c = parseCode(code);
  if (c === null || c.system === 'state') return code;
  const { number, abbr, issuer } = c;
  switch (rnd.weighted({ canonical: 50, tu: 10, slip: 8, spaced: 8, lower: 6, dless: 8, dash: 10 })) {
    case 'tu':
      return issuer === 'TW' ? `${number}-${abbr}/TƯ` : code;
    case 'slip':
      return `${number}/${abbr}-${issuer}`;
    case 'spaced':
      return `${number} - ${abbr}/${issuer}`;
    case 'lower':
      return `${number}-${abbr.toLowerCase()}/${issuer.toLowerCase()}`;
    case 'dless':
      return code.replace(/Đ/g, 'D');
    case 'dash':
      return `${number}–${abbr}/${issuer}`;
    default:
      return code;
  }
}

/** "ngày 25/10/2017", "tháng 10/2017", "năm 2017". */
function dateWords(date: string): string {
  const d = parsePartialDate(date);
  if (d?.day !== undefined) return `ngày ${formatDate(date)}`;
  if (d?.month !== undefined) return `tháng ${formatDate(date)}`;
  return `năm ${formatDate(date)}`;
}

// ---------------------------------------------------------------------------------------------
// The corpus

interface PlanItem extends PlannedDocument {
  kind: IssuerKind;
  year: number;
  abbr: string;
  title: string;
}

/**
 * Generates the corpus. Throws if the taxonomies lack what the generator needs (at least one of the
 * central issuers it knows, topics and current localities).
 */
export function generateCorpus(options: CorpusOptions): Corpus {
  const { pages, taxonomies } = options;
  if (!Number.isInteger(pages) || pages < 1)
    throw new Error(`Số trang phải là số nguyên dương (nhận ${pages}).`);
  const rnd = createRandom(options.seed ?? 20_250_701);
  const topicIds = taxonomies.topics.map((t) => t.id);
  const current = taxonomies.localities.filter((l) => l.status === 'hien-hanh');
  const earlier = taxonomies.localities.filter((l) => l.status === 'truoc-sap-xep');
  const localityLabel = new Map(taxonomies.localities.map((l) => [l.id, l.label]));
  const issuerLabel = new Map(taxonomies.issuers.map((i) => [i.id, i.label]));
  const central = Object.entries(CENTRAL_ISSUERS).filter(([id]) => issuerLabel.has(id));
  if (central.length === 0 || topicIds.length === 0 || current.length === 0) {
    throw new Error(
      'content/data thiếu cơ quan trung ương, chủ đề hoặc địa phương hiện hành để sinh dữ liệu đo.',
    );
  }

  // One provincial Party committee per current locality, reusing any the data already has.
  const localIssuers = new Map<string, string>();
  for (const i of taxonomies.issuers) {
    if (i.level === 'dia-phuong' && typeof i.locality === 'string') localIssuers.set(i.locality, i.id);
  }
  const extraIssuers: ExtraIssuer[] = [];
  for (const l of current) {
    if (localIssuers.has(l.id)) continue;
    const id = `tinh-uy-${l.id}`;
    const label = `${l.kind === 'thanh-pho' ? 'Thành ủy' : 'Tỉnh ủy'} ${l.label}`;
    extraIssuers.push({ id, label, level: 'dia-phuong', locality: l.id });
    localIssuers.set(l.id, id);
    issuerLabel.set(id, label);
  }
  const places = [...current, ...earlier].map((l) => l.label);
  const w: Writer = { rnd, places, subjects: V.TITLE_SUBJECTS };

  // 1. Plan the documents: issuer, type, date; then number each series in date order.
  const docCount = Math.round(pages * DOCUMENT_SHARE);
  const issuerWeights: Record<string, number> = { local: LOCAL_KIND.weight };
  for (const [id, k] of central) issuerWeights[id] = k.weight;
  const drafts = Array.from({ length: docCount }, () => {
    const who = rnd.weighted(issuerWeights);
    const localityId = who === 'local' ? rnd.pick(current).id : undefined;
    const issuer = localityId ? (localIssuers.get(localityId) as string) : who;
    const kind = localityId ? LOCAL_KIND : (CENTRAL_ISSUERS[who] as IssuerKind);
    const type = rnd.pick(kind.types);
    const year = rnd.int(2010, 2026);
    const month = rnd.int(1, 12);
    const precision = rnd.weighted({ day: 90, month: 6, year: 4 });
    const date =
      precision === 'year'
        ? String(year)
        : precision === 'month'
          ? `${year}-${pad2(month)}`
          : `${year}-${pad2(month)}-${pad2(rnd.int(1, 28))}`;
    return { issuer, kind, type, year, month, date, localityId };
  });
  drafts.sort((a, b) => a.year - b.year || a.month - b.month || a.date.localeCompare(b.date));

  const counters = new Map<string, number>();
  const usedIds = new Set<string>();
  const plan: PlanItem[] = drafts.map((d) => {
    const abbr = abbrFor(d.type, d.year);
    const system = DOCUMENT_TYPES[d.type].system;
    // Party numbers restart each term, state numbers each year; one series per issuer and letters.
    const series = `${d.kind.codeIssuer}|${d.localityId ?? ''}|${abbr}|${system === 'state' ? d.year : termOf(d.year)}`;
    const number = (counters.get(series) ?? 0) + rnd.int(1, d.kind.step);
    counters.set(series, number);
    const code =
      system === 'state'
        ? `${number}/${d.year}/${abbr}-${d.kind.codeIssuer}`
        : `${pad2(number)}-${abbr}/${d.kind.codeIssuer}`;
    // Provincial committees share "TU": the locality tells same-year namesakes apart.
    let id = documentId(code, d.date);
    if (usedIds.has(id) && d.localityId) id = `${id}-${d.localityId}`;
    for (let k = 2; usedIds.has(id); k++) id = `${documentId(code, d.date)}-${k}`;
    usedIds.add(id);
    const title = capitalise(`${rnd.pick(V.TITLE_OPENINGS)} ${rnd.pick(V.TITLE_SUBJECTS)}`);
    const item: PlanItem = {
      id,
      code,
      type: d.type,
      issuer: d.issuer,
      date: d.date,
      kind: d.kind,
      year: d.year,
      abbr,
      title,
    };
    if (system === 'party') item.term = termOf(d.year);
    if (d.localityId) item.locality = d.localityId;
    return item;
  });

  const known = new Set(plan.map((p) => p.code));
  // Party documents of one series (same letters, issuer and term), for list mentions.
  const seriesKey = (p: PlanItem) => `${p.abbr}|${p.kind.codeIssuer}|${p.locality ?? ''}|${p.term ?? p.year}`;
  const seriesOf = Map.groupBy(plan, seriesKey);
  const byCode = Map.groupBy(plan, (p) => p.code);
  const unknownCodes = new Set<string>();

  /** A code in a familiar shape that no page has: a far-off number, or a kind Sổ tay has no type for. */
  const unknownCode = (year: number): string => {
    for (;;) {
      const shape = rnd.weighted({ party: 3, program: 2, circular: 1 });
      const code =
        shape === 'party'
          ? `${rnd.int(700, 999)}-${rnd.pick(['NQ', 'KH', 'HD', 'CT'])}/${rnd.pick(['TW', 'TU', 'BTCTW'])}`
          : shape === 'program'
            ? `${pad2(rnd.int(1, 99))}-${rnd.pick(['CTr', 'ĐA', 'BC'])}/TU`
            : `${pad2(rnd.int(1, 40))}/${year}/TT-${rnd.pick(['BNV', 'BTC', 'BLĐTBXH'])}`;
      if (!known.has(code)) {
        unknownCodes.add(code);
        return code;
      }
    }
  };

  /** Sentences mentioning other documents, in the spellings real text uses. */
  const mentionSentences = (self: PlanItem | undefined, year: number): string[] => {
    const out: string[] = [];
    // Text mostly cites documents issued before it: draw from those up to the page's year.
    const upto = Math.max(1, plan.findLastIndex((p) => p.year <= year) + 1);
    const targets = Array.from(
      { length: rnd.int(1, 5) },
      () => plan[rnd.int(0, upto - 1)] as PlanItem,
    ).filter((t, i, all) => t !== self && all.indexOf(t) === i);
    for (const t of targets) {
      const typeLabel = DOCUMENT_TYPES[t.type].label;
      const issuer = issuerLabel.get(t.issuer) ?? t.issuer;
      const shape = rnd.weighted({ full: 45, bare: 15, paren: 10, shortAfter: 15, issuerPhrase: 8, list: 7 });
      const spelled = spell(t.code, rnd);
      const number = parseCode(t.code)?.number ?? '';
      const then = lowerFirst(sentence(w, year));
      if (shape === 'full') {
        out.push(
          `Thực hiện ${typeLabel} số ${spelled} ${dateWords(t.date)} của ${issuer} ${lowerFirst(t.title)}, ${then}`,
        );
      } else if (shape === 'bare') {
        out.push(`Theo ${spelled}, ${then}`);
      } else if (shape === 'paren') {
        out.push(
          `Các nội dung đã được cụ thể hóa trong ${typeLabel.toLowerCase()} của ${issuer} (${spelled}).`,
        );
      } else if (shape === 'shortAfter') {
        // The full code first, then a short mention the linker settles from the page's context.
        out.push(`${typeLabel} số ${spelled} ${dateWords(t.date)} đặt ra yêu cầu mới.`);
        out.push(`Sau khi ${typeLabel.toLowerCase()} số ${number} được ban hành, ${then}`);
      } else if (shape === 'issuerPhrase' && t.issuer === 'bo-chinh-tri') {
        out.push(`${typeLabel} ${number} của Bộ Chính trị được các cấp ủy quán triệt nghiêm túc.`);
      } else if (shape === 'list') {
        // "Nghị quyết số 18, 19-NQ/TW": the bare number shares the code of the next item.
        const sibling = rnd.pick(seriesOf.get(seriesKey(t)) ?? [t]);
        if (sibling !== t) {
          const n2 = parseCode(sibling.code)?.number ?? '';
          out.push(
            `Các ${typeLabel.toLowerCase()} số ${number}, ${n2}-${t.abbr}/${t.kind.codeIssuer} được triển khai đồng bộ.`,
          );
        } else out.push(`Thực hiện ${typeLabel} số ${spelled}, ${then}`);
      } else {
        out.push(`Theo ${typeLabel.toLowerCase()} số ${spelled}, ${then}`);
      }
    }
    if (rnd.chance(0.35)) {
      out.push(
        `Các đơn vị đã xây dựng kế hoạch theo văn bản số ${unknownCode(year)} và báo cáo kết quả đúng hạn.`,
      );
    }
    return out;
  };

  const footnoteDefs = (count: number): string[] =>
    Array.from({ length: count }, (_, i) => {
      const outlet = rnd.pick(V.OUTLETS);
      return `[^${i + 1}]: Theo ${outlet.name}, số ra ngày ${rnd.int(1, 28)}/${rnd.int(1, 12)}/${rnd.int(2010, 2026)}.`;
    });

  const sources = (year: number) =>
    Array.from({ length: rnd.int(1, 3) }, (_, i) => {
      const outlet = rnd.pick(V.OUTLETS);
      return {
        title: capitalise(`${rnd.pick(V.TITLE_OPENINGS)} ${rnd.pick(V.TITLE_SUBJECTS)}`),
        outlet: outlet.name,
        url: `https://${outlet.host}/bai-viet/${year}/${rnd.int(10_000, 99_999)}-${i}.html`,
        date: `${year}-${pad2(rnd.int(1, 12))}-${pad2(rnd.int(1, 28))}`,
      };
    });

  /** The MDX body: sections with paragraphs, a list, maybe a table and footnotes. */
  const body = (
    self: PlanItem | undefined,
    year: number,
    sectionTitles: readonly string[],
    long: boolean,
  ): string => {
    const blocks: string[] = [];
    const mentions = mentionSentences(self, year);
    blocks.push(paragraph(w, year, mentions.splice(0, 2)));
    const sectionCount = long ? rnd.int(6, 9) : rnd.int(2, 4);
    const titles = rnd.sample(sectionTitles, sectionCount);
    let footnotes = 0;
    titles.forEach((title, s) => {
      blocks.push(`## ${title}`);
      const paras = rnd.int(1, long ? 3 : 2);
      for (let p = 0; p < paras; p++) {
        const extra = mentions.length > 0 && rnd.chance(0.6) ? [mentions.shift() as string] : [];
        let text = paragraph(w, year, extra);
        if (rnd.chance(0.15)) {
          footnotes++;
          text += `[^${footnotes}]`;
        }
        blocks.push(text);
      }
      if (s === 0 || rnd.chance(0.35)) blocks.push(bulletList(w));
      if (rnd.chance(long ? 0.35 : 0.15)) blocks.push(resultTable(w, year));
      if (long && rnd.chance(0.5)) {
        blocks.push(`### ${rnd.pick(V.SUB_SECTIONS)}`);
        blocks.push(paragraph(w, year));
      }
    });
    if (mentions.length > 0) blocks.push(paragraph(w, year, mentions));
    blocks.push(...footnoteDefs(footnotes));
    return blocks.join('\n\n');
  };

  const frontmatter = (data: Record<string, unknown>) => `---\n${stringify(data, { lineWidth: 0 })}---\n`;

  /**
   * The page's text; every {@link COMPONENT_EVERY}th page (by position, so the random choices of
   * all other pages stay as they were) imports the Note component and wraps its first paragraph.
   */
  const withNote = (head: string, text: string, position: number): string => {
    if (options.noteImport === undefined || position % COMPONENT_EVERY !== COMPONENT_EVERY - 1)
      return `${head}\n${text}\n`;
    const [first = '', ...rest] = text.split('\n\n');
    const note = `<Note title="Ghi chú">\n${first}\n</Note>`;
    return `${head}\nimport Note from '${options.noteImport}';\n\n${[note, ...rest].join('\n\n')}\n`;
  };
  const files: CorpusFile[] = [];

  // 2. Document pages.
  const featuredTypes = new Set<DocumentType>();
  plan.forEach((p, i) => {
    const data: Record<string, unknown> = {
      code: p.code,
      type: p.type,
      title: p.title,
      issuer: p.issuer,
      date: p.date,
    };
    if (rnd.chance(0.7)) data.signer = { name: personName(rnd), role: rnd.pick(V.SIGNER_ROLES) };
    if (p.term) data.term = p.term;
    data.status = rnd.pick(Object.keys(DOCUMENT_STATUSES) as DocumentStatus[]);
    data.topics = rnd.sample(topicIds, rnd.int(1, 3));
    if (p.locality) data.locality = p.locality;
    const earlierDocs = plan.slice(Math.max(0, i - 200), i);
    if (earlierDocs.length > 0 && rnd.chance(0.3)) {
      data.relations = rnd.sample(earlierDocs, rnd.int(1, 2)).map((t) => ({
        kind: rnd.pick(Object.keys(RELATION_KINDS) as RelationKind[]),
        code: t.code,
        date: t.date,
      }));
    }
    data.sources = sources(p.year);
    data.summary = `${documentName(p)} ${lowerFirst(p.title)}. ${sentence(w, p.year)}`;
    if (!featuredTypes.has(p.type) && rnd.chance(0.2)) {
      featuredTypes.add(p.type);
      data.featured = true;
    }
    // A code shared by documents of several terms: the author pins one of them.
    const namesakes = byCode.get(p.code) ?? [];
    if (namesakes.length > 1 && rnd.chance(0.3))
      data.codeChoices = { [p.code]: (namesakes[0] as PlanItem).date };
    const text = withNote(
      frontmatter(data),
      body(p, p.year, V.DOCUMENT_SECTIONS, rnd.chance(0.15)),
      files.length,
    );
    files.push({ path: `${DOCUMENTS_DIR}/${p.id}.mdx`, text: text.normalize('NFC') });
  });

  // 3. News pages.
  const newsCount = pages - docCount;
  const newsIds = new Set<string>();
  for (let n = 0; n < newsCount; n++) {
    const year = rnd.int(2010, 2026);
    const month = rnd.int(1, 12);
    const day = rnd.int(1, 27);
    const eventDate = `${year}-${pad2(month)}-${pad2(day)}`;
    const beforeMerger = year < 2025 || (year === 2025 && month < 7);
    const place =
      beforeMerger && earlier.length > 0 && rnd.chance(0.3) ? rnd.pick(earlier) : rnd.pick(current);
    const subject = rnd.pick(plan.length > 0 ? plan : [undefined]);
    const title = rnd
      .pick(V.HEADLINES)
      .replace('{nam}', String(year))
      .replace('{noi}', localityLabel.get(place.id) ?? place.label)
      .replace('{van_ban}', subject ? documentName(subject) : 'nghị quyết của cấp ủy')
      .replace('{vung}', rnd.pick(V.REGIONS))
      .replace('{chu_de}', rnd.pick(V.TITLE_SUBJECTS))
      .replace('{nam_tong_ket}', String(rnd.int(3, 15)));
    const outlet = rnd.pick(V.OUTLETS);
    const data: Record<string, unknown> = {
      title,
      eventDate,
      publishedDate: `${year}-${pad2(month)}-${pad2(day + rnd.int(0, 1))}`,
      outlet: outlet.name,
    };
    if (rnd.chance(0.5)) data.author = personName(rnd);
    if (rnd.chance(0.8)) data.locality = place.id;
    data.eventKind = rnd.pick(Object.keys(EVENT_KINDS) as EventKind[]);
    data.topics = rnd.sample(topicIds, rnd.int(1, 2));
    data.sources = sources(year);
    data.summary = `${paragraph(w, year).split('. ')[0]}.`.replace(/\.\.$/, '.');
    const baseId = `${year}-${pad2(month)}-${pad2(day)}-${rnd.pick(['hoi-nghi', 'tin', 'giao-ban', 'so-ket', 'tong-ket'])}-${place.id}`;
    let id = baseId;
    for (let k = 2; newsIds.has(id); k++) id = `${baseId}-${k}`;
    newsIds.add(id);
    const text = withNote(
      frontmatter(data),
      body(undefined, year, V.NEWS_SECTIONS, rnd.chance(0.1)),
      files.length,
    );
    files.push({ path: `${NEWS_DIR}/${id}.mdx`, text: text.normalize('NFC') });
  }

  const documents: PlannedDocument[] = plan.map(({ id, code, type, issuer, date, term, locality }) => {
    const d: PlannedDocument = { id, code, type, issuer, date };
    if (term) d.term = term;
    if (locality) d.locality = locality;
    return d;
  });
  return { files, extraIssuers, documents, newsCount, unknownCodes: [...unknownCodes].sort() };
}
