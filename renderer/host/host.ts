import type { CommandId } from '../../shared/commands/command-table';
import type { ExportFile, FileRef, OpenedFile, TextEdit } from '../../shared/ipc';

export type { ExportFile, FileRef, OpenedFile, TextEdit };

/**
 * Everything the UI needs from its surroundings. The desktop app implements it over
 * the preload bridge; a plain browser implements it with web APIs. The UI knows no more.
 */
export interface Host {
  readonly kind: 'desktop' | 'browser';
  /** Lets the user pick a mesh file; null when they cancel. */
  openFile(): Promise<OpenedFile | null>;
  /** Reopens a file from the recent list. */
  openRecent(file: FileRef): Promise<OpenedFile>;
  /** Saves to `file`, or asks where when it is null ("Save as"); null when they cancel. */
  saveFile(file: FileRef | null, suggestedName: string, text: string): Promise<FileRef | null>;
  /** Writes a set of files (a folder on desktop, a zip download in the browser). */
  exportFiles(suggestedName: string, files: ExportFile[]): Promise<string | null>;
  recentFiles(): Promise<FileRef[]>;
  confirm(message: string, detail?: string): Promise<boolean>;
  /** Keeps an unsaved copy so a crash or closed tab loses nothing. */
  autosave(text: string): Promise<void>;
  /** The last autosaved copy, if any. */
  recoverAutosave(): Promise<string | null>;
  clearAutosave(): Promise<void>;
  /** Lets the user pick ODCS contract files to import; null when they cancel. */
  chooseContractFiles(): Promise<OpenedFile[] | null>;
  /** Performs a text edit (copy, undo…) on the focused text, as the menu item of a text editor does. */
  editText(edit: TextEdit): Promise<void>;
  /** Lets the user pick one ODCS contract file (`.odcs.yaml`) to edit; null when they cancel. */
  openContractFile(): Promise<OpenedFile | null>;
  /** Saves a contract's YAML to `file`, or asks where ("Save contract as…"); null when they cancel. */
  saveContractFile(file: FileRef | null, suggestedName: string, text: string): Promise<FileRef | null>;
  /** Commands from a native application menu; the browser has none, so it never calls back. */
  onMenuCommand(listener: (command: CommandId) => void): () => void;
  /** Files the desktop asks to open (Open Recent, a double-click in the file manager); never in the browser. */
  onOpenFileRequest(listener: (file: FileRef) => void): () => void;
}
