import { describe, expect, it } from 'vitest';
import { classifyBody, describeMdxSyntaxError, MdxSyntaxError } from '../../../src/lib/markdown/mdx-usage.ts';

/** The error classifyBody throws for `source`. */
function syntaxErrorOf(source: string): MdxSyntaxError {
  try {
    classifyBody(source);
  } catch (err) {
    if (err instanceof MdxSyntaxError) return err;
    throw err;
  }
  throw new Error(`no syntax error in ${JSON.stringify(source)}`);
}

describe('classifyBody', () => {
  it('finds no MDX in plain Markdown, escaped braces, a lone < and code', () => {
    for (const body of [
      '## Bối cảnh\n\nNghị quyết số 21-NQ/TW **nêu rõ**: tỷ lệ 90%.\n\n| a | b |\n| --- | ---: |\n| 1 | 2 |\n',
      'Viết \\{ và \\} như chữ, và \\< cũng vậy.\n',
      'Khi a < b thì } chỉ là một dấu.\n',
      'Mã `{x}` và `<Note>` trong dòng.\n\n```js\nimport x from "y";\nconst o = { a: 1 };\n```\n',
      'Đoạn văn.\n\n    dòng thụt lề bốn dấu cách\n',
      'Chú thích.[^1]\n\n[^1]: Theo báo Nhân Dân.\n',
    ]) {
      expect(classifyBody(body), body).toBe('static');
    }
  });

  it('finds imports, exports, JSX elements and expressions', () => {
    for (const body of [
      "import Note from '../../src/components/Note.astro';\n\nVăn bản.\n",
      'export const x = 1;\n\nVăn bản.\n',
      '<Note>\nGhi chú.\n</Note>\n',
      'Trong dòng <abbr title="Ban Chấp hành">BCH</abbr>.\n',
      'Tổng: {1 + 2}.\n',
      '{/* một chú thích MDX */}\n\nVăn bản.\n',
    ]) {
      expect(classifyBody(body), body).toBe('mdx');
    }
  });

  it('keeps pages with images on the MDX path, where Astro handles images', () => {
    expect(classifyBody('![Ảnh hội nghị](./anh.jpg)\n')).toBe('mdx-images');
    expect(classifyBody('![Ảnh][a]\n\n[a]: https://example.vn/a.jpg\n')).toBe('mdx-images');
  });

  it('reports a stray { or < with its line and column', () => {
    const brace = syntaxErrorOf('Dòng một.\n\nTỷ lệ đạt {90% số đảng viên.\n');
    expect([brace.line, brace.column]).toEqual([3, 11]);
    const angle = syntaxErrorOf('Giá trị a <b và c.\n');
    expect([angle.line, angle.column]).toEqual([1, 11]);
  });
});

describe('describeMdxSyntaxError', () => {
  const describeFor = (source: string) =>
    describeMdxSyntaxError('content/tin/x.mdx', source, syntaxErrorOf(source));

  it('names the file, line and column, shows the line with a caret and says what to write', () => {
    const message = describeFor('Dòng một.\n\nTỷ lệ đạt {90% số đảng viên.\n');
    expect(message.split('\n')[0]).toMatch(/^content\/tin\/x\.mdx:3 {2}Dấu \{/);
    expect(message).toContain('dòng 3, cột 11');
    expect(message).toContain('  3 | Tỷ lệ đạt {90% số đảng viên.\n    |           ^');
    expect(message).toContain('hãy viết \\{');
  });

  it('catches what only compiling finds: a sentence opening with "import", an expression that is not JavaScript', () => {
    const esm = syntaxErrorOf('Dòng một.\n\nimport không phải mã ở đây.\n');
    expect(esm.line).toBe(3);
    expect(describeFor('Dòng một.\n\nimport không phải mã ở đây.\n')).toContain(
      'bắt đầu bằng chữ import hay export',
    );
    expect(describeFor('Tổng {1 +}.\n')).toContain('hãy viết \\{');
  });

  it('gives the hint that fits: &lt; for <, a Markdown link for <https://…>, {/* */} for comments', () => {
    expect(describeFor('Giá trị a <b và c.\n')).toContain('hãy viết &lt;');
    expect(describeFor('Xem <https://example.vn> nhé.\n')).toContain('[nhãn](https://…)');
    expect(describeFor('<!-- ghi chú -->\n')).toContain('{/* … */}');
  });
});
