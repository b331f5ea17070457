/**
 * Builds a site the way `npm run build` does, for integration tests: a fixture content directory,
 * an output folder under tests/.tmp, optionally a base path.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The environment for a child build or script. Vitest puts Vite's own variables (BASE_URL, MODE,
 * NODE_ENV=test…) into process.env; handed down, they would override the site's base path and mode.
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV)$|^VITEST/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** Builds the site from `contentDir` into `outDir` (emptied first) with `astro build --outDir`. */
export function buildSite(contentDir: string, outDir: string, extra: Record<string, string> = {}): void {
  fs.rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    {
      env: childEnv({ SO_TAY_CONTENT_DIR: contentDir, ...extra }),
      stdio: 'pipe',
    },
  );
}
