import type { AutosaveClaims } from './autosave-claims';
import type { AutosaveSlot, Host } from './host';
import type { KeyValueStore } from './key-value-store';

const SLOT_PREFIX = 'autosave:';
/** Where versions before one slot per document kept their only copy; still offered, never written. */
const LEGACY_SLOT_KEY = 'autosave';

/**
 * Autosave is the same in both hosts: the renderer's IndexedDB survives crashes and closed tabs.
 * Each document has its own slot, so unsaved work in one is never overwritten by another; the tab
 * writing a slot claims it, so no other tab offers it as work from an earlier session.
 */
export function autosaveIn(
  store: KeyValueStore,
  claims: AutosaveClaims,
): Pick<Host, 'autosave' | 'autosavedDocuments' | 'clearAutosave' | 'claimAutosave'> {
  return {
    async autosave(slot) {
      if (!(await claims.claim(slot.key))) throw new Error('another tab or window is keeping this design’s copy');
      await store.set(`${SLOT_PREFIX}${slot.key}`, slot);
    },
    async autosavedDocuments() {
      const inUse = await claims.claimedElsewhere();
      const slots = (await store.entries<AutosaveSlot>(SLOT_PREFIX))
        .map(([, slot]) => slot)
        .filter((slot) => isSlot(slot) && !inUse.has(slot.key));
      const legacyText = await store.get<unknown>(LEGACY_SLOT_KEY);
      const legacy: AutosaveSlot[] =
        typeof legacyText === 'string' && !inUse.has(LEGACY_SLOT_KEY)
          ? [{ key: LEGACY_SLOT_KEY, name: 'Untitled design', savedAt: '', text: legacyText }]
          : [];
      return [...slots, ...legacy].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
    async clearAutosave(key) {
      await store.delete(key === LEGACY_SLOT_KEY ? key : `${SLOT_PREFIX}${key}`);
      claims.release(key);
    },
    claimAutosave: (key) => claims.claim(key),
  };
}

function isSlot(value: unknown): value is AutosaveSlot {
  const slot = value as Partial<AutosaveSlot> | null;
  return (
    typeof slot?.key === 'string' &&
    typeof slot.name === 'string' &&
    typeof slot.savedAt === 'string' &&
    typeof slot.text === 'string'
  );
}
