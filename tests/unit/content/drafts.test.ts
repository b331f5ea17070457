import { describe, expect, it } from 'vitest';
import { draftsShown, isDraft, SHOW_DRAFTS_ENV, visibleEntries } from '../../../src/lib/content/drafts.ts';

describe('drafts', () => {
  const pages = [
    { id: 'a', data: { draft: true } },
    { id: 'b', data: { draft: false } },
    { id: 'c', data: {} },
    // A quoted "true" is a schema error, never a draft that silently disappears.
    { id: 'd', data: { draft: 'true' } },
  ];

  it('a page is a draft only with draft: true', () => {
    expect(pages.filter((p) => isDraft(p.data)).map((p) => p.id)).toEqual(['a']);
  });

  it('only the value the dev integration sets shows drafts; anything else hides them', () => {
    expect(draftsShown({ [SHOW_DRAFTS_ENV]: '1' })).toBe(true);
    for (const v of ['0', 'true', '', undefined]) expect(draftsShown({ [SHOW_DRAFTS_ENV]: v })).toBe(false);
    expect(draftsShown({ NODE_ENV: 'development' })).toBe(false);
  });

  it('keeps every page when drafts are shown, and drops drafts otherwise', () => {
    expect(visibleEntries(pages, true).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(visibleEntries(pages, false).map((p) => p.id)).toEqual(['b', 'c', 'd']);
  });
});
