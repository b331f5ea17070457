/**
 * `npm run check -- --fix-nfc`: rewrites the content files that are not stored NFC (a decomposed
 * "ệ", typed with a combining-mark keyboard or copied from a PDF, looks the same but breaks search
 * and comparisons). Each file is written to a temporary file and renamed, so a file is never
 * half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** Text files of a content folder that may hold Vietnamese text. */
const TEXT_FILE = /\.(?:mdx?|ya?ml|txt)$/;

function* textFiles(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // Links are the content guard's to refuse; never follow one here.
    if (entry.isDirectory()) yield* textFiles(full);
    else if (entry.isFile() && TEXT_FILE.test(entry.name)) yield full;
  }
}

/** Rewrites every text file under `contentDir` that is not NFC; returns the files rewritten, sorted. */
export function fixNfc(contentDir: string): string[] {
  const fixed: string[] = [];
  for (const file of textFiles(contentDir)) {
    const text = fs.readFileSync(file, 'utf8');
    const nfc = text.normalize('NFC');
    if (nfc === text) continue;
    writeFileAtomic.sync(file, nfc, { encoding: 'utf8' });
    fixed.push(file);
  }
  return fixed.sort();
}
