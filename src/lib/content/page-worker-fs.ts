/**
 * A worker thread fed the pages Astro renders, one message per page, as they are rendered.
 *
 * Astro renders on one thread and the machine's second core is mostly idle then, so the work that
 * reads every built page once (folding it for the search index, auditing it) is done there, on the
 * bytes Astro is about to write, instead of after the build reading every file back
 * (src/lib/search/early-copies-fs.ts, src/lib/publishing/early-audit-fs.ts). This file is the
 * plumbing both share: {@link startPageWorker} on the build's side, {@link servePages} in the worker.
 */
import { parentPort, Worker } from 'node:worker_threads';

/** A message to a page worker: a page, or the end. */
type PageMessage = { file: string; body: ArrayBuffer } | { end: true };

/** A page worker, seen from the build. */
export interface PageWorker<Result> {
  /** Hands over a rendered page: its file relative to the output folder, and its bytes (transferred). */
  add(file: string, body: ArrayBuffer): void;
  /**
   * Waits until every page handed over is handled; resolves with what the worker returns at the end,
   * `empty` when no page was handed over, or null when the worker failed (then `onFailure` was told
   * why, and the caller does the work itself).
   */
  finish(): Promise<Result | null>;
}

/**
 * Starts a page worker running `script` with `data` as its `workerData`, when the first page comes.
 * `onFailure` is told why, once, when the worker stops before the end; pages handed over after that
 * are dropped.
 */
export function startPageWorker<Result>(
  script: URL,
  data: unknown,
  empty: Result,
  onFailure: (why: string) => void = () => {},
): PageWorker<Result> {
  let worker: Worker | undefined;
  let failed = false;
  let settled = false;
  let ended: Promise<Result | null> | undefined;
  let resolveEnd: (result: Result | null) => void = () => {};
  const fail = (why: string) => {
    if (failed || settled) return;
    failed = true;
    onFailure(why);
    resolveEnd(null);
  };
  const start = (): Worker => {
    const w = new Worker(script, { workerData: data });
    w.on('message', (result: Result) => {
      settled = true;
      resolveEnd(result);
    });
    w.once('error', (err) => fail(err.message));
    w.once('exit', (code) => fail(`exit code ${code}`));
    return w;
  };
  return {
    add(file, body) {
      if (failed || ended !== undefined) return;
      worker ??= start();
      worker.postMessage({ file, body } satisfies PageMessage, [body]);
    },
    finish() {
      if (ended !== undefined) return ended;
      ended = new Promise<Result | null>((resolve) => {
        resolveEnd = resolve;
      }).then(async (result) => {
        await worker?.terminate();
        return result;
      });
      if (worker === undefined) resolveEnd(empty);
      else if (failed) resolveEnd(null);
      else worker.postMessage({ end: true } satisfies PageMessage);
      return ended;
    },
  };
}

/**
 * In a page worker: calls `page` with each page as text (decoded as `fs.readFileSync(…, 'utf8')`
 * reads a file, a byte-order mark kept) and its size in bytes, then `end` once every page is
 * handled, and posts what `end` returns back to the build.
 */
export function servePages<Result>(
  page: (file: string, text: string, bytes: number) => void,
  end: () => Result,
): void {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  parentPort?.on('message', (message: PageMessage) => {
    if ('end' in message) parentPort?.postMessage(end());
    else page(message.file, decoder.decode(message.body), message.body.byteLength);
  });
}
