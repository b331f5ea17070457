/**
 * The web-server policy for the published site, written once and rendered for nginx, Apache
 * (`.htaccess` plus a vhost snippet) and IIS (`web.config`):
 *
 * - MIME types for Pagefind's files: its WebAssembly ships gzip-compressed as `wasm.<lang>.pagefind`
 *   and its index as `.pf_meta/.pf_index/.pf_fragment/.pf_filter`; pagefind.js fetches and unpacks
 *   them itself, so they are `application/octet-stream` and must NOT be compressed again. A plain
 *   `.wasm` file, should one appear, is `application/wasm`.
 * - Caching: files whose names carry a content hash (`_astro/`, Pagefind's index, fragment and filter
 *   chunks and `.pf_meta`) are cached for a year; everything else — HTML, `pagefind-entry.json`,
 *   `pagefind.js`, the worker and the WebAssembly, which keep their names across releases — is
 *   revalidated on every use (`no-cache`), so a new release shows at once.
 * - Compression of text types.
 * - Security headers, with a Content-Security-Policy the site passes: no inline scripts or styles,
 *   nothing from other hosts; Pagefind needs `'wasm-unsafe-eval'` and a same-origin worker.
 */

import { printable } from './fs-errors.ts';
import { normaliseBase, resolveInstallDir, SiteConfigError } from './site-config.ts';

/** The Content-Security-Policy every response carries. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Pagefind compiles its WebAssembly search engine: that needs 'wasm-unsafe-eval', not 'unsafe-eval'.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // pagefind.js starts its search worker from <bundle>/pagefind-worker.js on the same origin.
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Headers sent with every response, including errors. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // Intranet addresses stay inside: other hosts get no Referer at all (links also say noreferrer).
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'SAMEORIGIN',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Cache-Control for files with a content hash in their name. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control for everything else: keep, but ask the server before each use (cheap 304s). */
export const CACHE_REVALIDATE = 'no-cache';

/**
 * Paths (relative to the base) whose names change whenever their content does. The one regular
 * expression used by nginx and Apache (PCRE) and by {@link cacheControlFor}.
 */
export const IMMUTABLE_PATH_PATTERN = String.raw`(?:_astro/|pagefind/(?:index|fragment|filter)/|pagefind/[^/]+\.pf_meta$)`;
const immutablePath = new RegExp(`^${IMMUTABLE_PATH_PATTERN}`);

/** Extensions served as opaque bytes: Pagefind compresses these itself. */
export const PAGEFIND_BINARY_EXTENSIONS = [
  'pagefind',
  'pf_meta',
  'pf_index',
  'pf_fragment',
  'pf_filter',
] as const;

/** MIME types the configurations declare, by extension (servers' defaults lack or differ on these). */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  wasm: 'application/wasm',
  ...Object.fromEntries(PAGEFIND_BINARY_EXTENSIONS.map((ext) => [ext, 'application/octet-stream'])),
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  woff2: 'font/woff2',
  woff: 'font/woff',
  svg: 'image/svg+xml',
  xml: 'application/xml',
  txt: 'text/plain',
};

/** Types worth compressing. Pagefind's own files are already gzip and excluded on purpose. */
export const COMPRESSIBLE_TYPES = [
  'text/html',
  'text/css',
  'text/javascript',
  'application/javascript',
  'application/json',
  'application/xml',
  'application/rss+xml',
  'text/xml',
  'image/svg+xml',
  'text/plain',
  'application/wasm',
] as const;

/** Cache-Control for a path relative to the base (`_astro/x.css`, `van-ban/`). */
export function cacheControlFor(relativePath: string): string {
  return immutablePath.test(relativePath.replace(/^\/+/, '')) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}

/** What the renderers need. */
export interface ServerConfigOptions {
  /** Base path, `/so-tay/` or `/`. */
  base: string;
  /** Install folder on the server (`npm run deploy -- --to`); the site is `<installDir>/current/site`. */
  installDir: string;
  /** Release id, written into the header comment. */
  releaseId: string;
}

/** Folder of the served files inside a release: `site/` plus the base path, so URL = file path. */
export function siteFolder(base: string): string {
  return `site${base}`.replace(/\/+$/, '');
}

/**
 * The options, once checked: every value is written unquoted or quoted into nginx, Apache and XML
 * syntax, so only what site-config.ts accepts gets through, even from a caller that skipped it.
 */
function checked(options: ServerConfigOptions): ServerConfigOptions {
  if (normaliseBase(options.base) !== options.base) {
    throw new SiteConfigError(`BASE_PATH="${printable(options.base)}" chưa chuẩn hóa, ví dụ /so-tay/.`);
  }
  if (resolveInstallDir({ INSTALL_DIR: options.installDir }) !== options.installDir) {
    throw new SiteConfigError(
      `INSTALL_DIR="${printable(options.installDir)}" chưa chuẩn hóa, ví dụ /srv/so-tay.`,
    );
  }
  if (!/^[0-9A-Za-z.+-]+$/.test(options.releaseId)) {
    throw new SiteConfigError(`Mã bản phát hành "${printable(options.releaseId)}" không hợp lệ.`);
  }
  return options;
}

function regexEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function nginxHeaders(indent: string, cacheControl: string): string {
  const lines = [`add_header Cache-Control "${cacheControl}" always;`];
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    lines.push(`add_header ${name} "${value}" always;`);
  return lines.map((l) => indent + l).join('\n');
}

/**
 * nginx: a snippet for inside a `server { }` block. `root` (not `alias`) points at `site/`, which
 * holds the base path as real folders, so nested locations need no path arithmetic.
 */
export function renderNginxConfig(options: ServerConfigOptions): string {
  const { base, installDir, releaseId } = checked(options);
  const root = `${installDir}/current/site`;
  const b = regexEscape(base);
  const redirect =
    base === '/'
      ? ''
      : `# ${base.slice(0, -1)} without the slash: send readers to the site.
location = ${base.slice(0, -1)} {
    absolute_redirect off;
${nginxHeaders('    ', CACHE_REVALIDATE)}
    return 301 ${base};
}

`;
  return `# Sổ tay — nginx configuration for the site under ${base}
# Generated by \`npm run package\` (release ${releaseId}). Include it inside a server { } block:
#
#     server {
#         listen 80;
#         server_name intranet.example.vn;
#         include ${installDir}/current/server/nginx.conf;
#     }
#
# then \`nginx -t && systemctl reload nginx\`. \`npm run deploy -- --to ${installDir}\` switches
# releases by renaming the \`current\` link; nginx follows it on the next request, no reload needed.

${redirect}# ^~: once this prefix matches, nginx looks at no regular-expression location of the server block
# (an administrator's \`location ~* \\.(js|svg)$\` would otherwise take the site's scripts and icons).
location ^~ ${base} {
    root ${root};
    index index.html;
    try_files $uri $uri/ =404;
    error_page 404 ${base}404.html;
    # Redirects (/so-tay/van-ban -> /so-tay/van-ban/) keep the host and port the reader used.
    absolute_redirect off;
    # Cached file handles would keep serving the previous release after \`current\` is switched.
    open_file_cache off;
    server_tokens off;
    charset utf-8;
    charset_types text/css text/plain text/xml text/javascript application/javascript application/json application/xml application/rss+xml image/svg+xml;
    # Pagefind's index files have no registered type: opaque bytes, already gzip-compressed.
    default_type application/octet-stream;

    gzip on;
    gzip_vary on;
    gzip_comp_level 5;
    gzip_min_length 256;
    gzip_types ${COMPRESSIBLE_TYPES.filter((t) => t !== 'text/html').join(' ')};

    # nginx drops inherited add_header lines in any block that has its own, so each block repeats them.
${nginxHeaders('    ', CACHE_REVALIDATE)}

    # Hidden files and other servers' configuration (.htaccess, web.config) are not served.
    location ~ ^${b}(?:.*/)?(?:\\.|web\\.config$) {
        return 404;
    }

    # Names with a content hash: cache for a year.
    location ~ ^${b}${IMMUTABLE_PATH_PATTERN} {
${nginxHeaders('        ', CACHE_IMMUTABLE)}
    }

    location ~ \\.wasm$ {
        types { application/wasm wasm; }
${nginxHeaders('        ', CACHE_REVALIDATE)}
    }
}
`;
}

/**
 * Apache refuses to start (and an `.htaccess` answers 500) without these modules, naming the
 * module and the command that enables it. Without mod_headers the site would otherwise be served
 * with no Content-Security-Policy and no error at all: Debian does not enable it by default.
 * The message is Vietnamese without diacritics: Apache prints non-ASCII bytes as `\xe1\xbb…`.
 */
function apacheRequiredModules(): string {
  const required = [
    ['headers', 'Content-Security-Policy va cac header bao ve'],
    ['mime', 'kieu MIME cho cac tep tim kiem cua Pagefind'],
  ] as const;
  return required
    .map(
      ([name, why]) => `<IfModule !mod_${name}.c>
    Error "So tay: chua bat mod_${name} (can cho ${why}). Chay: a2enmod ${name} && apachectl configtest && systemctl reload apache2"
</IfModule>`,
    )
    .join('\n');
}

/**
 * Apache: the `.htaccess` placed in the site folder. It holds only `FileInfo` directives (types,
 * headers, error page, compression), which is all server/apache.conf lets it override. Nothing sits
 * inside `<IfModule mod_headers.c>`: a server without the module fails closed, never open.
 */
export function renderHtaccess(options: ServerConfigOptions): string {
  const { base, releaseId } = checked(options);
  const headers = Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `Header always set ${name} "${value}"`)
    .join('\n');
  const types = Object.entries(MIME_TYPES)
    .map(([ext, type]) => `AddType ${type} .${ext}`)
    .join('\n');
  return `# Sổ tay — Apache rules for the site under ${base}
# Generated by \`npm run package\` (release ${releaseId}). server/apache.conf maps the site here and
# allows these rules (AllowOverride FileInfo); include it too. Needs mod_headers and mod_mime.

${apacheRequiredModules()}

ErrorDocument 404 ${base}404.html

${types}
AddCharset utf-8 .html .css .js .json .xml .txt .svg

${headers}
Header set Cache-Control "${CACHE_REVALIDATE}"
# Names with a content hash: cache for a year.
<If "%{REQUEST_URI} =~ m#^${base}${IMMUTABLE_PATH_PATTERN}#">
  Header set Cache-Control "${CACHE_IMMUTABLE}"
</If>

# Compression is an optimisation, not a safeguard: without mod_deflate the site still works.
<IfModule mod_deflate.c>
  # Pagefind's files are application/octet-stream and already compressed: not listed on purpose.
  AddOutputFilterByType DEFLATE ${COMPRESSIBLE_TYPES.join(' ')}
  # mod_deflate sends ETag "x-gzip" but never matches it again, so HTML (no-cache) would be sent whole
  # on every visit: ask about "x" as well, and the browser gets its cheap 304. A file changed in the
  # current second (just deployed) gets a weak W/"x-gzip": the W/ is kept on both.
  RequestHeader edit "If-None-Match" '^(W/)?"((.*)-gzip)"$' '$1"$2", $1"$3"'
</IfModule>
`;
}

/**
 * Apache: the lines for inside `<VirtualHost>` (by `Include`) that map the base path to the
 * installed site. Overrides are allowed in the site folder only, and only `FileInfo` (what the
 * `.htaccess` uses); the rest of the install folder is denied and only its `current` link followed.
 */
export function renderApacheConfig(options: ServerConfigOptions): string {
  const { base, installDir, releaseId } = checked(options);
  const folder = `${installDir}/current/${siteFolder(base)}`;
  const mapping =
    base === '/'
      ? `DocumentRoot "${folder}"`
      : // Without trailing slashes: /so-tay is then mapped to the folder too, and mod_dir redirects it
        // to /so-tay/ with the site's headers (a RedirectMatch here would send none).
        `Alias ${base.slice(0, -1)} "${folder}"`;
  return `# Sổ tay — Apache virtual host lines for the site under ${base}
# Generated by \`npm run package\` (release ${releaseId}). Include it inside a <VirtualHost>:
#
#     <VirtualHost *:80>
#         ServerName intranet.example.vn
#         Include ${installDir}/current/server/apache.conf
#     </VirtualHost>
#
# then \`a2enmod headers deflate && apachectl configtest && systemctl reload apache2\`.
# \`npm run deploy -- --to ${installDir}\` switches releases by renaming the \`current\` link;
# Apache follows it on the next request. The site's own rules are in ${folder}/.htaccess.

# Fail closed: without these modules Apache refuses to start and says which one to enable.
${apacheRequiredModules()}

${mapping}

<Directory "${installDir}">
    # \`current\` is a symbolic link switched by \`npm run deploy\`; nothing else here is served.
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>

<Directory "${folder}">
    # No directory listings, no content negotiation, no server-side includes or CGI.
    Options FollowSymLinks
    DirectoryIndex index.html
    # The release's .htaccess sets types, headers, caching and the 404 page: FileInfo, nothing more.
    AllowOverride FileInfo
    Require all granted
    # Hidden files and other servers' configuration (.htaccess, web.config) are not served.
    <FilesMatch "^(?:\\.|web\\.config$)">
        Require all denied
    </FilesMatch>
</Directory>
`;
}

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * IIS: the `web.config` placed in the site folder (the virtual directory's root). IIS has no
 * regular-expression locations, so the hashed `.pf_meta` files at the root of `pagefind/` are
 * revalidated rather than cached for a year: a few kilobytes, no harm.
 */
export function renderWebConfig(options: ServerConfigOptions): string {
  const { base, releaseId } = checked(options);
  const mimes = Object.entries(MIME_TYPES)
    .map(
      ([ext, type]) =>
        `      <remove fileExtension=".${ext}" />\n      <mimeMap fileExtension=".${ext}" mimeType="${type}" />`,
    )
    .join('\n');
  const headers = Object.entries(SECURITY_HEADERS)
    .map(
      ([name, value]) =>
        `        <remove name="${name}" />\n        <add name="${name}" value="${xmlAttr(value)}" />`,
    )
    .join('\n');
  const longCache = ['_astro', 'pagefind/index', 'pagefind/fragment', 'pagefind/filter']
    .map(
      (p) => `  <location path="${p}">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" cacheControlCustom="public, immutable" />
      </staticContent>
    </system.webServer>
  </location>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<!--
  Sổ tay — IIS configuration for the site under ${base}
  Generated by npm run package (release ${releaseId}). Serve this folder as the application or
  virtual directory ${base}; needs the Static Content Compression feature for compression.
-->
<configuration>
  <system.webServer>
    <defaultDocument enabled="true">
      <files>
        <clear />
        <add value="index.html" />
      </files>
    </defaultDocument>
    <directoryBrowse enabled="false" />
    <staticContent>
      <!-- Pagefind's files are unknown to IIS (it answers 404.3 without these). -->
${mimes}
      <clientCache cacheControlMode="DisableCache" />
    </staticContent>
    <urlCompression doStaticCompression="true" doDynamicCompression="false" />
    <httpProtocol>
      <customHeaders>
        <remove name="X-Powered-By" />
${headers}
      </customHeaders>
    </httpProtocol>
    <httpErrors errorMode="Custom" existingResponse="Replace">
      <remove statusCode="404" subStatusCode="-1" />
      <error statusCode="404" path="${base}404.html" responseMode="ExecuteURL" />
    </httpErrors>
  </system.webServer>
${longCache}
</configuration>
`;
}
