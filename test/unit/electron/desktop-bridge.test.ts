import { describe, expect, it } from 'vitest';
import { createDesktopBridge, type RendererIpc } from '../../../electron/bridge/desktop-bridge';
import type { CommandId } from '../../../shared/commands/command-table';
import type { IpcChannel } from '../../../shared/ipc';
import { CLOSE_REQUEST_CHANNEL, MENU_COMMAND_CHANNEL, OPEN_FILE_CHANNEL } from '../../../shared/ipc';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Stands in for ipcRenderer: records invocations and lets a test send messages from main. */
function aRendererIpc() {
  const invoked: { channel: string; request: unknown }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: RendererIpc = {
    invoke: async (channel, request) => {
      invoked.push({ channel, request });
      return { ok: true, value: 'from main' };
    },
    on: (channel, listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const sendFromMain = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'electron event' }, ...args);
  };
  return { ipc, invoked, sendFromMain };
}

/** `webUtils.getPathForFile` for a page with no dropped files. */
const NO_PATHS = () => '';

describe('the desktop bridge', () => {
  it('forwards a contract channel to main', async () => {
    const { ipc, invoked } = aRendererIpc();

    const response = await createDesktopBridge(ipc, NO_PATHS).invoke('file:read', { path: '/a.mesh.json' });

    expect(response).toEqual({ ok: true, value: 'from main' });
    expect(invoked).toEqual([{ channel: 'file:read', request: { path: '/a.mesh.json' } }]);
  });

  it('refuses a channel outside the contract without reaching main', async () => {
    const { ipc, invoked } = aRendererIpc();

    const response = await createDesktopBridge(ipc, NO_PATHS).invoke('shell:exec' as IpcChannel, 'rm -rf /' as never);

    expect(response).toEqual({ ok: false, error: 'Refusing unknown channel "shell:exec".' });
    expect(invoked).toEqual([]);
  });

  it('hands menu commands to the listener, without the Electron event', () => {
    const { ipc, sendFromMain } = aRendererIpc();
    const received: unknown[][] = [];
    createDesktopBridge(ipc, NO_PATHS).onMenuCommand((...args) => received.push(args));

    sendFromMain(MENU_COMMAND_CHANNEL, 'file.save-as');

    expect(received).toEqual([['file.save-as']]);
  });

  it('ignores messages that are not menu commands', () => {
    const { ipc, sendFromMain } = aRendererIpc();
    const received: CommandId[] = [];
    createDesktopBridge(ipc, NO_PATHS).onMenuCommand((command) => received.push(command));

    sendFromMain(MENU_COMMAND_CHANNEL, 'format-disk');

    expect(received).toEqual([]);
  });

  it('stops calling the listener once unsubscribed', () => {
    const { ipc, sendFromMain } = aRendererIpc();
    const received: CommandId[] = [];
    const unsubscribe = createDesktopBridge(ipc, NO_PATHS).onMenuCommand((command) => received.push(command));

    unsubscribe();
    sendFromMain(MENU_COMMAND_CHANNEL, 'file.open');

    expect(received).toEqual([]);
  });

  it('hands files main asks to open to the listener, and nothing malformed', () => {
    const { ipc, sendFromMain } = aRendererIpc();
    const received: unknown[] = [];
    createDesktopBridge(ipc, NO_PATHS).onOpenFileRequest((file) => received.push(file));

    sendFromMain(OPEN_FILE_CHANNEL, { name: 'orders.mesh.json', path: '/home/ada/orders.mesh.json', extra: 1 });
    sendFromMain(OPEN_FILE_CHANNEL, { name: 'no-path' });
    sendFromMain(OPEN_FILE_CHANNEL, '/etc/passwd');

    expect(received).toEqual([{ name: 'orders.mesh.json', path: '/home/ada/orders.mesh.json' }]);
  });

  it('never lets the page name the path of a dropped file', async () => {
    const { ipc, invoked } = aRendererIpc();

    const response = await createDesktopBridge(ipc, NO_PATHS).invoke('file:read-dropped', { path: '/etc/passwd' });

    expect(response).toEqual({ ok: false, error: 'Refusing unknown channel "file:read-dropped".' });
    expect(invoked).toEqual([]);
  });

  it('opens a dropped file by the path Electron knows for it', async () => {
    const { ipc, invoked } = aRendererIpc();
    const dropped = { name: 'orders.mesh.json' };
    const bridge = createDesktopBridge(ipc, (file) => (file === dropped ? '/home/ada/orders.mesh.json' : ''));

    await bridge.openDroppedFile(dropped);

    expect(invoked).toEqual([{ channel: 'file:read-dropped', request: { path: '/home/ada/orders.mesh.json' } }]);
  });

  it('refuses a File the page made itself, which has no path', async () => {
    const { ipc, invoked } = aRendererIpc();

    const response = await createDesktopBridge(ipc, NO_PATHS).openDroppedFile({ name: 'made-up.mesh.json' });

    expect(response).toEqual({ ok: false, error: 'The dropped item is not a file on this computer.' });
    expect(invoked).toEqual([]);
  });

  it('hands close requests to the listener', () => {
    const { ipc, sendFromMain } = aRendererIpc();
    let requests = 0;
    createDesktopBridge(ipc, NO_PATHS).onCloseRequest(() => requests++);

    sendFromMain(CLOSE_REQUEST_CHANNEL);

    expect(requests).toBe(1);
  });
});
