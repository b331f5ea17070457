import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPONENT_EVERY, DOCUMENT_SHARE, generateCorpus } from '../../scripts/bench/corpus.ts';
import { parseDuration, parseIndexLine, parsePhases } from '../../scripts/bench/measure-build.ts';
import { checkDocumentFileNames } from '../../src/lib/checks/content-checks.ts';
import { type ContentFile, parseContentText } from '../../src/lib/content/content-files.ts';
import { parsePartialDate, toPartialDateString } from '../../src/lib/content/dates.ts';
import {
  DOCUMENT_STATUSES,
  EVENT_KINDS,
  typesForAbbreviation,
} from '../../src/lib/content/document-types.ts';
import { readTaxonomies } from '../../src/lib/content/taxonomy-fs.ts';
import { parseCode } from '../../src/lib/graph/code-parser.ts';
import { findMentions } from '../../src/lib/graph/mention-scanner.ts';
import { indexSummary } from '../../src/lib/search/index-builder-fs.ts';

const taxonomies = readTaxonomies(path.resolve('content'));
const corpus = generateCorpus({ pages: 400, seed: 7, taxonomies });
const files: ContentFile[] = corpus.files.map((f) => {
  const { data, body, bodyLine } = parseContentText(f.path, f.text);
  const [dir, name] = f.path.split('/');
  return {
    file: f.path,
    relative: f.path,
    collection: dir === 'van-ban' ? 'documents' : 'news',
    id: (name ?? '').replace(/\.mdx$/, ''),
    raw: f.text,
    data,
    body,
    bodyLine,
  };
});
const docs = files.filter((f) => f.collection === 'documents');
const news = files.filter((f) => f.collection === 'news');
const ids = (list: { id: string }[]) => new Set(list.map((e) => e.id));
const issuerIds = new Set([...ids(taxonomies.issuers), ...ids(corpus.extraIssuers)]);
const topicIds = ids(taxonomies.topics);
const localityIds = ids(taxonomies.localities);
const date = (v: unknown) => toPartialDateString(v);

describe('benchmark corpus generator', () => {
  it('writes exactly the pages asked for, 40 % documents and 60 % news, each with a unique path', () => {
    expect(corpus.files).toHaveLength(400);
    expect(docs).toHaveLength(Math.round(400 * DOCUMENT_SHARE));
    expect(news).toHaveLength(400 - docs.length);
    expect(new Set(corpus.files.map((f) => f.path)).size).toBe(400);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateCorpus({ pages: 400, seed: 7, taxonomies });
    expect(again.files).toEqual(corpus.files);
    const other = generateCorpus({ pages: 400, seed: 8, taxonomies });
    expect(other.files.map((f) => f.text)).not.toEqual(corpus.files.map((f) => f.text));
  });

  it('gives documents frontmatter the schema accepts: code fits type, known ids, valid dates, sources', () => {
    for (const f of docs) {
      const d = f.data;
      const code = parseCode(String(d.code));
      expect(code?.canonical, f.file).toBe(d.code);
      expect(typesForAbbreviation(code?.abbr ?? ''), f.file).toContain(d.type);
      expect(issuerIds.has(String(d.issuer)), `${f.file} issuer ${d.issuer}`).toBe(true);
      expect(date(d.date), f.file).not.toBeNull();
      expect(Object.keys(DOCUMENT_STATUSES)).toContain(d.status);
      for (const t of d.topics as string[]) expect(topicIds.has(t), f.file).toBe(true);
      if (d.locality !== undefined) expect(localityIds.has(String(d.locality)), f.file).toBe(true);
      if (d.term !== undefined) expect(d.term).toMatch(/^[IVXLC]+$/);
      for (const r of (d.relations as { code: string; date: unknown }[] | undefined) ?? []) {
        expect(parseCode(r.code)).not.toBeNull();
        expect(date(r.date)).not.toBeNull();
      }
      expect(String(d.title).length).toBeGreaterThan(0);
      expect(String(d.summary).length).toBeGreaterThan(0);
    }
  });

  it('gives news frontmatter the schema accepts', () => {
    for (const f of news) {
      const d = f.data;
      expect(date(d.eventDate), f.file).not.toBeNull();
      expect(date(d.publishedDate), f.file).not.toBeNull();
      expect(Object.keys(EVENT_KINDS)).toContain(d.eventKind);
      if (d.locality !== undefined) expect(localityIds.has(String(d.locality)), f.file).toBe(true);
      for (const t of d.topics as string[]) expect(topicIds.has(t), f.file).toBe(true);
      expect(String(d.summary).length).toBeGreaterThan(0);
    }
  });

  it('cites at least one https source on every page', () => {
    for (const f of files) {
      const sources = f.data.sources as { url: string; title: string; outlet: string }[];
      expect(sources.length, f.file).toBeGreaterThan(0);
      for (const s of sources) expect(new URL(s.url).protocol).toBe('https:');
    }
  });

  it('names document files by code and year, as `npm run check` expects', () => {
    expect(checkDocumentFileNames({ files: docs, taxonomies, root: 'corpus' })).toEqual([]);
  });

  it('stores NFC text with nothing MDX would read as code ({, }, <)', () => {
    for (const f of files) {
      expect(f.raw.normalize('NFC') === f.raw, f.file).toBe(true);
      expect(f.body, f.file).not.toMatch(/[{}<]/);
    }
  });

  it('makes one page in fifty use the Note component when told how pages import it, the rest unchanged', () => {
    const noteImport = '../../../src/components/Note.astro';
    const mixed = generateCorpus({ pages: 400, seed: 7, taxonomies, noteImport });
    const using = mixed.files.filter((f) => f.text.includes('<Note'));
    expect(using).toHaveLength(400 / COMPONENT_EVERY);
    for (const f of using) {
      expect(f.text).toContain(`import Note from '${noteImport}';`);
      expect(f.text).toMatch(/<Note title="Ghi chú">\n[^\n]+\n<\/Note>/);
    }
    const others = mixed.files.filter((f) => !f.text.includes('<Note'));
    expect(others.map((f) => f.text)).toEqual(
      corpus.files.filter((f) => others.some((o) => o.path === f.path)).map((f) => f.text),
    );
  });

  it('writes bodies with sections, tables, lists and footnotes, and some long pages for a table of contents', () => {
    const bodies = files.map((f) => f.body);
    expect(bodies.every((b) => /^## /m.test(b))).toBe(true);
    expect(bodies.filter((b) => /^\| --- \|/m.test(b)).length).toBeGreaterThan(20);
    expect(bodies.filter((b) => /^(?:-|\d+\.) /m.test(b)).length).toBe(files.length);
    expect(bodies.filter((b) => /^\[\^1\]: /m.test(b)).length).toBeGreaterThan(20);
    expect(bodies.filter((b) => (b.match(/^## /gm) ?? []).length >= 6).length).toBeGreaterThan(10);
  });

  it('reuses codes across terms, as Party numbering restarts each term', () => {
    const termsByCode = new Map<string, Set<string>>();
    for (const d of corpus.documents) {
      if (d.term) termsByCode.set(d.code, (termsByCode.get(d.code) ?? new Set()).add(d.term));
    }
    expect([...termsByCode.values()].filter((terms) => terms.size > 1).length).toBeGreaterThan(5);
  });

  it("mentions other pages' codes in several spellings and short forms, and some unknown codes", () => {
    const known = new Set(corpus.documents.map((d) => d.code));
    const mentions = files.flatMap((f) => findMentions(f.body));
    const toKnown = mentions.filter((m) => m.code && known.has(m.code.canonical));
    expect(toKnown.length).toBeGreaterThan(files.length);
    // Spellings other than the canonical one still resolve to a corpus code.
    expect(
      toKnown.filter((m) => m.resolvedBy === 'full' && m.text !== m.code?.canonical).length,
    ).toBeGreaterThan(50);
    expect(toKnown.filter((m) => m.resolvedBy === 'context').length).toBeGreaterThan(20);
    expect(toKnown.filter((m) => m.resolvedBy === 'list').length).toBeGreaterThan(5);
    expect(mentions.filter((m) => m.resolvedBy === 'issuer-phrase').length).toBeGreaterThan(0);
    expect(corpus.unknownCodes.length).toBeGreaterThan(20);
    for (const code of corpus.unknownCodes) expect(known.has(code)).toBe(false);
    const text = files.map((f) => f.body).join('\n');
    expect(corpus.unknownCodes.filter((c) => text.includes(c))).toEqual(corpus.unknownCodes);
  });

  it('dates documents from 2010 to 2026', () => {
    const years = corpus.documents.map((d) => parsePartialDate(d.date)?.year ?? 0);
    expect(Math.min(...years)).toBe(2010);
    expect(Math.max(...years)).toBe(2026);
  });
});

describe('build log parsing', () => {
  const log = [
    '01:24:33 [types] Generated 1.12s',
    '01:24:33 [build] Collecting build info...',
    '01:24:33 [build] ✓ Completed in 1.24s.',
    '01:24:33 [build] Building static entrypoints...',
    '01:28:55 [vite] ✓ built in 27.05s',
    '01:28:55 [vite] ✓ built in 27ms',
    '01:28:55 [build] Rearranging server assets...',
    ' generating static routes ',
    '01:27:25 ✓ Completed in 2m 33s.',
    '01:29:00 [build] ✓ Completed in 32.59s.',
    '01:24:43 [so-tay:pagefind] Đã lập chỉ mục tìm kiếm 357 trang trong 0.9 s.',
  ].join('\n');

  it('reads the Pagefind step from the integration log line', () => {
    expect(parseIndexLine(log)).toEqual({ pages: 357, seconds: 0.9 });
    const withFiles = '[so-tay:pagefind] Đã lập chỉ mục tìm kiếm 60 trang (trong 214 tệp HTML) trong 1.0 s.';
    expect(parseIndexLine(withFiles)).toEqual({ pages: 60, seconds: 1 });
    expect(parseIndexLine('[build] Complete!')).toBeNull();
  });

  it('reads back the line the indexer prints, whatever the numbers', () => {
    const line = indexSummary({ pages: 5000, files: 5701, prepared: 0, seconds: 21.46 });
    expect(parseIndexLine(`[so-tay:pagefind] ${line}`)).toEqual({ pages: 5000, seconds: 21.5 });
    // With the pages whose copies were made while Astro rendered them.
    const prepared = indexSummary({ pages: 5000, files: 5701, prepared: 4990, seconds: 21.46 });
    expect(parseIndexLine(`[so-tay:pagefind] ${prepared}`)).toEqual({ pages: 5000, seconds: 21.5 });
    // The hand-over message of `npm run build` carries no figures and must not be read as any.
    expect(parseIndexLine('[so-tay:pagefind] Chỉ mục tìm kiếm sẽ được lập sau khi Astro thoát.')).toBeNull();
  });

  it("reads Astro's phase timings: types, collecting, bundling (MDX compile) and rendering", () => {
    expect(parsePhases(log)).toEqual({ types: 1.12, collect: 1.24, bundle: 27.05, render: 153 });
  });

  it('reads the duration formats Astro prints', () => {
    expect(parseDuration('27.05s')).toBe(27.05);
    expect(parseDuration('27ms')).toBe(0.027);
    expect(parseDuration('2m 33s')).toBe(153);
    expect(parseDuration('soon')).toBeNull();
  });
});
