/**
 * Reads the taxonomy lists from disk; the checks themselves are in taxonomy.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR, DATA_FILES } from './paths.ts';
import { parseTaxonomy, type Taxonomies, type TaxonomyEntry, TaxonomyError } from './taxonomy.ts';

/** Reads and checks one taxonomy YAML file; throws a TaxonomyError naming the file and entry. */
export function readTaxonomyFile(file: string): TaxonomyEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new TaxonomyError(`${file}: không đọc được YAML — ${(err as Error).message}`, { cause: err });
  }
  return parseTaxonomy(text, file);
}

/** Reads all three taxonomy lists of a content directory. */
export function readTaxonomies(contentRoot: string): Taxonomies {
  const file = (name: string) => path.join(contentRoot, DATA_DIR, name);
  return {
    issuers: readTaxonomyFile(file(DATA_FILES.issuers)),
    topics: readTaxonomyFile(file(DATA_FILES.topics)),
    localities: readTaxonomyFile(file(DATA_FILES.localities)),
  };
}
