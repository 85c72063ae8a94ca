import { connectorEngine } from '../model/connector-topics';
import { eventAggregateKey, type OperationalSystem, type SystemTable } from '../model/operational-system';
import type { Problem } from '../model/problem';
import type { TopicFault } from '../model/scenario';
import {
  brokerTable,
  capturedValueSql,
  changeKeySql,
  type FirstSent,
  keyJsonSql,
  type LogProgress,
  partitionSql,
  prepareAppend,
  prepareRedelivery,
  type TableColumn,
} from './broker-log';
import { eventSerialNoSql } from './event-serial-number';
import { type CdcSource, imageColumns, payloadColumns, recordFieldName } from './log-format';
import { type CdcTopicPlan, type OutboxTopicPlan, type SystemPlan, writesTransactionMetadata } from './log-plan';
import { outboxConditionCheck, outboxConditionSql } from './outbox-condition';
import { eventIdSql } from './outbox-event-id';
import { outboxEventKeySql } from './outbox-event-key';
import {
  documentIdChangeProblem,
  documentTextSql,
  keepsDocuments,
  recordShape,
  updatedFieldsSql,
} from './record-shape';
import { snapshotMarker } from './snapshot-marker';
import { columnDefinitions, columnList, isoTimestampSql, prefixed, quoteIdentifier, quoteLiteral } from './sql-text';
import { columnSqlType } from './sql-types';
import type { SqlConnection } from './sql-workspace';
import { transactionIdSql } from './transaction-id';
import { ROW_BATCH, type RowBatch, rowBatches } from './work-budget';

/** How the system's CDC connector behaves. */
export interface ConnectorOptions {
  /** From a change to its processing by the connector: `ts_ms − source.ts_ms`. */
  delayMillis: number;
  /** Whether change records name their transaction and their place in it. */
  transactionMetadata: boolean;
}

/** The connector's initial snapshot: rows read per captured table, and whether all reached their topics. */
export interface SnapshotProgress {
  rows: Record<string, number>;
  isComplete: boolean;
}

/**
 * A microservice's database: its tables in `node`, triggers capturing every change with before
 * and after images into a change log per CDC topic, and an outbox per published event. The
 * connector's poll moves both to the broker once per tick; the tables never leave SQLite.
 */
export interface OperationalDatabase {
  readonly plan: SystemPlan;
  readonly connection: SqlConnection;
  /** Outbox events whose condition (`when`) SQLite or the engine refuses: they publish nothing. */
  readonly problems: Problem[];
  /** Starts the service's next transaction, at `millis` on the simulated clock. */
  beginTransaction(millis: number): void;
  /**
   * Starts CDC: existing rows become snapshot records (op `r`), a batch of rows at a time as
   * `asBatch` runs it, then every change is captured.
   */
  startCapture(asBatch: (rows: RowBatch, snapshot: () => void) => void): void;
  /** The connector's poll at `millis`: captured changes and outbox events it has processed by then go to their topics. */
  publishChanges(millis: number): void;
  /**
   * A fault at the source at `millis`: records sent again (in order or newest first), as a
   * restarted connector does; a null; a renamed column. Returns where each record it sent again was first sent.
   */
  applyFault(fault: TopicFault, millis: number): FirstSent[];
  /** Empties a table as TRUNCATE does: one `t` record per CDC topic, no delete per row, no outbox events. */
  truncate(tableName: string): number;
  snapshot(): SnapshotProgress;
}

type ProgressOf = (table: string) => LogProgress;

/** How a CDC topic's triggers capture: the connector's options, and whether its table's writes are numbered. */
interface CaptureOptions extends ConnectorOptions {
  countsWrites: boolean;
}

export function createOperationalDatabase(
  connection: SqlConnection,
  plan: SystemPlan,
  progressOf: ProgressOf,
  connector: ConnectorOptions,
): OperationalDatabase {
  const options = { ...connector, transactionMetadata: writesTransactionMetadata(plan.system, connector) };
  const captured = plan.cdcTopics.filter((topic) => topic.table.cdc);
  const publishingTables = new Set(plan.outboxTopics.map((topic) => topic.table.name));
  const captureOptions = (topic: CdcTopicPlan): CaptureOptions => ({
    ...options,
    countsWrites: publishingTables.has(topic.table.name),
  });
  connection.exec(
    [
      'CREATE TABLE node._clock (millis INTEGER NOT NULL, tx INTEGER NOT NULL, tx_events INTEGER NOT NULL, writes INTEGER NOT NULL, tx_begin INTEGER NOT NULL, log_position INTEGER NOT NULL)',
      'INSERT INTO node._clock VALUES (0, 0, 0, 0, 0, 0)',
      `CREATE TABLE node.${COMMITS} (tx INTEGER PRIMARY KEY, position INTEGER NOT NULL, begin_position INTEGER NOT NULL)`,
      ...plan.tables.map(operationalTableSql),
      ...(keepsDocuments(plan.system) ? plan.tables.flatMap(documentIdGuardSql) : []),
      // A change is streamed (Debezium's `source.snapshot` "false") unless the snapshot marks it or it is a tombstone.
      ...captured.map(
        (topic) =>
          `CREATE TABLE node.${changeLog(topic)} (_sequence INTEGER PRIMARY KEY, _op TEXT, _timestamp INTEGER NOT NULL, _key TEXT, _partition INTEGER NOT NULL, _lsn INTEGER, _snapshot TEXT DEFAULT 'false', _headers TEXT, _tx_number INTEGER, _tx_total INTEGER, _renamed_images TEXT, _resent_sequence INTEGER, _resent_serial_no INTEGER, _write INTEGER, ${columnDefinitions(imageColumns(topic.log.format.columns)).join(', ')})`,
      ),
      ...plan.outboxTopics.map(
        (topic) =>
          `CREATE TABLE node.${outbox(topic)} (_sequence INTEGER PRIMARY KEY, _timestamp INTEGER NOT NULL, _key TEXT, _partition INTEGER NOT NULL, _write INTEGER, _tx_number INTEGER, _tx_total INTEGER, _lsn INTEGER${columnDefinitions(
            rowFields(topic),
          )
            .map((definition) => `, ${definition}`)
            .join('')})`,
      ),
    ].join(';\n'),
  );

  // A transaction's BEGIN takes the log position after the ones before it left: before any change of its own.
  // Without a time (null), it begins at the time of the one it follows.
  const beginTransaction = connection.prepare(
    `UPDATE node._clock SET millis = coalesce(?, millis), tx = tx + 1, tx_events = 0, ${LOG_POSITION_COLUMN} = ${LOG_POSITION_COLUMN} + 1, tx_begin = ${LOG_POSITION_COLUMN} + 1`,
  );
  // Once per transaction, not per change: the log position it commits at, which no change of it comes after.
  const commit = connection.prepare(
    `INSERT OR REPLACE INTO node.${COMMITS} SELECT tx, ${LOG_POSITION_SQL}, tx_begin FROM node._clock`,
  );
  const commitAndBegin = (millis: number | null) => {
    commit.run();
    beginTransaction.run([millis]);
  };
  const commitsAroundTruncate = truncateCommits(plan.system);
  const changePolls = captured.map((topic) => pollChangeLog(connection, topic, progressOf(topic.log.table), options));
  const polls = [
    ...changePolls,
    ...plan.outboxTopics.map((topic) => pollOutbox(connection, topic, progressOf(topic.log.table), options)),
  ];
  const pollTransactions =
    plan.transactionLog &&
    prepareTransactionPoll(connection, plan, polls, progressOf(plan.transactionLog.table), options);
  /** Columns a `rename-column` fault renamed in each topic's records, old name → new, by topic id. */
  const renamed = new Map<string, ReadonlyMap<string, string>>();
  const redeliveries = new Map(
    [...plan.cdcTopics, ...plan.outboxTopics].map((topic) => [
      topic.topic.id,
      prepareRedelivery(connection, progressOf(topic.log.table)),
    ]),
  );
  const problems: Problem[] = [];
  const publishing = plan.outboxTopics.filter((topic) => {
    const problem = topic.event.when && outboxConditionCheck(connection, topic.event.when, topic.table);
    if (problem) {
      const eventIndex = plan.system.publishes.indexOf(topic.event);
      problems.push({ path: `${plan.path}.publishes[${eventIndex}].when`, message: problem });
    }
    return !problem;
  });
  // SQLite fires the triggers last created first: the change is captured, then its outbox row written, as a service does.
  const triggersOn = (tableName: string) => [
    ...publishing
      .filter((topic) => topic.table.name === tableName)
      .flatMap((topic) => outboxTriggersSql(topic, options)),
    ...captured
      .filter((topic) => topic.table.name === tableName)
      .flatMap((topic) => captureTriggersSql(topic, captureOptions(topic), renamed.get(topic.topic.id))),
    ...rowChangeCountingTriggersSql(tableName, publishingTables.has(tableName)),
  ];
  /** Empties a table with one `t` record per CDC topic, in the open transaction. */
  const truncateTable = (tableName: string): number => {
    const table = quoteIdentifier(tableName);
    const truncated = captured.filter((topic) => topic.table.name === tableName);
    const counted = options.transactionMetadata ? 'UPDATE _clock SET tx_events = tx_events + 1;' : '';
    const triggers = triggersOn(tableName);
    connection.exec(
      [
        // One change in the database's log, whatever the rows it removes: the DELETE below runs without the triggers counting them.
        `UPDATE node._clock SET ${LOG_POSITION_COLUMN} = ${LOG_POSITION_COLUMN} + 1`,
        ...truncated.map(
          (topic) =>
            `${counted}INSERT INTO node.${changeLog(topic)} (_op, _timestamp, _key, _partition, _tx_number, _lsn${options.transactionMetadata ? ', _tx_total' : ''})
SELECT 't', millis, NULL, 0, tx, ${LOG_POSITION_SQL}${options.transactionMetadata ? ', tx_events' : ''} FROM node._clock`,
        ),
        ...triggers.map((sql) => `DROP TRIGGER node.${triggerName(sql)}`),
      ].join(';\n'),
    );
    const remove = connection.prepare(`DELETE FROM node.${table}`);
    try {
      return remove.run();
    } finally {
      remove.release();
      connection.exec(triggers.join(';\n'));
    }
  };
  const snapshotRows: Record<string, number> = {};
  let snapshotEnds: { poll: () => number; end: number }[] = [];

  return {
    plan,
    connection,
    problems,
    beginTransaction: commitAndBegin,
    startCapture(asBatch) {
      // The rows loaded before capture started are changes in the log too, counted at once here.
      connection.exec(
        `UPDATE node._clock SET ${LOG_POSITION_COLUMN} = ${LOG_POSITION_COLUMN} + ${rowCountSql(plan.tables)}`,
      );
      // The snapshot is read at one point of the database's log, which all its records carry.
      const position = connection.prepare(`SELECT ${LOG_POSITION_SQL} FROM node._clock`);
      const [[snapshotPosition]] = position.all() as [[number]];
      position.release();
      for (const topic of captured) snapshotInBatches(connection, topic, snapshotPosition, asBatch);
      const extents = captured.map((topic) => {
        const extent = connection.prepare(
          `SELECT count(*), min(_sequence), max(_sequence) FROM node.${changeLog(topic)}`,
        );
        const [rows, first, last] = extent.all()[0] as [number, number | null, number | null];
        extent.release();
        snapshotRows[topic.table.name] = (snapshotRows[topic.table.name] ?? 0) + rows;
        return { first, last };
      });
      // The snapshot's first and last records are Debezium's, whichever tables are empty.
      const withRows = extents.flatMap((extent, index) => (extent.last === null ? [] : [index]));
      snapshotEnds = captured.map((topic, index) => {
        const { first, last } = extents[index] as (typeof extents)[number];
        const place = { isFirstTableWithRows: index === withRows[0], isLastTableWithRows: index === withRows.at(-1) };
        const mark = (sequence: number, isFirstRow: boolean, isLastRow: boolean) =>
          connection.exec(
            `UPDATE node.${changeLog(topic)} SET _snapshot = ${quoteLiteral(snapshotMarker({ ...place, isFirstRow, isLastRow }))} WHERE _sequence = ${sequence}`,
          );
        if (first !== null && last !== null) {
          mark(last, first === last, true);
          if (first !== last) mark(first, true, false);
        }
        return { poll: polls[index]?.polled as () => number, end: last ?? 0 };
      });
      connection.exec(plan.tables.flatMap((table) => triggersOn(table.name)).join(';\n'));
    },
    publishChanges(millis) {
      const cutoff = millis - options.delayMillis;
      // Debezium publishes committed changes only: the open transaction commits here, unless it changes more.
      commit.run();
      // Before the change logs are polled, which clears what they publish.
      pollTransactions?.(cutoff);
      for (const poll of polls) poll.run(cutoff);
    },
    truncate(tableName) {
      if (!commitsAroundTruncate) return truncateTable(tableName);
      commitAndBegin(null);
      const emptied = truncateTable(tableName);
      commitAndBegin(null);
      return emptied;
    },
    applyFault(fault, millis) {
      const topic = captured.find((candidate) => candidate.topic.id === fault.topicId);
      switch (fault.kind) {
        case 'redeliver':
        case 'out-of-order':
          return redeliveries.get(fault.topicId)?.(fault.records, millis, fault.kind === 'out-of-order') ?? [];
        case 'null-field':
          if (topic) connection.exec(nullFieldChangeSql(topic, fault.column));
          return [];
        case 'rename-column': {
          if (!topic) return [];
          const before = captureTriggersSql(topic, captureOptions(topic), renamed.get(topic.topic.id));
          renamed.set(
            topic.topic.id,
            new Map([...(renamed.get(topic.topic.id) ?? []), [fault.column, fault.renamedTo]]),
          );
          connection.exec(
            [
              ...before.map((sql) => `DROP TRIGGER node.${triggerName(sql)}`),
              ...captureTriggersSql(topic, captureOptions(topic), renamed.get(topic.topic.id)),
            ].join(';\n'),
          );
          return [];
        }
      }
    },
    snapshot: () => ({
      rows: { ...snapshotRows },
      isComplete: snapshotEnds.every(({ poll, end }) => poll() >= end),
    }),
  };
}

/**
 * Where a change sits in its database's log, as PostgreSQL's LSN or MySQL's binlog position say:
 * rising across all the system's tables, one value for a whole snapshot. Only the service moves
 * it (a row change, a truncate, a transaction's BEGIN), never the engine's own bookkeeping or the
 * connector's polls, so a change's position does not depend on when the connector reads it.
 */
const LOG_POSITION_COLUMN = 'log_position';
const LOG_POSITION_SQL = `_clock.${LOG_POSITION_COLUMN}`;

/** Per transaction of the service, the log position of its commit. */
const COMMITS = '_commits';

/** MongoDB never changes a document's `_id`: an update of a key column fails, as MongoDB's does. */
function documentIdGuardSql(table: SystemTable): string[] {
  if (table.primaryKey.length === 0) return [];
  const keyChanged = table.primaryKey
    .map((name) => `OLD.${quoteIdentifier(name)} IS NOT NEW.${quoteIdentifier(name)}`)
    .join(' OR ');
  return [
    `CREATE TRIGGER node.${quoteIdentifier(`_document_id_${table.name}`)} BEFORE UPDATE ON ${quoteIdentifier(table.name)} WHEN ${keyChanged} BEGIN
  SELECT RAISE(ABORT, ${quoteLiteral(documentIdChangeProblem(table.name, table.primaryKey))});
END`,
  ];
}

function operationalTableSql(table: SystemTable): string {
  const columns = table.columns.map(
    (column) => `${quoteIdentifier(column.name)} ${columnSqlType(column.type)}${column.nullable ? '' : ' NOT NULL'}`,
  );
  const primaryKey = table.primaryKey.length > 0 ? [`PRIMARY KEY (${columnList(table.primaryKey)})`] : [];
  return `CREATE TABLE node.${quoteIdentifier(table.name)} (${[...columns, ...primaryKey].join(', ')})`;
}

/** The table in the system's database holding a CDC topic's captured changes until the connector publishes them. */
export function changeLog(topic: CdcTopicPlan): string {
  return quoteIdentifier(`_changes_${topic.topic.id}`);
}

function outbox(topic: OutboxTopicPlan): string {
  return quoteIdentifier(`_outbox_${topic.topic.id}`);
}

function rowFields(topic: OutboxTopicPlan): TableColumn[] {
  return topic.fields.filter((field) => field.source === 'row').map((field) => field.column);
}

/** The quoted name in `CREATE TRIGGER node."name" ...`. */
function triggerName(createSql: string): string {
  return createSql.slice('CREATE TRIGGER node.'.length, createSql.search(/ (AFTER|BEFORE) /));
}

/**
 * Advances the log position for each row change of a table and, where the table publishes
 * outbox events, numbers the change (`_clock.writes`), before its capture and outbox triggers
 * run, so its change records and events carry the same position and `_write`: the order in which
 * SQLite runs those triggers is its own.
 */
function rowChangeCountingTriggersSql(tableName: string, countsWrites: boolean): string[] {
  const counted = [
    `${LOG_POSITION_COLUMN} = ${LOG_POSITION_COLUMN} + 1`,
    ...(countsWrites ? ['writes = writes + 1'] : []),
  ];
  return ['INSERT', 'UPDATE', 'DELETE'].map(
    (
      event,
    ) => `CREATE TRIGGER node.${quoteIdentifier(`_row_change_${tableName}_${event.toLowerCase()}`)} BEFORE ${event} ON ${quoteIdentifier(tableName)} BEGIN
  UPDATE _clock SET ${counted.join(', ')};
END`,
  );
}

/** How many rows the tables hold, as SQL. */
function rowCountSql(tables: readonly SystemTable[]): string {
  const counts = tables.map((table) => `(SELECT count(*) FROM node.${quoteIdentifier(table.name)})`);
  return counts.length > 0 ? `(${counts.join(' + ')})` : '0';
}

function keySql(topic: CdcTopicPlan | OutboxTopicPlan, image: 'NEW' | 'OLD'): string {
  const columnSql = (name: string) => `${image}.${quoteIdentifier(name)}`;
  if ('event' in topic) return outboxEventKeySql(eventAggregateKey(topic.event, topic.table), columnSql);
  return changeKeySql(topic.log.format, columnSql);
}

/** The record key and its partition, computed once per change in a subquery the capture selects from. */
function placedKeySql(topic: CdcTopicPlan | OutboxTopicPlan, image: 'NEW' | 'OLD'): string {
  return `(SELECT _key, ${partitionSql('_key', topic.log.partitions)} AS _partition FROM (SELECT ${keySql(topic, image)} AS _key))`;
}

/** The table's rows as snapshot records, in rowid order, `ROW_BATCH` rows per statement. */
function snapshotInBatches(
  connection: SqlConnection,
  topic: CdcTopicPlan,
  position: number,
  asBatch: (rows: RowBatch, snapshot: () => void) => void,
): void {
  const table = `node.${quoteIdentifier(topic.table.name)}`;
  const count = connection.prepare(`SELECT count(*) FROM ${table}`);
  const [[total]] = count.all() as [[number]];
  count.release();
  const batchEnd = connection.prepare(
    `SELECT max(rowid) FROM (SELECT rowid FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ${ROW_BATCH})`,
  );
  const insert = connection.prepare(snapshotSql(topic, position));
  let after = Number.MIN_SAFE_INTEGER;
  try {
    for (const rows of rowBatches(topic.table.name, total)) {
      asBatch(rows, () => {
        const [[last]] = batchEnd.all([after]) as [[number]];
        insert.run([after, last]);
        after = last;
      });
    }
  } finally {
    batchEnd.release();
    insert.release();
  }
}

/** Snapshot records of the table's rows with rowids after the first parameter up to the second. */
function snapshotSql(topic: CdcTopicPlan, position: number): string {
  const columns = topic.table.columns.map((column) => column.name);
  const key = changeKeySql(topic.log.format, quoteIdentifier);
  return `INSERT INTO node.${changeLog(topic)} (_op, _timestamp, _key, _partition, _tx_number, _lsn, _snapshot, ${columnList(prefixed('after_', columns))})
SELECT 'r', millis, _key, ${partitionSql('_key', topic.log.partitions)}, tx, ${position}, 'true', ${columnList(columns)}
FROM (SELECT ${key} AS _key, * FROM node.${quoteIdentifier(topic.table.name)} WHERE rowid > ? AND rowid <= ? ORDER BY rowid), node._clock`;
}

/**
 * A change record for the table's newest row whose after image has `column` null, as a buggy
 * producer would send it; the table itself keeps its value (and its NOT NULL constraint). No
 * transaction made it: it keeps the op, snapshot marker, transaction, log position, place in the change log
 * (`source.sequence`) and SQL Server serial number of the row's last change record, which it re-emits (an update
 * outside the snapshot, the current transaction and position, and its own place, where retention has removed that record).
 */
function nullFieldChangeSql(topic: CdcTopicPlan, column: string): string {
  const columns = topic.table.columns.map((candidate) => candidate.name);
  const after = columns.map((name) => (name === column ? 'NULL' : quoteIdentifier(name)));
  const key = changeKeySql(topic.log.format, quoteIdentifier);
  // The row's last change record: still in the change log if the connector has not published it, else on the topic.
  const copied = (field: (record: string) => string) =>
    `(SELECT ${field('captured')} FROM node.${changeLog(topic)} AS captured WHERE captured._key = nulled._key ORDER BY captured._sequence DESC LIMIT 1), (SELECT ${field('sent')} FROM ${brokerTable(topic.log)} AS sent WHERE sent._key = nulled._key ORDER BY sent._position DESC LIMIT 1)`;
  const op = copied((record) => `${record}._op`);
  const snapshot = copied((record) => `${record}._snapshot`);
  const transaction = copied((record) => `${record}._tx_number`);
  const position = copied((record) => `${record}._lsn`);
  // A record re-sent by an earlier null-field fault is itself re-sent under the place it kept.
  const place = copied((record) => `coalesce(${record}._resent_sequence, ${record}._sequence)`);
  const serialNumber = copied((record) => `coalesce(${record}._resent_serial_no, ${eventSerialNoSql(record)})`);
  // Only an update has a before image, and under REPLICA IDENTITY DEFAULT not even that.
  const sendsBefore = topic.log.format.beforeImage === 'row';
  const targets = [...(sendsBefore ? prefixed('before_', columns) : []), ...prefixed('after_', columns)];
  const before = columns.map((name) => `CASE _resent_op WHEN 'u' THEN ${quoteIdentifier(name)} END`);
  const values = [...(sendsBefore ? before : []), ...after];
  return `INSERT INTO node.${changeLog(topic)} (_op, _snapshot, _timestamp, _key, _partition, _tx_number, _lsn, _resent_sequence, _resent_serial_no, ${columnList(targets)})
SELECT _resent_op, coalesce(${snapshot}, 'false'), millis, _key, ${partitionSql('_key', topic.log.partitions)}, coalesce(${transaction}, tx), coalesce(${position}, ${LOG_POSITION_SQL}), coalesce(${place}), coalesce(${serialNumber}), ${values.join(', ')}
FROM (SELECT coalesce(${op}, 'u') AS _resent_op, * FROM (SELECT ${key} AS _key, * FROM node.${quoteIdentifier(topic.table.name)} ORDER BY rowid DESC LIMIT 1) AS nulled) AS nulled, node._clock`;
}

/**
 * What a MongoDB record says after a column was renamed at the source, as text of extended JSON
 * under the new name: the document (`after`), and an update's `updatedFields`. A delete has neither.
 */
function renamedDocumentSql(
  topic: CdcTopicPlan,
  renamed: ReadonlyMap<string, string>,
  images: { before?: boolean; after?: boolean },
): string | undefined {
  if (!images.after) return undefined;
  const { columns, key } = topic.log.format;
  const fieldName = (column: string) => renamed.get(column) ?? column;
  const rowSql = (prefix: 'NEW' | 'OLD') => (name: string) => `${prefix}.${quoteIdentifier(name)}`;
  const after = documentTextSql(columns, key, rowSql('NEW'), fieldName);
  if (!images.before) return `json_object('after', ${after})`;
  return `json_object('after', ${after}, 'updatedFields', ${updatedFieldsSql(columns, rowSql('OLD'), rowSql('NEW'), fieldName)})`;
}

/**
 * Row images into the change log; with tombstones, a delete is followed by a null-valued record
 * with its key and headers, as Debezium sends it.
 * An update that changes the primary key is, as in Debezium, a delete of the old key (with a
 * `__debezium.newkey` header), its tombstone, and a create of the new key (`__debezium.oldkey`).
 * A column `renamed` at the source (old name → new) reaches the log's columns as null, since
 * consumers know it by its old name, and the envelope's images carry it under its new name only.
 */
function captureTriggersSql(
  topic: CdcTopicPlan,
  options: CaptureOptions,
  renamed: ReadonlyMap<string, string> = new Map(),
): string[] {
  const columns = topic.table.columns.map((column) => column.name);
  const capturedValue = capturedValueSql(topic.log.format.source.connector);
  const sendsOldKeyOnly = topic.log.format.beforeImage === 'old-key';
  // What the database logs of a column: all of the new row, of the old one only its key under REPLICA IDENTITY DEFAULT.
  const logged = (prefix: 'NEW' | 'OLD', name: string) =>
    prefix === 'NEW' || !sendsOldKeyOnly || topic.table.primaryKey.includes(name);
  const image = (prefix: 'NEW' | 'OLD') =>
    columns
      .map((name) => (renamed.has(name) || !logged(prefix, name) ? 'NULL' : `${prefix}.${quoteIdentifier(name)}`))
      .join(', ');
  const sourceImage = (prefix: 'NEW' | 'OLD') =>
    `json_object(${topic.log.format.columns.map((column) => `${quoteLiteral(recordFieldName(topic.log.format.source, renamed.get(column.name) ?? column.name))}, ${logged(prefix, column.name) ? capturedValue(column, `${prefix}.${quoteIdentifier(column.name)}`) : 'NULL'}`).join(', ')})`;
  const rowImages = (images: { before?: boolean; after?: boolean }) =>
    `json_object(${[...(images.before ? [`'before', ${sourceImage('OLD')}`] : []), ...(images.after ? [`'after', ${sourceImage('NEW')}`] : [])].join(', ')})`;
  const renamedImages = (images: { before?: boolean; after?: boolean }) => {
    if (renamed.size === 0) return undefined;
    return recordShape(topic.log.format.source.connector) === 'document'
      ? renamedDocumentSql(topic, renamed, images)
      : rowImages(images);
  };
  const before = columnList(prefixed('before_', columns));
  const after = columnList(prefixed('after_', columns));
  const newImage = image('NEW');
  const oldImage = image('OLD');
  const hasTombstones = topic.log.format.tombstones;
  const tx = options.transactionMetadata;
  const change = (
    op: string,
    targets: string,
    values: string,
    image: 'NEW' | 'OLD',
    extras: { headers?: string; renamedImages?: string } = {},
  ) => {
    const extraColumns = [
      '_tx_number',
      '_lsn',
      ...(tx ? ['_tx_total'] : []),
      ...(extras.headers ? ['_headers'] : []),
      ...(extras.renamedImages ? ['_renamed_images'] : []),
      ...(options.countsWrites ? ['_write'] : []),
    ];
    const extraValues = [
      'tx',
      LOG_POSITION_SQL,
      ...(tx ? ['tx_events'] : []),
      ...(extras.headers ? [extras.headers] : []),
      ...(extras.renamedImages ? [extras.renamedImages] : []),
      ...(options.countsWrites ? ['writes'] : []),
    ];
    return `${tx ? 'UPDATE _clock SET tx_events = tx_events + 1;\n  ' : ''}INSERT INTO ${changeLog(topic)} (${['_op', '_timestamp', '_key', '_partition', ...extraColumns].join(', ')}, ${targets})
  SELECT ${[`'${op}'`, 'millis', '_key', '_partition', ...extraValues].join(', ')}, ${values} FROM ${placedKeySql(topic, image)}, _clock;`;
  };
  const tombstone = hasTombstones
    ? `INSERT INTO ${changeLog(topic)} (_op, _timestamp, _key, _partition, _headers, _lsn, _write, _snapshot)
  SELECT NULL, _timestamp, _key, _partition, _headers, _lsn, _write, NULL FROM ${changeLog(topic)} WHERE _sequence = last_insert_rowid();`
    : '';
  const trigger = (name: string, event: 'INSERT' | 'UPDATE' | 'DELETE', when: string, body: string[]) =>
    `CREATE TRIGGER node.${quoteIdentifier(`_capture_${topic.topic.id}_${name}`)} AFTER ${event} ON ${quoteIdentifier(topic.table.name)}${when ? ` WHEN ${when}` : ''} BEGIN
  ${body.join('\n  ')}
END`;
  const key = topic.table.primaryKey;
  const keyKept = key.map((name) => `OLD.${quoteIdentifier(name)} IS NEW.${quoteIdentifier(name)}`).join(' AND ');
  const rowChanged = columns
    .map((name) => `OLD.${quoteIdentifier(name)} IS NOT NEW.${quoteIdentifier(name)}`)
    .join(' OR ');
  const updated = [
    keyKept,
    ...(logsUnchangedRows(topic.log.format.source.connector) || !rowChanged ? [] : [`(${rowChanged})`]),
  ]
    .filter(Boolean)
    .join(' AND ');
  return [
    trigger('insert', 'INSERT', '', [
      change('c', after, newImage, 'NEW', { renamedImages: renamedImages({ after: true }) }),
    ]),
    trigger('update', 'UPDATE', updated, [
      sendsOldKeyOnly
        ? change('u', after, newImage, 'NEW', { renamedImages: renamedImages({ after: true }) })
        : change('u', `${before}, ${after}`, `${oldImage}, ${newImage}`, 'NEW', {
            renamedImages: renamedImages({ before: true, after: true }),
          }),
    ]),
    ...(key.length > 0
      ? [
          // One row change in the database's log: the delete, its tombstone and the create share its position.
          trigger('rekey', 'UPDATE', `NOT (${keyKept})`, [
            change('d', before, oldImage, 'OLD', {
              headers: `json_object('__debezium.newkey', ${keySql(topic, 'NEW')})`,
              renamedImages: renamedImages({ before: true }),
            }),
            tombstone,
            change('c', after, newImage, 'NEW', {
              headers: `json_object('__debezium.oldkey', ${keySql(topic, 'OLD')})`,
              renamedImages: renamedImages({ after: true }),
            }),
          ]),
        ]
      : []),
    trigger('delete', 'DELETE', '', [
      change('d', before, oldImage, 'OLD', { renamedImages: renamedImages({ before: true }) }),
      tombstone,
    ]),
  ];
}

/**
 * Whether TRUNCATE commits the open transaction and then itself, as MySQL's and MariaDB's do
 * (an implicit commit) and Oracle's, a DDL statement, which Oracle commits before and after:
 * the rows after it are another transaction. PostgreSQL's is transactional.
 */
function truncateCommits(system: OperationalSystem): boolean {
  const { connector } = connectorEngine(system);
  return connector === 'mysql' || connector === 'mariadb' || connector === 'oracle';
}

/**
 * Whether an UPDATE that leaves a row as it was reaches the connector: PostgreSQL writes a new row
 * version to its log, so Debezium publishes an update; MySQL's and MariaDB's row-based binlog and
 * MongoDB's oplog record nothing for it.
 */
export function logsUnchangedRows(connector: string): boolean {
  return !['mysql', 'mariadb', 'mongodb'].includes(connector);
}

/**
 * The service's insert into its outbox table for each change of the event's table that passes its
 * condition: a change in the transaction like any other, which the connector counts before its
 * event router turns the row into the event (so the event carries no transaction block).
 */
function outboxTriggersSql(topic: OutboxTopicPlan, options: ConnectorOptions): string[] {
  const fields = rowFields(topic).map((column) => column.name);
  const tx = options.transactionMetadata;
  return topic.event.on.map((operation) => {
    const image = operation === 'delete' ? 'OLD' : 'NEW';
    const { when } = topic.event;
    const onlyWhen = when ? ` WHEN ${outboxConditionSql(when, topic.table, operation)}` : '';
    return `CREATE TRIGGER node.${quoteIdentifier(`_outbox_${topic.topic.id}_${operation}`)} AFTER ${operation.toUpperCase()} ON ${quoteIdentifier(topic.table.name)}${onlyWhen} BEGIN
  ${tx ? 'UPDATE _clock SET tx_events = tx_events + 1;\n  ' : ''}INSERT INTO ${outbox(topic)} (_timestamp, _key, _partition, _write, _tx_number, _tx_total, _lsn${fields.length > 0 ? `, ${columnList(fields)}` : ''})
  SELECT millis, _key, _partition, writes, tx, ${tx ? 'tx_events' : 'NULL'}, ${LOG_POSITION_SQL}${fields.length > 0 ? `, ${columnList(fields, image)}` : ''} FROM ${placedKeySql(topic, image)}, _clock;
END`;
  });
}

interface Poll {
  /** Publishes the rows changed at or before `cutoff` (the clock minus the connector's delay). */
  run(cutoff: number): void;
  /** The last sequence published. */
  polled(): number;
}

/** The connector's poll of one CDC topic: the change log, in capture order. */
function pollChangeLog(
  connection: SqlConnection,
  topic: CdcTopicPlan,
  progress: LogProgress,
  options: ConnectorOptions,
): Poll {
  const commits = commitsRead(topic.log.format.source.connector);
  const transactionId = transactionIdSql(topic.log.format.source.connector, {
    tx: '_tx_number',
    lsn: '_lsn',
    begin: 'own_commit.begin_position',
    commit: 'own_commit.position',
  });
  const computed = new Map([
    ['_timestamp', `_timestamp + ${options.delayMillis}`],
    ['_tx', options.transactionMetadata ? `CASE WHEN _tx_total IS NOT NULL THEN ${transactionId} END` : 'NULL'],
    ['_source_ts', '_timestamp'],
    [
      '_tx_order',
      options.transactionMetadata
        ? 'CASE WHEN _tx_total IS NOT NULL THEN row_number() OVER (PARTITION BY _tx_number ORDER BY _sequence) END'
        : 'NULL',
    ],
    ['_commit_lsn', commits.own ? 'own_commit.position' : 'NULL'],
    ['_last_commit_lsn', commits.last ? 'last_commit.position' : 'NULL'],
  ]);
  // A transaction's commits are looked up by its number (an index seek per change, no scan).
  const joins = [
    ...(commits.own || commits.begin
      ? [`LEFT JOIN node.${COMMITS} AS own_commit ON own_commit.tx = CAST(_tx_number AS INTEGER)`]
      : []),
    ...(commits.last
      ? [`LEFT JOIN node.${COMMITS} AS last_commit ON last_commit.tx = CAST(_tx_number AS INTEGER) - 1`]
      : []),
  ];
  const selected = ['_partition', '_timestamp', '_key', '_op', ...payloadColumns(topic.log.format).map((c) => c.name)];
  return preparePoll(
    connection,
    progress,
    changeLog(topic),
    `SELECT ${selected.map((name) => `${computed.get(name) ?? quoteIdentifier(name)} AS ${quoteIdentifier(name)}`).join(', ')} FROM node.${changeLog(topic)}${joins.map((join) => ` ${join}`).join('')}`,
  );
}

/**
 * Which commit positions a connector's source block gives: its own transaction's (SQL Server's
 * `commit_lsn`, Db2's, Oracle's `commit_scn`), or the one before it (PostgreSQL's `sequence`
 * starts with the last commit the connector saw; the services' transactions follow one another);
 * and whether its transaction id names where the transaction begins (MySQL's, transaction-id.ts).
 */
function commitsRead(connector: string): { own: boolean; last: boolean; begin: boolean } {
  return {
    own: connector === 'sqlserver' || connector === 'db2' || connector === 'oracle',
    last: connector === 'postgresql',
    begin: connector === 'mysql',
  };
}

/**
 * Debezium's transaction events for the changes the connector's polls are about to publish: per
 * transaction a BEGIN, then an END with its events counted in all and per table (in the order
 * the transaction first changed each). Snapshot records and tombstones belong to no transaction.
 */
function prepareTransactionPoll(
  connection: SqlConnection,
  plan: SystemPlan,
  polls: readonly Poll[],
  progress: LogProgress,
  options: ConnectorOptions,
): (cutoff: number) => void {
  // In the order of `polls`: the captured tables' change logs, then the outboxes.
  const logs = [
    ...plan.cdcTopics
      .filter((topic) => topic.table.cdc)
      .map((topic) => ({ table: changeLog(topic), source: topic.log.format.source })),
    ...plan.outboxTopics.map((topic) => ({ table: outbox(topic), source: plan.outboxTable })),
  ];
  const changes = logs
    .map(
      ({ table, source }) =>
        `SELECT _tx_number, _tx_total, _timestamp, _lsn, ${quoteLiteral(dataCollectionName(source))} AS collection FROM node.${table} WHERE _sequence > ? AND _timestamp <= ? AND _tx_total IS NOT NULL`,
    )
    .join('\nUNION ALL ');
  const { connector } = plan.outboxTable;
  const id = transactionIdSql(connector, {
    tx: 't._tx_number',
    lsn: "CASE boundary.status WHEN 'BEGIN' THEN t.begin_lsn ELSE own_commit.position END",
    begin: 'own_commit.begin_position',
    commit: 'own_commit.position',
  });
  const collections = `SELECT json_group_array(json_object('data_collection', collection, 'event_count', events)) FROM (
    SELECT collection, count(*) AS events FROM changes WHERE changes._tx_number = t._tx_number GROUP BY collection ORDER BY min(_tx_total))`;
  const append = prepareAppend(
    connection,
    progress,
    `WITH changes AS (${changes}),
transactions AS (SELECT _tx_number, min(_timestamp) AS millis, count(*) AS events, min(_lsn) AS begin_lsn FROM changes GROUP BY _tx_number)
SELECT 0 AS _partition, t.millis + ${options.delayMillis} AS _timestamp, ${keyJsonSql(['id'], () => id)} AS _key, 'append' AS _op,
  boundary.status, ${id} AS id,
  CASE boundary.status WHEN 'END' THEN t.events END AS event_count,
  CASE boundary.status WHEN 'END' THEN (${collections}) END AS data_collections,
  t.millis AS ts_ms
FROM transactions t CROSS JOIN (SELECT 'BEGIN' AS status, 0 AS place UNION ALL SELECT 'END', 1) boundary
  LEFT JOIN node.${COMMITS} AS own_commit ON own_commit.tx = CAST(t._tx_number AS INTEGER)
ORDER BY CAST(t._tx_number AS INTEGER), boundary.place`,
  );
  return (cutoff) => append(polls.flatMap((poll) => [poll.polled(), cutoff]));
}

/**
 * How Debezium names a captured table in transaction events: by schema (`public.orders` on
 * PostgreSQL, `DB2INST1.MEMBERS` on Db2), with the database too on SQL Server and Oracle
 * (`shop.dbo.orders`, `BOOKDB.APP.BOOKINGS`), else by database (`shop.orders`).
 */
function dataCollectionName(source: CdcSource): string {
  const withDatabase = source.connector === 'sqlserver' || source.connector === 'oracle';
  const qualifier = withDatabase ? `${source.db}.${source.schema}` : (source.schema ?? source.db);
  return `${qualifier}.${source.table}`;
}

function pollOutbox(
  connection: SqlConnection,
  topic: OutboxTopicPlan,
  progress: LogProgress,
  options: ConnectorOptions,
): Poll {
  const eventId = eventIdSql(topic.eventId, topic.event.name, topic.log.table, '_sequence');
  const fields = topic.fields.map(({ column, source }) => {
    const expression = {
      row: quoteIdentifier(column.name),
      'event-id': eventId,
      'occurred-at': isoTimestampSql('_timestamp'),
      none: 'NULL',
    }[source];
    return `${expression} AS ${quoteIdentifier(column.name)}`;
  });
  return preparePoll(
    connection,
    progress,
    outbox(topic),
    `SELECT _partition, _timestamp + ${options.delayMillis} AS _timestamp, _key, 'append' AS _op, _write, json_object('id', ${eventId}) AS _headers${fields.length > 0 ? `, ${fields.join(', ')}` : ''} FROM node.${outbox(topic)}`,
  );
}

/**
 * Moves a change log's or outbox's new rows to the topic. The newest row stays behind: SQLite
 * numbers a rowid after the largest one, so keeping it keeps sequences rising without the
 * extra write per row AUTOINCREMENT costs.
 */
function preparePoll(connection: SqlConnection, progress: LogProgress, table: string, selectSql: string): Poll {
  const append = prepareAppend(
    connection,
    progress,
    `${selectSql} WHERE _sequence > ? AND _timestamp <= ? ORDER BY _sequence`,
  );
  const clear = connection.prepare(`DELETE FROM node.${table} WHERE _sequence < ?`);
  let polled = 0;
  return {
    run(cutoff) {
      polled += append([polled, cutoff]);
      clear.run([polled]);
    },
    polled: () => polled,
  };
}
