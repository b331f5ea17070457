/**
 * Issue 13's test as a reader puts it, on the real content: searching the words of a guidance lands
 * on the section of the guidance that says them, not on the page's top or its summary. The search
 * engine runs in Node over the real site's index (the browser behaviour of a section link, scroll
 * and marks, is tested on the fixture in search.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTaxonomies } from '../../src/lib/content/taxonomy-fs.ts';
import { foldVietnamese } from '../../src/lib/content/text.ts';
import { createSearchEngine, type SearchEngine } from '../../src/lib/search/engine.ts';
import { facetLabels } from '../../src/lib/search/facets.ts';
import type { ResultView } from '../../src/lib/search/results.ts';
import { emptyFilters } from '../../src/lib/search/state.ts';
import { ROOT } from '../helpers/build.ts';
import { type NodePagefind, openPagefind } from '../helpers/pagefind-node.ts';

const site = inject('e2eSites').find((s) => s.name === 'content');
if (site === undefined) throw new Error('content/ has pages, so the e2e setup must have built it');
const dist = site.dist;

let api: NodePagefind;
let engine: SearchEngine;

beforeAll(async () => {
  api = await openPagefind(path.join(dist, 'pagefind'));
  engine = createSearchEngine(api, { labels: facetLabels(readTaxonomies(path.join(ROOT, 'content'))) });
});

afterAll(async () => {
  await api?.destroy();
});

/** The result views of a search, in the order the reader sees them. */
async function results(q: string): Promise<ResultView[]> {
  const outcome = await engine.run({ q, filters: emptyFilters(), sort: 'relevance' });
  if (outcome === null) throw new Error('a search run alone is never superseded');
  return Promise.all(outcome.hits.map((h) => h.view()));
}

/** Heading ids of a built page. */
function headingIds(page: string): string[] {
  const html = fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8');
  return [...html.matchAll(/<h[2-6][^>]*\sid="([^"]+)"/g)].map((m) => m[1] as string);
}

describe('searching the words of a guidance lands on its section (real content)', () => {
  it.each([
    ['thể thức văn bản', 'van-ban/36-hd-vptw-2018', 'thể thức'],
    ['kiểm điểm đánh giá xếp loại', 'van-ban/25-hd-btctw-2023', 'kiểm điểm'],
    ['kiem diem danh gia xep loai', 'van-ban/43-hd-btctw-2025', 'kiểm điểm'],
  ])('"%s" → %s, on a section whose heading says "%s"', async (q, page, words) => {
    const views = await results(q);
    const view = views.find((v) => v.url.endsWith(`/${page}/`));
    expect(view, `"${q}" should find ${page}`).toBeDefined();
    // Among the first three results: the guidance is what the reader is after.
    expect(views.indexOf(view as ResultView)).toBeLessThan(3);
    const section = view?.section;
    expect(section, 'a link to a section, not to the top of the page').toBeDefined();
    expect(foldVietnamese(section?.heading ?? '')).toContain(foldVietnamese(words));
    expect(section?.heading).not.toBe('Tóm tắt');
    const id = decodeURIComponent(section?.url.split('#')[1] ?? '');
    expect(headingIds(page)).toContain(id);
  });
});
