/**
 * Drafts (`draft: true`): the fixture of tests/fixtures/drafts built with the project's build
 * (scripts/build.ts: astro build, then the Pagefind index) must hold no trace of its two drafts,
 * while `astro dev` shows them marked "Bản nháp".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { selectAll as cssAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, childEnv } from '../helpers/build.ts';
import { type DevServer, startDevServer } from '../helpers/dev-server.ts';
import { type NodePagefind, openPagefind } from '../helpers/pagefind-node.ts';

const fixture = path.resolve('tests/fixtures/drafts');
const out = path.resolve('tests/.tmp/drafts');

/** What would give a draft away: its URL ids and the made-up words only the drafts contain. */
const DRAFT_TRACES = ['9041-nq-tw-2024', '2025-02-14-hoi-nghi-ban-nhap', 'nhapvanbanbimat', 'nhaptinbimat'];
const DRAFT_DOC = '/van-ban/9041-nq-tw-2024/';
const DRAFT_NEWS = '/tin/2025-02-14-hoi-nghi-ban-nhap/';
const PUBLISHED_DOC = '/van-ban/9040-nq-tw-2024/';
const PUBLISHED_NEWS = '/tin/2024-06-20-hoi-nghi-da-xuat-ban/';

const selectAll = (query: string, root: AnyNode): Element[] => cssAll<AnyNode, Element>(query, root);
const text = (el: AnyNode) => textContent(el).replace(/\s+/g, ' ').trim();

function html(route: string) {
  return parseDocument(fs.readFileSync(path.join(out, route, 'index.html'), 'utf8'));
}
function hrefs(route: string): string[] {
  return selectAll('a[href]', html(route)).map((a) => getAttributeValue(a, 'href') ?? '');
}
/** Every text file of the built site (the search bundle's binary chunks are checked through Pagefind). */
function textFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(?:html|xml|txt|json|js|css)$/.test(f))
    .map((f) => path.join(dir, f));
}

describe('npm run build leaves drafts out', () => {
  let pagefind: NodePagefind;

  beforeAll(async () => {
    await buildSite({ contentDir: fixture, outDir: out });
    pagefind = await openPagefind(path.join(out, 'pagefind'), { basePath: '/drafts-pagefind/' });
  });
  afterAll(async () => {
    await pagefind?.destroy();
  });

  it('writes no page for a draft, and the published pages as usual', () => {
    expect(fs.existsSync(path.join(out, DRAFT_DOC))).toBe(false);
    expect(fs.existsSync(path.join(out, DRAFT_NEWS))).toBe(false);
    expect(fs.existsSync(path.join(out, PUBLISHED_DOC, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(out, PUBLISHED_NEWS, 'index.html'))).toBe(true);
  });

  it('no file of the site names a draft or holds a word of it', () => {
    const files = textFiles(out);
    const leaks = files.flatMap((f) => {
      const body = fs.readFileSync(f, 'utf8');
      return DRAFT_TRACES.filter((t) => body.includes(t)).map((t) => `${path.relative(out, f)}: ${t}`);
    });
    expect(leaks).toEqual([]);
    // The check can see text: the published pages' own made-up words are there.
    expect(files.some((f) => fs.readFileSync(f, 'utf8').includes('xuatbanvanbanmau'))).toBe(true);
  });

  it('lists no draft in the sitemap or the RSS feed', () => {
    const sitemap = fs.readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(PUBLISHED_DOC);
    expect(sitemap).toContain(PUBLISHED_NEWS);
    expect(sitemap).not.toContain(DRAFT_DOC);
    expect(sitemap).not.toContain(DRAFT_NEWS);
    const rss = fs.readFileSync(path.join(out, 'rss.xml'), 'utf8');
    expect(rss).toContain(PUBLISHED_NEWS);
    expect(rss).not.toContain(DRAFT_NEWS);
  });

  it('lists no draft in the listings, taxonomy and year pages; a year only a draft has gets no page', () => {
    for (const route of [
      '',
      'van-ban',
      'tin',
      'nam',
      'nam/2024',
      'chu-de',
      'chu-de/to-chuc-thu-nghiem',
      'loai/nghi-quyet',
    ]) {
      const links = hrefs(route);
      expect(links, route).not.toContain(DRAFT_DOC);
      expect(links, route).not.toContain(DRAFT_NEWS);
    }
    expect(hrefs('van-ban')).toContain(PUBLISHED_DOC);
    expect(hrefs('nam/2024')).toContain(PUBLISHED_NEWS);
    // The draft news item is the only page of 2025 and of the topic chu-de-trong: neither gets a page.
    expect(fs.existsSync(path.join(out, 'nam/2025'))).toBe(false);
    expect(hrefs('nam')).not.toContain('/nam/2025/');
    expect(fs.existsSync(path.join(out, 'chu-de/chu-de-trong'))).toBe(false);
    expect(hrefs('chu-de')).not.toContain('/chu-de/chu-de-trong/');
    expect(text(html('chu-de'))).not.toContain('Hội nghị thử nghiệm còn là bản nháp');
  });

  it('the search index holds the published pages only', async () => {
    const all = await pagefind.search(null);
    const urls = await Promise.all((all?.results ?? []).map(async (r) => (await r.data()).url));
    expect(urls.sort()).toEqual([PUBLISHED_NEWS, PUBLISHED_DOC].sort());
    expect((await pagefind.search('xuatbanvanbanmau'))?.results).toHaveLength(1);
    // Pagefind answers a word it lacks with near matches: what matters is that no indexed text has it.
    for (const word of ['nhapvanbanbimat', 'nhaptinbimat']) {
      const found = await pagefind.search(word);
      const contents = await Promise.all((found?.results ?? []).map(async (r) => (await r.data()).content));
      expect(contents.filter((c) => c.includes(word))).toEqual([]);
    }
  });

  it('a published page mentioning the draft has no link to it: the code reads as not yet on the site', () => {
    const news = html(PUBLISHED_NEWS);
    const bodyLinks = selectAll('.prose-vi a', news).map((a) => [text(a), getAttributeValue(a, 'href')]);
    expect(bodyLinks).toEqual([['9040-NQ/TW', PUBLISHED_DOC]]);
    expect(text(news)).toContain('9041-NQ/TW (chưa có trong Sổ tay)');
    // …and the gaps page counts it among the documents not yet on the site.
    expect(text(html('van-ban-con-thieu'))).toContain('9041-NQ/TW');
  });

  it('a published document shows no backlink or relation from a draft that cites it', () => {
    const doc = text(html(PUBLISHED_DOC));
    expect(doc).not.toContain('Được thực hiện bởi');
    expect(doc).not.toContain('9041-NQ/TW ngày');
    expect(hrefs(PUBLISHED_DOC)).not.toContain(DRAFT_DOC);
  });
});

describe('npm run dev shows drafts, marked', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer(fixture);
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function page(route: string) {
    const res = await fetch(`${server.origin}${route}`);
    expect(res.status, `${route}\n${server.output()}`).toBe(200);
    return parseDocument(await res.text());
  }

  it('serves a draft document and a draft news page with the "Bản nháp" notice', async () => {
    for (const route of [DRAFT_DOC, DRAFT_NEWS]) {
      const doc = await page(route);
      const marks = selectAll('[data-draft-mark]', doc).map(text);
      expect(marks.length, route).toBeGreaterThan(0);
      expect(
        marks.every((m) => m.startsWith('Bản nháp')),
        route,
      ).toBe(true);
    }
    // A published page carries no mark.
    expect(selectAll('[data-draft-mark]', await page(PUBLISHED_DOC))).toEqual([]);
  });

  it('lists drafts with the "Bản nháp" badge, and links to them as the build will once published', async () => {
    const listing = await page('/van-ban/');
    const row = selectAll('tr', listing).find((tr) => text(tr).includes('9041-NQ/TW'));
    expect(row && text(row)).toContain('Bản nháp');
    const newsList = await page('/tin/');
    const item = selectAll('li', newsList).find((li) => text(li).includes('còn là bản nháp'));
    expect(item && text(item)).toContain('Bản nháp');
    const links = selectAll('.prose-vi a', await page(PUBLISHED_NEWS)).map((a) =>
      getAttributeValue(a, 'href'),
    );
    expect(links).toContain(DRAFT_DOC);
  });
});

describe('npm run check checks drafts like any page and lists them', () => {
  it('reports a draft that breaks the schema, and lists every draft with its line', () => {
    // A copy of the fixture whose draft news item has an event kind the schema does not know.
    const content = path.resolve('tests/.tmp/drafts-check');
    fs.rmSync(content, { recursive: true, force: true });
    fs.cpSync(fixture, content, { recursive: true });
    const draftNews = path.join(content, 'tin/2025-02-14-hoi-nghi-ban-nhap.mdx');
    fs.writeFileSync(
      draftNews,
      fs.readFileSync(draftNews, 'utf8').replace('eventKind: so-ket', 'eventKind: so-ket-sai'),
    );

    const r = spawnSync(process.execPath, ['scripts/check-content.ts'], {
      env: childEnv({ SO_TAY_CONTENT_DIR: content }),
      encoding: 'utf8',
    });
    const rel = (f: string) => path.relative(process.cwd(), path.join(content, f));
    expect(r.status, r.stdout).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(
      new RegExp(
        `^LỖI {3}${rel('tin/2025-02-14-hoi-nghi-ban-nhap.mdx').replace(/\./g, '\\.')}:6 {2}Trường eventKind`,
      ),
    );
    expect(r.stdout).toContain(`Bản nháp: ${rel('van-ban/9041-nq-tw-2024.mdx')}:17\n`);
    expect(r.stdout).toContain(`Bản nháp: ${rel('tin/2025-02-14-hoi-nghi-ban-nhap.mdx')}:13\n`);
    // The published pages cite the draft document: a note, not an error.
    expect(r.stdout).toMatch(
      /CHÚ Ý {2}\S+2024-06-20-hoi-nghi-da-xuat-ban\.mdx:\d+ {2}9041-NQ\/TW mới là bản nháp/,
    );
    expect(r.stdout).toMatch(/Kiểm tra nội dung: 1 lỗi, 2 chú ý, 2 bản nháp/);
  });
});
