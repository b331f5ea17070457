/**
 * Reads the source texts the importer keeps in `nguon/` (see {@link SOURCES_DIR}), for the check
 * that a published page no longer repeats its source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENTS_DIR, NEWS_DIR, SOURCES_DIR } from './paths.ts';

/**
 * Every kept source text under a content directory, keyed `<folder>/<page id>` (`tin/2023-06-22-…`).
 * Empty when there is no `nguon/` folder.
 */
export function readSourceTexts(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const folder of [NEWS_DIR, DOCUMENTS_DIR]) {
    const dir = path.join(root, SOURCES_DIR, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (name.endsWith('.txt'))
        out.set(`${folder}/${name.slice(0, -4)}`, fs.readFileSync(path.join(dir, name), 'utf8'));
    }
  }
  return out;
}
