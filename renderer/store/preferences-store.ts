import { z } from 'zod';
import { create } from 'zustand';

const PreferencesSchema = z.object({
  /** `system` follows the operating system's light or dark setting. */
  theme: z.enum(['system', 'light', 'dark']).catch('system'),
  snapToGrid: z.boolean().catch(false),
  sidePanelWidth: z.number().min(240).max(720).catch(340),
  showsSidePanel: z.boolean().catch(true),
  showsPalette: z.boolean().catch(true),
  contractPanelWidth: z.number().min(320).max(1600).catch(480),
  /** Beside the canvas, over the whole workspace, or as a tab of the side panel. */
  contractPanelMode: z.enum(['docked', 'maximized', 'tab']).catch('docked'),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
export type ThemePreference = Preferences['theme'];

export const PREFERENCES_KEY = 'data-mesh-designer.preferences';
export const SIDE_PANEL_WIDTH = { min: 240, max: 720 };
export const CONTRACT_PANEL_WIDTH = { min: 320, max: 1600 };
export type ContractPanelMode = Preferences['contractPanelMode'];
const THEME_CYCLE: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** Where preferences are kept between sessions; the browser's localStorage in the app. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads stored preferences; anything missing, unreadable or out of range falls back to its default. */
export function readPreferences(storage: PreferenceStorage | undefined): Preferences {
  let stored: unknown = {};
  try {
    stored = JSON.parse(storage?.getItem(PREFERENCES_KEY) ?? '{}');
  } catch {
    // A corrupt entry is replaced by defaults, as if there were none.
  }
  return PreferencesSchema.parse(typeof stored === 'object' && stored !== null ? stored : {});
}

interface PreferencesState extends Preferences {
  cycleTheme(): void;
  toggleSnapToGrid(): void;
  setSidePanelWidth(width: number): void;
  toggleSidePanel(): void;
  togglePalette(): void;
  setContractPanelWidth(width: number): void;
  setContractPanelMode(mode: ContractPanelMode): void;
}

export function createPreferencesStore(storage: PreferenceStorage | undefined) {
  const store = create<PreferencesState>()((set) => ({
    ...readPreferences(storage),
    cycleTheme: () =>
      set((state) => ({ theme: THEME_CYCLE[(THEME_CYCLE.indexOf(state.theme) + 1) % THEME_CYCLE.length] })),
    toggleSnapToGrid: () => set((state) => ({ snapToGrid: !state.snapToGrid })),
    setSidePanelWidth: (width) =>
      set({ sidePanelWidth: Math.round(Math.min(SIDE_PANEL_WIDTH.max, Math.max(SIDE_PANEL_WIDTH.min, width))) }),
    toggleSidePanel: () => set((state) => ({ showsSidePanel: !state.showsSidePanel })),
    togglePalette: () => set((state) => ({ showsPalette: !state.showsPalette })),
    setContractPanelWidth: (width) =>
      set({
        contractPanelWidth: Math.round(Math.min(CONTRACT_PANEL_WIDTH.max, Math.max(CONTRACT_PANEL_WIDTH.min, width))),
      }),
    setContractPanelMode: (contractPanelMode) => set({ contractPanelMode }),
  }));
  store.subscribe((state) => {
    const { theme, snapToGrid, sidePanelWidth, showsSidePanel, showsPalette, contractPanelWidth, contractPanelMode } =
      state;
    storage?.setItem(
      PREFERENCES_KEY,
      JSON.stringify({
        theme,
        snapToGrid,
        sidePanelWidth,
        showsSidePanel,
        showsPalette,
        contractPanelWidth,
        contractPanelMode,
      }),
    );
  });
  return store;
}

export const usePreferencesStore = createPreferencesStore(globalThis.localStorage);
