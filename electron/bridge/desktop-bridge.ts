import { isCommandId } from '../../shared/commands/command-table';
import {
  CLOSE_REQUEST_CHANNEL,
  type DesktopBridge,
  FILE_CHANGED_CHANNEL,
  type FileRef,
  IPC_CHANNELS,
  MENU_COMMAND_CHANNEL,
  OPEN_FILE_CHANNEL,
  PRELOAD_ONLY_CHANNELS,
} from '../../shared/ipc';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: IpcListener): void;
  removeListener(channel: string, listener: IpcListener): void;
}

/** Electron's `webUtils.getPathForFile`: the disk path of a File the user dropped, '' for any other File. */
export type PathForFile = (file: never) => string;

const PAGE_CHANNELS: ReadonlySet<string> = new Set(
  IPC_CHANNELS.filter((channel) => !PRELOAD_ONLY_CHANNELS.has(channel)),
);

/**
 * What the preload exposes to the page: the typed channels and nothing else, so a script in
 * the page cannot reach any other part of ipcRenderer. Messages from main are checked too and
 * reach the page without Electron's event object.
 */
export function createDesktopBridge(ipc: RendererIpc, pathForFile: PathForFile): DesktopBridge {
  function subscribe<T>(channel: string, accept: (value: unknown) => T | null, listener: (value: T) => void) {
    const forward: IpcListener = (_event, value) => {
      const accepted = accept(value);
      if (accepted !== null) listener(accepted);
    };
    ipc.on(channel, forward);
    return () => ipc.removeListener(channel, forward);
  }

  // Checked by hand: zod would probe `new Function`, which the page's policy forbids.
  const asFileRef = (value: unknown): FileRef | null => {
    const file = value as { name?: unknown; path?: unknown } | null;
    return typeof file?.name === 'string' && typeof file.path === 'string'
      ? { name: file.name, path: file.path }
      : null;
  };

  return {
    invoke(channel, request) {
      if (!PAGE_CHANNELS.has(channel)) {
        return Promise.resolve({ ok: false, error: `Refusing unknown channel "${String(channel)}".` });
      }
      return ipc.invoke(channel, request) as never;
    },
    async openDroppedFile(file) {
      // The path comes from the File object the user dropped, never from the page's own words.
      const path = pathForFile(file as never);
      if (!path) return { ok: false, error: 'The dropped item is not a file on this computer.' };
      return ipc.invoke('file:read-dropped', { path }) as ReturnType<DesktopBridge['openDroppedFile']>;
    },
    onMenuCommand: (listener) =>
      subscribe(MENU_COMMAND_CHANNEL, (value) => (isCommandId(value) ? value : null), listener),
    onOpenFileRequest: (listener) => subscribe(OPEN_FILE_CHANNEL, asFileRef, listener),
    onFileChanged: (listener) => subscribe(FILE_CHANGED_CHANNEL, asFileRef, listener),
    onCloseRequest: (listener) =>
      subscribe(
        CLOSE_REQUEST_CHANNEL,
        () => true,
        () => listener(),
      ),
  };
}
