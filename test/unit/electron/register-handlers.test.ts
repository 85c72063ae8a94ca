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
const fromFrame = (url: string, parent: unknown = null): InvokeSender => ({
  senderFrame: { url, parent },
  sender: noTextEdits,
});

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

    const response = await listeners.get('file:save')?.(sender, {
      file: null,
      suggestedName: 'orders.mesh.json',
      text: '',
    });

    expect(response).toEqual({ ok: false, error: 'Refusing file:save: the request did not come from the app.' });
    expect(received).toEqual([]);
  });

  it('refuses a request from a frame inside the app page', async () => {
    const { ipc, listeners } = aMainProcessIpc();
    const { handlers, received } = recordingHandlers();
    registerIpcHandlers(ipc, handlers);

    const response = await listeners.get('file:read')?.(fromFrame('app://bundle/index.html', {}), {
      path: '/a.mesh.json',
    });

    expect(response).toEqual({ ok: false, error: 'Refusing file:read: the request did not come from the app.' });
    expect(received).toEqual([]);
  });

  it.each([
    ['no argument', 'file:read', undefined, 'the request: Invalid input: expected object, received undefined'],
    ['a number for a path', 'file:read', { path: 42 }, 'path: Invalid input: expected string, received number'],
    ['a relative path', 'file:read', { path: '../etc/passwd' }, 'path: the path must be absolute'],
    ['a NUL byte in a path', 'file:read', { path: '/a\0.mesh.json' }, 'path: a path cannot contain a NUL byte'],
    ['an extra field', 'file:read', { path: '/a.mesh.json', mode: 'w' }, 'Unrecognized key'],
    [
      'text for a save that is not text',
      'file:save',
      { file: null, suggestedName: 'orders.mesh.json', text: { toString: 1 } },
      'text: Invalid input',
    ],
    ['an unknown text edit', 'window:edit-text', { edit: 'executeJavaScript' }, 'edit: Invalid option'],
    [
      'a multi-line document name',
      'dialog:unsaved-changes',
      { documentName: 'x\n\nClick Save to continue' },
      'documentName: a name shown by the desktop cannot contain control or formatting characters',
    ],
    [
      'a document name with line or paragraph separators',
      'dialog:unsaved-changes',
      { documentName: 'Orders\u2028\u2028Click Don’t Save to keep your work safe\u2029' },
      'documentName: a name shown by the desktop cannot contain control or formatting characters',
    ],
    [
      'a document name that reverses its text',
      'dialog:unsaved-changes',
      { documentName: 'evil\u202Egpj.exe' },
      'documentName: a name shown by the desktop cannot contain control or formatting characters',
    ],
    [
      'a document name with an isolate',
      'dialog:unsaved-changes',
      { documentName: 'a\u2066b\u2069' },
      'documentName: a name shown by the desktop cannot contain control or formatting characters',
    ],
    ['an overlong document name', 'dialog:unsaved-changes', { documentName: 'x'.repeat(201) }, 'documentName: Too big'],
    [
      'a file format a save writes, asked about as an older one',
      'dialog:save-in-new-format',
      { fileName: 'orders.mesh.json', fileFormat: 2 },
      'fileFormat: Too big',
    ],
    [
      'an unknown command id',
      'window:document-state',
      { isDirty: true, enabledCommands: ['rm -rf'], designGeneration: 1 },
      'enabledCommands[0]: Invalid option',
    ],
    [
      'export bytes that are not a Uint8Array',
      'files:export',
      { suggestedName: 'shop-export', files: [{ path: 'view.png', content: [0x89, 0x50] }] },
      'files[0].content: Invalid input',
    ],
    [
      'an export file without content',
      'files:export',
      { suggestedName: 'shop-export', files: [{ path: 'index.md', text: '# shop' }] },
      'files[0]',
    ],
    ['an argument where none is taken', 'recent:list', { path: '/' }, 'the request: Invalid input'],
  ])('refuses %s without calling the handler', async (_case, channel, request, reason) => {
    const { ipc, listeners } = aMainProcessIpc();
    const { handlers, received } = recordingHandlers();
    registerIpcHandlers(ipc, handlers);

    const response = await listeners.get(channel)?.(fromFrame('app://bundle/index.html'), request);

    expect(response).toEqual({ ok: false, error: expect.stringContaining(reason) });
    expect((response as { error: string }).error).toMatch(new RegExp(`^Refusing ${channel}: `));
    expect(received).toEqual([]);
  });

  it('passes an export of text and bytes to the handler as sent', async () => {
    const { ipc, listeners } = aMainProcessIpc();
    const { handlers, received } = recordingHandlers();
    registerIpcHandlers(ipc, handlers);
    const request = {
      suggestedName: 'shop-export',
      files: [
        { path: 'index.md', content: '# shop\n' },
        { path: 'mermaid/logical-view.png', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
      ],
    };

    expect(await listeners.get('files:export')?.(fromFrame('app://bundle/index.html'), request)).toEqual({
      ok: true,
      value: 'handled',
    });
    expect(received).toEqual([request]);
  });

  it('hands the handler the request as checked', async () => {
    const { ipc, listeners } = aMainProcessIpc();
    const { handlers, received } = recordingHandlers();
    registerIpcHandlers(ipc, handlers);

    await listeners.get('window:answer-close')?.(fromFrame('app://bundle/index.html'), { mayClose: false });

    expect(received).toEqual([{ mayClose: false }]);
  });
});
