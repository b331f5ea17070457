/**
 * The benchmark corpus builds with the real configuration: Astro's schema accepts every generated
 * page (a build fails on the first invalid frontmatter), every document gets its page, and the
 * benchmark reads its figures from the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_SHARE } from '../../scripts/bench/corpus.ts';
import { type BuildFigures, measureBuild } from '../../scripts/bench/measure-build.ts';
import { ensureCorpus, STAMP_FILE } from '../../scripts/bench/write-corpus.ts';

const root = path.resolve('.');
const tmp = path.join(root, 'tests/.tmp/bench');
const corpusDir = path.join(tmp, 'corpus-60');
const outDir = path.join(tmp, 'dist-60');
let figures: BuildFigures;

beforeAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  ensureCorpus({ pages: 60, dir: corpusDir, sourceContentDir: path.join(root, 'content') });
  figures = await measureBuild({
    root,
    contentDir: corpusDir,
    outDir,
    logFile: path.join(tmp, 'build-60.log'),
  });
});

describe('benchmark build of a generated corpus', () => {
  it('builds a page for every generated document and news item', () => {
    const docs = fs.readdirSync(path.join(corpusDir, 'van-ban')).map((f) => f.replace(/\.mdx$/, ''));
    const news = fs.readdirSync(path.join(corpusDir, 'tin')).map((f) => f.replace(/\.mdx$/, ''));
    expect(docs).toHaveLength(Math.round(60 * DOCUMENT_SHARE));
    expect(docs.length + news.length).toBe(60);
    for (const id of docs)
      expect(fs.existsSync(path.join(outDir, 'van-ban', id, 'index.html')), id).toBe(true);
    for (const id of news) expect(fs.existsSync(path.join(outDir, 'tin', id, 'index.html')), id).toBe(true);
  });

  it('files documents under the provincial committees it adds to co-quan.yaml', () => {
    const issuers = fs.readFileSync(path.join(corpusDir, 'data/co-quan.yaml'), 'utf8');
    expect(issuers).toContain('id: tinh-uy-ha-noi');
    // The committees the documents name (only a body with documents has a page).
    const named = new Set(
      fs
        .readdirSync(path.join(corpusDir, 'van-ban'))
        .map(
          (f) => /^issuer: (\S+)$/m.exec(fs.readFileSync(path.join(corpusDir, 'van-ban', f), 'utf8'))?.[1],
        ),
    );
    const provincial = [...named].filter((id) => id?.startsWith('tinh-uy-'));
    expect(provincial.length).toBeGreaterThan(0);
    for (const id of provincial) {
      expect(issuers).toContain(`id: ${id}`);
      expect(fs.existsSync(path.join(outDir, `co-quan/${id}/index.html`)), id).toBe(true);
    }
  });

  it('reports the figures of the build: pages, Pagefind step, memory, sizes, phases', () => {
    expect(figures.htmlPages).toBeGreaterThan(60);
    // Every generated page is searchable (listing pages may or may not be indexed).
    expect(figures.indexedPages).toBeGreaterThanOrEqual(60);
    expect(figures.indexedPages).toBeLessThanOrEqual(figures.htmlPages);
    expect(figures.indexSeconds).not.toBeNull();
    expect(figures.buildSeconds).toBeLessThan(figures.totalSeconds);
    expect(figures.peakRssBytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(figures.indexBytes).toBeGreaterThan(0);
    expect(figures.distBytes).toBeGreaterThan(figures.indexBytes);
    expect(Object.keys(figures.phases).sort()).toEqual(['bundle', 'collect', 'render', 'types']);
  });

  it('reuses a corpus already on disk and regenerates one whose stamp differs', () => {
    const page = path.join(corpusDir, 'van-ban', fs.readdirSync(path.join(corpusDir, 'van-ban'))[0] ?? '');
    fs.appendFileSync(page, '\nSửa tay.\n');
    const options = { pages: 60, dir: corpusDir, sourceContentDir: path.join(root, 'content') };
    expect(ensureCorpus(options).reused).toBe(true);
    expect(fs.readFileSync(page, 'utf8')).toContain('Sửa tay.');
    const stamp = path.join(corpusDir, STAMP_FILE);
    fs.writeFileSync(stamp, fs.readFileSync(stamp, 'utf8').replace('"generator": ', '"generator": 1000'));
    expect(ensureCorpus(options).reused).toBe(false);
    expect(fs.readFileSync(page, 'utf8')).not.toContain('Sửa tay.');
  });
});
