/**
 * Search against a real index: builds the fictional fixture site with the real configuration, loads
 * its Pagefind bundle in Node and runs queries through the same engine the search page uses. Checks
 * which pages come back, and in what order, for each rule of the search design. The site is built by
 * a plain `astro build`, so this also shows that the integration's hook indexes a site built without
 * `npm run build`.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTaxonomies } from '../../src/lib/content/taxonomy-fs.ts';
import { foldVietnamese } from '../../src/lib/content/text.ts';
import { startEarlyCopies } from '../../src/lib/search/early-copies-fs.ts';
import { createSearchEngine, type SearchEngine, type SearchOutcome } from '../../src/lib/search/engine.ts';
import { facetLabels } from '../../src/lib/search/facets.ts';
import { buildSearchIndex } from '../../src/lib/search/index-builder-fs.ts';
import { prepareQuery } from '../../src/lib/search/query.ts';
import type { ResultView } from '../../src/lib/search/results.ts';
import { emptyFilters, type SearchState } from '../../src/lib/search/state.ts';
import { buildSite } from '../helpers/build.ts';
import { type NodePagefind, openPagefind } from '../helpers/pagefind-node.ts';

const CONTENT = 'tests/fixtures/search-site';
const SITE = 'tests/.tmp/search-integration';

let api: NodePagefind;
let engine: SearchEngine;

beforeAll(async () => {
  await buildSite({ contentDir: CONTENT, outDir: SITE, command: 'astro build' });
  api = await openPagefind(`${SITE}/pagefind`);
  engine = createSearchEngine(api, { labels: facetLabels(readTaxonomies(CONTENT)) });
});

afterAll(async () => {
  await api?.destroy();
});

function state(q: string, change: Partial<SearchState> = {}): SearchState {
  return { q, filters: emptyFilters(), sort: 'relevance', ...change };
}

async function search(q: string, change: Partial<SearchState> = {}): Promise<SearchOutcome> {
  const outcome = await engine.run(state(q, change));
  if (outcome === null) throw new Error('a search run alone is never superseded');
  return outcome;
}

async function views(outcome: SearchOutcome): Promise<ResultView[]> {
  return Promise.all(outcome.hits.map((h) => h.view()));
}

/** Result pages as short names: "van-ban/9021-nq-tw-2023". */
async function pages(q: string, change: Partial<SearchState> = {}): Promise<string[]> {
  return (await views(await search(q, change))).map((v) => v.url.replace(/^\/|\/$/g, ''));
}

const NQ_2023 = 'van-ban/9021-nq-tw-2023';
const NQ_2018 = 'van-ban/9021-nq-tw-2018';

describe('unmarked queries find what marked queries find', () => {
  it('"dang vien" ≡ "đảng viên": the same pages; unmarked spellings in the same order', async () => {
    const marked = await pages('đảng viên');
    const plain = await pages('dang vien');
    expect(plain.length).toBeGreaterThanOrEqual(5);
    expect([...plain].sort()).toEqual([...marked].sort());
    for (const q of ['Dang Vien', 'DANG VIEN', '  dang   vien ']) expect(await pages(q)).toEqual(plain);
  });

  it('"Dang uy" ≡ "Đảng ủy" and "QD" ≡ "QĐ"', async () => {
    const uy = await pages('Đảng ủy');
    expect(uy).toContain('van-ban/9865-qd-tu-2020');
    expect([...(await pages('Dang uy'))].sort()).toEqual([...uy].sort());
    const qd = await pages('QĐ');
    expect(qd).toEqual(expect.arrayContaining(['van-ban/9865-qd-tu-2020', 'van-ban/9008-qd-tw-2016']));
    expect([...(await pages('QD'))].sort()).toEqual([...qd].sort());
  });

  it('a fully marked query puts the pages with exactly those marks first', async () => {
    // "đang" (in progress) is on three pages; "dang" also finds đảng, dạng.
    const dang = await pages('đang');
    expect(dang.length).toBeGreaterThan(3);
    expect(dang.slice(0, 3).sort()).toEqual(
      ['tin/hoi-nghi-giao-ban-dong-thu', 'tin/hoi-nghi-so-ket-nui-thu', 'van-ban/9035-ct-tw-2021'].sort(),
    );
    expect((await pages('dạng'))[0]).toBe('van-ban/9012-hd-vptw-2022');
    expect([...(await pages('dạng'))].sort()).toEqual([...dang].sort());
  });

  it('finds exact marks from the result texts too, as it does for very common words', async () => {
    // Forces the path used when a second search over every result would cost too much.
    const frugal = createSearchEngine(api, {
      labels: facetLabels(readTaxonomies(CONTENT)),
      exactSearchLimit: 0,
    });
    const outcome = await frugal.run(state('đang'));
    const found = (await views(outcome as SearchOutcome)).map((v) => v.url.replace(/^\/|\/$/g, ''));
    expect(found.slice(0, 3).sort()).toEqual(
      ['tin/hoi-nghi-giao-ban-dong-thu', 'tin/hoi-nghi-so-ket-nui-thu', 'van-ban/9035-ct-tw-2021'].sort(),
    );
  });
});

describe('typing', () => {
  it('skips a search that a newer one replaced before it started', async () => {
    const older = engine.run(state('đảng'));
    const newer = engine.run(state('đảng viên'));
    expect(await older).toBeNull();
    expect((await newer)?.hits.length).toBeGreaterThan(0);
  });

  it('does not count filters for a search a newer one replaced, and counts the newer one', async () => {
    const older = await search('đảng');
    const newer = engine.run(state('đảng viên'));
    expect(await older.counts()).toBeNull();
    expect((await (await newer)?.counts())?.loai).toMatchObject({ 'nghi-quyet': 2, 'quy-dinh': 1, tin: 1 });
  });
});

describe('no result comes from a guess', () => {
  it('drops what Pagefind returns through its longest-prefix fallback and names the word', async () => {
    // Pagefind itself answers "đăngký" with pages about đảng/đang…
    const raw = await api.search(prepareQuery('đăngký'));
    expect(raw?.results.length).toBeGreaterThan(0);
    const outcome = await search('đăngký');
    expect(outcome.hits).toEqual([]);
    expect(outcome.unmatched).toEqual(['đăngký']);
  });

  it('drops results that ignore a word no page contains', async () => {
    const raw = await api.search(prepareQuery('Đảng qqq'));
    expect(raw?.results.length).toBeGreaterThan(0);
    const outcome = await search('Đảng qqq');
    expect(outcome.status).toBe('empty');
    expect(outcome.unmatched).toEqual(['qqq']);
  });

  it('keeps ordinary prefix matches while typing', async () => {
    expect(await pages('đảng vi')).toEqual(expect.arrayContaining([NQ_2018, NQ_2023]));
  });
});

describe('a document code in any spelling', () => {
  it.each(['9021-NQ/TW', '9021/NQ-TW', '9021 NQ TW', 'NQ 9021', 'nghị quyết 9021', 'nghi quyet so 9021'])(
    '%s: both documents with the code first, newest first, then the pages citing it',
    async (q) => {
      const outcome = await search(q);
      const found = (await views(outcome)).map((v) => v.url.replace(/^\/|\/$/g, ''));
      expect(found.slice(0, 2)).toEqual([NQ_2023, NQ_2018]);
      expect(outcome.codeMatches).toBe(2);
      // The conclusion names the code in its title and four times in its text, yet comes after.
      expect(found).toContain('van-ban/9050-kl-tw-2024');
    },
  );

  it('tells a Quy định from a Quyết định with the same number', async () => {
    expect((await pages('quy định 9008'))[0]).toBe('van-ban/9008-qdi-tw-2019');
    expect((await pages('quyết định 9008'))[0]).toBe('van-ban/9008-qd-tw-2016');
    // "QĐ" alone names both series: both, newest first.
    expect((await pages('QĐ 9008')).slice(0, 2)).toEqual([
      'van-ban/9008-qdi-tw-2019',
      'van-ban/9008-qd-tw-2016',
    ]);
  });

  it('finds a state code with or without its year', async () => {
    for (const q of ['NĐ 9030', 'nghị định 9030', '9030/2020/NĐ-CP']) {
      expect((await pages(q))[0]).toBe('van-ban/9030-2020-nd-cp-2020');
    }
  });

  it('says when no document has the code', async () => {
    const outcome = await search('nghị quyết 9999');
    expect(outcome.status).toBe('empty');
    expect(outcome.codeQuery).not.toBeNull();
  });
});

describe('only page content is searched and shown', () => {
  it.each([
    ['Xuyên', 'the signer, only in the metadata table'],
    ['Quỳnh Khôi', 'the outlet, only in the source list'],
    ['RSS', 'the footer'],
    ['thiếu', 'a footer link'],
  ])('%s (%s) finds nothing', async (q) => {
    expect(await pages(q)).toEqual([]);
  });

  it('returns document and news pages only, never listings', async () => {
    const found = await pages('đảng');
    expect(found.length).toBeGreaterThan(5);
    for (const p of found) expect(p).toMatch(/^(van-ban|tin)\/[^/]+$/);
  });

  it('shows excerpts of the text with the matched words marked, with real đ and no hidden data', async () => {
    const all = await views(await search('đảng'));
    for (const v of all) {
      const text = v.excerpt.map((p) => p.text).join('');
      expect(text).not.toMatch(/[\u1E0E\u1E0F]|so_hieu|nqtw|Quỳnh Khôi|Xuyên|Cập nhật|Bộ lọc|Trang chủ/);
      expect(v.title).not.toMatch(/[\u1E0E\u1E0F]/);
      // "đảng" also finds "đang" and "dạng" (folded alike, ranked after the exact spelling).
      const marks = v.excerpt.filter((p) => p.marked).map((p) => foldVietnamese(p.text));
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(m).toBe('dang');
    }
    const first = all.find((v) => v.url.includes('9865'));
    expect(first).toMatchObject({ typeLabel: 'Quyết định', code: '9865-QĐ/TU', dateLabel: '03/11/2020' });
  });
});

describe('filters and sorting', () => {
  it('combines values of one filter with OR and filters with AND', async () => {
    const nq = await pages('đảng viên', { filters: { ...emptyFilters(), loai: ['nghi-quyet'] } });
    expect([...nq].sort()).toEqual([NQ_2018, NQ_2023]);
    const nqOrQd = await pages('đảng viên', {
      filters: { ...emptyFilters(), loai: ['nghi-quyet', 'quy-dinh'] },
    });
    expect([...nqOrQd].sort()).toEqual(['van-ban/9008-qdi-tw-2019', NQ_2018, NQ_2023]);
    const and = await pages('đảng viên', {
      filters: { ...emptyFilters(), loai: ['nghi-quyet', 'quy-dinh'], nam: ['2023'] },
    });
    expect(and).toEqual([NQ_2023]);
  });

  it('counts what another value of a filter would add', async () => {
    const outcome = await search('đảng viên', { filters: { ...emptyFilters(), loai: ['nghi-quyet'] } });
    const counts = await outcome.counts();
    if (counts === null) throw new Error('no newer search replaced this one');
    expect(counts.loai).toMatchObject({ 'nghi-quyet': 2, 'quy-dinh': 1, tin: 1 });
    expect(counts.nam).toMatchObject({ '2018': 1, '2023': 1 });
    expect(counts.nam['2019'] ?? 0).toBe(0);
  });

  it('files a page of a merged province under the new one too', async () => {
    const found = await pages('', { filters: { ...emptyFilters(), 'dia-phuong': ['song-thu'] } });
    expect([...found].sort()).toEqual(['tin/hoi-nghi-so-ket-nui-thu', 'van-ban/9865-qd-tu-2020']);
  });

  it('browses with filters and no query, newest first', async () => {
    expect(await pages('', { filters: { ...emptyFilters(), nam: ['2024', '2025'] } })).toEqual([
      'tin/hoi-nghi-giao-ban-dong-thu',
      'van-ban/9050-kl-tw-2024',
      'tin/hoi-nghi-so-ket-nui-thu',
    ]);
    expect((await search('')).status).toBe('idle');
  });

  it('sorts by date either way', async () => {
    const dates = async (sort: SearchState['sort']) =>
      (await views(await search('đảng viên', { sort }))).map((v) => v.date ?? '');
    const newest = await dates('newest');
    expect(newest.length).toBeGreaterThan(3);
    expect(newest).toEqual([...newest].sort().reverse());
    expect(await dates('oldest')).toEqual([...newest].reverse());
  });

  it('suggests dropping the filters when only they exclude everything', async () => {
    const outcome = await search('dân vận', { filters: { ...emptyFilters(), loai: ['nghi-quyet'] } });
    expect(outcome.status).toBe('empty');
    expect(outcome.unmatched).toEqual([]);
    expect(outcome.withoutFilters).toBe(1);
  });
});

describe('a long page: the result links to the section where the words are', () => {
  // The guidance has some 560 words under twelve headings; 9021-NQ/TW of 2018 some 130 under two.
  const GUIDE = 'van-ban/9044-hd-vptw-2022';
  /** The guidance's result for `q`. */
  async function guide(q: string): Promise<ResultView> {
    const found = (await views(await search(q))).find((v) => v.url === `/${GUIDE}/`);
    if (found === undefined) throw new Error(`"${q}" did not find ${GUIDE}`);
    return found;
  }
  /** Ids of the headings of the built page. */
  const headingIds = () =>
    [...fs.readFileSync(`${SITE}/${GUIDE}/index.html`, 'utf8').matchAll(/<h[2-6][^>]*\sid="([^"]+)"/g)].map(
      (m) => m[1],
    );
  const marked = (v: ResultView) => v.excerpt.filter((p) => p.marked).map((p) => p.text.toLowerCase());

  it.each([
    ['kiểm điểm đánh giá xếp loại', '4. Tiêu chí xếp loại chất lượng', '4-tiêu-chí-xếp-loại-chất-lượng'],
    ['kiem diem danh gia xep loai', '4. Tiêu chí xếp loại chất lượng', '4-tiêu-chí-xếp-loại-chất-lượng'],
    ['thể thức trình bày', '5. Thể thức trình bày báo cáo', '5-thể-thức-trình-bày-báo-cáo'],
    ['lề trái', '5.2. Chữ và lề', '52-chữ-và-lề'],
  ])('%s → «%s», by its heading id, with the excerpt from there', async (q, heading, id) => {
    const view = await guide(q);
    expect(view.section?.heading).toBe(heading);
    expect(view.section?.url).toBe(`/${GUIDE}/#${encodeURIComponent(id)}`);
    // The anchor is a real heading of the page (the ids Sätteri gives headings).
    expect(headingIds()).toContain(id);
    expect(marked(view).length).toBeGreaterThan(0);
  });

  it('marks the section excerpt with the words the reader typed', async () => {
    const heading = await guide('thể thức trình bày');
    expect(marked(heading)).toContain('thể thức trình bày');
    // The section's own text is its heading alone (5.1 follows at once): the excerpt goes on below it.
    expect(heading.excerpt.map((p) => p.text).join('')).toMatch(
      /^5\. Thể thức trình bày báo cáo\. 5\.1\. Bố cục\. Báo cáo gồm ba phần/,
    );
    expect(marked(await guide('lề trái'))).toContain('lề trái');
  });

  it("links to the page's top when the words are best there, or when a code names the document", async () => {
    // "hằng năm" is in the title and summary; the sections have only "năm".
    expect((await guide('hằng năm')).section).toBeUndefined();
    expect((await guide('9044-HD/VPTW')).section).toBeUndefined();
    // A short page is linked at its top, though it has headings ("## Nhiệm vụ và giải pháp").
    const short = (await views(await search('đảng viên'))).find((v) => v.url === `/${NQ_2018}/`);
    expect(short?.excerpt.some((p) => p.marked)).toBe(true);
    expect(short?.section).toBeUndefined();
  });
});

describe('results before counts', () => {
  const opened: NodePagefind[] = [];
  afterAll(async () => {
    for (const own of opened) await own.destroy();
  });
  /** A Pagefind instance of its own over the same index, as a reader's first visit has. */
  async function firstVisit(name: string): Promise<{ own: NodePagefind; engine: SearchEngine }> {
    const own = await openPagefind(`${SITE}/pagefind`, { basePath: `/${name}/pagefind/` });
    opened.push(own);
    return { own, engine: createSearchEngine(own, { labels: facetLabels(readTaxonomies(CONTENT)) }) };
  }
  const filterFiles = (own: NodePagefind) => own.requested.filter((f) => f.startsWith('filter/'));

  it('shows the results of a query before loading any filter list, then the same counts as before', async () => {
    const { own, engine: cold } = await firstVisit('cold');
    const outcome = await cold.run(state('đảng viên'));
    const found = (await views(outcome as SearchOutcome)).map((v) => v.url.replace(/^\/|\/$/g, ''));
    expect(found).toEqual(expect.arrayContaining([NQ_2018, NQ_2023]));
    expect(own.requested.some((f) => f.startsWith('index/'))).toBe(true);
    expect(filterFiles(own)).toEqual([]);

    const counts = await (outcome as SearchOutcome).counts();
    expect(filterFiles(own).length).toBeGreaterThan(0);
    expect(counts?.loai).toMatchObject({ 'nghi-quyet': 2, 'quy-dinh': 1, tin: 1 });
    // The counts an engine gives when every filter list was loaded before the search.
    const { own: warmApi, engine: warm } = await firstVisit('warm');
    await warmApi.filters();
    expect(counts).toEqual(await ((await warm.run(state('đảng viên'))) as SearchOutcome).counts());
  });

  it('loads the filter lists first when a filter is chosen, since the results depend on them', async () => {
    const { own, engine: cold } = await firstVisit('filtered');
    const outcome = await cold.run(
      state('đảng viên', { filters: { ...emptyFilters(), loai: ['nghi-quyet'] } }),
    );
    expect(filterFiles(own).length).toBeGreaterThan(0);
    const found = (await views(outcome as SearchOutcome)).map((v) => v.url.replace(/^\/|\/$/g, ''));
    expect([...found].sort()).toEqual([NQ_2018, NQ_2023]);
  });
});

describe('building the index', () => {
  /** Writes a tiny built site: path → body HTML. */
  function site(dir: string, pages: Record<string, string>): string {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [file, body] of Object.entries(pages)) {
      fs.mkdirSync(`${dir}/${file}`.replace(/\/[^/]+$/, ''), { recursive: true });
      fs.writeFileSync(`${dir}/${file}`, `<html lang="vi"><body>${body}</body></html>`);
    }
    return dir;
  }

  it('indexes only pages with a content region, and says how many', async () => {
    const dir = site('tests/.tmp/search-index-count', {
      'van-ban/a/index.html': '<main data-pagefind-body>Đảng ủy</main>',
      // A listing mentions the attribute in its text but has no content region.
      'index.html': '<p>data-pagefind-body</p>',
    });
    const steps: string[] = [];
    const stats = await buildSearchIndex(dir, {
      onPagefindStep: (s) => steps.push(s.step === 'write' ? `write ${s.words}` : s.step),
    });
    expect(stats).toMatchObject({ pages: 1, files: 2 });
    // The build log names Pagefind's steps as they start; "Đảng ủy" is two words.
    expect(steps).toEqual(['read', 'build', 'write 2']);
    expect(fs.existsSync(`${dir}/pagefind/pagefind.js`)).toBe(true);
    expect(fs.existsSync(`${dir}/pagefind/pagefind-ui.js`)).toBe(false);
  });

  it('writes an index that finds nothing for a site without documents or news yet', async () => {
    const dir = site('tests/.tmp/search-index-empty', { 'index.html': '<p>Chưa có văn bản.</p>' });
    expect(await buildSearchIndex(dir)).toMatchObject({ pages: 0, files: 1 });
    expect(fs.existsSync(`${dir}/pagefind/pagefind.js`)).toBe(true);
    const entry = JSON.parse(fs.readFileSync(`${dir}/pagefind/pagefind-entry.json`, 'utf8'));
    expect(entry.languages).toEqual({});
  });

  it('says in Vietnamese when Pagefind cannot run, and keeps the previous index', async () => {
    const dir = site('tests/.tmp/search-index-no-binary', {
      'van-ban/a/index.html': '<main data-pagefind-body>Đảng ủy</main>',
    });
    fs.mkdirSync(`${dir}/pagefind`);
    fs.writeFileSync(`${dir}/pagefind/pagefind.js`, '// chỉ mục trước');
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = `${dir}/khong-co-pagefind`;
    try {
      await expect(buildSearchIndex(dir)).rejects.toThrow(/^Pagefind không khởi động được: .*ENOENT/);
    } finally {
      delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    }
    expect(fs.readFileSync(`${dir}/pagefind/pagefind.js`, 'utf8')).toBe('// chỉ mục trước');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.pagefind'))).toEqual([]);
  });

  it('keeps the folded copies between builds, folds again only changed pages, and finds what changed', async () => {
    const dir = site('tests/.tmp/search-index-kept', {
      'van-ban/a/index.html': '<main data-pagefind-body>Đảng ủy xã Tân Lập</main>',
      'van-ban/b/index.html': '<main data-pagefind-body>Chi bộ thôn Đồng Tâm</main>',
      'tin/c/index.html': '<main data-pagefind-body>Hội nghị Ban Thường vụ</main>',
      'index.html': '<p>Trang chủ</p>',
    });
    const kept = 'tests/.tmp/search-index-kept-copies';
    fs.rmSync(kept, { recursive: true, force: true });
    fs.rmSync(`${kept}.json`, { force: true });
    expect(await buildSearchIndex(dir, { keptCopies: kept })).toMatchObject({ pages: 3, files: 4 });
    const untouched = fs.statSync(`${kept}/tin/c/index.html`).mtimeMs;
    // a is rewritten (a new file, as Astro writes it), b deleted, d added; c stays the same file.
    fs.rmSync(`${dir}/van-ban/a/index.html`);
    fs.writeFileSync(
      `${dir}/van-ban/a/index.html`,
      '<html><body><main data-pagefind-body>Đảng ủy phường Hòa Bình</main></body></html>',
    );
    fs.rmSync(`${dir}/van-ban/b`, { recursive: true });
    fs.mkdirSync(`${dir}/van-ban/d`);
    fs.writeFileSync(
      `${dir}/van-ban/d/index.html`,
      '<html><body><main data-pagefind-body>Đảng bộ khối cơ quan</main></body></html>',
    );
    expect(await buildSearchIndex(dir, { keptCopies: kept })).toMatchObject({ pages: 3, files: 4 });
    expect(fs.statSync(`${kept}/tin/c/index.html`).mtimeMs).toBe(untouched);
    expect(fs.existsSync(`${kept}/van-ban/b/index.html`)).toBe(false);
    const found = await openPagefind(`${dir}/pagefind`, { basePath: '/kept-pagefind/' });
    try {
      const urls = async (q: string) =>
        Promise.all(((await found.search(q))?.results ?? []).map(async (r) => (await r.data()).url));
      expect(await urls('Hòa Bình')).toEqual(['/van-ban/a/']);
      expect(await urls('Tân Lập')).toEqual([]);
      expect(await urls('Đồng Tâm')).toEqual([]);
      expect(await urls('khối cơ quan')).toEqual(['/van-ban/d/']);
      expect(await urls('Thường vụ')).toEqual(['/tin/c/']);
    } finally {
      await found.destroy();
    }
    // A build stopped half-way: a copy with no page, and no record. Nothing of it is indexed.
    fs.mkdirSync(`${kept}/van-ban/z`, { recursive: true });
    fs.writeFileSync(`${kept}/van-ban/z/index.html`, '<main data-pagefind-body>Trang lạc Quỳnh Lưu</main>');
    fs.rmSync(`${kept}.json`);
    expect(await buildSearchIndex(dir, { keptCopies: kept })).toMatchObject({ pages: 3, files: 4 });
    expect(fs.existsSync(`${kept}/van-ban/z/index.html`)).toBe(false);
  });

  it('takes the copies made while the pages rendered, and folds again a page changed since', async () => {
    const pages = {
      'van-ban/a/index.html': '<main data-pagefind-body>Đảng ủy xã Tân Lập</main>',
      'van-ban/b/index.html': '<main data-pagefind-body>Chi bộ thôn Đồng Tâm</main>',
      'index.html': '<p>Trang chủ</p>',
    };
    const dir = site('tests/.tmp/search-index-early', pages);
    const kept = 'tests/.tmp/search-index-early-kept';
    const early = 'tests/.tmp/search-index-early-made';
    for (const d of [kept, `${kept}.json`, early]) fs.rmSync(d, { recursive: true, force: true });
    // What Astro rendered: a and the home page as they are now; b as it was before a later change.
    const copies = startEarlyCopies(early);
    const rendered = (file: string) => new Uint8Array(fs.readFileSync(`${dir}/${file}`)).buffer;
    copies.add('van-ban/a/index.html', rendered('van-ban/a/index.html'));
    copies.add('index.html', rendered('index.html'));
    copies.add(
      'van-ban/b/index.html',
      new TextEncoder().encode(
        '<html lang="vi"><body><main data-pagefind-body>Chi bộ cũ</main></body></html>',
      ).buffer,
    );
    expect(await copies.finish()).toBe(2);
    const stats = await buildSearchIndex(dir, { keptCopies: kept, earlyCopies: early });
    // a is taken as made (moved, not folded again); b's page is not the one its copy was made from.
    expect(stats).toMatchObject({ pages: 2, files: 3, prepared: 1 });
    expect(fs.existsSync(`${early}/van-ban/a/index.html`)).toBe(false);
    expect(fs.readFileSync(`${kept}/van-ban/b/index.html`, 'utf8')).toContain('Ḏồng Tâm');
    const found = await openPagefind(`${dir}/pagefind`, { basePath: '/early-pagefind/' });
    try {
      const urls = async (q: string) =>
        Promise.all(((await found.search(q))?.results ?? []).map(async (r) => (await r.data()).url));
      expect(await urls('Tân Lập')).toEqual(['/van-ban/a/']);
      expect(await urls('Đồng Tâm')).toEqual(['/van-ban/b/']);
      expect(await urls('cũ')).toEqual([]);
    } finally {
      await found.destroy();
    }
    // The next build takes both copies as kept, since neither page changed.
    expect(await buildSearchIndex(dir, { keptCopies: kept })).toMatchObject({ pages: 2, prepared: 0 });
  });

  it('folds every page itself when the thread making copies while pages render stopped', async () => {
    const dir = site('tests/.tmp/search-index-early-failed', {
      'van-ban/a/index.html': '<main data-pagefind-body>Đảng ủy xã Tân Lập</main>',
    });
    const kept = 'tests/.tmp/search-index-early-failed-kept';
    for (const d of [kept, `${kept}.json`]) fs.rmSync(d, { recursive: true, force: true });
    // Its folder is a file: the thread cannot write its list and stops.
    const early = 'tests/.tmp/search-index-early-failed-made';
    fs.rmSync(early, { recursive: true, force: true });
    fs.writeFileSync(early, '');
    const why: string[] = [];
    const copies = startEarlyCopies(early, (reason) => why.push(reason));
    copies.add('van-ban/a/index.html', new Uint8Array(fs.readFileSync(`${dir}/van-ban/a/index.html`)).buffer);
    expect(await copies.finish()).toBeNull();
    expect(why).toHaveLength(1);
    const stats = await buildSearchIndex(dir, { keptCopies: kept, earlyCopies: early });
    expect(stats).toMatchObject({ pages: 1, prepared: 0 });
  });

  it('stops with the page named when a page already holds the stand-in letter, leaving no index', async () => {
    const dir = site('tests/.tmp/search-fold-error', {
      'van-ban/a/index.html': '<main data-pagefind-body>Tỉnh ủy ḏã họp</main>',
    });
    await expect(buildSearchIndex(dir)).rejects.toThrow(
      /Trang van-ban\/a\/index\.html chứa ký tự "ḏ".*sửa thành đ\/Đ/,
    );
    expect(fs.existsSync(`${dir}/pagefind`)).toBe(false);
  });
});
