import { describe, expect, it } from 'vitest';
import { indexedRegion, searchCopy } from '../../../src/lib/search/search-copy.ts';

const page = (body: string, head = '<title>Đảng ủy</title>') =>
  `<!DOCTYPE html><html lang="vi"><head>${head}</head><body><header>Đầu trang</header>${body}<footer>Cuối</footer></body></html>`;

describe('the copy of a page handed to Pagefind', () => {
  it('is nothing for a page without an indexed region', () => {
    expect(searchCopy(page('<main>Danh sách đảng viên</main>'))).toBeNull();
  });

  it('keeps the indexed region alone, folded, in a bare document', () => {
    const html = page(
      '<article data-pagefind-body><h1>Đảng ủy</h1><div data-pagefind-ignore>x</div></article><aside>Khác</aside>',
    );
    expect(searchCopy(html)).toBe(
      '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>' +
        '<article data-pagefind-body><h1>Ḏảng ủy</h1><div data-pagefind-ignore>x</div></article>' +
        '</body></html>',
    );
  });

  it('reaches the last closing tag of the region, so a nested element of the same name stays whole', () => {
    const region = '<article data-pagefind-body><article>trong</article> sau</article>';
    expect(indexedRegion(page(region))).toBe(region);
  });

  it('copies the whole page when a Pagefind attribute sits outside the region', () => {
    const html = page('<article data-pagefind-body>Nội dung</article>', '<meta data-pagefind-meta="x:đ">');
    expect(indexedRegion(html)).toBeNull();
    expect(searchCopy(html)).toContain('data-pagefind-meta="x:ḏ"');
    expect(searchCopy(html)).toContain('<footer>Cuối</footer>');
  });
});
