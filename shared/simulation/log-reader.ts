import type { Result } from '../model/problem';
import { type BrokerLog, brokerTable, type LogMessage, messageJsonSql } from './broker-log';
import { exactJsonText, parseExactJson } from './exact-json';
import { canBeSentAgain, type LogFormat, payloadColumns, WRITE_COLUMN } from './log-format';
import type { QueryResult } from './read-only-query';
import { changeImages, documentKeyFields, recordShape } from './record-shape';
import { quoteIdentifier, quoteLiteral } from './sql-text';
import type { ExactSqlValue } from './sql-workspace';

/**
 * A message with its place in the log, so a view can page back and a trace can start from it;
 * for a record sent again, the offset and timestamp of its first delivery.
 */
export interface LogRecord extends LogMessage {
  position: number;
  firstDelivery?: { offset: number; timestamp: number };
}

/** The engine's read-only query: how everything here reads a run, like a user's SQL console would. */
export type RunQuery = (nodeId: string, sql: string) => Result<QueryResult>;

export interface RecordReadOptions {
  order: 'oldest' | 'newest';
  fromTimestamp?: number;
  toTimestamp?: number;
  limit?: number;
  isFirstDelivery?: boolean;
}

export interface MessageFilter {
  /** Only records whose key has a field with this value (`1003`), or exactly this key, its fields in any order (`{"order_id":1003}`; a text key `"1003"`). */
  key?: string;
  /** Only records before this position (the next page back). */
  before?: number;
  limit: number;
}

/** Reads one log's records as consumers see them, newest first. */
export function readMessages(query: RunQuery, log: BrokerLog, filter: MessageFilter): Result<LogRecord[]> {
  const conditions = [
    ...(filter.before !== undefined ? [`_position < ${Math.floor(filter.before)}`] : []),
    ...(filter.key?.trim() ? [keyConditionSql(filter.key.trim())] : []),
  ];
  return selectRecords(
    query,
    log,
    conditions,
    `ORDER BY _position DESC LIMIT ${Math.max(1, Math.floor(filter.limit))}`,
  );
}

/** Which records are one row's: those with these field values and, where set, the record key `keySql` computes (its JSON text). */
export interface RecordMatch {
  fields: Record<string, unknown>;
  keySql?: string;
}

/**
 * Records whose payload has these field values: for CDC, in the after image (or the before image
 * of a delete); for flat records, in their columns, appended from `fromTimestamp` to `toTimestamp`
 * (epoch milliseconds, both included). `order` picks the oldest or newest first; `isFirstDelivery`
 * leaves out records sent again.
 */
export function recordsWithFields(
  query: RunQuery,
  log: BrokerLog,
  fields: Record<string, unknown>,
  options: RecordReadOptions,
): Result<LogRecord[]> {
  return matchingRecords(query, log, { fields }, options);
}

/** Records `match` picks out (see `recordsWithFields`); a record key that is NULL matches none. */
export function matchingRecords(
  query: RunQuery,
  log: BrokerLog,
  { fields, keySql }: RecordMatch,
  options: RecordReadOptions,
): Result<LogRecord[]> {
  const names = Object.keys(fields);
  const columns = new Set(log.format.columns.map((column) => column.name));
  const isUnmatchable = (names.length === 0 && keySql === undefined) || names.some((name) => !columns.has(name));
  if (isUnmatchable) return { ok: true, value: [] };
  // IS, not =: a field left NULL (a result's missing key) is matched too.
  const conditions = names.map((name) => {
    const value = sqlLiteral(fields[name]);
    return log.format.kind === 'cdc'
      ? `coalesce(${quoteIdentifier(`after_${name}`)}, ${quoteIdentifier(`before_${name}`)}) IS ${value}`
      : `${quoteIdentifier(name)} IS ${value}`;
  });
  if (keySql !== undefined) conditions.push(`_key = ${keySql}`);
  if (options.fromTimestamp !== undefined) conditions.push(`_timestamp >= ${Math.floor(options.fromTimestamp)}`);
  if (options.toTimestamp !== undefined) conditions.push(`_timestamp <= ${Math.floor(options.toTimestamp)}`);
  if (options.isFirstDelivery && canBeSentAgain(log.format)) conditions.push('_first_offset IS NULL');
  const direction = options.order === 'oldest' ? 'ASC' : 'DESC';
  return selectRecords(query, log, conditions, `ORDER BY _position ${direction} LIMIT ${options.limit ?? 1}`);
}

/**
 * The deletes a port published in its first tick at or after `fromTimestamp` that published any:
 * how a truncate reaches a port, one delete per key its table held. The first `limit`, how many,
 * and whether the log's oldest record is one of them (retention may have removed earlier ones).
 */
export function firstDeletesFrom(
  query: RunQuery,
  log: BrokerLog,
  fromTimestamp: number,
  limit: number,
): Result<{ records: LogRecord[]; total: number; isCutByRetention: boolean }> {
  const table = brokerTable(log);
  const inFirstTick = `_op = 'delete' AND _timestamp = (SELECT min(_timestamp) FROM ${table} WHERE _op = 'delete' AND _timestamp >= ${Math.floor(fromTimestamp)})`;
  const records = selectRecords(
    query,
    log,
    [inFirstTick],
    `ORDER BY _position LIMIT ${Math.max(1, Math.floor(limit))}`,
  );
  if (!records.ok) return records;
  const counted = query(
    ownerOf(log),
    `SELECT count(*), (SELECT min(_position) FROM ${table}) FROM ${table} WHERE ${inFirstTick}`,
  );
  if (!counted.ok) return counted;
  const [total, oldest] = counted.value.rows[0] ?? [0, null];
  const isCutByRetention = Number(oldest) > 1 && records.value[0]?.position === Number(oldest);
  return { ok: true, value: { records: records.value, total: Number(total), isCutByRetention } };
}

/**
 * How many records the log keeps, and whether retention or compaction removed any of them: its
 * positions count from 1, without gaps.
 */
export function keptRecords(query: RunQuery, log: BrokerLog): Result<{ kept: number; hasLost: boolean }> {
  const counted = query(ownerOf(log), `SELECT count(*), coalesce(max(_position), 0) FROM ${brokerTable(log)}`);
  if (!counted.ok) return counted;
  const [kept, last] = (counted.value.rows[0] ?? [0, 0]).map(Number) as [number, number];
  return { ok: true, value: { kept, hasLost: kept < last } };
}

/** The copies of a first delivery that were sent again since, oldest first. */
export function copiesOf(query: RunQuery, log: BrokerLog, record: LogRecord): Result<LogRecord[]> {
  if (!canBeSentAgain(log.format) || record.firstDelivery) return { ok: true, value: [] };
  return selectRecords(
    query,
    log,
    [`_partition = ${Math.floor(record.partition)}`, `_first_offset = ${Math.floor(record.offset)}`],
    'ORDER BY _position',
  );
}

export function recordAt(query: RunQuery, log: BrokerLog, position: number): Result<LogRecord | undefined> {
  const read = selectRecords(query, log, [`_position = ${Math.floor(position)}`], '');
  return read.ok ? { ok: true, value: read.value[0] } : read;
}

/**
 * The change a CDC topic's tombstone follows, the delete of its key just before it: a tombstone is
 * no change of its own, only a marker for compaction. Undefined for any other record, and where
 * retention has removed that delete.
 */
export function changeBeforeTombstone(
  query: RunQuery,
  log: BrokerLog,
  record: LogRecord,
): Result<LogRecord | undefined> {
  if (log.format.kind !== 'cdc' || record.value !== null) return { ok: true, value: undefined };
  const position = Math.floor(record.position);
  const read = selectRecords(
    query,
    log,
    [
      `_position < ${position}`,
      '_op IS NOT NULL',
      `_key = (SELECT _key FROM ${brokerTable(log)} WHERE _position = ${position})`,
    ],
    'ORDER BY _position DESC LIMIT 1',
  );
  return read.ok ? { ok: true, value: read.value[0] } : read;
}

/**
 * The fields a record carries: a change's after image (before, for a delete; for a MongoDB
 * delete, which has neither, the key columns its key names), or a flat record's value.
 */
export function fieldsOf(message: LogMessage, format?: LogFormat): Record<string, unknown> {
  const images = changeImages(message.value);
  if (images) {
    const fields = images.after ?? images.before;
    if (fields) return fields;
    const isDocument = format?.kind === 'cdc' && recordShape(format.source.connector) === 'document';
    return isDocument ? documentKeyFields(message.key, format.key) : {};
  }
  const value = message.value as Record<string, unknown> | null;
  return value ?? (message.key as Record<string, unknown> | null) ?? {};
}

/** A value as a SQL literal: numbers (bigints too) as they are, text quoted, anything else as its JSON text. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return quoteLiteral(typeof value === 'string' ? value : exactJsonText(value));
}

/** The node whose connection reads a log: its producer (every connection sees the broker). */
export function ownerOf(log: BrokerLog): string {
  return log.table.slice(0, log.table.indexOf('/'));
}

function selectRecords(query: RunQuery, log: BrokerLog, conditions: string[], tail: string): Result<LogRecord[]> {
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const firstDelivery = canBeSentAgain(log.format) ? '_first_offset, _first_timestamp' : 'NULL, NULL';
  const read = query(
    ownerOf(log),
    `SELECT _position, ${messageJsonSql(log)}, ${firstDelivery} FROM ${brokerTable(log)}${where} ${tail}`,
  );
  if (!read.ok) return read;
  return {
    ok: true,
    value: read.value.rows.map(([position, json, firstOffset, firstTimestamp]: ExactSqlValue[]) => ({
      position: Number(position),
      ...(parseExactJson(String(json)) as LogMessage),
      ...(firstOffset !== null && {
        firstDelivery: { offset: Number(firstOffset), timestamp: Number(firstTimestamp) },
      }),
    })),
  };
}

function keyConditionSql(key: string): string {
  if (key.startsWith('{')) {
    try {
      const exactly = fieldsInNameOrderSql(quoteLiteral(exactJsonText(parseExactJson(key))));
      return `(${fieldsInNameOrderSql('_key')} = ${exactly} OR ${fieldsInNameOrderSql(DOCUMENT_ID_SQL)} = ${exactly})`;
    } catch {
      // Not JSON after all: match it as a value.
    }
  }
  // A MongoDB key holds its `_id` as JSON text: `"1003"`, or `"\"abc\""` for text.
  const isValue = `CAST(value AS TEXT) IN (${quoteLiteral(key)}, json_quote(${quoteLiteral(key)}))`;
  return `(EXISTS (SELECT 1 FROM json_each(_key) WHERE ${isValue}) OR EXISTS (SELECT 1 FROM json_each(${DOCUMENT_ID_SQL}) WHERE ${isValue})${wholeKeySql(key)})`;
}

/** ` OR` the key is exactly `key`'s JSON where it is JSON (an outbox event's text key, `"104"`, as its card shows it), else nothing. */
function wholeKeySql(key: string): string {
  try {
    return ` OR _key = ${quoteLiteral(exactJsonText(parseExactJson(key)))}`;
  } catch {
    return '';
  }
}

/**
 * A JSON object with its fields sorted by name (null for no object), so that a key typed with its
 * fields in another order than the connector writes them (`{"line_no":2,"order_id":7}`) is the same key.
 */
function fieldsInNameOrderSql(json: string): string {
  return `CASE WHEN json_type(${json}) = 'object' THEN (SELECT json_group_object(key, value ORDER BY key) FROM json_each(${json})) END`;
}

/** A MongoDB key's compound `_id`, the document its text holds (`{"id": "{\"order_id\": 7,…}"}`); else null. */
const DOCUMENT_ID_SQL = `CASE WHEN json_valid(_key ->> '$.id') AND json_type(_key ->> '$.id') = 'object' THEN json(_key ->> '$.id') END`;

/** The service's write a record on a topic came from (`WRITE_COLUMN`), or undefined where it keeps none. */
export function writeOf(query: RunQuery, log: BrokerLog, position: number): number | undefined {
  if (!payloadColumns(log.format).includes(WRITE_COLUMN)) return undefined;
  const read = query(
    ownerOf(log),
    `SELECT ${WRITE_COLUMN.name} FROM ${brokerTable(log)} WHERE _position = ${Math.floor(position)}`,
  );
  const write = read.ok ? read.value.rows[0]?.[0] : undefined;
  return write === null || write === undefined ? undefined : Number(write);
}

/** The first record a write sent to a log (its first delivery; a tombstone is no record of its own). */
export function firstRecordOfWrite(query: RunQuery, log: BrokerLog, write: number): LogRecord | undefined {
  if (!payloadColumns(log.format).includes(WRITE_COLUMN)) return undefined;
  const read = selectRecords(
    query,
    log,
    [`${WRITE_COLUMN.name} = ${Math.floor(write)}`, '_op IS NOT NULL'],
    'ORDER BY _position LIMIT 1',
  );
  return read.ok ? read.value[0] : undefined;
}
