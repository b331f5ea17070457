import { describe, expect, it } from 'vitest';
import { parseCodeQuery } from '../../../src/lib/graph/code-query.ts';
import { codeSearchKeys, codeSearchTerm, isCodeMatch } from '../../../src/lib/search/codes.ts';

function query(s: string) {
  const q = parseCodeQuery(s);
  if (q === null) throw new Error(`no code in ${s}`);
  return q;
}

describe('code search keys of a document', () => {
  it('joins number, abbreviation and issuer, the number with two digits at least', () => {
    expect(codeSearchKeys('21-NQ/TW')).toEqual(['21nqtw']);
    expect(codeSearchKeys('8-QĐi/TW')).toEqual(['08qditw', '08qdtw']);
    expect(codeSearchKeys('30/2020/NĐ-CP')).toEqual(['30ndcp', '302020ndcp']);
    expect(codeSearchKeys('no code')).toEqual([]);
  });
});

describe('the word a code query asks Pagefind for', () => {
  it.each([
    '21-NQ/TW',
    '21/NQ-TW',
    '21 NQ TW',
    'NQ 21',
    'nghị quyết 21',
    'nghi quyet so 21',
    'Nghị quyết số 21-NQ/TW',
  ])('%s reaches 21-NQ/TW but not 210-NQ/TW or 21-KL/TW', (spelling) => {
    const term = codeSearchTerm(query(spelling));
    expect(codeSearchKeys('21-NQ/TW').some((k) => k.startsWith(term))).toBe(true);
    expect(codeSearchKeys('210-NQ/TW').some((k) => k.startsWith(term))).toBe(false);
    expect(codeSearchKeys('21-KL/TW').some((k) => k.startsWith(term))).toBe(false);
  });

  it('reaches a Quy định coded QĐi from a type word, a typed QĐ or the full code', () => {
    for (const spelling of ['quy định 8', 'QĐ 08', 'qd 8 tw', '08-QĐi/TW']) {
      const term = codeSearchTerm(query(spelling));
      expect(codeSearchKeys('08-QĐi/TW').some((k) => k.startsWith(term))).toBe(true);
    }
  });

  it('reaches a state code with or without its year', () => {
    for (const spelling of ['NĐ 30', 'nghị định 30', '30/2020/NĐ-CP', 'nghị định 30/2020']) {
      const term = codeSearchTerm(query(spelling));
      expect(codeSearchKeys('30/2020/NĐ-CP').some((k) => k.startsWith(term))).toBe(true);
    }
    expect(
      codeSearchKeys('30/2021/NĐ-CP').some((k) => k.startsWith(codeSearchTerm(query('30/2020/NĐ-CP')))),
    ).toBe(false);
  });
});

describe('whether a result is the document a code query names', () => {
  it('checks the code, and the type when a type word was typed', () => {
    expect(isCodeMatch(query('NQ 21'), { code: '21-NQ/TW', type: 'nghi-quyet' })).toBe(true);
    expect(isCodeMatch(query('NQ 21'), { code: '21-NQ/TU', type: 'nghi-quyet' })).toBe(true);
    expect(isCodeMatch(query('21 NQ TW'), { code: '21-NQ/TU', type: 'nghi-quyet' })).toBe(false);
    expect(isCodeMatch(query('quy định 08'), { code: '08-QĐ/TW', type: 'quyet-dinh' })).toBe(false);
    expect(isCodeMatch(query('quy định 08'), { code: '08-QĐi/TW', type: 'quy-dinh' })).toBe(true);
    expect(isCodeMatch(query('QĐ 08'), { code: '08-QĐ/TW', type: 'quyet-dinh' })).toBe(true);
    expect(isCodeMatch(query('NQ 21'), { type: 'tin' })).toBe(false);
  });
});
