/**
 * The key under which a build may reuse a page it wrote before (Astro's incremental build, see
 * src/data/page-keys.ts): a digest of everything the page shows that does not come from code.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same data always gives the same text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return [...v.entries()];
    if (v instanceof Set) return [...v];
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/**
 * A short digest of `parts` (any JSON-like data: objects, arrays, Maps, Sets, strings, numbers):
 * equal parts give equal keys, in any key order; a change anywhere gives another key.
 */
export function cacheKeyOf(parts: unknown): string {
  return createHash('sha256').update(stableJson(parts)).digest('base64url').slice(0, 32);
}
