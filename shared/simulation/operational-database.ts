import type { SystemTable } from '../model/operational-system';
import type { TopicFault } from '../model/scenario';
import {
  imageColumns,
  keyJsonSql,
  type LogProgress,
  partitionSql,
  payloadColumns,
  prepareAppend,
  prepareRedelivery,
  type TableColumn,
} from './broker-log';
import type { CdcTopicPlan, OutboxTopicPlan, SystemPlan } from './log-plan';
import { columnDefinitions, columnList, isoTimestampSql, prefixed, quoteIdentifier, quoteLiteral } from './sql-text';
import { columnSqlType } from './sql-types';
import type { SqlConnection } from './sql-workspace';

/**
 * A microservice's database: its tables in `node`, triggers capturing every change with before
 * and after images into a change log per CDC topic, and an outbox per published event. The
 * connector's poll moves both to the broker once per tick; the tables never leave SQLite.
 */
export interface OperationalDatabase {
  readonly plan: SystemPlan;
  readonly connection: SqlConnection;
  setClock(millis: number): void;
  /** Starts CDC: existing rows become snapshot records (op `r`), then every change is captured. */
  startCapture(): void;
  /** The connector's poll: captured changes and outbox events go to their topics. */
  publishChanges(): void;
  /** A fault at the source: records sent again (in order or newest first), a null, a renamed column. */
  applyFault(fault: TopicFault): void;
}

type ProgressOf = (table: string) => LogProgress;

export function createOperationalDatabase(
  connection: SqlConnection,
  plan: SystemPlan,
  progressOf: ProgressOf,
): OperationalDatabase {
  const { system } = plan;
  const captured = plan.cdcTopics.filter((topic) => topic.table.cdc);
  connection.exec(
    [
      'CREATE TABLE node._clock (millis INTEGER NOT NULL)',
      'INSERT INTO node._clock VALUES (0)',
      ...system.database.tables.map(operationalTableSql),
      ...captured.map(
        (topic) =>
          `CREATE TABLE node.${changeLog(topic)} (_sequence INTEGER PRIMARY KEY, _op TEXT, _timestamp INTEGER NOT NULL, _key TEXT, _partition INTEGER NOT NULL, ${columnDefinitions(imageColumns(topic.log.format.columns)).join(', ')})`,
      ),
      ...plan.outboxTopics.map(
        (topic) =>
          `CREATE TABLE node.${outbox(topic)} (_sequence INTEGER PRIMARY KEY, _timestamp INTEGER NOT NULL, _key TEXT, _partition INTEGER NOT NULL${columnDefinitions(
            rowFields(topic),
          )
            .map((definition) => `, ${definition}`)
            .join('')})`,
      ),
    ].join(';\n'),
  );

  const setClock = connection.prepare('UPDATE node._clock SET millis = ?');
  const polls = [
    ...captured.map((topic) => pollChangeLog(connection, topic, progressOf(topic.log.table))),
    ...plan.outboxTopics.map((topic) => pollOutbox(connection, topic, progressOf(topic.log.table))),
  ];
  /** Columns a `rename-column` fault took from each topic's records, by topic id. */
  const renamed = new Map<string, ReadonlySet<string>>();
  const redeliveries = new Map(
    [...plan.cdcTopics, ...plan.outboxTopics].map((topic) => [
      topic.topic.id,
      prepareRedelivery(connection, progressOf(topic.log.table)),
    ]),
  );

  return {
    plan,
    connection,
    setClock(millis) {
      setClock.run([millis]);
    },
    startCapture() {
      connection.exec(
        [
          ...captured.flatMap((topic) => [snapshotSql(topic), ...captureTriggersSql(topic)]),
          ...plan.outboxTopics.flatMap(outboxTriggersSql),
        ].join(';\n'),
      );
    },
    publishChanges() {
      for (const poll of polls) poll();
    },
    applyFault(fault) {
      const topic = captured.find((candidate) => candidate.topic.id === fault.topicId);
      switch (fault.kind) {
        case 'redeliver':
        case 'out-of-order':
          redeliveries.get(fault.topicId)?.(fault.records, fault.kind === 'out-of-order');
          return;
        case 'null-field':
          if (topic) connection.exec(nullFieldChangeSql(topic, fault.column));
          return;
        case 'rename-column':
          if (!topic) return;
          renamed.set(topic.topic.id, new Set([...(renamed.get(topic.topic.id) ?? []), fault.column]));
          connection.exec(
            [
              ...captureTriggerNames(topic).map((name) => `DROP TRIGGER node.${name}`),
              ...captureTriggersSql(topic, renamed.get(topic.topic.id)),
            ].join(';\n'),
          );
      }
    },
  };
}

function operationalTableSql(table: SystemTable): string {
  const columns = table.columns.map(
    (column) => `${quoteIdentifier(column.name)} ${columnSqlType(column.type)}${column.nullable ? '' : ' NOT NULL'}`,
  );
  const primaryKey = table.primaryKey.length > 0 ? [`PRIMARY KEY (${columnList(table.primaryKey)})`] : [];
  return `CREATE TABLE node.${quoteIdentifier(table.name)} (${[...columns, ...primaryKey].join(', ')})`;
}

function changeLog(topic: CdcTopicPlan): string {
  return quoteIdentifier(`_changes_${topic.topic.id}`);
}

function outbox(topic: OutboxTopicPlan): string {
  return quoteIdentifier(`_outbox_${topic.topic.id}`);
}

function rowFields(topic: OutboxTopicPlan): TableColumn[] {
  return topic.fields.filter((field) => field.source === 'row').map((field) => field.column);
}

/** The record key and its partition, computed once per change in a subquery the capture selects from. */
function placedKeySql(topic: CdcTopicPlan | OutboxTopicPlan, image: 'NEW' | 'OLD'): string {
  const key = keyJsonSql(topic.table.primaryKey, (name) => `${image}.${quoteIdentifier(name)}`);
  return `(SELECT _key, ${partitionSql('_key', topic.log.partitions)} AS _partition FROM (SELECT ${key} AS _key))`;
}

function snapshotSql(topic: CdcTopicPlan): string {
  const columns = topic.table.columns.map((column) => column.name);
  const key = keyJsonSql(topic.table.primaryKey, quoteIdentifier);
  return `INSERT INTO node.${changeLog(topic)} (_op, _timestamp, _key, _partition, ${columnList(prefixed('after_', columns))})
SELECT 'r', (SELECT millis FROM node._clock), _key, ${partitionSql('_key', topic.log.partitions)}, ${columnList(columns)}
FROM (SELECT ${key} AS _key, * FROM node.${quoteIdentifier(topic.table.name)} ORDER BY rowid)`;
}

/**
 * A change record for the table's newest row whose after image has `column` null, as a buggy
 * producer would send it; the table itself keeps its value (and its NOT NULL constraint).
 */
function nullFieldChangeSql(topic: CdcTopicPlan, column: string): string {
  const columns = topic.table.columns.map((candidate) => candidate.name);
  const after = columns.map((name) => (name === column ? 'NULL' : quoteIdentifier(name)));
  const key = keyJsonSql(topic.table.primaryKey, quoteIdentifier);
  return `INSERT INTO node.${changeLog(topic)} (_op, _timestamp, _key, _partition, ${columnList(prefixed('before_', columns))}, ${columnList(prefixed('after_', columns))})
SELECT 'u', (SELECT millis FROM node._clock), _key, ${partitionSql('_key', topic.log.partitions)}, ${columnList(columns)}, ${after.join(', ')}
FROM (SELECT ${key} AS _key, * FROM node.${quoteIdentifier(topic.table.name)} ORDER BY rowid DESC LIMIT 1)`;
}

function captureTriggerNames(topic: CdcTopicPlan): string[] {
  return ['insert', 'update', 'delete'].map((event) => quoteIdentifier(`_capture_${topic.topic.id}_${event}`));
}

/**
 * Row images into the change log; with tombstones, a delete is followed by a null-valued record.
 * Columns in `missing` (renamed at the source) reach the log as null: consumers know them by their old name.
 */
function captureTriggersSql(topic: CdcTopicPlan, missing: ReadonlySet<string> = new Set()): string[] {
  const columns = topic.table.columns.map((column) => column.name);
  const image = (prefix: 'NEW' | 'OLD') =>
    columns.map((name) => (missing.has(name) ? 'NULL' : `${prefix}.${quoteIdentifier(name)}`)).join(', ');
  const before = columnList(prefixed('before_', columns));
  const after = columnList(prefixed('after_', columns));
  const hasTombstones = topic.log.format.kind === 'cdc' && topic.log.format.tombstones;
  const tombstone = `INSERT INTO ${changeLog(topic)} (_op, _timestamp, _key, _partition)
  SELECT NULL, _timestamp, _key, _partition FROM ${changeLog(topic)} WHERE _sequence = last_insert_rowid();`;
  const trigger = (
    event: 'INSERT' | 'UPDATE' | 'DELETE',
    op: string,
    targets: string,
    values: string,
    image: 'NEW' | 'OLD',
  ) =>
    `CREATE TRIGGER node.${quoteIdentifier(`_capture_${topic.topic.id}_${event.toLowerCase()}`)} AFTER ${event} ON ${quoteIdentifier(topic.table.name)} BEGIN
  INSERT INTO ${changeLog(topic)} (_op, _timestamp, _key, _partition, ${targets})
  SELECT '${op}', (SELECT millis FROM _clock), _key, _partition, ${values} FROM ${placedKeySql(topic, image)};
  ${event === 'DELETE' && hasTombstones ? tombstone : ''}
END`;
  const newImage = image('NEW');
  const oldImage = image('OLD');
  return [
    trigger('INSERT', 'c', after, newImage, 'NEW'),
    trigger('UPDATE', 'u', `${before}, ${after}`, `${oldImage}, ${newImage}`, 'NEW'),
    trigger('DELETE', 'd', before, oldImage, 'OLD'),
  ];
}

function outboxTriggersSql(topic: OutboxTopicPlan): string[] {
  const fields = rowFields(topic).map((column) => column.name);
  return topic.event.on.map((operation) => {
    const image = operation === 'delete' ? 'OLD' : 'NEW';
    return `CREATE TRIGGER node.${quoteIdentifier(`_outbox_${topic.topic.id}_${operation}`)} AFTER ${operation.toUpperCase()} ON ${quoteIdentifier(topic.table.name)} BEGIN
  INSERT INTO ${outbox(topic)} (_timestamp, _key, _partition${fields.length > 0 ? `, ${columnList(fields)}` : ''})
  SELECT (SELECT millis FROM _clock), _key, _partition${fields.length > 0 ? `, ${columnList(fields, image)}` : ''} FROM ${placedKeySql(topic, image)};
END`;
  });
}

/** The connector's poll of one CDC topic: the change log, in capture order. */
function pollChangeLog(connection: SqlConnection, topic: CdcTopicPlan, progress: LogProgress): () => void {
  const payload = payloadColumns(topic.log.format).map((column) => column.name);
  return preparePoll(
    connection,
    progress,
    changeLog(topic),
    `SELECT _partition, _timestamp, _key, _op, ${columnList(payload)} FROM node.${changeLog(topic)}`,
  );
}

function pollOutbox(connection: SqlConnection, topic: OutboxTopicPlan, progress: LogProgress): () => void {
  const eventName = quoteLiteral(topic.event.name);
  const fields = topic.fields.map(({ column, source }) => {
    const expression = {
      row: quoteIdentifier(column.name),
      'event-id': `printf('%s-%d', ${eventName}, _sequence)`,
      'occurred-at': isoTimestampSql('_timestamp'),
      none: 'NULL',
    }[source];
    return `${expression} AS ${quoteIdentifier(column.name)}`;
  });
  return preparePoll(
    connection,
    progress,
    outbox(topic),
    `SELECT _partition, _timestamp, _key, 'append' AS _op${fields.length > 0 ? `, ${fields.join(', ')}` : ''} FROM node.${outbox(topic)}`,
  );
}

/**
 * Moves a change log's or outbox's new rows to the topic. The newest row stays behind: SQLite
 * numbers a rowid after the largest one, so keeping it keeps sequences rising without the
 * extra write per row AUTOINCREMENT costs.
 */
function preparePoll(connection: SqlConnection, progress: LogProgress, table: string, selectSql: string): () => void {
  const append = prepareAppend(connection, progress, `${selectSql} WHERE _sequence > ? ORDER BY _sequence`);
  const clear = connection.prepare(`DELETE FROM node.${table} WHERE _sequence < ?`);
  let polled = 0;
  return () => {
    polled += append([polled]);
    clear.run([polled]);
  };
}
