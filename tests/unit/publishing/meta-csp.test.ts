import { describe, expect, it } from 'vitest';
import { metaContentSecurityPolicy } from '../../../src/lib/publishing/meta-csp.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/lib/publishing/server-config.ts';

describe('the <meta> Content-Security-Policy', () => {
  it('is the servers’ policy without what a <meta> cannot carry', () => {
    const meta = metaContentSecurityPolicy();
    expect(meta).not.toMatch(/frame-ancestors/);
    const serverDirectives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim());
    expect(meta.split('; ')).toEqual(serverDirectives.filter((d) => !d.startsWith('frame-ancestors')));
  });

  it('keeps what search needs: WebAssembly and a worker from the site', () => {
    expect(metaContentSecurityPolicy()).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(metaContentSecurityPolicy()).toContain("worker-src 'self'");
  });

  it('drops sandbox and reporting directives too, in any case', () => {
    expect(
      metaContentSecurityPolicy(
        "default-src 'self'; SANDBOX allow-scripts; report-uri /r; report-to g; img-src 'self'",
      ),
    ).toBe("default-src 'self'; img-src 'self'");
  });
});
