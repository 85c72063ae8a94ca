import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/window-options';

describe('the main window', () => {
  const { webPreferences } = mainWindowOptions('/app/dist/electron/preload.cjs', { isDevelopment: false });

  it('isolates the page from Node and Electron', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
  });

  it('keeps web security on', () => {
    expect(webPreferences).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false });
  });

  it('loads the given preload script', () => {
    expect(webPreferences?.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('offers DevTools only in development builds', () => {
    expect(webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/preload.cjs', { isDevelopment: true }).webPreferences?.devTools).toBe(true);
  });
});
