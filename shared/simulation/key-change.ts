import type { BrokerLog } from './broker-log';
import { exactJsonText } from './exact-json';
import type { CdcTopicPlan } from './log-plan';
import { type LogRecord, type RunQuery, recordsWithFields } from './log-reader';
import { pickedFields } from './picked-fields';
import { changedFields } from './record-diff';
import { changeImages } from './record-shape';
import { withWrittenTimes, writtenImage } from './written-image';

export interface KeyChange {
  from: Record<string, unknown>;
  to: Record<string, unknown>;
}

/**
 * The old and new key of an update that changed a row's key, as tables hold them: Debezium sends it as a
 * delete of the old key (and its tombstone) with a `__debezium.newkey` header, then a create with `__debezium.oldkey`.
 */
export function keyChangeOf(record: LogRecord, log: BrokerLog): KeyChange | undefined {
  const headers = record.headers ?? {};
  const key = record.key as Record<string, unknown>;
  const asStored = (from: unknown, to: unknown): KeyChange => ({
    from: withWrittenTimes(from as Record<string, unknown>, log.format),
    to: withWrittenTimes(to as Record<string, unknown>, log.format),
  });
  if ('__debezium.newkey' in headers) return asStored(key, headers['__debezium.newkey']);
  if ('__debezium.oldkey' in headers) return asStored(headers['__debezium.oldkey'], key);
  return undefined;
}

/**
 * The key `change` gave a row that a table with `keyColumns` knew by `oldKey`, or undefined where
 * the change moved another row or the table's key is not the source's.
 */
export function newKeyOf(
  change: KeyChange | undefined,
  keyColumns: readonly string[],
  oldKey: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (!change || keyColumns.length === 0) return undefined;
  if (!keyColumns.every((column) => column in change.from && column in change.to)) return undefined;
  if (exactJsonText(pickedFields(change.from, keyColumns)) !== exactJsonText(oldKey)) return undefined;
  return pickedFields(change.to, keyColumns);
}

/** What one key-changing UPDATE wrote, told from both of its records, as a trace's service write shows it. */
export interface KeyChangeWrite {
  /** The row the update left, under its new key. */
  row: Record<string, unknown>;
  /** The columns it changed, the key's first where the old images say no more. */
  changed: string[];
  /** Their values before it. */
  changedFrom: Record<string, unknown>;
}

/**
 * The update behind a key change's record, from its delete's before image and its create's after
 * image, which are two records: the row as the create wrote it, and every column the update changed
 * where the delete carries the whole old row (not under REPLICA IDENTITY DEFAULT, whose delete holds
 * the old key only, so only the key is known to have changed). Where retention removed the other
 * record, only the key's change and the record's own image are known.
 */
export function keyChangeWrite(
  query: RunQuery,
  topic: Pick<CdcTopicPlan, 'table' | 'log'>,
  record: LogRecord,
  change: KeyChange,
): KeyChangeWrite {
  const isDelete = '__debezium.newkey' in (record.headers ?? {});
  const partner = partnerRecord(query, topic.log, record, change, isDelete);
  const [deleted, created] = isDelete ? [record, partner] : [partner, record];
  const after = changeImages(created?.value)?.after;
  const before = changeImages(deleted?.value)?.before;
  const row = after ? writtenImage(after, topic) : { ...(before ? writtenImage(before, topic) : {}), ...change.to };
  const isWholeRowBefore = topic.log.format.kind === 'cdc' && topic.log.format.beforeImage === 'row';
  if (!after || !before || !isWholeRowBefore) {
    return { row, changed: changedFields(change.from, change.to), changedFrom: change.from };
  }
  const old = writtenImage(before, topic);
  const changed = changedFields(old, row);
  return { row, changed, changedFrom: Object.fromEntries(changed.map((name) => [name, old[name]])) };
}

/** The other record of the same key change, first delivered in the same poll: the create after a delete, or the delete before a create. */
function partnerRecord(
  query: RunQuery,
  log: BrokerLog,
  record: LogRecord,
  change: KeyChange,
  isDelete: boolean,
): LogRecord | undefined {
  // A copy sent again is told by its first delivery, which went out with its partner's.
  const sentAt = record.firstDelivery?.timestamp ?? record.timestamp;
  const isOnItsSide = (candidate: LogRecord) =>
    record.firstDelivery || (isDelete ? candidate.position > record.position : candidate.position < record.position);
  const read = recordsWithFields(query, log, isDelete ? change.to : change.from, {
    order: isDelete ? 'oldest' : 'newest',
    fromTimestamp: sentAt,
    toTimestamp: sentAt,
    isFirstDelivery: true,
    limit: 50,
  });
  if (!read.ok) return undefined;
  const sameChange = exactJsonText(change);
  return read.value.find(
    (candidate) => isOnItsSide(candidate) && exactJsonText(keyChangeOf(candidate, log)) === sameChange,
  );
}
