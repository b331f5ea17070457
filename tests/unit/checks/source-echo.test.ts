/**
 * The check that a published news page no longer repeats its source: a copied run of forty words
 * warns with file and line, a summary in other words does not, and drafts and pages without a kept
 * source are not checked.
 */
import { describe, expect, it } from 'vitest';
import { checkSourceEcho, ECHO_WORDS, longestEcho } from '../../../src/lib/checks/source-echo.ts';
import { type ContentFile, parseContentText } from '../../../src/lib/content/content-files.ts';

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `chữ${from + i}`).join(' ');
const source = `Tiêu đề.\n${words(120)}.\n`;

function page(id: string, front: string, body: string): ContentFile {
  const raw = `---\n${front}\n---\n\n${body}\n`;
  return {
    file: `/c/tin/${id}.mdx`,
    relative: `tin/${id}.mdx`,
    collection: 'news',
    id,
    raw,
    ...parseContentText(id, raw),
  };
}

const ctx = (files: ContentFile[]) => ({
  files,
  taxonomies: { issuers: [], topics: [], localities: [] },
  root: '/c',
});

describe('source echo', () => {
  it('finds the longest run of words shared with the source, ignoring case, tones and punctuation', () => {
    const text = `Mở đầu. ${words(50, 10).toUpperCase().replace(/ /g, ', ')} kết thúc.`;
    expect(longestEcho(text, source)?.words).toBe(50);
    expect(longestEcho(`Mở đầu ${words(ECHO_WORDS - 1, 10)} hết`, source)).toBeNull();
  });

  it('warns for a published page with the line of the copied run, and for a copied summary', () => {
    const copied = page(
      'a',
      'title: A\nsummary: Tóm tắt riêng.',
      `## Mục\n\nCâu của mình.\n\n${words(60, 30)}`,
    );
    const summary = page('b', `title: B\nsummary: ${words(45)}`, 'Câu của mình.');
    const problems = checkSourceEcho(
      new Map([
        ['tin/a', source],
        ['tin/b', source],
      ]),
    )(ctx([copied, summary]));
    expect(problems.map((p) => [p.file, p.line, p.severity])).toEqual([
      ['/c/tin/a.mdx', 10, 'warning'],
      ['/c/tin/b.mdx', 3, 'warning'],
    ]);
    expect(problems[0]?.message).toContain('60 chữ liền nhau');
  });

  it('leaves drafts, pages without a kept source and rewritten pages alone', () => {
    const draft = page('a', 'title: A\ndraft: true\nsummary: x', words(60));
    const unknown = page('c', 'title: C\nsummary: x', words(60));
    const rewritten = page('d', 'title: D\nsummary: x', `Một bản tóm tắt khác hẳn, chỉ nhắc ${words(10)}.`);
    const check = checkSourceEcho(
      new Map([
        ['tin/a', source],
        ['tin/d', source],
      ]),
    );
    expect(check(ctx([draft, unknown, rewritten]))).toEqual([]);
  });
});
