/**
 * The columns that link a record to a transformation's result rows: the result's key columns the
 * record holds, else the ids both have (`customer_id`), else the columns the step's lineage says
 * carry the record's own values (`carried`, result column → the record's field, lower-cased: a
 * join's `container_no`). None when a step's rows cannot be told apart by anything the record carries.
 */
export function resultLinkingColumns(
  result: { key: readonly string[]; columns: readonly string[] },
  recordFields: readonly string[],
  carried: ReadonlyMap<string, string> = new Map(),
): string[] {
  const isShared = (name: string) => recordFields.includes(name) && result.columns.includes(name);
  const sharedKey = result.key.filter(isShared);
  if (sharedKey.length > 0) return sharedKey;
  const sharedIds = result.columns.filter((name) => isShared(name) && isIdentifying(name));
  if (sharedIds.length > 0) return sharedIds;
  return result.columns.filter(
    (name) => carried.has(name.toLowerCase()) && linkedField(carried, name, recordFields) !== undefined,
  );
}

/** The record's field, by its spelling, whose value a linking column holds: the one the lineage says it carries, else its namesake. */
export function linkedField(
  carried: ReadonlyMap<string, string>,
  column: string,
  recordFields: readonly string[],
): string | undefined {
  const field = carried.get(column.toLowerCase());
  if (field === undefined) return recordFields.includes(column) ? column : undefined;
  return recordFields.find((name) => name.toLowerCase() === field);
}

/** Ids and keys link rows across tables (`customer_id`); measures and names do not. */
function isIdentifying(column: string): boolean {
  return column === 'id' || column.endsWith('_id');
}
