import type { CommandId } from './commands/command-table';

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
  'recent:list': { request: undefined; response: IpcResult<FileRef[]> };
  'dialog:confirm': { request: { message: string; detail?: string }; response: IpcResult<boolean> };
  'contracts:choose': { request: undefined; response: IpcResult<OpenedFile[] | null> };
  'window:edit-text': { request: { edit: TextEdit }; response: IpcResult<null> };
}

/** The editing commands Chromium performs on focused text, as a menu item does them in a text field. */
export const TEXT_EDITS = ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'] as const;
export type TextEdit = (typeof TEXT_EDITS)[number];

export type IpcChannel = keyof IpcChannels;
export type IpcRequest<C extends IpcChannel> = IpcChannels[C]['request'];
export type IpcResponse<C extends IpcChannel> = IpcChannels[C]['response'];

export const IPC_CHANNELS = [
  'file:open',
  'file:read',
  'file:save',
  'files:export',
  'recent:list',
  'dialog:confirm',
  'contracts:choose',
  'window:edit-text',
] as const satisfies readonly IpcChannel[];

/** Application-menu items main forwards to the renderer, which owns the document: ids of the command table. */
export const MENU_COMMAND_CHANNEL = 'menu:command';
/** A file main asks the renderer to open (Open Recent, the command line, a second launch, the OS). */
export const OPEN_FILE_CHANNEL = 'app:open-file';

/** What the preload script exposes to the renderer. */
export type DesktopBridge = {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>>;
  /** Calls `listener` for each menu command; returns the unsubscribe function. */
  onMenuCommand(listener: (command: CommandId) => void): () => void;
  /** Calls `listener` for each file main asks to open; returns the unsubscribe function. */
  onOpenFileRequest(listener: (file: FileRef) => void): () => void;
};

export const BRIDGE_GLOBAL = 'meshDesigner';
