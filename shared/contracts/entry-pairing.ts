/** Two versions of a list, each previous entry paired with the first unclaimed next one `isPair` accepts. */
export interface EntryPairing<Entry> {
  pairs: Array<[previous: Entry, next: Entry]>;
  removed: Entry[];
  added: Entry[];
}

export function pairEntries<Entry>(
  previous: readonly Entry[],
  next: readonly Entry[],
  isPair: (previous: Entry, next: Entry) => boolean,
): EntryPairing<Entry> {
  const unclaimed = [...next];
  const pairs: EntryPairing<Entry>['pairs'] = [];
  const removed: Entry[] = [];
  for (const entry of previous) {
    const index = unclaimed.findIndex((candidate) => isPair(entry, candidate));
    if (index === -1) removed.push(entry);
    else pairs.push([entry, ...unclaimed.splice(index, 1)] as [Entry, Entry]);
  }
  return { pairs, removed, added: unclaimed };
}
