/**
 * Content is input (issue 12): the fictional fixture site with one hostile change at a time, built
 * with the project's real configuration. Each build must stop with a message naming the file and the
 * line, before anything is published; `npm run check` must report the same. And a page that uses a
 * component of the project the allowed way still builds.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, childEnv } from '../helpers/build.ts';

const fixture = path.resolve('tests/fixtures/site');
const tmp = path.resolve('tests/.tmp/hostile-content');
const DOC = 'van-ban/9035-ct-tw-2019.mdx';

/** A copy of the fixture site with `edit` applied, under tests/.tmp. */
function siteWith(name: string, edit: (dir: string) => void): string {
  const dir = path.join(tmp, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(fixture, dir, { recursive: true });
  edit(dir);
  return dir;
}

const appendTo = (dir: string, file: string, text: string) => fs.appendFileSync(path.join(dir, file), text);
const replaceIn = (dir: string, file: string, from: RegExp, to: string) => {
  const full = path.join(dir, file);
  fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replace(from, to));
};

/** Builds `dir`, expecting failure; returns what the build printed. */
async function failedBuild(dir: string): Promise<{ output: string; out: string }> {
  const out = `${dir}-dist`;
  const logFile = `${dir}-build.log`;
  try {
    await buildSite({ contentDir: dir, outDir: out, logFile });
  } catch {
    return { output: fs.readFileSync(logFile, 'utf8'), out };
  }
  throw new Error(`Build của ${dir} lẽ ra phải dừng, nhưng đã xong.`);
}

/** Runs `npm run check`'s content script on `dir`: its exit status and output. */
function checkContent(dir: string): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ['scripts/check-content.ts'], {
      env: childEnv({ SO_TAY_CONTENT_DIR: dir }),
      encoding: 'utf8',
    });
    return { status: 0, output };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}\n${e.stderr}` };
  }
}

const published = (out: string, route: string) =>
  fs.existsSync(path.join(out, route, 'index.html'))
    ? fs.readFileSync(path.join(out, route, 'index.html'), 'utf8')
    : '';

describe('the build refuses hostile content, naming file and line', () => {
  it('stops on an impossible unquoted date instead of publishing it moved to another day', async () => {
    const dir = siteWith('date', (d) => replaceIn(d, DOC, /^date: .*$/m, 'date: 2019-02-30'));
    const { output, out } = await failedBuild(dir);
    expect(output).toContain(
      `${path.relative(process.cwd(), dir)}/${DOC}:6  Trường "date": ngày 2019-02-30 không có thật (tháng 2/2019 chỉ có 28 ngày); YAML sẽ lặng lẽ đổi nó thành 02/03/2019.`,
    );
    expect(published(out, 'van-ban/9035-ct-tw-2019')).toBe('');
    const check = checkContent(dir);
    expect(check.status).toBe(1);
    expect(check.output).toContain(`${DOC}:6  Trường "date": ngày 2019-02-30 không có thật`);
  });

  it('stops on YAML anchors and aliases in frontmatter before anything expands them', async () => {
    const dir = siteWith('alias', (d) =>
      replaceIn(d, DOC, /^summary: (.*)$/m, 'tom-tat: &t [1, 2, 3]\nsummary: $1\nlap-lai: [*t, *t]'),
    );
    const { output } = await failedBuild(dir);
    expect(output).toMatch(
      /9035-ct-tw-2019\.mdx:14 {2}Trường "tom-tat": anchor "&t": Anchor \(&tên\) và alias/,
    );
    expect(output).toContain('9035-ct-tw-2019.mdx:16  Trường "lap-lai[0]": alias "*t"');
    expect(checkContent(dir).output).toContain('9035-ct-tw-2019.mdx:16  Trường "lap-lai[0]": alias "*t"');
  });

  it('stops on a symlink in the content folder (one to /etc/hostname was published)', async () => {
    const dir = siteWith('symlink', (d) => fs.symlinkSync('/etc/hostname', path.join(d, 'tin/may-chu.mdx')));
    const { output } = await failedBuild(dir);
    expect(output).toContain('tin/may-chu.mdx:1  liên kết tượng trưng (symlink) tới "/etc/hostname"');
    expect(checkContent(dir).output).toContain('tin/may-chu.mdx:1  liên kết tượng trưng (symlink)');
  });

  it('stops on MDX that imports node:child_process and runs it, before the page is rendered', async () => {
    const dir = siteWith('mdx-import', (d) =>
      appendTo(
        d,
        DOC,
        "\nimport { execSync } from 'node:child_process';\n\nMáy build: {execSync('hostname').toString()}\n",
      ),
    );
    const { output, out } = await failedBuild(dir);
    expect(output).toMatch(/9035-ct-tw-2019\.mdx:19 {2}import "node:child_process" bị từ chối/);
    expect(output).toContain(
      "9035-ct-tw-2019.mdx:21  biểu thức {execSync('hostname').toString()} không được phép",
    );
    expect(published(out, 'van-ban/9035-ct-tw-2019')).not.toContain(os.hostname());
    const check = checkContent(dir);
    expect(check.status).toBe(1);
    expect(check.output).toMatch(
      /LỖI {2}.*9035-ct-tw-2019\.mdx:19 {2}import "node:child_process" bị từ chối/,
    );
  });

  it('stops on an MDX export that would run code when the page is loaded', async () => {
    const dir = siteWith('mdx-export', (d) =>
      appendTo(d, DOC, "\nexport const may = await import('node:os').then((os) => os.hostname());\n"),
    );
    expect((await failedBuild(dir)).output).toContain('9035-ct-tw-2019.mdx:19  MDX không được có export');
  });

  it('builds a page that imports a component of the project and renders it', async () => {
    const dir = siteWith('mdx-component', (d) =>
      appendTo(
        d,
        DOC,
        '\nimport FormattedDate from \'/src/components/FormattedDate.astro\';\n\nNgày thử: <FormattedDate date="2019-05-01" />.\n',
      ),
    );
    const out = `${dir}-dist`;
    await buildSite({ contentDir: dir, outDir: out });
    expect(published(out, 'van-ban/9035-ct-tw-2019')).toContain(
      'Ngày thử: <time datetime="2019-05-01">01/05/2019</time>',
    );
    expect(checkContent(dir).status).toBe(0);
  });
});
