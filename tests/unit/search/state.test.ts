import { describe, expect, it } from 'vitest';
import {
  emptyFilters,
  pagefindFilters,
  parseSearchState,
  searchStateToParams,
} from '../../../src/lib/search/state.ts';

describe('search state in the URL', () => {
  it('reads query, filters and sort', () => {
    const state = parseSearchState(
      new URLSearchParams(
        'q=%C4%91%E1%BA%A3ng+vi%C3%AAn&loai=nghi-quyet&loai=chi-thi&nam=2022&sap-xep=moi-nhat&x=1',
      ),
    );
    expect(state.q).toBe('đảng viên');
    expect(state.filters).toEqual({ ...emptyFilters(), loai: ['nghi-quyet', 'chi-thi'], nam: ['2022'] });
    expect(state.sort).toBe('newest');
  });

  it('writes a state back to the same parameters, in a fixed order', () => {
    const state = {
      q: ' Đảng ủy ',
      filters: { ...emptyFilters(), nam: ['2022'], loai: ['chi-thi'] },
      sort: 'oldest' as const,
    };
    const params = searchStateToParams(state);
    expect(params.toString()).toBe('q=%C4%90%E1%BA%A3ng+%E1%BB%A7y&loai=chi-thi&nam=2022&sap-xep=cu-nhat');
    expect(parseSearchState(params)).toEqual({ ...state, q: 'Đảng ủy' });
  });

  it('leaves defaults out and ignores repeated or empty values', () => {
    expect(searchStateToParams({ q: '', filters: emptyFilters(), sort: 'relevance' }).toString()).toBe('');
    expect(parseSearchState(new URLSearchParams('nam=2022&nam=2022&nam=&sap-xep=la')).filters.nam).toEqual([
      '2022',
    ]);
    expect(parseSearchState(new URLSearchParams('sap-xep=la')).sort).toBe('relevance');
  });

  it('gives Pagefind OR within a filter and AND across filters, optionally without one filter', () => {
    const filters = { ...emptyFilters(), loai: ['nghi-quyet', 'chi-thi'], nam: ['2022'] };
    expect(pagefindFilters(filters)).toEqual({
      loai: { any: ['nghi-quyet', 'chi-thi'] },
      nam: { any: ['2022'] },
    });
    expect(pagefindFilters(filters, 'loai')).toEqual({ nam: { any: ['2022'] } });
  });
});
