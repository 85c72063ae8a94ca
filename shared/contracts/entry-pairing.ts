/** Two versions of a list, each previous entry paired with the first unclaimed next one `isPair` accepts. */
export interface EntryPairing<Previous, Next = Previous> {
  pairs: Array<[previous: Previous, next: Next]>;
  removed: Previous[];
  added: Next[];
}

/** The previous entries may carry what only they need for pairing (their references after renames). */
export function pairEntries<Previous, Next = Previous>(
  previous: readonly Previous[],
  next: readonly Next[],
  isPair: (previous: Previous, next: Next) => boolean,
): EntryPairing<Previous, Next> {
  const unclaimed = [...next];
  const pairs: EntryPairing<Previous, Next>['pairs'] = [];
  const removed: Previous[] = [];
  for (const entry of previous) {
    const index = unclaimed.findIndex((candidate) => isPair(entry, candidate));
    if (index === -1) removed.push(entry);
    else pairs.push([entry, ...unclaimed.splice(index, 1)] as [Previous, Next]);
  }
  return { pairs, removed, added: unclaimed };
}
