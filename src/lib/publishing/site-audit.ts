/**
 * Checks a built site for the mistakes that only show once it is served from a sub-path of an
 * intranet server behind a strict Content-Security-Policy:
 *
 * - a root-absolute URL (`/van-ban/…`) that ignores the base path (`/so-tay/`): a broken link;
 * - a script, style, font, image or frame loaded from another host: a request leaving the intranet;
 * - a link to another host not marked `rel="external noopener noreferrer"`;
 * - inline code the CSP forbids: `<script>` bodies, `on…=` handlers, `javascript:` URLs, `<style>`
 *   elements and `style=` attributes;
 * - sitemap, RSS and robots.txt URLs that are not absolute URLs under the configured site.
 *
 * `auditHtml`, `auditCss`, `auditXml` are pure; `auditBuiltSite` (site-audit-fs.ts) walks an output folder.
 */
import * as csstree from 'css-tree';
import { Parser } from 'htmlparser2';

/** Where the site is served: `site` is the absolute URL with the base, `base` the path prefix. */
export interface AuditContext {
  /** `http://intranet.tu.vn/so-tay/` */
  site: string;
  /** `/so-tay/` */
  base: string;
}

/** One problem, located so a developer can find it. */
export interface AuditIssue {
  /** File, relative to the audited folder (empty for a string audit). */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** What is wrong and what to do, in Vietnamese. */
  message: string;
}

type Kind = 'navigation' | 'resource';

/** Attributes holding a URL, per element, and whether following it loads a resource. */
const URL_ATTRIBUTES: Record<string, Record<string, Kind>> = {
  a: { href: 'navigation' },
  area: { href: 'navigation' },
  form: { action: 'resource' },
  button: { formaction: 'resource' },
  script: { src: 'resource' },
  img: { src: 'resource', srcset: 'resource' },
  source: { src: 'resource', srcset: 'resource' },
  video: { src: 'resource', poster: 'resource' },
  audio: { src: 'resource' },
  track: { src: 'resource' },
  iframe: { src: 'resource' },
  embed: { src: 'resource' },
  object: { data: 'resource' },
  input: { src: 'resource', formaction: 'resource' },
  use: { href: 'resource', 'xlink:href': 'resource' },
  image: { href: 'resource', 'xlink:href': 'resource' },
};

/** `<link rel=…>` values whose href the browser fetches by itself. */
const FETCHED_LINK_RELS = new Set([
  'stylesheet',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
]);

/** Script types the browser executes; others (JSON data, templates) are inert and allowed inline. */
function isExecutableScriptType(type: string | undefined): boolean {
  const t = (type ?? '').trim().toLowerCase();
  return t === '' || t === 'module' || t === 'text/javascript' || t === 'application/javascript';
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The URLs of a `srcset`: each candidate is a URL followed by an optional descriptor. */
function srcsetUrls(value: string): string[] {
  return value
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/**
 * Judges one URL found in the site. Returns a message, or null when the URL is fine.
 * `rel` is the link's rel tokens for navigation links to other hosts.
 */
export function checkUrl(raw: string, kind: Kind, ctx: AuditContext, rel: string[] = []): string | null {
  const url = raw.trim();
  if (url === '' || url.startsWith('#') || url.startsWith('?')) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'javascript') {
    return `"${url}": URL javascript: bị Content-Security-Policy chặn; dùng <script> riêng của Astro.`;
  }
  if (scheme === 'mailto' || scheme === 'tel') return null;
  if (scheme === 'data') {
    return kind === 'resource' ? null : `"${url.slice(0, 40)}…": liên kết data: không dùng được.`;
  }
  const site = new URL(ctx.site);
  if (scheme !== undefined || url.startsWith('//')) {
    let target: URL;
    try {
      target = new URL(url, site);
    } catch {
      return `"${url}": URL không hợp lệ.`;
    }
    if (target.origin === site.origin) {
      return target.pathname.startsWith(ctx.base)
        ? null
        : `"${url}": cùng máy chủ nhưng nằm ngoài đường dẫn gốc ${ctx.base}; dùng src/lib/content/urls.ts.`;
    }
    if (kind === 'resource') {
      return `"${url}": tải tài nguyên từ máy chủ khác (${target.host}); mạng nội bộ không ra được Internet — hãy đưa tệp vào trang (npm, public/).`;
    }
    const missing = ['external', 'noopener', 'noreferrer'].filter((t) => !rel.includes(t));
    return missing.length === 0
      ? null
      : `"${url}": liên kết ra ngoài thiếu rel="${missing.join(' ')}" (cần rel="external noopener noreferrer").`;
  }
  if (url.startsWith('/') && !url.startsWith(ctx.base)) {
    return `"${url}": đường dẫn tuyệt đối bỏ qua đường dẫn gốc ${ctx.base}; hãy tạo URL bằng src/lib/content/urls.ts.`;
  }
  return null;
}

/** Checks the URLs of a stylesheet (`url()`, `@import`). `offset` is the line of its first line. */
export function auditCss(css: string, ctx: AuditContext, file = '', firstLine = 1): AuditIssue[] {
  const issues: AuditIssue[] = [];
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(css, { positions: true, parseValue: true });
  } catch (err) {
    return [{ file, line: firstLine, message: `CSS không đọc được: ${(err as Error).message}` }];
  }
  const report = (value: string, node: csstree.CssNode) => {
    const message = checkUrl(value, 'resource', ctx);
    if (message) issues.push({ file, line: firstLine - 1 + (node.loc?.start.line ?? 1), message });
  };
  csstree.walk(ast, (node) => {
    if (node.type === 'Url') report(node.value, node);
    // `@import "x.css"` has a plain string, not url().
    if (
      node.type === 'Atrule' &&
      node.name.toLowerCase() === 'import' &&
      node.prelude?.type === 'AtrulePrelude'
    ) {
      const first = node.prelude.children.first;
      if (first?.type === 'String') report(first.value, node);
    }
  });
  return issues;
}

/** Checks one HTML page. */
export function auditHtml(html: string, ctx: AuditContext, file = ''): AuditIssue[] {
  const issues: AuditIssue[] = [];
  let inlineScript: { start: number; executable: boolean; text: string } | null = null;
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        // The line is counted only for a tag with an issue: counting it for every tag made the audit
        // quadratic in the page's length (a page with 2,000 tags took a million character steps).
        const push = (message: string) =>
          issues.push({ file, line: lineAt(html, parser.startIndex), message });
        const urlAttrs = URL_ATTRIBUTES[name] ?? {};
        const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        for (const [attr, kind] of Object.entries(urlAttrs)) {
          const value = attribs[attr];
          if (value === undefined) continue;
          const urls = attr === 'srcset' ? srcsetUrls(value) : [value];
          for (const u of urls) {
            const message = checkUrl(u, kind, ctx, rel);
            if (message) push(`<${name} ${attr}>: ${message}`);
          }
        }
        if (name === 'link' && attribs.href !== undefined) {
          const kind: Kind = rel.some((r) => FETCHED_LINK_RELS.has(r)) ? 'resource' : 'navigation';
          // canonical/alternate/sitemap links are absolute by design; they only must stay on our site.
          const message = checkUrl(attribs.href, kind, ctx, ['external', 'noopener', 'noreferrer']);
          if (message) push(`<link rel="${attribs.rel ?? ''}">: ${message}`);
        }
        if (name === 'meta' && (attribs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
          const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attribs.content ?? '')?.[1];
          const message = target
            ? checkUrl(target, 'navigation', ctx, ['external', 'noopener', 'noreferrer'])
            : null;
          if (message) push(`<meta http-equiv="refresh">: ${message}`);
        }
        for (const attr of Object.keys(attribs)) {
          if (/^on[a-z]+$/.test(attr)) {
            push(
              `<${name} ${attr}>: mã JavaScript trong thuộc tính bị Content-Security-Policy chặn; dùng addEventListener trong <script> của Astro.`,
            );
          }
        }
        if (attribs.style !== undefined && attribs.style.trim() !== '') {
          push(
            `<${name} style="…">: kiểu trong thuộc tính style bị Content-Security-Policy chặn; dùng lớp CSS (Tailwind).`,
          );
        }
        if (name === 'style') {
          push(
            '<style>: CSS nội tuyến bị Content-Security-Policy chặn; đặt CSS vào tệp (Astro build.inlineStylesheets: "never").',
          );
        }
        if (name === 'script' && attribs.src === undefined) {
          inlineScript = {
            start: parser.startIndex,
            executable: isExecutableScriptType(attribs.type),
            text: '',
          };
        }
      },
      ontext(text) {
        if (inlineScript) inlineScript.text += text;
      },
      onclosetag(name) {
        if (name !== 'script' || !inlineScript) return;
        const { start, executable, text } = inlineScript;
        inlineScript = null;
        if (executable && text.trim() !== '') {
          issues.push({
            file,
            line: lineAt(html, start),
            message:
              '<script> nội tuyến bị Content-Security-Policy chặn (không có unsafe-inline); dùng <script> do Astro đóng gói hoặc tệp trong public/.',
          });
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return issues;
}

/**
 * Checks a sitemap, sitemap index or RSS feed: every `<loc>` and `<link>` must be an absolute URL
 * under the configured site, or readers and crawlers land on the wrong server or path.
 */
export function auditXml(xml: string, ctx: AuditContext, file = ''): AuditIssue[] {
  const issues: AuditIssue[] = [];
  let current: { name: string; start: number; text: string } | null = null;
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (name === 'loc' || name === 'link') current = { name, start: parser.startIndex, text: '' };
      },
      ontext(text) {
        if (current) current.text += text;
      },
      onclosetag(name) {
        if (!current || name !== current.name) return;
        const value = current.text.trim();
        if (value !== '' && !value.startsWith(ctx.site)) {
          issues.push({
            file,
            line: lineAt(xml, current.start),
            message: `<${name}>${value}</${name}>: phải là URL đầy đủ bắt đầu bằng ${ctx.site} (đặt SITE_URL và BASE_PATH khi build).`,
          });
        }
        current = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return issues;
}

/** Checks robots.txt: its `Sitemap:` lines must point into the site. */
export function auditRobots(text: string, ctx: AuditContext, file = 'robots.txt'): AuditIssue[] {
  const issues: AuditIssue[] = [];
  text.split('\n').forEach((lineText, i) => {
    const m = /^\s*sitemap\s*:\s*(\S+)/i.exec(lineText);
    if (m?.[1] && !m[1].startsWith(ctx.site)) {
      issues.push({ file, line: i + 1, message: `Sitemap: ${m[1]} phải bắt đầu bằng ${ctx.site}.` });
    }
  });
  return issues;
}

/** Formats issues as `file:line  message` lines for a terminal. */
export function formatAuditIssues(issues: AuditIssue[]): string {
  return issues.map((i) => `${i.file}:${i.line}  ${i.message}`).join('\n');
}
