/**
 * The README and docs/ lead somewhere: every relative link and #anchor, every `npm run` script and
 * every repository path they name exists (tests/helpers/docs-links.ts). The checker itself is tried
 * on a small repository with one dead end of each kind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import { checkDocs, docFiles, headingSlugs } from '../helpers/docs-links.ts';

describe('the README and docs/', () => {
  it('have no broken link, anchor, script or path', () => {
    const report = checkDocs(ROOT);
    expect(report.problems.map((p) => `${p.file}:${p.line}  ${p.message}`)).toEqual([]);
    // The check looked at something of each kind.
    expect(report.checked.links).toBeGreaterThan(10);
    expect(report.checked.anchors).toBeGreaterThan(0);
    expect(report.checked.scripts).toBeGreaterThan(10);
    expect(report.checked.paths).toBeGreaterThan(20);
  });

  it('covers the README and every page of docs/', () => {
    expect(docFiles(ROOT)).toContain('README.md');
    expect(docFiles(ROOT)).toContain('docs/search.md');
  });
});

describe('the docs checker', () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-docs-'));
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  };
  write('package.json', JSON.stringify({ scripts: { build: 'x', test: 'y' } }));
  write('.gitignore', 'node_modules/\ntests/.tmp/\n');
  write('src/lib/a.ts', '');
  write('tests/unit/a.test.ts', '');
  write(
    'docs/guide.md',
    [
      '# Hướng dẫn',
      '',
      '## Đảng viên và `codeChoices`',
      '',
      '## Notes',
      '',
      '## Notes',
      '',
      'Back to the [README](../README.md#sổ-tay), [the top](#hướng-dẫn).',
    ].join('\n'),
  );
  write(
    'README.md',
    [
      '# Sổ tay',
      '',
      'Good: [guide](docs/guide.md), [section](docs/guide.md#đảng-viên-và-codechoices),',
      '[second Notes](docs/guide.md#notes-1), [folder](src/lib/), [web](https://example.vn/x), [here](#sổ-tay).',
      'Run `npm run build`, then npm test. Files: `src/lib/a.ts:12`, `tests/unit/*.test.ts`,',
      '`content/van-ban/<code>-<year>.mdx` is not checked past `<`, `tests/.tmp/out/` is output.',
      '',
      'Bad: [gone](docs/gone.md), [bad anchor](docs/guide.md#missing), [self](#nowhere).',
      'Run `npm run deploy`.',
      '',
      '```sh',
      'node scripts/missing.ts --flag',
      '```',
      '',
      '[ref]: docs/also-gone.md',
      '`tests/unit/*.spec.ts`',
    ].join('\n'),
  );
  write('content/van-ban/.keep', '');

  it('finds every dead end with its file and line, and nothing else', () => {
    const report = checkDocs(repo);
    expect(report.problems.map((p) => `${p.file}:${p.line} ${p.message.split(':')[0]}`)).toEqual([
      'README.md:8 liên kết docs/gone.md',
      'README.md:8 liên kết docs/guide.md#missing',
      'README.md:8 liên kết #nowhere',
      'README.md:9 npm run deploy',
      'README.md:12 đường dẫn scripts/missing.ts',
      'README.md:15 liên kết docs/also-gone.md',
      'README.md:16 đường dẫn tests/unit/*.spec.ts',
    ]);
  });

  it('counts what it checked', () => {
    expect(checkDocs(repo).checked).toEqual({ links: 11, anchors: 7, scripts: 3, paths: 6 });
  });

  it('fails once a link target is removed', () => {
    expect(checkDocs(repo, ['docs/guide.md']).problems).toEqual([]);
    fs.renameSync(path.join(repo, 'README.md'), path.join(repo, 'README.old'));
    try {
      expect(checkDocs(repo, ['docs/guide.md']).problems).toEqual([
        { file: 'docs/guide.md', line: 9, message: 'liên kết ../README.md#sổ-tay: không có tệp README.md' },
      ]);
    } finally {
      fs.renameSync(path.join(repo, 'README.old'), path.join(repo, 'README.md'));
    }
  });

  it('slugs headings the way GitHub does', () => {
    expect([
      ...headingSlugs('# Sổ tay\n## Đảng viên và `codeChoices`\n## A\n## A\n## Tests & gates'),
    ]).toEqual(['sổ-tay', 'đảng-viên-và-codechoices', 'a', 'a-1', 'tests--gates']);
  });
});
