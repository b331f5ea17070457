/**
 * Test helpers for the link transform: mdast trees parsed the way the site's processors parse page
 * bodies (GFM, and MDX when asked), and a small register of obviously fictional documents.
 */
import type { Link, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { KnownDocument } from '../../src/lib/graph/document-registry.ts';

/** Parses Markdown (GFM) or, with `mdx`, MDX into an mdast tree with positions. */
export function parse(text: string, mdx = false): Root {
  return mdx
    ? fromMarkdown(text, {
        extensions: [mdxjs(), gfm()],
        mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()],
      })
    : fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Every link in a tree, in document order. */
export function linksIn(tree: Nodes): Link[] {
  const out: Link[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'link') out.push(n);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(tree);
  return out;
}

/**
 * Fictional documents: numbers in the 9000s and titles about "thử nghiệm" mark them as made up.
 * 9021-NQ/TW and 9865-QĐ/TU exist twice each, as real codes repeat across terms.
 */
export const FICTIONAL_DOCUMENTS: KnownDocument[] = [
  {
    id: '9021-nq-tw-2017',
    code: '9021-NQ/TW',
    type: 'nghi-quyet',
    title: 'Về thử nghiệm khóa trước',
    date: '2017-10-25',
  },
  {
    id: '9021-nq-tw-2022',
    code: '9021-NQ/TW',
    type: 'nghi-quyet',
    title: 'Về thử nghiệm khóa sau',
    date: '2022-06-16',
  },
  {
    id: '9018-nq-tw-2017',
    code: '9018-NQ/TW',
    type: 'nghi-quyet',
    title: 'Về bộ máy thử nghiệm',
    date: '2017-10-25',
  },
  {
    id: '9019-nq-tw-2017',
    code: '9019-NQ/TW',
    type: 'nghi-quyet',
    title: 'Về đơn vị thử nghiệm',
    date: '2017-10-25',
  },
  {
    id: '9865-qd-tu-2019',
    code: '9865-QĐ/TU',
    type: 'quyet-dinh',
    title: 'Về đoàn kiểm tra thử nghiệm',
    date: '2019-01-18',
  },
  {
    id: '9865-qd-tu-2021',
    code: '9865-QĐ/TU',
    type: 'quyet-dinh',
    title: 'Về tổ công tác thử nghiệm',
    date: '2021-03-02',
  },
  {
    id: '9014-kl-tw-2021',
    code: '9014-KL/TW',
    type: 'ket-luan',
    title: 'Về cán bộ thử nghiệm',
    date: '2021-09-22',
  },
  {
    id: '9008-qdi-tw-2021',
    code: '9008-QĐi/TW',
    type: 'quy-dinh',
    title: 'Về trách nhiệm thử nghiệm',
    date: '2021-10-25',
  },
];
