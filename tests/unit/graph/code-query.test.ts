import { describe, expect, it } from 'vitest';
import { parseCode } from '../../../src/lib/graph/code-parser.ts';
import { matchesCodeQuery, parseCodeQuery } from '../../../src/lib/graph/code-query.ts';

describe('parseCodeQuery', () => {
  it.each([
    ['21-NQ/TW', { number: '21', abbr: 'NQ', issuer: 'TW', canonical: '21-NQ/TW', rest: '' }],
    ['21/NQ-TW', { number: '21', abbr: 'NQ', issuer: 'TW', canonical: '21-NQ/TW', rest: '' }],
    ['21-nq/tư', { number: '21', abbr: 'NQ', issuer: 'TW', canonical: '21-NQ/TW', rest: '' }],
    ['21 NQ TW', { number: '21', abbr: 'NQ', issuer: 'TW', rest: '' }],
    ['21 nq tw', { number: '21', abbr: 'NQ', issuer: 'TW', rest: '' }],
    ['NQ 21', { number: '21', abbr: 'NQ', rest: '' }],
    ['nq21', { number: '21', abbr: 'NQ', rest: '' }],
    ['NQ 21 TW', { number: '21', abbr: 'NQ', issuer: 'TW', rest: '' }],
    ['nghị quyết 21', { number: '21', abbr: 'NQ', type: 'nghi-quyet', rest: '' }],
    ['Nghị quyết số 21', { number: '21', abbr: 'NQ', type: 'nghi-quyet', rest: '' }],
    ['nghi quyet so 21', { number: '21', abbr: 'NQ', type: 'nghi-quyet', rest: '' }],
    ['nghi quyet 21', { number: '21', abbr: 'NQ', type: 'nghi-quyet', rest: '' }],
    [
      'Nghi quyet 21-NQ/TW',
      { number: '21', abbr: 'NQ', issuer: 'TW', canonical: '21-NQ/TW', type: 'nghi-quyet', rest: '' },
    ],
    ['nghị quyết 21 TW', { number: '21', abbr: 'NQ', issuer: 'TW', type: 'nghi-quyet', rest: '' }],
    ['nghị quyết 21 nq tw', { number: '21', abbr: 'NQ', issuer: 'TW', type: 'nghi-quyet', rest: '' }],
    ['kết luận 21', { number: '21', abbr: 'KL', type: 'ket-luan', rest: '' }],
    ['quy định 08', { number: '08', type: 'quy-dinh', rest: '' }],
    ['quy dinh 08 qdi', { number: '08', abbr: 'QĐi', type: 'quy-dinh', rest: '' }],
    ['08-QĐi/TW', { number: '08', abbr: 'QĐi', issuer: 'TW', canonical: '08-QĐi/TW', rest: '' }],
    ['qđi 08', { number: '08', abbr: 'QĐi', rest: '' }],
    ['quyết định 865 qđ tu', { number: '865', abbr: 'QĐ', issuer: 'TU', type: 'quyet-dinh', rest: '' }],
    [
      '30/2020/NĐ-CP',
      { number: '30', abbr: 'NĐ', issuer: 'CP', year: 2020, canonical: '30/2020/NĐ-CP', rest: '' },
    ],
    ['nghị định 30', { number: '30', abbr: 'NĐ', type: 'nghi-dinh', rest: '' }],
    ['nghị định 30/2020', { number: '30', abbr: 'NĐ', year: 2020, type: 'nghi-dinh', rest: '' }],
    ['NĐ 30/2020 CP', { number: '30', abbr: 'NĐ', issuer: 'CP', year: 2020, rest: '' }],
    ['nghị định 30 2020', { number: '30', abbr: 'NĐ', type: 'nghi-dinh', rest: '2020' }],
    ['202/2025/QH15', { number: '202', issuer: 'QH15', year: 2025, canonical: '202/2025/QH15', rest: '' }],
    [
      'Nghi quyet 21-NQ/TW về tổ chức cơ sở đảng',
      {
        number: '21',
        abbr: 'NQ',
        issuer: 'TW',
        canonical: '21-NQ/TW',
        type: 'nghi-quyet',
        rest: 'về tổ chức cơ sở đảng',
      },
    ],
    [
      'tổng kết nghị quyết 21 năm 2023',
      { number: '21', abbr: 'NQ', type: 'nghi-quyet', rest: 'tổng kết năm 2023' },
    ],
    ['nghị quyết 21 tư tưởng', { number: '21', abbr: 'NQ', type: 'nghi-quyet', rest: 'tư tưởng' }],
    ['kế hoạch số 2023', { number: '2023', abbr: 'KH', type: 'ke-hoach', rest: '' }],
    ['Nghị quyết số 21'.normalize('NFD'), { number: '21', abbr: 'NQ', type: 'nghi-quyet', rest: '' }],
    [
      'đảng viên 865-QD/TU',
      { number: '865', abbr: 'QĐ', issuer: 'TU', canonical: '865-QĐ/TU', rest: 'đảng viên' },
    ],
  ])('%j', (query, expected) => {
    expect(parseCodeQuery(query)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    'đảng viên',
    '2023',
    '21',
    'nghị quyết',
    'nghị quyết đại hội XIII',
    'kế hoạch 2023',
    'covid-19',
    'nhiệm kỳ 2020-2025',
    '18/1/2019',
    'da 21',
    'tt 01',
  ])('null for %j', (query) => {
    expect(parseCodeQuery(query)).toBeNull();
  });
});

describe('matchesCodeQuery', () => {
  const q = (s: string) => {
    const r = parseCodeQuery(s);
    if (r === null) throw new Error(`no code in ${s}`);
    return r;
  };
  it.each([
    ['21-NQ/TW', '21-NQ/TW', true],
    ['21 nq tw', '21-NQ/TƯ', true],
    ['nghị quyết 21', '21-NQ/TW', true],
    ['nghị quyết 21', '21-NQ/TU', true],
    ['nghị quyết 21', '21/2022/NQ-CP', true],
    ['nghị quyết 21', '21-KL/TW', false],
    ['nq 21 tw', '21-NQ/TU', false],
    ['quy định 8', '08-QĐi/TW', true],
    ['quy định 8', '08-QĐ/TW', true],
    ['quy định 8', '08-NQ/TW', false],
    ['08-QĐ/TW', '08-QĐi/TW', true],
    ['08-QĐi/TW', '08-QĐ/TW', false],
    ['30/2020/NĐ-CP', '30/2020/NĐ-CP', true],
    ['30/2020/NĐ-CP', '30/2021/NĐ-CP', false],
    ['nghị định 30', '30/2021/NĐ-CP', true],
    ['21-NQ/TW', 'không phải mã', false],
  ])('%j ~ %j → %s', (query, code, expected) => {
    expect(matchesCodeQuery(q(query), code)).toBe(expected);
    const parsed = parseCode(code);
    if (parsed !== null) expect(matchesCodeQuery(q(query), parsed)).toBe(expected);
  });
});
