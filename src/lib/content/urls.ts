/**
 * Every internal URL the site prints is built here, from the site's base path, so the site works at
 * `/` and under any sub-path such as `/so-tay/`. URLs are ASCII, lower case and end with `/`.
 */

import { termSlug } from './terms.ts';

/** Route builders bound to one base path. */
export interface Urls {
  /** Any site path (`'van-ban/'`, `'/pagefind/pagefind.js'`) under the base. */
  to(path: string): string;
  home(): string;
  documents(page?: number): string;
  document(id: string): string;
  news(page?: number): string;
  newsItem(id: string): string;
  type(slug: string, page?: number): string;
  years(): string;
  year(year: number | string, page?: number): string;
  issuers(): string;
  issuer(id: string, page?: number): string;
  topics(): string;
  topic(id: string, page?: number): string;
  localities(): string;
  locality(id: string, page?: number): string;
  /** The terms (khóa) index. */
  terms(): string;
  /** One term's documents: `term('XIII')` → `khoa/xiii/`. */
  term(term: string): string;
  search(query?: string): string;
  gaps(): string;
  rss(): string;
}

/** Creates route builders for a base path such as `/` or `/so-tay/`. */
export function createUrls(base: string): Urls {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const to = (p: string) => prefix + p.replace(/^\/+/, '');
  const paged = (p: string, page?: number) => to(page && page > 1 ? `${p}${page}/` : p);
  return {
    to,
    home: () => prefix,
    documents: (page) => paged('van-ban/', page),
    document: (id) => to(`van-ban/${id}/`),
    news: (page) => paged('tin/', page),
    newsItem: (id) => to(`tin/${id}/`),
    type: (slug, page) => paged(`loai/${slug}/`, page),
    years: () => to('nam/'),
    year: (year, page) => paged(`nam/${year}/`, page),
    issuers: () => to('co-quan/'),
    issuer: (id, page) => paged(`co-quan/${id}/`, page),
    topics: () => to('chu-de/'),
    topic: (id, page) => paged(`chu-de/${id}/`, page),
    localities: () => to('dia-phuong/'),
    locality: (id, page) => paged(`dia-phuong/${id}/`, page),
    terms: () => to('khoa/'),
    term: (term) => to(`khoa/${termSlug(term)}/`),
    search: (query) => to(query ? `tim-kiem/?q=${encodeURIComponent(query)}` : 'tim-kiem/'),
    gaps: () => to('van-ban-con-thieu/'),
    rss: () => to('rss.xml'),
  };
}
