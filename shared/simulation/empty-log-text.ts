/**
 * What a log's message list says when it shows nothing: a key filter among records retention
 * thinned says how many the log (a topic or a port) keeps and how many it removed, never as if none had the key. A
 * compacted topic keeps past retention only what some consumer has not read (log-compaction.ts),
 * so the key may have been among those gone there too.
 */
export function emptyLogText(filter: {
  hasKey: boolean;
  appended: number;
  kept: number;
  isCompacted?: boolean;
}): string {
  if (!filter.hasKey) return 'No messages yet: run the simulation.';
  const removed = filter.appended - filter.kept;
  if (removed <= 0) return 'No messages with this key.';
  const among = `No messages with this key among the ${filter.kept} the log keeps`;
  if (filter.isCompacted) {
    return `${among}; ${removed} older ${removed === 1 ? 'one is' : 'ones are'} gone (past retention, a compacted topic keeps only records some consumer has not read, the latest of each key).`;
  }
  return `${among}; retention removed ${removed} older ${removed === 1 ? 'one' : 'ones'}.`;
}
