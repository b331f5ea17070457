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
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { heldOutput, reportAstroFailure, runAstro } from '../src/lib/content/build-errors-fs.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { buildSearchIndex, INDEX_LATER_ENV, indexSummary } from '../src/lib/search/index-builder-fs.ts';

const root = process.cwd();
const astroBin = path.join(
  path.dirname(createRequire(path.join(root, 'package.json')).resolve('astro/package.json')),
  'bin',
  'astro.mjs',
);

/**
 * Runs `astro build` and returns its exit status. When it fails, the editor reads first which page
 * and line broke it and what to do, in one Vietnamese sentence, then Astro's report (see
 * src/lib/content/build-errors-fs.ts); `--verbose` shows Astro's output untouched instead.
 */
async function runAstroBuild(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // process.execPath: the pinned Node 24 when started through npm.
  if (args.includes('--verbose')) {
    return spawnSync(process.execPath, [astroBin, 'build', ...args], { stdio: 'inherit', env }).status ?? 1;
  }
  const run = await runAstro({ astroBin, args: ['build', ...args], env, mode: 'live' });
  if (run.status !== 0) console.error(reportAstroFailure(run, contentDir(env), root));
  else if (heldOutput(run.output) !== '') console.error(heldOutput(run.output));
  return run.status;
}

/** Runs the two steps; returns the exit code. */
async function main(handOver: string): Promise<number> {
  const args = process.argv.slice(2);
  const astro = await runAstroBuild(args, {
    ASTRO_TELEMETRY_DISABLED: '1',
    ...process.env,
    [INDEX_LATER_ENV]: handOver,
  });
  if (astro !== 0) return astro;
  if (!fs.existsSync(handOver)) {
    if (args.includes('--help') || args.includes('-h')) return 0;
    console.error(
      'astro build xong nhưng không báo thư mục kết quả: tích hợp so-tay:pagefind không chạy? Xem astro.config.mjs.',
    );
    return 1;
  }
  try {
    const stats = await buildSearchIndex(fs.readFileSync(handOver, 'utf8'));
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
