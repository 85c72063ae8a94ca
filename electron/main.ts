import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session, shell, type WebContents } from 'electron';
import { MENU_COMMAND_CHANNEL, OPEN_FILE_CHANNEL } from '../shared/ipc';
import { electronFileDialog } from './dialogs/electron-file-dialog';
import { fileRefFor } from './files/mesh-file-path';
import { nodeFileSystem } from './files/node-file-system';
import { createRecentFilesStore } from './files/recent-files';
import { createIpcHandlers } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register-handlers';
import { applicationMenuTemplate } from './menu/application-menu';
import { APP_ENTRY_URL, APP_SCHEME, resolveAppRequest } from './security/app-protocol';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from './security/content-security-policy';
import { decideNavigation } from './security/navigation-guard';
import { isPermissionGranted } from './security/permissions';
import { mainWindowOptions } from './window-options';

// Wiring only: every decision lives in the modules imported above, where it is unit-tested.

const appFolder = app.getAppPath();
const rendererFolder = join(appFolder, 'dist', 'renderer');
const preloadPath = join(appFolder, 'dist', 'electron', 'preload.cjs');

let mainWindow: BrowserWindow | undefined;

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
}

function openInBrowserWhenAllowed(url: string): void {
  if (decideNavigation(url) === 'open-in-browser') void shell.openExternal(url);
}

function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (decideNavigation(event.url) === 'stay-in-app') return;
    event.preventDefault();
    openInBrowserWhenAllowed(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowserWhenAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function openMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  mainWindow = window;
  void window.loadURL(APP_ENTRY_URL);
}

app.on('web-contents-created', (_event, contents) => guardNavigation(contents));

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

const recentFiles = createRecentFilesStore({
  fs: nodeFileSystem,
  storePath: join(app.getPath('userData'), 'recent-files.json'),
});

async function refreshMenu(): Promise<void> {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        isMac: process.platform === 'darwin',
        isDevelopment: !app.isPackaged,
        recentFiles: await recentFiles.list(),
        sendCommand: (command) => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command),
        openRecent: (path) => mainWindow?.webContents.send(OPEN_FILE_CHANNEL, fileRefFor(path)),
        openDocumentation: () => void shell.openPath(join(appFolder, 'docs')),
      }),
    ),
  );
}

void app.whenReady().then(async () => {
  applySessionPolicies();
  serveRenderer();
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({ dialog: electronFileDialog(() => mainWindow), fs: nodeFileSystem, recentFiles }),
  );
  await refreshMenu();
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
});
