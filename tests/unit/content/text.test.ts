import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, nfc, slugify } from '../../../src/lib/content/text.ts';

describe('Vietnamese text helpers', () => {
  it('folds tones, marks and đ for comparison', () => {
    expect(foldVietnamese('Đảng ủy Khối')).toBe('dang uy khoi');
    expect(foldVietnamese('đảng viên')).toBe(foldVietnamese('dang vien'));
    // NFD input (combining marks) folds the same as NFC.
    expect(foldVietnamese('Nghị quyết'.normalize('NFD'))).toBe('nghi quyet');
  });

  it('makes ASCII lower-case slugs', () => {
    expect(slugify('Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh')).toBe(
      'dang-uy-khoi-cac-co-quan-va-doanh-nghiep-tinh',
    );
    expect(slugify('21-NQ/TW')).toBe('21-nq-tw');
    expect(slugify('Bà Rịa – Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(slugify('Thừa Thiên Huế'.normalize('NFD'))).toBe('thua-thien-hue');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Quyết định'.normalize('NFD');
    expect(decomposed).not.toBe('Quyết định');
    expect(nfc(decomposed)).toBe('Quyết định');
  });

  it('sorts in Vietnamese dictionary order', () => {
    const names = ['Đồng Tháp', 'Điện Biên', 'Cà Mau', 'Đà Nẵng', 'Dak', 'An Giang'];
    expect([...names].sort(compareVietnamese)).toEqual([
      'An Giang',
      'Cà Mau',
      'Dak',
      'Đà Nẵng',
      'Điện Biên',
      'Đồng Tháp',
    ]);
  });
});
