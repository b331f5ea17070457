/**
 * The Content-Security-Policy as a `<meta http-equiv>` in every page (src/layouts/BaseLayout.astro):
 * a fallback for a server that sends no CSP header (Apache without mod_headers, a copy served by
 * some other server). It is the servers' policy (server-config.ts) less what a `<meta>` cannot carry:
 * browsers ignore `frame-ancestors`, `sandbox` and the reporting directives there (CSP Level 3,
 * "Directives not supported in a meta element"), so framing is still refused only by the header
 * (`frame-ancestors`, `X-Frame-Options`). Where both arrive, the browser enforces both; they agree.
 */
import { CONTENT_SECURITY_POLICY } from './server-config.ts';

/** Directives a `<meta>` policy may not hold. */
export const HEADER_ONLY_DIRECTIVES: ReadonlySet<string> = new Set([
  'frame-ancestors',
  'report-uri',
  'report-to',
  'sandbox',
]);

/** `policy` without the directives a `<meta>` cannot carry. */
export function metaContentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !HEADER_ONLY_DIRECTIVES.has((d.split(/\s+/)[0] ?? '').toLowerCase()))
    .join('; ');
}
