import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  formatDate,
  parsePartialDate,
  partialDatesOverlap,
  toPartialDateString,
} from '../../../src/lib/content/dates.ts';

describe('partial dates', () => {
  it.each([
    ['2022-06-16', '16/06/2022'],
    ['2022-06', '06/2022'],
    ['2022', '2022'],
    ['2019-01-18', '18/01/2019'],
  ])('shows %s as %s', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
  });

  it.each(['2023-02-30', '2022-13', '22-06-16', '16/06/2022', '', '2022-6-1'])('rejects %j', (s) => {
    expect(parsePartialDate(s)).toBeNull();
  });

  it('accepts leap days only in leap years', () => {
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('2023-02-29')).toBeNull();
  });

  it('reads what YAML gives: strings, bare years and Date objects', () => {
    expect(toPartialDateString(new Date('2022-06-16T00:00:00Z'))).toBe('2022-06-16');
    expect(toPartialDateString(2019)).toBe('2019');
    expect(toPartialDateString('2022-06')).toBe('2022-06');
    expect(toPartialDateString('ngày 16/6/2022')).toBeNull();
    expect(toPartialDateString(undefined)).toBeNull();
  });

  it('sorts a vague date before the exact dates it covers', () => {
    const sorted = ['2022-06-16', '2022', '2017-10-25', '2022-06'].sort(comparePartialDates);
    expect(sorted).toEqual(['2017-10-25', '2022', '2022-06', '2022-06-16']);
  });

  it('matches a mention date against a partial document date', () => {
    expect(partialDatesOverlap('2022-06-16', '2022')).toBe(true);
    expect(partialDatesOverlap('2022-06-16', '2022-06')).toBe(true);
    expect(partialDatesOverlap('2022-06-16', '2022-06-17')).toBe(false);
    expect(partialDatesOverlap('2017', '2022')).toBe(false);
  });
});
