/**
 * Where the site will be served. Read at build time so one checkout can be built for any server
 * without editing source files. Each setting is taken from the first of:
 *
 * 1. the environment: `SITE_URL`, `BASE_PATH` (and `INSTALL_DIR` for the packaged server configs);
 * 2. the optional file `so-tay.config.json` in the project folder:
 *    `{ "siteUrl": "http://intranet.tu.vn", "basePath": "/so-tay/", "installDir": "/srv/so-tay" }`;
 * 3. the defaults: `http://localhost:4321`, `/`, `/srv/so-tay`.
 *
 * - `SITE_URL`: the origin (and optionally path) readers use, e.g. `http://intranet.tu.vn`. Used for
 *   absolute URLs in the sitemap, robots.txt, canonical links and the RSS feed.
 * - `BASE_PATH`: the sub-path the site is served from, e.g. `/so-tay/`.
 * - `INSTALL_DIR`: the folder `npm run deploy -- --to` installs into on the server; the generated
 *   nginx configuration serves `<INSTALL_DIR>/current/site`.
 * - `SIGNING_KEY` (optional, no default): an OpenSSH private key; `npm run package` then signs the
 *   package (signing-fs.ts).
 */
import path from 'node:path';
import { printable } from './fs-errors.ts';

/** The resolved site location. */
export interface SiteLocation {
  /** Absolute origin + path prefix, with trailing slash: `http://intranet.tu.vn/so-tay/`. */
  site: string;
  /** Path prefix with leading and trailing slash: `/so-tay/`, or `/`. */
  base: string;
}

/** Defaults an administrator may keep in `so-tay.config.json` instead of the environment. */
export interface PublishConfig {
  /** Default for `SITE_URL`. */
  siteUrl?: string;
  /** Default for `BASE_PATH`. */
  basePath?: string;
  /** Default for `INSTALL_DIR`: an absolute folder on the server. */
  installDir?: string;
  /** Default for `SIGNING_KEY`: the private key that signs packages. */
  signingKey?: string;
}

/** Name of the optional config file, looked up in the project folder (the working directory). */
export const PUBLISH_CONFIG_FILE = 'so-tay.config.json';

/** Built-in defaults, used when neither the environment nor the config file says otherwise. */
export const DEFAULTS = {
  siteUrl: 'http://localhost:4321',
  basePath: '/',
  installDir: '/srv/so-tay',
} as const;

/** A value of each setting, for messages. */
const EXAMPLES = { ...DEFAULTS, signingKey: '/root/.ssh/so-tay-ky-goi' } as const;

/** Error for a malformed SITE_URL, BASE_PATH, INSTALL_DIR or config file, worded for an administrator. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/**
 * Characters a base path may use: URL "unreserved" characters (RFC 3986) and `/`. Anything else
 * would need escaping somewhere: quotes and `;` `{` `}` `$` break nginx syntax and variables, `&`
 * and `<` break web.config's XML, spaces and quotes break Apache's quoted paths, `%` and non-ASCII
 * letters mean the URL and the folder name differ. A whitelist, so no server's syntax is missed.
 */
const BASE_PATH_CHARACTER = /[A-Za-z0-9\-._~/]/u;

/** Normalises a base path: `so-tay`, `/so-tay`, `/so-tay/` all become `/so-tay/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  const refused = [...new Set([...trimmed].filter((c) => !BASE_PATH_CHARACTER.test(c)))];
  const parts = trimmed.split('/').filter(Boolean);
  const dotSegment = parts.some((p) => p === '.' || p === '..');
  if (refused.length > 0 || dotSegment) {
    const what =
      refused.length > 0
        ? `có ký tự không dùng được trong đường dẫn web: ${refused.map((c) => `"${printable(c)}"`).join(', ')}`
        : 'có đoạn "." hoặc ".."';
    throw new SiteConfigError(
      `BASE_PATH="${printable(trimmed)}" ${what}. Trong BASE_PATH chỉ dùng chữ cái không dấu, chữ số và - _ . ~ giữa các dấu /, ví dụ /so-tay/ hoặc /tai-lieu/so-tay/.`,
    );
  }
  return `/${parts.join('/')}/`;
}

/**
 * Checks the text of `so-tay.config.json` (`file` names it in messages). Throws
 * {@link SiteConfigError} naming the file and the field.
 */
export function parsePublishConfig(text: string, file: string): PublishConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new SiteConfigError(`${file}: không phải JSON hợp lệ — ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SiteConfigError(`${file}: tệp phải là một đối tượng JSON, ví dụ { "basePath": "/so-tay/" }.`);
  }
  const known = ['siteUrl', 'basePath', 'installDir', 'signingKey'] as const;
  const config: PublishConfig = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(known as readonly string[]).includes(key)) {
      throw new SiteConfigError(`${file}: khóa "${key}" không được hỗ trợ; chỉ dùng ${known.join(', ')}.`);
    }
    if (typeof value !== 'string') {
      throw new SiteConfigError(
        `${file}: "${key}" phải là một chuỗi, ví dụ "${EXAMPLES[key as (typeof known)[number]]}".`,
      );
    }
    config[key as (typeof known)[number]] = value;
  }
  return config;
}

/**
 * Resolves the site location: the environment (defaults to `process.env`) first, then the config
 * file's values, then {@link DEFAULTS}.
 */
export function resolveSiteLocation(
  env: NodeJS.ProcessEnv = process.env,
  config: PublishConfig = {},
): SiteLocation {
  const base = normaliseBase(env.BASE_PATH ?? config.basePath ?? DEFAULTS.basePath);
  const raw = (env.SITE_URL ?? config.siteUrl ?? DEFAULTS.siteUrl).trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch (err) {
    throw new SiteConfigError(
      `SITE_URL="${printable(raw)}" không phải URL đầy đủ. Ví dụ: SITE_URL=http://intranet.example.vn`,
      { cause: err },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SiteConfigError(`SITE_URL="${printable(raw)}" phải bắt đầu bằng http:// hoặc https://.`);
  }
  return { site: new URL(base, url.origin).href, base };
}

/**
 * Resolves the install folder written into the generated server configurations: `INSTALL_DIR`,
 * then the config file, then `/srv/so-tay`. Must be absolute (a web server has no working folder).
 */
export function resolveInstallDir(env: NodeJS.ProcessEnv = process.env, config: PublishConfig = {}): string {
  const raw = (env.INSTALL_DIR ?? config.installDir ?? DEFAULTS.installDir).trim();
  // Windows paths (C:\inetpub\so-tay) are accepted too: IIS administrators may package for their server.
  if (!path.posix.isAbsolute(raw) && !path.win32.isAbsolute(raw)) {
    throw new SiteConfigError(
      `INSTALL_DIR="${printable(raw)}" phải là đường dẫn tuyệt đối, ví dụ /srv/so-tay.`,
    );
  }
  // The folder is written into nginx, Apache and IIS configurations: the same whitelist as BASE_PATH,
  // plus `:` and `\` for Windows paths.
  if (/[^A-Za-z0-9\-._~/\\:]/u.test(raw)) {
    throw new SiteConfigError(
      `INSTALL_DIR="${printable(raw)}" có khoảng trắng hoặc ký tự đặc biệt; chỉ dùng chữ cái không dấu, chữ số và - _ . ~ /, ví dụ /srv/so-tay.`,
    );
  }
  return raw.length > 1 ? raw.replace(/[\\/]+$/, '') : raw;
}

/**
 * The private key that signs packages: `SIGNING_KEY`, then the config file's `signingKey`, else
 * null (packages are not signed). A relative path is taken from the working folder.
 */
export function resolveSigningKey(
  env: NodeJS.ProcessEnv = process.env,
  config: PublishConfig = {},
): string | null {
  const raw = (env.SIGNING_KEY ?? config.signingKey ?? '').trim();
  return raw === '' ? null : path.resolve(raw);
}
