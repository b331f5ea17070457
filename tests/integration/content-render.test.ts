/**
 * Pages that use nothing of MDX are rendered by the content loader (src/loaders/content-pages.ts),
 * the others by @astrojs/mdx. Whichever path a page takes, the site must be the same byte for
 * byte: each content set here is built twice, as the build does it and with SO_TAY_RENDER=mdx
 * (every page through @astrojs/mdx, as before the loader), and every file is compared. The sets:
 * the real content, a generated bench corpus with its component pages, and pages written to hit
 * the places where Markdown and MDX differ or where HTML is serialised (indented code, escapes,
 * entities, quotes, void elements, task lists, footnotes, autolinks, inline and fenced code, images).
 */

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../scripts/bench/write-corpus.ts';
import { childEnv } from '../helpers/build.ts';

const root = path.resolve('.');
const tmp = path.join(root, 'tests/.tmp/content-render');

/** Builds `contentDir` into `outDir` with astro build; returns Astro's output. Indexing is skipped. */
function build(contentDir: string, outDir: string, extra: Record<string, string> = {}): string {
  fs.rmSync(outDir, { recursive: true, force: true });
  return execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    {
      env: childEnv({
        SO_TAY_CONTENT_DIR: contentDir,
        // The integration hands the folder over instead of indexing: the index is not compared.
        SO_TAY_INDEX_LATER: path.join(tmp, 'hand-over'),
        ...extra,
      }),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
}

/** Every file under `dir` but the search index, relative, sorted. */
function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('pagefind') && fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** The files whose bytes differ between two builds (and those only one has). */
function differences(a: string, b: string): string[] {
  const inA = files(a);
  const inB = new Set(files(b));
  const out = inA.filter(
    (f) => !inB.has(f) || !fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))),
  );
  for (const f of inB) if (!inA.includes(f)) out.push(f);
  return out;
}

/** The loader's counts from a build log: pages rendered in the content layer and pages left to MDX. */
function counts(log: string): { static: number; mdx: number } {
  let statics = 0;
  let mdx = 0;
  for (const m of log.matchAll(/(\d[\d.]*) dựng sẵn HTML, (\d[\d.]*) dùng MDX/g)) {
    statics += Number((m[1] ?? '0').replace(/\./g, ''));
    mdx += Number((m[2] ?? '0').replace(/\./g, ''));
  }
  return { static: statics, mdx };
}

/** The frontmatter of a valid news page, for pages written by this test. */
function newsPage(title: string, body: string, head = ''): string {
  return [
    '---',
    `title: ${title}`,
    'eventDate: 2024-05-06',
    'outlet: Báo thử nghiệm',
    'eventKind: chuyen-de',
    'sources:',
    '  - title: Bài thử',
    '    outlet: Báo thử nghiệm',
    '    url: https://example.vn/bai-thu',
    `summary: ${title}.`,
    '---',
    head,
    body,
  ].join('\n');
}

/** Pages written to hit each difference between the two paths. */
const EDGE_PAGES: Record<string, string> = {
  'tin/2024-05-06-thut-le.mdx': newsPage(
    'Dòng thụt lề',
    'Đoạn đầu.\n\n    Dòng thụt lề bốn dấu cách: Markdown đọc là mã, MDX là đoạn văn.\n\nTiếp theo:\n\n\tmột dòng thụt bằng tab.\n',
  ),
  'tin/2024-05-06-ky-tu.mdx': newsPage(
    'Ký tự đặc biệt',
    'Viết \\{ và \\} và \\< như chữ; khi a < b thì } chỉ là dấu.\n\n' +
      'Thực thể: &amp; &lt; &gt; &copy; &nbsp;cách, ngoặc kép "x" và đơn \'y\', dấu & một mình.\n\n' +
      'Xuống dòng cứng  \nbằng hai dấu cách, và\\\nbằng gạch chéo.\n',
  ),
  // Fenced blocks too: with Shiki's colours (style attributes) the build's audit would refuse them.
  'tin/2024-05-06-ma.mdx': newsPage(
    'Mã nguồn',
    'Mã `{x}`, `<Note>` và `import x from "y"` trong dòng.\n\nCâu có chữ import và export ở giữa.\n\n' +
      '```sh\nnpm run build -- --force\n```\n\n```\nKhối không ghi ngôn ngữ: {x} <b> & "y"\n```\n',
  ),
  'tin/2024-05-06-gfm.mdx': newsPage(
    'GFM',
    [
      '## Kết quả',
      'Xem https://example.vn/a?b=1&c=2 và www.example.vn, ~~gạch bỏ~~, **đậm** _nghiêng_.',
      '- [x] đã làm\n- [ ] chưa làm\n  1. lồng\n  2. nhau',
      '| Trái | Giữa | Phải |\n| :--- | :---: | ---: |\n| a | b | c |',
      'Hai lần chú thích[^a] cùng một nguồn[^a], và một [liên kết](https://example.vn "tiêu đề").',
      '> Trích dẫn\n> hai dòng.',
      '***',
      '## Kết quả',
      '### Với `mã` và [liên kết](/van-ban/)',
      '[^a]: Chú thích có **đậm**.',
    ].join('\n\n'),
  ),
  'tin/2024-05-06-thanh-phan.mdx': newsPage(
    'Thành phần MDX',
    '<Note title="Ghi chú">\nMột ghi chú có "ngoặc kép".\n</Note>\n\nTổng là {2} và <abbr title="Ban Chấp hành">BCH</abbr>.\n',
    "\nimport Note from '@NOTE@';\n",
  ),
  'tin/2024-05-06-anh.mdx': newsPage('Có ảnh', 'Biểu tượng: ![Sổ tay](/favicon.svg)\n'),
};

const sets: Record<string, string> = {};

beforeAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  sets.content = path.join(root, 'content');
  const corpus = path.join(tmp, 'corpus-100');
  ensureCorpus({
    pages: 100,
    dir: corpus,
    sourceContentDir: path.join(root, 'content'),
    componentsDir: path.join(root, 'src/components'),
  });
  const note = path.relative(path.join(corpus, 'tin'), path.join(root, 'src/components/Note.astro'));
  for (const [file, text] of Object.entries(EDGE_PAGES))
    fs.writeFileSync(path.join(corpus, file), text.replace('@NOTE@', note.split(path.sep).join('/')));
  sets.corpus = corpus;
});

describe('the two ways of rendering a page make the same site', () => {
  it.each(['content', 'corpus'])('%s: every file is the same byte for byte', (name) => {
    const contentDir = sets[name] as string;
    const loaderLog = build(contentDir, path.join(tmp, `${name}-loader`));
    build(contentDir, path.join(tmp, `${name}-mdx`), { SO_TAY_RENDER: 'mdx' });
    expect(differences(path.join(tmp, `${name}-loader`), path.join(tmp, `${name}-mdx`))).toEqual([]);
    const { static: statics, mdx } = counts(loaderLog);
    if (name === 'content') {
      // One page imports a component (865-QĐ/TU); every other page is rendered by the loader.
      const pages = ['van-ban', 'tin'].flatMap((dir) =>
        fs.readdirSync(path.join(contentDir, dir)).filter((f) => f.endsWith('.mdx')),
      );
      expect({ statics, mdx }).toEqual({ statics: pages.length - 1, mdx: 1 });
    } else {
      // Two corpus pages use the Note component; of the test's pages, the component page and the
      // page with an image take the MDX path.
      expect({ statics, mdx }).toEqual({ statics: 102, mdx: 4 });
    }
  });

  it('writes a fenced code block as plain <pre><code>, which the Content-Security-Policy allows', () => {
    const html = fs.readFileSync(path.join(tmp, 'corpus-loader/tin/2024-05-06-ma/index.html'), 'utf8');
    expect(html).toContain('<pre><code class="language-sh">npm run build -- --force\n</code></pre>');
    expect(html).toContain(
      '<pre><code>Khối không ghi ngôn ngữ: {x} &lt;b&gt; &amp; &quot;y&quot;\n</code></pre>',
    );
    expect(html).not.toMatch(/<(?:pre|span)[^>]* style=/);
  });

  it('renders the component page with its component', () => {
    const html = fs.readFileSync(path.join(tmp, 'content-loader/van-ban/865-qd-tu-2019/index.html'), 'utf8');
    expect(html).toMatch(/<aside class="note[^"]*" aria-label="Ghi chú của Sổ tay">/);
    expect(html).toContain('Dòng cộng do Sổ tay tính từ các số của bài viết');
  });
});

describe('a page MDX cannot read', () => {
  it('stops the build, naming the file, the line and the column, with a hint in Vietnamese', () => {
    const bad = path.join(tmp, 'bad');
    fs.cpSync(path.join(root, 'tests/fixtures/site'), bad, { recursive: true });
    const page = path.join(bad, 'tin/2023-03-10-hoi-nghi-thu-nghiem.mdx');
    const lines = fs.readFileSync(page, 'utf8').split('\n');
    fs.writeFileSync(page, `${lines.join('\n')}\nTỷ lệ đạt {90% số đảng viên.\n`);
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', path.join(tmp, 'bad-out')],
      { env: childEnv({ SO_TAY_CONTENT_DIR: bad }), encoding: 'utf8' },
    );
    expect(result.status).not.toBe(0);
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toContain(`${path.relative(root, page)}:${lines.length + 1}  Dấu {`);
    expect(output).toContain(`Lỗi cú pháp ở dòng ${lines.length + 1}, cột 11:`);
    expect(output).toContain('Tỷ lệ đạt {90% số đảng viên.');
    expect(output).toContain('hãy viết \\{');
    // No stack trace: the author's problem is the last thing printed.
    expect(output).not.toContain('Stack trace');
  });
});
