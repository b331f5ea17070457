/**
 * The HTML side of the build audit: a page is read once into the tags and inline scripts the checks
 * look at, then each check (one per file beside this one, the way the Astro docs' link checker keeps
 * one check per file) reports what it finds. `runHtmlChecks` is the small runner.
 */
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

/** An opening tag: its name and attribute names in lower case, values decoded. */
export interface HtmlTag {
  name: string;
  attribs: Readonly<Record<string, string>>;
  /** Offset of the tag in the page. */
  start: number;
}

/** A `<script>` without `src`, with its text. */
export interface InlineScript {
  type: string | undefined;
  text: string;
  start: number;
}

/** A page as the checks see it. */
export interface HtmlPage {
  tags: readonly HtmlTag[];
  inlineScripts: readonly InlineScript[];
}

/** What a check is given: the page, the site, and `report` to record a problem at a tag's offset. */
export interface HtmlCheckContext {
  page: HtmlPage;
  ctx: AuditContext;
  /** The site's URL, parsed once. */
  site: URL;
  report(start: number, message: string): void;
}

/** One check of an HTML page. */
export type HtmlCheck = (c: HtmlCheckContext) => void;

/** Reads a page with htmlparser2, decoding entities as a browser does before it reads a URL. */
export function readHtmlPage(html: string): HtmlPage {
  const tags: HtmlTag[] = [];
  const inlineScripts: InlineScript[] = [];
  let script: InlineScript | null = null;
  const parser: Parser = new Parser(
    {
      onopentag(rawName, rawAttribs) {
        const name = rawName.toLowerCase();
        const attribs: Record<string, string> = {};
        for (const [k, v] of Object.entries(rawAttribs)) {
          const key = k.toLowerCase();
          if (!(key in attribs)) attribs[key] = v; // the first of two equal attributes wins, as in browsers
        }
        tags.push({ name, attribs, start: parser.startIndex });
        if (name === 'script' && attribs.src === undefined) {
          script = { type: attribs.type, text: '', start: parser.startIndex };
        }
      },
      ontext(text) {
        if (script) script.text += text;
      },
      onclosetag(name) {
        if (name.toLowerCase() !== 'script' || !script) return;
        inlineScripts.push(script);
        script = null;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { tags, inlineScripts };
}

/** 1-based line of `index` in `text`; counted only for a reported problem (counting per tag was quadratic). */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Runs `checks` over one page and returns their problems in the order of the page. */
export function runHtmlChecks(
  html: string,
  ctx: AuditContext,
  file: string,
  checks: readonly HtmlCheck[],
): AuditIssue[] {
  const page = readHtmlPage(html);
  const site = new URL(ctx.site);
  const found: { start: number; order: number; message: string }[] = [];
  for (const check of checks) {
    check({
      page,
      ctx,
      site,
      report: (start, message) => found.push({ start, order: found.length, message }),
    });
  }
  return found
    .sort((a, b) => a.start - b.start || a.order - b.order)
    .map(({ start, message }) => ({ file, line: lineAt(html, start), message }));
}
