import { parse as parseYaml } from 'yaml';
import { compareVietnamese } from './text.ts';

/**
 * Issuers, topics and localities are YAML lists in `content/data/`. The schema reads them here, so
 * a typo in a page's frontmatter is a build error naming the valid choices, and listings read the
 * same lists for labels.
 */

/** One entry of a taxonomy list. */
export interface TaxonomyEntry {
  id: string;
  label: string;
  [key: string]: unknown;
}

/** The three taxonomy lists of a content directory. */
export interface Taxonomies {
  issuers: TaxonomyEntry[];
  topics: TaxonomyEntry[];
  localities: TaxonomyEntry[];
}

/** A data-file problem, reported with the file and the entry so an editor can fix it. */
export class TaxonomyError extends Error {
  override name = 'TaxonomyError';
}

/**
 * Checks the text of one taxonomy YAML file (`file` names it in messages): a list of objects, each with a unique ASCII `id` and a
 * `label`. Throws {@link TaxonomyError} naming the file and entry otherwise.
 */
export function parseTaxonomy(text: string, file: string): TaxonomyEntry[] {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new TaxonomyError(`${file}: không đọc được YAML — ${(err as Error).message}`, { cause: err });
  }
  if (!Array.isArray(data)) {
    throw new TaxonomyError(`${file}: tệp phải là một danh sách (mỗi mục bắt đầu bằng "- ").`);
  }
  const seen = new Set<string>();
  return data.map((item: unknown, i) => {
    const where = `${file}, mục thứ ${i + 1}`;
    if (typeof item !== 'object' || item === null) {
      throw new TaxonomyError(`${where}: mỗi mục phải có "id" và "label".`);
    }
    const { id, label } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      throw new TaxonomyError(
        `${where}: "id" phải là chữ thường không dấu, nối bằng gạch ngang (ví dụ: to-chuc-bo-may).`,
      );
    }
    if (typeof label !== 'string' || label.trim() === '') {
      throw new TaxonomyError(`${where} (${id}): thiếu "label" (tên tiếng Việt).`);
    }
    if (seen.has(id)) throw new TaxonomyError(`${where}: "id" ${id} bị trùng.`);
    seen.add(id);
    return { ...(item as object), id, label: label.normalize('NFC') } as TaxonomyEntry;
  });
}

/** Looks up labels by id; returns the id itself for an unknown id so a page never shows nothing. */
export function labelMap(entries: readonly TaxonomyEntry[]): (id: string) => string {
  const m = new Map(entries.map((e) => [e.id, e.label]));
  return (id) => m.get(id) ?? id;
}

/** A taxonomy term with the items filed under it, for index pages with counts. */
export interface Bucket<T> {
  id: string;
  label: string;
  items: T[];
}

/**
 * Groups items by the terms each belongs to (an item may belong to several), keeping only terms
 * that have items, sorted by label in Vietnamese order. Items keep their input order.
 */
export function groupByTerms<T>(
  items: readonly T[],
  termsOf: (item: T) => readonly string[],
  labelOf: (id: string) => string,
): Bucket<T>[] {
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    for (const term of new Set(termsOf(item))) {
      const list = buckets.get(term);
      if (list) list.push(item);
      else buckets.set(term, [item]);
    }
  }
  return [...buckets]
    .map(([id, list]) => ({ id, label: labelOf(id), items: list }))
    .sort((a, b) => compareVietnamese(a.label, b.label));
}
