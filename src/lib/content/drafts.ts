/**
 * Drafts (`draft: true` in a page's frontmatter): pages an editor is still writing. `npm run dev`
 * shows them, marked "Bản nháp", so the editor sees the page as it will look; `npm run build` leaves
 * them out entirely: no page, no listing, no feed or sitemap entry, no search record, and no link
 * to them from published pages (a mention of a draft's code reads as a document not yet on the site).
 *
 * Who sees drafts is decided once, by the command that runs Astro: the so-tay:drafts integration
 * sets {@link SHOW_DRAFTS_ENV} to `1` for `astro dev` and to `0` for everything else, so neither an
 * inherited variable nor `NODE_ENV` can publish a draft. Routes (through src/data/catalog.ts) and
 * the link registry (src/lib/markdown/link-codes-fs.ts) read it with {@link draftsShown}.
 */

/** The mark on a draft page and on its rows in listings. */
export const DRAFT_LABEL = 'Bản nháp';

/**
 * Marks what an editor still has to write in a new page (`npm run new` fills the fields no answer
 * gives with it). `npm run check` reports it: a warning in a draft, an error in a published page.
 */
export const PLACEHOLDER = '[cần điền]';

/** Set by the so-tay:drafts integration: `1` in `astro dev`, `0` in a build. */
export const SHOW_DRAFTS_ENV = 'SO_TAY_SHOW_DRAFTS';

/** Whether a page's frontmatter (raw YAML values or the schema's output) marks it as a draft. */
export function isDraft(data: Readonly<Record<string, unknown>>): boolean {
  return data.draft === true;
}

/** Whether this process shows drafts: only when the integration said so (`astro dev`). */
export function draftsShown(env: Readonly<Record<string, string | undefined>>): boolean {
  return env[SHOW_DRAFTS_ENV] === '1';
}

/** The entries a reader may see: all of them when drafts are shown, else those that are not drafts. */
export function visibleEntries<T extends { data: Readonly<Record<string, unknown>> }>(
  entries: readonly T[],
  showDrafts: boolean,
): T[] {
  return showDrafts ? [...entries] : entries.filter((e) => !isDraft(e.data));
}
