/**
 * A broken page, told to the editor: for each way of breaking a page (tests/fixtures/broken-pages),
 * `npm run build` and `npm run check` must open their error report with the page's file and line
 * and one Vietnamese sentence saying what to do, before any of Astro's report or stack trace, and
 * without Astro's unrelated hints.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../helpers/build.ts';

const FIXTURE = path.resolve('tests/fixtures/broken-pages');
const TMP = path.resolve('tests/.tmp/broken-pages');
const LOG = path.resolve('.astro/so-tay-astro.log');

interface Case {
  name: string;
  /** The broken page, relative to the content directory. */
  page: string;
  line: number;
  /** What the sentence must say. */
  says: RegExp;
  /** Something of Astro's own report that the full log keeps. */
  astroSaid: RegExp;
}

const CASES: Case[] = [
  {
    name: 'bad-yaml',
    page: 'tin/2024-06-20-trang-hong.mdx',
    line: 5,
    says: /Thông tin đầu trang \(YAML\) không đọc được: thiếu dấu ngoặc kép \("\) đóng/,
    // The content loader reads the frontmatter before Astro does, in the words of npm run check.
    astroSaid: /Missing closing "quote|double quoted scalar/,
  },
  {
    name: 'bad-schema',
    page: 'tin/2024-06-20-trang-hong.mdx',
    line: 6,
    says: /Trường eventKind chỉ nhận một trong các giá trị tong-ket, .*\(đang ghi "trien-khai-sai"\)/,
    astroSaid: /InvalidContentEntryDataError/,
  },
  {
    name: 'unknown-issuer',
    page: 'van-ban/9051-nq-tw-2024.mdx',
    line: 5,
    says: /Cơ quan ban hành "ban-khong-co-that" không có trong content\/data\/co-quan\.yaml/,
    astroSaid: /InvalidContentEntryDataError/,
  },
  {
    name: 'stray-brace',
    page: 'tin/2024-06-20-trang-hong.mdx',
    line: 19,
    says: /Dấu \{.* bị MDX đọc là .*biểu thức JavaScript.*hãy viết \\\{/,
    astroSaid: /oxc/,
  },
  {
    name: 'stray-less-than',
    page: 'tin/2024-06-20-trang-hong.mdx',
    line: 19,
    says: /Dấu < ở dòng này bị MDX đọc là mở đầu một thẻ.*hãy viết &lt;/,
    astroSaid: /expected a valid JSX tag/,
  },
  {
    name: 'unknown-name',
    page: 'tin/2024-06-20-trang-hong.mdx',
    line: 19,
    says: /Dấu \{hoiNghi\} ở dòng này bị MDX đọc là một biểu thức JavaScript.*hãy viết \\\{hoiNghi\\\}/,
    // The MDX safety check stops it before Astro evaluates the name.
    astroSaid: /\{hoiNghi\}/,
  },
];

/** The valid corpus plus one broken page, as a content directory of its own. */
function contentWith(c: Case): string {
  const dir = path.join(TMP, c.name);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const part of ['data', 'van-ban'])
    fs.cpSync(path.join(FIXTURE, part), path.join(dir, part), { recursive: true });
  fs.cpSync(path.join(FIXTURE, 'cases', c.name), dir, { recursive: true });
  return dir;
}

function run(script: string, content: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [script, ...args], {
    env: childEnv({ SO_TAY_CONTENT_DIR: content }),
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Lines of Astro's logger (`12:01:02 [content] Syncing content`), shown as they come. */
const isLogLine = (l: string) => /^\d\d:\d\d:\d\d \[(?!ERROR)/.test(l);

describe.each(CASES)('a page broken by $name', (c) => {
  const content = contentWith(c);
  const where = `${path.relative(process.cwd(), path.join(content, c.page))}:${c.line}`;

  it('npm run build names the file and line in one Vietnamese sentence before Astro’s report', () => {
    const out = path.join(TMP, `${c.name}-site`);
    const { status, stderr } = run('scripts/build.ts', content, ['--outDir', out]);
    expect(status).not.toBe(0);
    // Astro's progress and warnings come as they happen; the error report opens with our sentence.
    const report = stderr.split('\n').filter((l) => l.trim() !== '' && !isLogLine(l));
    const [first] = report;
    expect(first?.startsWith(`LỖI  ${where}  `), stderr).toBe(true);
    expect(first).toMatch(c.says);
    // A stack trace, when there is one (the content loader's own errors have none), comes after.
    const trace = stderr.indexOf('Stack trace');
    expect(trace === -1 || trace > stderr.indexOf(first as string)).toBe(true);
    expect(stderr).not.toContain('Browser APIs are not available');
    // Astro's own words are still there, in full, in the log the report points to.
    expect(stderr).toContain('.astro/so-tay-astro.log');
    expect(fs.readFileSync(LOG, 'utf8')).toMatch(c.astroSaid);
  });

  it('npm run check opens with the same file, line and sentence', () => {
    const { status, stdout } = run('scripts/check-content.ts', content);
    expect(status).toBe(1);
    const [first] = stdout.split('\n');
    expect(first?.startsWith(`LỖI   ${where}  `), stdout).toBe(true);
    expect(first).toMatch(c.says);
    expect(stdout).not.toContain('Browser APIs are not available');
  });
});
