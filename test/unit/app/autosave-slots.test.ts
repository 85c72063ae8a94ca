import { describe, expect, it } from 'vitest';
import { autosaveIn } from '../../../renderer/host/autosave';
import { webLockClaims } from '../../../renderer/host/autosave-claims';
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

/**
 * The tabs of one browser, sharing Web Locks as `navigator.locks` shares them: a lock is held
 * while its callback's promise is pending, and the browser lets a tab's locks go when it dies.
 */
function someTabs() {
  const held = new Map<string, string>();
  const tab = (id: string) =>
    ({
      async request(name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) {
        if (held.has(name)) return callback(null);
        held.set(name, id);
        try {
          return await callback({ name, mode: 'exclusive' });
        } finally {
          if (held.get(name) === id) held.delete(name);
        }
      },
      query: async () => ({ held: [...held].map(([name, clientId]) => ({ name, clientId, mode: 'exclusive' })) }),
    }) as unknown as LockManager;
  const crash = (id: string) => {
    for (const [name, owner] of held) if (owner === id) held.delete(name);
  };
  return { tab, crash };
}

/** The browser lets a lock go once its callback's promise settles, a moment after the release. */
const lockReleased = () => new Promise((resolve) => setImmediate(resolve));

const withoutLocks = (store: KeyValueStore) => autosaveIn(store, webLockClaims(undefined));

describe('autosave slots', () => {
  it('keeps one slot per document and lists them newest first', async () => {
    const slots = withoutLocks(aKeyValueStore());
    await slots.autosave(slot('a', '2026-01-01T10:00:00Z'));
    await slots.autosave(slot('b', '2026-01-01T11:00:00Z'));
    await slots.autosave(slot('a', '2026-01-01T09:00:00Z'));

    expect((await slots.autosavedDocuments()).map((each) => each.key)).toEqual(['b', 'a']);
  });

  it('drops only the slot of the document saved or discarded', async () => {
    const store = aKeyValueStore();
    const slots = withoutLocks(store);
    await slots.autosave(slot('a', '1'));
    await slots.autosave(slot('b', '2'));

    await slots.clearAutosave('a');

    expect(store.keys()).toEqual(['autosave:b']);
  });

  it('still offers the copy an older version kept in its single slot, and can drop it', async () => {
    const store = aKeyValueStore({ autosave: '{"name":"old"}', 'recent-files': [] });
    const slots = withoutLocks(store);

    expect(await slots.autosavedDocuments()).toEqual([
      { key: 'autosave', name: 'Untitled design', savedAt: '', text: '{"name":"old"}' },
    ]);
    await slots.clearAutosave('autosave');
    expect(store.keys()).toEqual(['recent-files']);
  });

  it('ignores what is not a slot', async () => {
    const slots = withoutLocks(aKeyValueStore({ 'autosave:x': { key: 'x' }, 'autosave:y': 'text' }));

    expect(await slots.autosavedDocuments()).toEqual([]);
  });
});

describe('autosave slots of tabs open at once', () => {
  it('does not offer a copy another open tab keeps, and offers it once that tab has crashed', async () => {
    const store = aKeyValueStore();
    const tabs = someTabs();
    const tabA = autosaveIn(store, webLockClaims(tabs.tab('A')));
    const tabB = autosaveIn(store, webLockClaims(tabs.tab('B')));
    await tabA.autosave(slot('a', '2'));
    await store.set('autosave:left', slot('left', '1'));

    expect((await tabB.autosavedDocuments()).map((each) => each.key)).toEqual(['left']);
    expect((await tabA.autosavedDocuments()).map((each) => each.key)).toEqual(['a', 'left']);

    tabs.crash('A');
    expect((await tabB.autosavedDocuments()).map((each) => each.key)).toEqual(['a', 'left']);
  });

  it('lets one tab claim a slot, until it clears the slot', async () => {
    const store = aKeyValueStore();
    const tabs = someTabs();
    const tabA = autosaveIn(store, webLockClaims(tabs.tab('A')));
    const tabB = autosaveIn(store, webLockClaims(tabs.tab('B')));
    await store.set('autosave:left', slot('left', '1'));

    expect(await tabA.claimAutosave('left')).toBe(true);
    expect(await tabA.claimAutosave('left')).toBe(true);
    expect(await tabB.claimAutosave('left')).toBe(false);
    expect(await tabB.autosavedDocuments()).toEqual([]);

    await tabA.clearAutosave('left');
    await lockReleased();
    expect(await tabB.claimAutosave('left')).toBe(true);
  });

  it('refuses to overwrite a copy another tab keeps', async () => {
    const store = aKeyValueStore();
    const tabs = someTabs();
    await autosaveIn(store, webLockClaims(tabs.tab('A'))).autosave(slot('a', 'A’s'));

    await expect(autosaveIn(store, webLockClaims(tabs.tab('B'))).autosave(slot('a', 'B’s'))).rejects.toThrow(
      'another tab or window is keeping this design’s copy',
    );
    expect((await store.get<{ savedAt: string }>('autosave:a'))?.savedAt).toBe('A’s');
  });
});
