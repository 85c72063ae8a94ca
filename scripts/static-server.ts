import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, relative, sep } from 'node:path';
import { resolveInside } from '../electron/security/contained-path';
import { CONTENT_SECURITY_POLICY } from '../electron/security/content-security-policy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/** Longer request paths are refused before any file system call: no file of the build comes near it. */
const MAX_PATH_LENGTH = 1024;

/** The same headers as the desktop app serves: its policy, and no guessing of content types. */
const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

/**
 * Vite names every file of `assets/` by a hash of its content, so a cached copy is never stale:
 * the browser keeps it, with the code it compiled from it, instead of fetching it per page.
 */
const HASHED_ASSET_CACHING = { 'cache-control': 'public, max-age=31536000, immutable' };

function isHashedAsset(root: string, filePath: string): boolean {
  return relative(root, filePath).split(sep)[0] === 'assets';
}

export type StaticResolution = { ok: true; filePath: string } | { ok: false; status: 400 | 404 };

/**
 * The file under `root` a request path names. A path that cannot be decoded (`/%`, `/%zz`) or
 * holds a NUL byte is a bad request; one that would leave `root`, or is not a file, is not found.
 */
export function resolveStaticRequest(root: string, requestPath: string): StaticResolution {
  const path = requestPath.split(/[?#]/)[0] ?? '/';
  if (path.length > MAX_PATH_LENGTH) return { ok: false, status: 400 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  const filePath = resolveInside(root, decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, ''));
  if (filePath === null) return { ok: false, status: 404 };
  // Any failure to look (`index.html/x` is ENOTDIR, a 300-character name ENAMETOOLONG) is "not found".
  try {
    return statSync(filePath).isFile() ? { ok: true, filePath } : { ok: false, status: 404 };
  } catch {
    return { ok: false, status: 404 };
  }
}

/** Only the loopback address the server listens on: a page on another site cannot reach it through DNS rebinding. */
export function isServedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

type Refusal = { status: 400 | 403 | 404 | 405; text: string };

/** Why a request gets no file, or the file it gets. */
function decide(root: string, port: number, request: IncomingMessage): Refusal | { filePath: string } {
  if (!isServedHost(request.headers.host, port)) return { status: 403, text: 'forbidden host' };
  if (request.method !== 'GET' && request.method !== 'HEAD') return { status: 405, text: 'method not allowed' };
  const resolution = resolveStaticRequest(root, request.url ?? '/');
  if (resolution.ok) return { filePath: resolution.filePath };
  return resolution.status === 400 ? { status: 400, text: 'bad request' } : { status: 404, text: 'not found' };
}

function handle(root: string, port: number, request: IncomingMessage, response: ServerResponse): void {
  const decision = decide(root, port, request);
  if ('status' in decision) {
    answer(response, decision.status, decision.text);
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    ...(isHashedAsset(root, decision.filePath) ? HASHED_ASSET_CACHING : {}),
    'content-type': CONTENT_TYPES[extname(decision.filePath)] ?? 'application/octet-stream',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  // A file removed between the look and the read ends the response, not the server.
  createReadStream(decision.filePath)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** Serves the built renderer on 127.0.0.1 only; resolves with its URL once listening. */
export function serveFolder(root: string, port: number): Promise<{ server: Server; url: string }> {
  const listeningPort = () => (server.address() as AddressInfo).port;
  const server = createServer((request, response) => {
    try {
      handle(root, listeningPort(), request, response);
    } catch {
      // Whatever a request does, the server keeps serving the next one.
      if (!response.headersSent) answer(response, 500, 'internal error');
      else response.destroy();
    }
  });
  // A client that sends garbage gets its socket closed; the server stays up.
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${listeningPort()}/` }));
  });
}
