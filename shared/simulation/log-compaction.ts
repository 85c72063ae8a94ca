import { type BrokerLog, brokerTable, type LogProgress } from './broker-log';
import { quoteIdentifier } from './sql-text';
import type { SqlConnection } from './sql-workspace';

/**
 * Log compaction, Kafka's `cleanup.policy: compact`, as the log's consumers experience it: a
 * record one of them has not read yet, once older than retention's window, goes only when a later
 * record of its key replaces it, so a consumer that falls behind misses older versions of a key,
 * never the key. What every consumer has read leaves with the window as under the delete policy
 * (the registry trims it), as nobody can read it again: a log whose consumers keep up costs what
 * retention costs, and compaction has nothing to do.
 *
 * A key whose latest record is a tombstone also keeps the delete before it, which is what
 * consumers apply (they pass over tombstones). The window itself is never compacted, like Kafka's
 * active segment. Tombstones stay as long as a consumer has not read them (`delete.retention.ms`
 * is taken as longer than any lag). A key-less record (a truncate, which Kafka would refuse on a
 * compacted topic) is compacted as one more key.
 *
 * Each record is looked at once, when it leaves the window unread: it takes its key's place in
 * `_kept_<log id>` (of the registry's own connection), whose trigger removes what it supersedes
 * from the log, so a tick costs what left the window, not the log's size. Once every consumer has
 * read past what compaction ran over, that table is emptied: it holds keys only while one lags.
 *
 * Compaction keeps a key's latest offset, not its latest change: after an out-of-order burst (older
 * changes sent again after newer ones) it may remove the newer change and keep an older one, as
 * Kafka does. Each change so removed is noted in the log's `overtaken`, for its consumers to tell.
 */
export function prepareCompaction(
  connection: SqlConnection,
  log: BrokerLog,
  id: number,
): (progress: LogProgress, windowStart: number) => void {
  const kept = quoteIdentifier(`_kept_${id}`);
  const overtaken = quoteIdentifier(`_overtaken_${id}`);
  const logTable = quoteIdentifier(log.table);
  // Only change records have a source position (`_sequence`) to be overtaken by.
  const hasSourcePositions = log.format.kind === 'cdc';
  const noteOvertaken = hasSourcePositions
    ? `INSERT INTO ${overtaken} (position, key, sequence) SELECT removed._position, removed._key, removed._sequence
  FROM ${logTable} AS removed, ${logTable} AS kept WHERE removed._position = OLD.change AND kept._position = NEW.change
  AND removed._key IS NOT NULL AND removed._sequence > kept._sequence;
`
    : '';
  // `position`: the key's latest record; `change`: its latest change (not a tombstone), null if none.
  // A later change supersedes both; a later tombstone only a tombstone after the change. (A TEMP
  // trigger may reach the broker's log, unqualified as trigger bodies must name tables.) An entry
  // whose records were trimmed since is harmless: deleting them again removes nothing.
  connection.exec(`CREATE TABLE node.${kept} (key TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, change INTEGER) WITHOUT ROWID;
CREATE TABLE node.${overtaken} (position INTEGER NOT NULL, key TEXT NOT NULL, sequence INTEGER NOT NULL);
CREATE TEMP TRIGGER ${quoteIdentifier(`_compact_${id}`)} AFTER UPDATE ON ${kept} BEGIN
  ${noteOvertaken}DELETE FROM ${logTable} WHERE _position IN (OLD.position, OLD.change) AND _position IS NOT NEW.change;
END`);
  const keepLatest = connection.prepare(`INSERT INTO node.${kept} (key, position, change)
SELECT ifnull(_key, ''), _position, CASE WHEN _op IS NOT NULL THEN _position END
FROM ${brokerTable(log)} WHERE _position > ? AND _position <= ? ORDER BY _position
ON CONFLICT (key) DO UPDATE SET position = excluded.position, change = coalesce(excluded.change, change)`);
  const forgetKeys = connection.prepare(`DELETE FROM node.${kept}`);
  const overtakenNow = connection.prepare(`SELECT position, key, sequence FROM node.${overtaken} ORDER BY position`);
  const forgetOvertaken = connection.prepare(`DELETE FROM node.${overtaken}`);
  let holdsKeys = false;
  /** Compacts what left the window (positions up to `windowStart`) and was not trimmed. */
  return (progress, windowStart) => {
    if (holdsKeys && progress.compactedTo <= progress.trimmedTo) {
      forgetKeys.run([]);
      progress.overtaken.length = 0;
      holdsKeys = false;
    }
    const after = Math.max(progress.compactedTo, progress.trimmedTo);
    if (windowStart <= after) return;
    keepLatest.run([after, windowStart]);
    if (hasSourcePositions) {
      const noted = overtakenNow.all();
      if (noted.length > 0) forgetOvertaken.run([]);
      for (const [position, key, sequence] of noted) {
        progress.overtaken.push({ position: Number(position), key: String(key), sequence: Number(sequence) });
      }
    }
    holdsKeys = true;
    progress.compactedTo = windowStart;
  };
}
