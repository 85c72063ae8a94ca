import { basename } from 'node:path';
import { type BaseWindow, dialog, type FileFilter } from 'electron';
import type { FileDialog } from './file-dialog';
import {
  exportIntoFolderBox,
  type MessageBox,
  replaceChangedFileBox,
  replaceFileBox,
  saveDeletedFileBox,
} from './message-boxes';

// Native dialogs match on the last extension only, so `.mesh.json` files are offered as `json`.
const MESH_FILE_FILTERS: FileFilter[] = [{ name: 'Mesh designs', extensions: ['json'] }];
// Likewise `.odcs.yaml` contracts are offered as `yaml`.
const CONTRACT_FILE_FILTERS: FileFilter[] = [{ name: 'ODCS contracts', extensions: ['yaml'] }];

/** The native dialogs, shown as sheets of the window that asked. */
export function electronFileDialog(parentWindow: () => BaseWindow | undefined): FileDialog {
  const parent = () => {
    const window = parentWindow();
    if (!window) throw new Error('there is no window to show the dialog in');
    return window;
  };
  return {
    async chooseMeshFileToOpen() {
      const { canceled, filePaths } = await dialog.showOpenDialog(parent(), {
        title: 'Open mesh design',
        properties: ['openFile'],
        filters: MESH_FILE_FILTERS,
      });
      return canceled ? null : (filePaths[0] ?? null);
    },
    chooseSavePath: (suggestedName) => askSavePath(parent(), 'Save mesh design', suggestedName, MESH_FILE_FILTERS),
    async chooseExportFolder() {
      const { canceled, filePaths } = await dialog.showOpenDialog(parent(), {
        title: 'Export into folder',
        buttonLabel: 'Export here',
        properties: ['openDirectory', 'createDirectory'],
      });
      return canceled ? null : (filePaths[0] ?? null);
    },
    chooseExportFilePath(suggestedName) {
      const extension = suggestedName.split('.').pop() ?? '';
      const filters = [{ name: `${extension.toUpperCase()} files`, extensions: [extension] }];
      return askSavePath(parent(), 'Save exported file', suggestedName, filters);
    },
    async chooseContractFiles() {
      const { canceled, filePaths } = await dialog.showOpenDialog(parent(), {
        title: 'Import ODCS contracts',
        buttonLabel: 'Import',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'ODCS contracts', extensions: ['yaml', 'yml'] }],
      });
      return canceled || filePaths.length === 0 ? null : filePaths;
    },
    async chooseContractFileToOpen() {
      const { canceled, filePaths } = await dialog.showOpenDialog(parent(), {
        title: 'Open an ODCS contract',
        buttonLabel: 'Open',
        properties: ['openFile'],
        filters: [{ name: 'ODCS contracts', extensions: ['yaml', 'yml'] }],
      });
      return canceled ? null : (filePaths[0] ?? null);
    },
    chooseContractSavePath: (suggestedName) =>
      askSavePath(parent(), 'Save contract', suggestedName, CONTRACT_FILE_FILTERS),
    confirmReplace: (path) => showMessageBox(parent(), replaceFileBox(path, basename(path))),
    confirmReplaceChangedFile: (path, kind) =>
      showMessageBox(parent(), replaceChangedFileBox(path, basename(path), kind)),
    askSaveDeletedFile: (path) => showMessageBox(parent(), saveDeletedFileBox(path, basename(path))),
    confirmExportInto: (folder) => showMessageBox(parent(), exportIntoFolderBox(folder)),
  };
}

/** A native save dialog as a sheet of `window`; null when the user cancels. */
async function askSavePath(
  window: BaseWindow,
  title: string,
  suggestedName: string,
  filters: FileFilter[],
): Promise<string | null> {
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    title,
    defaultPath: suggestedName,
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return canceled || !filePath ? null : filePath;
}

/** Shows one of main's message boxes as a sheet of `window` and returns its answer. */
export async function showMessageBox<Answer>(window: BaseWindow, box: MessageBox<Answer>): Promise<Answer> {
  const { response } = await dialog.showMessageBox(window, box.options);
  return box.answerFor(response);
}

/** A message of the app's own, with no window to be a sheet of (they may all be closed). */
export async function showAppMessageBox<Answer>(box: MessageBox<Answer>): Promise<Answer> {
  const { response } = await dialog.showMessageBox(box.options);
  return box.answerFor(response);
}

/** The same, blocking: for events that must be answered before they return (`will-prevent-unload`). */
export function showMessageBoxSync<Answer>(window: BaseWindow, box: MessageBox<Answer>): Answer {
  return box.answerFor(dialog.showMessageBoxSync(window, box.options));
}
