import type { Host } from './host';
import type { KeyValueStore } from './key-value-store';

const AUTOSAVE_KEY = 'autosave';

/** Autosave is the same in both hosts: the renderer's IndexedDB survives crashes and closed tabs. */
export function autosaveIn(store: KeyValueStore): Pick<Host, 'autosave' | 'recoverAutosave' | 'clearAutosave'> {
  return {
    autosave: (text) => store.set(AUTOSAVE_KEY, text),
    recoverAutosave: async () => (await store.get<string>(AUTOSAVE_KEY)) ?? null,
    clearAutosave: () => store.delete(AUTOSAVE_KEY),
  };
}
