/**
 * The benchmark's search measurement (`npm run bench -- --search`), checked against a tiny
 * hand-written site that follows the search-page contract, indexed here with Pagefind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureSearch } from '../../scripts/bench/measure-search.ts';

const site = path.resolve('tests/.tmp/search-contract');

beforeAll(async () => {
  fs.rmSync(site, { recursive: true, force: true });
  fs.cpSync(path.resolve('tests/fixtures/search-contract'), site, { recursive: true });
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error('Pagefind không khởi động được');
  await index.addDirectory({ path: site });
  await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
  await pagefind.close();
}, 120_000);

describe('search measurement', () => {
  it('counts the bytes of every pagefind/ file a cold first search downloads and times the first results', async () => {
    const [figure] = await measureSearch({ distDir: site, base: '/so-tay/', queries: ['đảng viên'] });
    if (figure?.status !== 'ok') throw new Error(`expected figures, got ${JSON.stringify(figure)}`);
    expect(figure.results).toBe(1);
    const paths = figure.files.map((f) => f.path);
    expect(paths).toContain('pagefind/pagefind.js');
    expect(paths.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    expect(figure.firstResultsMs).toBeGreaterThan(0);

    // Every byte agrees with the files on disk: as they are, and at their gzip size for text.
    const disk = (f: string) => fs.readFileSync(path.join(site, f));
    const total = (files: typeof figure.files) => files.reduce((n, f) => n + disk(f.path).byteLength, 0);
    expect(figure.bytes).toBe(total(figure.files));
    const js = disk('pagefind/pagefind.js');
    expect(figure.files.find((f) => f.path === 'pagefind/pagefind.js')?.wireBytes).toBe(
      gzipSync(js, { level: 6 }).byteLength,
    );
    const wasm = figure.files.find((f) => f.path.endsWith('.pagefind'));
    expect(wasm?.wireBytes).toBe(wasm === undefined ? -1 : disk(wasm.path).byteLength);
    expect(figure.wireBytes).toBe(figure.files.reduce((n, f) => n + f.wireBytes, 0));
    expect(figure.wireBytes).toBeLessThan(figure.bytes);

    // The page loads the filter lists only after showing results: they count in the total only.
    const before = figure.files.filter((f) => f.beforeResults);
    expect(before.map((f) => f.path)).toContain('pagefind/pagefind.js');
    expect(before.some((f) => f.path.startsWith('pagefind/filter/'))).toBe(false);
    expect(figure.files.some((f) => f.path.startsWith('pagefind/filter/'))).toBe(true);
    expect(figure.bytesBeforeResults).toBe(total(before));
    expect(figure.bytesBeforeResults).toBeLessThan(figure.bytes);
    expect(figure.wireBytesBeforeResults).toBe(before.reduce((n, f) => n + f.wireBytes, 0));
  });

  it('reports n/a, not a number, when a query shows no result', async () => {
    const [figure] = await measureSearch({ distDir: site, queries: ['qqqzzz'], timeoutMs: 3000 });
    expect(figure).toMatchObject({
      status: 'n/a',
      reason: expect.stringContaining('không có liên kết kết quả'),
    });
  });

  it('reports n/a when the search page does not follow the contract', async () => {
    const stub = path.resolve('tests/.tmp/search-stub');
    fs.rmSync(stub, { recursive: true, force: true });
    fs.mkdirSync(path.join(stub, 'tim-kiem'), { recursive: true });
    fs.writeFileSync(
      path.join(stub, 'tim-kiem/index.html'),
      '<!doctype html><title>Tìm kiếm</title><h1>Tìm kiếm</h1>',
    );
    const [figure] = await measureSearch({ distDir: stub, queries: ['đảng viên'] });
    expect(figure).toMatchObject({ status: 'n/a', reason: expect.stringContaining('[data-search-results]') });
  });
});
