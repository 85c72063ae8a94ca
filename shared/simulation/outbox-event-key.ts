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
