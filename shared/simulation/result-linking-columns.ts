/**
 * The columns that link a record to a transformation's result rows: the result's key columns the
 * record holds, else the ids both have (`customer_id`). None when a step's rows cannot be told
 * apart by anything the record carries.
 */
export function resultLinkingColumns(
  result: { key: readonly string[]; columns: readonly string[] },
  recordFields: readonly string[],
): string[] {
  const isShared = (name: string) => recordFields.includes(name) && result.columns.includes(name);
  const sharedKey = result.key.filter(isShared);
  return sharedKey.length > 0 ? sharedKey : result.columns.filter((name) => isShared(name) && isIdentifying(name));
}

/** Ids and keys link rows across tables (`customer_id`); measures and names do not. */
function isIdentifying(column: string): boolean {
  return column === 'id' || column.endsWith('_id');
}
