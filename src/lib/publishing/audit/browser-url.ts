/**
 * URLs read the way a browser reads them, so the audit judges the link a reader's browser follows
 * and not the text as written. The attribute value `java&#9;script:alert(1)` is `java<TAB>script:`
 * once the HTML parser decodes it, and a browser runs it as `javascript:`: the URL standard removes
 * every tab and newline and strips leading and trailing C0 controls and spaces before parsing, and
 * reads `\` as `/` in http(s) URLs (`/\evil.example/` is another host). Node's `URL` implements that
 * standard, so the resolved URL here is the browser's.
 *
 * Also the two attribute micro-syntaxes that hide URLs: `srcset` candidates and the refresh
 * `<meta>`'s `content`, each parsed by the HTML standard's algorithm (a loose split gets
 * `a.png 1x,https://cdn.example/b.png 2x` wrong: the comma needs no space after it).
 */

/** How a URL is written, which says what it can reach. */
export type UrlForm =
  /** `''`, `#id`, `?q`: this document. */
  | 'same-document'
  /** `tin/`, `../a.css`: a path under the page. */
  | 'path-relative'
  /** `/van-ban/`: a path from the host's root. */
  | 'root'
  /** `//host/path` (or `\\host`): another host, this scheme. */
  | 'scheme-relative'
  /** `https://…`, `mailto:…`, `javascript:…`. */
  | 'absolute';

/** A URL as the browser sees it. */
export interface BrowserUrl {
  /** The text after the URL standard's clean-up. */
  text: string;
  form: UrlForm;
  /** Resolved against the site's URL; null when a browser could not parse it either. */
  url: URL | null;
  /** The scheme, lower case, without `:` (`https`, `javascript`); '' for a relative URL. */
  scheme: string;
}

/**
 * What the URL standard removes before parsing: leading and trailing C0 controls and spaces
 * (U+0000–U+0020), and ASCII tab and newline (U+0009, U+000A, U+000D) anywhere.
 */
export function urlStandardText(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters the URL standard strips.
  return raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** Parses an attribute's URL as a browser on `site` would. */
export function parseBrowserUrl(raw: string, site: URL): BrowserUrl {
  const text = urlStandardText(raw);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase() ?? '';
  // In http(s) URLs a backslash is a slash, so `\\host` and `/\host` name a host too.
  const form: UrlForm =
    scheme !== ''
      ? 'absolute'
      : text === '' || text.startsWith('#') || text.startsWith('?')
        ? 'same-document'
        : /^[/\\]{2}/.test(text)
          ? 'scheme-relative'
          : /^[/\\]/.test(text)
            ? 'root'
            : 'path-relative';
  let url: URL | null;
  try {
    url = new URL(text, site);
  } catch {
    url = null;
  }
  return {
    text,
    form,
    url,
    scheme: scheme || (url !== null && form === 'scheme-relative' ? url.protocol.slice(0, -1) : ''),
  };
}

const ASCII_WHITESPACE = /[\t\n\f\r ]/;

/**
 * The URLs of a `srcset` (or `imagesrcset`), by the HTML standard's "parse a srcset attribute": a
 * candidate is a run of non-whitespace (trailing commas dropped), then descriptors up to a comma that
 * is not inside parentheses.
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const n = value.length;
  while (true) {
    while (i < n && (ASCII_WHITESPACE.test(value[i] as string) || value[i] === ',')) i++;
    if (i >= n) return urls;
    const start = i;
    while (i < n && !ASCII_WHITESPACE.test(value[i] as string)) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
      if (url !== '') urls.push(url);
      continue;
    }
    if (url !== '') urls.push(url);
    // Skip the descriptors: up to a comma outside parentheses, or the end.
    let inParens = false;
    for (; i < n; i++) {
      const c = value[i];
      if (inParens) {
        if (c === ')') inParens = false;
      } else if (c === '(') inParens = true;
      else if (c === ',') {
        i++;
        break;
      }
    }
  }
}

/**
 * The URL a refresh `<meta>` sends the reader to, by the HTML standard's "shared declarative refresh
 * steps" (`5; url='…'`, `0;https://…`, `1, URL=…`). Null when there is none: a plain reload, or a
 * `content` the browser ignores.
 */
export function metaRefreshUrl(content: string): string | null {
  const s = content;
  let i = 0;
  const skipWhitespace = () => {
    while (i < s.length && ASCII_WHITESPACE.test(s[i] as string)) i++;
  };
  skipWhitespace();
  const timeStart = i;
  while (i < s.length && /[0-9]/.test(s[i] as string)) i++;
  if (i === timeStart && s[i] !== '.') return null;
  while (i < s.length && /[0-9.]/.test(s[i] as string)) i++;
  if (i < s.length) {
    if (!(s[i] === ';' || s[i] === ',' || ASCII_WHITESPACE.test(s[i] as string))) return null;
    skipWhitespace();
    if (s[i] === ';' || s[i] === ',') i++;
    skipWhitespace();
  }
  if (i >= s.length) return null;
  let urlString = s.slice(i);
  const parse = () => (urlString === '' ? null : urlString);
  if (s[i] !== 'U' && s[i] !== 'u') return skipQuotes();
  i++;
  if (s[i] !== 'R' && s[i] !== 'r') return parse();
  i++;
  if (s[i] !== 'L' && s[i] !== 'l') return parse();
  i++;
  skipWhitespace();
  if (s[i] !== '=') return parse();
  i++;
  skipWhitespace();
  return skipQuotes();

  function skipQuotes(): string | null {
    let quote = '';
    if (s[i] === "'" || s[i] === '"') {
      quote = s[i] as string;
      i++;
    }
    urlString = s.slice(i);
    if (quote !== '' && urlString.includes(quote)) urlString = urlString.slice(0, urlString.indexOf(quote));
    return parse();
  }
}
