/**
 * The two thin wrappers around the pure link transform, the remark plugin and the Sätteri plugin,
 * must make the same links from the same text: both read the fixture's registry from disk and the
 * page from its path and frontmatter, as they do inside a build.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { remarkLinkCodes, satteriLinkCodes } from '../../src/lib/markdown/link-codes-fs.ts';
import { linksIn, parse } from '../helpers/markdown.ts';

const root = path.resolve('tests/fixtures/links');
const base = '/so-tay/';

const text = [
  '## Nghị quyết 9021-NQ/TW',
  '',
  'Theo Nghị quyết số 9021-NQ/TW, Nghị quyết số 9018, 9019-NQ/TW và Quyết định số 9865-QĐ/TU, ngày 18/1/2019.',
  '',
  'Đã có [bài viết về 9014-KL/TW](https://example.invalid/), `9007-KH/TW`, Kế hoạch số 9007-KH/TW và 9999-NQ/TW.',
  '',
  '| Văn bản |',
  '| --- |',
  '| Kết luận 9014-KL/TW |',
].join('\n');

/** Links the remark plugin makes: [text, href]. */
function remarkLinks(file: string, frontmatter: Record<string, unknown>): Array<[string, string]> {
  const tree = parse(text);
  remarkLinkCodes({ base, root })(tree, { path: file, data: { astro: { frontmatter } } });
  return linksIn(tree).map((l) => [l.children.map((c) => ('value' in c ? c.value : '')).join(''), l.url]);
}

/** Links the Sätteri plugin makes, read back from its HTML: [text, href]. */
async function satteriLinks(
  file: string,
  frontmatter: Record<string, unknown>,
): Promise<Array<[string, string]>> {
  const { html } = await markdownToHtml(text, {
    mdastPlugins: [satteriLinkCodes({ base, root })],
    fileURL: pathToFileURL(file),
    data: { astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
  });
  return [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[2] ?? '', m[1] ?? '']);
}

describe('remark and Sätteri wrappers', () => {
  it('make the same links on a news page dated 2023', async () => {
    const file = path.join(root, 'tin', 'bat-ky-2023.mdx');
    const frontmatter = { eventDate: new Date('2023-05-10') };
    const expected: Array<[string, string]> = [
      ['9021-NQ/TW', '/so-tay/van-ban/9021-nq-tw-2022/'],
      ['Nghị quyết số 9018', '/so-tay/van-ban/9018-nq-tw-2017/'],
      ['9019-NQ/TW', '/so-tay/van-ban/9019-nq-tw-2017/'],
      ['9865-QĐ/TU', '/so-tay/van-ban/9865-qd-tu-2019/'],
      ['bài viết về 9014-KL/TW', 'https://example.invalid/'],
      ['9007-KH/TW', '/so-tay/van-ban/9007-kh-tw-2022/'],
      ['9014-KL/TW', '/so-tay/van-ban/9014-kl-tw-2021/'],
    ];
    expect(remarkLinks(file, frontmatter)).toEqual(expected);
    expect(await satteriLinks(file, frontmatter)).toEqual(expected);
  });

  it('follow codeChoices and never link a document page to itself', async () => {
    const file = path.join(root, 'van-ban', '9021-nq-tw-2022.mdx');
    const frontmatter = {
      code: '9021-NQ/TW',
      date: new Date('2022-06-16'),
      codeChoices: { '9018-NQ/TW': '2017' },
    };
    const remark = remarkLinks(file, frontmatter);
    expect(remark.map(([t]) => t)).not.toContain('9021-NQ/TW');
    expect(remark).toContainEqual(['Nghị quyết số 9018', '/so-tay/van-ban/9018-nq-tw-2017/']);
    expect(await satteriLinks(file, frontmatter)).toEqual(remark);
  });

  it('leave text inside an MDX <a> that wraps a whole paragraph unlinked, as the remark walk does', async () => {
    const file = path.join(root, 'tin', 'bat-ky-2023.mdx');
    const frontmatter = { eventDate: new Date('2023-05-10') };
    const mdx = '<a href="/x/">\n\nTheo Kết luận 9014-KL/TW.\n\n</a>\n\nVà Kết luận 9014-KL/TW.\n';
    const { code } = await mdxToJs(mdx, {
      mdastPlugins: [satteriLinkCodes({ base, root })],
      fileURL: pathToFileURL(file),
      data: { astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
    });
    expect(code.split('/so-tay/van-ban/9014-kl-tw-2021/').length - 1).toBe(1);
    const tree = parse(mdx, true);
    remarkLinkCodes({ base, root })(tree, { path: file, data: { astro: { frontmatter } } });
    expect(linksIn(tree).map((l) => l.url)).toEqual(['/so-tay/van-ban/9014-kl-tw-2021/']);
  });
});
