/**
 * The benchmark's search measurement (`npm run bench -- --search`), checked against a tiny
 * hand-written site that follows the search-page contract, indexed here with Pagefind.
 */
import fs from 'node:fs';
import path from 'node:path';
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
    expect(figure.files).toContain('pagefind/pagefind.js');
    expect(figure.files.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    const onDisk = figure.files.reduce((sum, f) => sum + fs.statSync(path.join(site, f)).size, 0);
    expect(figure.bytes).toBe(onDisk);
    expect(figure.firstResultsMs).toBeGreaterThan(0);
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
