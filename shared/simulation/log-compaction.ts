import { type BrokerLog, brokerTable } from './broker-log';
import { quoteIdentifier } from './sql-text';
import type { SqlConnection } from './sql-workspace';

/**
 * Log compaction, Kafka's `cleanup.policy: compact`: once records are older than retention's
 * window, each key keeps only its latest record, so a consumer that falls behind misses older
 * versions of a key, never the key. A key whose latest record is a tombstone also keeps the delete
 * before it, which is what consumers apply (they pass over tombstones). The window itself is never
 * compacted, like Kafka's active segment. Tombstones stay for the run: `delete.retention.ms` is
 * taken as longer than any run, so a consumer never misses a delete. A key-less record (a
 * truncate, which Kafka would refuse on a compacted topic) is compacted as one more key.
 *
 * Returns `compact(after, upTo)`: compacts the records at positions `(after, upTo]`, which just left
 * the window, against those kept before them. Each record is looked at once, when it leaves the
 * window: it takes its key's place in `_kept_<log id>` (of the registry's own connection), whose
 * trigger removes what it supersedes from the log, so a tick costs what left the window, not the
 * log's size.
 */
export function prepareCompaction(
  connection: SqlConnection,
  log: BrokerLog,
  id: number,
): (after: number, upTo: number) => void {
  const kept = quoteIdentifier(`_kept_${id}`);
  // `position`: the key's latest record; `change`: its latest change (not a tombstone), null if none.
  // A later change supersedes both; a later tombstone only a tombstone after the change. (A TEMP
  // trigger may reach the broker's log, unqualified as trigger bodies must name tables.)
  connection.exec(`CREATE TABLE node.${kept} (key TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, change INTEGER) WITHOUT ROWID;
CREATE TEMP TRIGGER ${quoteIdentifier(`_compact_${id}`)} AFTER UPDATE ON ${kept} BEGIN
  DELETE FROM ${quoteIdentifier(log.table)} WHERE _position IN (OLD.position, OLD.change) AND _position IS NOT NEW.change;
END`);
  const keepLatest = connection.prepare(`INSERT INTO node.${kept} (key, position, change)
SELECT ifnull(_key, ''), _position, CASE WHEN _op IS NOT NULL THEN _position END
FROM ${brokerTable(log)} WHERE _position > ? AND _position <= ? ORDER BY _position
ON CONFLICT (key) DO UPDATE SET position = excluded.position, change = coalesce(excluded.change, change)`);
  return (after, upTo) => {
    keepLatest.run([after, upTo]);
  };
}
