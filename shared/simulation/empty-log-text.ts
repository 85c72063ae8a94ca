/**
 * What a log's message list says when it shows nothing: a key filter among records retention
 * thinned says how many the topic keeps and how many it removed, never as if none had the key; a
 * compacted topic keeps every key's latest record, so one without the key never had it.
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
  if (filter.isCompacted) {
    return `No messages with this key: the topic never had one, as compaction keeps the latest record of every key (it removed ${removed} older ${removed === 1 ? 'record' : 'records'}).`;
  }
  return `No messages with this key among the ${filter.kept} the topic keeps; retention removed ${removed} older ${removed === 1 ? 'one' : 'ones'}.`;
}
