import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkDocumentFileNames,
  checkMdxSafety,
  checkNfc,
  checkSourceUrls,
} from '../../../src/lib/checks/content-checks.ts';
import {
  type ContentFile,
  ContentFileError,
  lineOf,
  parseContentText,
} from '../../../src/lib/content/content-files.ts';
import { readContentFiles, readFrontmatters } from '../../../src/lib/content/content-files-fs.ts';
import { knownDocumentFrom } from '../../../src/lib/graph/document-registry.ts';

const page = (id: string, raw: string, collection: 'documents' | 'news' = 'documents'): ContentFile => ({
  file: `/c/${id}.mdx`,
  relative: `van-ban/${id}.mdx`,
  collection,
  id,
  raw,
  ...parseContentText(`/c/${id}.mdx`, raw),
});

describe('content files', () => {
  it('refuses YAML anchors and aliases before expanding them, naming the line', () => {
    const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 20; i++) {
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    }
    bomb.push('---', '');
    const parse = () => parseContentText('/c/bom.mdx', bomb.join('\n'));
    expect(parse).toThrow(ContentFileError);
    expect(parse).toThrow(/^\/c\/bom\.mdx:2: Trường "a": anchor "&a"/);
  });

  it('splits frontmatter and body and knows where the body starts', () => {
    const parsed = parseContentText('x.mdx', '---\ncode: 21-NQ/TW\ndate: 2022-06-16\n---\n\nNội dung.\n');
    expect(parsed.data.code).toBe('21-NQ/TW');
    expect(parsed.body).toBe('\nNội dung.\n');
    expect(parsed.bodyLine).toBe(5);
  });

  it('reports bad YAML with the file and line', () => {
    const bad = '---\ntitle: a\ntopics: [a, b\n---\nx';
    expect(() => parseContentText('x.mdx', bad)).toThrow(ContentFileError);
    try {
      parseContentText('x.mdx', bad);
    } catch (e) {
      expect((e as ContentFileError).line).toBe(3);
      expect((e as Error).message).toMatch(
        /^x\.mdx:3: Thông tin đầu trang \(YAML\) không đọc được: thiếu dấu \] đóng/,
      );
    }
  });

  it('says in Vietnamese what is wrong with the YAML, on the line where the mistake is', () => {
    const cases: [string, number, RegExp][] = [
      // An unclosed quote runs to the end of the frontmatter; the line is where it opens.
      [
        '---\ntitle: a\noutlet: "Báo Thử\nsummary: b\ntopics: [x]\n---\n',
        3,
        /thiếu dấu ngoặc kép \("\) đóng/,
      ],
      ["---\na: 1\ntitle: 'abc\nx: 2\n---\n", 3, /thiếu dấu ngoặc đơn \('\) đóng/],
      ['---\ntitle: Hội nghị: tổng kết\n---\n', 2, /dấu hai chấm và dấu cách.*trong ngoặc kép/],
      ['---\ntitle: x\ntitle: y\n---\n', 3, /một trường được ghi hai lần/],
      ['---\ntitle: x\n\tfoo: y\n---\n', 3, /thụt lề bằng phím Tab/],
    ];
    for (const [raw, line, reason] of cases) {
      try {
        parseContentText('x.mdx', raw);
        expect.unreachable(raw);
      } catch (e) {
        expect((e as ContentFileError).line, raw).toBe(line);
        expect((e as Error).message, raw).toMatch(reason);
      }
    }
  });

  it('requires frontmatter', () => {
    expect(() => parseContentText('x.mdx', 'Chỉ có nội dung')).toThrow(/frontmatter/);
  });

  it('counts lines', () => {
    expect(lineOf('a\nb\nc', 0)).toBe(1);
    expect(lineOf('a\nb\nc', 2)).toBe(2);
    expect(lineOf('a\nb\nc', 4)).toBe(3);
  });
});

describe('content checks', () => {
  it('finds text that is not NFC and says which line', () => {
    const raw = `---\ntitle: a\n---\nDòng một\n${'Nghị quyết'.normalize('NFD')}\n`;
    const problems = checkNfc({ files: [page('a', raw)], taxonomies: {} as never, root: '/c' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(5);
    expect(
      checkNfc({ files: [page('b', '---\na: 1\n---\nĐúng\n')], taxonomies: {} as never, root: '/c' }),
    ).toEqual([]);
  });

  it('suggests the canonical file name of a document', () => {
    const raw = '---\ncode: 21-NQ/TW\ndate: 2022-06-16\n---\n';
    const ctx = (id: string) => ({ files: [page(id, raw)], taxonomies: {} as never, root: '/c' });
    expect(checkDocumentFileNames(ctx('21-nq-tw-2022'))).toEqual([]);
    expect(checkDocumentFileNames(ctx('nghi-quyet-21'))[0]?.message).toMatch(/21-nq-tw-2022\.mdx/);
  });

  it('warns, at its line, about a source that has no address', () => {
    const raw = [
      '---',
      'title: Tin thử nghiệm',
      'sources:',
      '  - title: Bài có địa chỉ',
      '    outlet: Báo Thử nghiệm',
      '    url: https://example.org/a',
      '  - title: Bài mất địa chỉ',
      '    outlet: Cổng Thử nghiệm',
      '---',
      '',
    ].join('\n');
    const problems = checkSourceUrls({
      files: [page('tin-thu', raw, 'news')],
      taxonomies: {} as never,
      root: '/c',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', line: 7 });
    expect(problems[0]?.message).toMatch(/Bài mất địa chỉ/);
    const folded = raw.replace(
      '  - title: Bài mất địa chỉ',
      '  - title: >-\n      Bài mất địa chỉ, có tên dài\n      xuống dòng',
    );
    expect(
      checkSourceUrls({ files: [page('tin-thu', folded, 'news')], taxonomies: {} as never, root: '/c' })[0]
        ?.line,
    ).toBe(8);
  });
});

describe('the MDX safety check in npm run check', () => {
  const ctx = (raw: string) => ({
    files: [page('trang', raw)],
    taxonomies: {} as never,
    root: '/c',
    projectRoot: '/du-an',
  });

  it('reports what the build refuses, at its line in the file', () => {
    const raw = [
      '---',
      'title: a',
      '---',
      '',
      "import { execSync } from 'node:child_process';",
      '',
      'Máy: {execSync("hostname")}',
      '',
    ].join('\n');
    const problems = checkMdxSafety(ctx(raw));
    expect(problems.map((p) => [p.severity, p.file, p.line])).toEqual([
      ['error', '/c/trang.mdx', 5],
      ['error', '/c/trang.mdx', 7],
    ]);
    expect(problems[0]?.message).toMatch(/import "node:child_process" bị từ chối/);
  });

  it('passes plain pages, and a page using a component of the project', () => {
    expect(checkMdxSafety(ctx('---\ntitle: a\n---\n\nVăn bản thường.\n'))).toEqual([]);
    expect(
      checkMdxSafety(ctx("---\ntitle: a\n---\nimport Hop from '/src/components/Hop.astro';\n\n<Hop />\n")),
    ).toEqual([]);
  });
});

describe('readFrontmatters (the link registry’s fast read)', () => {
  it('reads both collections like readContentFiles, and leaves out a page whose YAML is broken', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-fm-'));
    try {
      fs.mkdirSync(path.join(root, 'van-ban'));
      fs.mkdirSync(path.join(root, 'tin'));
      fs.writeFileSync(
        path.join(root, 'van-ban', '9021-nq-tw-2022.mdx'),
        '---\ncode: 9021-NQ/TW\ndate: 2022-06-16\ntitle: "Về thử nghiệm: khóa sau"\n---\nNội dung.\n',
      );
      fs.writeFileSync(path.join(root, 'van-ban', 'hong.mdx'), '---\ntopics: [a, b\n---\nx\n');
      fs.writeFileSync(
        path.join(root, 'tin', 'tin-thu.mdx'),
        '---\ntitle: Tin thử\neventDate: 2023-05-10\n---\n',
      );
      const read = readFrontmatters(root);
      expect(read.map((f) => [f.collection, f.id])).toEqual([
        ['documents', '9021-nq-tw-2022'],
        ['news', 'tin-thu'],
      ]);
      // The registry asks for the documents alone.
      expect(readFrontmatters(root, ['documents']).map((f) => f.id)).toEqual(['9021-nq-tw-2022']);
      // Unquoted dates come as Date objects, as Astro's own frontmatter parser (js-yaml) gives them.
      expect(read[0]?.data).toEqual({
        code: '9021-NQ/TW',
        date: new Date('2022-06-16'),
        title: 'Về thử nghiệm: khóa sau',
      });
      // The registry reads the same document from either reader (readContentFiles stops at the broken page).
      fs.rmSync(path.join(root, 'van-ban', 'hong.mdx'));
      const [slow] = readContentFiles(root);
      expect(knownDocumentFrom('9021-nq-tw-2022', { ...read[0]?.data, type: 'nghi-quyet' })).toEqual(
        knownDocumentFrom('9021-nq-tw-2022', { ...slow?.data, type: 'nghi-quyet' }),
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
