/**
 * Runs a command in a pseudo-terminal, the way an editor runs it in a terminal window, and lets a
 * test answer its prompts: wait for a question to appear, then type. The terminal is util-linux's
 * `script` (in every Debian system), sized 120×40 with `stty` since it has no window of its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', tab: '\t', backspace: '\x7f' } as const;

/** A command running in a terminal. */
export interface Terminal {
  /** Waits until `pattern` appears in what was shown since the last answer, then types `keys`. */
  answer(pattern: RegExp, keys: string): Promise<void>;
  /** Waits for the command to end; its exit status and all it showed, without colours. */
  exit(): Promise<{ status: number | null; screen: string }>;
}

/** Starts `command` (a shell command line) in a terminal with `env`. */
export function startInTerminal(command: string, env: NodeJS.ProcessEnv): Terminal {
  const child: ChildProcess = spawn('script', ['-qefc', `stty cols 120 rows 40; ${command}`, '/dev/null'], {
    env: { ...env, TERM: 'xterm-256color' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let shown = '';
  let mark = 0;
  child.stdout?.on('data', (d: Buffer) => {
    shown += d.toString('utf8');
  });
  child.stderr?.on('data', (d: Buffer) => {
    shown += d.toString('utf8');
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const screen = () => stripVTControlCharacters(shown);

  return {
    async answer(pattern, keys) {
      for (let i = 0; i < 600; i++) {
        if (pattern.test(stripVTControlCharacters(shown.slice(mark)))) {
          mark = shown.length;
          child.stdin?.write(keys);
          return;
        }
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill();
      throw new Error(`Không thấy ${pattern} trên màn hình:\n${screen()}`);
    },
    async exit() {
      child.stdin?.end();
      const status = await closed;
      return { status, screen: screen() };
    },
  };
}
