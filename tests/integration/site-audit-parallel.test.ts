/**
 * The audit of a large built site reads every second file on a worker thread: a page with a
 * problem must be reported whichever thread read it, as the one-thread audit reports it. The pages
 * Astro renders are audited as they are rendered, on another worker: the same problems again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEarlyAudit } from '../../src/lib/publishing/early-audit-fs.ts';
import { auditBuiltSite, auditBuiltSiteInParallel } from '../../src/lib/publishing/site-audit-fs.ts';

const dir = path.resolve('tests/.tmp/site-audit-parallel');
const ctx = { site: 'http://intranet.tu.vn/so-tay/', base: '/so-tay/' };

describe('the audit of a site of thousands of pages', () => {
  it('reports the same problems on two threads as on one, from pages read by either', async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < 2400; i++) {
      const folder = path.join(dir, 'tin', `tin-${String(i).padStart(4, '0')}`);
      fs.mkdirSync(folder, { recursive: true });
      // Two pages break the CSP, one at an even place in the list and one at an odd place.
      const body = i === 1000 || i === 1501 ? '<p style="color:red">Đỏ</p>' : '<p>Tin</p>';
      fs.writeFileSync(
        path.join(folder, 'index.html'),
        `<!doctype html><html lang="vi"><body>${body}</body></html>`,
      );
    }
    const one = auditBuiltSite(dir, ctx);
    expect(one.map((i) => i.file)).toEqual(['tin/tin-1000/index.html', 'tin/tin-1501/index.html']);
    const failures: string[] = [];
    expect(await auditBuiltSiteInParallel(dir, ctx, new Set(), (why) => failures.push(why))).toEqual(one);
    // The worker thread did its half: nothing fell back to this thread.
    expect(failures).toEqual([]);
    // Pages an earlier build audited are skipped by both.
    const skip = new Set(['tin/tin-1000/index.html']);
    expect((await auditBuiltSiteInParallel(dir, ctx, skip)).map((i) => i.file)).toEqual([
      'tin/tin-1501/index.html',
    ]);
  });

  it('reports, for pages handed over as they are rendered, what the audit of their files reports', async () => {
    const pages = {
      'tin/a/index.html': '<!doctype html><html lang="vi"><body><p>Tin</p></body></html>',
      'tin/b/index.html':
        '<!doctype html><html lang="vi"><body>\n<a href="/van-ban/">Văn bản</a></body></html>',
      'tin/c/index.html': '<!doctype html><html lang="vi"><body><p style="color:red">Đỏ</p></body></html>',
    };
    const site = path.resolve('tests/.tmp/site-audit-early');
    fs.rmSync(site, { recursive: true, force: true });
    const early = startEarlyAudit(ctx);
    for (const [file, html] of Object.entries(pages)) {
      fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
      fs.writeFileSync(path.join(site, file), html);
      early.add(file, new TextEncoder().encode(html).buffer);
    }
    const result = await early.finish();
    expect(result?.files.sort()).toEqual(Object.keys(pages));
    expect(result?.issues.sort((a, b) => a.file.localeCompare(b.file))).toEqual(auditBuiltSite(site, ctx));
    expect(result?.issues.map((i) => `${i.file}:${i.line}`)).toEqual([
      'tin/b/index.html:2',
      'tin/c/index.html:1',
    ]);
  });

  it('says so when the thread auditing pages as they render stops, and hands back nothing', async () => {
    const why: string[] = [];
    // A context the checks cannot read: the first check throws, and the thread stops.
    const early = startEarlyAudit({ site: 'không phải URL', base: '/' }, (reason) => why.push(reason));
    early.add('tin/a/index.html', new TextEncoder().encode('<a href="/x/">x</a>').buffer);
    expect(await early.finish()).toBeNull();
    expect(why).toHaveLength(1);
  });
});
