/**
 * Cache keys of the document and news pages, for page reuse (src/integrations/page-reuse.ts): a
 * page whose key is unchanged since the last successful build, in a build whose code, settings and
 * assets are unchanged too, is linked from that build's output instead of rendered again.
 *
 * So a key covers everything the page shows that is not code: the entry (its digest covers the
 * file and what its HTML was made with, see src/loaders/content-pages.ts; its data), the
 * taxonomies (labels, levels, localities: the metadata table, the search record and the term link
 * read them), the page's part of the document graph (relations, backlinks, replacement, mentioned
 * documents: they change when another page changes) and its "Cập nhật" date. A page of a listing
 * is keyed by the data of the items it shows, its place among the listing's pages, what its route
 * passes besides, the taxonomies, and what the route reads of the whole site (`extra`: the counts by
 * type on /van-ban/, the localities with a page on /dia-phuong/). Pages that go through
 * @astrojs/mdx (a component, an expression, an image) have no key and are always rendered: an image
 * is written by Astro only when its page is rendered. Nor do the index pages and term pages.
 */
import type { Page } from 'astro';
import { cacheKeyOf } from '../lib/content/cache-key.ts';
import { pageKey } from '../lib/graph/document-graph.ts';
import { bodyRecordOf } from '../loaders/bodies.ts';
import { type DocumentEntry, loadCatalog, type NewsEntry } from './catalog.ts';
import { loadGraph } from './graph.ts';

let site: Promise<string> | undefined;

/** A digest of the taxonomy lists every page may show labels or facts from. */
function siteKey(): Promise<string> {
  site ??= loadCatalog().then(({ issuers, topics, localities }) =>
    cacheKeyOf([issuers, topics, localities].map((list) => list.map(({ id, data }) => [id, data]))),
  );
  return site;
}

/** True for a page rendered by the content loader, false for one that @astrojs/mdx compiles. */
function renderedByLoader(entry: DocumentEntry | NewsEntry): boolean {
  const deferred = (entry as { deferredRender?: boolean }).deferredRender === true;
  return !deferred && bodyRecordOf(entry) !== undefined;
}

/** What every content page's key holds: the entry itself and the page's "Cập nhật" date. */
async function entryParts(entry: DocumentEntry | NewsEntry) {
  const { lastUpdated } = await loadCatalog();
  return {
    id: entry.id,
    digest: entry.digest ?? null,
    data: entry.data,
    updated: lastUpdated(entry) ?? null,
    site: await siteKey(),
  };
}

/** The cache key of a document page (src/pages/van-ban/[id].astro); undefined: always render. */
export async function documentPageKey(doc: DocumentEntry): Promise<string | undefined> {
  if (!renderedByLoader(doc)) return undefined;
  const graph = await loadGraph();
  return cacheKeyOf({
    ...(await entryParts(doc)),
    relations: graph.relations.get(doc.id) ?? [],
    citedBy: graph.citedBy.get(doc.id) ?? [],
    replaced: graph.replaced.get(doc.id) ?? null,
  });
}

/** The cache key of a news page (src/pages/tin/[id].astro); undefined: always render. */
export async function newsPageKey(item: NewsEntry): Promise<string | undefined> {
  if (!renderedByLoader(item)) return undefined;
  const graph = await loadGraph();
  return cacheKeyOf({
    ...(await entryParts(item)),
    mentioned: graph.mentions.get(pageKey('news', item.id)) ?? [],
  });
}

/** A page of a paginated listing, as `paginate()` gives it. */
interface ListingPath {
  params: Record<string, string | number | undefined>;
  props: { page: Page<DocumentEntry | NewsEntry> };
}

/**
 * Gives every page of a paginated listing its cache key (see the file's header). `extra` is what
 * the route shows that depends on pages not in the listing; anything else it shows must come from
 * `props` or the items.
 */
export async function withListingKeys<P extends ListingPath>(
  paths: readonly P[],
  extra: unknown = null,
): Promise<(P & { cacheKey: string })[]> {
  const site = await siteKey();
  return paths.map((path) => {
    const { page, ...rest } = path.props;
    const { currentPage, lastPage, size, total, start, end, url } = page;
    return {
      ...path,
      cacheKey: cacheKeyOf({
        params: path.params,
        props: rest,
        page: { currentPage, lastPage, size, total, start, end, url },
        items: page.data.map((item) => [item.collection, item.id, item.data]),
        extra,
        site,
      }),
    };
  });
}
