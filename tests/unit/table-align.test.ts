import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { alignmentToClasses } from '../../src/lib/table-align.ts';

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
