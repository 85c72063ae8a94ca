import { asShownName, type DesktopBridge, type IpcChannel, type IpcRequest, type IpcResponse } from '../../shared/ipc';
import { autosaveIn } from './autosave';
import { webLockClaims } from './autosave-claims';
import type { Host } from './host';
import { confirmInPage } from './in-page-prompt';
import type { KeyValueStore } from './key-value-store';

type ValueOf<C extends IpcChannel> = Extract<IpcResponse<C>, { ok: true }>['value'];

/** The Host of the desktop app: every file operation crosses the preload bridge to the main process. */
export function desktopHost(bridge: DesktopBridge, store: KeyValueStore): Host {
  async function call<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<ValueOf<C>> {
    const response = await bridge.invoke(channel, request);
    if (!response.ok) throw new Error(response.error);
    return response.value as ValueOf<C>;
  }

  return {
    kind: 'desktop',
    openFile: () => call('file:open', undefined),
    openRecent: (file) => {
      if (!file.path) return Promise.reject(new Error(`'${file.name}' has no path on disk`));
      return call('file:read', { path: file.path });
    },
    saveFile: (file, suggestedName, text) => call('file:save', { file, suggestedName, text }),
    exportFiles: (suggestedName, files) => call('files:export', { suggestedName, files }),
    saveExport: (suggestedName, content) => call('file:save-export', { suggestedName, content }),
    recentFiles: () => call('recent:list', undefined),
    rememberOpenedDesign: async (file) => {
      if (file.path) await call('recent:remember', { path: file.path });
    },
    // The page words its own questions; native dialogs only say what main words (see shared/ipc.ts).
    confirm: confirmInPage,
    // A design may be named at any length and over lines; the native box shows one short line of it.
    askToSaveChanges: (documentName) => call('dialog:unsaved-changes', { documentName: asShownName(documentName) }),
    askToSaveInNewFormat: (fileName, fileFormat) =>
      call('dialog:save-in-new-format', { fileName: asShownName(fileName), fileFormat }),
    onCloseRequest: (listener) => bridge.onCloseRequest(listener),
    answerCloseRequest: async (mayClose) => {
      await call('window:answer-close', { mayClose });
    },
    showDocumentState: (state) => {
      // Window chrome only: a failure here must not disturb editing, and main reports nothing back.
      void bridge.invoke('window:document-state', state);
    },
    takeLaunchFiles: () => call('app:take-launch-files', undefined),
    openDroppedFile: async (file) => {
      const response = await bridge.openDroppedFile(file);
      if (!response.ok) throw new Error(response.error);
      return response.value;
    },
    onFileChanged: (listener) => bridge.onFileChanged(listener),
    chooseContractFiles: () => call('contracts:choose', undefined),
    editText: async (edit) => {
      await call('window:edit-text', { edit });
    },
    // The page may not read the clipboard itself (see electron/security/permissions.ts): main reads its text.
    readClipboardText: () => call('clipboard:read-text', undefined),
    openContractFile: () => call('contracts:open', undefined),
    saveContractFile: (file, suggestedName, text) => call('contracts:save', { file, suggestedName, text }),
    readContractFile: (file) => {
      if (!file.path) return Promise.reject(new Error(`'${file.name}' has no path on disk`));
      return call('contracts:read', { path: file.path });
    },
    adoptContractFile: async (file) => {
      if (file.path) await call('contracts:adopt', { path: file.path });
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    onOpenFileRequest: (listener) => bridge.onOpenFileRequest(listener),
    // The renderer's storage and locks are shared by every window of the app, as a browser's by its tabs.
    ...autosaveIn(store, webLockClaims(globalThis.navigator?.locks)),
  };
}
