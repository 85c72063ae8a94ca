import { basename } from 'node:path';
import type { OlderFormatAnswer } from '../../shared/files/older-file-format';
import { savedMeshFileName } from '../../shared/files/saved-file-name';
import type {
  DocumentShellState,
  FileRef,
  IpcChannel,
  IpcRequest,
  IpcResponse,
  IpcResult,
  OpenedFile,
  TextEdit,
  UnsavedChangesChoice,
} from '../../shared/ipc';
import { MESH_FILE_EXTENSION } from '../../shared/model/mesh-file-format';
import { type ClipboardText, clipboardTextToPaste } from '../clipboard/clipboard-text';
import type { FileDialog } from '../dialogs/file-dialog';
import { writeFileAtomically } from '../files/atomic-write';
import { createContractFiles, type FileVersionWatcher } from '../files/contract-files';
import { writeExportFolder } from '../files/export-folder';
import type { ExternalChangeWatcher } from '../files/external-change-watcher';
import type { FileAccess } from '../files/file-access';
import type { FileSystem } from '../files/file-system';
import { confirmedInPlaceTarget } from '../files/in-place-target';
import { fileRefFor, withMeshExtension } from '../files/mesh-file-path';
import { readMeshFile, refusalToSaveUnreadable } from '../files/mesh-file-reader';
import type { PendingWrites } from '../files/pending-writes';
import type { RecentFilesStore } from '../files/recent-files';
import { confirmedSavePath } from '../files/save-path';
import type { SavesInProgress } from '../files/saves-in-progress';
import { resolveInside } from '../security/contained-path';
import { refuse, settle, succeed } from './ipc-result';

/** The page that sent a request, for the channels that act on it. */
export interface CallingPage {
  performTextEdit(edit: TextEdit): void;
}

/** The window around the document: what main shows of it, and how it closes. */
export interface DocumentWindow {
  askToSaveChanges(documentName: string): Promise<UnsavedChangesChoice>;
  askToSaveInNewFormat(fileName: string, fileFormat: number): Promise<OlderFormatAnswer>;
  answerCloseRequest(mayClose: boolean): void;
  showDocumentState(state: DocumentShellState): void;
}

/** One function per channel; the mapped type makes a missing channel a compile error. */
export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcRequest<C>, page: CallingPage) => Promise<IpcResponse<C>>;
};

export interface IpcDependencies {
  dialog: FileDialog;
  fs: FileSystem;
  recentFiles: RecentFilesStore;
  access: FileAccess;
  /** Also told which design the page holds, so it stops watching the contract files of the one before. */
  watcher: FileVersionWatcher & Pick<ExternalChangeWatcher, 'forgetContractFiles'>;
  window: DocumentWindow;
  /** Files handed over before the page was ready (command line, a double-click at launch). */
  takeLaunchFiles(): FileRef[];
  clipboard: ClipboardText;
  /** Every save and export goes through it, so that quitting waits for the ones in flight. */
  pendingWrites: Pick<PendingWrites, 'track'>;
  /** Every save and export goes through it from its first question on, so that closing the window waits for the user's choice. */
  savesInProgress: Pick<SavesInProgress, 'track'>;
}

export function createIpcHandlers({
  dialog,
  fs,
  recentFiles,
  access,
  watcher,
  window,
  takeLaunchFiles,
  clipboard,
  pendingWrites,
  savesInProgress,
}: IpcDependencies): IpcHandlers {
  const contractFiles = createContractFiles({ fs, dialog, watcher, pendingWrites });
  /** The design the page last said it holds (DocumentShellState's `designGeneration`). */
  let heldDesign: number | undefined;

  /** Reads a file the user chose; the page says whether it opened as the design (`recent:remember`), whose version it then holds. */
  async function readAndAllow(path: string): Promise<IpcResult<OpenedFile>> {
    const opened = await readMeshFile(fs, path);
    if (opened.ok) {
      access.allowForThisSession(path);
      await watcher.recordReadVersion(path);
    }
    return opened;
  }

  async function chooseSaveTarget(file: FileRef | null, suggestedName: string): Promise<IpcResult<string | null>> {
    if (file?.path) {
      if (!(await access.isChosenByUser(file.path))) {
        return refuse(`Refusing to save to ${file.path}: it was never chosen in a file dialog. Use Save As… instead.`);
      }
      const inPlace = await confirmedInPlaceTarget({ fs, dialog, watcher }, file.path, 'design');
      if (inPlace !== 'save-as') return succeed(inPlace);
    }
    const requestedPath = await dialog.chooseSavePath(savedMeshFileName(file?.name || basename(suggestedName)));
    if (requestedPath === null) return succeed(null);
    return succeed(await confirmedSavePath(fs, dialog, requestedPath, withMeshExtension));
  }

  /** A save the user starts, from its first question on: closing the window waits until it settles. */
  function asSave<Request, Response>(handler: (request: Request) => Promise<Response>) {
    return (request: Request) => savesInProgress.track(() => handler(request));
  }

  async function save(path: string, text: string): Promise<IpcResult<FileRef>> {
    watcher.beginOwnWrite(path);
    try {
      await writeFileAtomically(fs, path, text);
    } finally {
      await watcher.endOwnWrite(path);
    }
    await access.grant(path);
    return succeed(fileRefFor(path));
  }

  return {
    'file:open': () =>
      settle('open the file', async () => {
        const path = await dialog.chooseMeshFileToOpen();
        if (path === null) return succeed(null);
        return settle(`open ${path}`, () => readAndAllow(path));
      }),

    'file:read': ({ path }) =>
      settle(`open ${path}`, async () => {
        if (!(await access.isChosenByUser(path))) {
          return refuse(`Refusing to open ${path}: it is not in the recent files. Use Open… instead.`);
        }
        if (!(await fs.exists(path))) {
          await recentFiles.forget(path);
          return refuse(`Could not open ${path}: it was moved or deleted, so it is removed from the recent files.`);
        }
        return readAndAllow(path);
      }),

    'file:read-dropped': ({ path }) =>
      settle(`open ${path}`, async () => {
        if (!path.toLowerCase().endsWith(MESH_FILE_EXTENSION)) {
          return refuse(`Refusing to open ${basename(path)}: only ${MESH_FILE_EXTENSION} designs open as a design.`);
        }
        return readAndAllow(path);
      }),

    'file:save': asSave(({ file, suggestedName, text }) =>
      settle('save the file', async () => {
        const tooLarge = refusalToSaveUnreadable('design', text);
        if (tooLarge) return tooLarge;
        const target = await chooseSaveTarget(file, suggestedName);
        if (!target.ok) return target;
        const path = target.value;
        if (path === null) return succeed(null);
        return settle(`save ${path}`, () => pendingWrites.track(path, () => save(path, text)), path);
      }),
    ),

    'files:export': asSave(({ suggestedName, files }) =>
      settle('export the files', async () => {
        const parentFolder = await dialog.chooseExportFolder();
        if (parentFolder === null) return succeed(null);
        const exportFolder = resolveInside(parentFolder, suggestedName);
        const isThere = exportFolder !== null && (await fs.exists(exportFolder));
        if (isThere && !(await dialog.confirmExportInto(exportFolder))) return succeed(null);
        return settle(`export into ${parentFolder}`, () =>
          pendingWrites.track(exportFolder ?? parentFolder, () =>
            writeExportFolder(fs, parentFolder, suggestedName, files),
          ),
        );
      }),
    ),

    'file:save-export': asSave(({ suggestedName, content }) =>
      settle('save the exported file', async () => {
        const path = await dialog.chooseExportFilePath(basename(suggestedName));
        if (path === null) return succeed(null);
        return settle(
          `save ${path}`,
          async () => {
            await pendingWrites.track(path, () => writeFileAtomically(fs, path, content));
            return succeed(basename(path));
          },
          path,
        );
      }),
    ),

    'recent:list': () => settle('list the recent files', async () => succeed(await recentFiles.list())),

    'recent:remember': ({ path }) =>
      settle('list the design under Open Recent', async () => {
        if (!(await access.isChosenByUser(path))) {
          return refuse(`Refusing to list ${path} under Open Recent: it was never chosen in a file dialog.`);
        }
        // The page holds what it read: another program's version since is one Save asks before replacing.
        watcher.adoptReadVersion(path);
        await access.grant(path);
        return succeed(null);
      }),

    'contracts:choose': () => contractFiles.choose(),
    'contracts:open': () => contractFiles.open(),

    'contracts:save': asSave((request) => contractFiles.save(request)),
    'contracts:read': (request) => contractFiles.read(request),
    'contracts:adopt': (request) => contractFiles.adopt(request),

    'dialog:unsaved-changes': ({ documentName }) =>
      settle('ask about the unsaved changes', async () => succeed(await window.askToSaveChanges(documentName))),

    'dialog:save-in-new-format': asSave(({ fileName, fileFormat }) =>
      settle('ask about the file’s format', async () =>
        succeed(await window.askToSaveInNewFormat(fileName, fileFormat)),
      ),
    ),

    'window:edit-text': async ({ edit }, page) => {
      page.performTextEdit(edit);
      return succeed(null);
    },

    'window:answer-close': async ({ mayClose }) => {
      window.answerCloseRequest(mayClose);
      return succeed(null);
    },

    'window:document-state': (state) =>
      settle('show the document state', async () => {
        // Another design's contract files are not the page's: a watch each would pile up over a day's work.
        if (state.designGeneration !== heldDesign) watcher.forgetContractFiles();
        heldDesign = state.designGeneration;
        // The page may name the file it has open, but main shows only a file the user chose.
        const isKnownFile = state.filePath !== undefined && (await access.isChosenByUser(state.filePath));
        window.showDocumentState({
          isDirty: state.isDirty,
          enabledCommands: state.enabledCommands,
          designGeneration: state.designGeneration,
          ...(isKnownFile ? { filePath: state.filePath } : {}),
        });
        return succeed(null);
      }),

    'app:take-launch-files': async () => succeed(takeLaunchFiles()),

    'clipboard:read-text': () => settle('read the clipboard', () => clipboardTextToPaste(clipboard)),
  };
}
