import { basename } from 'node:path';
import { type BaseWindow, dialog, type FileFilter } from 'electron';
import type { FileDialog } from './file-dialog';
import { exportIntoFolderBox, type MessageBox, replaceFileBox } from './message-boxes';

// Native dialogs match on the last extension only, so `.mesh.json` files are offered as `json`.
const MESH_FILE_FILTERS: FileFilter[] = [{ name: 'Mesh designs', extensions: ['json'] }];

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
    async chooseSavePath(suggestedName) {
      const { canceled, filePath } = await dialog.showSaveDialog(parent(), {
        title: 'Save mesh design',
        defaultPath: suggestedName,
        filters: MESH_FILE_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return canceled || !filePath ? null : filePath;
    },
    async chooseExportFolder() {
      const { canceled, filePaths } = await dialog.showOpenDialog(parent(), {
        title: 'Export into folder',
        buttonLabel: 'Export here',
        properties: ['openDirectory', 'createDirectory'],
      });
      return canceled ? null : (filePaths[0] ?? null);
    },
    async chooseExportFilePath(suggestedName) {
      const extension = suggestedName.split('.').pop() ?? '';
      const { canceled, filePath } = await dialog.showSaveDialog(parent(), {
        title: 'Save exported file',
        defaultPath: suggestedName,
        filters: [{ name: `${extension.toUpperCase()} files`, extensions: [extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return canceled || !filePath ? null : filePath;
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
    confirmReplace: (path) => showMessageBox(parent(), replaceFileBox(path, basename(path))),
    confirmExportInto: (folder) => showMessageBox(parent(), exportIntoFolderBox(folder)),
  };
}

/** Shows one of main's message boxes as a sheet of `window` and returns its answer. */
export async function showMessageBox<Answer>(window: BaseWindow, box: MessageBox<Answer>): Promise<Answer> {
  const { response } = await dialog.showMessageBox(window, box.options);
  return box.answerFor(response);
}
