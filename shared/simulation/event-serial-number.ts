/**
 * SQL Server's `event_serial_no` of a change record, as SQL over its columns (`<record>._op`,
 * `_headers`): an update is two CDC rows, its before and after images, and so is a key change's
 * delete and create (the create, with its `__debezium.oldkey` header, is the second); any other
 * change is one row. A snapshot record has none.
 */
export function eventSerialNoSql(record?: string): string {
  const column = (name: string) => (record ? `${record}.${name}` : name);
  return `CASE WHEN ${column('_op')} = 'r' THEN NULL WHEN ${column('_op')} = 'u' OR (${column('_op')} = 'c' AND ${column('_headers')} IS NOT NULL) THEN 2 ELSE 1 END`;
}
