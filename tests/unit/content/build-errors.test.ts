/**
 * Astro's failures as an editor reads them. The outputs below are what `astro build` (Astro 7.3)
 * printed for the pages of tests/fixtures/broken-pages, trimmed to the lines that matter.
 */
import { describe, expect, it } from 'vitest';
import {
  explainFailure,
  fieldLine,
  formatExplanation,
  mdxSentence,
  readAstroFailure,
  schemaIssueSentence,
  withoutNoise,
} from '../../../src/lib/content/build-errors.ts';

const FILE = '/site/content/van-ban/9051-nq-tw-2024.mdx';
const PAGE = `---
code: 9051-NQ/TW
type: nghi-quyet
title: Về thử nghiệm
issuer: ban-khong-co-that
date: 2024-03-01
sources:
  - title: Bài hư cấu
    outlet: Báo Thử Nghiệm
    url: not-a-url
summary: Tóm tắt.
---

Nội dung.
`;

const SCHEMA_OUTPUT = `04:00:01 [content] Syncing content
[InvalidContentEntryDataError] documents → 9051-nq-tw-2024 data does not match collection schema.

  issuer: Cơ quan ban hành "ban-khong-co-that" không có trong content/data/co-quan.yaml. Hãy dùng một id có sẵn (ban-thu-nghiem, …) hoặc thêm mục mới vào tệp đó.
  sources.0.url: Đường dẫn nguồn phải là một URL đầy đủ (https://…).

  Hint:
    Browser APIs are not available on the server.
    
    If the code is in a framework component, try to access these objects after rendering using lifecycle methods or use a \`client:only\` directive to make the component exclusively run on the client.
    
    See https://docs.astro.build/en/guides/troubleshooting/#document-or-window-is-not-defined for more information.
    \t\t
  Error reference:
    https://docs.astro.build/en/reference/errors/invalid-content-entry-data-error/
  Location:
    ${FILE}:0:0
  Stack trace:
    at getEntryData (/p/node_modules/astro/dist/content/utils.js:126:9)
`;

const MDX_OUTPUT = `04:00:02 [ERROR] [vite] ✗ Build failed in 1.09s
22:14: Could not parse expression with oxc: Expected \`,\` or \`)\` but found \`decimal\` (mdx-jsx:unexpected-character)
  Location:
    /site/content/tin/x.mdx:22:14
  Stack trace:
    at TransformPluginContextImpl.handler (file:///p/node_modules/@astrojs/mdx/dist/vite-plugin-mdx.js:64:17)
`;

const YAML_OUTPUT = `unexpected end of the stream within a double quoted scalar
  Location:
    /site/content/tin/y.mdx:16:0
  Stack trace:
    at generateError (file:///p/node_modules/js-yaml/dist/js-yaml.mjs:1140:12)
`;

const RENDER_OUTPUT = `04:00:03 [ERROR] ReferenceError: hoiNghi is not defined
    at _createMdxContent (file:///p/.astro/.prerender/chunks/x.mjs:10:3)
04:00:03 [ERROR] [build] Caught error rendering /so-tay/tin/2024-06-20-trang-hong/: ReferenceError: hoiNghi is not defined
hoiNghi is not defined
  Hint:
    This issue often occurs when your MDX component encounters runtime errors.
  Stack trace:
    at _createMdxContent (file:///p/.astro/.prerender/chunks/x.mjs:10:3)
`;

describe('reading what Astro printed', () => {
  it('reads a schema failure: the page and each rejected field', () => {
    expect(readAstroFailure(SCHEMA_OUTPUT)).toEqual({
      kind: 'schema',
      file: FILE,
      message: 'documents → 9051-nq-tw-2024 data does not match collection schema.',
      issues: [
        { path: 'issuer', message: expect.stringContaining('"ban-khong-co-that" không có') },
        { path: 'sources.0.url', message: 'Đường dẫn nguồn phải là một URL đầy đủ (https://…).' },
      ],
    });
  });

  it('reads an MDX failure with its line, and a YAML failure by its location', () => {
    expect(readAstroFailure(MDX_OUTPUT)).toMatchObject({
      kind: 'mdx',
      file: '/site/content/tin/x.mdx',
      line: 22,
    });
    expect(readAstroFailure(YAML_OUTPUT)).toMatchObject({
      kind: 'yaml',
      file: '/site/content/tin/y.mdx',
      message: 'unexpected end of the stream within a double quoted scalar',
    });
  });

  it('reads a failure while rendering by its route', () => {
    expect(readAstroFailure(RENDER_OUTPUT)).toMatchObject({
      kind: 'render',
      route: '/so-tay/tin/2024-06-20-trang-hong/',
      message: 'hoiNghi is not defined',
    });
  });

  it('finds nothing in a build that went well', () => {
    expect(
      readAstroFailure('04:00:01 [build] 31 page(s) built in 2.50s\n04:00:01 [build] Complete!\n'),
    ).toBeNull();
  });
});

describe('explaining it', () => {
  it('one sentence per rejected field, on the field’s line', () => {
    const failure = readAstroFailure(SCHEMA_OUTPUT);
    const lines = explainFailure(failure as never, PAGE).map((e) =>
      formatExplanation(e, (f) => f.replace('/site/', '')),
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^LỖI {2}content\/van-ban\/9051-nq-tw-2024\.mdx:5 {2}Trường issuer: Cơ quan ban hành "ban-khong-co-that"/,
      ),
      'LỖI  content/van-ban/9051-nq-tw-2024.mdx:10  Trường sources.0.url: Đường dẫn nguồn phải là một URL đầy đủ (https://…).',
    ]);
  });

  it('a sentence our own MDX check already placed ("file:line  …") is kept, not placed twice', () => {
    const file = '/site/content/tin/2024-06-20-trang-hong.mdx';
    const [e] = explainFailure(
      {
        kind: 'other',
        file,
        message: `content/tin/2024-06-20-trang-hong.mdx:19  biểu thức {a()} không được phép: xóa nó đi.`,
        issues: [],
      },
      undefined,
    );
    expect(e).toEqual({ file, line: 19, sentence: 'Biểu thức {a()} không được phép: xóa nó đi.' });
  });

  it('a page whose YAML is broken is told so whatever Astro called the error', () => {
    const broken = '---\ntitle: a\noutlet: "Báo\nsummary: b\n---\n\nx\n';
    const [e] = explainFailure(readAstroFailure(YAML_OUTPUT) as never, broken);
    expect(e).toEqual({
      file: '/site/content/tin/y.mdx',
      line: 3,
      sentence: expect.stringMatching(/^Thông tin đầu trang \(YAML\) không đọc được: thiếu dấu ngoặc kép/),
    });
  });

  it('an undefined name in braces is found in the page the route came from', () => {
    const source = '---\ntitle: a\n---\n\nHội nghị {hoiNghi} đã họp.\n';
    const [e] = explainFailure(readAstroFailure(RENDER_OUTPUT) as never, undefined, (route) =>
      route.endsWith('/tin/2024-06-20-trang-hong/')
        ? { file: '/c/tin/2024-06-20-trang-hong.mdx', source }
        : undefined,
    );
    expect(e).toEqual({
      file: '/c/tin/2024-06-20-trang-hong.mdx',
      line: 5,
      sentence: expect.stringContaining('hãy viết \\{hoiNghi\\}'),
    });
  });

  it('maps the MDX parser’s words to what to write instead', () => {
    expect(
      mdxSentence('Could not parse expression with oxc: Unexpected token (mdx-jsx:unexpected-character)'),
    ).toMatch(/hãy viết \\\{/);
    expect(
      mdxSentence('Unexpected end of file in expression, expected a corresponding closing brace for `{`'),
    ).toMatch(/hãy viết \\\{/);
    expect(
      mdxSentence(
        'Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`)',
      ),
    ).toMatch(/hãy viết &lt;/);
    expect(mdxSentence('Expected a closing tag for `<br>` (1:3) before the end of `paragraph`')).toMatch(
      /Thẻ <br> .*chưa được đóng.*<br \/>/,
    );
    expect(
      mdxSentence(
        'Unexpected character `!` (U+0021) before name (note: to create a comment in MDX, use `{/* text */}`)',
      ),
    ).toMatch(/\{\/\* … \*\/\}/);
  });

  it('translates zod’s own messages and keeps ours', () => {
    expect(schemaIssueSentence('eventKind', 'Invalid option: expected one of "tong-ket"|"khac"', 'sai')).toBe(
      'Trường eventKind chỉ nhận một trong các giá trị tong-ket, khac (đang ghi "sai").',
    );
    expect(schemaIssueSentence('summary', 'Invalid input: expected string, received undefined')).toMatch(
      /^Thiếu trường bắt buộc summary/,
    );
    expect(schemaIssueSentence('featured', 'Invalid input: expected boolean, received string', 'có')).toBe(
      'Trường featured phải là true hoặc false (đang ghi "có").',
    );
    expect(schemaIssueSentence('title', 'Thiếu trích yếu (title).')).toBe(
      'Trường title: Thiếu trích yếu (title).',
    );
  });

  it('finds a field’s line, or its parent’s when it is missing', () => {
    expect(fieldLine(PAGE, 'issuer')).toEqual({ line: 5, value: 'ban-khong-co-that' });
    expect(fieldLine(PAGE, 'sources.0.url')).toEqual({ line: 10, value: 'not-a-url' });
    expect(fieldLine(PAGE, 'sources.0.date').line).toBe(8);
    expect(fieldLine(PAGE, 'status').line).toBe(1);
  });
});

describe('what the editor does not need', () => {
  it('drops the "Browser APIs" hint and keeps the rest of Astro’s report', () => {
    const cleaned = withoutNoise(SCHEMA_OUTPUT);
    expect(cleaned).not.toContain('Browser APIs');
    expect(cleaned).not.toContain('client:only');
    expect(cleaned).toContain('issuer: Cơ quan ban hành');
    expect(cleaned).toContain('Error reference:');
    expect(cleaned).toContain('Stack trace:');
    // A hint that is about the failure stays.
    expect(withoutNoise(RENDER_OUTPUT)).toContain('This issue often occurs when your MDX component');
  });
});
