import {
  type BrokerLog,
  brokerTable,
  type LogProgress,
  logTableSql,
  prepareRecentMessages,
  prepareTrim,
  registerLogFunctions,
  startLogProgress,
} from './broker-log';
import { prepareCompaction } from './log-compaction';
import type { LogMetrics } from './simulation-metrics';
import type { SqlCallerScope } from './sql-caller';
import type { SqlConnection } from './sql-workspace';

/** Every log of a run in the broker, with its progress, retention and recent messages. */
export interface LogRegistry {
  progressOf(table: string): LogProgress;
  /** Gives a connection the SQL functions appends call (`mesh_partition`, `mesh_offset`). */
  equip(connection: SqlConnection): void;
  /**
   * Drops records beyond the retention of each log, oldest first; a compacted log keeps, of those a
   * consumer has not read yet, the latest record of each key.
   */
  enforceRetention(retainedRecords: number): void;
  metrics(recentMessages: number): Record<string, LogMetrics>;
}

export function createLogRegistry(
  broker: SqlConnection,
  logs: readonly BrokerLog[],
  callers: SqlCallerScope,
): LogRegistry {
  broker.exec(logs.map((log) => logTableSql(brokerTable(log), log.format, true)).join(';\n'));
  const entries = logs.map((log, id) => ({
    progress: startLogProgress(log, id),
    trimUpTo: prepareTrim(broker, brokerTable(log)),
    compact: log.isCompacted ? prepareCompaction(broker, log, id) : undefined,
    trimmedOffsets: broker.prepare(
      `SELECT _partition, max(_offset) + 1 FROM ${brokerTable(log)} WHERE _position > ? AND _position <= ? GROUP BY _partition`,
    ),
    recent: prepareRecentMessages(broker, log),
  }));
  /** Drops the records up to `trimTo`, and moves each partition's log start offset past them. */
  const trim = ({ progress, trimmedOffsets, trimUpTo }: (typeof entries)[number], trimTo: number) => {
    if (trimTo <= progress.trimmedTo) return;
    // Like Kafka's log start offset: the first offset of each partition still kept.
    if (progress.log.partitions === 1) progress.startOffsets[0] = trimTo;
    else {
      for (const [partition, start] of trimmedOffsets.all([progress.trimmedTo, trimTo])) {
        progress.startOffsets[Number(partition)] = Number(start);
      }
    }
    trimUpTo.run([trimTo]);
    progress.trimmedTo = trimTo;
  };
  const byTable = new Map(entries.map((entry) => [entry.progress.log.table, entry.progress]));
  return {
    progressOf: (table) => byTable.get(table) as LogProgress,
    equip: (connection) => registerLogFunctions(connection, (id) => entries[id]?.progress as LogProgress, callers),
    enforceRetention(retainedRecords) {
      for (const entry of entries) {
        const { progress, compact } = entry;
        const windowStart = progress.end - retainedRecords;
        // Of a compacted log, what every consumer has read leaves as under the delete policy; compaction keeps the rest.
        trim(entry, compact ? Math.min(windowStart, slowestReader(progress)) : windowStart);
        compact?.(progress, windowStart);
      }
    },
    metrics: (recentMessages) =>
      Object.fromEntries(
        entries.map(({ progress, recent }) => [
          progress.log.table,
          { name: progress.log.name, records: progress.end, recent: recent(recentMessages) },
        ]),
      ),
  };
}

/** The last position the slowest of a log's consumers has read: the log's end when nobody reads it. */
function slowestReader(progress: LogProgress): number {
  let slowest = progress.end;
  for (const reader of progress.readers) slowest = Math.min(slowest, reader.offset);
  return slowest;
}
