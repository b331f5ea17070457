import { describe, expect, it } from 'vitest';
import {
  type FileIdentity,
  pageFile,
  pageUrl,
  parseReuseRecord,
  planReuse,
  REUSE_RECORD_VERSION,
  type ReuseRecord,
  reuseRecord,
} from '../../../src/lib/publishing/page-reuse.ts';

const page = (pathname: string, cacheKey?: string) => ({ pathname, route: { type: 'page' }, cacheKey });
const id = (ino: number): FileIdentity => ({ ino, size: 100, mtimeMs: 1_700_000_000_000.5 });

/** A record of two pages, as a successful build left it. */
const record: ReuseRecord = {
  version: REUSE_RECORD_VERSION,
  fingerprint: 'F',
  pages: {
    '/van-ban/a/': { key: 'ka', file: 'van-ban/a/index.html', identity: id(1) },
    '/tin/b/': { key: 'kb', file: 'tin/b/index.html', identity: id(2) },
  },
};
/** The disk as the last build left it. */
const untouched = (file: string) => ({ 'van-ban/a/index.html': id(1), 'tin/b/index.html': id(2) })[file];

describe('pages taken from the last build', () => {
  it('reuses a page whose key, build fingerprint and file are unchanged, and renders the rest in order', () => {
    const paths = [page('/'), page('/van-ban/a/', 'ka'), page('/van-ban/c/', 'kc'), page('/tin/b/', 'kb')];
    const plan = planReuse(paths, record, 'F', untouched);
    expect(plan.reuse).toEqual([
      { pathname: '/van-ban/a/', key: 'ka', file: 'van-ban/a/index.html' },
      { pathname: '/tin/b/', key: 'kb', file: 'tin/b/index.html' },
    ]);
    expect(plan.render.map((p) => p.pathname)).toEqual(['/', '/van-ban/c/']);
  });

  it('renders a page whose key changed (its data, its part of the graph, a label)', () => {
    const plan = planReuse([page('/van-ban/a/', 'ka2'), page('/tin/b/', 'kb')], record, 'F', untouched);
    expect(plan.render.map((p) => p.pathname)).toEqual(['/van-ban/a/']);
  });

  it('renders every page when the code, settings or assets changed, and says why', () => {
    const plan = planReuse([page('/van-ban/a/', 'ka'), page('/tin/b/', 'kb')], record, 'G', untouched);
    expect(plan.reuse).toEqual([]);
    expect(plan.noReuseBecause).toBe('fingerprint');
  });

  it('renders every page when there is no record (first build, cleared cache, failed last build)', () => {
    const plan = planReuse([page('/van-ban/a/', 'ka')], undefined, 'F', untouched);
    expect(plan.render).toHaveLength(1);
    expect(plan.noReuseBecause).toBe('no-record');
  });

  it('renders a page whose old file was changed, replaced or deleted since it was recorded', () => {
    const paths = [page('/van-ban/a/', 'ka'), page('/tin/b/', 'kb')];
    const edited = (file: string) => (file === 'van-ban/a/index.html' ? { ...id(1), mtimeMs: 5 } : id(2));
    expect(planReuse(paths, record, 'F', edited).reuse.map((p) => p.pathname)).toEqual(['/tin/b/']);
    const rewritten = (file: string) => (file === 'van-ban/a/index.html' ? id(9) : id(2));
    expect(planReuse(paths, record, 'F', rewritten).reuse.map((p) => p.pathname)).toEqual(['/tin/b/']);
    const deleted = (file: string) => (file === 'van-ban/a/index.html' ? undefined : id(2));
    expect(planReuse(paths, record, 'F', deleted).reuse.map((p) => p.pathname)).toEqual(['/tin/b/']);
  });

  it('never reuses a path without a key, or one that is not a page', () => {
    const endpoint = { pathname: '/van-ban/a/', route: { type: 'endpoint' }, cacheKey: 'ka' };
    expect(planReuse([page('/van-ban/a/'), endpoint], record, 'F', untouched).reuse).toEqual([]);
  });
});

describe('the record of a build', () => {
  it('holds every keyed page with its file as it is on disk, and leaves out a page with no file', () => {
    const made = reuseRecord(
      [
        { pathname: '/van-ban/a/', key: 'ka' },
        { pathname: '/van-ban/gone/', key: 'kg' },
      ],
      'F',
      (file) => (file === 'van-ban/a/index.html' ? id(1) : undefined),
    );
    expect(made).toEqual({
      version: REUSE_RECORD_VERSION,
      fingerprint: 'F',
      pages: { '/van-ban/a/': { key: 'ka', file: 'van-ban/a/index.html', identity: id(1) } },
    });
    expect(parseReuseRecord(JSON.stringify(made))).toEqual(made);
  });

  it('ignores a record it cannot read or of another version', () => {
    expect(parseReuseRecord('{"version":')).toBeUndefined();
    expect(parseReuseRecord(JSON.stringify({ ...record, version: 0 }))).toBeUndefined();
    expect(parseReuseRecord('null')).toBeUndefined();
  });
});

describe('files and addresses of pages', () => {
  it('puts a page in its folder’s index.html, as build.format "directory" does', () => {
    expect(pageFile('/van-ban/21-nq-tw-2022/')).toBe('van-ban/21-nq-tw-2022/index.html');
    expect(pageFile('/tin/x')).toBe('tin/x/index.html');
    expect(pageFile('/')).toBe('index.html');
  });

  it('gives the address the sitemap lists, under the base path, with a trailing slash', () => {
    expect(pageUrl('/van-ban/a/', 'http://intranet.tu.vn', '/so-tay/')).toBe(
      'http://intranet.tu.vn/so-tay/van-ban/a/',
    );
    expect(pageUrl('/tin/b', 'http://intranet.tu.vn', '/so-tay')).toBe('http://intranet.tu.vn/so-tay/tin/b/');
    expect(pageUrl('/van-ban/a/', 'http://localhost:4321', '/')).toBe('http://localhost:4321/van-ban/a/');
  });
});
