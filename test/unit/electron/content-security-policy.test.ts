import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../../electron/security/content-security-policy';

function sourcesOf(directive: string): string[] {
  const entry = CONTENT_SECURITY_POLICY.split('; ').find((part) => part.startsWith(`${directive} `));
  return entry?.split(' ').slice(1) ?? [];
}

describe('the content security policy', () => {
  it("contains no 'unsafe-eval'", () => {
    const sources = CONTENT_SECURITY_POLICY.split(/[;\s]+/);

    expect(sources).not.toContain("'unsafe-eval'");
  });

  it('runs only the bundled scripts, plus WebAssembly for the simulation', () => {
    expect(sourcesOf('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('forbids plugins, base rewriting and framing', () => {
    expect(sourcesOf('object-src')).toEqual(["'none'"]);
    expect(sourcesOf('base-uri')).toEqual(["'none'"]);
    expect(sourcesOf('frame-ancestors')).toEqual(["'none'"]);
  });

  it('talks to no server but the app itself', () => {
    expect(sourcesOf('default-src')).toEqual(["'self'"]);
    expect(sourcesOf('connect-src')).toEqual(["'self'"]);
  });

  it('replaces any policy a response brought, whatever its header case', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });

    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('adds the policy to a response without headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
