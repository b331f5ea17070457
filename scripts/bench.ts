/**
 * `npm run bench -- --docs N [--json] [--baseline] [--rebuild] [--search] [--links-overhead] [--seed S]`
 *
 * Generates a synthetic corpus of N content pages in `.bench/corpus-N/` (reused while the generator
 * and the taxonomy data are unchanged), builds it cold with the real configuration into
 * `.bench/dist-N/` and prints build time, Pagefind time, pages per second, peak memory of the build
 * process tree, output and index size. `--search` adds what a reader's first search downloads
 * (before the first results, and in all; as served and as a gzip-compressing server would send it)
 * and how long it takes; `--links-overhead` builds again with SO_TAY_DISABLE_LINKS=1 and prints the
 * cost of the link/graph step, in CPU time and in wall time. `--baseline` also builds the same pages
 * with the bare stack (Astro 7 + @astrojs/mdx + the Pagefind CLI, one route, files as `.md`:
 * scripts/bench/baseline.ts) in the same run, and prints both and the ratio. `--rebuild` then edits
 * one page's body and times `npm run build` again as an editor runs it, caches and all. `--json`
 * prints one JSON object instead of the table. The load of the machine (shared by other builds) is
 * given before every build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import prettyBytes from 'pretty-bytes';
import { contentDir } from '../src/lib/content/paths.ts';
import { prepareBaseline } from './bench/baseline.ts';
import { type BuildFigures, measureBuild, type Phase } from './bench/measure-build.ts';
import { DEFAULT_QUERIES, measureSearch, type SearchFigure } from './bench/measure-search.ts';
import { ensureCorpus } from './bench/write-corpus.ts';

const USAGE =
  'Cách dùng: npm run bench -- --docs 5000 [--json] [--baseline] [--rebuild] [--search] [--links-overhead] [--seed 1]';

const options = {
  docs: { type: 'string' },
  json: { type: 'boolean', default: false },
  search: { type: 'boolean', default: false },
  'links-overhead': { type: 'boolean', default: false },
  baseline: { type: 'boolean', default: false },
  rebuild: { type: 'boolean', default: false },
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
  componentsDir: path.join(root, 'src', 'components'),
});
const corpusSeconds = (performance.now() - started) / 1000;
say(
  `${corpus.reused ? 'Dùng lại' : 'Đã sinh'} dữ liệu đo: ${path.relative(root, corpus.dir)} (${corpusSeconds.toFixed(1)} s)`,
);

/** The load averages over 1, 5 and 15 minutes, as `uptime` prints them. */
const loadNow = () => os.loadavg().map((n) => Number(n.toFixed(2)));
const loads: Record<string, number[]> = {};
const loadBefore = os.loadavg()[0] ?? 0;
loads.build = loadNow();
say(`Đang build ${pages} trang… (tải máy ${loads.build.join(', ')})`);
const outDir = path.join(benchDir, `dist-${pages}`);
const build = await measureBuild({
  root,
  contentDir: corpus.dir,
  outDir,
  logFile: path.join(benchDir, `build-${pages}.log`),
});

let baseline: BuildFigures | undefined;
if (values.baseline) {
  const project = prepareBaseline(root, corpus.dir, path.join(benchDir, `baseline-${pages}`));
  loads.baseline = loadNow();
  say(
    `Đang build cùng ${project.pages} trang với nền tảng trần (.md)… (tải máy ${loads.baseline.join(', ')})`,
  );
  baseline = await measureBuild({
    root: project.dir,
    contentDir: corpus.dir,
    outDir: path.join(project.dir, 'dist'),
    logFile: path.join(benchDir, `baseline-${pages}.log`),
    command: project.command,
  });
}

let rebuild: BuildFigures | undefined;
if (values.rebuild) {
  // One page's body gains a sentence, then `npm run build` runs again as an editor runs it; the page
  // is put back afterwards, so the corpus stays the generated one.
  const folder = path.join(corpus.dir, 'van-ban');
  const page = path.join(folder, fs.readdirSync(folder).sort()[0] ?? '');
  const original = fs.readFileSync(page, 'utf8');
  fs.writeFileSync(
    page,
    `${original}\nĐoạn này được thêm để đo thời gian build lại sau khi sửa một trang.\n`,
  );
  loads.rebuild = loadNow();
  say(`Đang build lại sau khi sửa ${path.relative(root, page)}… (tải máy ${loads.rebuild.join(', ')})`);
  try {
    rebuild = await measureBuild({
      root,
      contentDir: corpus.dir,
      outDir,
      logFile: path.join(benchDir, `rebuild-${pages}.log`),
      force: false,
    });
  } finally {
    fs.writeFileSync(page, original);
  }
}
loads.after = loadNow();

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
    loadAverages: loads,
    ...build,
    ...(baseline && {
      baseline: {
        totalSeconds: baseline.totalSeconds,
        buildSeconds: baseline.buildSeconds,
        indexSeconds: baseline.indexSeconds,
        cpuSeconds: baseline.cpuSeconds,
        peakRssBytes: baseline.peakRssBytes,
        peakRssByProgram: baseline.peakRssByProgram,
        htmlPages: baseline.htmlPages,
        phases: baseline.phases,
      },
      ratio: Number((build.totalSeconds / baseline.totalSeconds).toFixed(3)),
      cpuRatio:
        build.cpuSeconds !== null && baseline.cpuSeconds !== null
          ? Number((build.cpuSeconds / baseline.cpuSeconds).toFixed(3))
          : null,
      memoryRatio: Number((build.peakRssBytes / baseline.peakRssBytes).toFixed(3)),
    }),
    ...(rebuild && {
      rebuildSeconds: rebuild.totalSeconds,
      rebuild: {
        totalSeconds: rebuild.totalSeconds,
        buildSeconds: rebuild.buildSeconds,
        indexSeconds: rebuild.indexSeconds,
        cpuSeconds: rebuild.cpuSeconds,
        peakRssBytes: rebuild.peakRssBytes,
        phases: rebuild.phases,
      },
    }),
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
  if (baseline) {
    const ratio = (ours: number | null, theirs: number | null) =>
      ours === null || theirs === null ? 'n/a' : `${(ours / theirs).toFixed(2)}×`;
    rows.push(['Nền tảng trần (.md, Astro + MDX + Pagefind CLI)', `${baseline.htmlPages} trang HTML`]);
    rows.push(['  build (Astro)', s(baseline.buildSeconds)]);
    rows.push([
      '  lập chỉ mục (Pagefind CLI)',
      baseline.indexSeconds === null ? 'n/a' : s(baseline.indexSeconds),
    ]);
    rows.push(['  tổng', s(baseline.totalSeconds)]);
    rows.push(['  thời gian CPU', baseline.cpuSeconds === null ? 'n/a' : s(baseline.cpuSeconds)]);
    rows.push(['  bộ nhớ đỉnh', prettyBytes(baseline.peakRssBytes, { binary: true })]);
    rows.push(['Tỷ lệ Sổ tay / nền tảng trần: thời gian', ratio(build.totalSeconds, baseline.totalSeconds)]);
    rows.push(['  thời gian CPU', ratio(build.cpuSeconds, baseline.cpuSeconds)]);
    rows.push(['  bộ nhớ đỉnh', ratio(build.peakRssBytes, baseline.peakRssBytes)]);
  }
  if (rebuild) {
    rows.push(['Build lại sau khi sửa một trang', s(rebuild.totalSeconds)]);
    rows.push(['  trong đó lập chỉ mục', rebuild.indexSeconds === null ? 'n/a' : s(rebuild.indexSeconds)]);
    rows.push(['  thời gian CPU', rebuild.cpuSeconds === null ? 'n/a' : s(rebuild.cpuSeconds)]);
    rows.push(['  bộ nhớ đỉnh', prettyBytes(rebuild.peakRssBytes, { binary: true })]);
  }
  rows.push(['Số lõi', String(os.availableParallelism())]);
  for (const [step, load] of Object.entries(loads)) {
    rows.push([
      `Tải máy (1, 5, 15 phút) ${step === 'after' ? 'khi xong' : `trước ${step}`}`,
      load.join(', '),
    ]);
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
