import { describe, expect, it } from 'vitest';
import {
  createPreferencesStore,
  PREFERENCES_KEY,
  type PreferenceStorage,
  readPreferences,
} from '../../../renderer/store/preferences-store';

function memoryStorage(initial?: string): PreferenceStorage & { saved: () => unknown } {
  const items = new Map<string, string>(initial === undefined ? [] : [[PREFERENCES_KEY, initial]]);
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    saved: () => JSON.parse(items.get(PREFERENCES_KEY) ?? 'null'),
  };
}

describe('preferences', () => {
  it('follows the operating system’s theme, without snapping, until told otherwise', () => {
    expect(readPreferences(memoryStorage())).toEqual({
      theme: 'system',
      snapToGrid: false,
      sidePanelWidth: 340,
      showsSidePanel: true,
      showsPalette: true,
      contractPanelWidth: 480,
      contractPanelMode: 'docked',
    });
  });

  it('cycles the theme system → light → dark → system, and keeps the choice', () => {
    const storage = memoryStorage();
    const store = createPreferencesStore(storage);
    store.getState().cycleTheme();
    expect(store.getState().theme).toBe('light');
    store.getState().cycleTheme();
    expect(store.getState().theme).toBe('dark');
    expect(storage.saved()).toMatchObject({ theme: 'dark' });
    expect(createPreferencesStore(storage).getState().theme).toBe('dark');
    store.getState().cycleTheme();
    expect(store.getState().theme).toBe('system');
  });

  it('toggles snapping to the grid and keeps it', () => {
    const storage = memoryStorage();
    createPreferencesStore(storage).getState().toggleSnapToGrid();
    expect(readPreferences(storage).snapToGrid).toBe(true);
  });

  it('keeps the side panel width within bounds', () => {
    const store = createPreferencesStore(memoryStorage());
    store.getState().setSidePanelWidth(5000);
    expect(store.getState().sidePanelWidth).toBe(720);
    store.getState().setSidePanelWidth(12.6);
    expect(store.getState().sidePanelWidth).toBe(240);
  });

  it('falls back to defaults for a corrupt or out-of-range entry', () => {
    expect(readPreferences(memoryStorage('{not json'))).toMatchObject({ theme: 'system' });
    expect(readPreferences(memoryStorage('{"theme":"sepia","sidePanelWidth":9}'))).toEqual({
      theme: 'system',
      snapToGrid: false,
      sidePanelWidth: 340,
      showsSidePanel: true,
      showsPalette: true,
      contractPanelWidth: 480,
      contractPanelMode: 'docked',
    });
  });

  it('keeps where the contract editor goes and how wide it is, within bounds', () => {
    const storage = memoryStorage();
    const store = createPreferencesStore(storage);
    store.getState().setContractPanelMode('maximized');
    store.getState().setContractPanelWidth(100);
    expect(readPreferences(storage)).toMatchObject({ contractPanelMode: 'maximized', contractPanelWidth: 320 });
  });

  it('hides and shows the side panel and the palette, and keeps the choice', () => {
    const storage = memoryStorage();
    const store = createPreferencesStore(storage);
    store.getState().toggleSidePanel();
    store.getState().togglePalette();
    expect(readPreferences(storage)).toMatchObject({ showsSidePanel: false, showsPalette: false });
    store.getState().togglePalette();
    expect(readPreferences(storage).showsPalette).toBe(true);
  });
});
