import type { BrowserWindowConstructorOptions } from 'electron';

/** The main window's size the first time, and wherever its saved place is off every display. */
export const MAIN_WINDOW_SIZE = { width: 1440, height: 900 };

/** The main window: the renderer is an isolated, sandboxed web page that reaches main only through the preload bridge. */
export function mainWindowOptions(
  preloadPath: string,
  { isDevelopment }: { isDevelopment: boolean },
): BrowserWindowConstructorOptions {
  return {
    title: 'Data Mesh Designer',
    ...MAIN_WINDOW_SIZE,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A middle click must not open a link in a new window (window opens are denied anyway).
      disableBlinkFeatures: 'Auxclick',
      // DevTools are for development builds only.
      devTools: isDevelopment,
      spellcheck: false,
    },
  };
}
