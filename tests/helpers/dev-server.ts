/**
 * Starts `astro dev` on a free port with a fixture content directory, for tests of what an editor
 * sees while writing (drafts). Stopped by its process group, so Vite's children go with it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { childEnv } from './build.ts';

/** A running dev server. */
export interface DevServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now: the OS picks one, and it is released at once. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until the server answers at `origin`, or fails when it exits or `attempts` run out. */
async function waitUntilUp(origin: string, child: ChildProcess, log: () => string, attempts = 240) {
  for (let i = 0; i < attempts; i++) {
    if (child.exitCode !== null) throw new Error(`astro dev đã dừng:\n${log()}`);
    try {
      const res = await fetch(origin);
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`astro dev không trả lời tại ${origin}:\n${log()}`);
}

/** Starts `astro dev` for `contentDir` and waits until it answers. */
export async function startDevServer(contentDir: string): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      env: childEnv({ SO_TAY_CONTENT_DIR: path.resolve(contentDir), ASTRO_TELEMETRY_DISABLED: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let log = '';
  child.stdout?.on('data', (d) => {
    log += String(d);
  });
  child.stderr?.on('data', (d) => {
    log += String(d);
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  try {
    await waitUntilUp(origin, child, () => log);
  } catch (err) {
    await stop();
    throw err;
  }
  return { origin, output: () => log, stop };
}
