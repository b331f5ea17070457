import { describe, expect, it } from 'vitest';
import {
  checkDocumentMentions,
  checkMdxSafety,
  checkMdxSyntax,
  checkPlaceholders,
  draftsOf,
} from '../../../src/lib/checks/content-checks.ts';
import { type ContentFile, parseContentText } from '../../../src/lib/content/content-files.ts';

const ctx = (files: ContentFile[]) => ({ files, taxonomies: {} as never, root: '/c' });

function page(collection: 'documents' | 'news', id: string, frontmatter: string, body: string): ContentFile {
  const raw = `---\n${frontmatter}\n---\n\n${body}\n`;
  const file = `/c/${collection === 'documents' ? 'van-ban' : 'tin'}/${id}.mdx`;
  return { file, relative: file.slice(3), collection, id, raw, ...parseContentText(file, raw) };
}

const doc = (id: string, code: string, date: string, body = 'Văn bản.', extra = '') =>
  page('documents', id, `code: ${code}\ntype: nghi-quyet\ntitle: T\ndate: ${date}${extra}`, body);
const news = (id: string, date: string, body: string, extra = '') =>
  page('news', id, `title: T\neventDate: ${date}${extra}`, body);

describe('MDX the build could not compile', () => {
  it('reports a stray { or <, on the file line, with what to write instead', () => {
    // The frontmatter is 2 lines, so the body's second line is line 7 of the file.
    const problems = checkMdxSyntax(
      ctx([
        news('a', '2024-01-01', 'Mở đầu.\n\nSố liệu {năm 2022} tăng.'),
        news('b', '2024-01-01', 'Mở đầu.\n\nTỷ lệ <5% chi bộ.'),
      ]),
    );
    expect(problems).toEqual([
      { severity: 'error', file: '/c/tin/a.mdx', line: 8, message: expect.stringContaining('hãy viết \\{') },
      { severity: 'error', file: '/c/tin/b.mdx', line: 8, message: expect.stringContaining('hãy viết &lt;') },
    ]);
  });

  it('reports text in braces MDX would evaluate, but not a comment, a string or escaped braces', () => {
    // The syntax check leaves expressions that parse to the safety check, which names the braces.
    const problems = checkMdxSafety(
      ctx([
        news(
          'c',
          '2024-01-01',
          'Hội nghị {hoiNghi} họp.\n\n{/* ghi chú */} và {" "} và \\{chữ\\} và a &lt; b.',
        ),
      ]),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        file: '/c/tin/c.mdx',
        line: 6,
        message: expect.stringMatching(/^Dấu \{hoiNghi\} .*hãy viết \\\{hoiNghi\\\}/),
      },
    ]);
  });

  it('leaves plain pages alone', () => {
    expect(
      checkMdxSyntax(ctx([news('d', '2024-01-01', 'Chỉ có chữ, **đậm** và [liên kết](https://x.example).')])),
    ).toEqual([]);
  });
});

describe('drafts in the check', () => {
  const published = doc('9040-nq-tw-2024', '9040-NQ/TW', '2024-03-01', 'Sẽ có Nghị quyết số 9041-NQ/TW.');
  const draft = doc(
    '9041-nq-tw-2024',
    '9041-NQ/TW',
    '2024-05-10',
    'Thực hiện Nghị quyết số 9040-NQ/TW và Chỉ thị số 9099-CT/TW.',
    '\ndraft: true',
  );
  const item = news('2024-06-20-x', '2024-06-20', 'Triển khai Nghị quyết số 9041-NQ/TW.');

  it('lists drafts with the line of their draft field', () => {
    expect(draftsOf([published, draft, item])).toEqual([{ file: draft.file, line: 6 }]);
  });

  it('a published page citing a draft is told the link comes once the draft is published', () => {
    const problems = checkDocumentMentions(ctx([published, draft, item]));
    const onPublished = problems.filter((p) => p.file !== draft.file);
    expect(onPublished).toEqual([
      { severity: 'warning', file: item.file, line: 6, message: expect.stringContaining('mới là bản nháp') },
      {
        severity: 'warning',
        file: published.file,
        line: 8,
        message: expect.stringMatching(/^9041-NQ\/TW mới là bản nháp \(van-ban\/9041-nq-tw-2024\.mdx\)/),
      },
    ]);
  });

  it('a draft is checked like any page, among all pages as npm run dev shows it', () => {
    const onDraft = checkDocumentMentions(ctx([published, draft, item])).filter((p) => p.file === draft.file);
    // 9040-NQ/TW resolves; the unknown 9099-CT/TW is reported.
    expect(onDraft).toEqual([
      {
        severity: 'warning',
        file: draft.file,
        line: 9,
        message: expect.stringContaining('9099-CT/TW chưa có trong Sổ tay'),
      },
    ]);
  });
});

describe('what npm run new left to write', () => {
  const body = 'Nội dung.\n\n[cần điền] Tóm tắt.';
  it('is a warning in a draft and an error once the page is published', () => {
    const draft = news('a', '2024-01-01', body, '\nsummary: "[cần điền] Tóm tắt"\ndraft: true');
    const published = news('b', '2024-01-01', body, '\nsummary: "[cần điền] Tóm tắt"');
    expect(checkPlaceholders(ctx([draft, published]))).toEqual([
      {
        severity: 'warning',
        file: draft.file,
        line: 4,
        message: expect.stringMatching(/^Trang còn 2 chỗ \[cần điền\] chưa điền/),
      },
      {
        severity: 'error',
        file: published.file,
        line: 4,
        message: expect.stringContaining('không còn là bản nháp'),
      },
    ]);
    expect(checkPlaceholders(ctx([news('c', '2024-01-01', 'Đã viết xong.')]))).toEqual([]);
  });
});
