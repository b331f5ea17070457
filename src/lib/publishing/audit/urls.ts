/**
 * Check: every URL a page holds leads where the site may go. Read the way a browser reads it
 * (browser-url.ts), each URL must
 *
 * - use a scheme the site uses: http(s) everywhere, `mailto:`/`tel:` for links, `data:` for images
 *   only (`javascript:` in any spelling, `vbscript:`, `file:`, … are refused);
 * - stay under the base path when it is on the site's own host (a root-absolute `/van-ban/` breaks
 *   under `/so-tay/`);
 * - not load anything from another host (a script, style, image, frame, form target, `ping`, a
 *   refresh `<meta>` or `<base>`): the intranet has no way out, and a reader's browser should not try.
 *
 * Links to other hosts are allowed here; external-links.ts wants them marked.
 */
import { metaRefreshUrl, parseBrowserUrl, srcsetUrls } from './browser-url.ts';
import type { AuditContext, HtmlCheck, HtmlTag } from './page.ts';

/**
 * What following a URL does: `navigation` (the reader clicks it), `resource` (the browser fetches or
 * sends to it by itself), `image` (a resource that may also be a `data:` URL).
 */
export type UrlKind = 'navigation' | 'resource' | 'image';

const SCHEMES: Record<UrlKind, ReadonlySet<string>> = {
  navigation: new Set(['http', 'https', 'mailto', 'tel']),
  resource: new Set(['http', 'https']),
  image: new Set(['http', 'https', 'data']),
};

/** `"value"` with control characters made visible, cut short. */
function shown(raw: string): string {
  const s = JSON.stringify(raw.length > 80 ? `${raw.slice(0, 77)}…` : raw);
  return s;
}

/**
 * Judges one URL found in the site. Returns a message, or null when it may stay. Links to other hosts
 * are fine here (see {@link externalLinkProblem}).
 */
export function urlProblem(
  raw: string,
  kind: UrlKind,
  ctx: AuditContext,
  site = new URL(ctx.site),
): string | null {
  const u = parseBrowserUrl(raw, site);
  if (u.form === 'same-document' || u.form === 'path-relative') {
    return u.url === null ? `${shown(raw)}: URL không hợp lệ.` : null;
  }
  if (u.scheme === 'javascript') {
    return `${shown(raw)}: URL javascript: bị Content-Security-Policy chặn; dùng <script> riêng của Astro.`;
  }
  if (u.scheme === 'data' && kind !== 'image') {
    return `${shown(raw.slice(0, 40))}: URL data: chỉ dùng được cho ảnh; liên kết hay tài nguyên data: không dùng được.`;
  }
  if (u.form === 'absolute' && !SCHEMES[kind].has(u.scheme)) {
    return `${shown(raw)}: giao thức ${u.scheme}: không được dùng ở đây (chỉ ${[...SCHEMES[kind]].join(', ')}).`;
  }
  if (u.url === null) return `${shown(raw)}: URL không hợp lệ.`;
  if (u.scheme !== 'http' && u.scheme !== 'https' && u.form === 'absolute') return null; // mailto:, tel:, data:
  if (u.url.origin === site.origin) {
    if (u.url.pathname.startsWith(ctx.base)) return null;
    return u.form === 'root'
      ? `${shown(raw)}: đường dẫn tuyệt đối bỏ qua đường dẫn gốc ${ctx.base}; hãy tạo URL bằng src/lib/content/urls.ts.`
      : `${shown(raw)}: cùng máy chủ nhưng nằm ngoài đường dẫn gốc ${ctx.base}; dùng src/lib/content/urls.ts.`;
  }
  if (kind !== 'navigation') {
    return `${shown(raw)}: tải tài nguyên từ máy chủ khác (${u.url.host}); mạng nội bộ không ra được Internet — hãy đưa tệp vào trang (npm, public/).`;
  }
  return null;
}

/** `<link rel>` values whose href the browser fetches by itself, and which of them are images. */
const FETCHED_LINK_RELS = new Set([
  'stylesheet',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
]);
const IMAGE_LINK_RELS = new Set(['icon', 'shortcut', 'apple-touch-icon', 'mask-icon']);

/** Attributes holding one URL, per element. */
const URL_ATTRIBUTES: Record<string, Record<string, UrlKind>> = {
  a: { href: 'navigation', 'xlink:href': 'navigation' },
  area: { href: 'navigation' },
  form: { action: 'resource' },
  button: { formaction: 'resource' },
  input: { src: 'image', formaction: 'resource' },
  script: { src: 'resource' },
  img: { src: 'image' },
  source: { src: 'resource' },
  video: { src: 'resource', poster: 'image' },
  audio: { src: 'resource' },
  track: { src: 'resource' },
  iframe: { src: 'resource' },
  frame: { src: 'resource' },
  embed: { src: 'resource' },
  object: { data: 'resource' },
  base: { href: 'resource' },
  html: { manifest: 'resource' },
  image: { href: 'image', 'xlink:href': 'image' },
  feimage: { href: 'image', 'xlink:href': 'image' },
};
/** Attributes holding a URL on any element: SVG's `href`s (`<use>`, `<script>`…) and the old `background`. */
const ANY_ELEMENT_URL_ATTRIBUTES: Record<string, UrlKind> = {
  href: 'resource',
  'xlink:href': 'resource',
  background: 'image',
};
/** SVG animation elements can set an `href` to a value of their own. */
const SVG_ANIMATIONS = new Set(['animate', 'set', 'animatemotion', 'animatetransform']);

/** Every URL a tag holds, with its kind and the attribute it is in. */
export function urlsOfTag(tag: HtmlTag): { attr: string; url: string; kind: UrlKind }[] {
  const { name, attribs } = tag;
  const out: { attr: string; url: string; kind: UrlKind }[] = [];
  const own = URL_ATTRIBUTES[name] ?? {};
  for (const [attr, value] of Object.entries(attribs)) {
    const kind = own[attr] ?? (name === 'link' ? undefined : ANY_ELEMENT_URL_ATTRIBUTES[attr]);
    if (kind !== undefined) out.push({ attr, url: value, kind });
  }
  if (attribs.srcset !== undefined) {
    for (const url of srcsetUrls(attribs.srcset)) out.push({ attr: 'srcset', url, kind: 'image' });
  }
  if (attribs.imagesrcset !== undefined) {
    for (const url of srcsetUrls(attribs.imagesrcset)) out.push({ attr: 'imagesrcset', url, kind: 'image' });
  }
  if ((name === 'a' || name === 'area') && attribs.ping !== undefined) {
    for (const url of attribs.ping.split(/[\t\n\f\r ]+/).filter(Boolean))
      out.push({ attr: 'ping', url, kind: 'resource' });
  }
  if (name === 'link' && attribs.href !== undefined) {
    const rels = (attribs.rel ?? '').toLowerCase().split(/\s+/);
    const kind: UrlKind = rels.some((r) => IMAGE_LINK_RELS.has(r))
      ? 'image'
      : rels.some((r) => FETCHED_LINK_RELS.has(r))
        ? 'resource'
        : 'navigation'; // canonical, alternate, sitemap: absolute by design, only the scheme and base matter
    out.push({ attr: 'href', url: attribs.href, kind });
  }
  if (name === 'meta' && (attribs['http-equiv'] ?? '').trim().toLowerCase() === 'refresh') {
    const url = metaRefreshUrl(attribs.content ?? '');
    if (url !== null) out.push({ attr: 'http-equiv="refresh"', url, kind: 'resource' });
  }
  if (SVG_ANIMATIONS.has(name) && /^(?:xlink:)?href$/i.test((attribs.attributename ?? '').trim())) {
    for (const attr of ['to', 'from', 'by', 'values']) {
      for (const url of (attribs[attr] ?? '').split(';').filter((v) => v.trim() !== '')) {
        out.push({ attr, url, kind: 'resource' });
      }
    }
  }
  return out;
}

/** The check. */
export const checkUrls: HtmlCheck = ({ page, ctx, site, report }) => {
  for (const tag of page.tags) {
    for (const { attr, url, kind } of urlsOfTag(tag)) {
      const message = urlProblem(url, kind, ctx, site);
      if (message === null) continue;
      const where = tag.name === 'link' ? `<link rel="${tag.attribs.rel ?? ''}">` : `<${tag.name} ${attr}>`;
      report(tag.start, `${where}: ${message}`);
    }
  }
};
