import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_TYPE_SLUGS,
  DOCUMENT_TYPES,
  documentTypeAbbreviations,
  OTHER_CODE_ABBREVIATIONS,
  typesForAbbreviation,
} from '../../../src/lib/content/document-types.ts';

describe('document types', () => {
  it('maps QĐ to both Quy định and Quyết định, whatever the spelling', () => {
    for (const abbr of ['QĐ', 'qđ', 'QD', 'Qd']) {
      expect(typesForAbbreviation(abbr).sort()).toEqual(['quy-dinh', 'quyet-dinh']);
    }
  });
  it('maps each other Party abbreviation to exactly one type', () => {
    for (const abbr of ['NQ', 'KL', 'CT', 'HD', 'TB', 'KH']) {
      expect(typesForAbbreviation(abbr)).toHaveLength(1);
    }
    expect(typesForAbbreviation('XX')).toEqual([]);
  });
  it('labels every type in Vietnamese', () => {
    expect(DOCUMENT_TYPES['nghi-quyet'].label).toBe('Nghị quyết');
    expect(DOCUMENT_TYPES['quy-dinh'].label).toBe('Quy định');
  });
  it('maps QĐi, used by Quy định since 2018, to Quy định only', () => {
    for (const abbr of ['QĐi', 'QĐI', 'qđi', 'QDi', 'qdi']) {
      expect(typesForAbbreviation(abbr)).toEqual(['quy-dinh']);
    }
  });
  it('lists every abbreviation of a type, the main one first', () => {
    expect(documentTypeAbbreviations('quy-dinh')).toEqual(['QĐ', 'QĐi']);
    expect(documentTypeAbbreviations('quyet-dinh')).toEqual(['QĐ']);
    for (const t of DOCUMENT_TYPE_SLUGS) expect(documentTypeAbbreviations(t)[0]).toBe(DOCUMENT_TYPES[t].abbr);
  });
  it('keeps the other code abbreviations apart from the types', () => {
    for (const { abbr } of OTHER_CODE_ABBREVIATIONS) expect(typesForAbbreviation(abbr)).toEqual([]);
  });
});
