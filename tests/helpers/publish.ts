/**
 * Helpers for the publishing tests: run the project's npm scripts exactly as `npm run` would
 * (their command line from package.json, in {@link childEnv}), and make small release packages
 * quickly.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPackage, type PackageResult } from '../../src/lib/publishing/packaging-fs.ts';
import { type ChildOutput, childEnv, childOutput, ROOT, TMP } from './build.ts';

/** The pinned Node 24. */
export const NODE = path.join(ROOT, 'node_modules/.bin/node');
/** The fictional site every publishing test builds. */
export const FIXTURE_CONTENT = path.join(ROOT, 'tests/fixtures/publish-site');

/** The shell command of an npm script, from package.json. */
export function scriptCommand(name: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command = pkg.scripts[name];
  if (!command) throw new Error(`package.json has no script "${name}"`);
  return command;
}

/** `sh -c` running a command line with `args` appended, the way npm runs a script. */
function shellCommand(commandLine: string, args: readonly string[]): [string, ...string[]] {
  return ['sh', '-c', `${commandLine} "$@"`, 'sh', ...args];
}

/**
 * Runs a shell command line with arguments appended, the way npm runs a script, in
 * {@link childEnv}, optionally behind a wrapper such as `unshare -rn`.
 */
export function runShell(
  commandLine: string,
  args: string[],
  options: { env?: Record<string, string | undefined>; wrapper?: string[]; cwd?: string } = {},
): SpawnSyncReturns<string> {
  const [file, ...rest] = [...(options.wrapper ?? []), ...shellCommand(commandLine, args)] as [
    string,
    ...string[],
  ];
  return spawnSync(file, rest, {
    cwd: options.cwd ?? ROOT,
    env: childEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Runs `npm run <name> -- <args>`: the script's command line from package.json, via {@link runShell}. */
export function runScript(name: string, args: string[], options: Parameters<typeof runShell>[2] = {}) {
  return runShell(scriptCommand(name), args, options);
}

/** {@link runScript} without blocking: the test's own requests keep running meanwhile. */
export function runScriptAsync(
  name: string,
  args: string[],
  options: { env?: Record<string, string | undefined> } = {},
): Promise<ChildOutput> {
  const [file, ...rest] = shellCommand(scriptCommand(name), args);
  return childOutput(
    spawn(file, rest, { cwd: ROOT, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] }),
  );
}

/** A fresh folder under tests/.tmp. */
export function tempDir(prefix: string): string {
  fs.mkdirSync(TMP, { recursive: true });
  return fs.mkdtempSync(path.join(TMP, `${prefix}-`));
}

/** Same, in the system temp folder (for tests that change permissions or run as another user). */
export function systemTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `so-tay-${prefix}-`));
}

/**
 * Writes a tiny built site: enough files for packaging and deploying, with `label` in every page
 * so tests can tell releases apart. `padding` adds an incompressible file of that many bytes.
 */
export function writeFakeSite(dir: string, label: string, padding = 0): void {
  const page = (title: string) =>
    `<!doctype html><html lang="vi"><head><title>${title} · ${label}</title></head><body><h1>${title}</h1><p>${label}</p></body></html>\n`;
  fs.mkdirSync(path.join(dir, 'van-ban', '9021-nq-tw-2031'), { recursive: true });
  fs.mkdirSync(path.join(dir, '_astro'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), page('Trang chủ'));
  fs.writeFileSync(path.join(dir, '404.html'), page('Không tìm thấy'));
  fs.writeFileSync(path.join(dir, 'van-ban', '9021-nq-tw-2031', 'index.html'), page('Nghị quyết 9021-NQ/TW'));
  fs.writeFileSync(path.join(dir, '_astro', `app.${label}.css`), `h1{color:red}/*${label}*/\n`);
  if (padding > 0) fs.writeFileSync(path.join(dir, '_astro', 'padding.bin'), randomBytes(padding));
}

/**
 * Makes a package from a fake site in seconds rather than a full build. `builtAt` orders releases.
 */
export async function fakePackage(
  outDir: string,
  label: string,
  builtAt: Date,
  options: {
    padding?: number;
    installDir?: string;
    /** Private key to sign with. */
    signingKey?: string;
    /** Changes the built site before it is packaged (odd file modes…). */
    prepare?: (dist: string) => void;
  } = {},
): Promise<PackageResult> {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-fake-dist-'));
  try {
    writeFakeSite(dist, label, options.padding ?? 0);
    options.prepare?.(dist);
    return await createPackage({
      distDir: dist,
      outDir,
      name: 'so-tay',
      version: '0.1.0',
      commit: 'abcdef0123456789abcdef0123456789abcdef01',
      dirty: false,
      builtAt,
      location: { site: 'http://intranet.thu-nghiem.vn/so-tay/', base: '/so-tay/' },
      installDir: options.installDir ?? '/srv/so-tay',
      signingKey: options.signingKey ?? null,
    });
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

/**
 * A new OpenSSH ed25519 key pair without passphrase in `dir`, and an allowed-signers file naming
 * it `name`. Returns the private key and the allowed-signers file.
 */
/**
 * Checks a package's signature the way the administrators' guide tells them to by hand:
 * `ssh-keygen -Y verify` with the allowed signers, the signer's identity and the namespace.
 */
export function verifySignatureByHand(allowedSigners: string, archive: string, signature = `${archive}.sig`) {
  return spawnSync(
    'ssh-keygen',
    ['-Y', 'verify', '-f', allowedSigners, '-I', 'quan-tri@so-tay', '-n', 'so-tay-release', '-s', signature],
    { input: fs.readFileSync(archive), encoding: 'utf8' },
  );
}

export function makeSigningKey(dir: string, name: string): { key: string; allowedSigners: string } {
  fs.mkdirSync(dir, { recursive: true });
  const key = path.join(dir, `${name}-key`);
  const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key], {
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`ssh-keygen failed: ${made.error?.message ?? made.stderr}`);
  const allowedSigners = path.join(dir, `${name}-allowed_signers`);
  fs.writeFileSync(allowedSigners, `${name} ${fs.readFileSync(`${key}.pub`, 'utf8')}`);
  return { key, allowedSigners };
}
