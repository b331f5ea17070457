import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  contentGuardProblems,
  formatGuardProblems,
  type GuardedFolders,
  pathGuardProblems,
} from '../lib/content/content-guard-fs.ts';
import { contentDir } from '../lib/content/paths.ts';

/**
 * Stops the build before the content layer reads anything the site must not take in (see
 * src/lib/content/content-guard-fs.ts): links and special files in the content directory and
 * `public/`, dates that do not exist and YAML anchors/aliases in frontmatter.
 *
 * Why `astro:config:done`: `astro build` runs the config hooks, then syncs the content layer (whose
 * glob loader parses every frontmatter with js-yaml, see `syncData` in
 * astro/dist/content/loaders/glob.js), then builds (astro/dist/core/build/index.js, `setup`). A check
 * in a loader or a schema comes too late: js-yaml has already moved the date, and the alias is
 * already in the data. `astro sync` and `astro check` run the same hooks, so they stop too.
 *
 * In `astro dev`, a file added or changed later is checked as it arrives and its problems logged.
 */
export function contentGuardIntegration(): AstroIntegration {
  let folders: GuardedFolders | undefined;
  return {
    name: 'so-tay:content-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        folders = { contentDir: contentDir(), publicDir: fileURLToPath(config.publicDir) };
        const problems = contentGuardProblems(folders);
        if (problems.length > 0) throw new Error(formatGuardProblems(problems));
      },
      'astro:server:setup': ({ server, logger }) => {
        const recheck = (file: string) => {
          if (folders === undefined) return;
          const problems = pathGuardProblems(file, folders);
          if (problems.length > 0) logger.error(formatGuardProblems(problems));
        };
        server.watcher.on('add', recheck);
        server.watcher.on('change', recheck);
      },
    },
  };
}
