import { describe, expect, it } from 'vitest';
import type { IpcHandlers } from '../../../electron/ipc/handlers';
import { type InvokeSender, type MainProcessIpc, registerIpcHandlers } from '../../../electron/ipc/register-handlers';
import { IPC_CHANNELS } from '../../../shared/ipc';

type Listener = (event: InvokeSender, request: unknown) => Promise<unknown>;

/** Stands in for ipcMain: keeps the registered listeners so a test can invoke them. */
function aMainProcessIpc() {
  const listeners = new Map<string, Listener>();
  const ipc: MainProcessIpc = { handle: (channel, listener) => listeners.set(channel, listener) };
  return { ipc, listeners };
}

const noTextEdits = { undo() {}, redo() {}, cut() {}, copy() {}, paste() {}, selectAll() {} };
const fromFrame = (url: string): InvokeSender => ({ senderFrame: { url }, sender: noTextEdits });

function recordingHandlers() {
  const received: unknown[] = [];
  const handler = async (request: unknown) => {
    received.push(request);
    return { ok: true as const, value: 'handled' };
  };
  const handlers = Object.fromEntries(IPC_CHANNELS.map((channel) => [channel, handler])) as unknown as IpcHandlers;
  return { handlers, received };
}

describe('registerIpcHandlers', () => {
  it('registers one listener per channel', () => {
    const { ipc, listeners } = aMainProcessIpc();

    registerIpcHandlers(ipc, recordingHandlers().handlers);

    expect([...listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('passes requests from the app page to the handler', async () => {
    const { ipc, listeners } = aMainProcessIpc();
    const { handlers, received } = recordingHandlers();
    registerIpcHandlers(ipc, handlers);

    const response = await listeners.get('file:read')?.(fromFrame('app://bundle/index.html'), { path: '/a.mesh.json' });

    expect(response).toEqual({ ok: true, value: 'handled' });
    expect(received).toEqual([{ path: '/a.mesh.json' }]);
  });

  it.each([
    ['a web page', fromFrame('https://evil.example/')],
    ['a local file', fromFrame('file:///tmp/page.html')],
    ['a destroyed frame', { senderFrame: null, sender: noTextEdits }],
  ])('refuses requests from %s without calling the handler', async (_case, sender) => {
    const { ipc, listeners } = aMainProcessIpc();
    const { handlers, received } = recordingHandlers();
    registerIpcHandlers(ipc, handlers);

    const response = await listeners.get('file:save')?.(sender, { file: null, text: '' });

    expect(response).toEqual({ ok: false, error: 'Refusing file:save: the request did not come from the app.' });
    expect(received).toEqual([]);
  });
});
