/**
 * Where the content loader keeps the HTML of the pages it renders, and their MDX source: in pack
 * files under Astro's cache folder (`node_modules/.astro/so-tay-pages/<collection>/`), each entry
 * noting its pack and the byte ranges of its HTML and source (`rendered.metadata.body`).
 *
 * Why not in the data store, as Astro's own loaders keep Markdown HTML and bodies: the store becomes
 * one JavaScript module of the build (`export default JSON.parse("…")`). At 10,000 pages it held
 * 159 MB, and V8 took 14.7 s just to compile that module, Rolldown several more to bundle it, and
 * Node a gigabyte to hold it. Why packs rather than a file per page: creating 10,000 files cost
 * 1.7 s of CPU and more in waiting on a busy disk, and reading them back as many opens.
 *
 * Packs are only ever appended to by the load that created them; a load never writes into a pack
 * the saved data store already refers to, so a build stopped half-way leaves the store and its
 * packs consistent. A pack no entry refers to is deleted when the next load starts. When more than
 * half of the bytes in the packs are no longer referred to (pages edited many times), a load copies
 * every live record into its own pack, and the old packs go at the next load.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Where an entry's HTML and source are: a pack and two byte ranges `[offset, length]`. */
export interface BodyRecord {
  pack: string;
  html: [number, number];
  source: [number, number];
}

/** The metadata field of an entry holding its {@link BodyRecord}. */
export const BODY_FIELD = 'body';

/** An entry as the store holds it, for what this file reads of it. */
interface StoredEntry {
  id: string;
  rendered?: { metadata?: Record<string, unknown> };
}

/** The record of an entry, if it has one. */
export function bodyRecordOf(entry: StoredEntry): BodyRecord | undefined {
  const record = entry.rendered?.metadata?.[BODY_FIELD] as BodyRecord | undefined;
  return record !== undefined && typeof record.pack === 'string' ? record : undefined;
}

/** The page bodies of one collection; see the file's header. */
export interface PageBodies {
  /** Appends a page's HTML and source to this load's pack; returns where they are. */
  write(html: string, source: string): BodyRecord;
  /** Whether an entry's record points into a pack that is there (true for entries without one). */
  has(entry: StoredEntry): boolean;
  /**
   * The record an entry taken over unchanged should keep: its own, or, when this load compacts,
   * a copy in this load's pack.
   */
  keep(entry: StoredEntry): BodyRecord | undefined;
  /** Closes this load's pack. */
  close(): void;
}

/**
 * Opens the page bodies of `collection` under Astro's `cacheDir` for one load, given the entries the
 * store holds as the load starts: deletes the packs none of them refers to, and decides whether this
 * load compacts.
 */
export function pageBodies(cacheDir: string, collection: string, entries: Iterable<StoredEntry>): PageBodies {
  const dir = path.join(cacheDir, 'so-tay-pages', collection);
  fs.mkdirSync(dir, { recursive: true });
  const liveBytes = new Map<string, number>();
  for (const entry of entries) {
    const record = bodyRecordOf(entry);
    if (record === undefined) continue;
    liveBytes.set(record.pack, (liveBytes.get(record.pack) ?? 0) + record.html[1] + record.source[1]);
  }
  let live = 0;
  let total = 0;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const used = liveBytes.get(file);
    if (used === undefined) {
      fs.rmSync(file, { force: true });
      continue;
    }
    live += used;
    total += fs.statSync(file).size;
  }
  const compact = total > 0 && live < total / 2;

  let fd: number | undefined;
  let pack = '';
  let size = 0;
  const append = (buffer: Buffer): [number, number] => {
    if (fd === undefined) {
      pack = path.join(dir, `${Date.now().toString(36)}-${process.pid}.pack`);
      fd = fs.openSync(pack, 'a');
    }
    fs.writeSync(fd, buffer);
    const range: [number, number] = [size, buffer.length];
    size += buffer.length;
    return range;
  };
  const write = (html: string, source: string): BodyRecord => {
    const htmlRange = append(Buffer.from(html));
    const sourceRange = append(Buffer.from(source));
    return { pack, html: htmlRange, source: sourceRange };
  };
  return {
    write,
    has(entry) {
      const record = bodyRecordOf(entry);
      return record === undefined || fs.existsSync(record.pack);
    },
    keep(entry) {
      const record = bodyRecordOf(entry);
      if (record === undefined || !compact) return record;
      return write(readRange(record.pack, record.html), readRange(record.pack, record.source));
    },
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}

/** Bytes `[offset, length]` of a pack, as text. */
function readRange(pack: string, [offset, length]: [number, number]): string {
  const fd = fs.openSync(pack, 'r');
  try {
    const buffer = Buffer.allocUnsafe(length);
    fs.readSync(fd, buffer, 0, length, offset);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
