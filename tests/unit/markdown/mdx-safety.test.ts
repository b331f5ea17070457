import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  type MdxCode,
  MdxSafetyError,
  mdxCodeInTree,
  mdxSafetyIssues,
  satteriMdxSafety,
} from '../../../src/lib/markdown/mdx-safety.ts';
import { parse } from '../../helpers/markdown.ts';

const projectRoot = '/du-an';
const file = '/du-an/content/van-ban/trang.mdx';
const options = { file, projectRoot };

/** The refusals for an MDX body, parsed as `npm run check` parses it. */
const issuesOf = (mdx: string) => mdxSafetyIssues(mdxCodeInTree(parse(mdx, true)), options);

describe('imports in MDX', () => {
  it.each([
    "import HopThongTin from '../../src/components/HopThongTin.astro';",
    "import HopThongTin from '/src/components/HopThongTin.astro';",
    "import { A, B as C } from '/src/components/nhom/index.ts';",
    "import * as Nhom from '../../src/components/Nhom.astro';",
  ])('accepts %s', (line) => {
    expect(issuesOf(`${line}\n\nVăn bản.\n`)).toEqual([]);
  });

  it.each([
    ["import { execSync } from 'node:child_process';", /import "node:child_process" bị từ chối/],
    ["import fs from 'fs';", /không phải đường dẫn tới một tệp của dự án/],
    ["import _ from 'lodash';", /không phải đường dẫn/],
    ["import x from '../../src/lib/content/paths.ts';", /nằm ngoài src\/components\//],
    ["import x from '../../src/components/../lib/x.ts';", /nằm ngoài src\/components\//],
    ["import x from '/src/components/../../etc/passwd';", /nằm ngoài src\/components\//],
    ["import x from '/etc/passwd';", /không phải đường dẫn/],
    ["import x from './khac.mdx';", /nằm ngoài/],
    ["import x from '../../src/components/X.astro?raw';", /có \?, # hoặc/],
    ["import x from 'data:text/javascript,process.exit(1)';", /không phải đường dẫn/],
  ])('refuses %s, naming the line', (line, why) => {
    const [issue, ...rest] = issuesOf(`Mở đầu.\n\n${line}\n`);
    expect(rest).toEqual([]);
    expect(issue?.line).toBe(3);
    expect(issue?.message).toMatch(why);
    expect(issue?.message).toMatch(/MDX chỉ được import thành phần của dự án trong src\/components\//);
  });

  it('refuses import attributes (micromark cannot parse them; Sätteri hands them over)', () => {
    const esm = "import d from '/src/components/d.json' with { type: 'json' };";
    expect(mdxSafetyIssues([{ kind: 'esm', value: esm, line: 4 }], options)).toEqual([
      { line: 4, message: expect.stringMatching(/import có thuộc tính/) },
    ]);
  });
});

describe('exports in MDX', () => {
  it.each([
    "export const x = await import('node:child_process');",
    'export const meta = { a: 1 };',
    'export function f() { return 1; }',
    "export * from 'node:fs';",
    "export { default } from '/src/components/X.astro';",
    'export default function Layout() {}',
  ])('refuses %s', (line) => {
    const issues = issuesOf(`${line}\n\nVăn bản.\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^MDX không được có export/) });
  });

  it('names the line of each statement of a block', () => {
    const issues = issuesOf(
      "import X from '/src/components/X.astro';\nexport const a = 1;\nexport const b = 2;\n",
    );
    expect(issues.map((i) => i.line)).toEqual([2, 3]);
  });
});

describe('expressions in MDX', () => {
  const imports = "import The from '/src/components/The.astro';\n\n";

  it.each([
    '{/* ghi chú của người viết */}',
    '{"chữ"}',
    '{42}',
    '{frontmatter.title}',
    '{props.a?.b}',
    '<The so={-1} ten="a" ds={["a", 2, null]} dt={{ a: 1, b: [frontmatter.code] }} mau={`x`} {...props} />',
    '<The la={The} />',
    '<The.Phan />',
  ])('accepts the inert %s', (mdx) => {
    expect(issuesOf(`${imports}${mdx}\n`)).toEqual([]);
  });

  it.each([
    "{require('child_process').execSync('id')}",
    "{(await import('node:fs')).readFileSync('/etc/passwd', 'utf8')}",
    '{process.env.HOME}',
    '{globalThis.process}',
    '{new Function("return 1")()}',
    '{frontmatter.constructor.constructor("return process")()}',
    "{frontmatter['constructor']}",
    '{String.raw`x`}',
    '{1 + 2}',
    '{x = 1}',
    '{(() => 1)()}',
    '{frontmatter.a, frontmatter.b}',
    '{<b>đậm</b>}',
    '<The a={fetch("http://x")} />',
    '<The {...process.env} />',
    '<The a={{ get b() { return 1; } }} />',
    '<The a={{ f() {} }} />',
    '<The a={{ [frontmatter.k]: 1 }} />',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the MDX under test holds a template literal.
    '<The a={`${frontmatter.title}`} />',
  ])('refuses %s, which could run code or read the machine', (mdx) => {
    const issues = issuesOf(`${imports}${mdx}\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(3);
    expect(issues[0]?.message).toMatch(/^biểu thức \{.*\} không được phép: trong MDX chỉ được dùng chữ, số/);
  });
});

describe('elements in MDX', () => {
  it('accepts HTML tags, fragments and imported components', () => {
    expect(
      issuesOf(
        "import Hop from '/src/components/Hop.astro';\n\n<div><Hop /><svg:rect /><my-tag /></div>\n\n<>x</>\n",
      ),
    ).toEqual([]);
  });

  it.each(['<Hop />', '<process.exit />', '<Function />', '<globalThis.eval />'])(
    'refuses %s, which MDX would call as a function',
    (mdx) => {
      const [issue] = issuesOf(`${mdx}\n`);
      expect(issue?.message).toMatch(/không phải thẻ HTML và không được import từ src\/components\//);
    },
  );
});

describe('the Sätteri plugin on the MDX path', () => {
  const root = path.resolve('tests/.tmp/mdx-safety');
  const compile = (source: string) =>
    mdxToJs(source, {
      mdastPlugins: [satteriMdxSafety({ projectRoot: root })],
      fileURL: pathToFileURL(path.join(root, 'content/tin/trang.mdx')),
    });

  it('compiles a page that uses only what it may', async () => {
    const result = await compile(
      'import Hop from \'/src/components/Hop.astro\';\n\n# Tiêu đề\n\n<Hop ten="a" />\n\n{/* ghi chú */}\n',
    );
    expect(result.code).toContain('/src/components/Hop.astro');
  });

  it('stops the compile with every refusal of the page, its file and lines', async () => {
    const source = [
      '   ', // what @astrojs/mdx leaves of the frontmatter: spaces, lines kept
      '',
      "import { execSync } from 'node:child_process';",
      '',
      'Máy build: {execSync("hostname").toString()}',
      '',
      'export const x = 1;',
      '',
    ].join('\n');
    let error: unknown = null;
    try {
      await compile(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MdxSafetyError);
    const e = error as MdxSafetyError;
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^Trang content\/tin\/trang\.mdx dùng mã MDX không được phép \(3 chỗ\):/);
    expect(e.message).toContain('content/tin/trang.mdx:3  import "node:child_process" bị từ chối');
    expect(e.message).toContain('content/tin/trang.mdx:5  biểu thức {execSync("hostname").toString()}');
    expect(e.message).toContain('content/tin/trang.mdx:7  MDX không được có export');
  });

  it('finds the lines of code the same way as the check', () => {
    const mdx = 'Một.\n\nHai {frontmatter.title} và <b>ba</b>.\n';
    const codes: MdxCode[] = mdxCodeInTree(parse(mdx, true), 10);
    expect(codes.map((c) => [c.kind, c.value, c.line])).toEqual([
      ['expression', 'frontmatter.title', 13],
      ['element', 'b', 13],
    ]);
  });
});
