import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCode } from '../../../src/lib/graph/code-parser.ts';
import {
  type CodeMention,
  createMentionScanner,
  findMentions,
} from '../../../src/lib/graph/mention-scanner.ts';

/** The parts of mentions a test compares: text, canonical code, how it was settled. */
function brief(mentions: CodeMention[]): Array<[string, string | null, string]> {
  return mentions.map((m) => [m.text, m.code?.canonical ?? null, m.resolvedBy]);
}

function canon(text: string): Array<string | null> {
  return findMentions(text).map((m) => m.code?.canonical ?? null);
}

describe('findMentions: written codes', () => {
  it.each([
    ['Nghị quyết số 21-NQ/TW', '21-NQ/TW', 'nghi-quyet'],
    ['Kết luận 21-KL/TW về đẩy mạnh', '21-KL/TW', 'ket-luan'],
    ['theo Quyết định số 865-QĐ/TU của Ban Thường vụ', '865-QĐ/TU', 'quyet-dinh'],
    ['Quy định số 08-QĐi/TW về trách nhiệm nêu gương', '08-QĐi/TW', 'quy-dinh'],
    ['Quy định 102-QĐ/TW', '102-QĐ/TW', 'quy-dinh'],
    ['Chỉ thị số 35-CT/TW', '35-CT/TW', 'chi-thi'],
    ['Hướng dẫn số 36-HD/VPTW', '36-HD/VPTW', 'huong-dan'],
    ['thực hiện nghị quyết số 21-nq/tw', '21-NQ/TW', 'nghi-quyet'],
    ['NGHỊ QUYẾT SỐ 21-NQ/TW', '21-NQ/TW', 'nghi-quyet'],
    ['Nghị quyết số: 21-NQ/TW', '21-NQ/TW', 'nghi-quyet'],
    ['Nghị quyết 18/NQ-TW', '18-NQ/TW', 'nghi-quyet'],
    ['Nghị quyết 21 - NQ / TƯ', '21-NQ/TW', 'nghi-quyet'],
    ['Nghị định số 30/2020/NĐ-CP', '30/2020/NĐ-CP', 'nghi-dinh'],
    ['Nghị định 73/2023/NĐ-CP của Chính phủ', '73/2023/NĐ-CP', 'nghi-dinh'],
    ['Nghị quyết số 202/2025/QH15', '202/2025/QH15', 'nghi-quyet'],
    ['Quyết định số 1234/QĐ-TTg', '1234/QĐ-TTg', 'quyet-dinh'],
    ['Kế hoạch số 45-KH/ĐUK', '45-KH/ĐUK', 'ke-hoach'],
    ['Thông báo số 12-TB/TU', '12-TB/TU', 'thong-bao'],
  ])('%j → %s (%s)', (text, code, type) => {
    const [m, ...more] = findMentions(text);
    expect(more).toEqual([]);
    expect(m?.code?.canonical).toBe(code);
    expect(m?.typeHint).toBe(type);
    expect(m?.resolvedBy).toBe('full');
    expect(m && text.slice(m.start, m.end)).toBe(m?.text);
  });

  it.each([
    ['Luật số 59/2020/QH14', '59/2020/QH14'],
    ['Thông tư 01/2023/TT-BNV', '01/2023/TT-BNV'],
    ['(21-NQ/TW)', '21-NQ/TW'],
    ['Số: 36-HD/VPTW', '36-HD/VPTW'],
    ['Chương trình hành động số 01-CTr/TU', '01-CTr/TU'],
    ['Nghị quyết Hội nghị Trung ương 6 khóa XII số 18-NQ/TW', '18-NQ/TW'],
    ['Quyết định của Bộ Chính trị số31-QĐ/TW, ngày 01-10-1997', '31-QĐ/TW'],
  ])('finds %j without a type word before it', (text, code) => {
    const ms = findMentions(text);
    expect(ms.map((m) => m.code?.canonical)).toEqual([code]);
    expect(ms[0]?.typeHint).toBeUndefined();
  });

  it('spans the code only, with offsets into the given string', () => {
    const text = 'Theo Nghị quyết số 21-NQ/TW, ngày 16/6/2022.';
    const [m] = findMentions(text);
    expect(m).toMatchObject({ start: 19, end: 27, text: '21-NQ/TW', date: '2022-06-16' });
  });

  it.each([
    ['Quyết định số 865-QĐ/TU, ngày 18/1/2019 của Ban Thường vụ Tỉnh ủy', '2019-01-18'],
    ['Nghị quyết số 21-NQ/TW ngày 16-6-2022', '2022-06-16'],
    ['Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017', '2017-10-25'],
    ['Nghị quyết số 18-NQ/TW, ngày 25/10/2017', '2017-10-25'],
    ['Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị', '2024-06-14'],
    ['Nghị định số 61/2018/NĐ-CP ngày 23 tháng\n4 năm 2018', '2018-04-23'],
    ['Quyết định số 31-QĐ/TW, ngày 01-10-1997', '1997-10-01'],
    ['Nghị quyết 21-NQ/TW (ngày 16.6.2022)', '2022-06-16'],
    ['Nghị quyết 21-NQ/TW tháng 6/2022', '2022-06'],
    ['Nghị quyết 21-NQ/TW tháng 6 năm 2022', '2022-06'],
  ])('captures the date after %j', (text, date) => {
    expect(findMentions(text)[0]?.date).toBe(date);
  });

  it.each([
    'Nghị quyết số 21-NQ/TW năm 2022',
    'Nghị quyết số 21-NQ/TW ngày 31/2/2022',
    'Nghị quyết số 21-NQ/TW ngày 16/6',
    'Nghị quyết số 21-NQ/TW ngày 16/6-2022',
    'Nghị quyết số 21-NQ/TW về công tác, ngày 16/6/2022',
  ])('captures no date in %j', (text) => {
    const [m] = findMentions(text);
    expect(m?.code?.canonical).toBe('21-NQ/TW');
    expect(m).not.toHaveProperty('date');
  });

  it('maps offsets back through NFD input', () => {
    const nfc = 'Thực hiện Quyết định số 865-QĐ/TU, ngày 18/1/2019 và Nghị quyết số 21';
    const nfd = nfc.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(nfc.length);
    const scanner = createMentionScanner({ known: ['21-NQ/TW'] });
    const ms = scanner.scan(nfd);
    expect(ms.map((m) => m.text.normalize('NFC'))).toEqual(['865-QĐ/TU', 'Nghị quyết số 21']);
    for (const m of ms) expect(nfd.slice(m.start, m.end)).toBe(m.text);
    expect(ms[0]?.code?.canonical).toBe('865-QĐ/TU');
    expect(ms[0]?.date).toBe('2019-01-18');
    expect(ms[1]?.code?.canonical).toBe('21-NQ/TW');
  });

  it('maps offsets back past dropped and folded characters', () => {
    const text = 'Xem\u200b Nghị quyết số 21\u2013NQ\uff0fTW\u00a0và 19-NQ/TƯ.';
    const ms = findMentions(text);
    expect(ms.map((m) => m.text)).toEqual(['21\u2013NQ\uff0fTW', '19-NQ/TƯ']);
    expect(ms.map((m) => m.code?.canonical)).toEqual(['21-NQ/TW', '19-NQ/TW']);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('findMentions: lists', () => {
  it.each([
    ['Nghị quyết số 18-NQ/TW, 19-NQ/TW', ['18-NQ/TW', '19-NQ/TW']],
    ['các Nghị quyết số 18-NQ/TW và 19-NQ/TW', ['18-NQ/TW', '19-NQ/TW']],
    ['Nghị quyết số 18-NQ/TW; 19-NQ/TW', ['18-NQ/TW', '19-NQ/TW']],
    ['Nghị quyết số 18-NQ/TW, ngày 25/10/2017, 19-NQ/TW', ['18-NQ/TW', '19-NQ/TW']],
    ['Nghị quyết số 18-NQ/TW, số 19-NQ/TW', ['18-NQ/TW', '19-NQ/TW']],
  ])('%j names every document with the type word', (text, codes) => {
    const ms = findMentions(text);
    expect(ms.map((m) => m.code?.canonical)).toEqual(codes);
    expect(ms.map((m) => m.typeHint)).toEqual(codes.map(() => 'nghi-quyet'));
    expect(ms.map((m) => m.resolvedBy)).toEqual(codes.map(() => 'full'));
  });

  it.each([
    ['Nghị quyết số 18, 19-NQ/TW', ['Nghị quyết số 18', '19-NQ/TW'], ['18-NQ/TW', '19-NQ/TW']],
    ['các Nghị quyết số 18 và 19-NQ/TW', ['Nghị quyết số 18', '19-NQ/TW'], ['18-NQ/TW', '19-NQ/TW']],
    ['Nghị quyết 18,19-NQ/TW', ['Nghị quyết 18', '19-NQ/TW'], ['18-NQ/TW', '19-NQ/TW']],
    [
      'Kết luận số 01, 02, 03-KL/TU',
      ['Kết luận số 01', '02', '03-KL/TU'],
      ['01-KL/TU', '02-KL/TU', '03-KL/TU'],
    ],
    [
      'Nghị định số 30, 31/2020/NĐ-CP',
      ['Nghị định số 30', '31/2020/NĐ-CP'],
      ['30/2020/NĐ-CP', '31/2020/NĐ-CP'],
    ],
  ])('%j: numbers share the suffix of the last', (text, texts, codes) => {
    const ms = findMentions(text);
    expect(ms.map((m) => m.text)).toEqual(texts);
    expect(ms.map((m) => m.code?.canonical)).toEqual(codes);
    expect(ms.slice(0, -1).every((m) => m.resolvedBy === 'list')).toBe(true);
    expect(ms.at(-1)?.resolvedBy).toBe('full');
  });

  it('does not share a suffix of another type', () => {
    const ms = findMentions('Kết luận số 21, 19-NQ/TW');
    expect(brief(ms)).toEqual([
      ['Kết luận số 21', null, 'unresolved'],
      ['19-NQ/TW', '19-NQ/TW', 'full'],
    ]);
    expect(ms[1]?.typeHint).toBeUndefined();
  });

  it('does not carry a type across other words', () => {
    const ms = findMentions('Nghị quyết số 18-NQ/TW về tinh gọn bộ máy và Kết luận 14-KL/TW; 19-NQ/TW');
    expect(ms.map((m) => [m.code?.canonical, m.typeHint])).toEqual([
      ['18-NQ/TW', 'nghi-quyet'],
      ['14-KL/TW', 'ket-luan'],
      ['19-NQ/TW', 'ket-luan'],
    ]);
  });
});

describe('findMentions: short mentions', () => {
  it('settles short mentions from codes written earlier on the page', () => {
    const text =
      'Kết luận 21-KL/TW, Nghị quyết số 21-NQ/TW và Nghị quyết số 28-NQ/TW. ' +
      'Trọng tâm là chương trình, kế hoạch thực hiện Kết luận số 21, Nghị quyết số 21, Nghị quyết 28.';
    expect(brief(findMentions(text)).slice(3)).toEqual([
      ['Kết luận số 21', '21-KL/TW', 'context'],
      ['Nghị quyết số 21', '21-NQ/TW', 'context'],
      ['Nghị quyết 28', '28-NQ/TW', 'context'],
    ]);
  });

  it('keeps context across calls of one scanner, not across scanners', () => {
    const scanner = createMentionScanner();
    scanner.scan('Nghị quyết số 21-NQ/TW về củng cố tổ chức cơ sở đảng.');
    expect(brief(scanner.scan('Thực hiện Nghị quyết số 21.'))).toEqual([
      ['Nghị quyết số 21', '21-NQ/TW', 'context'],
    ]);
    expect(brief(createMentionScanner().scan('Thực hiện Nghị quyết số 21.'))).toEqual([
      ['Nghị quyết số 21', null, 'unresolved'],
    ]);
  });

  it('uses codes passed as known', () => {
    const scanner = createMentionScanner({ known: ['08-QĐi/TW', parseCode('30/2020/NĐ-CP') ?? '', 'rác'] });
    expect(brief(scanner.scan('Quy định số 8 và Nghị định 30 của Chính phủ.'))).toEqual([
      ['Quy định số 8', '08-QĐi/TW', 'context'],
      ['Nghị định 30', '30/2020/NĐ-CP', 'context'],
    ]);
  });

  it('does not resolve a mention before the code appears', () => {
    const ms = findMentions('Nghị quyết số 21 (tức Nghị quyết số 21-NQ/TW).');
    expect(brief(ms)).toEqual([
      ['Nghị quyết số 21', null, 'unresolved'],
      ['21-NQ/TW', '21-NQ/TW', 'full'],
    ]);
  });

  it('leaves a mention unresolved when two earlier codes fit', () => {
    const ms = findMentions('Nghị quyết số 21-NQ/TW và Nghị quyết số 21-NQ/TU. Nghị quyết số 21 đã …');
    expect(ms[2]).toMatchObject({
      code: null,
      resolvedBy: 'unresolved',
      short: { number: '21', abbr: 'NQ' },
    });
  });

  it('matches numbers with and without leading zeros', () => {
    expect(canon('Chỉ thị số 05-CT/TW. Chỉ thị số 5 về học tập.')).toEqual(['05-CT/TW', '05-CT/TW']);
    expect(canon('Chỉ thị số 5-CT/TW. Chỉ thị số 05.')).toEqual(['5-CT/TW', '5-CT/TW']);
  });

  it('lets a Quy định short mention find a QĐi or a QĐ code', () => {
    expect(canon('Quy định số 08-QĐi/TW. Quy định 08 yêu cầu…').at(-1)).toBe('08-QĐi/TW');
    expect(canon('Quy định số 102-QĐ/TW. Quy định số 102 về xử lý kỷ luật').at(-1)).toBe('102-QĐ/TW');
    // A Quyết định code never settles a "Kết luận" mention.
    expect(canon('Quyết định số 21-QĐ/TW. Kết luận số 21').at(-1)).toBeNull();
  });

  it.each([
    ['Chỉ thị 35 của Bộ Chính trị', '35-CT/TW'],
    ['Chỉ thị số 35 của Bộ Chính trị khóa XIII', '35-CT/TW'],
    ['Kết luận 14 của Bộ chính trị', '14-KL/TW'],
    ['Nghị quyết số 18 của Ban Chấp hành Trung ương Đảng', '18-NQ/TW'],
    ['Nghị quyết 18 của BCH Trung ương', '18-NQ/TW'],
    ['Nghị quyết số 21 của Trung ương', '21-NQ/TW'],
    ['Kết luận số 21 của Ban Bí thư', '21-KL/TW'],
    ['Chỉ thị số 35 ngày 14/6/2024 của Bộ Chính trị', '35-CT/TW'],
    ['Chỉ thị số 35, ngày 14/6/2024, của Bộ Chính trị', '35-CT/TW'],
    ['Hướng dẫn số 12 của Ban Tổ chức Trung ương', '12-HD/BTCTW'],
    ['Hướng dẫn số 36 của Văn phòng Trung ương Đảng', '36-HD/VPTW'],
    ['Quyết định số 865 của Ban Thường vụ Tỉnh ủy', '865-QĐ/TU'],
    ['Quyết định số 865 của Ban Thường vụ Tỉnh uỷ', '865-QĐ/TU'],
    ['Nghị quyết số 10 của Tỉnh ủy', '10-NQ/TU'],
    ['Chỉ thị 05 của Thành ủy Hà Nội', '05-CT/TU'],
    ['Chỉ thị 19 của Ban Thường vụ Thành ủy TP. Hồ Chí Minh', '19-CT/TU'],
    ['Kết luận số 03 của Ban Thường vụ Huyện ủy', '03-KL/HU'],
    ['Nghị quyết số 03 của Đảng ủy Khối', '03-NQ/ĐUK'],
    ['Nghị quyết số 03 của Ban Thường vụ Đảng ủy Khối', '03-NQ/ĐUK'],
    ['Nghị quyết số 03 của Đảng ủy', '03-NQ/ĐU'],
    ['Kế hoạch số 7 của Ban cán sự đảng', '7-KH/BCSĐ'],
  ])('%j → %s from the issuer phrase', (text, code) => {
    const [m, ...more] = findMentions(text);
    expect(more).toEqual([]);
    expect(m?.code?.canonical).toBe(code);
    expect(m?.resolvedBy).toBe('issuer-phrase');
    expect(m?.short?.issuer).toBe(parseCode(code)?.issuer);
  });

  it('remembers a code settled by an issuer phrase', () => {
    expect(brief(findMentions('Chỉ thị 35 của Bộ Chính trị … Chỉ thị 35 về học tập'))).toEqual([
      ['Chỉ thị 35', '35-CT/TW', 'issuer-phrase'],
      ['Chỉ thị 35', '35-CT/TW', 'context'],
    ]);
  });

  it.each([
    // Thành ủy of a city inside a province writes ThU: a bare "Thành ủy" settles nothing.
    ['Chỉ thị 05 của Thành ủy', undefined],
    ['Chỉ thị 05 của Ban Thường vụ Thành ủy', undefined],
    // Quy định may be QĐ or QĐi: the phrase alone does not say which.
    ['Quy định 102 của Bộ Chính trị', 'TW'],
    // A state document's year cannot come from the phrase.
    ['Nghị định 30 của Chính phủ', 'CP'],
    ['Quyết định 1234 của Thủ tướng Chính phủ', 'TTg'],
    // The Youth Union's Central Committee is not the Party's.
    ['Chỉ thị số 05 của Trung ương Đoàn', undefined],
    ['Chỉ thị số 05 của Ban Bí thư Trung ương Đoàn', undefined],
    ['Chỉ thị số 05 của Ban Chấp hành Trung ương Hội Nông dân', undefined],
    ['Kế hoạch số 5 của Ban Tổ chức Tỉnh ủy', undefined],
    ['Nghị quyết số 21', undefined],
  ])('%j stays unresolved', (text, issuer) => {
    const [m, ...more] = findMentions(text);
    expect(more).toEqual([]);
    expect(m?.code).toBeNull();
    expect(m?.resolvedBy).toBe('unresolved');
    expect(m?.short?.issuer).toBe(issuer);
  });

  it('narrows context by the issuer phrase', () => {
    const text =
      'Nghị quyết số 21-NQ/TW và Nghị quyết số 21-NQ/TU. Nghị quyết số 21 của Tỉnh ủy; Quy định số 05-QĐi/TW, 05-QĐ/TU. Quy định 05 của Bộ Chính trị';
    const ms = findMentions(text);
    expect(brief(ms).filter(([, , by]) => by !== 'full')).toEqual([
      ['Nghị quyết số 21', '21-NQ/TU', 'issuer-phrase'],
      ['Quy định 05', '05-QĐi/TW', 'context'],
    ]);
  });

  it('reads a list of short numbers', () => {
    const ms = findMentions(
      'Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW … thực hiện Nghị quyết số 18, 19 và 20.',
    );
    expect(brief(ms).slice(2)).toEqual([
      ['Nghị quyết số 18', '18-NQ/TW', 'context'],
      ['19', '19-NQ/TW', 'context'],
      ['20', null, 'unresolved'],
    ]);
  });

  it('puts the date on the last short of a run and the phrase on all', () => {
    const ms = findMentions('Nghị quyết số 18 và 19 ngày 25/10/2017 của Ban Chấp hành Trung ương');
    expect(ms.map((m) => [m.text, m.code?.canonical, m.date])).toEqual([
      ['Nghị quyết số 18', '18-NQ/TW', undefined],
      ['19', '19-NQ/TW', '2017-10-25'],
    ]);
  });

  it.each([
    'Kế hoạch 5 năm',
    'Kế hoạch 2023 của Tỉnh ủy',
    'quyết định 3 nội dung quan trọng',
    'Hướng dẫn 2 bước',
    'thông báo 10 điểm',
    'Nghị quyết Đại hội XIII của Đảng',
    'Nghị quyết Trung ương 4 khóa XII',
    'Nghị quyết 4 khóa XII',
    'các nghị quyết, kết luận của Bộ Chính trị',
    'Nghị định số 30/2020',
    'Nghị quyết số 21-NQ',
    'Kết luận 21/KL',
    'Nghị quyết số 21.5',
    'Chỉ thị số 123456',
  ])('no mention in %j', (text) => {
    expect(findMentions(text)).toEqual([]);
  });

  it('accepts a year-like number after "số"', () => {
    expect(brief(findMentions('Kế hoạch số 2023 của Tỉnh ủy'))).toEqual([
      ['Kế hoạch số 2023', '2023-KH/TU', 'issuer-phrase'],
    ]);
  });
});

describe('findMentions: no false positives', () => {
  it.each([
    'Ngày 22/6, hội nghị diễn ra tại Cần Thơ.',
    'theo Quyết định ngày 18/1/2019 và 03/7/2019',
    'trong 6 tháng đầu năm 2023 (6/2023)',
    'nhiệm kỳ 2020-2025, 2021 - 2026 và 2025 – 2030',
    'Kết nạp được 1.666 đảng viên; 933/954 chi bộ có cấp ủy; 80/105 đồng chí',
    'Điều 5 của Điều lệ Đảng khóa XIII',
    'Liên hệ: 0236.3822.123 hoặc 0905-123-456, (0236) 3 822 123',
    'phòng, chống dịch COVID-19 và Covid-19/2020',
    'Xem https://thuvienphapluat.vn/van-ban/Nghi-quyet-21-NQ-TW-2022.aspx?so=21-NQ/TW',
    'Nguồn: www.example.vn/21-NQ/TW/30/2020/NĐ-CP',
    'baoquangngai.vn/channel/2022-03/21-NQ-TW.htm',
    'Thứ năm - 04/07/2019 15:06',
    'tỷ lệ 20%, tăng 7,54%/năm, 3.200 USD',
    'Tổ 5 - KP / 3 và lớp 12-A/B',
    'Phòng 12-KT/TC tầng 3',
    'Quận 1 - TP. HCM',
    'Tổ dân phố số5 và Điều5-khoản/2',
    'mã hồ sơ ABC21-NQ/TW và x21-NQ/TW',
  ])('nothing in %j', (text) => {
    expect(findMentions(text)).toEqual([]);
  });
});

describe('findMentions: real articles', () => {
  const sample = (name: string): string => readFileSync(`/work/shared/samples/${name}.txt`, 'utf8');
  const samplesThere = (() => {
    try {
      sample('baoquangngai-trien-khai-2023');
      return true;
    } catch {
      return false;
    }
  })();

  it.runIf(samplesThere)('Báo Quảng Ngãi 2023', () => {
    const ms = findMentions(sample('baoquangngai-trien-khai-2023'));
    expect(ms.map((m) => [m.text, m.code?.canonical, m.resolvedBy, m.typeHint])).toEqual([
      ['21-KL/TW', '21-KL/TW', 'full', 'ket-luan'],
      ['21-NQ/TW', '21-NQ/TW', 'full', 'nghi-quyet'],
      ['28-NQ/TW', '28-NQ/TW', 'full', 'nghi-quyet'],
      ['Kết luận số 21', '21-KL/TW', 'context', 'ket-luan'],
      ['Nghị quyết số 21', '21-NQ/TW', 'context', 'nghi-quyet'],
      ['Nghị quyết số 28', '28-NQ/TW', 'context', 'nghi-quyet'],
    ]);
  });

  it.runIf(samplesThere)('provincial bloc Party committee 2019', () => {
    const ms = findMentions(sample('dang-uy-khoi-tong-ket-2019'));
    expect(ms.map((m) => [m.text, m.code?.canonical, m.typeHint, m.date])).toEqual([
      ['865-QĐ/TU', '865-QĐ/TU', 'quyet-dinh', '2019-01-18'],
    ]);
  });

  it.runIf(samplesThere)('TTXVN Cần Thơ 2023', () => {
    const ms = findMentions(sample('ttxvn-can-tho-giao-ban-2023'));
    expect(ms.map((m) => [m.text, m.code?.canonical, m.typeHint])).toEqual([
      ['18-NQ/TW', '18-NQ/TW', 'nghi-quyet'],
      ['19-NQ/TW', '19-NQ/TW', 'nghi-quyet'],
      ['14-KL/TW', '14-KL/TW', 'ket-luan'],
    ]);
  });

  it.runIf(samplesThere)('finds the same mentions in NFD text', () => {
    for (const name of [
      'baoquangngai-trien-khai-2023',
      'dang-uy-khoi-tong-ket-2019',
      'ttxvn-can-tho-giao-ban-2023',
    ]) {
      const nfc = sample(name).normalize('NFC');
      const nfd = nfc.normalize('NFD');
      const a = findMentions(nfc);
      const b = findMentions(nfd);
      expect(b.map((m) => [m.text.normalize('NFC'), m.code?.canonical, m.date])).toEqual(
        a.map((m) => [m.text, m.code?.canonical, m.date]),
      );
      for (const m of b) expect(nfd.slice(m.start, m.end)).toBe(m.text);
    }
  });
});

describe('createMentionScanner across text nodes', () => {
  it('carries a type word at the end of one node to a code starting the next', () => {
    const scanner = createMentionScanner();
    expect(scanner.scan('thực hiện Nghị quyết số ')).toEqual([]);
    const [m] = scanner.scan('21-NQ/TW');
    expect(m).toMatchObject({ start: 0, end: 8, typeHint: 'nghi-quyet' });
    const [n] = scanner.scan('21-NQ/TW');
    expect(n?.typeHint).toBeUndefined();
  });

  it('scans a long text in one pass', () => {
    // Not a timing test: it checks that long input with many candidates works and stays correct.
    const chunk = 'Nghị quyết số 21-NQ/TW ngày 16/6/2022; 933/954 chi bộ; Nghị quyết số 21. ';
    const ms = findMentions(chunk.repeat(2000));
    expect(ms).toHaveLength(4000);
    expect(ms.every((m) => m.code?.canonical === '21-NQ/TW')).toBe(true);
  });
});
