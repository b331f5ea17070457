import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLocalities, currentLocality, localityMembers } from '../../../src/lib/content/localities.ts';
import { groupByTerms, TaxonomyError } from '../../../src/lib/content/taxonomy.ts';
import { readTaxonomies, readTaxonomyFile } from '../../../src/lib/content/taxonomy-fs.ts';

const tmp = (content: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taxonomy-'));
  const file = path.join(dir, 'x.yaml');
  fs.writeFileSync(file, content);
  return file;
};

describe('taxonomy files', () => {
  it('reads the project lists', () => {
    const t = readTaxonomies(path.resolve('content'));
    expect(t.topics.length).toBeGreaterThan(5);
    expect(t.issuers.map((i) => i.id)).toContain('bo-chinh-tri');
  });

  it('names the file and entry of a bad id', () => {
    const file = tmp('- { id: "Tổ chức", label: Tổ chức }\n');
    expect(() => readTaxonomyFile(file)).toThrow(TaxonomyError);
    expect(() => readTaxonomyFile(file)).toThrow(/x\.yaml, mục thứ 1/);
  });

  it('rejects duplicate ids and missing labels', () => {
    expect(() => readTaxonomyFile(tmp('- { id: a, label: A }\n- { id: a, label: B }\n'))).toThrow(/trùng/);
    expect(() => readTaxonomyFile(tmp('- { id: a }\n'))).toThrow(/label/);
    expect(() => readTaxonomyFile(tmp('a: 1\n'))).toThrow(/danh sách/);
  });

  it('groups items under every term they carry, sorted by label', () => {
    const items = [
      { id: 'x', topics: ['b', 'a'] },
      { id: 'y', topics: ['a', 'a'] },
    ];
    const groups = groupByTerms(
      items,
      (i) => i.topics,
      (id) => (id === 'a' ? 'Đảng viên' : 'Cán bộ'),
    );
    expect(groups.map((g) => [g.id, g.items.map((i) => i.id)])).toEqual([
      ['b', ['x']],
      ['a', ['x', 'y']],
    ]);
  });
});

describe('localities after the 2025 merger', () => {
  const list = readTaxonomies(path.resolve('content')).localities as never as Parameters<
    typeof checkLocalities
  >[0];

  it('has 34 current units and every earlier name points to one of them', () => {
    expect(list.filter((l) => l.status === 'hien-hanh')).toHaveLength(34);
    expect(checkLocalities(list)).toEqual([]);
  });

  it('counts 63 units before the merger (current units that kept their name, plus earlier names)', () => {
    const kept = list.filter((l) => l.status === 'hien-hanh').length;
    const former = list.filter((l) => l.status === 'truoc-sap-xep').length;
    // Huế was Thừa Thiên Huế: counted once among the 63.
    expect(kept + former - 1).toBe(63);
  });

  it('gathers the merged provinces under the current one', () => {
    expect([...localityMembers(list, 'can-tho')].sort()).toEqual(['can-tho', 'hau-giang', 'soc-trang']);
    expect(currentLocality(list, 'kon-tum')).toBe('quang-ngai');
    expect([...localityMembers(list, 'kon-tum')]).toEqual(['kon-tum']);
  });

  it('reports an earlier name that points nowhere', () => {
    const broken = [
      { id: 'a', label: 'A', status: 'hien-hanh' as const, absorbed: [] },
      { id: 'b', label: 'B', status: 'truoc-sap-xep' as const, mergedInto: 'z' },
    ];
    expect(checkLocalities(broken)[0]).toMatch(/^b:/);
  });
});
