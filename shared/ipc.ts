/**
 * The one contract between the Electron main process and the renderer.
 * The preload bridge exposes `DesktopBridge` as `window.meshDesigner`; main registers one
 * handler per channel and checks every request against the channel's zod schema before the
 * handler sees it. Types come from the schemas, so the two sides cannot drift.
 */
import { z } from 'zod';
import { COMMAND_IDS, type CommandId } from './commands/command-table';
import type { OlderFormatAnswer } from './files/older-file-format';
import { CURRENT_SCHEMA_VERSION, MAX_MESH_FILE_BYTES } from './model/mesh-file-format';

/** A path from the renderer: absolute on any platform, with no NUL byte, of a length file systems accept. */
const PathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'a path cannot contain a NUL byte')
  .refine((path) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path), 'the path must be absolute');

const FileNameSchema = z.string().min(1).max(255);

/** A diagram or an image of the canvas; a thousand-product mesh's images stay well below it. */
const MAX_EXPORT_FILE_BYTES = 256 * 1024 * 1024;

/** What an exported file holds: text (written as UTF-8) or bytes (images), as structured clone carries them. */
const ExportContentSchema = z.union([
  z.string().max(MAX_EXPORT_FILE_BYTES),
  z.custom<Uint8Array>(
    (value) => value instanceof Uint8Array && value.byteLength <= MAX_EXPORT_FILE_BYTES,
    `bytes must be a Uint8Array of at most ${MAX_EXPORT_FILE_BYTES} bytes`,
  ),
]);

/**
 * Text the renderer may put into a native dialog or the window title: a name, one line, short.
 * Native dialogs carry main's own wording; the renderer only fills in what it is about.
 */
const MAX_SHOWN_NAME_LENGTH = 200;
const ShownNameSchema = z
  .string()
  .min(1)
  .max(MAX_SHOWN_NAME_LENGTH)
  .refine(
    (name) => !/[\p{Cc}\p{Zl}\p{Zp}\p{Cf}]/u.test(name),
    'a name shown by the desktop cannot contain control or formatting characters',
  );

/**
 * Any name as `ShownNameSchema` accepts it: line breaks (control characters and Unicode's line and
 * paragraph separators) as spaces, invisible formatting (bidi overrides that could disguise a name
 * as `evil<U+202E>gpj.exe`) dropped, cut short with `…`.
 */
export function asShownName(name: string): string {
  const oneLine =
    name
      .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
      .replace(/\p{Cf}+/gu, '')
      .trim() || 'Untitled design';
  if (oneLine.length <= MAX_SHOWN_NAME_LENGTH) return oneLine;
  let shown = '';
  for (const character of oneLine) {
    if (shown.length + character.length >= MAX_SHOWN_NAME_LENGTH) break;
    shown += character;
  }
  return `${shown.trimEnd()}…`;
}

/** A file the user picked or saved; `path` is absent in the browser. */
export const FileRefSchema = z.strictObject({ name: FileNameSchema, path: PathSchema.optional() });
export type FileRef = z.infer<typeof FileRefSchema>;

export interface OpenedFile {
  file: FileRef;
  text: string;
}

export const ExportFileSchema = z.strictObject({
  /** Relative path inside the chosen export folder, e.g. `contracts/orders.odcs.yaml`. */
  path: z.string().min(1).max(1024),
  content: ExportContentSchema,
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** Where an export went (a folder, or the zip's name), and the files of the previous export into that folder it removed. */
export interface ExportedFolder {
  folder: string;
  removed: string[];
}

/** The editing commands Chromium performs on focused text, as a menu item does them in a text field. */
export const TEXT_EDITS = ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'] as const;
export type TextEdit = (typeof TEXT_EDITS)[number];

export const UNSAVED_CHANGES_CHOICES = ['save', 'discard', 'cancel'] as const;
export type UnsavedChangesChoice = (typeof UNSAVED_CHANGES_CHOICES)[number];

/** What the desktop shell shows of the document: the window's edited mark and file, the menus' enabled items. */
export const DocumentShellStateSchema = z.strictObject({
  isDirty: z.boolean(),
  /** Only honoured for a file the user chose (the window shows it as the document's file on macOS). */
  filePath: PathSchema.optional(),
  enabledCommands: z.array(z.enum(COMMAND_IDS as [CommandId, ...CommandId[]])).max(COMMAND_IDS.length),
  /** Which design the page holds: another number, another design, whose contract files are no longer its own. */
  designGeneration: z.number().int().nonnegative(),
});
export type DocumentShellState = z.infer<typeof DocumentShellStateSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

const NoRequest = z.undefined();

/** Each channel's request schema; a request that does not match never reaches the handler. */
export const IPC_REQUEST_SCHEMAS = {
  'file:open': NoRequest,
  'file:read': z.strictObject({ path: PathSchema }),
  /** Preload only (never the page's `invoke`): the path of a file the user dropped on the window. */
  'file:read-dropped': z.strictObject({ path: PathSchema }),
  'file:save': z.strictObject({
    file: FileRefSchema.nullable(),
    /** The name the save dialog offers when `file` has none (a first save, Save As…). */
    suggestedName: FileNameSchema,
    // Characters, a first cut; the byte limit is checked by the handler before writing.
    text: z.string().max(MAX_MESH_FILE_BYTES),
  }),
  'files:export': z.strictObject({
    suggestedName: FileNameSchema,
    files: z.array(ExportFileSchema).max(10_000),
  }),
  /** One exported file (a diagram, an image) saved where the user picks. */
  'file:save-export': z.strictObject({
    suggestedName: FileNameSchema,
    content: ExportContentSchema,
  }),
  'recent:list': NoRequest,
  /** A design the page opened from a chosen file: only then is it one to list under Open Recent. */
  'recent:remember': z.strictObject({ path: PathSchema }),
  'contracts:choose': NoRequest,
  'contracts:open': NoRequest,
  /** One contract's YAML saved to its own file: back to `file`, or where the user picks when it is null. */
  'contracts:save': z.strictObject({
    file: FileRefSchema.nullable(),
    suggestedName: FileNameSchema,
    text: z.string().max(MAX_MESH_FILE_BYTES),
  }),
  /** A contract file opened or saved in place, read again: another program changed it. */
  'contracts:read': z.strictObject({ path: PathSchema }),
  /** The contract file's version last read again is in the page: Save replaces it without asking. */
  'contracts:adopt': z.strictObject({ path: PathSchema }),
  'dialog:unsaved-changes': z.strictObject({ documentName: ShownNameSchema }),
  /** Before the first save over a file an older version wrote (`fileFormat`, older than the one saves write). */
  'dialog:save-in-new-format': z.strictObject({
    fileName: ShownNameSchema,
    fileFormat: z
      .number()
      .int()
      .min(0)
      .max(CURRENT_SCHEMA_VERSION - 1),
  }),
  'window:edit-text': z.strictObject({ edit: z.enum(TEXT_EDITS) }),
  'window:answer-close': z.strictObject({ mayClose: z.boolean() }),
  'window:document-state': DocumentShellStateSchema,
  /** The page is ready: the files handed over before it was (command line, double-click at launch). */
  'app:take-launch-files': NoRequest,
  /** The system clipboard's plain text, for a paste no paste event brought (a menu, the command palette). */
  'clipboard:read-text': NoRequest,
} as const;

interface IpcResponses {
  'file:open': IpcResult<OpenedFile | null>;
  'file:read': IpcResult<OpenedFile>;
  'file:read-dropped': IpcResult<OpenedFile>;
  'file:save': IpcResult<FileRef | null>;
  'files:export': IpcResult<ExportedFolder | null>;
  /** The saved file's name; null when the user cancelled. */
  'file:save-export': IpcResult<string | null>;
  'recent:list': IpcResult<FileRef[]>;
  'recent:remember': IpcResult<null>;
  'contracts:choose': IpcResult<OpenedFile[] | null>;
  /** One contract file the user picked to edit; null when they cancelled. */
  'contracts:open': IpcResult<OpenedFile | null>;
  /** The saved file; null when the user cancelled. */
  'contracts:save': IpcResult<FileRef | null>;
  'contracts:read': IpcResult<OpenedFile>;
  'contracts:adopt': IpcResult<null>;
  'dialog:unsaved-changes': IpcResult<UnsavedChangesChoice>;
  'dialog:save-in-new-format': IpcResult<OlderFormatAnswer>;
  'window:edit-text': IpcResult<null>;
  'window:answer-close': IpcResult<null>;
  'window:document-state': IpcResult<null>;
  'app:take-launch-files': IpcResult<FileRef[]>;
  'clipboard:read-text': IpcResult<string>;
}

export type IpcChannel = keyof typeof IPC_REQUEST_SCHEMAS;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof IPC_REQUEST_SCHEMAS)[C]>;
export type IpcResponse<C extends IpcChannel> = IpcResponses[C];

export const IPC_CHANNELS = Object.keys(IPC_REQUEST_SCHEMAS) as IpcChannel[];

/** Channels the preload calls itself with what only it can know; the page's `invoke` cannot reach them. */
export const PRELOAD_ONLY_CHANNELS: ReadonlySet<IpcChannel> = new Set(['file:read-dropped']);

/** Application-menu items main forwards to the renderer, which owns the document: ids of the command table. */
export const MENU_COMMAND_CHANNEL = 'menu:command';
/** A file main asks the renderer to open (Open Recent, the command line, a second launch, the OS). */
export const OPEN_FILE_CHANNEL = 'app:open-file';
/** The window is asked to close with unsaved changes; the renderer answers on `window:answer-close`. */
export const CLOSE_REQUEST_CHANNEL = 'window:close-requested';
/** The open file changed on disk; the renderer offers to reload it. */
export const FILE_CHANGED_CHANNEL = 'file:changed-on-disk';

/** What the preload script exposes to the renderer. */
export type DesktopBridge = {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>>;
  /** Opens a file dropped on the window (a DOM File, opaque to shared/) by the path only the preload can read from it. */
  openDroppedFile(file: object): Promise<IpcResponse<'file:read-dropped'>>;
  /** Calls `listener` for each menu command; returns the unsubscribe function. */
  onMenuCommand(listener: (command: CommandId) => void): () => void;
  /** Calls `listener` for each file main asks to open; returns the unsubscribe function. */
  onOpenFileRequest(listener: (file: FileRef) => void): () => void;
  onCloseRequest(listener: () => void): () => void;
  /** Calls `listener` when the open file changed on disk. */
  onFileChanged(listener: (file: FileRef) => void): () => void;
};

export const BRIDGE_GLOBAL = 'meshDesigner';
