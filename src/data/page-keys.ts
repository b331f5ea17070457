/**
 * Cache keys of the document and news pages, for Astro's incremental build
 * (`experimental.incrementalBuild` in astro.config.mjs): a page whose key and whose code (the
 * route, its components, their CSS: Astro hashes those itself) are unchanged since the last build
 * is copied from that build instead of rendered again.
 *
 * So a key must cover everything the page shows that is not code: the entry (its digest covers the
 * file and what its HTML was made with, see src/loaders/content-pages.ts; its data), the labels of
 * the taxonomies, the page's part of the document graph (relations, backlinks, replacement,
 * mentioned documents: they change when another page changes) and its "Cập nhật" date. Listing
 * pages have no key and are always rendered: they change whenever a page they list does.
 */
import { cacheKeyOf } from '../lib/content/cache-key.ts';
import { pageKey } from '../lib/graph/document-graph.ts';
import { type DocumentEntry, loadCatalog, type NewsEntry } from './catalog.ts';
import { loadGraph } from './graph.ts';

let site: Promise<string> | undefined;

/** A digest of the taxonomy lists every page shows labels from. */
function siteKey(): Promise<string> {
  site ??= loadCatalog().then(({ issuers, topics, localities }) =>
    cacheKeyOf([issuers, topics, localities].map((list) => list.map(({ id, data }) => [id, data]))),
  );
  return site;
}

/** What every content page's key holds: the entry itself and the page's "Cập nhật" date. */
async function entryParts(entry: DocumentEntry | NewsEntry) {
  const { lastUpdated } = await loadCatalog();
  return {
    digest: entry.digest ?? null,
    data: entry.data,
    updated: lastUpdated(entry) ?? null,
    site: await siteKey(),
  };
}

/** The cache key of a document page (src/pages/van-ban/[id].astro). */
export async function documentPageKey(doc: DocumentEntry): Promise<string> {
  const graph = await loadGraph();
  return cacheKeyOf({
    ...(await entryParts(doc)),
    relations: graph.relations.get(doc.id) ?? [],
    citedBy: graph.citedBy.get(doc.id) ?? [],
    replaced: graph.replaced.get(doc.id) ?? null,
  });
}

/** The cache key of a news page (src/pages/tin/[id].astro). */
export async function newsPageKey(item: NewsEntry): Promise<string> {
  const graph = await loadGraph();
  return cacheKeyOf({
    ...(await entryParts(item)),
    mentioned: graph.mentions.get(pageKey('news', item.id)) ?? [],
  });
}
