/**
 * The bare stack the benchmark measures beside Sổ tay (`npm run bench -- --baseline`): a project
 * written at bench time from the templates in scripts/bench/baseline/ (Astro 7, @astrojs/mdx, one
 * route rendering each entry, the Pagefind CLI), holding the same corpus stored as `.md`. Nothing
 * is downloaded: its node_modules is a link to the project's, its caches are its own.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DOCUMENTS_DIR, NEWS_DIR } from '../../src/lib/content/paths.ts';

const TEMPLATE_DIR = path.join(import.meta.dirname, 'baseline');
const TEMPLATE_SUFFIX = '.template';

/** A baseline project ready to build. */
export interface BaselineProject {
  /** Its root (its `dist/` is the output). */
  dir: string;
  /** The command that builds it, Astro then Pagefind, run in {@link dir}. */
  command: string[];
  /** How many pages it holds. */
  pages: number;
}

/**
 * Writes the baseline project for a corpus into `dir` (emptied first): the templates without their
 * `.template` suffix, a link to `repoRoot/node_modules`, and every page of the corpus's `van-ban/`
 * and `tin/` copied to `content/` with the extension `.md`.
 */
export function prepareBaseline(repoRoot: string, corpusDir: string, dir: string): BaselineProject {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const name of fs.readdirSync(TEMPLATE_DIR, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith(TEMPLATE_SUFFIX)) continue;
    const target = path.join(dir, name.slice(0, -TEMPLATE_SUFFIX.length));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(TEMPLATE_DIR, name), target);
  }
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'so-tay-baseline', private: true, type: 'module' }, null, 2)}\n`,
  );
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  let pages = 0;
  for (const folder of [DOCUMENTS_DIR, NEWS_DIR]) {
    const from = path.join(corpusDir, folder);
    const to = path.join(dir, 'content', folder);
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) {
      if (!name.endsWith('.mdx')) continue;
      fs.copyFileSync(path.join(from, name), path.join(to, name.replace(/\.mdx$/, '.md')));
      pages++;
    }
  }
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  // The CLI's npm wrapper (pagefind's package exports no path to it).
  const pagefind = path.join(repoRoot, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
  return { dir, command: [process.execPath, path.join(dir, 'build.mjs'), astro, pagefind], pages };
}
