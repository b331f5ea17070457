/**
 * Runs a built site's Pagefind bundle in Node, the way the search page runs it in the browser, so
 * integration tests can search a real index without a browser. pagefind.js works without `window`:
 * it then skips its web worker, runs the WebAssembly on the main thread and loads every file through
 * `fetch` — which this helper answers from the bundle folder on disk.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi } from '../../src/lib/search/pagefind-api.ts';

/** Bundle folders by the URL prefix they are served under, with the files asked for so far. */
const mounts = new Map<string, { dir: string; requested: string[] }>();
let realFetch: typeof fetch | undefined;

function installFetch(): void {
  if (realFetch !== undefined) return;
  const passThrough = globalThis.fetch;
  realFetch = passThrough;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
    for (const [prefix, { dir, requested }] of mounts) {
      if (!pathname.startsWith(prefix)) continue;
      const file = pathname.slice(prefix.length);
      requested.push(file);
      try {
        return new Response(await fs.readFile(path.join(dir, file)));
      } catch {
        return new Response('not found', { status: 404 });
      }
    }
    return passThrough(input, init);
  };
}

let instances = 0;

/** An open bundle. */
export type NodePagefind = PagefindApi & {
  destroy(): Promise<void>;
  /** Files of the bundle loaded so far, relative to it (`filter/….pf_filter`), in order. */
  requested: readonly string[];
};

/**
 * Opens the Pagefind bundle in `bundleDir` as if it were served at `basePath` (for example
 * `/so-tay/pagefind/`); result URLs then start with `baseUrl`, as on the site. Give each open
 * bundle its own `basePath` to tell apart the files each one loads.
 */
export async function openPagefind(
  bundleDir: string,
  { basePath = '/pagefind/', baseUrl = '/' }: { basePath?: string; baseUrl?: string } = {},
): Promise<NodePagefind> {
  installFetch();
  const requested: string[] = [];
  mounts.set(basePath, { dir: bundleDir, requested });
  // A fresh module per bundle: pagefind.js keeps module-level state.
  const href = `${pathToFileURL(path.join(bundleDir, 'pagefind.js')).href}?instance=${instances++}`;
  const mod = (await import(/* @vite-ignore */ href)) as {
    createInstance(options: Record<string, unknown>): PagefindApi & {
      init(): Promise<void>;
      destroy(): Promise<void>;
    };
  };
  const instance = mod.createInstance({ basePath, baseUrl });
  await instance.init();
  return Object.assign(instance, { requested });
}
