/**
 * The content loader of the document and news collections: Astro's `glob()` for `.mdx` pages, except
 * that a page using nothing of MDX costs what a Markdown page costs.
 *
 * Astro's glob loader marks every `.mdx` entry `deferredRender`: `@astrojs/mdx` compiles each into
 * a JavaScript module that Vite bundles with the site and `render()` imports (at 10,000 pages, 73 s
 * of bundling and the build's memory peak). A `.md` entry is instead rendered once, in the content
 * layer, and its HTML kept in the data store; `render()` then only wraps that string. This loader
 * does the same for every `.mdx` page whose MDX syntax tree holds no MDX node
 * (src/lib/markdown/mdx-usage.ts), rendering it with the MDX path's own compiler, plugins and
 * serialisation so its HTML is the same byte for byte (static-mdx.ts), and keeps that HTML and the
 * page's source in packs beside the data store rather than in it (bodies.ts). Pages that use MDX
 * keep `deferredRender` and the full `@astrojs/mdx` path. See docs/build.md.
 *
 * Each entry's digest covers the file and everything else its data or HTML depends on: the schema
 * and the code of the content model, the document graph and the Markdown plugins, the taxonomy
 * files the schema checks ids against, the registry of documents the code links point to, the
 * package versions and the configuration (see {@link contextDigest}). An unchanged page is taken
 * from the data store as it is, across builds: no parsing, no validation, no rendering. Anything
 * else changed, and every page is read again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { Loader, LoaderContext } from 'astro/loaders';
import GithubSlugger from 'github-slugger';
import { ContentFileError, parseContentText } from '../lib/content/content-files.ts';
import { DATA_DIR } from '../lib/content/paths.ts';
import { documentIndexFor } from '../lib/markdown/link-codes-fs.ts';
import {
  type BodyKind,
  classifyBody,
  describeMdxSyntaxError,
  MdxSyntaxError,
} from '../lib/markdown/mdx-usage.ts';
import { BODY_FIELD, bodyRecordOf, pageBodies } from './bodies.ts';
import { createRenderer, type RenderedPage, rendererSettings, type StaticMdxRenderer } from './static-mdx.ts';

/**
 * `SO_TAY_RENDER=mdx` sends every page through `@astrojs/mdx`, as before this loader existed. Only
 * for the test that compares the HTML of both paths and for measuring; never publish with it.
 */
export const RENDER_MODE_ENV = 'SO_TAY_RENDER';

/** Bump when this file changes what it stores, so every cached entry is read again. */
const LOADER_VERSION = 1;
/** Files read and rendered at once. */
const CONCURRENCY = 16;
/** At most one progress line this often. */
const PROGRESS_EVERY_MS = 3000;

/**
 * What else, besides its own file, a page's data and HTML depend on, relative to the project root:
 * the schema, the code it runs (content model, graph, Markdown plugins, this loader), the
 * configuration and the installed packages. Files under a folder are hashed recursively.
 */
const CODE_INPUTS = [
  'src/content.config.ts',
  'src/loaders',
  'src/lib/content',
  'src/lib/graph',
  'src/lib/markdown',
  'astro.config.mjs',
  'package-lock.json',
];

/** Options of {@link contentPages}. */
export interface ContentPagesOptions {
  /** Folder of the collection's `.mdx` files (absolute, or relative to the project root). */
  base: string;
  /** What the pages are called in progress lines: "văn bản", "tin". */
  label: string;
}

/** What a load did, for the closing log line and for tests. */
interface LoadCounts {
  total: number;
  reused: number;
  static: number;
  mdx: number;
}

/** Every file under `dir` (recursively), sorted, or none when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return [dir];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile());
}

/**
 * A digest of everything a page's entry depends on apart from its own file: see {@link CODE_INPUTS},
 * the taxonomy files under `<content>/data/` (the schema checks ids against them), the registry of
 * documents (code links are made to them, with their titles), the render mode and the parts of the
 * configuration the HTML uses.
 */
function contextDigest(ctx: LoaderContext, root: string, contentRoot: string): string {
  const hash = createHash('sha256');
  const add = (label: string, value: string | Buffer) => {
    hash.update(label);
    hash.update('\0');
    hash.update(value);
    hash.update('\0');
  };
  add('loader', String(LOADER_VERSION));
  add('mode', process.env[RENDER_MODE_ENV] ?? '');
  add('links', process.env.SO_TAY_DISABLE_LINKS ?? '');
  add('base', ctx.config.base);
  add('content', contentRoot);
  for (const input of [...CODE_INPUTS.map((p) => path.join(root, p)), path.join(contentRoot, DATA_DIR)]) {
    for (const file of filesUnder(input)) add(path.relative(root, file), fs.readFileSync(file));
  }
  const documents = [...documentIndexFor(contentRoot).byId.values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  add('registry', JSON.stringify(documents));
  return hash.digest('hex');
}

/** The entry id Astro's glob loader would give a file: each path segment slugged, no extension. */
function entryId(relative: string): string {
  const slugger = new GithubSlugger();
  return relative
    .replace(/\.mdx$/, '')
    .split('/')
    .map((segment) => {
      slugger.reset();
      return slugger.slug(segment);
    })
    .join('/')
    .replace(/\/index$/, '');
}

/** Runs `task` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * "file:line  sentence" for a frontmatter that is not YAML, in the words `npm run check` uses
 * (content-files.ts), so the build's report names the same place (build-errors.ts).
 */
function frontmatterProblem(file: string, contents: string, err: unknown): string {
  try {
    parseContentText(file, contents);
  } catch (explained) {
    if (explained instanceof ContentFileError) {
      return `${file}:${explained.line}  ${explained.message.slice(`${file}:${explained.line}: `.length)}`;
    }
  }
  const e = err as { mark?: { line: number }; reason?: string; message: string };
  return `${file}:${e.mark ? e.mark.line + 1 : 1}  Phần đầu trang (frontmatter) không đọc được: ${e.reason ?? e.message}. Hãy kiểm tra thụt lề và dấu ":" của các trường YAML.`;
}

/** A page MDX cannot parse; the message is the one shown to the author. */
class PageSyntaxError extends Error {
  override name = 'PageSyntaxError';
}

/**
 * An error for the author, not the developer: Astro prints the message and no stack trace (its
 * formatter skips the trace when `stack` is empty), so the build's last words are the page's
 * problem and what to do about it.
 */
function authorError(message: string): Error {
  const err = new Error(message);
  err.stack = '';
  return err;
}

/** A file's path as the author knows it: relative to the project when inside it. */
function shownPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** A number as Vietnamese writes it: 10.000. */
const count = (n: number) => n.toLocaleString('vi-VN');

/**
 * The loader of a collection of `.mdx` pages under `options.base`. See the file's header for what
 * it does; docs/build.md for why.
 */
export function contentPages(options: ContentPagesOptions): Loader {
  return {
    name: 'so-tay:content-pages',
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      const baseDir = path.resolve(root, options.base);
      const contentRoot = path.dirname(baseDir);
      const settings = process.env[RENDER_MODE_ENV] === 'mdx' ? null : rendererSettings(ctx.config);
      const context = contextDigest(ctx, root, contentRoot);
      const bodies = pageBodies(fileURLToPath(ctx.config.cacheDir), ctx.collection, ctx.store.values());
      const counts: LoadCounts = { total: 0, reused: 0, static: 0, mdx: 0 };
      const syntaxErrors: string[] = [];
      const fileIds = new Map<string, string>();
      const idFiles = new Map<string, string>();
      let inThread: Promise<StaticMdxRenderer> | undefined;
      /** The renderer of this thread, made when first needed. */
      const threadRenderer = () => {
        if (settings === null) return null;
        inThread ??= createRenderer(settings);
        return inThread;
      };

      /** A page file as read: what it is, and whether the store holds it as it is. */
      interface Read {
        file: string;
        id: string;
        filePath: string;
        contents: string;
        digest: string;
      }

      /** Reads a file; takes its entry from the store when unchanged (returns null), else returns it. */
      async function read(file: string): Promise<Read | null> {
        const relative = path.relative(baseDir, file).split(path.sep).join('/');
        const id = entryId(relative);
        const other = idFiles.get(id);
        if (other !== undefined && other !== file)
          throw authorError(
            `Hai tệp cho cùng một trang "${id}": ${shownPath(root, other)} và ${shownPath(root, file)}. Hãy đổi tên một tệp.`,
          );
        idFiles.set(id, file);
        fileIds.set(file, id);
        const filePath = path.relative(root, file).split(path.sep).join('/');
        const contents = await fs.promises.readFile(file, 'utf8');
        const digest = ctx.generateDigest(`${context}\0${filePath}\0${contents}`);
        const existing = ctx.store.get(id);
        if (existing?.digest !== digest || !bodies.has(existing))
          return { file, id, filePath, contents, digest };
        const record = bodyRecordOf(existing);
        const kept = bodies.keep(existing);
        if (kept !== record && existing.rendered !== undefined) {
          // This load compacts the packs: the entry now points into the new one.
          ctx.store.delete(id);
          ctx.store.set({
            ...existing,
            rendered: {
              ...existing.rendered,
              metadata: { ...existing.rendered.metadata, [BODY_FIELD]: kept },
            },
          });
        }
        counts.reused++;
        return null;
      }

      /** Parses, checks and renders a changed page into the store. */
      async function store(
        { file, id, filePath, contents, digest }: Read,
        renderer: StaticMdxRenderer | null,
      ) {
        let parsed: ReturnType<typeof parseFrontmatter>;
        try {
          // As @astrojs/mdx reads it: the frontmatter blanked out, so positions stay the file's.
          parsed = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
        } catch (err) {
          throw authorError(frontmatterProblem(shownPath(root, file), contents, err));
        }
        const data = await ctx.parseData({ id, data: parsed.frontmatter, filePath: file });
        let page: RenderedPage | { kind: BodyKind };
        try {
          page =
            renderer === null
              ? { kind: classifyBody(parsed.content) }
              : await renderer.render(parsed.content, file, parsed.frontmatter);
        } catch (err) {
          if (err instanceof MdxSyntaxError)
            throw new PageSyntaxError(describeMdxSyntaxError(shownPath(root, file), parsed.content, err), {
              cause: err,
            });
          throw err;
        }
        if (page.kind === 'static' && 'html' in page) {
          // The HTML and the source go to a pack and the store keeps where (bodies.ts): the data
          // store is a JavaScript module of the build, and stays small.
          const record = bodies.write(page.html, parsed.content.trim());
          ctx.store.set({
            id,
            data,
            filePath,
            digest,
            rendered: { html: '', metadata: { headings: page.headings, [BODY_FIELD]: record } },
          });
          counts.static++;
          return;
        }
        // Uses MDX or has images (or SO_TAY_RENDER=mdx): @astrojs/mdx compiles the page.
        ctx.store.set({ id, data, filePath, digest, deferredRender: true });
        counts.mdx++;
      }

      /** One file, start to end (the watcher of `astro dev`); returns its id. */
      async function sync(file: string): Promise<string> {
        const changed = await read(file);
        if (changed !== null) await store(changed, (await threadRenderer()) ?? null);
        return fileIds.get(file) ?? '';
      }

      // 1. Read every file; the unchanged are taken from the store as they are.
      const files = filesUnder(baseDir).filter((f) => f.endsWith('.mdx'));
      const untouched = new Set(ctx.store.keys());
      const changed: Read[] = [];
      await eachLimited(files, CONCURRENCY, async (file) => {
        const page = await read(file);
        if (page !== null) changed.push(page);
      });
      for (const id of fileIds.values()) untouched.delete(id);
      counts.total = files.length;

      // 2. The others are parsed, checked and rendered.
      const renderer = changed.length > 0 ? await threadRenderer() : null;
      let lastLine = performance.now();
      let done = counts.reused;
      await eachLimited(changed, CONCURRENCY, async (page) => {
        try {
          await store(page, renderer);
        } catch (err) {
          // Every page with a syntax error is reported at once, not one per build.
          if (!(err instanceof PageSyntaxError)) throw err;
          syntaxErrors.push(err.message);
        }
        done++;
        if (performance.now() - lastLine >= PROGRESS_EVERY_MS && done < files.length) {
          lastLine = performance.now();
          ctx.logger.info(`Đang đọc ${options.label}: ${count(done)}/${count(files.length)} trang…`);
        }
      });
      if (syntaxErrors.length > 0) {
        throw authorError(
          `${syntaxErrors.length} trang có lỗi cú pháp MDX, hãy sửa rồi build lại:\n\n${syntaxErrors.sort().join('\n\n')}`,
        );
      }
      for (const id of untouched) ctx.store.delete(id);
      bodies.close();
      ctx.logger.info(
        `Đã đọc ${count(counts.total)} ${options.label}: ${count(counts.reused)} lấy lại từ bộ nhớ đệm, ` +
          `${count(counts.static)} dựng sẵn HTML, ${count(counts.mdx)} dùng MDX (biên dịch khi bundle).`,
      );
      watch(ctx, baseDir, sync, fileIds);
    },
  };
}

/** In `astro dev`: reads a page again when its file changes, drops it when the file goes. */
function watch(
  ctx: LoaderContext,
  baseDir: string,
  sync: (file: string) => Promise<string>,
  fileIds: Map<string, string>,
) {
  const { watcher } = ctx;
  if (!watcher) return;
  watcher.add(baseDir);
  const inBase = (file: string) => file.endsWith('.mdx') && !path.relative(baseDir, file).startsWith('..');
  const onChange = async (file: string) => {
    if (!inBase(file)) return;
    try {
      fileIds.set(file, await sync(file));
    } catch (err) {
      ctx.logger.error((err as Error).message);
    }
  };
  watcher.on('change', onChange);
  watcher.on('add', onChange);
  watcher.on('unlink', (file) => {
    const id = fileIds.get(file);
    if (!inBase(file) || id === undefined) return;
    ctx.store.delete(id);
    fileIds.delete(file);
  });
}
