/**
 * `npm run bench -- --docs N [--json] [--search] [--links-overhead] [--seed S]`
 *
 * Generates a synthetic corpus of N content pages in `.bench/corpus-N/` (reused while the generator
 * and the taxonomy data are unchanged), builds it cold with the real configuration into
 * `.bench/dist-N/` and prints build time, Pagefind time, pages per second, peak memory of the build
 * process tree, output and index size. `--search` adds what a reader's first search downloads
 * (before the first results, and in all; as served and as a gzip-compressing server would send it)
 * and how long it takes; `--links-overhead` builds again with SO_TAY_DISABLE_LINKS=1 and prints the
 * cost of the link/graph step, in CPU time and in wall time. `--json` prints one JSON object instead
 * of the table.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import prettyBytes from 'pretty-bytes';
import { contentDir } from '../src/lib/content/paths.ts';
import { type BuildFigures, measureBuild, type Phase } from './bench/measure-build.ts';
import { DEFAULT_QUERIES, measureSearch, type SearchFigure } from './bench/measure-search.ts';
import { ensureCorpus } from './bench/write-corpus.ts';

const USAGE = 'Cách dùng: npm run bench -- --docs 5000 [--json] [--search] [--links-overhead] [--seed 1]';

const options = {
  docs: { type: 'string' },
  json: { type: 'boolean', default: false },
  search: { type: 'boolean', default: false },
  'links-overhead': { type: 'boolean', default: false },
  seed: { type: 'string', default: '1' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
  ({ values } = parseArgs({ options }));
} catch (error) {
  // An unknown or malformed option: say which, and how to call it, not a stack trace.
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const pages = Number(values.docs);
const seed = Number(values.seed);
if (!Number.isInteger(pages) || pages < 1 || !Number.isInteger(seed)) {
  console.error(USAGE);
  process.exit(2);
}

const root = process.cwd();
const benchDir = path.join(root, '.bench');
const say = (line: string) => {
  // With --json, progress goes to stderr so stdout stays one JSON object.
  (values.json ? process.stderr : process.stdout).write(`${line}\n`);
};

const started = performance.now();
const corpus = ensureCorpus({
  pages,
  seed,
  dir: path.join(benchDir, `corpus-${pages}`),
  sourceContentDir: contentDir(),
});
const corpusSeconds = (performance.now() - started) / 1000;
say(
  `${corpus.reused ? 'Dùng lại' : 'Đã sinh'} dữ liệu đo: ${path.relative(root, corpus.dir)} (${corpusSeconds.toFixed(1)} s)`,
);

const loadBefore = os.loadavg()[0] ?? 0;
say(`Đang build ${pages} trang…`);
const build = await measureBuild({
  root,
  contentDir: corpus.dir,
  outDir: path.join(benchDir, `dist-${pages}`),
  logFile: path.join(benchDir, `build-${pages}.log`),
});

let withoutLinks: BuildFigures | undefined;
if (values['links-overhead']) {
  say('Đang build lại với SO_TAY_DISABLE_LINKS=1…');
  withoutLinks = await measureBuild({
    root,
    contentDir: corpus.dir,
    outDir: path.join(benchDir, `dist-${pages}-nolinks`),
    logFile: path.join(benchDir, `build-${pages}-nolinks.log`),
    env: { SO_TAY_DISABLE_LINKS: '1' },
  });
}

let search: SearchFigure[] | undefined;
if (values.search) {
  say('Đang đo tìm kiếm trong Chromium…');
  search = await measureSearch({ distDir: path.join(benchDir, `dist-${pages}`), queries: DEFAULT_QUERIES });
}

/** Cost of the links as a share of the build without them, in percent. */
function percentMore(withLinks: number, without: number): number {
  return ((withLinks - without) / without) * 100;
}

/**
 * The links' overhead both ways: CPU seconds of the whole process tree when GNU time gave them (the
 * steadier figure on a shared machine, and the headline), and wall seconds of the whole build with
 * its search index (what an editor waits for, swinging with other work on the machine).
 */
function overheadPercent(
  withLinks: BuildFigures,
  without: BuildFigures,
): { percent: number; basis: string; cpuPercent: number | null; wallPercent: number } {
  const wallPercent = percentMore(withLinks.totalSeconds, without.totalSeconds);
  if (withLinks.cpuSeconds !== null && without.cpuSeconds !== null) {
    const cpuPercent = percentMore(withLinks.cpuSeconds, without.cpuSeconds);
    return { percent: cpuPercent, basis: 'cpuSeconds', cpuPercent, wallPercent };
  }
  return { percent: wallPercent, basis: 'totalSeconds', cpuPercent: null, wallPercent };
}
const overhead = withoutLinks ? overheadPercent(build, withoutLinks) : undefined;

if (values.json) {
  const out = {
    pages,
    seed,
    cpus: os.availableParallelism(),
    loadAverageBefore: Number(loadBefore.toFixed(2)),
    ...build,
    ...(withoutLinks &&
      overhead && {
        withoutLinks: {
          buildSeconds: withoutLinks.buildSeconds,
          totalSeconds: withoutLinks.totalSeconds,
          cpuSeconds: withoutLinks.cpuSeconds,
        },
        linksOverheadPercent: Number(overhead.percent.toFixed(1)),
        linksOverheadBasis: overhead.basis,
        linksOverheadCpuPercent: overhead.cpuPercent === null ? null : Number(overhead.cpuPercent.toFixed(1)),
        linksOverheadWallPercent: Number(overhead.wallPercent.toFixed(1)),
      }),
    ...(search && { search }),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const s = (n: number) => `${n.toFixed(1)} s`;
  const rows: [string, string][] = [
    ['Trang nội dung (văn bản + tin)', String(pages)],
    ['Trang HTML đã build', String(build.htmlPages)],
    ['Build (Astro, không tính chỉ mục)', s(build.buildSeconds)],
    [
      'Lập chỉ mục (Pagefind)',
      build.indexSeconds === null ? 'n/a (không thấy dòng nhật ký)' : s(build.indexSeconds),
    ],
    ['Tổng', s(build.totalSeconds)],
    [
      'Thời gian CPU (user + sys, cả cây tiến trình)',
      build.cpuSeconds === null ? 'n/a' : s(build.cpuSeconds),
    ],
    ['Trang/giây', build.pagesPerSecond.toFixed(1)],
    ['Bộ nhớ đỉnh (cây tiến trình)', prettyBytes(build.peakRssBytes, { binary: true })],
    ...Object.entries(build.peakRssByProgram)
      .filter(([, bytes]) => bytes > 64 * 1024 * 1024)
      .map(([program, bytes]): [string, string] => [
        `  đỉnh riêng của ${program}`,
        prettyBytes(bytes, { binary: true }),
      ]),
    ['Thư mục dist', prettyBytes(build.distBytes, { binary: true })],
    [
      'Chỉ mục (dist/pagefind)',
      `${prettyBytes(build.indexBytes, { binary: true })} trong ${build.indexFiles} tệp`,
    ],
    ['Tải máy trước khi đo (1 phút)', `${loadBefore.toFixed(2)} trên ${os.availableParallelism()} lõi`],
  ];
  const phaseLabels: Record<Phase, string> = {
    types: 'sinh kiểu nội dung',
    collect: 'đồng bộ nội dung, thu thập route',
    bundle: 'bundle Vite/Rolldown (biên dịch MDX)',
    render: 'render HTML',
  };
  for (const [phase, seconds] of Object.entries(build.phases) as [Phase, number][]) {
    rows.push([`  trong đó ${phaseLabels[phase]}`, s(seconds)]);
  }
  if (withoutLinks && overhead) {
    rows.push(['Build không có liên kết (SO_TAY_DISABLE_LINKS=1)', s(withoutLinks.buildSeconds)]);
    rows.push(['  tổng, kể cả chỉ mục', s(withoutLinks.totalSeconds)]);
    rows.push(['  thời gian CPU', withoutLinks.cpuSeconds === null ? 'n/a' : s(withoutLinks.cpuSeconds)]);
    rows.push([
      'Chi phí liên kết (thời gian CPU)',
      overhead.cpuPercent === null ? 'n/a' : `${overhead.cpuPercent.toFixed(1)} %`,
    ]);
    rows.push(['Chi phí liên kết (thời gian chạy, tổng)', `${overhead.wallPercent.toFixed(1)} %`]);
  }
  if (search !== undefined) {
    rows.push([
      'Tìm kiếm lần đầu (tệp pagefind/)',
      'trước kết quả đầu / tổng đến khi hết tải; trong ngoặc: khi máy chủ nén gzip .js/.json/.css (mức 6)',
    ]);
  }
  for (const f of search ?? []) {
    rows.push([
      `Tìm "${f.query}"`,
      f.status === 'ok'
        ? `${prettyBytes(f.bytesBeforeResults)} / ${prettyBytes(f.bytes)} (${prettyBytes(f.wireBytesBeforeResults)} / ${prettyBytes(f.wireBytes)}) trong ${f.files.length} tệp, kết quả đầu sau ${f.firstResultsMs.toFixed(0)} ms, ${f.results} liên kết`
        : `n/a — ${f.reason}`,
    ]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log(`Nhật ký build: ${path.relative(root, build.logFile)}`);
  console.log(`Bộ nhớ theo thời gian: ${path.relative(root, build.memoryTimelineFile)}`);
}
