import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentGuardIntegration } from '../../../src/integrations/content-guard.ts';
import {
  contentGuardProblems,
  formatGuardProblems,
  pathGuardProblems,
} from '../../../src/lib/content/content-guard-fs.ts';

let root: string;
let contentDir: string;
let publicDir: string;

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const goodPage = '---\ntitle: Tin\neventDate: 2024-02-29\n---\n\nNội dung.\n';

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'content-guard-'));
  contentDir = path.join(root, 'content');
  publicDir = path.join(root, 'public');
  write(path.join(contentDir, 'tin/a.mdx'), goodPage);
  write(path.join(contentDir, 'data/chu-de.yaml'), '- id: a\n  label: A\n');
  write(path.join(publicDir, 'favicon.svg'), '<svg/>');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the folders the build publishes from', () => {
  it('passes plain files and folders', () => {
    expect(contentGuardProblems({ contentDir, publicDir })).toEqual([]);
  });

  it('refuses a symlink in public/ and in the content directory, file or folder, naming its target', () => {
    fs.symlinkSync('/etc/hostname', path.join(publicDir, 'hostname.txt'));
    fs.symlinkSync('/etc', path.join(contentDir, 'tin/etc'));
    fs.symlinkSync(path.join(contentDir, 'tin/a.mdx'), path.join(contentDir, 'tin/b.mdx'));
    const problems = contentGuardProblems({ contentDir, publicDir });
    expect(problems.map((p) => path.relative(root, p.file))).toEqual([
      'content/tin/b.mdx',
      'content/tin/etc',
      'public/hostname.txt',
    ]);
    expect(problems[2]?.message).toMatch(
      /^liên kết tượng trưng \(symlink\) tới "\/etc\/hostname" không được dùng trong public\//,
    );
    // The linked folder is not followed: nothing inside /etc is listed.
    expect(problems).toHaveLength(3);
  });

  it('refuses a FIFO, which would hang the build', () => {
    execFileSync('mkfifo', [path.join(publicDir, 'pipe')]);
    const [problem] = contentGuardProblems({ contentDir, publicDir });
    expect(problem?.message).toMatch(/không phải tệp thường hay thư mục/);
  });

  it('refuses impossible dates in pages and aliases in pages and data files, with lines', () => {
    write(path.join(contentDir, 'van-ban/x.mdx'), '---\ncode: 1-NQ/TW\ndate: 2023-02-30\n---\n');
    write(path.join(contentDir, 'tin/c.md'), '---\ntitle: &t Tin\nsummary: *t\n---\n');
    write(path.join(contentDir, 'data/co-quan.yaml'), '- &x\n  id: a\n  label: A\n- *x\n');
    const problems = contentGuardProblems({ contentDir, publicDir });
    expect(problems.map((p) => [path.relative(contentDir, p.file), p.line])).toEqual([
      ['data/co-quan.yaml', 1],
      ['data/co-quan.yaml', 4],
      ['tin/c.md', 2],
      ['tin/c.md', 3],
      ['van-ban/x.mdx', 3],
    ]);
  });

  it('finds a date after a frontmatter longer than the head it reads first', () => {
    const long = `summary: ${'Tóm tắt rất dài. '.repeat(2000)}`;
    write(path.join(contentDir, 'van-ban/dai.mdx'), `---\n${long}\ndate: 2023-02-30\n---\n`);
    expect(contentGuardProblems({ contentDir, publicDir }).map((p) => p.line)).toEqual([3]);
  });

  it('does not read pages in public/ as content', () => {
    write(path.join(publicDir, 'x.md'), '---\ndate: 2023-02-30\n---\n');
    expect(contentGuardProblems({ contentDir, publicDir })).toEqual([]);
  });

  it('checks one path as astro dev sees it change', () => {
    const page = path.join(contentDir, 'tin/a.mdx');
    fs.writeFileSync(page, '---\neventDate: 2023-02-30\n---\n');
    expect(pathGuardProblems(page, { contentDir, publicDir })).toHaveLength(1);
    const link = path.join(publicDir, 'h');
    fs.symlinkSync('/etc/hostname', link);
    expect(pathGuardProblems(link, { contentDir, publicDir })[0]?.message).toMatch(/symlink/);
    expect(pathGuardProblems('/etc/hostname', { contentDir, publicDir })).toEqual([]);
  });

  it('formats the problems as file:line lines relative to the working folder', () => {
    write(path.join(contentDir, 'van-ban/x.mdx'), '---\ndate: 2023-02-30\n---\n');
    const text = formatGuardProblems(contentGuardProblems({ contentDir, publicDir }), root);
    expect(text).toMatch(/^Nội dung có 1 lỗi phải sửa trước khi build/);
    expect(text).toContain('  content/van-ban/x.mdx:2  Trường "date": ngày 2023-02-30 không có thật');
  });
});

describe('the build hook', () => {
  /** Runs the integration's astro:config:done hook as `astro build` does, with this config. */
  function configDone() {
    const hook = contentGuardIntegration().hooks['astro:config:done'] as NonNullable<
      AstroIntegration['hooks']['astro:config:done']
    >;
    const previous = process.env.SO_TAY_CONTENT_DIR;
    process.env.SO_TAY_CONTENT_DIR = contentDir;
    try {
      return hook({ config: { publicDir: pathToFileURL(`${publicDir}/`) } } as never);
    } finally {
      if (previous === undefined) delete process.env.SO_TAY_CONTENT_DIR;
      else process.env.SO_TAY_CONTENT_DIR = previous;
    }
  }

  it("stops before the content layer on a link in Astro's publicDir", () => {
    expect(configDone).not.toThrow();
    fs.symlinkSync('/etc/hostname', path.join(publicDir, 'hostname.txt'));
    expect(configDone).toThrow(/public\/hostname\.txt:1 {2}liên kết tượng trưng/);
  });
});
