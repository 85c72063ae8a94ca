import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../electron/security/app-protocol';

const RENDERER = '/opt/data-mesh-designer/dist/renderer';

describe('the app:// protocol', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppRequest(RENDERER, 'app://bundle/')).toEqual({ ok: true, filePath: join(RENDERER, 'index.html') });
    expect(resolveAppRequest(RENDERER, 'app://bundle')).toEqual({ ok: true, filePath: join(RENDERER, 'index.html') });
  });

  it('serves a built asset from the renderer folder, ignoring the query', () => {
    expect(resolveAppRequest(RENDERER, 'app://bundle/assets/index-3f2a.js?v=1')).toEqual({
      ok: true,
      filePath: join(RENDERER, 'assets/index-3f2a.js'),
    });
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppRequest(RENDERER, 'app://bundle/assets/my%20font.woff2')).toEqual({
      ok: true,
      filePath: join(RENDERER, 'assets/my font.woff2'),
    });
  });

  it('keeps app://bundle/../../etc/passwd inside the renderer folder', () => {
    const resolution = resolveAppRequest(RENDERER, 'app://bundle/../../etc/passwd');

    expect(resolution).toEqual({ ok: true, filePath: join(RENDERER, 'etc/passwd') });
  });

  it.each([
    ['encoded slashes', 'app://bundle/..%2f..%2f..%2fetc/passwd'],
    ['encoded backslashes', 'app://bundle/..%5c..%5c..%5cetc%5cpasswd'],
    ['an encoded absolute path', 'app://bundle/%2fetc%2fpasswd'],
    ['a NUL byte', 'app://bundle/index.html%00.png'],
  ])('refuses traversal through %s', (_case, url) => {
    expect(resolveAppRequest(RENDERER, url)).toEqual({ ok: false, status: 403 });
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppRequest(RENDERER, 'app://elsewhere/index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveAppRequest(RENDERER, 'file:///etc/passwd')).toEqual({ ok: false, status: 404 });
  });

  it('refuses a malformed escape as a bad request', () => {
    expect(resolveAppRequest(RENDERER, 'app://bundle/%E0%A4%A')).toEqual({ ok: false, status: 400 });
  });
});
