// The Content-Security-Policy's text: no inline script nor eval allowed, and the deployment documented in the README
// sends exactly the header that `vite preview` sends (the browser half, csp.spec.ts, checks it holds in Chromium).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META } from '../../scripts/csp';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe('Content-Security-Policy', () => {
  it('allows no inline script and no eval, only WebAssembly compilation', () => {
    for (const policy of [CSP_HEADER, CSP_META]) {
      const scripts = directive(policy, 'script-src')!;
      expect(scripts).toContain("'self'");
      expect(scripts).toContain("'wasm-unsafe-eval'");
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(directive(policy, 'object-src')).toEqual(["'none'"]);
      expect(directive(policy, 'connect-src')![0]).toBe("'self'");
    }
  });

  it('keeps frame-ancestors for the header only (a meta tag ignores it)', () => {
    expect(directive(CSP_HEADER, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(CSP_META, 'frame-ancestors')).toBeUndefined();
  });

  it('is the header the README tells a host to send', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(CSP_HEADER);
  });
});
