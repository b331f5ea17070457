import { describe, expect, it } from 'vitest';
import { cacheKeyOf } from '../../../src/lib/content/cache-key.ts';

describe('the cache key of a page', () => {
  const doc = {
    code: '21-NQ/TW',
    date: '2022-06-16',
    topics: ['to-chuc'],
    signer: { name: 'Nguyễn Phú Trọng' },
  };

  it('is the same for the same data, and changes with any value, however deep', () => {
    expect(cacheKeyOf({ doc })).toBe(cacheKeyOf({ doc: structuredClone(doc) }));
    expect(cacheKeyOf({ doc: { ...doc, signer: { name: 'Trần Cẩm Tú' } } })).not.toBe(cacheKeyOf({ doc }));
    expect(cacheKeyOf({ doc: { ...doc, topics: ['to-chuc', 'can-bo'] } })).not.toBe(cacheKeyOf({ doc }));
  });

  it('reads what a Map or a Set holds (plain JSON would write both as {})', () => {
    const labels = (label: string) => new Map([['ban-chap-hanh-trung-uong', label]]);
    expect(cacheKeyOf(labels('Ban Chấp hành Trung ương'))).not.toBe(cacheKeyOf(labels('BCH Trung ương')));
    expect(cacheKeyOf(new Set(['a']))).not.toBe(cacheKeyOf(new Set(['b'])));
  });
});
