import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { alignmentToClasses, satteriTableAlign } from '../../../src/lib/markdown/table-align.ts';

const render = (md: string) => {
  const hast = toHast(fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
  alignmentToClasses(hast as never);
  return toHtml(hast);
};

describe('table alignment without inline styles', () => {
  it('turns aligned columns into classes and leaves no style attribute', () => {
    const html = render('| A | B | C |\n| :-- | :-: | --: |\n| 1 | 2 | 3 |\n');
    expect(html).not.toContain('style=');
    expect(html).toContain('<th class="align-left">A</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
  });

  it('leaves unaligned columns alone', () => {
    expect(render('| A |\n| --- |\n| 1 |\n')).toContain('<td>1</td>');
  });
});

describe('table alignment under Sätteri (the site processor)', () => {
  const md = '| A | B | C | D |\n| :-- | :-: | --: | --- |\n| 1 | 2 | 3 | 4 |\n';

  it('writes classes instead of the text-align styles Sätteri emits', async () => {
    const { html } = await markdownToHtml(md, { hastPlugins: [satteriTableAlign()] });
    expect(html).not.toContain('style=');
    expect(html).toContain('<th class="align-left">A</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
    expect(html).toContain('<td>4</td>');
  });

  it('does the same in MDX, which compiles cells to JSX', async () => {
    const { code } = await mdxToJs(md, { hastPlugins: [satteriTableAlign()] });
    expect(code).not.toContain('textAlign');
    expect(code).toContain('className: "align-right"');
  });
});
