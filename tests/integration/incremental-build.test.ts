/**
 * A build run again reuses what did not change (the content store, the pages the content loader
 * rendered, kept by digest, and the document and news pages of the last output, linked by page
 * reuse), and must never leave a stale page. Each step below changes one kind of input, builds
 * again as an editor does (`npm run build`: caches, the last output and all), then builds cold
 * (`astro build --force` into another folder) and requires every file to be the same.
 *
 * The build runs in a copy of the project under tests/.tmp/, with a node_modules of its own whose
 * entries link to the project's packages: the caches (node_modules/.astro, .astro) are the copy's,
 * so editing its schema, configuration, components and data touches nothing of the real project.
 *
 * After each warm build, the copies the search index was made from must be the pages as built,
 * folded: the ones kept from the last build and the ones made while the pages rendered alike.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keptCopiesDir } from '../../src/lib/search/index-builder-fs.ts';
import { searchCopy } from '../../src/lib/search/search-copy.ts';
import { childEnv } from '../helpers/build.ts';

const root = path.resolve('.');
const tmp = path.join(root, 'tests/.tmp/incremental-build');
const project = path.join(tmp, 'project');
const warm = path.join(tmp, 'warm');
const cold = path.join(tmp, 'cold');

/**
 * A build of the copy into `outDir`; returns its output. Warm: `npm run build` as an editor runs it
 * (the last output moved aside and pages reused from it; the search index after). Cold: `astro
 * build --force`, every page line included, nothing reused.
 */
function build(outDir: string, force: boolean): string {
  const env = childEnv({
    SO_TAY_CONTENT_DIR: path.join(project, 'content'),
    // The search index is not what is tested here: the integration hands the folder over instead.
    SO_TAY_INDEX_LATER: force ? path.join(tmp, 'x') : undefined,
  });
  const args = force
    ? [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, '--force']
    : [path.join(project, 'scripts/build.ts'), '--outDir', outDir];
  return execFileSync(process.execPath, args, {
    cwd: project,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Every file under `dir` but the search index, relative, sorted. */
function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('pagefind') && fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** Files that differ between the warm and the cold build. */
function staleFiles(): string[] {
  const inWarm = files(warm);
  const inCold = files(cold);
  const stale = inWarm.filter(
    (f) =>
      !inCold.includes(f) || !fs.readFileSync(path.join(warm, f)).equals(fs.readFileSync(path.join(cold, f))),
  );
  return [...stale, ...inCold.filter((f) => !inWarm.includes(f))];
}

/** Pages of the warm output whose search copy is not the page as built, folded (search-copy.ts). */
function staleSearchCopies(): string[] {
  const kept = keptCopiesDir(project, warm);
  return files(warm)
    .filter((f) => f.endsWith('.html'))
    .filter((f) => {
      const copy = searchCopy(fs.readFileSync(path.join(warm, f), 'utf8'));
      const at = path.join(kept, f);
      if (copy === null) return fs.existsSync(at);
      return !fs.existsSync(at) || fs.readFileSync(at, 'utf8') !== copy;
    });
}

/** Content pages the warm build took from the content store as they were, from the loader's lines. */
function reused(log: string): number {
  return [...log.matchAll(/Đã đọc [\d.]+ (?:văn bản|tin): ([\d.]+) lấy lại từ bộ nhớ đệm/g)].reduce(
    (n, m) => n + Number((m[1] ?? '0').replace(/\./g, '')),
    0,
  );
}

/** The HTML pages of the warm output (`van-ban/x`, `` for the home page) by inode. */
function inodes(): Map<string, number> {
  const byPage = new Map<string, number>();
  for (const f of files(warm)) {
    if (f.endsWith('index.html'))
      byPage.set(f.replace(/\/?index\.html$/, ''), fs.statSync(path.join(warm, f)).ino);
  }
  return byPage;
}

/**
 * Builds warm then cold as {@link rebuild} does; also returns the pages the warm build took from
 * its last output (a hard link keeps the inode; a page written again gets a new one).
 */
function rebuildNoting(): { log: string; linked: Set<string> } {
  const before = inodes();
  const log = rebuild();
  const linked = new Set(
    [...inodes()].filter(([page, ino]) => before.get(page) === ino).map(([page]) => page),
  );
  return { log, linked };
}

/** Document and news pages of the warm output. */
const contentPagesOf = (pages: Iterable<string>) =>
  [...pages].filter((p) => /^(van-ban|tin)\/[^/]*[a-z][^/]*$/.test(p));

/** Changes a file of the copy: replaces `from` by `to`, which must be there. */
function edit(file: string, from: string, to: string): void {
  const full = path.join(project, file);
  const text = fs.readFileSync(full, 'utf8');
  expect(text, `${file} should contain ${from}`).toContain(from);
  fs.writeFileSync(full, text.replace(from, to));
}

/** Builds warm then cold; returns the warm build's log once both agree on every file. */
function rebuild(): string {
  const log = build(warm, false);
  expect(staleSearchCopies()).toEqual([]);
  build(cold, true);
  expect(staleFiles()).toEqual([]);
  return log;
}

const page = (dir: string, url: string) => fs.readFileSync(path.join(dir, url, 'index.html'), 'utf8');
const DOCUMENT = 'van-ban/21-kl-tw-2021';
const MDX_DOCUMENT = 'van-ban/865-qd-tu-2019';
/** A news page given a link to another host before the first build, and never edited after. */
const NEWS = 'tin/2023-06-22-giao-ban-to-chuc-xay-dung-dang-mien-nam';
/** The document and news pages of content/. */
let contentPages = 0;

beforeAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(project, 'node_modules'), { recursive: true });
  for (const entry of [
    'src',
    'scripts',
    'public',
    'content',
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
  ])
    fs.cpSync(path.join(root, entry), path.join(project, entry), { recursive: true });
  for (const name of fs.readdirSync(path.join(root, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    fs.symlinkSync(path.join(root, 'node_modules', name), path.join(project, 'node_modules', name));
  }
  fs.appendFileSync(
    path.join(project, 'content', `${NEWS}.mdx`),
    '\nXem thêm [bài thử](https://example.vn/bai-thu).\n',
  );
  contentPages = ['van-ban', 'tin'].reduce(
    (n, d) => n + fs.readdirSync(path.join(project, 'content', d)).length,
    0,
  );
  build(warm, false);
});

describe('building again', () => {
  it('takes every unchanged page from the content store, and from the last output all but the few without a key', () => {
    const { log, linked } = rebuildNoting();
    expect(reused(log)).toBe(contentPages);
    // Every document and news page but the one using a component (Astro writes an MDX page's
    // images only when it renders it), and the listings; not the home page, which has no key.
    expect(contentPagesOf(linked)).toHaveLength(contentPages - 1);
    expect(linked.has(MDX_DOCUMENT)).toBe(false);
    expect(linked.has('van-ban')).toBe(true);
    expect(linked.has('tin')).toBe(true);
    expect(linked.has('')).toBe(false);
    expect(log).toMatch(/Dùng lại [\d.]+ trang không đổi từ lần build trước; tạo lại [\d.]+ trang\./);
  });

  it('after a page is edited, renders it and the pages it now cites, and reuses the others', () => {
    // The new sentence cites 18-NQ/TW, which 21-KL/TW did not: that page's backlinks change too.
    const cited = 'van-ban/18-nq-tw-2017';
    expect(page(warm, cited)).not.toContain('/van-ban/21-kl-tw-2021/');
    edit(
      `content/${DOCUMENT}.mdx`,
      '## Nội dung chính',
      'Câu thêm, theo Nghị quyết số 18-NQ/TW.\n\n## Nội dung chính',
    );
    const { log, linked } = rebuildNoting();
    expect(page(warm, DOCUMENT)).toContain('Câu thêm, theo');
    expect(page(warm, cited)).toContain('/van-ban/21-kl-tw-2021/');
    // The edited page is read again; the cited page's backlinks are rendered from the new graph.
    expect(reused(log)).toBe(contentPages - 1);
    expect(contentPagesOf(linked)).toHaveLength(contentPages - 3);
    // The three pages rendered were folded for the search index as they were rendered.
    expect(log).toMatch(
      /Đã lập chỉ mục tìm kiếm \d+ trang \(trong \d+ tệp HTML, 3 trang chuẩn bị sẵn khi tạo trang\)/,
    );
    expect(linked.has(DOCUMENT) || linked.has(cited)).toBe(false);
    // A listing shows no body: the edit leaves it as it was.
    expect(linked.has('van-ban')).toBe(true);
  });

  it("after a cited document's title changes, with the new title on the pages citing it", () => {
    const citing = 'van-ban/21-kl-tw-2021';
    edit(
      'content/van-ban/18-nq-tw-2017.mdx',
      '  Một số vấn đề về tiếp tục',
      '  (Tên mới) Một số vấn đề về tiếp tục',
    );
    const { linked } = rebuildNoting();
    expect(page(warm, citing)).toContain('(Tên mới)');
    // Code links in every body carry the titles they point to, so every page is made again.
    expect(contentPagesOf(linked)).toEqual([]);
  });

  it('after a page file of the output is changed by hand, writes it again', () => {
    fs.appendFileSync(path.join(warm, DOCUMENT, 'index.html'), '<!-- sửa tay -->');
    const { linked } = rebuildNoting();
    expect(page(warm, DOCUMENT)).not.toContain('sửa tay');
    expect(contentPagesOf(linked)).toHaveLength(contentPages - 2);
    expect(linked.has(DOCUMENT)).toBe(false);
  });

  it('after the schema changes, shows what the new schema makes of the data', () => {
    edit(
      'src/content.config.ts',
      "summary: z.string().min(1, 'Thiếu tóm tắt ngắn (summary).'),",
      "summary: z.string().min(1, 'Thiếu tóm tắt ngắn (summary).').transform((s) => s + ' (lược đồ mới)'),",
    );
    rebuild();
    expect(page(warm, DOCUMENT)).toContain('(lược đồ mới)');
  });

  it('after the configuration changes, shows the new settings in every body', () => {
    edit(
      'astro.config.mjs',
      'processor: satteri(markdownProcessorOptions({ base })),',
      "processor: satteri({ ...markdownProcessorOptions({ base }), features: { gfm: { footnotes: { label: 'Chú thích mới', backLabel: 'Lên trên' } }, smartPunctuation: false } }),",
    );
    rebuild();
    expect(page(warm, DOCUMENT)).toContain('Chú thích mới');
  });

  it('after a component changes, on the pages that use it, MDX pages included', () => {
    edit('src/components/DocumentMeta.astro', '>Người ký</th>', '>Người ký văn bản</th>');
    edit('src/components/Note.astro', "title = 'Ghi chú của Sổ tay'", "title = 'Sổ tay ghi chú'");
    const { log, linked } = rebuildNoting();
    expect(log).toContain('Mã nguồn, cấu hình hoặc giao diện đã đổi từ lần build trước: tạo lại mọi trang.');
    expect(linked.size).toBe(0);
    expect(page(warm, DOCUMENT)).toContain('Người ký văn bản');
    expect(page(warm, MDX_DOCUMENT)).toContain('Sổ tay ghi chú');
  });

  it('after a data file changes, with the new label on every page showing it', () => {
    edit(
      'content/data/co-quan.yaml',
      'label: Ban Chấp hành Trung ương,',
      'label: Ban Chấp hành Trung ương Đảng,',
    );
    rebuild();
    expect(page(warm, DOCUMENT)).toContain('Ban Chấp hành Trung ương Đảng');
  });

  it('after the code of a Markdown plugin changes, with bodies made by the new code', () => {
    edit(
      'src/lib/markdown/external-links.ts',
      "['external', 'noopener', 'noreferrer']",
      "['external', 'noopener', 'noreferrer', 'nofollow']",
    );
    rebuild();
    expect(page(warm, NEWS)).toContain('rel="external noopener noreferrer nofollow"');
  });

  it('after a page is deleted, with the page gone and no listing or backlink to it', () => {
    fs.rmSync(path.join(project, 'content', `${NEWS}.mdx`));
    const log = rebuild();
    expect(fs.existsSync(path.join(warm, NEWS))).toBe(false);
    expect(reused(log)).toBe(contentPages - 1);
  });
});
