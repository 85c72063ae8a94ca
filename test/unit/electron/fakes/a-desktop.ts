import type { ClipboardText } from '../../../../electron/clipboard/clipboard-text';
import { createExternalChangeWatcher } from '../../../../electron/files/external-change-watcher';
import { createFileAccess } from '../../../../electron/files/file-access';
import { createPendingWrites, type PendingWrites } from '../../../../electron/files/pending-writes';
import { createRecentFilesStore } from '../../../../electron/files/recent-files';
import { createSavesInProgress, type SavesInProgress } from '../../../../electron/files/saves-in-progress';
import { createIpcHandlers, type DocumentWindow } from '../../../../electron/ipc/handlers';
import { type InvokeSender, registerIpcHandlers } from '../../../../electron/ipc/register-handlers';
import { desktopHost } from '../../../../renderer/host/desktop-host';
import type { KeyValueStore } from '../../../../renderer/host/key-value-store';
import type { DesktopBridge, IpcChannel } from '../../../../shared/ipc';
import { type DialogAnswers, FakeDialog } from './fake-dialog';
import { InMemoryFileSystem } from './in-memory-file-system';

const noTextEdits = { undo() {}, redo() {}, cut() {}, copy() {}, paste() {}, selectAll() {} };
export const THE_APP: InvokeSender = {
  senderFrame: { url: 'app://bundle/index.html', parent: null },
  sender: noTextEdits,
};
export const A_WEB_PAGE: InvokeSender = {
  senderFrame: { url: 'https://evil.example/', parent: null },
  sender: noTextEdits,
};

const noStore: KeyValueStore = {
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => undefined,
  entries: async () => [],
};

/**
 * The desktop app from the page's Host down to the disk: the desktop host, the preload's invoke,
 * main's checked registration and handlers, with the disk, the native dialogs and the window faked.
 */
export function aDesktop(
  answers: Partial<DialogAnswers> = {},
  fs = new InMemoryFileSystem(),
  window: Partial<DocumentWindow> = {},
  clipboard: ClipboardText = { readText: async () => '' },
  pendingWrites: PendingWrites = createPendingWrites(),
  savesInProgress: SavesInProgress = createSavesInProgress(() => {}),
) {
  fs.withFolder('/home/ada').withFolder('/user-data');
  const dialog = new FakeDialog(answers);
  const recentFiles = createRecentFilesStore({ fs, storePath: '/user-data/recent-files.json' });
  /** The files main told the page another program changed. */
  const externalChanges: string[] = [];
  const folderListeners: { folder: string; onEvent: (fileName: string | null) => void }[] = [];
  /** The folder reports a change to `fileName`, and the checks it starts have finished. */
  const folderReports = async (folder: string, fileName: string) => {
    for (const listener of folderListeners) if (listener.folder === folder) listener.onEvent(fileName);
    await new Promise((resolve) => setImmediate(resolve));
  };
  const handlers = createIpcHandlers({
    dialog,
    fs,
    recentFiles,
    access: createFileAccess(recentFiles),
    // The real watcher over the fake disk: a save in place checks what it knows of the file.
    watcher: createExternalChangeWatcher({
      watchFolder: (folder, onEvent) => {
        const listener = { folder, onEvent };
        folderListeners.push(listener);
        return () => folderListeners.splice(folderListeners.indexOf(listener), 1);
      },
      stamp: (path) => fs.status(path),
      resolveLinks: (path) => fs.resolveLinks(path),
      onExternalChange: (path) => externalChanges.push(path),
    }),
    window: {
      askToSaveChanges: async () => 'cancel',
      askToSaveInNewFormat: async () => 'cancel',
      answerCloseRequest: () => {},
      showDocumentState: () => {},
      ...window,
    },
    takeLaunchFiles: () => [],
    clipboard,
    pendingWrites,
    savesInProgress,
  });
  const listeners = new Map<string, (event: InvokeSender, request: unknown) => Promise<unknown>>();
  registerIpcHandlers({ handle: (channel, listener) => listeners.set(channel, listener) }, handlers);
  /** What the preload's invoke does, from any sender. */
  const invokeAs = (sender: InvokeSender, channel: IpcChannel, request: unknown) =>
    listeners.get(channel)!(sender, structuredClone(request));
  const bridge = {
    invoke: (channel: IpcChannel, request: unknown) => invokeAs(THE_APP, channel, request),
    openDroppedFile: () => Promise.reject(new Error('not dropped here')),
    onMenuCommand: () => () => {},
    onOpenFileRequest: () => () => {},
    onCloseRequest: () => () => {},
    onFileChanged: () => () => {},
  } as DesktopBridge;
  return { fs, dialog, host: desktopHost(bridge, noStore), invokeAs, externalChanges, folderReports };
}
