/**
 * Where the site will be served. Read at build time from the environment so one build can be made
 * for any server without editing files:
 *
 * - `SITE_URL`: the origin (and optionally path) readers use, e.g. `http://intranet.tu.vn`. Used for
 *   absolute URLs in the sitemap and RSS feed. Default `http://localhost:4321`.
 * - `BASE_PATH`: the sub-path the site is served from, e.g. `/so-tay/`. Default `/`.
 */

/** The resolved site location. */
export interface SiteLocation {
  /** Absolute origin + path prefix, with trailing slash: `http://intranet.tu.vn/so-tay/`. */
  site: string;
  /** Path prefix with leading and trailing slash: `/so-tay/`, or `/`. */
  base: string;
}

/** Error for a malformed SITE_URL or BASE_PATH, worded for an administrator. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** Normalises a base path: `so-tay`, `/so-tay`, `/so-tay/` all become `/so-tay/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  if (/[?#\s\\]/.test(trimmed) || trimmed.includes('..')) {
    throw new SiteConfigError(
      `BASE_PATH="${trimmed}" không hợp lệ: chỉ dùng đường dẫn như /so-tay/ (không có ?, #, khoảng trắng hay ..).`,
    );
  }
  const parts = trimmed.split('/').filter(Boolean);
  return `/${parts.join('/')}/`;
}

/** Resolves `SITE_URL` and `BASE_PATH` from an environment (defaults to `process.env`). */
export function resolveSiteLocation(env: NodeJS.ProcessEnv = process.env): SiteLocation {
  const base = normaliseBase(env.BASE_PATH);
  const raw = (env.SITE_URL ?? 'http://localhost:4321').trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SiteConfigError(
      `SITE_URL="${raw}" không phải URL đầy đủ. Ví dụ: SITE_URL=http://intranet.example.vn`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SiteConfigError(`SITE_URL="${raw}" phải bắt đầu bằng http:// hoặc https://.`);
  }
  return { site: new URL(base, url.origin).href, base };
}
