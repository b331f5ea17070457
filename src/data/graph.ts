/**
 * The document graph of this build (backlinks, relations, replaced documents, gaps), computed once
 * from the loaded collections by the pure `buildDocumentGraph`. Routes read it; they compute nothing.
 */
import {
  buildDocumentGraph,
  type DocumentGraph,
  EMPTY_GRAPH,
  graphPageFrom,
} from '../lib/graph/document-graph.ts';
import { createDocumentIndex } from '../lib/graph/document-registry.ts';
import { linksEnabled } from '../lib/graph/link-transform.ts';
import { loadCatalog } from './catalog.ts';
import { entryBody } from './page-body.ts';

let cached: Promise<DocumentGraph> | undefined;

/** The graph of all pages; memoised for the whole build. Empty when SO_TAY_DISABLE_LINKS=1. */
export function loadGraph(): Promise<DocumentGraph> {
  cached ??= build();
  return cached;
}

async function build(): Promise<DocumentGraph> {
  if (!linksEnabled()) return EMPTY_GRAPH;
  const { documents, news } = await loadCatalog();
  // entryBody: the content loader keeps bodies beside the store (src/loaders/bodies.ts).
  const pages = await Promise.all(
    [...documents, ...news].map(async (entry) =>
      graphPageFrom({
        collection: entry.collection,
        id: entry.id,
        data: entry.data,
        body: await entryBody(entry),
      }),
    ),
  );
  return buildDocumentGraph(pages, createDocumentIndex(pages.flatMap((p) => p.doc ?? [])));
}
