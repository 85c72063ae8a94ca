import { temporalValueSql } from './debezium-temporal-values';
import { eventSerialNoSql } from './event-serial-number';
import { parseExactJson } from './exact-json';
import { kafkaPartition } from './kafka-partitioner';
import {
  type CdcFormat,
  FIRST_DELIVERY,
  HEADERS_COLUMN,
  LOG_POSITION_COLUMN,
  type LogFormat,
  logTableColumns,
  payloadColumns,
  recordColumnNames,
  recordFieldName,
} from './log-format';
import { lsnTextSql } from './lsn-text';
import { documentKeySql, documentTextSql, recordShape, updatedFieldsSql } from './record-shape';
import { isUserSelect, type SqlCallerScope } from './sql-caller';
import { columnDefinitions, columnList, quoteIdentifier, quoteLiteral } from './sql-text';
import type { SqlConnection, SqlStatement, SqlValue } from './sql-workspace';
import type { TableColumn } from './table-column';
import { BINLOG_FILE, mariaDbGtidSql, oracleXidSql } from './transaction-id';

export type { TableColumn } from './table-column';

/** The Debezium release whose envelope and source block the records follow. */
export const DEBEZIUM_VERSION = '2.7.3.Final';

/** An append-only log in the broker: a system's topic, or the log behind a product's output port. */
export interface BrokerLog {
  /** Its table in the broker schema: `<systemId>/<topicId>` or `<productId>/<portId>`. */
  table: string;
  /** What people call it: the topic name, or `<productId>/<portId>` for a port. */
  name: string;
  partitions: number;
  /** Kafka's `cleanup.policy: compact` (topic-cleanup-policy.ts): past retention, of what a consumer has not read each key keeps its latest record. */
  isCompacted: boolean;
  format: LogFormat;
}

/** A log's progress during a run; positions count from 1 and have no gaps. */
export interface LogProgress {
  readonly log: BrokerLog;
  /** Its number in the run, as SQL passes it to `mesh_offset`. */
  readonly id: number;
  end: number;
  /** Retention removed every record up to this position (on a compacted log, only records every reader had read). */
  trimmedTo: number;
  /** Compaction has run up to this position (a compacted log): between `trimmedTo` and it, a key's older records may be gone. */
  compactedTo: number;
  /**
   * Changes compaction removed that were newer, by source position, than the record of their key it
   * kept: an out-of-order burst appended older changes after them (log-compaction.ts).
   */
  readonly overtaken: OvertakenChange[];
  /** The consumers that read it, known for the whole run, at their last position read. */
  readonly readers: { readonly offset: number }[];
  /** The next offset of each partition (Kafka's log end offset). */
  readonly nextOffsets: number[];
  /** The first offset of each partition retention kept (Kafka's log start offset). */
  readonly startOffsets: number[];
  /**
   * Where records without a key go, as Kafka's sticky partitioner sends them: the whole of one
   * batch to one partition, the next batch to the next (`isTaken` once this batch sent one there).
   */
  readonly keyless: { partition: number; isTaken: boolean };
}

export function startLogProgress(log: BrokerLog, id: number): LogProgress {
  const zeros = () => Array.from({ length: log.partitions }, () => 0);
  return {
    log,
    id,
    end: 0,
    trimmedTo: 0,
    compactedTo: 0,
    overtaken: [],
    readers: [],
    nextOffsets: zeros(),
    startOffsets: zeros(),
    keyless: { partition: 0, isTaken: false },
  };
}

/** A change compaction removed although newer than the one of its key it kept. */
export interface OvertakenChange {
  /** Its log position. */
  position: number;
  /** Its record key, the JSON text the connector wrote. */
  key: string;
  /** Its place in the source's log (`_sequence`). */
  sequence: number;
}

/** A record as a consumer sees it; `value` null is a tombstone or a deleted entity. */
export interface LogMessage {
  partition: number;
  offset: number;
  timestamp: number;
  key: unknown;
  value: unknown;
  /** Kafka headers, when the record has any: `__debezium.oldkey` / `newkey` after a key change, an outbox event's `id`. */
  headers?: Record<string, unknown>;
}

const PARTITION_FUNCTION = 'mesh_partition';
const OFFSET_FUNCTION = 'mesh_offset';
const KEYLESS_PARTITION_FUNCTION = 'mesh_keyless_partition';

/**
 * The functions log SQL calls: `mesh_partition(key, partitions)`, Kafka's partition for a key,
 * `mesh_keyless_partition(log)`, the partition the batch being appended sends records without a
 * key to, and `mesh_offset(log, partition)`, the partition's next offset, counted in JavaScript because
 * numbering rows per partition in SQL (a window function) costs several times the insert itself.
 * They are the engine's: to a user's query they do not exist, and a service's statement may only
 * place keys (its CDC triggers do), never take offsets.
 */
export function registerLogFunctions(
  connection: SqlConnection,
  progressOf: (id: number) => LogProgress,
  callers: SqlCallerScope,
): void {
  const hidden = (name: string) => new Error(`no such function: ${name}`);
  connection.defineFunction(PARTITION_FUNCTION, (key, partitions) => {
    if (isUserSelect(callers.current)) throw hidden(PARTITION_FUNCTION);
    return kafkaPartition(typeof key === 'number' ? String(key) : key, Number(partitions));
  });
  connection.defineFunction(KEYLESS_PARTITION_FUNCTION, (log) => {
    if (callers.current !== 'engine') throw hidden(KEYLESS_PARTITION_FUNCTION);
    const { keyless } = progressOf(Number(log));
    keyless.isTaken = true;
    return keyless.partition;
  });
  connection.defineFunction(OFFSET_FUNCTION, (log, partition) => {
    if (callers.current !== 'engine') throw hidden(OFFSET_FUNCTION);
    const offsets = progressOf(Number(log)).nextOffsets;
    const offset = offsets[Number(partition)] as number;
    offsets[Number(partition)] = offset + 1;
    return offset;
  });
}

/**
 * `mesh_partition(<key>, n)`: the SQL that places a record with that key. The key goes as its
 * UTF-8 bytes, which Kafka hashes: sql.js hands text to JavaScript through a TextDecoder, whose
 * cost per call was most of the function's.
 */
export function partitionSql(keySql: string, partitions: number): string {
  return partitions === 1 ? '0' : `${PARTITION_FUNCTION}(CAST(${keySql} AS BLOB), ${partitions})`;
}

/**
 * A log table, or a raw-zone table holding copies of its records: same columns, so a consumer
 * copies with `INSERT INTO raw SELECT * FROM log`. Only the log numbers its positions itself.
 */
export function logTableSql(qualifiedName: string, format: LogFormat, numbersPositions: boolean): string {
  const position = `${LOG_POSITION_COLUMN} INTEGER PRIMARY KEY${numbersPositions ? ' AUTOINCREMENT' : ''}`;
  const columns = columnDefinitions(logTableColumns(format));
  return `CREATE TABLE ${qualifiedName} (${[position, ...columns].join(', ')})`;
}

export function brokerTable(log: Pick<BrokerLog, 'table'>): string {
  return `broker.${quoteIdentifier(log.table)}`;
}

/**
 * Appends a batch to a log. `batchSql` selects `_partition`, `_timestamp`, `_key`, `_op` and the
 * payload columns by name (for records sent again, their first delivery's columns too), ordered by
 * its table's rowid: SQLite then scans in that order with no sort, so `mesh_offset` numbers each
 * partition's records in log order. Records without a key go to one partition per batch; a
 * record sent again keeps the partition of its first delivery.
 */
export function prepareAppend(
  connection: SqlConnection,
  progress: LogProgress,
  batchSql: string,
  isSentAgain = false,
): (params?: readonly SqlValue[]) => number {
  const columns = [
    ...recordColumnNames(progress.log.format),
    ...(isSentAgain ? FIRST_DELIVERY.map((column) => column.name) : []),
  ];
  const carried = columns.filter((name) => name !== '_partition' && name !== '_offset');
  const { keyless, log } = progress;
  const partition =
    isSentAgain || log.partitions === 1
      ? '_partition'
      : `CASE WHEN _key IS NULL THEN ${KEYLESS_PARTITION_FUNCTION}(${progress.id}) ELSE _partition END`;
  const append = connection.prepare(`INSERT INTO ${brokerTable(log)} (${columnList(columns)})
SELECT ${partition}, ${OFFSET_FUNCTION}(${progress.id}, ${partition}), ${columnList(carried)} FROM (${batchSql})`);
  return (params) => {
    const offsetsBefore = [...progress.nextOffsets];
    keyless.isTaken = false;
    try {
      const appended = append.run(params);
      progress.end += appended;
      if (keyless.isTaken) keyless.partition = (keyless.partition + 1) % log.partitions;
      return appended;
    } catch (error) {
      progress.nextOffsets.splice(0, progress.nextOffsets.length, ...offsetsBefore);
      throw error;
    }
  };
}

/**
 * At-least-once delivery gone visible: the log's last `count` records appended once more at
 * `millis`, in their order or, for an out-of-order burst, newest first, as a restarted producer
 * sends them again: same payload (a change keeps its source position and its envelope), the
 * timestamp of this append, and where and when the record was first sent.
 */
export function prepareRedelivery(
  connection: SqlConnection,
  progress: LogProgress,
): (count: number, millis: number, newestFirst?: boolean) => FirstSent[] {
  const carried = recordColumnNames(progress.log.format).filter((name) => name !== '_offset' && name !== '_timestamp');
  const appendIn = (order: 'ASC' | 'DESC') =>
    prepareAppend(
      connection,
      progress,
      `SELECT ? AS _timestamp, ${columnList(carried)}, coalesce(_first_offset, _offset) AS _first_offset,
  coalesce(_first_timestamp, _timestamp) AS _first_timestamp
FROM ${brokerTable(progress.log)} WHERE _position > ? ORDER BY _position ${order}`,
      true,
    );
  const inOrder = appendIn('ASC');
  const newestFirstAppend = appendIn('DESC');
  const firstSent = connection.prepare(
    `SELECT _partition, _first_offset, _offset FROM ${brokerTable(progress.log)} WHERE _position > ? ORDER BY _position`,
  );
  return (count, millis, newestFirst = false) => {
    const end = progress.end;
    (newestFirst ? newestFirstAppend : inOrder)([millis, Math.max(end - count, progress.trimmedTo)]);
    return firstSent.all([end]).map(([partition, offset, sentAgainAt]) => ({
      partition: Number(partition),
      offset: Number(offset),
      sentAgainAt: Number(sentAgainAt),
    }));
  };
}

/** Where a record sent again was first sent, and where this copy of it went. */
export interface FirstSent {
  partition: number;
  offset: number;
  /** The copy's own offset, in the same partition: it tells the copy by the fault that sent it, where faults sent copies of one record. */
  sentAgainAt: number;
}

/** Keeps a log (or raw zone) to its last `retained` records, like a topic's retention. */
export function prepareTrim(connection: SqlConnection, qualifiedName: string): SqlStatement {
  return connection.prepare(`DELETE FROM ${qualifiedName} WHERE _position <= ?`);
}

/** The last `count` messages of a log, oldest first, as consumers would read them. */
export function prepareRecentMessages(connection: SqlConnection, log: BrokerLog): (count: number) => LogMessage[] {
  const recent = connection.prepare(
    `SELECT ${messageJsonSql(log)} FROM ${brokerTable(log)} ORDER BY _position DESC LIMIT ?`,
  );
  return (count) =>
    recent
      .all([count])
      .reverse()
      .map(([json]) => parseExactJson(String(json)) as LogMessage);
}

/** A record as consumers read it (`LogMessage`), as JSON text; the run inspector reads logs with it too. */
export function messageJsonSql(log: BrokerLog): string {
  const message = `json_object('partition', _partition, 'offset', _offset, 'timestamp', _timestamp, 'key', json(_key), 'value', ${valueJsonSql(log.format)})`;
  if (!payloadColumns(log.format).includes(HEADERS_COLUMN)) return message;
  return `CASE WHEN _headers IS NULL THEN ${message} ELSE json_set(${message}, '$.headers', json(_headers)) END`;
}

const beforeColumn = (name: string) => quoteIdentifier(`before_${name}`);
const afterColumn = (name: string) => quoteIdentifier(`after_${name}`);

function valueJsonSql(format: LogFormat): string {
  if (format.kind === 'records') return `CASE WHEN _op = 'delete' THEN NULL ELSE ${jsonObjectSql(format.columns)} END`;
  const { columns, source } = format;
  const isDocument = recordShape(source.connector) === 'document';
  const capturedValue = capturedValueSql(source.connector);
  const fieldName = (column: string) => recordFieldName(source, column);
  const images = isDocument
    ? `'before', NULL,
    'after', CASE WHEN _op IN ('c', 'r', 'u') THEN coalesce(_renamed_images ->> '$.after', ${documentTextSql(columns, format.key, afterColumn)}) END,
    'updateDescription', CASE WHEN _op = 'u' THEN json_object('removedFields', NULL,
      'updatedFields', coalesce(_renamed_images ->> '$.updatedFields', ${updatedFieldsSql(columns, beforeColumn, afterColumn)}), 'truncatedArrays', NULL) END,`
    : `'before', CASE WHEN _op IN (${format.beforeImage === 'row' ? `'u', 'd'` : `'d'`}) THEN coalesce(json(_renamed_images -> '$.before'), ${jsonObjectSql(columns, 'before_', capturedValue, fieldName)}) END,
    'after', CASE WHEN _op IN ('c', 'r', 'u') THEN coalesce(json(_renamed_images -> '$.after'), ${jsonObjectSql(columns, 'after_', capturedValue, fieldName)}) END,`;
  const table = isDocument
    ? `'collection', ${quoteLiteral(source.table)}`
    : `${source.schema === undefined ? '' : `'schema', ${quoteLiteral(source.schema)}, `}'table', ${quoteLiteral(source.table)}`;
  return `CASE WHEN _op IS NULL THEN NULL ELSE json_object(
    ${images}
    'source', json_object('version', ${quoteLiteral(DEBEZIUM_VERSION)}, 'connector', ${quoteLiteral(source.connector)},
      'name', ${quoteLiteral(source.name)}, 'ts_ms', _source_ts, 'snapshot', _snapshot,
      'db', ${quoteLiteral(source.db)}, 'sequence', ${sequenceSql(source.connector)}, ${finerTimestampsSql('_source_ts')},
      ${table}${connectorFieldsSql(source.connector)}),
    'op', _op, 'ts_ms', ${PROCESSED_AT_SQL}, ${finerTimestampsSql(PROCESSED_AT_SQL)},
    'transaction', CASE WHEN _tx_total IS NOT NULL THEN
      json_object('id', _tx, 'total_order', _tx_total, 'data_collection_order', _tx_order) END) END`;
}

/** A change's `ts_ms`, when the connector processed it: the record's timestamp, or its first delivery's if it was sent again. */
const PROCESSED_AT_SQL = 'coalesce(_first_timestamp, _timestamp)';

/**
 * `source.sequence`: PostgreSQL's, as Debezium writes it, is the JSON text
 * `["<last commit LSN>","<LSN>"]` (`null` in the snapshot, read before the connector saw a commit); MongoDB's is null (its
 * place is `ord`); other engines' records give their place in their table's change log (a null-field fault's record,
 * the place of the record it re-sends). (Consumers keep entities idempotent by that place,
 * kept beside the record as `_sequence`, whatever the text says.)
 */
function sequenceSql(connector: string): string {
  if (connector === 'mongodb') return 'NULL';
  if (connector !== 'postgresql') return 'CAST(coalesce(_resent_sequence, _sequence) AS TEXT)';
  return `printf('[%s,"%d"]', CASE WHEN _op = 'r' OR _last_commit_lsn IS NULL THEN 'null' ELSE '"' || _last_commit_lsn || '"' END, _lsn)`;
}

/**
 * The fields Debezium's connector for the engine adds at the end of the source block, from the
 * simulated log position of the change and of its transaction's commit (a snapshot has neither
 * a change position nor a transaction: it is read at one position): PostgreSQL's transaction id
 * and LSN; MySQL's and MariaDB's binlog coordinates (one simulated binlog file; the server's
 * default id; the row's place in its event is 0, a statement changing one row; a GTID on MariaDB,
 * which writes one per transaction, none on MySQL, which by default does not); SQL Server's and
 * Db2's change and commit LSNs, each in its engine's form (lsn-text.ts), and SQL Server's serial
 * number (event-serial-number.ts; a null-field fault's record keeps the one of the record it
 * re-sends); Oracle's transaction, SCNs of the change and its commit, one redo thread, and nulls for what LogMiner would add (XStream's LCR position, the
 * rollback segment, the user); MongoDB's order in the oplog, no session or transaction number
 * (each change is a single-document write), and the change's wall time (none in the snapshot,
 * which reads no change stream event). No `rs`: Debezium 2.6 dropped the replica set from it (DBZ-7260).
 */
function connectorFieldsSql(connector: string): string {
  const isSnapshot = "_op = 'r'";
  const commitPosition = `CASE WHEN ${isSnapshot} THEN _lsn ELSE _commit_lsn END`;
  switch (connector) {
    case 'postgresql':
      return `, 'txId', CAST(_tx_number AS INTEGER), 'lsn', _lsn, 'xmin', NULL`;
    case 'mysql':
    case 'mariadb': {
      const gtid =
        connector === 'mariadb' ? `CASE WHEN ${isSnapshot} THEN NULL ELSE ${mariaDbGtidSql('_tx_number')} END` : 'NULL';
      return `, 'server_id', 1, 'gtid', ${gtid}, 'file', ${quoteLiteral(BINLOG_FILE)}, 'pos', _lsn, 'row', 0, 'thread', NULL, 'query', NULL`;
    }
    case 'sqlserver':
    case 'db2': {
      const lsns = `, 'change_lsn', CASE WHEN ${isSnapshot} THEN NULL ELSE ${lsnTextSql('_lsn', connector)} END, 'commit_lsn', ${lsnTextSql(commitPosition, connector)}`;
      return connector === 'db2'
        ? lsns
        : `${lsns}, 'event_serial_no', coalesce(_resent_serial_no, ${eventSerialNoSql()})`;
    }
    case 'oracle':
      return `, 'txId', CASE WHEN ${isSnapshot} THEN NULL ELSE ${oracleXidSql('_tx_number')} END, 'scn', CAST(_lsn AS TEXT),
        'commit_scn', CASE WHEN ${isSnapshot} THEN NULL ELSE CAST(_commit_lsn AS TEXT) END, 'lcr_position', NULL,
        'rs_id', NULL, 'ssn', 0, 'redo_thread', CASE WHEN ${isSnapshot} THEN NULL ELSE 1 END, 'user_name', NULL`;
    case 'mongodb':
      return `, 'ord', _lsn, 'lsid', NULL, 'txnNumber', NULL, 'wallTime', CASE WHEN ${isSnapshot} THEN NULL ELSE _source_ts END`;
    default:
      return '';
  }
}

/** Debezium 2.6+ writes each `ts_ms` again in micro- and nanoseconds; the simulated clock counts milliseconds. */
function finerTimestampsSql(millisSql: string): string {
  return `'ts_us', ${millisSql} * 1000, 'ts_ns', ${millisSql} * 1000000`;
}

type ColumnValueSql = (column: TableColumn, valueSql: string) => string;

const asNamed = (column: string) => column;

/**
 * `json_object('a', "a", ...)` over columns, read from `<prefix><name>`, each value written by
 * `columnValueSql` under the field name `fieldName` gives it.
 */
export function jsonObjectSql(
  columns: readonly TableColumn[],
  prefix = '',
  columnValueSql: ColumnValueSql = jsonValueSql,
  fieldName: (column: string) => string = asNamed,
): string {
  return `json_object(${columns
    .map(
      (column) =>
        `${quoteLiteral(fieldName(column.name))}, ${columnValueSql(column, quoteIdentifier(`${prefix}${column.name}`))}`,
    )
    .join(', ')})`;
}

/** A captured column's value in a relational change record: dates and timestamps as `connector` writes them, others as JSON. */
export function capturedValueSql(connector: string): ColumnValueSql {
  return (column, valueSql) => temporalValueSql(connector, column, valueSql, jsonValueSql(column, valueSql));
}

/**
 * A column's value in JSON: a boolean as true or false (anything else it holds as is), JSON text
 * as JSON, other columns as SQLite gives them, but bytes as hex digits (`bytesAsTextSql`).
 */
export function jsonValueSql(column: TableColumn, valueSql: string): string {
  const value = bytesAsTextSql(valueSql);
  if (column.holdsJson) {
    return `CASE WHEN json_valid(${valueSql}) AND json_type(${valueSql}) IN ('object', 'array') THEN json(${valueSql}) ELSE ${value} END`;
  }
  if (!column.isBoolean) return value;
  return `json(CASE ${valueSql} WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE json_quote(${value}) END)`;
}

/**
 * A value JSON can hold: a BLOB, which JSON cannot, as its hex digits (as Debezium writes bytes
 * with `binary.handling.mode: hex`); anything else as it is. Only a transformation makes BLOBs.
 */
export function bytesAsTextSql(valueSql: string): string {
  return `CASE WHEN typeof(${valueSql}) = 'blob' THEN hex(${valueSql}) ELSE ${valueSql} END`;
}

/** A change record's key as its connector writes it (`{"order_id":1000}`, MongoDB's `{"id":"1000"}`). */
export function changeKeySql(format: CdcFormat, columnSql: (name: string) => string): string {
  return recordShape(format.source.connector) === 'document'
    ? documentKeySql(format.columns, format.key, columnSql)
    : keyJsonSql(
        format.key,
        (name) => {
          const column = format.columns.find((candidate) => candidate.name === name);
          return column
            ? temporalValueSql(format.source.connector, column, columnSql(name), columnSql(name))
            : columnSql(name);
        },
        (name) => recordFieldName(format.source, name),
      );
}

/** The record key as Debezium's JSON converter writes it: `{"order_id":1000}`; no key, no JSON. */
export function keyJsonSql(
  key: readonly string[],
  columnSql: (name: string) => string,
  fieldName: (column: string) => string = asNamed,
): string {
  if (key.length === 0) return 'NULL';
  return `json_object(${key.map((name) => `${quoteLiteral(fieldName(name))}, ${columnSql(name)}`).join(', ')})`;
}
