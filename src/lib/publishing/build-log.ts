/**
 * What `npm run build` prints while Astro builds: Astro's own lines, less the one line per HTML page
 * it writes (11,000 lines for 10,000 pages), plus the steps in Vietnamese and, every few seconds at
 * most, how far the slow steps are. Pure: scripts/build.ts feeds it Astro's output line by line.
 */

/** The steps of a build, as the editor sees them. */
export const BUILD_STEPS = {
  content: 'Bước 1/4: đọc nội dung (văn bản, tin, danh mục)…',
  bundle: 'Bước 2/4: đóng gói mã của trang web (Vite)…',
  render: 'Bước 3/4: tạo các trang HTML…',
  index: 'Bước 4/4: lập chỉ mục tìm kiếm…',
} as const;

/** Options of {@link createBuildLog}. */
export interface BuildLogOptions {
  /** Milliseconds now; `performance.now` unless a test passes a clock. */
  now?: () => number;
  /** The shortest time between two progress lines; 3 s unless given. */
  everyMs?: number;
  /** The time of day a line is stamped with, as Astro stamps its own ("14:03:27"). */
  stamp?: () => string;
}

/** A build log; see the file's header. */
export interface BuildLog {
  /** The lines to print for one line of Astro's output (none, it, or it and a step or progress). */
  line(text: string): string[];
  /**
   * A progress line of the index step while the pages are prepared, or null when the last line was
   * too recent or the batch is the last (Pagefind's first step says it).
   */
  indexProgress(progress: { pages: number; filesDone: number; files: number }): string | null;
  /** The line for a step of Pagefind's own run (reading, building, writing). */
  pagefindStep(step: { step: 'read' } | { step: 'build' } | { step: 'write'; words: number }): string;
  /** HTML pages Astro reported writing so far. */
  readonly pagesWritten: number;
}

/** A number as Vietnamese writes it: 10.000. */
export const viNumber = (n: number) => n.toLocaleString('vi-VN');

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes.
const ANSI = /\x1b\[[0-9;]*m/g;
/**
 * One page written: "14:03:19   ├─ /tin/x/index.html (+5ms)". With `build.concurrency` above 1,
 * Astro writes several on one line, so every occurrence counts.
 */
const PAGE_LINE = /^(?:\d\d:\d\d:\d\d)?\s*[├└]─\s/;
const PAGE = /[├└]─\s+(\/\S*?\.html)/g;
/** A document or news page (not a listing: their pages are numbered, /van-ban/2/). */
const CONTENT_PAGE = /^\/(?:van-ban|tin)\/(?!\d+\/)[^/]+\/index\.html$/;
/** The content loader's closing line: "Đã đọc 4.000 văn bản: …". */
const LOADED = /Đã đọc ([\d.]+) (?:văn bản|tin):/;
/**
 * Page reuse's line (src/integrations/page-reuse.ts): how many pages are linked from the last
 * build, and how many Astro will write.
 */
const REUSED = /Dùng lại [\d.]+ trang không đổi từ lần build trước; tạo lại ([\d.]+) trang/;

function defaultStamp(): string {
  return new Date().toTimeString().slice(0, 8);
}

/** Creates the log of one build. */
export function createBuildLog(options: BuildLogOptions = {}): BuildLog {
  const now = options.now ?? (() => performance.now());
  const everyMs = options.everyMs ?? 3000;
  const stamp = options.stamp ?? defaultStamp;
  const ours = (message: string) => `${stamp()} [so-tay] ${message}`;
  let last = Number.NEGATIVE_INFINITY;
  let pages = 0;
  let contentPages = 0;
  let contentTotal = 0;
  /** Pages Astro will write when some are reused; 0 when all are written. */
  let toRender = 0;
  let rendering = false;
  /** Pages the index step has prepared, for Pagefind's first line. */
  let indexPages = 0;

  /** A progress line if the last one is old enough. */
  const due = (message: () => string): string[] => {
    if (now() - last < everyMs) return [];
    last = now();
    return [ours(message())];
  };

  return {
    get pagesWritten() {
      return pages;
    },
    line(text) {
      const plain = text.replace(ANSI, '');
      if (PAGE_LINE.test(plain)) {
        // rss.xml and the like are listed too; only HTML pages are counted.
        const before = pages;
        for (const [, written = ''] of plain.matchAll(PAGE)) {
          pages++;
          if (CONTENT_PAGE.test(written)) contentPages++;
        }
        if (pages === before) return [];
        return due(() =>
          toRender > 0
            ? `Đang tạo trang HTML: ${viNumber(pages)}/${viNumber(toRender)} trang xong…`
            : `Đang tạo trang HTML: ${viNumber(pages)} trang xong` +
              (contentTotal > 0
                ? ` (trang văn bản và tin: ${viNumber(contentPages)}/${viNumber(contentTotal)})…`
                : '…'),
        );
      }
      // The time of a page, printed after it on the same line by Astro, arrives on its own when
      // the output is not a terminal: " (+5ms)".
      if (/^\s*\(\+[\d.]+m?s\)\s*$/.test(plain) || /^\s*\((?:cached|restored)\)\s*$/.test(plain)) return [];
      const loaded = LOADED.exec(plain);
      if (loaded) contentTotal += Number((loaded[1] ?? '0').replace(/\./g, ''));
      const reused = REUSED.exec(plain);
      if (reused) toRender = Number((reused[1] ?? '0').replace(/\./g, ''));
      if (plain.includes('Syncing content')) return [text, ours(BUILD_STEPS.content)];
      if (plain.includes('Building static entrypoints')) return [text, ours(BUILD_STEPS.bundle)];
      if (plain.includes('generating static routes')) {
        rendering = true;
        last = now();
        return [text, ours(BUILD_STEPS.render)];
      }
      if (rendering && /Completed in/.test(plain)) {
        rendering = false;
        return [text, ours(`Đã tạo ${viNumber(pages)} trang HTML.`)];
      }
      return [text];
    },
    indexProgress({ pages, filesDone, files }) {
      indexPages = pages;
      // The last batch is not reported: Pagefind's first step, reading those pages, follows at once.
      if (filesDone >= files) return null;
      const line = due(
        () =>
          `Đang chuẩn bị chỉ mục tìm kiếm: đã xem ${viNumber(filesDone)}/${viNumber(files)} tệp HTML, ` +
          `${viNumber(pages)} trang sẽ vào chỉ mục…`,
      );
      return line[0] ?? null;
    },
    pagefindStep(step) {
      // Each step is a line: at 10,000 pages they are 7 to 10 s apart, and on a small site three
      // lines in a second say that the index step is not stuck, too.
      if (step.step === 'read') return ours(`Pagefind đang đọc ${viNumber(indexPages)} trang…`);
      if (step.step === 'build') return ours('Pagefind đang dựng chỉ mục…');
      return ours(`Pagefind đang nén và ghi chỉ mục (${viNumber(step.words)} từ)…`);
    },
  };
}
