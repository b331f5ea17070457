/**
 * Starts Debian's nginx as an ordinary foreground process for a test: its own prefix, config,
 * logs and temp folders under a scratch folder, listening on 127.0.0.1 at a free port. No root
 * paths are touched; the site's own configuration is pulled in with `include`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Where Debian installs nginx; override with NGINX_PATH. */
export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** A running nginx. */
export interface Nginx {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Lines the server wrote to its error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Waits until something accepts TCP connections on the port. A connection, not a request: a request
 * outside the site would land in the server's error log. `failed` returns a message once the
 * server has given up (exited), else null.
 */
export async function waitForPort(port: number, failed: () => string | null): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    const message = failed();
    if (message !== null || attempt > 200) throw new Error(message ?? `nothing listens on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Writes a minimal nginx.conf whose one server includes `include` (a site snippet such as
 * `<install>/current/server/nginx.conf`) after `serverLines` (what the administrator's server block
 * already holds), checks it with `nginx -t`, starts nginx and waits until it answers.
 */
export async function startNginx(workDir: string, include: string, serverLines = ''): Promise<Nginx> {
  if (!fs.existsSync(NGINX_PATH)) {
    throw new Error(`Không thấy nginx tại ${NGINX_PATH}. Cài bằng: apt-get install -y nginx`);
  }
  const port = await freePort();
  for (const d of ['logs', 'tmp']) fs.mkdirSync(path.join(workDir, d), { recursive: true });
  const conf = path.join(workDir, 'nginx.conf');
  const tmp = path.join(workDir, 'tmp');
  fs.writeFileSync(
    conf,
    `pid ${workDir}/nginx.pid;
error_log ${workDir}/logs/error.log warn;
worker_processes 2;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${workDir}/logs/access.log;
    client_body_temp_path ${tmp}/body;
    proxy_temp_path ${tmp}/proxy;
    fastcgi_temp_path ${tmp}/fastcgi;
    uwsgi_temp_path ${tmp}/uwsgi;
    scgi_temp_path ${tmp}/scgi;
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
${serverLines}
        include ${include};
    }
}
`,
  );
  const args = ['-p', workDir, '-c', conf, '-e', path.join(workDir, 'logs/error.log')];
  const test = spawnSync(NGINX_PATH, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);

  const child: ChildProcess = spawn(NGINX_PATH, [...args, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  await waitForPort(port, () => (child.exitCode !== null ? `nginx did not start:\n${stderr}` : null));
  return {
    origin,
    errors: () => fs.readFileSync(path.join(workDir, 'logs/error.log'), 'utf8') + stderr,
    stop: async () => {
      // SIGQUIT: graceful shutdown, the master waits for its workers.
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
