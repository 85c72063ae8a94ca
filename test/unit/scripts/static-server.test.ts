import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/content-security-policy';
import { isServedHost, resolveStaticRequest, serveFolder } from '../../../scripts/static-server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends the path as written (no URL normalising, as `fetch` would do), with the Host header given. */
function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('the browser build’s static server', () => {
  let root = '';
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'static-server-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)');
    ({ server } = await serveFolder(root, 0));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html for the root, with the app’s policy and no content sniffing', async () => {
    const reply = await get(port, '/');

    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>app</title>');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves files below the folder', async () => {
    expect((await get(port, '/assets/main.js?v=1')).body).toBe('console.log(1)');
  });

  it('lets the browser keep the content-hashed build assets, and asks it to revalidate the page that names them', async () => {
    expect((await get(port, '/assets/main.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(port, '/')).headers['cache-control']).toBe('no-cache');
    expect((await get(port, '/index.html')).headers['cache-control']).toBe('no-cache');
  });

  it.each([
    ['/%', 400],
    ['/%zz', 400],
    ['/%00', 400],
    ['/index.html/x', 404],
    [`/${'a'.repeat(300)}`, 404],
    [`/${'a'.repeat(5000)}`, 400],
    ['/../../etc/passwd', 404],
    ['/%2e%2e/%2e%2e/etc/passwd', 404],
    ['/..%2f..%2fetc/passwd', 404],
    ['/assets', 404],
  ])('answers %s with %i and keeps serving', async (path, status) => {
    const reply = await get(port, path);

    expect(reply.status).toBe(status);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(port, '/')).status).toBe(200);
  });

  it('refuses a request for another host name, as a DNS-rebinding page would send', async () => {
    const reply = await get(port, '/', `evil.example:${port}`);

    expect(reply.status).toBe(403);
    expect(reply.body).toBe('forbidden host');
  });

  it('tells the served host names apart from look-alikes', () => {
    expect(isServedHost('127.0.0.1:5173', 5173)).toBe(true);
    expect(isServedHost('localhost:5173', 5173)).toBe(true);
    expect(isServedHost('127.0.0.1:80', 5173)).toBe(false);
    expect(isServedHost('127.0.0.1.evil.example:5173', 5173)).toBe(false);
    expect(isServedHost(undefined, 5173)).toBe(false);
  });

  it('resolves paths without touching anything outside the folder', () => {
    expect(resolveStaticRequest(root, '/../index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveStaticRequest(root, '/')).toEqual({ ok: true, filePath: join(root, 'index.html') });
  });
});
