/**
 * The importer's readers, one fact at a time: date lines and event dates, the article's leftovers
 * (category, captions, bylines, trailers), the outlet, the locality, the kind of event, and the
 * header of a Party document however a portal lays it out. Codes in these tests are fictional
 * (9021-NQ/TW…), as in the other fixtures.
 */
import { describe, expect, it } from 'vitest';
import type { TaxonomyEntry } from '../../../src/lib/content/taxonomy.ts';
import {
  findEventDate,
  findEventKind,
  findLocality,
  outletFromToken,
} from '../../../src/lib/importer/article-facts.ts';
import { cleanArticle } from '../../../src/lib/importer/article-text.ts';
import { readDocumentHeader } from '../../../src/lib/importer/document-header.ts';
import { normalizeRawText, textLines } from '../../../src/lib/importer/raw-text.ts';
import { completeYear, findTextDates, readDateLine } from '../../../src/lib/importer/vietnamese-dates.ts';

const localities: TaxonomyEntry[] = [
  { id: 'quang-ngai', label: 'Quảng Ngãi', status: 'hien-hanh' },
  { id: 'kon-tum', label: 'Kon Tum', status: 'truoc-sap-xep', mergedInto: 'quang-ngai' },
  { id: 'can-tho', label: 'Cần Thơ', status: 'hien-hanh' },
  { id: 'hau-giang', label: 'Hậu Giang', status: 'truoc-sap-xep', mergedInto: 'can-tho' },
  { id: 'hue', label: 'Huế', status: 'hien-hanh' },
  { id: 'thua-thien-hue', label: 'Thừa Thiên Huế', status: 'truoc-sap-xep', mergedInto: 'hue' },
  { id: 'thanh-hoa', label: 'Thanh Hóa', status: 'hien-hanh' },
  { id: 'hoa-binh', label: 'Hòa Bình', status: 'truoc-sap-xep', mergedInto: 'phu-tho' },
];

describe('raw text', () => {
  it('makes any input NFC lines without BOM, CR or control characters', () => {
    const raw = '\uFEFFNghi\u0323 quyê\u0301t\r\nSô\u0301\u00A021\u200B\u0007-NQ/TW\rcuối';
    expect(normalizeRawText(raw)).toBe('Nghị quyết\nSố 21-NQ/TW\ncuối');
  });
});

describe('dates', () => {
  it('reads every usual form of a date line', () => {
    expect(readDateLine('Thứ Bảy, ngày 10 tháng 6 năm 2023')).toBe('2023-06-10');
    expect(readDateLine('01:01, 06/01/2023')).toBe('2023-01-06');
    expect(readDateLine('Ngày 24-06-2019')).toBe('2019-06-24');
    expect(readDateLine('Thứ năm - 04/07/2019 15:06')).toBe('2019-07-04');
    expect(readDateLine('Cập nhật: 06/01/2023 09:15 (GMT+7)')).toBe('2023-01-06');
  });

  it('does not take a sentence or an impossible date for a date line', () => {
    expect(readDateLine('Ngày 22/6/2023, hội nghị diễn ra tại Cần Thơ')).toBeNull();
    expect(readDateLine('30/02/2023')).toBeNull();
  });

  it('finds event dates introduced by a time of day or "ngày", never fractions', () => {
    const dates = findTextDates(
      'Sáng 6/1, hội nghị… 933/954 chi bộ; 80/105 đồng chí; sáng ngày 03/7/2019; ngày 18 tháng 1',
    );
    expect(dates.map((d) => [d.day, d.month, d.year ?? null, d.timeOfDay ?? null])).toEqual([
      [6, 1, null, 'sáng'],
      [3, 7, 2019, 'sáng'],
      [18, 1, null, null],
    ]);
  });

  it('takes a missing year from the publication date, or from a year-end review', () => {
    expect(completeYear(28, 12, { publishedDate: '2024-01-02' })).toBe(2023);
    expect(completeYear(6, 1, { publishedDate: '2023-01-06' })).toBe(2023);
    // Reviews 2022 and plans 2023: held early in 2023 (or late in 2022 for a December date).
    expect(completeYear(18, 1, { reviewYear: 2022 })).toBe(2023);
    expect(completeYear(28, 12, { reviewYear: 2022 })).toBe(2022);
    expect(completeYear(18, 1, {})).toBeNull();
  });

  it('dates the event, not a cited document, and explains the year', () => {
    const text =
      'Theo Quyết định số 9865-QĐ/TU, ngày 18/1/2019 của Ban Thường vụ. Sáng 18/1, Hội nghị tổng kết công tác năm 2022, triển khai nhiệm vụ năm 2023.';
    const codeEnd = text.indexOf(', ngày 18/1/2019');
    const found = findEventDate(text, null, [{ end: codeEnd }]);
    expect(found.date).toBe('2023-01-18');
    expect(found.reason).toContain('tổng kết năm 2022');
    expect(findEventDate('Không có ngày nào.', null, []).date).toBeNull();
  });
});

describe('articles', () => {
  const article = [
    'Xây dựng Đảng',
    'Hội nghị thử nghiệm bàn về công tác tổ chức xây dựng Đảng',
    'Thứ Bảy, ngày 10 tháng 6 năm 2023',
    'Cần Thơ',
    '(TTXVN) - Sáng 9/6, hội nghị thử nghiệm diễn ra tại thành phố Cần Thơ.',
    'Quang cảnh hội nghị. (Ảnh: Văn Thử/TTXVN)',
    'Một mục nhỏ',
    'Các đại biểu thảo luận về công tác cán bộ.',
    'Đồng chí Nguyễn Văn Thử phát biểu tại hội nghị',
    'Tin, ảnh: TRẦN THỊ MẪU',
    'Tin liên quan',
    'Một bài khác không thuộc bài này.',
  ];

  it('keeps the article and drops the page around it', () => {
    const a = cleanArticle(article);
    expect(a.category).toBe('Xây dựng Đảng');
    expect(a.title).toBe('Hội nghị thử nghiệm bàn về công tác tổ chức xây dựng Đảng');
    expect(a.publishedDate).toBe('2023-06-10');
    expect(a.placeLines).toEqual(['Cần Thơ']);
    expect(a.outletToken).toBe('TTXVN');
    expect(a.author).toBe('Trần Thị Mẫu');
    expect(a.creditAuthor).toBe('Văn Thử');
    expect(a.blocks).toEqual([
      { kind: 'paragraph', text: 'Sáng 9/6, hội nghị thử nghiệm diễn ra tại thành phố Cần Thơ.' },
      { kind: 'heading', text: 'Một mục nhỏ' },
      { kind: 'paragraph', text: 'Các đại biểu thảo luận về công tác cán bộ.' },
    ]);
    expect(a.captions).toHaveLength(2);
  });

  it("reads the other bylines and a caption repeated as the photo's text", () => {
    const a = cleanArticle([
      'Tiêu đề một bài báo thử nghiệm về hội nghị',
      'Đoạn mở đầu của bài báo.',
      'Các đồng chí chủ trì hội nghị.',
      'Các đồng chí chủ trì hội nghị.',
      'Đoạn cuối của bài báo./.',
      'Tác giả bài viết: Văn Mẫu - Ban Tuyên giáo',
      'Tổng số điểm của bài viết là: 0 trong 0 đánh giá',
    ]);
    expect(a.author).toBe('Văn Mẫu, Ban Tuyên giáo');
    expect(a.blocks.map((b) => b.text)).toEqual(['Đoạn mở đầu của bài báo.', 'Đoạn cuối của bài báo./.']);
    expect(cleanArticle(['Tiêu đề bài báo thử nghiệm dài', 'Nội dung bài.', 'Thu Hà']).author).toBe('Thu Hà');
  });

  it('names outlets as readers know them', () => {
    expect(outletFromToken('TTXVN', localities)).toEqual({ name: 'TTXVN', locality: null });
    expect(outletFromToken('Baoquangngai.vn', localities)).toEqual({
      name: 'Báo Quảng Ngãi',
      locality: 'quang-ngai',
    });
    expect(outletFromToken('ĐCSVN', localities).name).toBe('Báo Điện tử Đảng Cộng sản Việt Nam');
    expect(outletFromToken('Vidu.vn', localities)).toEqual({ name: 'Vidu.vn', locality: null });
  });

  it('finds the locality, earlier names included, and never guesses', () => {
    const find = (text: string, outletLocality: string | null = null, title = '') =>
      findLocality({ title, placeLines: [], text, outletLocality }, localities);
    expect(find('Hội nghị tại Kon Tum.').id).toBe('kon-tum');
    expect(find('Đoàn công tác của Thừa Thiên Huế.').id).toBe('thua-thien-hue');
    expect(find('Tỉnh ủy Thanh Hoá tổng kết.').id).toBe('thanh-hoa');
    expect(find('Giữ gìn hòa bình và ổn định.').id).toBeNull();
    expect(find('Hậu Giang và Cần Thơ họp tại Cần Thơ.').id).toBe('can-tho');
    const several = find('Hậu Giang và Kon Tum trao đổi kinh nghiệm.');
    expect(several.id).toBeNull();
    expect(several.named).toEqual(['hau-giang', 'kon-tum']);
    expect(find('Bí thư Tỉnh ủy chủ trì hội nghị.').id).toBeNull();
    expect(find('Bí thư Tỉnh ủy chủ trì hội nghị.', 'quang-ngai').id).toBe('quang-ngai');
  });

  it("tells the kind of event from the conference's name first", () => {
    expect(findEventKind('Triển khai nhiệm vụ năm 2023', '', 'Hội nghị tổng kết công tác năm 2022')).toBe(
      'tong-ket',
    );
    expect(findEventKind('Giao ban công tác', '', '')).toBe('giao-ban');
    expect(findEventKind('Một sự kiện', 'Đoàn đến thăm.', 'Không có hội nghị.')).toBe('khac');
  });
});

describe('document headers', () => {
  const body = ['I. NỘI DUNG', '1. Một mục', 'Nội dung của văn bản thử nghiệm.'];
  const signature = [
    'Nơi nhận:',
    '- Các tỉnh ủy,',
    '- Lưu Văn phòng.',
    '',
    'T/M BỘ CHÍNH TRỊ',
    'THƯỜNG TRỰC BAN BÍ THƯ',
    '(Đã ký)',
    'Nguyễn Văn Mẫu',
  ];

  it('reads the two columns in either order, with or without rules, words run together', () => {
    for (const header of [
      [
        'BAN CHẤP HÀNH TRUNG ƯƠNG',
        '*',
        'Số 9097-QĐ/TW',
        '',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        '---------------',
        'Hà Nội, ngày 15 tháng 3 năm 2031',
      ],
      [
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Hà Nội, ngày 15 tháng 3 năm 2031',
        'BAN CHẤP HÀNH TRUNG ƯƠNG',
        'số9097-QĐ/TW',
      ],
      [
        'Trang chủ > Văn bản',
        'Lượt xem: 120',
        'BAN CHẤP HÀNH TRUNG ƯƠNG*Số 9097-QĐ/TW',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Hà Nội,ngày15 tháng 3năm 2031',
      ],
    ]) {
      const h = readDocumentHeader([
        ...header,
        'QUY ĐỊNH',
        'về một nội dung thử nghiệm',
        '',
        ...body,
        ...signature,
      ]);
      expect(h?.code.canonical).toBe('9097-QĐ/TW');
      expect(h?.date).toBe('2031-03-15');
      // The type line decides: a QĐ code is a Quy định here.
      expect(h?.type).toBe('quy-dinh');
      expect(h?.title).toBe('Về một nội dung thử nghiệm');
      expect(h?.issuerName).toBe('Bộ Chính trị');
      expect(h?.signer).toEqual({ name: 'Nguyễn Văn Mẫu', role: 'Thường trực Ban Bí thư' });
    }
  });

  it('reads the issuer from the text when there is no "T/M", and never from the central header alone', () => {
    const header = [
      'BAN CHẤP HÀNH TRUNG ƯƠNG',
      'Số 9035-CT/TW',
      'Hà Nội, ngày 2 tháng 4 năm 2031',
      'CHỈ THỊ',
      'về việc thử nghiệm',
    ];
    const fromText = readDocumentHeader([...header, '', 'Ban Bí thư yêu cầu như sau:', '1. Làm thử.']);
    expect(fromText?.issuerName).toBe('Ban Bí thư');
    const none = readDocumentHeader([...header, '', '1. Làm thử.']);
    expect(none?.issuerName).toBeNull();
    expect(none?.issuerReason).toContain('BAN CHẤP HÀNH TRUNG ƯƠNG');
  });

  it('reads the term and a title written in capitals', () => {
    const h = readDocumentHeader([
      'BAN CHẤP HÀNH TRUNG ƯƠNG',
      'Số 9021-NQ/TW',
      'Hà Nội, ngày 16 tháng 6 năm 2031',
      'NGHỊ QUYẾT',
      'HỘI NGHỊ LẦN THỨ NĂM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XX',
      'VỀ TĂNG CƯỜNG CÔNG TÁC CỦA ĐẢNG Ở CƠ SỞ',
    ]);
    expect(h?.term).toBe('XX');
    expect(h?.title).toBe('Về tăng cường công tác của Đảng ở cơ sở');
    expect(h?.issuerName).toBe('Ban Chấp hành Trung ương');
  });

  it('is no header for an article that cites codes', () => {
    expect(
      readDocumentHeader(textLines('Hội nghị triển khai Nghị quyết số 9021-NQ/TW.\nNGHỊ QUYẾT')),
    ).toBeNull();
  });
});
