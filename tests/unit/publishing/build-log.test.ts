import { describe, expect, it } from 'vitest';
import { BUILD_STEPS, createBuildLog } from '../../../src/lib/publishing/build-log.ts';

/** A log with a clock the test moves by hand. */
function logAt() {
  let ms = 0;
  const log = createBuildLog({ now: () => ms, stamp: () => '10:00:00', everyMs: 3000 });
  return { log, advance: (by: number) => (ms += by) };
}

/** Astro's line for one page written. */
const pageLine = (path: string) => `10:00:00   ├─ ${path} (+4ms) `;

describe('the build log', () => {
  it('names each step in Vietnamese after the Astro line that starts it', () => {
    const { log } = logAt();
    expect(log.line('10:00:00 [content] Syncing content')).toEqual([
      '10:00:00 [content] Syncing content',
      `10:00:00 [so-tay] ${BUILD_STEPS.content}`,
    ]);
    expect(log.line('10:00:05 [build] Building static entrypoints...')[1]).toContain('Bước 2/4');
    expect(log.line(' generating static routes ')[1]).toContain('Bước 3/4');
  });

  it('drops the line of every page and says how far it is every few seconds at most', () => {
    const { log, advance } = logAt();
    log.line('10:00:00 [so-tay:content-pages] Đã đọc 4.000 văn bản: 0 lấy lại từ bộ nhớ đệm, …');
    log.line('10:00:00 [so-tay:content-pages] Đã đọc 6.000 tin: 0 lấy lại từ bộ nhớ đệm, …');
    log.line(' generating static routes ');
    const printed: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      advance(2);
      const path = i % 10 === 0 ? `/chu-de/x/${i}/index.html` : `/tin/tin-${i}/index.html`;
      printed.push(...log.line(pageLine(path)));
    }
    // 20 s of pages: one line every 3 s, not one per page.
    expect(printed).toHaveLength(6);
    expect(printed[0]).toBe(
      '10:00:00 [so-tay] Đang tạo trang HTML: 1.500 trang xong (trang văn bản và tin: 1.350/10.000)…',
    );
    expect(log.pagesWritten).toBe(10_000);
    expect(log.line('10:00:20 ✓ Completed in 20.00s.')).toEqual([
      '10:00:20 ✓ Completed in 20.00s.',
      '10:00:00 [so-tay] Đã tạo 10.000 trang HTML.',
    ]);
  });

  it('counts against the pages left to write when the others are taken from the last build', () => {
    const { log, advance } = logAt();
    log.line('10:00:00 [so-tay:content-pages] Đã đọc 4.000 văn bản: 3.999 lấy lại từ bộ nhớ đệm, …');
    log.line(' generating static routes ');
    log.line(
      '10:00:01 [so-tay:page-reuse] Dùng lại 9.799 trang không đổi từ lần build trước; tạo lại 1.530 trang.',
    );
    const printed: string[] = [];
    for (let i = 0; i < 1530; i++) {
      advance(4);
      printed.push(...log.line(pageLine(`/chu-de/x/${i}/index.html`)));
    }
    expect(printed[0]).toBe('10:00:00 [so-tay] Đang tạo trang HTML: 750/1.530 trang xong…');
  });

  it('counts every page of a line where Astro wrote several (build.concurrency above 1)', () => {
    const { log } = logAt();
    log.line(
      '10:00:00   ├─ /tin/a/index.html10:00:00   ├─ /tin/2/index.html10:00:00   ├─ /van-ban/b/index.html (+3ms) ',
    );
    expect(log.pagesWritten).toBe(3);
  });

  it('passes every other line on as it came, colours included', () => {
    const { log } = logAt();
    const warning = '\x1b[33m10:00:00 [WARN] [vite] something\x1b[39m';
    expect(log.line(warning)).toEqual([warning]);
    expect(log.line('  ├─ /rss.xml (+2ms) ')).toEqual([]);
  });

  it('counts the pages of the index step, then names each step of Pagefind with the pages and words', () => {
    const { log, advance } = logAt();
    expect(log.indexProgress({ pages: 900, filesDone: 1000, files: 3000 })).toBe(
      '10:00:00 [so-tay] Đang chuẩn bị chỉ mục tìm kiếm: đã xem 1.000/3.000 tệp HTML, 900 trang sẽ vào chỉ mục…',
    );
    advance(1000);
    expect(log.indexProgress({ pages: 1800, filesDone: 2000, files: 3000 })).toBeNull();
    advance(3000);
    // The last batch: Pagefind's first step follows at once and says it.
    expect(log.indexProgress({ pages: 2700, filesDone: 3000, files: 3000 })).toBeNull();
    expect(log.pagefindStep({ step: 'read' })).toBe('10:00:00 [so-tay] Pagefind đang đọc 2.700 trang…');
    expect(log.pagefindStep({ step: 'build' })).toBe('10:00:00 [so-tay] Pagefind đang dựng chỉ mục…');
    expect(log.pagefindStep({ step: 'write', words: 21464 })).toBe(
      '10:00:00 [so-tay] Pagefind đang nén và ghi chỉ mục (21.464 từ)…',
    );
  });
});
