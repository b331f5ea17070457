/**
 * Builds a site from a content directory with the project's real configuration, for tests that need
 * built pages and a real search index: `astro build` with `SO_TAY_CONTENT_DIR` pointing at a fixture
 * and `--outDir` under tests/.tmp/.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Variables Vitest puts into the environment (it mirrors `import.meta.env` there). Passed on to the
 * child, `BASE_URL=/` would override the base path of the build and `NODE_ENV=test` its mode.
 */
const TEST_RUNNER_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'];

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** Content directory (with van-ban/, tin/, data/). */
  contentDir: string;
  /** Where the site is written. */
  outDir: string;
  /** Base path, e.g. `/so-tay/`; default `/`. */
  base?: string;
}

/** Builds the site; on failure the error carries Astro's output. */
export async function buildSite({ contentDir, outDir, base = '/' }: BuildSiteOptions): Promise<void> {
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  try {
    await run(process.execPath, [astro, 'build', '--outDir', path.resolve(outDir)], {
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(([k]) => !TEST_RUNNER_VARIABLES.includes(k)),
        ),
        SO_TAY_CONTENT_DIR: path.resolve(contentDir),
        BASE_PATH: base,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `astro build thất bại cho ${contentDir}:\n${e.stderr ?? ''}\n${(e.stdout ?? '').slice(-4000)}`,
    );
  }
}
