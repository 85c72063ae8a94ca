import { watch } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  ipcMain,
  Menu,
  net,
  protocol,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import type { CommandId } from '../shared/commands/command-table';
import { CLOSE_REQUEST_CHANNEL, FILE_CHANGED_CHANNEL, MENU_COMMAND_CHANNEL, OPEN_FILE_CHANNEL } from '../shared/ipc';
import { createFileHandoff } from './app/file-handoff';
import { meshFileInArguments } from './app/launch-files';
import { createQuitGuard, QUIT_WAIT_FOR_WRITES_MS } from './app/quit-guard';
import {
  electronFileDialog,
  showAppMessageBox,
  showMessageBox,
  showMessageBoxSync,
} from './dialogs/electron-file-dialog';
import {
  crashedPageBox,
  leavePageBox,
  openLinkBox,
  saveInNewFormatBox,
  unfinishedWritesBox,
  unsavedChangesBox,
} from './dialogs/message-boxes';
import { sweepOrphanTemporaryFiles } from './files/atomic-write';
import { createExternalChangeWatcher } from './files/external-change-watcher';
import { createFileAccess } from './files/file-access';
import { fileRefFor } from './files/mesh-file-path';
import { nodeFileSystem } from './files/node-file-system';
import { createPendingWrites } from './files/pending-writes';
import { createRecentFilesStore, existingRecentFiles } from './files/recent-files';
import { createSavesInProgress } from './files/saves-in-progress';
import { createIpcHandlers } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register-handlers';
import { applicationMenuTemplate, applyEnabledCommands } from './menu/application-menu';
import { APP_ENTRY_URL, APP_SCHEME, resolveAppRequest } from './security/app-protocol';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from './security/content-security-policy';
import { createExternalLinkOpener } from './security/external-links';
import { decideNavigation } from './security/navigation-guard';
import { isPermissionGranted } from './security/permissions';
import { createCloseGuard } from './window/close-guard';
import { recoverFromPageGone } from './window/crashed-page';
import { createWindowStateKeeper } from './window/window-state-keeper';
import { mainWindowOptions } from './window-options';

// Wiring only: every decision lives in the modules imported above, where it is unit-tested.

// A second launch hands its file to the running app and quits (see 'second-instance').
if (!app.requestSingleInstanceLock()) app.exit(0);

const isMac = process.platform === 'darwin';
const isDevelopment = !app.isPackaged;
const appFolder = app.getAppPath();
const rendererFolder = join(appFolder, 'dist', 'renderer');
const preloadPath = join(appFolder, 'dist', 'electron', 'preload.cjs');
const documentationFolder = app.isPackaged ? join(process.resourcesPath, 'docs') : join(appFolder, 'docs');

let mainWindow: BrowserWindow | undefined;
let enabledCommands: CommandId[] = [];

const sendToPage = (channel: string, ...args: unknown[]) => mainWindow?.webContents.send(channel, ...args);

const recentFiles = createRecentFilesStore({
  fs: nodeFileSystem,
  storePath: join(app.getPath('userData'), 'recent-files.json'),
  onChanged: () => void refreshMenu(),
});
const access = createFileAccess(recentFiles);
// Read only after 'ready': Electron's screen module answers from then on.
const windowState = createWindowStateKeeper({
  fs: nodeFileSystem,
  storePath: join(app.getPath('userData'), 'window-state.json'),
  screen,
});
const pendingWrites = createPendingWrites();
const quitGuard = createQuitGuard({
  windowStateSaved: () => windowState.saved(),
  pendingWrites,
  tellUnfinished: async (paths) => {
    await showAppMessageBox(unfinishedWritesBox(paths, QUIT_WAIT_FOR_WRITES_MS / 1000));
  },
  quitApp: () => app.quit(),
});
const handoff = createFileHandoff({
  grant: async (path) => access.allowForThisSession(path),
  send: (file) => sendToPage(OPEN_FILE_CHANNEL, file),
  // Before 'ready' no window can open; the one opened at startup takes the file.
  openWindowIfNone: () => {
    if (app.isReady() && !mainWindow) openMainWindow();
  },
});
const watcher = createExternalChangeWatcher({
  watchFolder: (folder, onEvent) => {
    const folderWatch = watch(folder, (_event, fileName) => onEvent(fileName ? String(fileName) : null));
    folderWatch.on('error', () => folderWatch.close());
    return () => folderWatch.close();
  },
  stamp: (path) => nodeFileSystem.status(path),
  resolveLinks: (path) => nodeFileSystem.resolveLinks(path),
  onExternalChange: (path) => sendToPage(FILE_CHANGED_CHANNEL, fileRefFor(path)),
});
// A close (or quit) held while a save dialog was open goes on once the save settles.
const savesInProgress = createSavesInProgress(() => closeGuard.savesSettled());
const closeGuard = createCloseGuard({
  askRenderer: () => sendToPage(CLOSE_REQUEST_CHANNEL),
  closeWindow: () => mainWindow?.close(),
  quitApp: () => app.quit(),
  confirmLeavingPage: () => (mainWindow ? showMessageBoxSync(mainWindow, leavePageBox()) : true),
  isSaving: () => savesInProgress.isAnyInProgress(),
});
const openLink = createExternalLinkOpener({
  confirm: (url) => (mainWindow ? showMessageBox(mainWindow, openLinkBox(url)) : Promise.resolve(false)),
  // Electronegativity OPEN_EXTERNAL_JS_CHECK: only https links, after the user confirmed the address (external-links.ts).
  open: (url) => shell.openExternal(url),
});

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolution = resolveAppRequest(rendererFolder, request.url);
    if (!resolution.ok) return new Response(null, { status: resolution.status });
    try {
      const file = await net.fetch(pathToFileURL(resolution.filePath).toString());
      // webRequest header hooks skip custom protocols, so the policy is also set on the response itself.
      const headers = new Headers(file.headers);
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      headers.set('X-Content-Type-Options', 'nosniff');
      return new Response(file.body, { status: file.status, headers });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

function applySessionPolicies(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }),
  );
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
}

function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (decideNavigation(event.url) === 'stay-in-app') return;
    event.preventDefault();
    void openLink(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openLink(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

async function refreshMenu(): Promise<void> {
  const menu = Menu.buildFromTemplate(
    applicationMenuTemplate({
      isMac,
      isDevelopment,
      recentFiles: await existingRecentFiles(recentFiles, nodeFileSystem),
      sendCommand: (command) => sendToPage(MENU_COMMAND_CHANNEL, command),
      openRecent: (path) => sendToPage(OPEN_FILE_CHANNEL, fileRefFor(path)),
      openDocumentation: () => void shell.openPath(documentationFolder),
    }),
  );
  applyEnabledCommands(menu, enabledCommands);
  Menu.setApplicationMenu(menu);
}

function openMainWindow(): void {
  // Electronegativity CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK, AUXCLICK_JS_CHECK: it cannot see into
  // mainWindowOptions(), which sets all three (tested in window-options.test.ts).
  const placement = windowState.placement();
  const window = new BrowserWindow({ ...mainWindowOptions(preloadPath, { isDevelopment }), ...placement.bounds });
  windowState.track(window);
  window.once('ready-to-show', () => {
    if (placement.isMaximized) window.maximize();
    window.show();
  });
  window.on('close', (event) => {
    if (closeGuard.shouldPreventClose()) event.preventDefault();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
    handoff.pageUnloaded();
    watcher.stop();
    closeGuard.closed();
  });
  window.on('unresponsive', () => closeGuard.rendererGone());
  window.on('responsive', () => closeGuard.rendererBack());
  window.webContents.on('render-process-gone', (_event, { reason }) => {
    closeGuard.rendererGone();
    if (window.isDestroyed()) return;
    void recoverFromPageGone(reason, {
      ask: () => showMessageBox(window, crashedPageBox()),
      reload: () => {
        // The reloaded page answers close requests again.
        closeGuard.rendererBack();
        window.webContents.reload();
      },
      closeWindow: () => window.close(),
    });
  });
  // Without this Electron cancels a close the page's beforeunload held back, silently: the window would not close.
  window.webContents.on('will-prevent-unload', (event) => {
    if (closeGuard.shouldLeaveHeldPage()) event.preventDefault();
  });
  window.webContents.on('did-start-loading', () => handoff.pageUnloaded());
  mainWindow = window;
  void window.loadURL(APP_ENTRY_URL);
}

function focusMainWindow(): void {
  if (!mainWindow) {
    openMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

const handOver = (path: string | null) => {
  if (path !== null) void handoff.offer(path);
};

// macOS hands files (a double-click in Finder, a drop on the Dock icon) by event, even before 'ready'.
app.on('open-file', (event, path) => {
  event.preventDefault();
  handOver(path);
});
app.on('second-instance', (_event, argv, workingDirectory) => {
  handOver(meshFileInArguments(argv, workingDirectory));
  focusMainWindow();
});
app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
app.on('before-quit', () => closeGuard.quitRequested());
// The window's place, and a save still being written (Ctrl+S just before Quit), must reach the disk first.
app.on('will-quit', (event) => {
  if (quitGuard.shouldPreventQuit()) event.preventDefault();
});
app.on('window-all-closed', () => {
  if (!isMac) app.quit();
});

void app.whenReady().then(async () => {
  await windowState.load();
  applySessionPolicies();
  serveRenderer();
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      dialog: electronFileDialog(() => mainWindow),
      fs: nodeFileSystem,
      recentFiles,
      access,
      watcher,
      takeLaunchFiles: () => handoff.take(),
      clipboard,
      pendingWrites,
      savesInProgress,
      window: {
        askToSaveChanges: async (documentName) =>
          mainWindow ? showMessageBox(mainWindow, unsavedChangesBox(documentName)) : 'cancel',
        askToSaveInNewFormat: async (fileName, fileFormat) =>
          mainWindow ? showMessageBox(mainWindow, saveInNewFormatBox(fileName, fileFormat)) : 'cancel',
        answerCloseRequest: (mayClose) => closeGuard.answer(mayClose),
        showDocumentState: (state) => {
          closeGuard.reportUnsavedChanges(state.isDirty);
          watcher.follow(state.filePath);
          mainWindow?.setDocumentEdited(state.isDirty);
          mainWindow?.setRepresentedFilename(state.filePath ?? '');
          enabledCommands = state.enabledCommands;
          const menu = Menu.getApplicationMenu();
          if (menu) applyEnabledCommands(menu, enabledCommands);
        },
      },
    }),
  );
  // Temporary files a killed save left beside recent designs go before anything else is written;
  // all of them, however new: the single-instance lock means no save of this app is running yet.
  for (const file of await recentFiles.list()) {
    if (file.path) await sweepOrphanTemporaryFiles(nodeFileSystem, file.path, { olderThanMs: 0 });
  }
  handOver(meshFileInArguments(process.argv.slice(1), process.cwd()));
  await refreshMenu();
  // A file handed over just now may have opened the window already.
  if (!mainWindow) openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
});
