import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveApp } from '../../../scripts/serve-app';
import { serveFolder } from '../../../scripts/static-server';

describe('serving the app in the browser', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  const builtFolder = () => {
    const root = mkdtempSync(join(tmpdir(), 'serve-app-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    return root;
  };

  it('says in one sentence that the port is in use, and how to use another, instead of throwing', async () => {
    const root = builtFolder();
    const { server: running } = await serveFolder(root, 0);
    cleanups.push(() => running.close());
    const busyPort = (running.address() as AddressInfo).port;

    const served = await serveApp(root, busyPort, 'npm start');

    expect(served).toEqual({
      ok: false,
      message: `port ${busyPort} is in use (is the app already running?); set PORT to use another, e.g. PORT=${busyPort + 1} npm start`,
    });
  });

  it('serves on a free port', async () => {
    const served = await serveApp(builtFolder(), 0, 'npm run web');
    if (!served.ok) throw new Error(served.message);
    cleanups.push(() => served.server.close());
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});
