/**
 * Checks of the files crawlers and feed readers take: sitemaps, the RSS feed and robots.txt must name
 * absolute URLs under the configured site, or readers and crawlers land on the wrong server or path.
 */
import { Parser } from 'htmlparser2';
import { type AuditContext, type AuditIssue, lineAt } from './page.ts';

/** Checks a sitemap, sitemap index or RSS feed: every `<loc>` and `<link>`. */
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
