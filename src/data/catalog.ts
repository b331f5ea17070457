/**
 * The site's data, loaded once per build from the content collections and shaped by the pure
 * helpers in `src/lib/`. Routes call `loadCatalog()` and render; they do no data work themselves.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import path from 'node:path';
import { fileUnder, newestFirst } from '../lib/content/catalog.ts';
import { formatDate, formatTimestamp } from '../lib/content/dates.ts';
import type { DocumentType } from '../lib/content/document-types.ts';
import { draftsShown, visibleEntries } from '../lib/content/drafts.ts';
import { lastCommitDates } from '../lib/content/git-dates-fs.ts';
import { localityMembers } from '../lib/content/localities.ts';
import { contentDir } from '../lib/content/paths.ts';
import { labelMap } from '../lib/content/taxonomy.ts';
import { groupByTerm, type TermGroup } from '../lib/content/terms.ts';
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
  /**
   * The Central Committee term a document is filed under on the term pages: its `term`, when a
   * central body issued it. A local committee's `term` counts that committee's own congresses
   * (Tỉnh ủy khóa XX), so such a document is in no term page.
   */
  centralTerm: (doc: DocumentEntry) => string | undefined;
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
  const centralIssuers = new Set(issuers.filter((i) => i.data.level === 'trung-uong').map((i) => i.id));
  return {
    lastUpdated,
    centralTerm: (doc) => (centralIssuers.has(doc.data.issuer) ? doc.data.term : undefined),
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

/**
 * The items of every listing page, by kind and id. Only an id with items is a key, and only a key
 * gets a page: a type, issuer, topic, locality or term with nothing in it is not published (an
 * empty page is a dead end, and would sit in the sitemap linked from nowhere); the index pages
 * show such an id without a link.
 */
export interface Listings {
  /** Documents of each type, newest first. */
  types: Map<DocumentType, DocumentEntry[]>;
  /** Documents of each issuer. */
  issuers: Map<string, DocumentEntry[]>;
  /** Documents and news on each topic. */
  topics: Map<string, (DocumentEntry | NewsEntry)[]>;
  /** Documents and news of each locality; a current province's also of those merged into it. */
  localities: Map<string, (DocumentEntry | NewsEntry)[]>;
  /** Documents of each Central Committee term, newest term first. */
  terms: TermGroup<DocumentEntry>[];
}

let listings: Promise<Listings> | undefined;

/** Loads the items of every listing page; memoised for the whole build. */
export function loadListings(): Promise<Listings> {
  listings ??= buildListings();
  return listings;
}

async function buildListings(): Promise<Listings> {
  const { documents, localities, centralTerm } = await loadCatalog();
  const items = await allItems();
  const flat = localities.map((l) => ({ id: l.id, ...l.data }));
  const byLocality = new Map<string, (DocumentEntry | NewsEntry)[]>();
  for (const l of flat) {
    const members = localityMembers(flat, l.id);
    const filed = items.filter((i) => i.data.locality !== undefined && members.has(i.data.locality));
    if (filed.length > 0) byLocality.set(l.id, filed);
  }
  return {
    types: fileUnder(documents, (d) => [d.data.type]) as Map<DocumentType, DocumentEntry[]>,
    issuers: fileUnder(documents, (d) => [d.data.issuer]),
    topics: fileUnder(items, (i) => i.data.topics),
    localities: byLocality,
    terms: groupByTerm(documents, centralTerm),
  };
}

/** Route builders for this build's base path. */
export const urls = createUrls(import.meta.env.BASE_URL);
