import { create, type StoreApi, type UseBoundStore } from 'zustand';

export interface BatchedLinkMap<Entry> {
  /** The entries as applied, by link id. */
  useEntries: UseBoundStore<StoreApi<{ entries: ReadonlyMap<string, Entry> }>>;
  /** Puts a link's entry (undefined takes it away); applied with the others once the render ends. */
  set(linkId: string, entry: Entry | undefined): void;
}

/**
 * One entry per link, set by each link as it draws, for work done on all of them together. The
 * changes a render makes are applied together once it ends, so a render that changes a thousand
 * links does that work once, not a thousand times.
 */
export function createBatchedLinkMap<Entry>(
  isSame: (a: Entry | undefined, b: Entry | undefined) => boolean,
): BatchedLinkMap<Entry> {
  const useEntries = create<{ entries: ReadonlyMap<string, Entry> }>(() => ({ entries: new Map() }));
  const pending = new Map<string, Entry | undefined>();
  const applyPending = () => {
    const { entries } = useEntries.getState();
    const changed = [...pending].filter(([linkId, entry]) => !isSame(entries.get(linkId), entry));
    pending.clear();
    if (changed.length === 0) return;
    const next = new Map(entries);
    for (const [linkId, entry] of changed) {
      if (entry) next.set(linkId, entry);
      else next.delete(linkId);
    }
    useEntries.setState({ entries: next });
  };
  return {
    useEntries,
    set: (linkId, entry) => {
      if (pending.size === 0) queueMicrotask(applyPending);
      pending.set(linkId, entry);
    },
  };
}
