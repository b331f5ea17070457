/**
 * The search index is built from a cut-down copy of each page (its indexed region, folded:
 * src/lib/search/search-copy.ts) where it used to be built from the whole folded page. Pagefind
 * must record exactly the same for every page either way: each page of the built fixture site is
 * indexed alone, both ways, and every file of the two indexes compared byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldHtml } from '../../src/lib/search/fold.ts';
import { searchCopy } from '../../src/lib/search/search-copy.ts';
import { buildSite } from '../helpers/build.ts';

const SITE = 'tests/.tmp/search-copy';
let pages: string[] = [];

beforeAll(async () => {
  fs.rmSync(SITE, { recursive: true, force: true });
  await buildSite({ contentDir: 'tests/fixtures/search-site', outDir: SITE, command: 'astro build' });
  pages = fs
    .readdirSync(SITE, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
});

afterAll(async () => {
  await pagefind.close();
});

/** Every file of the index Pagefind makes of one page, by path. */
async function indexOf(url: string, content: string): Promise<Map<string, Buffer>> {
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= '2000';
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi', writePlayground: false });
  if (!index) throw new Error('Pagefind did not start');
  await index.addHTMLFile({ url, content });
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return new Map(files.map((f) => [f.path, Buffer.from(f.content)]));
}

describe('the cut-down copy of a page', () => {
  it('gives Pagefind the same index as the whole page, for every page of the site', async () => {
    let compared = 0;
    for (const rel of pages) {
      const html = fs.readFileSync(path.join(SITE, rel), 'utf8');
      const copy = searchCopy(html);
      if (copy === null) continue;
      const url = `/${rel.replace(/index\.html$/, '')}`;
      expect(await indexOf(url, copy), rel).toEqual(await indexOf(url, foldHtml(html)));
      compared++;
    }
    // Every document and news page of the fixture was compared.
    expect(compared).toBe(
      fs.readdirSync('tests/fixtures/search-site/van-ban').length +
        fs.readdirSync('tests/fixtures/search-site/tin').length,
    );
  });
});
