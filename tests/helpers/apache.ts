/**
 * Starts Debian's Apache (apache2) as an ordinary foreground process for a test: its own ServerRoot,
 * config, pid file, logs and runtime folder under a scratch folder, listening on 127.0.0.1 at a free
 * port; no systemd, no apache2ctl, nothing under /etc/apache2 or /var touched. Modules are loaded by
 * absolute path from Debian's module folder, so a test can leave one out (mod_headers) on purpose.
 * The site's own lines are pulled in with `Include` inside a <VirtualHost>, as an administrator does.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, waitForPort } from './nginx.ts';

/** Where Debian installs Apache; override with APACHE_PATH. */
export const APACHE_PATH = process.env.APACHE_PATH ?? '/usr/sbin/apache2';
/** Debian's module folder. */
export const APACHE_MODULES = '/usr/lib/apache2/modules';

/**
 * What the site needs, as Debian names them (`a2enmod <name>`): the ones Debian enables by default,
 * plus headers, which it does not.
 */
export const SITE_MODULES = [
  'mpm_event',
  'authz_core',
  'alias',
  'dir',
  'mime',
  'filter',
  'deflate',
  'headers',
] as const;

/** A running Apache. */
export interface Apache {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Lines the server wrote to its error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

/** Writes the main config: the given modules, one virtual host whose lines are `include`. */
function writeConfig(workDir: string, port: number, include: string, modules: readonly string[]): string {
  for (const d of ['logs', 'run']) fs.mkdirSync(path.join(workDir, d), { recursive: true });
  const conf = path.join(workDir, 'apache2.conf');
  // As root, Apache hands requests to an unprivileged user, as Debian's own config does.
  const asRoot = process.getuid?.() === 0;
  fs.writeFileSync(
    conf,
    `ServerRoot "${workDir}"
ServerName localhost
Listen 127.0.0.1:${port}
PidFile "${workDir}/run/apache2.pid"
DefaultRuntimeDir "${workDir}/run"
Mutex file:${workDir}/run default
ErrorLog "${workDir}/logs/error.log"
LogLevel warn
${modules.map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`).join('\n')}
${asRoot ? 'User www-data\nGroup www-data' : ''}
TypesConfig /etc/mime.types
LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
CustomLog "${workDir}/logs/access.log" common
# As Debian's apache2.conf: nothing is served or overridable unless a <Directory> says so.
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
<VirtualHost 127.0.0.1:${port}>
    ServerName localhost
    Include "${include}"
</VirtualHost>
`,
  );
  return conf;
}

/** Result of `apache2 -t` on a config like the one {@link startApache} would run. */
export async function apacheConfigTest(
  workDir: string,
  include: string,
  modules: readonly string[] = SITE_MODULES,
): Promise<{ status: number | null; output: string }> {
  const conf = writeConfig(workDir, await freePort(), include, modules);
  const test = spawnSync(APACHE_PATH, ['-d', workDir, '-f', conf, '-t'], { encoding: 'utf8' });
  return { status: test.status, output: test.stdout + test.stderr };
}

/**
 * Writes a config whose one virtual host includes `include` (a site snippet such as
 * `<install>/current/server/apache.conf`), checks it with `apache2 -t`, starts Apache in the
 * foreground and waits until it answers.
 */
export async function startApache(
  workDir: string,
  include: string,
  modules: readonly string[] = SITE_MODULES,
): Promise<Apache> {
  if (!fs.existsSync(APACHE_PATH)) {
    throw new Error(`Không thấy Apache tại ${APACHE_PATH}. Cài bằng: apt-get install -y apache2`);
  }
  const port = await freePort();
  const conf = writeConfig(workDir, port, include, modules);
  const args = ['-d', workDir, '-f', conf];
  const test = spawnSync(APACHE_PATH, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`apache2 -t failed:\n${test.stdout}${test.stderr}`);

  const child: ChildProcess = spawn(APACHE_PATH, [...args, '-DFOREGROUND'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(port, () => (child.exitCode !== null ? `Apache did not start:\n${stderr}` : null));
  const errorLog = path.join(workDir, 'logs/error.log');
  return {
    origin: `http://127.0.0.1:${port}`,
    errors: () => (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '') + stderr,
    stop: async () => {
      // SIGWINCH: graceful stop, the parent waits for its children to finish their requests.
      child.kill('SIGWINCH');
      await exited;
    },
  };
}
