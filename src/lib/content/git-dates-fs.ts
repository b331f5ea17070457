import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * When each content file was last changed, from git history, in one `git log` call for the whole
 * repository (one call per page would dominate build time at 10,000 pages). Returns an empty map
 * outside a git checkout — e.g. for the benchmark's generated corpus — and pages then show no date.
 *
 * Keys are absolute file paths; values are commit dates.
 */
export function lastCommitDates(dir: string): Map<string, Date> {
  const result = new Map<string, Date>();
  let out: string;
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' }).trim();
    out = execFileSync('git', ['log', '--format=@%ct', '--name-only', '--no-renames', '--', dir], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return result;
  }
  let current: Date | undefined;
  for (const line of out.split('\n')) {
    if (line.startsWith('@')) current = new Date(Number(line.slice(1)) * 1000);
    else if (line && current) {
      const file = path.join(top, line);
      // Newest commits come first, so the first date seen for a file is its latest change.
      if (!result.has(file)) result.set(file, current);
    }
  }
  return result;
}
