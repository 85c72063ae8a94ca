import type { Server } from 'node:http';
import { serveFolder } from './static-server';

export type Serving = { ok: true; server: Server; url: string } | { ok: false; message: string };

/** The one sentence said when the port is taken, in place of Node's EADDRINUSE stack. */
export function portInUseMessage(port: number, command: string): string {
  return `port ${port} is in use (is the app already running?); set PORT to use another, e.g. PORT=${port + 1} ${command}`;
}

/** Serves the built app on `port`, or says why not when the port is taken; `command` is how the user started it. */
export async function serveApp(root: string, port: number, command: string): Promise<Serving> {
  try {
    return { ok: true, ...(await serveFolder(root, port)) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      return { ok: false, message: portInUseMessage(port, command) };
    throw error;
  }
}
