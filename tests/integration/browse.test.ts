/**
 * Browsing the fictional fixture site (tests/fixtures/site), built under /so-tay/ and served as a
 * plain web server would: every page of the sitemap can be reached from the home page by links alone
 * (no JavaScript, no search), no listing is published empty, and documents can be browsed by term.
 */
import fs from 'node:fs';
import path from 'node:path';
import { selectAll, selectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitemapPaths } from '../e2e/sites.ts';
import { type StaticServer, serveStatic } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { crawlLinks } from '../helpers/crawl.ts';

const SITE = path.resolve('tests/.tmp/browse');
const BASE = '/so-tay/';
let server: StaticServer;

beforeAll(async () => {
  fs.rmSync(SITE, { recursive: true, force: true });
  await buildSite({ contentDir: 'tests/fixtures/site', outDir: SITE, base: BASE });
  server = await serveStatic(SITE, BASE);
});

afterAll(async () => {
  await server?.close();
});

const sitemap = () => sitemapPaths({ name: 'fixture', dist: SITE, base: BASE });
const page = (route: string) => parseDocument(fs.readFileSync(path.join(SITE, route, 'index.html'), 'utf8'));
const all = (query: string, root: AnyNode) => selectAll<AnyNode, Element>(query, root);
const text = (el: AnyNode | null) => (el === null ? '' : textContent(el).replace(/\s+/g, ' ').trim());
/** Links inside `<main>`: [text, href]. */
const mainLinks = (route: string) =>
  all('main a', page(route)).map((a) => [text(a), getAttributeValue(a, 'href') ?? ''] as const);

describe('reaching every page', () => {
  it('reaches every page of the sitemap from the home page by links alone, and only those', async () => {
    const { pages, via } = await crawlLinks(server.url);
    const listed = [...sitemap()].sort();
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.filter((p) => !pages.includes(p))).toEqual([]);
    // A page reached but not in the sitemap would be missing from it (the 404 page is linked from none).
    expect(pages.filter((p) => !listed.includes(p))).toEqual([]);
    // The search page too, through a plain link on the home page.
    expect(via.get('tim-kiem/')).toBe('');
  });
});

describe('no listing is published empty', () => {
  it('publishes no page for a type, topic or locality with nothing in it, and lists none in the sitemap', () => {
    const listed = sitemap();
    for (const empty of [
      'loai/huong-dan/',
      'loai/quy-dinh/',
      'chu-de/chu-de-trong/',
      'dia-phuong/thanh-pho-mau/',
    ]) {
      expect(listed).not.toContain(empty);
      expect(fs.existsSync(path.join(SITE, empty, 'index.html')), empty).toBe(false);
    }
    expect(listed).toEqual(
      expect.arrayContaining(['loai/nghi-quyet/', 'chu-de/dang-vien-mau/', 'dia-phuong/tinh-thu-nghiem/']),
    );
  });

  it('names an empty topic or locality on its index page without a link', () => {
    const topics = page('chu-de');
    const emptyTopic = all('main li', topics).find((li) => text(li).startsWith('Chủ đề chưa có bài'));
    expect(text(emptyTopic ?? null)).toMatch(/\(chưa có\)/);
    expect(all('a', emptyTopic as Element)).toEqual([]);
    expect(mainLinks('chu-de')).toContainEqual(['Đảng viên mẫu', `${BASE}chu-de/dang-vien-mau/`]);

    const places = page('dia-phuong');
    const city = all('main li', places).find((li) => text(li).startsWith('Thành phố Mẫu'));
    expect(text(city ?? null)).toBe('Thành phố Mẫu (chưa có)');
    expect(all('a', city as Element)).toEqual([]);
  });

  it('shows something on every listing page of the sitemap', () => {
    for (const route of sitemap().filter((p) =>
      /^(loai|co-quan|chu-de|dia-phuong|khoa|nam)\/[^/]+\/$/.test(p),
    )) {
      const rows = all('main table tbody tr, main article, main ol li', page(route));
      expect(rows.length, route).toBeGreaterThan(0);
    }
  });
});

describe('browsing by term (khóa)', () => {
  it('lists the terms with documents, newest first, with their counts by type', () => {
    const index = page('khoa');
    const items = all('main ul.grid > li', index).map((li) => [...li.children].map(text));
    expect(items).toEqual([
      ['Khóa XIII', '(1)', '1 nghị quyết', 'Ban hành năm 2022'],
      ['Khóa XII', '(2)', '1 nghị quyết · 1 chỉ thị', 'Ban hành 2017–2019'],
    ]);
    expect(mainLinks('khoa')).toContainEqual(['Khóa XII', `${BASE}khoa/xii/`]);
  });

  it("lists a term's documents by type, each under its heading", () => {
    const term = page('khoa/xii');
    expect(text(selectOne('main h1', term))).toBe('Văn bản khóa XII (2)');
    const sections = all('main section', term).map((s) => [
      text(selectOne('h2', s)),
      all('tbody tr a', s).map(text),
    ]);
    expect(sections).toEqual([
      ['Các nghị quyết (1)', ['9021-NQ/TW']],
      ['Các chỉ thị (1)', ['9035-CT/TW']],
    ]);
  });

  it("links a document's term from its metadata, but not a provincial committee's own term", () => {
    const row = (route: string) =>
      all('main table tr', page(route)).find((tr) => text(selectOne('th', tr)) === 'Khóa') ?? null;
    const central = row('van-ban/9021-nq-tw-2022');
    expect(all('a', central as Element).map((a) => getAttributeValue(a, 'href'))).toEqual([
      `${BASE}khoa/xiii/`,
    ]);
    const local = row('van-ban/9865-qd-tu-2023');
    expect(text(selectOne('td', local as Element))).toBe('XX');
    expect(all('a', local as Element)).toEqual([]);
    expect(sitemap().filter((p) => p.startsWith('khoa/'))).toEqual(['khoa/', 'khoa/xii/', 'khoa/xiii/']);
  });

  it('is reachable from the main navigation and from the list of all documents', () => {
    const nav = all('nav[aria-label="Chính"] a', page('')).map((a) => [
      text(a),
      getAttributeValue(a, 'href'),
    ]);
    expect(nav).toContainEqual(['Theo khóa', `${BASE}khoa/`]);
    expect(mainLinks('van-ban')).toEqual(
      expect.arrayContaining([
        ['Khóa XIII (1)', `${BASE}khoa/xiii/`],
        ['Khóa XII (2)', `${BASE}khoa/xii/`],
      ]),
    );
  });
});
