import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  anchorAndAliasProblems,
  extractFrontmatter,
  impossibleDateMessage,
  pageFrontmatterProblems,
  yamlProblems,
} from '../../../src/lib/content/frontmatter-guard.ts';

const page = (yaml: string, body = '\nNội dung.\n') => `---\n${yaml}\n---\n${body}`;

describe('dates that do not exist', () => {
  it('shows what Astro would have done: js-yaml moves an unquoted 2023-02-30 to 2 March', () => {
    // The finding itself: the value a schema receives is a real, different date.
    const data = load('date: 2023-02-30') as { date: Date };
    expect(data.date.toISOString().slice(0, 10)).toBe('2023-03-02');
  });

  it('refuses an unquoted impossible date, naming the field, the line and what YAML would make of it', () => {
    const problems = pageFrontmatterProblems(page('code: 21-NQ/TW\ntype: nghi-quyet\ndate: 2023-02-30'));
    expect(problems).toEqual([
      {
        line: 4,
        field: 'date',
        message: expect.stringMatching(
          /^Trường "date": ngày 2023-02-30 không có thật \(tháng 2\/2023 chỉ có 28 ngày\); YAML sẽ lặng lẽ đổi nó thành 02\/03\/2023\./,
        ),
      },
    ]);
  });

  it('finds impossible dates in nested fields and keys, each on its own line', () => {
    const yaml = [
      'title: Tin',
      'eventDate: 2024-02-29',
      'sources:',
      '  - title: A',
      '    date: 2022-06-16',
      '  - title: B',
      '    date: 2022-04-31',
      'relations:',
      '  - kind: can-cu',
      '    date: 2021-13-01',
      'codeChoices:',
      '  "21-NQ/TW": 2017-02-29',
      'updated: 2023-02-29T10:00:00Z',
    ].join('\n');
    const problems = pageFrontmatterProblems(page(yaml));
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [8, 'sources[1].date'],
      [11, 'relations[0].date'],
      [13, 'codeChoices["21-NQ/TW"]'],
      [14, 'updated'],
    ]);
    expect(problems[1]?.message).toMatch(/không có tháng 13/);
  });

  it('finds the second of two equal impossible dates on its own line', () => {
    const problems = pageFrontmatterProblems(page('date: 2023-02-30\nupdated: 2023-02-30'));
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it('leaves real dates, leap days, partial dates and quoted text alone', () => {
    // Quoted dates stay strings in YAML: the schema (fields.ts) refuses an impossible one itself.
    const yaml = 'date: 2024-02-29\nupdated: 2022-06\nyear: 2019\ntitle: \'2023-02-30\'\nnote: "2023-02-30"';
    expect(yamlProblems(yaml)).toEqual([]);
  });

  it('explains day 0', () => {
    expect(impossibleDateMessage('2022-06-00')).toMatch(/không có ngày 0/);
    expect(impossibleDateMessage('2022-06-30')).toBeNull();
  });

  it('reads the frontmatter block exactly as Astro does, blank lines and BOM before it included', () => {
    expect(extractFrontmatter('\uFEFF---\ndate: 2023-02-30\n---\n')?.yaml).toBe('\ndate: 2023-02-30\n');
    expect(pageFrontmatterProblems('\n\n---\ndate: 2023-02-30\n---\n')[0]?.line).toBe(4);
    expect(pageFrontmatterProblems('Không có frontmatter')).toEqual([]);
  });
});

describe('YAML anchors and aliases', () => {
  it('refuses an alias bomb without expanding it, naming the anchors and aliases', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 20; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('title: *t');
    const problems = pageFrontmatterProblems(page(lines.join('\n')));
    expect(problems.length).toBeGreaterThan(20);
    expect(problems[0]).toMatchObject({ line: 2, field: 'a' });
    expect(problems[0]?.message).toMatch(/^Trường "a": anchor "&a": Anchor \(&tên\) và alias \(\*tên\)/);
    expect(problems.some((p) => p.message.includes('alias "*a"') && p.field === 'b[0]')).toBe(true);
    expect(problems.at(-1)).toMatchObject({ field: 'title', line: 22 });
  });

  it('refuses a single anchor and alias, and a merge key', () => {
    const problems = anchorAndAliasProblems('base: &b\n  outlet: TTXVN\nsources:\n  - <<: *b\n    title: A');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [1, 'base'],
      [4, 'sources[0]["<<"]'],
    ]);
  });

  it('does not mistake & and * in text, URLs or quoted strings for YAML', () => {
    const yaml =
      'title: Đảng & Nhà nước\nurl: https://example.vn/?a=1&b=2\nsummary: "*quan trọng*"\nnote: 5 * 3';
    expect(yamlProblems(yaml)).toEqual([]);
  });

  it('does not look for dates in a text with aliases (walking it is what blows up)', () => {
    const problems = yamlProblems('date: 2023-02-30\nx: &x [1]\ny: *x');
    expect(problems.every((p) => /anchor|alias/.test(p.message))).toBe(true);
  });
});
