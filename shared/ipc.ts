/**
 * The one typed contract between the Electron main process and the renderer.
 * The preload bridge exposes `DesktopBridge` as `window.meshDesigner`; main registers
 * one handler per channel. Both sides import these names, so they cannot drift.
 */

/** A file the user picked or saved; `path` is absent in the browser. */
export interface FileRef {
  name: string;
  path?: string;
}

export interface OpenedFile {
  file: FileRef;
  text: string;
}

export interface ExportFile {
  /** Relative path inside the chosen export folder, e.g. `contracts/orders.odcs.yaml`. */
  path: string;
  text: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface IpcChannels {
  'file:open': { request: undefined; response: IpcResult<OpenedFile | null> };
  'file:read': { request: { path: string }; response: IpcResult<OpenedFile> };
  'file:save': { request: { file: FileRef | null; text: string }; response: IpcResult<FileRef | null> };
  'files:export': { request: { suggestedName: string; files: ExportFile[] }; response: IpcResult<string | null> };
  /** One exported file (a diagram, an image) saved where the user picks; the saved file's name. */
  'file:save-export': {
    request: { suggestedName: string; content: string | Uint8Array };
    response: IpcResult<string | null>;
  };
  'recent:list': { request: undefined; response: IpcResult<FileRef[]> };
  'dialog:confirm': { request: { message: string; detail?: string }; response: IpcResult<boolean> };
}

export type IpcChannel = keyof IpcChannels;
export type IpcRequest<C extends IpcChannel> = IpcChannels[C]['request'];
export type IpcResponse<C extends IpcChannel> = IpcChannels[C]['response'];

export const IPC_CHANNELS = [
  'file:open',
  'file:read',
  'file:save',
  'files:export',
  'file:save-export',
  'recent:list',
  'dialog:confirm',
] as const satisfies readonly IpcChannel[];

/** Application-menu items main forwards to the renderer, which owns the document. */
export const MENU_COMMAND_CHANNEL = 'menu:command';
export const MENU_COMMANDS = ['new', 'open', 'save', 'save-as'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return (MENU_COMMANDS as readonly unknown[]).includes(value);
}

/** What the preload script exposes to the renderer. */
export type DesktopBridge = {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>>;
  /** Calls `listener` for each menu command; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

export const BRIDGE_GLOBAL = 'meshDesigner';
