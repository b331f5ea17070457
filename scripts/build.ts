/**
 * `npm run build [-- <options of astro build>]`: builds the site with `astro build`, then its search
 * index, one after the other in separate processes.
 *
 *     npm run build                                # into dist/
 *     npm run build -- --force --outDir /tmp/site  # any option of astro build
 *     npm run build -- --verbose                   # Astro's output as it prints it
 *
 * A broken page is named first, with its line and what to do, in Vietnamese; Astro's report follows
 * and its complete output is kept in .astro/so-tay-astro.log.
 *
 * Why not in `astro:build:done`, as Starlight does: Astro's process still holds the memory of its
 * build there (3.4 GiB at 5,000 pages), and Pagefind's binary (1.5 GiB) came on top of it. Here
 * Astro exits first, so the peak is the larger of the two. The integration (src/integrations/
 * pagefind.ts) tells this script which folder it wrote; a plain `astro build` still indexes in the
 * hook, so no way of building yields a site without search.
 *
 * The last build's output folder is moved aside rather than emptied by Astro before it bundles (4 s
 * for 11,000 pages, waited for). Astro takes the document and news pages that did not change from
 * it, as hard links (src/integrations/page-reuse.ts, unless `--force`); it is deleted while
 * Pagefind writes the search index, by a child process.
 *
 * Astro's output is passed on without its one line per HTML page; instead the steps are named in
 * Vietnamese and the slow ones say how far they are, a line every few seconds at most
 * (src/lib/publishing/build-log.ts). `--verbose` passes every line on.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { heldOutput, reportAstroFailure, runAstro } from '../src/lib/content/build-errors-fs.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { BUILD_STEPS, createBuildLog } from '../src/lib/publishing/build-log.ts';
import { PREVIOUS_OUTPUT_ENV } from '../src/lib/publishing/page-reuse-fs.ts';
import { EARLY_COPIES_ENV } from '../src/lib/search/early-copies-fs.ts';
import {
  buildSearchIndex,
  INDEX_LATER_ENV,
  indexSummary,
  keptCopiesDir,
} from '../src/lib/search/index-builder-fs.ts';

const root = process.cwd();
const astroBin = path.join(
  path.dirname(createRequire(path.join(root, 'package.json')).resolve('astro/package.json')),
  'bin',
  'astro.mjs',
);

/**
 * Runs `astro build` and returns its exit status. Its output is shown as it comes, less the line per
 * page and with the steps named (build-log.ts); when it fails, the editor reads first which page and
 * line broke it and what to do, in one Vietnamese sentence, then Astro's report (see
 * src/lib/content/build-errors-fs.ts). `--verbose` shows Astro's output untouched instead.
 */
async function runAstroBuild(args: string[], env: NodeJS.ProcessEnv, verbose: boolean): Promise<number> {
  // process.execPath: the pinned Node 24 when started through npm.
  if (verbose) {
    return spawnSync(process.execPath, [astroBin, 'build', ...args], { stdio: 'inherit', env }).status ?? 1;
  }
  const log = createBuildLog();
  const run = await runAstro({
    astroBin,
    args: ['build', ...args],
    env,
    mode: 'live',
    filterLine: (line) => log.line(line),
  });
  if (run.status !== 0) console.error(reportAstroFailure(run, contentDir(env), root));
  else if (heldOutput(run.output) !== '') console.error(heldOutput(run.output));
  return run.status;
}

/** The folder `astro build` writes to: `--outDir`'s value, else dist/ (astro.config.mjs sets none). */
function outDirOf(args: readonly string[]): string {
  for (const [i, arg] of args.entries()) {
    if (arg === '--outDir' && args[i + 1] !== undefined) return path.resolve(root, args[i + 1] as string);
    if (arg.startsWith('--outDir=')) return path.resolve(root, arg.slice('--outDir='.length));
  }
  return path.join(root, 'dist');
}

/** The last build's output, moved aside: pages may be taken from it, then it is deleted. */
interface Aside {
  /** Where it is now; undefined when there was none or it could not be moved. */
  dir: string | undefined;
  /** Deletes it in the background; resolves when it is gone. */
  remove(): Promise<void>;
}

/**
 * Moves the last build's output out of the way, so Astro need not empty it. Nothing is moved when
 * the folder holds a `.git` (Astro keeps that one) or cannot be renamed: Astro then empties it.
 */
function moveAside(dir: string): Aside {
  const none: Aside = { dir: undefined, remove: () => Promise.resolve() };
  if (!fs.existsSync(dir) || fs.existsSync(path.join(dir, '.git'))) return none;
  const aside = `${dir}.old-${process.pid}`;
  try {
    fs.renameSync(dir, aside);
  } catch {
    return none;
  }
  return { dir: aside, remove: () => removeInChild(aside) };
}

/**
 * Deletes a folder in a child process. Deleted here, its 20,000 unlinks would queue in this
 * process's four I/O threads ahead of the reads that prepare the search index (2–3 s at 10,000
 * pages); in another process they wait for nothing of ours.
 */
function removeInChild(dir: string): Promise<void> {
  if (!fs.existsSync(dir)) return Promise.resolve();
  const code = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', code, dir], { stdio: 'ignore' });
    child.on('error', () => resolve(fs.promises.rm(dir, { recursive: true, force: true })));
    child.on('close', () => resolve(fs.promises.rm(dir, { recursive: true, force: true })));
  });
}

/** Runs the two steps; returns the exit code. */
async function main(handOver: string): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const outDir = outDirOf(args);
  const aside = moveAside(outDir);
  // --force: every cache cleared, so no page is taken from the last build either.
  const reuseFrom = args.includes('--force') ? undefined : aside.dir;
  const keptCopies = keptCopiesDir(root, outDir);
  // --force: every search copy is made again too. Their folder is moved away; the copies made
  // while pages render then take its place in one rename.
  const staleCopies = args.includes('--force') ? moveAside(keptCopies) : undefined;
  if (staleCopies !== undefined) fs.rmSync(`${keptCopies}.json`, { force: true });
  // This build's folder for the search copies made while pages render, beside the kept ones so
  // that they are moved in by a rename (src/lib/search/early-copies-fs.ts).
  const earlyCopies = `${keptCopies}.early-${process.pid}`;
  fs.rmSync(earlyCopies, { recursive: true, force: true });
  // What is left over is deleted by child processes once Pagefind writes its files: it compresses
  // them on one thread for 10 s at 10,000 pages, so a core is idle then; earlier, the 20,000
  // unlinks took CPU from Astro's rendering or from Pagefind's reading, on both cores.
  let removing: Promise<unknown> | undefined;
  const removeLeftovers = () =>
    (removing ??= Promise.all([aside.remove(), staleCopies?.remove(), removeInChild(earlyCopies)]));
  const env: NodeJS.ProcessEnv = {
    ASTRO_TELEMETRY_DISABLED: '1',
    ...process.env,
    [INDEX_LATER_ENV]: handOver,
    [EARLY_COPIES_ENV]: earlyCopies,
  };
  delete env[PREVIOUS_OUTPUT_ENV];
  if (reuseFrom !== undefined) env[PREVIOUS_OUTPUT_ENV] = reuseFrom;
  try {
    const status = await runAstroBuild(args, env, verbose);
    return status === 0 ? await indexStep(handOver, args, keptCopies, earlyCopies, removeLeftovers) : status;
  } finally {
    await removeLeftovers();
  }
}

/** The search index, once Astro has built the site; returns the exit code. */
async function indexStep(
  handOver: string,
  args: readonly string[],
  keptCopies: string,
  earlyCopies: string,
  onWriting: () => void,
): Promise<number> {
  if (!fs.existsSync(handOver)) {
    if (args.includes('--help') || args.includes('-h')) return 0;
    console.error(
      'astro build xong nhưng không báo thư mục kết quả: tích hợp so-tay:pagefind không chạy? Xem astro.config.mjs.',
    );
    return 1;
  }
  const log = createBuildLog();
  const stamp = () => new Date().toTimeString().slice(0, 8);
  console.log(`${stamp()} [so-tay] ${BUILD_STEPS.index}`);
  try {
    const stats = await buildSearchIndex(fs.readFileSync(handOver, 'utf8'), {
      onProgress: (progress) => {
        const line = log.indexProgress(progress);
        if (line !== null) console.log(line);
      },
      onPagefindStep: (step) => {
        console.log(log.pagefindStep(step));
        if (step.step === 'write') onWriting();
      },
      keptCopies,
      earlyCopies,
    });
    console.log(`[so-tay:pagefind] ${indexSummary(stats)}`);
    return 0;
  } catch (err) {
    console.error(`Lập chỉ mục tìm kiếm thất bại: ${(err as Error).message}`);
    return 1;
  }
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-build-'));
try {
  process.exitCode = await main(path.join(tempDir, 'site-dir'));
} finally {
  fs.rmSync(tempDir, { recursive: true, force: true });
}
