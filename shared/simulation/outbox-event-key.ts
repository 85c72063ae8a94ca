/**
 * How the outbox row's `aggregateid` joins the values of a composite key (`1003:2`); a key of one
 * column is its value alone (`1003`).
 */
const AGGREGATE_ID_SEPARATOR = ':';

/**
 * An outbox event's record key as Debezium's outbox event router writes it: the outbox row's
 * `aggregateid` (`table.field.event.key`), a varchar in Debezium's outbox table, which the JSON
 * converter writes as a JSON string. The aggregate is the changed row, so its id is the row's
 * key as text: `"1003"`, `"1003:2"` for a composite key. No key, or a null in it: no key.
 */
export function outboxEventKeySql(key: readonly string[], columnSql: (name: string) => string): string {
  if (key.length === 0) return 'NULL';
  const aggregateId = key.map((name) => `CAST(${columnSql(name)} AS TEXT)`).join(` || '${AGGREGATE_ID_SEPARATOR}' || `);
  // json_quote(NULL) is the text `null`; a key with a null part is no key.
  return `nullif(json_quote(${aggregateId}), 'null')`;
}
