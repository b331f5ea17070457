/**
 * Puts a generated corpus on disk as a content directory Astro can build (`SO_TAY_CONTENT_DIR`):
 * `van-ban/`, `tin/` and a copy of `content/data/` with the corpus's provincial committees added to
 * `co-quan.yaml`. A corpus already there with the same size, seed, generator version and data is
 * reused, since writing 10,000 files takes longer than checking a stamp.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { DATA_DIR, DATA_FILES, NEWS_DIR } from '../../src/lib/content/paths.ts';
import { readTaxonomies } from '../../src/lib/content/taxonomy-fs.ts';
import { GENERATOR_VERSION, generateCorpus } from './corpus.ts';

/** Name of the stamp file inside a written corpus. */
export const STAMP_FILE = 'bench-corpus.json';

/** What identifies a corpus on disk. */
interface Stamp {
  generator: number;
  pages: number;
  seed: number;
  /** Hash of the taxonomy files the corpus was generated from. */
  data: string;
  /** How pages import the Note component, or null when none does. */
  noteImport: string | null;
}

/** Options of {@link ensureCorpus}. */
export interface EnsureCorpusOptions {
  /** Number of content pages. */
  pages: number;
  /** Where to write it, e.g. `.bench/corpus-5000`. */
  dir: string;
  /** The project's content directory whose `data/` is copied. */
  sourceContentDir: string;
  seed?: number;
  /**
   * The project's src/components/: when given, one page in fifty imports its Note component (by a
   * path relative to the page, as editors write it).
   */
  componentsDir?: string;
}

function hashData(dataDir: string): string {
  const hash = createHash('sha256');
  for (const name of Object.values(DATA_FILES).sort()) {
    hash.update(name);
    hash.update(fs.readFileSync(path.join(dataDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

function readStamp(dir: string): Stamp | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, STAMP_FILE), 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

/**
 * Makes sure `dir` holds the corpus for these options, generating it when missing or stale. The new
 * corpus is written to a sibling temporary directory and renamed into place, so an interrupted run
 * never leaves a half-written corpus that a later run would reuse.
 */
export function ensureCorpus(options: EnsureCorpusOptions): { dir: string; reused: boolean } {
  const seed = options.seed ?? 1;
  const dataDir = path.join(options.sourceContentDir, DATA_DIR);
  const noteImport =
    options.componentsDir === undefined
      ? null
      : path
          .relative(path.join(options.dir, NEWS_DIR), path.join(options.componentsDir, 'Note.astro'))
          .split(path.sep)
          .join('/');
  const wanted: Stamp = {
    generator: GENERATOR_VERSION,
    pages: options.pages,
    seed,
    data: hashData(dataDir),
    noteImport,
  };
  const existing = readStamp(options.dir);
  if (existing && JSON.stringify(existing) === JSON.stringify(wanted))
    return { dir: options.dir, reused: true };

  const corpus = generateCorpus({
    pages: options.pages,
    seed,
    taxonomies: readTaxonomies(options.sourceContentDir),
    ...(noteImport !== null && { noteImport }),
  });
  const tmp = `${options.dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(tmp, DATA_DIR), { recursive: true });
  for (const name of Object.values(DATA_FILES)) {
    fs.copyFileSync(path.join(dataDir, name), path.join(tmp, DATA_DIR, name));
  }
  if (corpus.extraIssuers.length > 0) {
    const extra = `\n# Added by the benchmark: provincial Party committees of the synthetic corpus.\n${stringify(corpus.extraIssuers)}`;
    fs.appendFileSync(path.join(tmp, DATA_DIR, DATA_FILES.issuers), extra);
  }
  for (const file of corpus.files) {
    const target = path.join(tmp, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.text);
  }
  fs.writeFileSync(path.join(tmp, STAMP_FILE), `${JSON.stringify(wanted, null, 2)}\n`);
  fs.rmSync(options.dir, { recursive: true, force: true });
  fs.renameSync(tmp, options.dir);
  return { dir: options.dir, reused: false };
}
