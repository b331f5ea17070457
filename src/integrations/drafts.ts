/**
 * The so-tay:drafts integration only records which command is running, so drafts are shown by
 * `astro dev` and by nothing else (see src/lib/content/drafts.ts).
 */
import type { AstroIntegration } from 'astro';
import { SHOW_DRAFTS_ENV } from '../lib/content/drafts.ts';

/**
 * Sets {@link SHOW_DRAFTS_ENV} for this process before any page or Markdown file is compiled:
 * `1` for `astro dev`, `0` for `astro build`, `astro check`, `astro sync` and `astro preview`. It is
 * always set, so a value inherited from the shell can never make a build publish drafts.
 */
export function draftsIntegration(): AstroIntegration {
  return {
    name: 'so-tay:drafts',
    hooks: {
      'astro:config:setup': ({ command }) => {
        process.env[SHOW_DRAFTS_ENV] = command === 'dev' ? '1' : '0';
      },
    },
  };
}
