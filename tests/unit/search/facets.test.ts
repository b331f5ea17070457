import { describe, expect, it } from 'vitest';
import {
  compactDate,
  documentSearchRecord,
  expandCompactDate,
  facetLabels,
  newsSearchRecord,
} from '../../../src/lib/search/facets.ts';

const localities = [
  { id: 'song-thu', label: 'Sông Thử', status: 'hien-hanh' as const, absorbed: ['nui-thu'] },
  { id: 'nui-thu', label: 'Núi Thử', status: 'truoc-sap-xep' as const, mergedInto: 'song-thu' },
];

describe('dates in the index', () => {
  it('are digits only and come back as partial ISO dates', () => {
    expect(compactDate('2022-06-16')).toBe('20220616');
    expect(compactDate('2022-06')).toBe('202206');
    expect(expandCompactDate('20220616')).toBe('2022-06-16');
    expect(expandCompactDate('202206')).toBe('2022-06');
    expect(expandCompactDate('2022')).toBe('2022');
    expect(expandCompactDate('20221316')).toBeNull();
    expect(expandCompactDate('abc')).toBeNull();
  });
});

describe('what a page tells the index', () => {
  it('gives a document its type, year, issuer, topics, locality and code', () => {
    const record = documentSearchRecord(
      {
        code: '9021-NQ/TW',
        type: 'nghi-quyet',
        title: 'Về đảng viên',
        summary: 'Tóm tắt.',
        date: '2018-05-10',
        issuer: 'ban-thu',
        topics: ['a', 'b'],
        locality: 'nui-thu',
      },
      localities,
    );
    expect(record.filters).toEqual([
      ['loai', 'nghi-quyet'],
      ['nam', '2018'],
      ['co-quan', 'ban-thu'],
      ['chu-de', 'a'],
      ['chu-de', 'b'],
      // Filed under a province merged since: found under the new province too.
      ['dia-phuong', 'nui-thu'],
      ['dia-phuong', 'song-thu'],
    ]);
    expect(record.meta).toEqual({
      title: 'Về đảng viên',
      so_hieu: '9021-NQ/TW',
      so_hieu_tim: '9021nqtw',
      ngay: '20180510',
      tom_tat: 'Tóm tắt.',
    });
    expect(record.sortDate).toBe('2018-05-10');
  });

  it('files news under their own type and no issuer', () => {
    const record = newsSearchRecord(
      { title: 'Hội nghị', summary: 'Tóm tắt.', eventDate: '2024-03', topics: [], locality: 'song-thu' },
      localities,
    );
    expect(record.filters).toEqual([
      ['loai', 'tin'],
      ['nam', '2024'],
      ['dia-phuong', 'song-thu'],
    ]);
    expect(record.meta).toEqual({ title: 'Hội nghị', ngay: '202403', tom_tat: 'Tóm tắt.' });
  });

  it('labels every filter value in Vietnamese', () => {
    const labels = facetLabels({ issuers: [{ id: 'x', label: 'Ban X' }], topics: [], localities });
    expect(labels.loai['nghi-quyet']).toBe('Nghị quyết');
    expect(labels.loai.tin).toBe('Tin hội nghị');
    expect(labels['co-quan'].x).toBe('Ban X');
    expect(labels['dia-phuong']['nui-thu']).toBe('Núi Thử');
  });
});
