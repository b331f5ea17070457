import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeNewFileAtomically } from '../../../src/lib/importer/new-file-fs.ts';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-new-file-'));
  dirs.push(d);
  return d;
}

describe('creating a file all at once, never over another', () => {
  it('writes the whole text under its name, creating the folder, with no temporary file left', () => {
    const file = path.join(tempDir(), 'tin', 'a.mdx');
    expect(writeNewFileAtomically(file, 'Đảng ủy\n')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('Đảng ủy\n');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.mdx']);
  });

  it('leaves an existing file as it was and says so', () => {
    const file = path.join(tempDir(), 'a.mdx');
    fs.writeFileSync(file, 'bản của biên tập viên\n');
    expect(writeNewFileAtomically(file, 'mới\n')).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('bản của biên tập viên\n');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.mdx']);
  });

  it('on a file system without hard links, renames into place, still never over a file', () => {
    const dir = tempDir();
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    });
    expect(writeNewFileAtomically(path.join(dir, 'a.mdx'), 'một\n')).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'a.mdx'), 'utf8')).toBe('một\n');
    expect(writeNewFileAtomically(path.join(dir, 'a.mdx'), 'hai\n')).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'a.mdx'), 'utf8')).toBe('một\n');
    expect(fs.readdirSync(dir)).toEqual(['a.mdx']);
  });

  it('passes any other failure on, and removes its temporary file', () => {
    const dir = tempDir();
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => writeNewFileAtomically(path.join(dir, 'a.mdx'), 'một\n')).toThrow(/no space/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
