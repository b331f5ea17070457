/**
 * A content page's body, for the routes that show one. Use {@link renderEntry} instead of
 * `render()` from `astro:content`: the content loader keeps the HTML of most pages in files beside
 * the data store, not in it (src/loaders/bodies.ts), and Astro's `render()` would show those pages
 * empty. tests/unit/page-body-use.test.ts holds every route to it.
 */
import { type CollectionEntry, render } from 'astro:content';
import fs from 'node:fs';
import path from 'node:path';
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { MarkdownHeading } from 'astro';
import { createComponent, render as template, unescapeHTML } from 'astro/runtime/server/index.js';
import { type BodyRecord, bodyRecordOf } from '../loaders/bodies.ts';

type PageEntry = CollectionEntry<'documents'> | CollectionEntry<'news'>;

/** Open packs, by path: a build reads thousands of bodies from a few files. */
const packs = new Map<string, Promise<fs.promises.FileHandle>>();

/** Bytes `[offset, length]` of a pack, as text. */
async function readRange(pack: string, [offset, length]: BodyRecord['html']): Promise<string> {
  let handle = packs.get(pack);
  if (handle === undefined) {
    handle = fs.promises.open(pack, 'r');
    packs.set(pack, handle);
  }
  const buffer = Buffer.allocUnsafe(length);
  await (await handle).read(buffer, 0, length, offset);
  return buffer.toString('utf8');
}

/**
 * `render(entry)` for a document or news page: its `Content` component and headings. A page the
 * loader rendered is read from its file and wrapped exactly as Astro wraps stored HTML
 * (astro/dist/content/runtime.js, `createRenderEntry`); a page using MDX goes to `render()`.
 */
export async function renderEntry(entry: PageEntry): Promise<Awaited<ReturnType<typeof render>>> {
  const record = bodyRecordOf(entry);
  // Set at run time on entries @astrojs/mdx renders; not in CollectionEntry's type.
  const deferred = (entry as { deferredRender?: boolean }).deferredRender === true;
  if (deferred || record === undefined) return render(entry);
  const html = await readRange(record.pack, record.html);
  return {
    Content: createComponent(() => template`${unescapeHTML(html)}`),
    headings: (entry.rendered?.metadata?.headings ?? []) as MarkdownHeading[],
    remarkPluginFrontmatter: {},
  };
}

/**
 * The MDX source of a page, without its frontmatter: what `entry.body` holds under Astro's own
 * loaders. The content loader keeps it beside the store (see src/loaders/bodies.ts), or, for the
 * few pages compiled by @astrojs/mdx, it is read from the page's file.
 */
export async function entryBody(entry: PageEntry): Promise<string> {
  if (entry.body !== undefined) return entry.body;
  const record = bodyRecordOf(entry);
  if (record !== undefined) return readRange(record.pack, record.source);
  if (entry.filePath === undefined) return '';
  const text = await fs.promises.readFile(path.resolve(entry.filePath), 'utf8');
  const frontmatter = extractFrontmatter(text);
  return (
    frontmatter === undefined ? text : text.slice(text.indexOf(frontmatter) + frontmatter.length + 3)
  ).trim();
}
