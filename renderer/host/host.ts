import type { CommandId } from '../../shared/commands/command-table';
import type { OlderFormatAnswer } from '../../shared/files/older-file-format';
import type {
  DocumentShellState,
  ExportedFolder,
  ExportFile,
  FileRef,
  OpenedFile,
  TextEdit,
  UnsavedChangesChoice,
} from '../../shared/ipc';

export type {
  DocumentShellState,
  ExportedFolder,
  ExportFile,
  FileRef,
  OlderFormatAnswer,
  OpenedFile,
  TextEdit,
  UnsavedChangesChoice,
};

/** A question whose yes loses something: `action` names what that button does ("Discard"). */
export interface DestructiveQuestion {
  message: string;
  detail?: string;
  action: string;
}

/** The unsaved copy of one document. */
export interface AutosaveSlot {
  /** The document's key (see the document store), one slot per document. */
  key: string;
  /** What the document was called, to tell slots apart on the start screen. */
  name: string;
  /** ISO time of the copy. */
  savedAt: string;
  text: string;
  /**
   * Contract text with problems, by contract id: typed but never applied, so in no design file.
   * Recovery data only; read back with `readRecoveredDrafts`, as storage may hold anything.
   */
  contractDrafts?: Readonly<Record<string, string>>;
  /**
   * The design breaking changes were judged against (as opened, then as saved; see the document
   * store's `baseline`), so a restored copy is judged as it was on screen. Absent for a design never on disk.
   */
  baselineText?: string;
}

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
  /** Writes a set of files (a folder on desktop, a zip download in the browser); null when they cancel. */
  exportFiles(suggestedName: string, files: ExportFile[]): Promise<ExportedFolder | null>;
  /** Saves one exported file (a diagram, an image) where the user picks; its name, or null when they cancel. */
  saveExport(suggestedName: string, content: string | Uint8Array): Promise<string | null>;
  recentFiles(): Promise<FileRef[]>;
  /**
   * `file` opened as the design: lists it first under Open Recent (a file that did not is no recent
   * design), and takes the version read as the one the page holds, so that Save asks before replacing
   * another program's (a version read that did not open, as on a failed Reload, is not the page's).
   */
  rememberOpenedDesign(file: FileRef): Promise<void>;
  /** Asks the action / Cancel inside the page, starting on Cancel; true when the user chose the action. */
  confirm(question: DestructiveQuestion): Promise<boolean>;
  /** Asks Save / Don't Save / Cancel about the document's unsaved changes. */
  askToSaveChanges(documentName: string): Promise<UnsavedChangesChoice>;
  /** Asks Save in the New Format / Save as a Copy… / Cancel before the first save over `fileName`, which an older version wrote in `fileFormat`. */
  askToSaveInNewFormat(fileName: string, fileFormat: number): Promise<OlderFormatAnswer>;
  /**
   * Keeps an unsaved copy of one document in its own slot, so a crash or closed tab loses nothing.
   * The slot is this tab's (see `claimAutosave`) from then on.
   */
  autosave(slot: AutosaveSlot): Promise<void>;
  /** Unsaved copies left by earlier sessions (a crash, a closed tab), most recent first; none another open tab keeps. */
  autosavedDocuments(): Promise<AutosaveSlot[]>;
  /** Drops a document's slot: it was saved, or its changes explicitly discarded. This tab's claim on it ends. */
  clearAutosave(key: string): Promise<void>;
  /**
   * Makes a slot this tab's (window's, on desktop) until it is cleared or the tab goes, closed or
   * crashed: no other tab lists it, restores it or discards it. False when another tab has it.
   */
  claimAutosave(key: string): Promise<boolean>;
  /** Lets the user pick ODCS contract files to import; null when they cancel. */
  chooseContractFiles(): Promise<OpenedFile[] | null>;
  /**
   * The system clipboard's text, for a paste no paste event brought (a menu, the command palette);
   * rejects when it may not be read (the browser refused, or the text is too large).
   */
  readClipboardText(): Promise<string>;
  /** Performs a text edit (copy, undo…) on the focused text, as the menu item of a text editor does. */
  editText(edit: TextEdit): Promise<void>;
  /** Lets the user pick one ODCS contract file (`.odcs.yaml`) to edit; null when they cancel. */
  openContractFile(): Promise<OpenedFile | null>;
  /** Saves a contract's YAML to `file`, or asks where ("Save contract as…"); null when they cancel. */
  saveContractFile(file: FileRef | null, suggestedName: string, text: string): Promise<FileRef | null>;
  /**
   * Reads a contract file opened or saved in place again, as the same FileRef, when another program
   * changed it. Save goes on asking before it replaces that version until the page takes it (`adoptContractFile`).
   */
  readContractFile(file: FileRef): Promise<OpenedFile>;
  /** The contract file's version last read again is in the page now: Save replaces it without asking. */
  adoptContractFile(file: FileRef): Promise<void>;
  /** Commands from a native application menu; the browser has none, so it never calls back. */
  onMenuCommand(listener: (command: CommandId) => void): () => void;
  /** The desktop window is asked to close (close button, Quit) while the document has unsaved changes. */
  onCloseRequest(listener: () => void): () => void;
  /** Answers a close request: close the window (and go on quitting) or stay. */
  answerCloseRequest(mayClose: boolean): Promise<void>;
  /** Tells the desktop shell what the document is now (window state, menus); the browser needs nothing. */
  showDocumentState(state: DocumentShellState): void;
  /** Files handed to the desktop app before the page was ready: the command line, a double-click at launch. */
  takeLaunchFiles(): Promise<FileRef[]>;
  /** Reads a design dropped on the window; null where a dropped file is read by the page itself (browser). */
  openDroppedFile(file: File): Promise<OpenedFile | null>;
  /** The open design's file, or a contract file opened or saved in place, was changed by another program. */
  onFileChanged(listener: (file: FileRef) => void): () => void;
  /** Files the desktop asks to open (Open Recent, a double-click in the file manager); never in the browser. */
  onOpenFileRequest(listener: (file: FileRef) => void): () => void;
}

/** A design file that was picked but could not be read (too large, not UTF-8): which, and why. */
export class UnreadableFileError extends Error {
  constructor(
    readonly fileName: string,
    reason: string,
  ) {
    super(reason);
  }
}
