import type { BrokerLog } from './broker-log';
import { type LogRecord, type RunQuery, recordsWithFields } from './log-reader';
import { changeImages } from './record-shape';

/** The newest change of `key` on `log` after `record` (its first delivery), if any. */
export function newerChangeOf(
  query: RunQuery,
  log: BrokerLog,
  record: LogRecord,
  key: Record<string, unknown>,
): LogRecord | undefined {
  const newest = recordsWithFields(query, log, key, { order: 'newest', isFirstDelivery: true });
  return newest.ok ? newest.value.find((candidate) => candidate.position > record.position) : undefined;
}

/** A Debezium delete, or a port's delete (value null). */
function isDelete(record: LogRecord): boolean {
  return record.value === null || changeImages(record.value)?.op === 'd';
}

/**
 * Why a table holds no row for the traced key now: the traced delete removed it, unless a later
 * change of the key did (it was written again and deleted since).
 */
export function goneRowNote(query: RunQuery, log: BrokerLog, record: LogRecord, key: Record<string, unknown>): string {
  return isDelete(record) && !newerChangeOf(query, log, record, key)
    ? 'The row is gone: this delete removed it.'
    : 'The row is gone: it was deleted since.';
}
