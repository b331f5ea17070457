/**
 * Runs one build the way `npm run build` does (scripts/build.ts: `astro build`, then the search
 * index) with the real configuration and measures it: wall time, the Pagefind step (from the line
 * the indexer logs), peak memory of the whole process tree (Astro, then the Pagefind binary), and the
 * size of what was written.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pidtree from 'pidtree';
import pidusage from 'pidusage';

/** GNU time, for the CPU time of the whole process tree. */
const GNU_TIME = '/usr/bin/time';

/** Figures of one build. */
export interface BuildFigures {
  /** Whole build (Astro, then the index), start to exit. */
  totalSeconds: number;
  /** Astro without the search index: total minus {@link indexSeconds}. */
  buildSeconds: number;
  /** The Pagefind step as the integration logs it; null if the log line was not found. */
  indexSeconds: number | null;
  /** Pages Pagefind indexed, from the same log line. */
  indexedPages: number | null;
  /** HTML files written. */
  htmlPages: number;
  /**
   * CPU seconds (user + system) of the build and every process it started, from GNU time; null
   * where /usr/bin/time is missing. Less sensitive than wall time to other work on the machine.
   */
  cpuSeconds: number | null;
  /** HTML pages per second of {@link totalSeconds}. */
  pagesPerSecond: number;
  /** Largest sum of resident memory over the build's process tree, sampled every 250 ms. */
  peakRssBytes: number;
  /** Largest resident memory of a single process, by program name (node, pagefind_extended…). */
  peakRssByProgram: Record<string, number>;
  /** Bytes of the output folder. */
  distBytes: number;
  /** Bytes of `<dist>/pagefind/`. */
  indexBytes: number;
  /** Files in `<dist>/pagefind/`. */
  indexFiles: number;
  /** Astro's own phase timings, for profiling (see {@link parsePhases}). */
  phases: Partial<Record<Phase, number>>;
  /** Where the full build log was written. */
  logFile: string;
  /**
   * Where the memory samples were written: one line per sample, seconds since the start, then
   * `program=bytes` for each process of the tree, to see which step the peak falls in.
   */
  memoryTimelineFile: string;
}

/** Options of {@link measureBuild}. */
export interface MeasureBuildOptions {
  /** Project root (where astro.config.mjs is). */
  root: string;
  /** Content directory to build (SO_TAY_CONTENT_DIR). */
  contentDir: string;
  outDir: string;
  logFile: string;
  /** Extra environment, e.g. `{ SO_TAY_DISABLE_LINKS: '1' }`. */
  env?: Record<string, string>;
  /**
   * A cold build (`--force`: no content store, no page of an earlier build reused), as in CI;
   * default true. False measures a build as an editor runs it again, caches and all.
   */
  force?: boolean;
  /**
   * Another build to measure instead of `scripts/build.ts`: the program and its arguments, run in
   * {@link root}. It must write into {@link outDir} and may print the index line (see
   * {@link INDEX_LOG_LINE}). Used for the bare-stack baseline.
   */
  command?: string[];
}

/**
 * The integration's log line, e.g. "Đã lập chỉ mục tìm kiếm 357 trang (trong 412 tệp HTML) trong
 * 0.9 s.": the first number before "trang" is the pages indexed, the number before the closing "s"
 * the seconds. Kept loose so a reworded message still parses.
 */
export const INDEX_LOG_LINE = /(\d+) trang\b.*?\btrong ([\d.,]+) ?s\b/;

/** Parses the Pagefind integration's log line out of a build log. */
export function parseIndexLine(log: string): { pages: number; seconds: number } | null {
  const m = INDEX_LOG_LINE.exec(log);
  if (!m) return null;
  return { pages: Number(m[1]), seconds: Number((m[2] ?? '').replace(',', '.')) };
}

/** Astro's build phases that {@link parsePhases} reads. */
export type Phase = 'types' | 'collect' | 'bundle' | 'render';

/** Seconds of an Astro duration: "27.05s", "27ms", "2m 33s". */
export function parseDuration(text: string): number | null {
  const m = /^(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const minutes = Number(m[1] ?? 0);
  const rest = m[2] === undefined ? 0 : Number(m[2]) / (m[3] === 'ms' ? 1000 : 1);
  return minutes * 60 + rest;
}

/**
 * Astro's phase timings from a build log, for profiling: `types` (generating content types),
 * `collect` ("Collecting build info": content sync and route discovery), `bundle` (Vite/Rolldown
 * bundling of the entrypoints, where every MDX page is compiled) and `render` ("generating static
 * routes": writing the HTML).
 */
export function parsePhases(log: string): Partial<Record<Phase, number>> {
  const phases: Partial<Record<Phase, number>> = {};
  let current: Phase | undefined;
  const record = (phase: Phase, text: string | undefined) => {
    const seconds = parseDuration(text ?? '');
    if (seconds !== null && phases[phase] === undefined) phases[phase] = seconds;
  };
  for (const raw of log.split('\n')) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes.
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
    const types = /\[types\] Generated (.+?)\s*$/.exec(line);
    if (types) record('types', types[1]);
    if (line.includes('Collecting build info')) current = 'collect';
    else if (line.includes('Building static entrypoints')) current = 'bundle';
    else if (line.includes('generating static routes')) current = 'render';
    const built = /\[vite\] ✓ built in (.+?)\s*$/.exec(line);
    if (built && current === 'bundle') record('bundle', built[1]);
    const done = /Completed in (.+?)\.?\s*$/.exec(line);
    if (done && (current === 'collect' || current === 'render')) record(current, done[1]);
  }
  return phases;
}

/** Total bytes and files under a directory (0 if it does not exist). */
export function directorySize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!fs.existsSync(dir)) return { bytes, files };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

function countHtml(dir: string): number {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

/** Resident memory of `pid` and each of its descendants by program name; empty once it has exited. */
async function treeRss(pid: number): Promise<Map<number, { program: string; bytes: number }>> {
  const out = new Map<number, { program: string; bytes: number }>();
  try {
    const pids = await pidtree(pid, { root: true });
    const stats = await pidusage(pids);
    for (const [id, stat] of Object.entries(stats)) {
      let program = '?';
      try {
        // argv[0], not /proc/<pid>/comm: Node renames its main thread "MainThread".
        program = path.basename(fs.readFileSync(`/proc/${id}/cmdline`, 'utf8').split('\0')[0] ?? '?');
      } catch {
        // The process ended between the two reads.
      }
      if (program !== '') out.set(Number(id), { program, bytes: stat?.memory ?? 0 });
    }
  } catch {
    // The build exited while sampling.
  }
  return out;
}

/**
 * Builds `contentDir` into `outDir` with the project's configuration and returns its figures.
 * Throws with the end of the log if the build fails.
 */
export async function measureBuild(options: MeasureBuildOptions): Promise<BuildFigures> {
  const buildScript = path.join(options.root, 'scripts', 'build.ts');
  const force = options.force ?? true;
  // A rebuild keeps the last output, as an editor's folder does (Astro empties it itself).
  if (force) fs.rmSync(options.outDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.createWriteStream(options.logFile);
  let text = '';

  // --force: a cold build, as in CI; the content-layer cache of an earlier build (maybe of another
  // content directory) must not make the figures look better than they are.
  // process.execPath is the pinned Node 24 when run through `npm run bench`.
  let command = options.command ?? [
    process.execPath,
    buildScript,
    ...(force ? ['--force'] : []),
    '--outDir',
    options.outDir,
  ];
  const timeFile = `${options.logFile}.time`;
  fs.rmSync(timeFile, { force: true });
  if (fs.existsSync(GNU_TIME)) command = [GNU_TIME, '-f', '%U %S', '-o', timeFile, ...command];
  const started = performance.now();
  const [program = '', ...args] = command;
  const child = spawn(program, args, {
    cwd: options.root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      SO_TAY_CONTENT_DIR: options.contentDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    // Keep only what the parsers need: the phase and index lines, not the per-page listing.
    for (const line of chunk.toString('utf8').split('\n')) {
      if (/Completed in|built in|static routes|\[build\]|\[types\]|trang|rror/.test(line))
        text += `${line}\n`;
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let peak = 0;
  const peakByProgram: Record<string, number> = {};
  const memoryTimelineFile = `${options.logFile}.memory.txt`;
  const timeline = fs.createWriteStream(memoryTimelineFile);
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      if (child.pid === undefined) return;
      const tree = await treeRss(child.pid);
      let sum = 0;
      const row = [((performance.now() - started) / 1000).toFixed(2)];
      for (const { program, bytes } of tree.values()) {
        sum += bytes;
        peakByProgram[program] = Math.max(peakByProgram[program] ?? 0, bytes);
        row.push(`${program}=${bytes}`);
      }
      timeline.write(`${row.join(' ')}\n`);
      peak = Math.max(peak, sum);
    });
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  await sampling;
  const totalSeconds = (performance.now() - started) / 1000;
  await new Promise<void>((resolve) => log.end(resolve));
  await new Promise<void>((resolve) => timeline.end(resolve));
  if (code !== 0) {
    throw new Error(`build thất bại (mã ${code}). Xem nhật ký: ${options.logFile}\n${text.slice(-3000)}`);
  }

  const index = parseIndexLine(text);
  const cpu = fs.existsSync(timeFile)
    ? fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number)
    : [];
  const dist = directorySize(options.outDir);
  const pagefindDir = directorySize(path.join(options.outDir, 'pagefind'));
  const htmlPages = countHtml(options.outDir);
  return {
    totalSeconds,
    buildSeconds: totalSeconds - (index?.seconds ?? 0),
    indexSeconds: index?.seconds ?? null,
    indexedPages: index?.pages ?? null,
    cpuSeconds: cpu.length === 2 && cpu.every(Number.isFinite) ? (cpu[0] ?? 0) + (cpu[1] ?? 0) : null,
    htmlPages,
    pagesPerSecond: htmlPages / totalSeconds,
    peakRssBytes: peak,
    peakRssByProgram: peakByProgram,
    distBytes: dist.bytes,
    indexBytes: pagefindDir.bytes,
    indexFiles: pagefindDir.files,
    phases: parsePhases(text),
    logFile: options.logFile,
    memoryTimelineFile,
  };
}
