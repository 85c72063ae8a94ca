import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/** The file under `root` that a URL path names, or null when it would escape `root`. */
export function resolveInside(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const relative = normalize(decoded === '/' ? '/index.html' : decoded);
  const absolute = join(root, relative);
  return absolute === root || absolute.startsWith(root.endsWith(sep) ? root : root + sep) ? absolute : null;
}

/** Serves the built renderer on localhost only; resolves with its URL once listening. */
export function serveFolder(root: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const file = resolveInside(root, request.url ?? '/');
    const isFile = file !== null && statSync(file, { throwIfNoEntry: false })?.isFile();
    if (!file || !isFile) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actualPort } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${actualPort}/` });
    });
  });
}
