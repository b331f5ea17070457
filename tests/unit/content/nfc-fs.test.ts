import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixNfc } from '../../../src/lib/content/nfc-fs.ts';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('fixNfc (npm run check -- --fix-nfc)', () => {
  it('rewrites decomposed text as NFC and leaves NFC files and other files alone', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-nfc-'));
    const nfd = '---\ntitle: Nghị quyết về đảng viên\n---\n\nTăng cường củng cố.\n'.normalize('NFD');
    fs.mkdirSync(path.join(dir, 'van-ban'));
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'van-ban', 'a.mdx'), nfd);
    fs.writeFileSync(path.join(dir, 'van-ban', 'b.mdx'), nfd.normalize('NFC'));
    fs.writeFileSync(path.join(dir, 'data', 'chu-de.yaml'), '- id: x\n  label: Đảng viên\n'.normalize('NFD'));
    fs.writeFileSync(path.join(dir, 'anh.png'), nfd); // not a text file of the site

    const fixed = fixNfc(dir);

    expect(fixed).toEqual([path.join(dir, 'data', 'chu-de.yaml'), path.join(dir, 'van-ban', 'a.mdx')]);
    expect(fs.readFileSync(path.join(dir, 'van-ban', 'a.mdx'), 'utf8')).toBe(nfd.normalize('NFC'));
    expect(fs.readFileSync(path.join(dir, 'anh.png'), 'utf8')).toBe(nfd);
    expect(fixNfc(dir)).toEqual([]);
  });
});
