/**
 * Writes a new draft page into the content directory: all at once and never over an existing page.
 */
import path from 'node:path';
import { writeNewFileAtomically } from './new-file-fs.ts';
import type { ScaffoldedPage } from './scaffold.ts';

/** A page could not be written; the message says why and what to do, in Vietnamese. */
export class NewPageError extends Error {
  override name = 'NewPageError';
}

/**
 * Writes `page` under `contentRoot` and returns its absolute path: all at once and never over an
 * existing page, even one another editor created a moment earlier (new-file-fs.ts).
 */
export function writeNewPage(contentRoot: string, page: ScaffoldedPage): string {
  const file = path.join(contentRoot, page.path);
  if (!writeNewFileAtomically(file, page.text)) {
    throw new NewPageError(
      `Đã có tệp ${page.path}: mở tệp đó để sửa. Nếu đây là một trang khác, hãy đổi câu trả lời (số hiệu, ngày hoặc tiêu đề).`,
    );
  }
  return file;
}
