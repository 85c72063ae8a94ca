import { basename } from 'node:path';
import type { FileRef, IpcChannel, IpcRequest, IpcResponse, IpcResult, OpenedFile, TextEdit } from '../../shared/ipc';
import type { FileDialog } from '../dialogs/file-dialog';
import { writeFileAtomically } from '../files/atomic-write';
import { writeExportFolder } from '../files/export-folder';
import type { FileSystem } from '../files/file-system';
import { fileRefFor, UNTITLED_MESH_FILE_NAME, withMeshExtension } from '../files/mesh-file-path';
import { readMeshFile } from '../files/mesh-file-reader';
import type { RecentFilesStore } from '../files/recent-files';
import { refuse, settle, succeed } from './ipc-result';

/** The page that sent a request, for the channels that act on it. */
export interface CallingPage {
  performTextEdit(edit: TextEdit): void;
}

/** One function per channel; the mapped type makes a missing channel a compile error. */
export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcRequest<C>, page: CallingPage) => Promise<IpcResponse<C>>;
};

export interface IpcDependencies {
  dialog: FileDialog;
  fs: FileSystem;
  recentFiles: RecentFilesStore;
}

export function createIpcHandlers({ dialog, fs, recentFiles }: IpcDependencies): IpcHandlers {
  // The renderer may only touch files the user picked, now or in an earlier session (the recent list).
  const chosenThisSession = new Set<string>();

  async function isChosenByUser(path: string): Promise<boolean> {
    return chosenThisSession.has(path) || (await recentFiles.list()).some((file) => file.path === path);
  }

  async function rememberChoice(path: string): Promise<void> {
    chosenThisSession.add(path);
    // The file itself was read or written; a stale recent list is no reason to report a failure.
    await recentFiles.remember(path).catch(() => undefined);
  }

  async function readAndRemember(path: string): Promise<IpcResult<OpenedFile>> {
    const opened = await readMeshFile(fs, path);
    if (opened.ok) await rememberChoice(path);
    return opened;
  }

  async function chooseSaveTarget(file: FileRef | null): Promise<IpcResult<string | null>> {
    if (file?.path && !(await isChosenByUser(file.path))) {
      return refuse(`Refusing to save to ${file.path}: it was never chosen in a file dialog. Use Save As… instead.`);
    }
    const requestedPath =
      file?.path || (await dialog.chooseSavePath(withMeshExtension(file?.name || UNTITLED_MESH_FILE_NAME)));
    if (requestedPath === null) return succeed(null);
    const target = withMeshExtension(requestedPath);
    const replacesAnotherFile = target !== requestedPath && (await fs.exists(target));
    if (replacesAnotherFile && !(await dialog.confirm(`Replace ${basename(target)}?`, `${target} already exists.`))) {
      return succeed(null);
    }
    return succeed(target);
  }

  return {
    'file:open': () =>
      settle('open the file', async () => {
        const path = await dialog.chooseMeshFileToOpen();
        if (path === null) return succeed(null);
        return settle(`open ${path}`, () => readAndRemember(path));
      }),

    'file:read': ({ path }) =>
      settle(`open ${path}`, async () => {
        if (!(await isChosenByUser(path))) {
          return refuse(`Refusing to open ${path}: it is not in the recent files. Use Open… instead.`);
        }
        if (!(await fs.exists(path))) {
          await recentFiles.forget(path);
          return refuse(`Could not open ${path}: it was moved or deleted, so it is removed from the recent files.`);
        }
        return readAndRemember(path);
      }),

    'file:save': ({ file, text }) =>
      settle('save the file', async () => {
        const target = await chooseSaveTarget(file);
        if (!target.ok) return target;
        const path = target.value;
        if (path === null) return succeed(null);
        return settle(`save ${path}`, async () => {
          await writeFileAtomically(fs, path, text);
          await rememberChoice(path);
          return succeed(fileRefFor(path));
        });
      }),

    'files:export': ({ suggestedName, files }) =>
      settle('export the files', async () => {
        const parentFolder = await dialog.chooseExportFolder();
        if (parentFolder === null) return succeed(null);
        return settle(`export into ${parentFolder}`, () => writeExportFolder(fs, parentFolder, suggestedName, files));
      }),

    'recent:list': () => settle('list the recent files', async () => succeed(await recentFiles.list())),

    'dialog:confirm': ({ message, detail }) =>
      settle('ask for confirmation', async () => succeed(await dialog.confirm(message, detail))),

    'contracts:choose': () =>
      settle('import contracts', async () => {
        const paths = await dialog.chooseContractFiles();
        if (paths === null) return succeed(null);
        const files: OpenedFile[] = [];
        for (const path of paths) {
          const read = await settle(`read ${path}`, () => readMeshFile(fs, path));
          if (!read.ok) return read;
          files.push(read.value);
        }
        return succeed(files);
      }),

    'window:edit-text': async ({ edit }, page) => {
      page.performTextEdit(edit);
      return succeed(null);
    },
  };
}
