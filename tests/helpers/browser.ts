/**
 * Test helpers for the end-to-end suite: a static server for a built site (optionally under a base
 * path) and Debian's headless Chromium through playwright-core. No browser is downloaded.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import sirv from 'sirv';

/** Where Debian's `chromium` package installs the browser; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium with the flags this closed network needs: without the
 * background-networking flags Chromium keeps trying to reach Google's hosts.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Không thấy Chromium tại ${CHROMIUM_PATH}. Cài bằng: apt-get update && apt-get install -y chromium`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
    ],
  });
}

/** A running static server. */
export interface StaticServer {
  /** Base URL of the site, ending with the base path: `http://127.0.0.1:PORT/so-tay/`. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built `dist/` on 127.0.0.1 under `base` the way a plain web server would: directory
 * index files, the site's own 404.html for missing paths, nothing outside the base path.
 */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const serve = sirv(dir, { dev: true, etag: true, extensions: ['html'] });
  const notFound = fs.existsSync(`${dir}/404.html`) ? fs.readFileSync(`${dir}/404.html`) : 'Not found';
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const send404 = () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(notFound);
    };
    if (!url.startsWith(prefix)) {
      if (`${url}/` === prefix) {
        res.statusCode = 301;
        res.setHeader('location', prefix);
        res.end();
      } else send404();
      return;
    }
    req.url = `/${url.slice(prefix.length)}`;
    serve(req, res, send404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
