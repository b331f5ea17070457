/**
 * Preloaded with `node --import` (through NODE_OPTIONS) into every Node process of a build under
 * test. Any attempt to reach a host other than loopback is appended to the file named by
 * `NETWORK_GUARD_LOG` and fails at once, so a build that "tolerates" a failed request (telemetry,
 * font downloads) still leaves evidence.
 */
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';

const log = process.env.NETWORK_GUARD_LOG;

function isLoopback(host: string | undefined): boolean {
  if (!host || host === 'localhost') return true;
  const family = net.isIP(host);
  if (family === 4) return host.startsWith('127.');
  if (family === 6) return host === '::1' || host.startsWith('::ffff:127.');
  return false;
}

function record(what: string): void {
  if (log) fs.appendFileSync(log, `${process.pid} ${what}\n`);
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  let host: string | undefined;
  let port: unknown;
  let isPath = false;
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    const o = first as { host?: string; port?: unknown; path?: string };
    if (o.path) isPath = true;
    host = o.host;
    port = o.port;
  } else if (typeof first === 'string' && Number.isNaN(Number(first))) {
    isPath = true;
  } else {
    port = first;
    host = typeof args[1] === 'string' ? args[1] : undefined;
  }
  if (!isPath && !isLoopback(host)) {
    record(`connect ${host}:${String(port)}`);
    throw new Error(`network-guard: kết nối tới ${host}:${String(port)} bị chặn trong bài kiểm tra`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

const originalLookup = dns.lookup;
dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!isLoopback(hostname)) record(`dns ${hostname}`);
  return (originalLookup as (...a: unknown[]) => unknown).call(dns, hostname, ...rest);
} as typeof dns.lookup;

const originalPromisesLookup = dns.promises.lookup;
dns.promises.lookup = function guardedPromisesLookup(hostname: string, ...rest: unknown[]) {
  if (!isLoopback(hostname)) record(`dns ${hostname}`);
  return (originalPromisesLookup as (...a: unknown[]) => Promise<unknown>).call(
    dns.promises,
    hostname,
    ...rest,
  );
} as typeof dns.promises.lookup;
