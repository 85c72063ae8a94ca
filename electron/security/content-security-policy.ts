// Electronegativity CSP_GLOBAL_CHECK: the policy is set as a response header (main.ts, on app:// and
// through webRequest), with a header name it does not recognise as a literal; see the allow-list.
const CONTENT_SECURITY_POLICY_SOURCES: Record<string, string[]> = {
  'default-src': ["'self'"],
  // sql.js compiles WebAssembly; that needs 'wasm-unsafe-eval', never the broader 'unsafe-eval'.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // Monaco and the simulation start workers from blob: URLs.
  'worker-src': ["'self'", 'blob:'],
  // React Flow and Monaco set inline styles.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_POLICY_SOURCES)
  .map(([directive, sources]) => [directive, ...sources].join(' '))
  .join('; ');

const CSP_HEADER = 'Content-Security-Policy';

/** Response headers with our policy in place of any policy the response brought. */
export function withContentSecurityPolicy(
  responseHeaders: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  const otherHeaders = Object.entries(responseHeaders).filter(
    ([name]) => name.toLowerCase() !== CSP_HEADER.toLowerCase(),
  );
  return { ...Object.fromEntries(otherHeaders), [CSP_HEADER]: [CONTENT_SECURITY_POLICY] };
}
