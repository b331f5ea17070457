import { describe, expect, it } from 'vitest';
import {
  groupByTerm,
  groupByType,
  romanToNumber,
  termLabel,
  termSlug,
} from '../../../src/lib/content/terms.ts';

describe('terms (khóa)', () => {
  it('reads the Roman numerals of the terms, and nothing that is not one', () => {
    expect(['X', 'XI', 'XII', 'XIII', 'XIV', 'xiv', 'IX', 'XL'].map(romanToNumber)).toEqual([
      10, 11, 12, 13, 14, 14, 9, 40,
    ]);
    for (const bad of ['', 'IIII', 'VX', 'XIIII', '13', 'K']) expect(romanToNumber(bad), bad).toBeUndefined();
  });

  it('names a term and gives its URL segment', () => {
    expect(termLabel('XIII')).toBe('Khóa XIII');
    expect(termSlug('XIII')).toBe('xiii');
  });

  it('groups items newest term first, in their own order, leaving out those without a term', () => {
    const docs = [
      { id: 'a', term: 'XII' },
      { id: 'b', term: 'XIII' },
      { id: 'c' },
      { id: 'd', term: 'XII' },
      { id: 'e', term: 'X' },
      { id: 'f', term: 'XIV' },
      { id: 'g', term: 'IIII' },
    ];
    const groups = groupByTerm(docs, (d) => d.term);
    expect(groups.map((g) => [g.label, g.slug, g.items.map((d) => d.id).join('')])).toEqual([
      ['Khóa XIV', 'xiv', 'f'],
      ['Khóa XIII', 'xiii', 'b'],
      ['Khóa XII', 'xii', 'ad'],
      ['Khóa X', 'x', 'e'],
    ]);
  });

  it("groups a term's documents by type in the order of the type table, keeping only types present", () => {
    const docs = [
      { id: 'kl', type: 'ket-luan' as const },
      { id: 'qd', type: 'quy-dinh' as const },
      { id: 'nq1', type: 'nghi-quyet' as const },
      { id: 'nq2', type: 'nghi-quyet' as const },
    ];
    expect(groupByType(docs, (d) => d.type).map((g) => [g.type, g.items.map((d) => d.id)])).toEqual([
      ['nghi-quyet', ['nq1', 'nq2']],
      ['ket-luan', ['kl']],
      ['quy-dinh', ['qd']],
    ]);
  });
});
