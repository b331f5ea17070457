/**
 * Writes a new draft page into the content directory: all at once (a temporary file beside it,
 * then linked into place) and never over an existing page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ScaffoldedPage } from './scaffold.ts';

/** A page could not be written; the message says why and what to do, in Vietnamese. */
export class NewPageError extends Error {
  override name = 'NewPageError';
}

/**
 * Writes `page` under `contentRoot` and returns its absolute path. The text goes to a temporary
 * file in the same folder first and is then hard-linked to its name, which fails if that name is
 * taken: so a page is never half written and never overwritten, even by two editors at once.
 */
export function writeNewPage(contentRoot: string, page: ScaffoldedPage): string {
  const file = path.join(contentRoot, page.path);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, page.text, { flag: 'wx' });
  try {
    fs.linkSync(temp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new NewPageError(
        `Đã có tệp ${page.path}: mở tệp đó để sửa. Nếu đây là một trang khác, hãy đổi câu trả lời (số hiệu, ngày hoặc tiêu đề).`,
      );
    }
    // A file system without hard links: check, then rename (atomic, but not proof against a race).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw err;
    if (fs.existsSync(file)) throw new NewPageError(`Đã có tệp ${page.path}: mở tệp đó để sửa.`);
    fs.renameSync(temp, file);
    return file;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return file;
}
