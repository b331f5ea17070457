/**
 * Search copies made while Astro renders the pages, rather than after it exits.
 *
 * Astro renders on one thread; the machine's second core is mostly idle then. After Astro exits,
 * the index step used to read and fold every page before Pagefind could start: 3–4 s at 10,000
 * pages, with nothing else running. Here each page Astro renders is handed to a worker thread
 * (early-copies-worker-fs.ts) as its bytes, folded with the same code (search-copy.ts) and written
 * into a folder of this build; the index step then moves those copies into the kept folder instead
 * of folding the pages again (index-builder-fs.ts, `earlyCopies`).
 *
 * The folder is `npm run build`'s, fresh for each build, named in {@link EARLY_COPIES_ENV}; a plain
 * `astro build` makes no early copies. The worker writes a list of what it made, with each page's
 * size, once every page is rendered: a page whose file then has another size is folded again from
 * the file, and without the list (the worker failed) every page is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type PageWorker, startPageWorker } from '../content/page-worker-fs.ts';

/** When set, names the folder where the pages rendered in this build leave their search copies. */
export const EARLY_COPIES_ENV = 'SO_TAY_EARLY_COPIES';

/** The list the worker leaves in the folder, beside the copies. */
export const EARLY_LIST_FILE = '.early-copies.json';

/**
 * What the worker made, by page file (relative to the output folder, `/` separators): the byte
 * length of the page it was made from, and whether the page has a copy (1) or is not indexed (0).
 */
export type EarlyList = Record<string, [size: number, copied: 0 | 1]>;

/**
 * Copies being made on a worker thread, as pages are rendered; `finish()` resolves with the number
 * of copies, or null when the worker failed (then no list is written and the index step folds
 * every page itself).
 */
export type EarlyCopies = PageWorker<number>;

/**
 * Starts making copies into `dir` (the worker starts with the first page). `onFailure` is told why,
 * once, when the worker stops before the end; pages handed over after that are dropped.
 */
export function startEarlyCopies(dir: string, onFailure: (why: string) => void = () => {}): EarlyCopies {
  return startPageWorker(new URL('./early-copies-worker-fs.ts', import.meta.url), { dir }, 0, onFailure);
}

/**
 * The list the worker left in `dir`, or an empty one when there is none (no page was rendered, or
 * the worker failed): then nothing is taken from the folder.
 */
export function readEarlyList(dir: string): EarlyList {
  try {
    const list = JSON.parse(fs.readFileSync(path.join(dir, EARLY_LIST_FILE), 'utf8')) as unknown;
    if (typeof list === 'object' && list !== null) return list as EarlyList;
  } catch {
    // No list: every page is folded by the index step.
  }
  return {};
}
