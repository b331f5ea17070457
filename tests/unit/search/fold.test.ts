import { describe, expect, it } from 'vitest';
import { FoldError, foldHtml, foldText, unfoldText } from '../../../src/lib/search/fold.ts';

describe('folding đ for the index', () => {
  it('writes đ and Đ as letters that decompose to d, and maps them back exactly', () => {
    const text = 'Đảng ủy và đảng viên đang ở Đồng Tháp';
    const folded = foldText(text);
    expect(folded).not.toMatch(/[đĐ]/);
    // Pagefind folds by NFD and dropping marks: the stand-ins must come out as a plain d.
    expect(folded.normalize('NFD').replace(/\p{M}/gu, '')).toBe('Dang uy va dang vien dang o Dong Thap');
    expect(unfoldText(folded)).toBe(text);
  });

  it('normalises decomposed input first', () => {
    expect(unfoldText(foldText('Đảng viên'.normalize('NFD')))).toBe('Đảng viên');
  });

  it('folds page text and searchable attributes but keeps filter, sort, id and link values', () => {
    const html =
      '<h2 id="đảng-viên">Đảng viên</h2><a href="/đ/">đi</a><img src="đ.png" alt="Đảng ủy">' +
      '<span data-pagefind-filter="dia-phuong:Đồng Tháp"></span><span data-pagefind-sort="ngay:2022"></span>' +
      '<span data-pagefind-meta="title:Đảng ủy Khối"></span>';
    const folded = foldHtml(html);
    expect(folded).toContain('id="đảng-viên"');
    expect(folded).toContain('href="/đ/"');
    expect(folded).toContain('src="đ.png"');
    expect(folded).toContain('data-pagefind-filter="dia-phuong:Đồng Tháp"');
    expect(folded).toContain(`alt="${foldText('Đảng ủy')}"`);
    expect(folded).toContain(`data-pagefind-meta="title:${foldText('Đảng ủy Khối')}"`);
    expect(folded).toContain(`>${foldText('Đảng viên')}</h2>`);
  });

  it('refuses a page that already contains a stand-in, saying where and what to do', () => {
    expect(() => foldHtml('<p>Tỉnh ủy ḏã họp</p>')).toThrow(FoldError);
    expect(() => foldHtml('<p>Tỉnh ủy ḏã họp</p>')).toThrow(/U\+1E0F.*Tỉnh ủy.*sửa thành đ/);
  });

  it('keeps the words of neighbouring table cells apart in the index', () => {
    const folded = foldHtml(
      '<table><tr><th>Khóa</th><th>Văn bản</th></tr><tr><td>XI</td><td>Đảng</td></tr></table>',
    );
    const text = folded.replace(/<[^>]+>/g, '');
    expect(text).toContain('Khóa Văn bản');
    expect(text).toContain('XI Ḏảng');
  });
});
