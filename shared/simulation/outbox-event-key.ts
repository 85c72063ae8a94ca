import { eventAggregateKey } from '../model/operational-system';
import type { OutboxTopicPlan } from './log-plan';
import { type RecordMatch, sqlLiteral } from './log-reader';
import { pickedFields } from './picked-fields';

/**
 * How the outbox row's `aggregateid` joins the values of a composite key (`1003:2`); a key of one
 * column is its value alone (`1003`).
 */
const AGGREGATE_ID_SEPARATOR = ':';

/**
 * An outbox event's record key as Debezium's outbox event router writes it: the outbox row's
 * `aggregateid` (`table.field.event.key`), a varchar in Debezium's outbox table, which the JSON
 * converter writes as a JSON string: the aggregate's columns of the changed row (its key, unless
 * the event names others) as text, `"1003"`, `"1003:2"` for two. None, or a null in them: no key.
 */
export function outboxEventKeySql(key: readonly string[], columnSql: (name: string) => string): string {
  if (key.length === 0) return 'NULL';
  const aggregateId = key.map((name) => `CAST(${columnSql(name)} AS TEXT)`).join(` || '${AGGREGATE_ID_SEPARATOR}' || `);
  // json_quote(NULL) is the text `null`; a key with a null part is no key.
  return `nullif(json_quote(${aggregateId}), 'null')`;
}

/**
 * How to find the events an outbox wrote for `row` of its table: by the record key it writes for
 * the row (an event need not carry the row's key columns, `member_ref` for `id`), and by those of
 * the row's primary-key columns the event does carry, which tell the row apart from others of its
 * aggregate.
 */
export function outboxEventsOfRow(outbox: OutboxTopicPlan, row: Record<string, unknown>): RecordMatch {
  const carried = outbox.fields.flatMap((field) => (field.source === 'row' ? [field.column.name] : []));
  const carriedPrimaryKey = outbox.table.primaryKey.filter((name) => carried.includes(name));
  return {
    fields: pickedFields(row, carriedPrimaryKey),
    keySql: outboxEventKeySql(eventAggregateKey(outbox.event, outbox.table), (name) => sqlLiteral(row[name])),
  };
}

/**
 * Which row an outbox event is about, from the fields it carries: the row's primary key, or where
 * the event does not carry all of it, the aggregate key its record is keyed by (`{"member_ref":"M-1"}`).
 */
export function outboxEventRowKey(outbox: OutboxTopicPlan, fields: Record<string, unknown>): Record<string, unknown> {
  const primaryKey = pickedFields(fields, outbox.table.primaryKey);
  const isPrimaryKeyCarried = Object.keys(primaryKey).length === outbox.table.primaryKey.length;
  return isPrimaryKeyCarried ? primaryKey : pickedFields(fields, eventAggregateKey(outbox.event, outbox.table));
}
