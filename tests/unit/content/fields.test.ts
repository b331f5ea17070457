import { describe, expect, it } from 'vitest';
import {
  codeChoices,
  documentCodeField,
  partialDate,
  partyTerm,
  source,
  taxonomyTerm,
} from '../../../src/lib/content/fields.ts';
import { parseCode } from '../../../src/lib/graph/code-parser.ts';

/** The first message zod gives for `value`, or null when it is accepted. */
function refusal(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error?.issues[0]?.message ?? '');
}

describe('partialDate', () => {
  it.each([
    ['2022-06-16', '2022-06-16'],
    ['2022-06', '2022-06'],
    ['2022', '2022'],
    [' 2022-06 ', '2022-06'],
    [2019, '2019'],
    [new Date('2022-06-16T00:00:00Z'), '2022-06-16'],
    ['2024-02-29', '2024-02-29'],
  ])('stores %j as %j', (input, stored) => {
    expect(partialDate.parse(input)).toBe(stored);
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '2022-04-31',
    '2022-13',
    '2022-00',
    '2022-06-00',
    '16/06/2022',
    '2022-6-1',
    '',
    2019.5,
    true,
  ])('refuses %j, saying how to write a date that exists', (input) => {
    expect(refusal(partialDate, input)).toMatch(/không hợp lệ: viết YYYY-MM-DD, YYYY-MM hoặc YYYY.*có thật/);
  });

  it('names the refused value in its message', () => {
    expect(refusal(partialDate, '2023-02-30')).toContain('"2023-02-30"');
  });

  it('refuses a Date that js-yaml could not build', () => {
    expect(refusal(partialDate, new Date('x'))).not.toBeNull();
  });
});

describe('documentCodeField', () => {
  const documentCode = documentCodeField(parseCode);

  it.each([
    ['21-NQ/TW', '21-NQ/TW'],
    ['21 - nq / tư', '21-NQ/TW'],
    ['30/2020/ND-CP', '30/2020/NĐ-CP'],
    ['865-QĐ/TU', '865-QĐ/TU'],
  ])('stores %j in its canonical form %j', (input, canonical) => {
    expect(documentCode.parse(input)).toBe(canonical);
  });

  it.each(['Nghị quyết Trung ương 4', '21', '', 'NQ/TW'])(
    'refuses %j with the spellings it reads',
    (input) => {
      expect(refusal(documentCode, input)).toMatch(/không đọc được\. Viết như 21-NQ\/TW/);
    },
  );

  it('refuses a value that is not text', () => {
    expect(refusal(documentCode, 21)).not.toBeNull();
  });
});

describe('taxonomyTerm', () => {
  const entries = [
    { id: 'bo-chinh-tri', label: 'Bộ Chính trị' },
    { id: 'ban-bi-thu', label: 'Ban Bí thư' },
  ];
  const issuer = taxonomyTerm(entries, 'Cơ quan ban hành', 'co-quan.yaml');

  it('accepts an id of the list', () => {
    expect(issuer.parse('ban-bi-thu')).toBe('ban-bi-thu');
  });

  it('refuses an unknown id, naming the list file and valid ids', () => {
    const message = refusal(issuer, 'bo-chinh-tri-typo');
    expect(message).toContain(
      'Cơ quan ban hành "bo-chinh-tri-typo" không có trong content/data/co-quan.yaml',
    );
    expect(message).toContain('bo-chinh-tri, ban-bi-thu');
  });

  it('refuses a label in place of the id', () => {
    expect(refusal(issuer, 'Bộ Chính trị')).not.toBeNull();
  });
});

describe('partyTerm (khóa)', () => {
  it.each(['XIII', 'XII', 'IV'])('accepts %j', (t) => {
    expect(partyTerm.parse(t)).toBe(t);
  });

  it.each(['xiii', '13', 'khóa XIII', ''])('refuses %j', (t) => {
    expect(refusal(partyTerm, t)).toMatch(/chữ số La Mã in hoa/);
  });
});

describe('source', () => {
  it('keeps a source with or without its address, its date as a partial date', () => {
    expect(source.parse({ title: 'Bài', outlet: 'TTXVN', date: new Date('2022-06-16T00:00:00Z') })).toEqual({
      title: 'Bài',
      outlet: 'TTXVN',
      date: '2022-06-16',
    });
    expect(source.parse({ title: 'Bài', outlet: 'TTXVN', url: 'https://ttxvn.vn/a' }).url).toBe(
      'https://ttxvn.vn/a',
    );
  });

  it('refuses an address that is not a full URL, and an impossible date', () => {
    expect(refusal(source, { title: 'Bài', outlet: 'TTXVN', url: 'ttxvn.vn/a' })).toMatch(
      /URL đầy đủ \(https:\/\/…\)/,
    );
    expect(refusal(source, { title: 'Bài', outlet: 'TTXVN', date: '2022-02-30' })).toMatch(/không hợp lệ/);
    expect(refusal(source, { title: '', outlet: 'TTXVN' })).not.toBeNull();
  });
});

describe('codeChoices', () => {
  it('defaults to no choices and stores each chosen date as a partial date', () => {
    expect(codeChoices.parse(undefined)).toEqual({});
    expect(codeChoices.parse({ '21-NQ/TW': new Date('2017-10-25T00:00:00Z'), '9-KL/TW': 2019 })).toEqual({
      '21-NQ/TW': '2017-10-25',
      '9-KL/TW': '2019',
    });
  });

  it('refuses a choice whose date does not exist', () => {
    expect(refusal(codeChoices, { '21-NQ/TW': '2017-02-30' })).toMatch(/không hợp lệ/);
  });
});
