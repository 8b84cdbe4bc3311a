/**
 * The Content-Security-Policy is written twice — index.html's meta tag (what every static host serves) and
 * public/_headers (for hosts that send headers) — and must say the same thing, the header adding only what
 * a meta tag cannot carry. The e2e spec e2e/hardening-security.spec.ts checks the policy in a browser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

const metaPolicy =
  /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('index.html'))?.[1] ?? '';
const headerPolicy = /Content-Security-Policy:\s*(.+)/.exec(read('public/_headers'))?.[1] ?? '';
/** Ignored in a meta tag (CSP3 §3.3): only a header can set them. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

describe('Content-Security-Policy', () => {
  it('index.html carries a strict policy: no inline script, no eval, no other origin', () => {
    const meta = directives(metaPolicy);
    expect(meta.get('default-src')).toBe("'self'");
    expect(meta.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(meta.get('object-src')).toBe("'none'");
    expect(meta.get('base-uri')).toBe("'none'");
    expect(meta.get('form-action')).toBe("'none'");
    expect(meta.get('connect-src')).toBe("'self'");
    expect(metaPolicy).not.toMatch(/'unsafe-eval'|https?:|\*/);
    for (const name of HEADER_ONLY) expect(meta.has(name), name).toBe(false);
  });

  it('public/_headers sends the same policy plus the header-only directives', () => {
    const meta = directives(metaPolicy);
    const header = directives(headerPolicy);
    for (const [name, value] of meta) expect(header.get(name), name).toBe(value);
    for (const name of header.keys()) expect(meta.has(name) || HEADER_ONLY.has(name), name).toBe(true);
    expect(header.has('frame-ancestors')).toBe(true);
  });

  it('the meta tag comes before any script, so it governs all of them', () => {
    const html = read('index.html');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });
});
