/**
 * What a log's records hold and the columns its table (and a raw zone's copies of its records)
 * has for them: pure, so governance can name a raw zone's columns without the engine.
 */
import { storedName } from '../model/connector-topics';
import type { BeforeImage } from '../model/replica-identity';
import type { TableColumn } from './table-column';

/** Where a Debezium record says it came from (the envelope's `source` block). */
export interface CdcSource {
  /** Debezium's name for the database's connector (`postgresql`), as `source.connector` gives it. */
  connector: string;
  /** The connector's logical name, its topic prefix: `orders` for `orders.public.orders`. */
  name: string;
  db: string;
  /** The table's schema, for the engines whose source block names one (PostgreSQL, SQL Server, Oracle, Db2). */
  schema?: string;
  table: string;
}

/**
 * What a log's records hold. `cdc`: change events of one table, with before and after images
 * stored as `before_<column>` / `after_<column>` and rendered as Debezium envelopes on read;
 * `beforeImage` says what its updates and deletes carry as `before` (an update's none but the whole
 * row's, a delete's only its key but the whole row's: PostgreSQL's REPLICA IDENTITY).
 * `records`: flat payload columns, for outbox events and output ports; an outbox event's log
 * also keeps the service's write it came from (`keepsWrite`, see `WRITE_COLUMN`) and the
 * record's Kafka headers (`HEADERS_COLUMN`).
 */
export type LogFormat =
  | {
      kind: 'cdc';
      columns: TableColumn[];
      key: string[];
      tombstones: boolean;
      beforeImage: BeforeImage;
      source: CdcSource;
    }
  | { kind: 'records'; columns: TableColumn[]; key: string[]; keepsWrite?: boolean };
export type CdcFormat = Extract<LogFormat, { kind: 'cdc' }>;

/**
 * A column's field name in a connector's change records (key, before, after): as the database
 * keeps it, so Oracle's and Db2's unquoted `donor_id` is `DONOR_ID`. (A connector's name is its
 * engine's id or one of its aliases.)
 */
export function recordFieldName(source: Pick<CdcSource, 'connector'>, column: string): string {
  return storedName({ engine: source.connector }, column);
}

/**
 * A change record's fields by the design's column names (`{DONOR_ID: 1}` → `{donor_id: 1}`), as a
 * consumer's tables name them; a flat record's as they are.
 */
export function fieldsByColumn(
  format: LogFormat | undefined,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  if (format?.kind !== 'cdc') return fields;
  const columnOf = new Map(format.columns.map((column) => [recordFieldName(format.source, column.name), column.name]));
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [columnOf.get(field) ?? field, value]));
}

/** What a log keeps about each record besides its payload (after `_position`, its place in the log). */
const HEADER: readonly TableColumn[] = [
  { name: '_partition', type: 'INTEGER' },
  { name: '_offset', type: 'INTEGER' },
  { name: '_timestamp', type: 'INTEGER' },
  { name: '_key', type: 'TEXT' },
  { name: '_op', type: 'TEXT' },
];

/**
 * The service's write a record came from: one row changed by one statement, numbered per
 * system. The CDC records and the outbox events of that change share it, so a trace finds the
 * event a write published beside its change record, whatever else the transaction changed.
 * Null where no outbox event could share it (a table without one, a snapshot, a truncate).
 */
export const WRITE_COLUMN: TableColumn = { name: '_write', type: 'INTEGER' };

/**
 * A record's Kafka headers (JSON), null when it has none: a change's `__debezium.oldkey` /
 * `newkey` after a key change, an outbox event's `id` (the outbox row's, as the event router sends it).
 */
export const HEADERS_COLUMN: TableColumn = { name: '_headers', type: 'TEXT' };

/**
 * A null-field fault's record: the place (`_sequence`) and SQL Server `event_serial_no` of the change
 * record it re-sends, which its source block keeps; null on every other record. Its own `_sequence`
 * is new, so consumers apply it.
 */
export const RESENT_PLACE_COLUMNS: readonly TableColumn[] = [
  { name: '_resent_sequence', type: 'INTEGER' },
  { name: '_resent_serial_no', type: 'INTEGER' },
];

/**
 * What a change record carries besides its row images: its place in the source's log, when the
 * source made it, its snapshot marker, Kafka headers (JSON), with transaction metadata its
 * transaction's id as the envelope sends it (`_tx`, null in the snapshot and without transaction
 * metadata), the engine's number for that transaction (`_tx_number`) and its place in it, after a
 * column was renamed at the source its row images as the source now names them (JSON
 * `{before, after}`; a MongoDB record's `{after, updatedFields}`, each the text the envelope
 * writes), which the envelope shows instead, and, for the engines whose source block gives one,
 * the log position of its transaction's commit or of the commit before it; a null-field fault's
 * record the place of the change record it re-sends; and the write it came from.
 */
const CHANGE_METADATA: readonly TableColumn[] = [
  { name: '_sequence', type: 'INTEGER' },
  { name: '_lsn', type: 'INTEGER' },
  { name: '_source_ts', type: 'INTEGER' },
  { name: '_snapshot', type: 'TEXT' },
  HEADERS_COLUMN,
  { name: '_tx', type: 'TEXT' },
  { name: '_tx_number', type: 'INTEGER' },
  { name: '_tx_total', type: 'INTEGER' },
  { name: '_tx_order', type: 'INTEGER' },
  { name: '_renamed_images', type: 'TEXT' },
  { name: '_commit_lsn', type: 'INTEGER' },
  { name: '_last_commit_lsn', type: 'INTEGER' },
  ...RESENT_PLACE_COLUMNS,
  WRITE_COLUMN,
];

/**
 * The columns of a log's records (and of a raw zone's copies) that hold epoch milliseconds: the
 * record's time, a change's at its source, and a record sent again its first delivery's.
 */
export function epochMillisColumns(format: LogFormat): string[] {
  return [
    '_timestamp',
    ...(format.kind === 'cdc' ? ['_source_ts'] : []),
    ...(canBeSentAgain(format) ? ['_first_timestamp'] : []),
  ];
}

/**
 * What a record sent again (a `redeliver` or `out-of-order` fault) keeps of its first delivery:
 * its offset (its key, so its partition, is the same) and its timestamp, which a change's envelope
 * keeps as its `ts_ms`. Null on a first delivery; only a source's topics (CDC, outbox) have them.
 */
export const FIRST_DELIVERY: readonly TableColumn[] = [
  { name: '_first_offset', type: 'INTEGER' },
  { name: '_first_timestamp', type: 'INTEGER' },
];

/** Whether a log's records can be sent again: a source's topics can, a product's port logs cannot. */
export function canBeSentAgain(format: LogFormat): boolean {
  return format.kind === 'cdc' || format.keepsWrite === true;
}

function firstDeliveryColumns(format: LogFormat): readonly TableColumn[] {
  return canBeSentAgain(format) ? FIRST_DELIVERY : [];
}

/** A record's place in its log (a raw zone's copy keeps it): the table's integer primary key. */
export const LOG_POSITION_COLUMN = '_position';

/** The columns a log table has besides the payload: its place in the log, the record's header, its first delivery. */
export const LOG_COLUMNS: readonly string[] = [
  LOG_POSITION_COLUMN,
  ...[...HEADER, ...FIRST_DELIVERY].map((column) => column.name),
];

export function payloadColumns(format: LogFormat): TableColumn[] {
  if (format.kind === 'records') {
    return format.keepsWrite ? [WRITE_COLUMN, HEADERS_COLUMN, ...format.columns] : format.columns;
  }
  return [...CHANGE_METADATA, ...imageColumns(format.columns)];
}

/** A change's row images as columns: `before_<column>`, then `after_<column>`. */
export function imageColumns(columns: readonly TableColumn[]): TableColumn[] {
  return [
    ...columns.map((column) => ({ ...column, name: `before_${column.name}` })),
    ...columns.map((column) => ({ ...column, name: `after_${column.name}` })),
  ];
}

/** Every column after `_position`, in table order: what an append or a copy must supply. */
export function recordColumnNames(format: LogFormat): string[] {
  return [...HEADER, ...payloadColumns(format)].map((column) => column.name);
}

/** Every column of a log table (and of a raw zone's copies of its records) after `_position`, in table order. */
export function logTableColumns(format: LogFormat): TableColumn[] {
  return [...HEADER, ...payloadColumns(format), ...firstDeliveryColumns(format)];
}

/** The names of every column of a log table (and of a raw zone), `_position` first, as `logTableSql` creates it. */
export function logTableColumnNames(format: LogFormat): string[] {
  return [LOG_POSITION_COLUMN, ...logTableColumns(format).map((column) => column.name)];
}
