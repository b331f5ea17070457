/**
 * The one way the editors' tools (`npm run import`, `npm run new`) create a page or a kept source:
 * all at once, and never over a file that is already there.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `text` to `target`, which must not exist yet, creating its folder; returns false, writing
 * nothing, when a file of that name exists. The text goes to a temporary file in the same folder,
 * which is then hard-linked to the target name: linking fails if the name is taken, even by another
 * editor a moment earlier, and a reader sees either no file or the whole file. On a file system
 * without hard links (some network shares) the name is checked and the file renamed into place:
 * still all at once, but not proof against a race.
 */
export function writeNewFileAtomically(target: string, text: string): boolean {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  fs.writeFileSync(temp, text, { flag: 'wx' });
  try {
    fs.linkSync(temp, target);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw err;
    if (fs.existsSync(target)) return false;
    fs.renameSync(temp, target);
    return true;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
