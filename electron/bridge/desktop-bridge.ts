import { isCommandId } from '../../shared/commands/command-table';
import { type DesktopBridge, IPC_CHANNELS, MENU_COMMAND_CHANNEL, OPEN_FILE_CHANNEL } from '../../shared/ipc';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: IpcListener): void;
  removeListener(channel: string, listener: IpcListener): void;
}

const BRIDGED_CHANNELS: ReadonlySet<string> = new Set(IPC_CHANNELS);

/**
 * What the preload exposes to the page: the typed channels and nothing else, so a script in
 * the page cannot reach any other part of ipcRenderer.
 */
export function createDesktopBridge(ipc: RendererIpc): DesktopBridge {
  return {
    invoke(channel, request) {
      if (!BRIDGED_CHANNELS.has(channel)) {
        return Promise.resolve({ ok: false, error: `Refusing unknown channel "${String(channel)}".` });
      }
      return ipc.invoke(channel, request) as ReturnType<DesktopBridge['invoke']>;
    },
    onMenuCommand(listener) {
      // The page gets the command only, never Electron's event object.
      const forwardCommand: IpcListener = (_event, command) => {
        if (isCommandId(command)) listener(command);
      };
      ipc.on(MENU_COMMAND_CHANNEL, forwardCommand);
      return () => ipc.removeListener(MENU_COMMAND_CHANNEL, forwardCommand);
    },
    onOpenFileRequest(listener) {
      const forwardFile: IpcListener = (_event, file) => {
        if (isFileRef(file)) listener({ name: file.name, path: file.path });
      };
      ipc.on(OPEN_FILE_CHANNEL, forwardFile);
      return () => ipc.removeListener(OPEN_FILE_CHANNEL, forwardFile);
    },
  };
}

function isFileRef(value: unknown): value is { name: string; path: string } {
  const file = value as { name?: unknown; path?: unknown } | null;
  return typeof file?.name === 'string' && typeof file.path === 'string';
}
