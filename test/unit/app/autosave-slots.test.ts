import { describe, expect, it } from 'vitest';
import { autosaveIn } from '../../../renderer/host/autosave';
import type { KeyValueStore } from '../../../renderer/host/key-value-store';

/** The IndexedDB store, in memory, with keys kept sorted as IndexedDB keeps them. */
function aKeyValueStore(initial: Record<string, unknown> = {}): KeyValueStore & { keys(): string[] } {
  const entries = new Map(Object.entries(initial));
  return {
    get: async <T>(key: string) => entries.get(key) as T | undefined,
    set: async (key, value) => void entries.set(key, value),
    delete: async (key) => void entries.delete(key),
    entries: async <T>(prefix: string) =>
      [...entries]
        .filter(([key]) => key.startsWith(prefix))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]): [string, T] => [key, value as T]),
    keys: () => [...entries.keys()],
  };
}

const slot = (key: string, savedAt: string) => ({ key, name: `design ${key}`, savedAt, text: '{}' });

describe('autosave slots', () => {
  it('keeps one slot per document and lists them newest first', async () => {
    const slots = autosaveIn(aKeyValueStore());
    await slots.autosave(slot('a', '2026-01-01T10:00:00Z'));
    await slots.autosave(slot('b', '2026-01-01T11:00:00Z'));
    await slots.autosave(slot('a', '2026-01-01T09:00:00Z'));

    expect((await slots.autosavedDocuments()).map((each) => each.key)).toEqual(['b', 'a']);
  });

  it('drops only the slot of the document saved or discarded', async () => {
    const store = aKeyValueStore();
    const slots = autosaveIn(store);
    await slots.autosave(slot('a', '1'));
    await slots.autosave(slot('b', '2'));

    await slots.clearAutosave('a');

    expect(store.keys()).toEqual(['autosave:b']);
  });

  it('still offers the copy an older version kept in its single slot, and can drop it', async () => {
    const store = aKeyValueStore({ autosave: '{"name":"old"}', 'recent-files': [] });
    const slots = autosaveIn(store);

    expect(await slots.autosavedDocuments()).toEqual([
      { key: 'autosave', name: 'Untitled design', savedAt: '', text: '{"name":"old"}' },
    ]);
    await slots.clearAutosave('autosave');
    expect(store.keys()).toEqual(['recent-files']);
  });

  it('ignores what is not a slot', async () => {
    const slots = autosaveIn(aKeyValueStore({ 'autosave:x': { key: 'x' }, 'autosave:y': 'text' }));

    expect(await slots.autosavedDocuments()).toEqual([]);
  });
});
