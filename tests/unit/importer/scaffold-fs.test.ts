import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NewPageError, writeNewPage } from '../../../src/lib/importer/scaffold-fs.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempRoot(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-new-'));
  dirs.push(d);
  return d;
}

describe('writing a new page', () => {
  it('writes the page, creating its folder, and leaves nothing else behind', () => {
    const root = tempRoot();
    const file = writeNewPage(root, { id: 'a', path: 'tin/a.mdx', text: 'một\n' });
    expect(file).toBe(path.join(root, 'tin/a.mdx'));
    expect(fs.readFileSync(file, 'utf8')).toBe('một\n');
    expect(fs.readdirSync(path.join(root, 'tin'))).toEqual(['a.mdx']);
  });

  it('never writes over an existing page, and says which', () => {
    const root = tempRoot();
    writeNewPage(root, { id: 'a', path: 'tin/a.mdx', text: 'bản của biên tập viên\n' });
    expect(() => writeNewPage(root, { id: 'a', path: 'tin/a.mdx', text: 'mới\n' })).toThrow(NewPageError);
    expect(() => writeNewPage(root, { id: 'a', path: 'tin/a.mdx', text: 'mới\n' })).toThrow(
      /Đã có tệp tin\/a\.mdx/,
    );
    expect(fs.readFileSync(path.join(root, 'tin/a.mdx'), 'utf8')).toBe('bản của biên tập viên\n');
    expect(fs.readdirSync(path.join(root, 'tin'))).toEqual(['a.mdx']);
  });
});
