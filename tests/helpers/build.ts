/**
 * The one way tests build a site, and the one environment they hand to a child process.
 *
 * `buildSite` builds a content folder (a fictional fixture, or the real content/) with the project's
 * real configuration into a folder under tests/.tmp, the way `npm run build` does. The integration
 * tests, the end-to-end tests and the end-to-end global setup all call it.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The project folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where tests put what they build (git-ignored). */
export const TMP = path.join(ROOT, 'tests/.tmp');

/**
 * Variables Vitest puts into process.env (it mirrors Vite's `import.meta.env` there: BASE_URL=/,
 * MODE, NODE_ENV=test…, and its own VITEST_*). Handed down, Astro would take them over in a child
 * build: every URL would ignore BASE_PATH, and the build would run in test mode.
 */
const TEST_RUNNER_VARIABLE = /^(?:VITEST|TEST$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$)/;

/**
 * The environment `npm run` gives a script, for any child process of a test: the test runner's own
 * variables removed, node_modules/.bin first on PATH (so `node` is the pinned Node 24), and
 * `ASTRO_TELEMETRY_DISABLED` removed (CI exports it; tests must see what the scripts set themselves).
 * `extra` is applied last; an `undefined` value removes the variable.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!TEST_RUNNER_VARIABLE.test(key)) env[key] = value;
  }
  env.PATH = `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`;
  delete env.ASTRO_TELEMETRY_DISABLED;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** What a finished child process printed, and how it ended. */
export interface ChildOutput {
  /** Exit code; null when a signal ended it. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Both streams as they came, interleaved: what a terminal would have shown. */
  output: string;
}

/** Waits for a child process started with piped stdout and stderr, collecting what it prints. */
export function childOutput(child: ChildProcessByStdio<null, Readable, Readable>): Promise<ChildOutput> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const both: Buffer[] = [];
  const keep = (stream: Buffer[]) => (chunk: Buffer) => {
    stream.push(chunk);
    both.push(chunk);
  };
  child.stdout.on('data', keep(out));
  child.stderr.on('data', keep(err));
  const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: text(out), stderr: text(err), output: text(both) }),
    );
  });
}

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** Content folder (with van-ban/, tin/, data/), given to the build as SO_TAY_CONTENT_DIR. */
  contentDir: string;
  /** Where the site is written; emptied first. */
  outDir: string;
  /** BASE_PATH, e.g. `/so-tay/`; default `/`. */
  base?: string;
  /** More environment for the build, e.g. `{ SITE_URL: 'http://so-tay.example' }`. */
  env?: Record<string, string | undefined>;
  /** Where to keep the build's output (standard output and error, as they came). */
  logFile?: string;
  /**
   * `npm run build` (the default): scripts/build.ts, Astro and then the search index in a second
   * process. `astro build`: Astro alone, which builds the index in its own `astro:build:done` hook,
   * for the tests that show no way of building leaves a site without search.
   */
  command?: 'npm run build' | 'astro build';
}

/**
 * Builds `contentDir` into `outDir` with the project's configuration, cold (`--force`: Astro's
 * content cache of a build of another folder must not stand in for this one). Rejects with the end
 * of the build's output when it fails.
 */
export async function buildSite(options: BuildSiteOptions): Promise<void> {
  const { contentDir, outDir, base = '/', command = 'npm run build' } = options;
  fs.rmSync(outDir, { recursive: true, force: true });
  const program =
    command === 'npm run build'
      ? [path.join(ROOT, 'scripts/build.ts')]
      : [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'];
  // process.execPath: the pinned Node 24 the tests run under.
  const child = spawn(process.execPath, [...program, '--force', '--outDir', path.resolve(outDir)], {
    cwd: ROOT,
    env: childEnv({
      // As the npm scripts' command lines do: no build reports anywhere.
      ASTRO_TELEMETRY_DISABLED: '1',
      SO_TAY_CONTENT_DIR: path.resolve(contentDir),
      BASE_PATH: base,
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { status, output } = await childOutput(child);
  if (options.logFile) {
    fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
    fs.writeFileSync(options.logFile, output);
  }
  if (status !== 0) {
    const log = options.logFile ? ` (nhật ký: ${options.logFile})` : '';
    throw new Error(`${command} thất bại cho ${contentDir}, mã ${status}${log}:\n${output.slice(-4000)}`);
  }
}
