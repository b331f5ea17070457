import { describe, expect, it } from 'vitest';
import { codeKey, codeSlug, parseCode } from '../../../src/lib/graph/code-parser.ts';

describe('parseCode', () => {
  // [input, canonical, system, number, abbr, issuer, year]
  const table: Array<[string, string, 'party' | 'state', string, string, string, number?]> = [
    ['21-NQ/TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['865-QĐ/TU', '865-QĐ/TU', 'party', '865', 'QĐ', 'TU'],
    ['36-HD/VPTW', '36-HD/VPTW', 'party', '36', 'HD', 'VPTW'],
    ['14-KL/TW', '14-KL/TW', 'party', '14', 'KL', 'TW'],
    ['08-QĐi/TW', '08-QĐi/TW', 'party', '08', 'QĐi', 'TW'],
    ['05-QĐi/TW', '05-QĐi/TW', 'party', '05', 'QĐi', 'TW'],
    ['35-CT/TW', '35-CT/TW', 'party', '35', 'CT', 'TW'],
    ['102-QĐ/TW', '102-QĐ/TW', 'party', '102', 'QĐ', 'TW'],
    ['12-NQ/HU', '12-NQ/HU', 'party', '12', 'NQ', 'HU'],
    ['45-KH/ĐU', '45-KH/ĐU', 'party', '45', 'KH', 'ĐU'],
    ['03-NQ/ĐUK', '03-NQ/ĐUK', 'party', '03', 'NQ', 'ĐUK'],
    ['1234-QĐ/BTCTW', '1234-QĐ/BTCTW', 'party', '1234', 'QĐ', 'BTCTW'],
    ['22-HD/UBKTTW', '22-HD/UBKTTW', 'party', '22', 'HD', 'UBKTTW'],
    ['07-NQ/BCSĐ', '07-NQ/BCSĐ', 'party', '07', 'NQ', 'BCSĐ'],
    ['15-TB/ThU', '15-TB/ThU', 'party', '15', 'TB', 'ThU'],
    ['01-CTr/TU', '01-CTr/TU', 'party', '01', 'CTr', 'TU'],
    ['10-ĐA/TU', '10-ĐA/TU', 'party', '10', 'ĐA', 'TU'],
    // TƯ is Trung ương: canonical TW.
    ['21-NQ/TƯ', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['21-NQ/Tư', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['12-QĐ/BTCTƯ', '12-QĐ/BTCTW', 'party', '12', 'QĐ', 'BTCTW'],
    // Case, spacing, Đ written D, Unicode dashes and slashes.
    ['21-nq/tw', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['21 - NQ / TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['  21 -NQ/ TW ', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['865-QD/TU', '865-QĐ/TU', 'party', '865', 'QĐ', 'TU'],
    ['865-qđ/tu', '865-QĐ/TU', 'party', '865', 'QĐ', 'TU'],
    ['08-QDI/TW', '08-QĐi/TW', 'party', '08', 'QĐi', 'TW'],
    ['08-qdi/tw', '08-QĐi/TW', 'party', '08', 'QĐi', 'TW'],
    ['45-KH/DU', '45-KH/ĐU', 'party', '45', 'KH', 'ĐU'],
    ['03-NQ/DUK', '03-NQ/ĐUK', 'party', '03', 'NQ', 'ĐUK'],
    ['07-NQ/BCSD', '07-NQ/BCSĐ', 'party', '07', 'NQ', 'BCSĐ'],
    ['15-TB/THU', '15-TB/ThU', 'party', '15', 'TB', 'ThU'],
    ['21–NQ/TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['21—NQ/TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['21‑NQ/TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['21‐NQ/TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['21−NQ/TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['21-NQ／TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['21\u00a0-\u00a0NQ/TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['865-Q\u00d0/TU', '865-QĐ/TU', 'party', '865', 'QĐ', 'TU'],
    ['865-QĐ/TU'.normalize('NFD'), '865-QĐ/TU', 'party', '865', 'QĐ', 'TU'],
    ['21-NQ/TƯ'.normalize('NFD'), '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['Số: 36-HD/VPTW', '36-HD/VPTW', 'party', '36', 'HD', 'VPTW'],
    ['số 21-NQ/TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    // A Party code written the state way.
    ['21/NQ-TW', '21-NQ/TW', 'party', '21', 'NQ', 'TW'],
    ['18/NQ-TƯ', '18-NQ/TW', 'party', '18', 'NQ', 'TW'],
    // State codes.
    ['30/2020/NĐ-CP', '30/2020/NĐ-CP', 'state', '30', 'NĐ', 'CP', 2020],
    ['73/2023/NĐ-CP', '73/2023/NĐ-CP', 'state', '73', 'NĐ', 'CP', 2023],
    ['30/2020/ND-CP', '30/2020/NĐ-CP', 'state', '30', 'NĐ', 'CP', 2020],
    ['30/2020/nđ-cp', '30/2020/NĐ-CP', 'state', '30', 'NĐ', 'CP', 2020],
    ['30 / 2020 / NĐ - CP', '30/2020/NĐ-CP', 'state', '30', 'NĐ', 'CP', 2020],
    ['202/2025/QH15', '202/2025/QH15', 'state', '202', '', 'QH15', 2025],
    ['59/2020/qh14', '59/2020/QH14', 'state', '59', '', 'QH14', 2020],
    ['1211/2016/UBTVQH13', '1211/2016/UBTVQH13', 'state', '1211', '', 'UBTVQH13', 2016],
    ['01/2023/TT-BNV', '01/2023/TT-BNV', 'state', '01', 'TT', 'BNV', 2023],
    ['18/2023/NQ-CP', '18/2023/NQ-CP', 'state', '18', 'NQ', 'CP', 2023],
    ['12/2020/QĐ-UBND', '12/2020/QĐ-UBND', 'state', '12', 'QĐ', 'UBND', 2020],
    ['35/2019/NQ-HDND', '35/2019/NQ-HĐND', 'state', '35', 'NQ', 'HĐND', 2019],
    ['04/2023/TTLT-BCA-BQP', '04/2023/TTLT-BCA-BQP', 'state', '04', 'TTLT', 'BCA-BQP', 2023],
    ['1234/QĐ-TTg', '1234/QĐ-TTg', 'state', '1234', 'QĐ', 'TTg'],
    ['101/QĐ-TTG', '101/QĐ-TTg', 'state', '101', 'QĐ', 'TTg'],
    ['1234/qd-ttg', '1234/QĐ-TTg', 'state', '1234', 'QĐ', 'TTg'],
    ['16/CT-TTg', '16/CT-TTg', 'state', '16', 'CT', 'TTg'],
    ['01/NQ-CP', '01/NQ-CP', 'state', '01', 'NQ', 'CP'],
    ['155/KH-UBND', '155/KH-UBND', 'state', '155', 'KH', 'UBND'],
    ['20/NQ-HĐND', '20/NQ-HĐND', 'state', '20', 'NQ', 'HĐND'],
    ['1234／QĐ–TTg', '1234/QĐ-TTg', 'state', '1234', 'QĐ', 'TTg'],
  ];
  it.each(table)('parses %j', (input, canonical, system, number, abbr, issuer, year) => {
    const code = parseCode(input);
    expect(code).not.toBeNull();
    expect(code?.canonical).toBe(canonical);
    expect(code?.system).toBe(system);
    expect(code?.number).toBe(number);
    expect(code?.abbr).toBe(abbr);
    expect(code?.issuer).toBe(issuer);
    expect(code?.year).toBe(year);
  });

  it('keeps leading zeros as written in the canonical form', () => {
    expect(parseCode('8-QĐi/TW')?.canonical).toBe('8-QĐi/TW');
    expect(parseCode('08-QĐi/TW')?.canonical).toBe('08-QĐi/TW');
  });

  it('omits `year` on Party codes (exact optional properties)', () => {
    expect(parseCode('21-NQ/TW')).not.toHaveProperty('year');
  });

  it.each([
    '',
    'đảng viên',
    '2023',
    '21',
    '18/1/2019',
    '6/2023',
    '22/6',
    '2020-2025',
    '2021 - 2026',
    '933/954',
    '80/105',
    '1.666',
    'COVID-19',
    'Điều 5',
    'khóa XIII',
    '0905-123-456',
    '21-NQ',
    'NQ/TW',
    '21-NQ/TW và 22-NQ/TW',
    'Nghị quyết số 21-NQ/TW',
    '21-NQ/TW2',
    '30/1800/NĐ-CP',
    '202/2025/XY15',
  ])('returns null for %j', (input) => {
    expect(parseCode(input)).toBeNull();
  });
});

describe('codeKey and codeSlug', () => {
  const groups: Array<[string, string, string[]]> = [
    [
      '21-NQ/TW',
      '21-nq-tw',
      ['21-NQ/TW', '21-nq/tw', '21 - NQ / TW', '21-NQ/TƯ', '21–NQ／TW', '21/NQ-TW', 'Số: 21-NQ/TW'],
    ],
    [
      '865-QD/TU',
      '865-qd-tu',
      ['865-QĐ/TU', '865-QD/TU', '865-qđ/tu', '865-QĐ/TU'.normalize('NFD'), '865-QÐ/TU'],
    ],
    ['08-QDI/TW', '08-qdi-tw', ['08-QĐi/TW', '8-QĐi/TW', '008-qdi/tw', '08-QĐI/TƯ']],
    ['05-CT/TW', '05-ct-tw', ['5-CT/TW', '05-CT/TW']],
    ['30/2020/ND-CP', '30-2020-nd-cp', ['30/2020/NĐ-CP', '30/2020/ND-CP', '30 / 2020 / nđ – cp']],
    ['01/2023/TT-BNV', '01-2023-tt-bnv', ['01/2023/TT-BNV', '1/2023/tt-bnv']],
    ['1234/QD-TTG', '1234-qd-ttg', ['1234/QĐ-TTg', '1234/QD-TTG', '1234/qđ-ttg']],
    ['202/2025/QH15', '202-2025-qh15', ['202/2025/QH15', '202/2025/qh15']],
    ['36-HD/VPTW', '36-hd-vptw', ['36-HD/VPTW', '36-hd/vptư']],
    ['07-NQ/BCSD', '07-nq-bcsd', ['07-NQ/BCSĐ', '7-NQ/BCSD']],
  ];
  it.each(groups)('%s / %s for every spelling', (key, slug, spellings) => {
    for (const s of spellings) {
      expect(codeKey(s)).toBe(key);
      expect(codeSlug(s)).toBe(slug);
      const parsed = parseCode(s);
      expect(parsed).not.toBeNull();
      if (parsed !== null) {
        expect(codeKey(parsed)).toBe(key);
        expect(codeSlug(parsed)).toBe(slug);
      }
    }
  });

  it('keeps QĐi and QĐ apart, and TU apart from TW', () => {
    expect(codeKey('08-QĐi/TW')).not.toBe(codeKey('08-QĐ/TW'));
    expect(codeKey('21-NQ/TU')).not.toBe(codeKey('21-NQ/TƯ'));
    expect(codeKey('21-NQ/TW')).not.toBe(codeKey('21-KL/TW'));
  });

  it('folds a string that is not a code instead of throwing', () => {
    expect(codeKey('không  phải số hiệu')).toBe('KHÔNG PHẢI SỐ HIỆU');
    expect(codeSlug('Không phải!')).toBe('khong-phai');
  });
});
