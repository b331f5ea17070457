/**
 * Runs an Astro command (`astro build`, `astro check`) as a child process and tells an editor what
 * went wrong before Astro does: the page, the line and one Vietnamese sentence (build-errors.ts),
 * then Astro's own report without its unrelated hints. Astro's complete output is kept in
 * {@link ASTRO_LOG} (and `--verbose` passes everything through untouched).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
  type Explanation,
  explainFailure,
  formatExplanation,
  readAstroFailure,
  withoutNoise,
} from './build-errors.ts';
import { DOCUMENTS_DIR, NEWS_DIR } from './paths.ts';

/** Where the complete output of the last Astro run is written, relative to the project. */
export const ASTRO_LOG = path.join('.astro', 'so-tay-astro.log');

/** What an Astro run left. */
export interface AstroRun {
  status: number;
  /** Everything it printed to stderr (and to stdout too, when stdout was captured). */
  output: string;
}

/** Options of {@link runAstro}. */
export interface RunAstroOptions {
  /** Path of astro's bin/astro.mjs. */
  astroBin: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /**
   * `live` (the build): stdout goes straight to the terminal and Astro's log lines on stderr
   * (warnings) as they come; the rest of stderr is held, to follow the explanation. `capture` (the
   * check): everything is held and returned, nothing printed.
   */
  mode: 'live' | 'capture';
  /**
   * In `live` mode, what to print for each line shown as it comes (stdout, and the log lines of
   * stderr): `npm run build` drops Astro's line per page and adds its steps (build-log.ts). Every
   * line is still kept in the returned output.
   */
  filterLine?: (line: string) => string[];
}

/** A log line of Astro's logger (`12:01:02 [WARN] …`), except its errors, which are held. */
const LOG_LINE = /^\d\d:\d\d:\d\d (?!.*\[ERROR\])/;
const isLiveLine = (line: string) => LOG_LINE.test(stripVTControlCharacters(line));

/** Runs astro with `args` and returns its exit status and what it printed (see {@link RunAstroOptions.mode}). */
export function runAstro({ astroBin, args, env, mode, filterLine }: RunAstroOptions): Promise<AstroRun> {
  return new Promise((resolve, reject) => {
    const passStdout = mode === 'live' && filterLine === undefined;
    const child = spawn(process.execPath, [astroBin, ...args], {
      env,
      stdio: ['inherit', passStdout ? 'inherit' : 'pipe', 'pipe'],
    });
    const show = (line: string, to: NodeJS.WriteStream) => {
      for (const out of filterLine ? filterLine(line) : [line]) to.write(`${out}\n`);
    };
    let output = '';
    let pending = '';
    let pendingOut = '';
    child.stdout?.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      // Live, stdout is shown as it comes and is not part of what is held (as when it is inherited).
      if (mode !== 'live') {
        output += text;
        return;
      }
      // Whole lines only: a pipe hands over chunks.
      pendingOut += text;
      const lines = pendingOut.split('\n');
      pendingOut = lines.pop() ?? '';
      for (const line of lines) show(line, process.stdout);
    });
    child.stdout?.on('end', () => {
      if (mode === 'live' && pendingOut !== '') show(pendingOut, process.stdout);
    });
    child.stderr?.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      output += text;
      if (mode !== 'live') return;
      // Whole lines only: a warning is shown as it comes; anything else waits for the end.
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (isLiveLine(line)) show(line, process.stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

/** The held part of a live run's stderr: what {@link runAstro} did not show as it came. */
export function heldOutput(output: string): string {
  return output
    .split('\n')
    .filter((l) => !isLiveLine(l))
    .join('\n')
    .trim();
}

/** The content page a rendered route came from (`/so-tay/tin/<id>/` → `<root>/tin/<id>.mdx`), if any. */
function pageOfRoute(root: string, route: string): { file: string; source: string } | undefined {
  const m = new RegExp(`/(${DOCUMENTS_DIR}|${NEWS_DIR})/([^/]+)/?$`).exec(route);
  if (m === null) return undefined;
  const dir = path.join(root, m[1] as string);
  const name = `${decodeURIComponent(m[2] as string)}.mdx`;
  const found = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .find((f) => f === name || f.endsWith(`${path.sep}${name}`))
    : undefined;
  if (found === undefined) return undefined;
  const file = path.join(dir, found);
  return { file, source: fs.readFileSync(file, 'utf8') };
}

/** Explains the failure in Astro's output, reading the page it names; empty when there is none. */
export function explainAstroOutput(output: string, contentRoot: string): Explanation[] {
  const failure = readAstroFailure(output);
  if (failure === null) return [];
  let source: string | undefined;
  try {
    source = failure.file === undefined ? undefined : fs.readFileSync(failure.file, 'utf8');
  } catch {
    source = undefined;
  }
  return explainFailure(failure, source, (route) => pageOfRoute(contentRoot, route));
}

/** A path as an editor reads it: relative to the current folder when inside it, else absolute. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Writes Astro's complete output to {@link ASTRO_LOG} under `projectRoot`; returns the path written. */
export function writeAstroLog(projectRoot: string, output: string): string {
  const file = path.join(projectRoot, ASTRO_LOG);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, output);
  return file;
}

/**
 * What `npm run build` prints on stderr when `astro build` failed: the explanation first, then what
 * Astro said (held lines, hints about browser APIs removed), then where the full output is.
 */
export function reportAstroFailure(run: AstroRun, contentRoot: string, projectRoot: string): string {
  const explained = explainAstroOutput(run.output, contentRoot).map((e) => formatExplanation(e, displayPath));
  const log = writeAstroLog(projectRoot, run.output);
  return [
    ...explained,
    '',
    withoutNoise(heldOutput(run.output)),
    '',
    `Toàn bộ thông báo của Astro: ${displayPath(log)} (hoặc chạy lại với --verbose).`,
  ].join('\n');
}
