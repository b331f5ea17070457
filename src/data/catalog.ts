/**
 * The site's data, loaded once per build from the content collections and shaped by the pure
 * helpers in `src/lib/`. Routes call `loadCatalog()` and render; they do no data work themselves.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import path from 'node:path';
import { newestFirst } from '../lib/content/catalog.ts';
import { formatDate, formatTimestamp } from '../lib/content/dates.ts';
import { draftsShown, visibleEntries } from '../lib/content/drafts.ts';
import { lastCommitDates } from '../lib/content/git-dates-fs.ts';
import { contentDir } from '../lib/content/paths.ts';
import { labelMap } from '../lib/content/taxonomy.ts';
import { createUrls } from '../lib/content/urls.ts';

export type DocumentEntry = CollectionEntry<'documents'>;
export type NewsEntry = CollectionEntry<'news'>;

/** Everything a route needs, computed once. */
export interface Catalog {
  documents: DocumentEntry[];
  news: NewsEntry[];
  documentsById: Map<string, DocumentEntry>;
  issuerLabel: (id: string) => string;
  topicLabel: (id: string) => string;
  localityLabel: (id: string) => string;
  issuers: CollectionEntry<'issuers'>[];
  topics: CollectionEntry<'topics'>[];
  localities: CollectionEntry<'localities'>[];
  /** "Cập nhật" date of a page: its `updated` field, else its last git commit, else undefined. */
  lastUpdated: (entry: DocumentEntry | NewsEntry) => string | undefined;
}

let cached: Promise<Catalog> | undefined;

/** Loads and indexes all content; memoised for the whole build. */
export function loadCatalog(): Promise<Catalog> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Catalog> {
  // Drafts only in `astro dev`: a build never sees them, so no route, listing or graph can.
  const showDrafts = draftsShown(process.env);
  const [documents, news, issuers, topics, localities] = await Promise.all([
    getCollection('documents').then((list) => visibleEntries(list, showDrafts)),
    getCollection('news').then((list) => visibleEntries(list, showDrafts)),
    getCollection('issuers'),
    getCollection('topics'),
    getCollection('localities'),
  ]);
  const entriesAsTerms = (list: { id: string; data: { label: string } }[]) =>
    list.map((e) => ({ id: e.id, label: e.data.label }));
  const gitDates = lastCommitDates(contentDir());
  const lastUpdated = (entry: DocumentEntry | NewsEntry) => {
    if (entry.data.updated) return formatDate(entry.data.updated);
    const changed = entry.filePath ? gitDates.get(path.resolve(entry.filePath)) : undefined;
    return changed ? formatTimestamp(changed) : undefined;
  };
  return {
    lastUpdated,
    documents: newestFirst(documents, (d) => d.data.date),
    news: newestFirst(news, (n) => n.data.eventDate),
    documentsById: new Map(documents.map((d) => [d.id, d])),
    issuerLabel: labelMap(entriesAsTerms(issuers)),
    topicLabel: labelMap(entriesAsTerms(topics)),
    localityLabel: labelMap(entriesAsTerms(localities)),
    issuers,
    topics,
    localities,
  };
}

/** Date a listing sorts an item by: a document's issue date, a news item's event date. */
export function itemDate(item: DocumentEntry | NewsEntry): string {
  return item.collection === 'documents' ? item.data.date : item.data.eventDate;
}

/** Documents and news together, newest first, for listings by year, topic and locality. */
export async function allItems(): Promise<(DocumentEntry | NewsEntry)[]> {
  const { documents, news } = await loadCatalog();
  return newestFirst([...documents, ...news], itemDate);
}

/** Route builders for this build's base path. */
export const urls = createUrls(import.meta.env.BASE_URL);
