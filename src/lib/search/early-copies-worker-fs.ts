/**
 * The worker thread of early-copies-fs.ts: folds each page it is sent (search-copy.ts) and writes
 * its copy under the same path in its folder; at the end writes the list of what it made and posts
 * the number of copies back.
 *
 * A page that cannot be folded (it already holds the stand-in letter) or written is left out of the
 * list: the index step folds it from the file and reports it there, naming the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import writeFileAtomic from 'write-file-atomic';
import { servePages } from '../content/page-worker-fs.ts';
import { EARLY_LIST_FILE, type EarlyList } from './early-copies-fs.ts';
import { searchCopy } from './search-copy.ts';

const { dir } = workerData as { dir: string };
const list: EarlyList = {};
const made = new Set<string>();
let copies = 0;

function copyPage(file: string, html: string, bytes: number): void {
  try {
    const copy = searchCopy(html);
    if (copy !== null) {
      const target = path.join(dir, file);
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        fs.mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      fs.writeFileSync(target, copy);
      copies++;
    }
    list[file] = [bytes, copy === null ? 0 : 1];
  } catch {
    // Left out of the list (see above).
  }
}

/** Writes the list of what was made; returns the number of copies. */
function writeList(): number {
  fs.mkdirSync(dir, { recursive: true });
  writeFileAtomic.sync(path.join(dir, EARLY_LIST_FILE), JSON.stringify(list));
  return copies;
}

servePages(copyPage, writeList);
