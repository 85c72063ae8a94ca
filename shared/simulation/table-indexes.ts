import { columnList, quoteIdentifier } from './sql-text';
import type { SqlConnection } from './sql-workspace';

/**
 * Creates `index` on `table` over `columns`, in order, unless the table can already seek them: an
 * index that begins with them, or the rowid its single INTEGER PRIMARY KEY is. A second index
 * would serve no lookup the first does not, and cost a write per change of the table.
 */
export function indexUnlessSought(connection: SqlConnection, table: string, index: string, columns: string[]): void {
  if (isRowidKey(connection, table, columns)) return;
  const sameStart = (indexed: readonly string[]) =>
    columns.every((column, position) => indexed[position]?.toLowerCase() === column.toLowerCase());
  if ([...indexColumns(connection, table, 'NOT list.partial').values()].some(sameStart)) return;
  connection.exec(`CREATE INDEX node.${quoteIdentifier(index)} ON ${quoteIdentifier(table)} (${columnList(columns)})`);
}

/**
 * Drops each plain index on `table` that another one begins with (`orders (customer_id)` beside
 * `orders (customer_id, status, total)`): the longer one serves every lookup, and one index less
 * is one write less per change. Of two alike, the first by name stays.
 */
export function dropRedundantIndexes(connection: SqlConnection, table: string): void {
  const indexes = [...indexColumns(connection, table, `list.origin = 'c' AND NOT list."unique" AND NOT list.partial`)];
  const redundant = indexes.filter(([name, columns]) =>
    indexes.some(
      ([other, otherColumns]) =>
        other !== name &&
        columns.every((column, position) => otherColumns[position] === column) &&
        (otherColumns.length > columns.length || other < name),
    ),
  );
  connection.exec(redundant.map(([name]) => `DROP INDEX node.${quoteIdentifier(name)}`).join(';\n'));
}

/** The columns of each index on `table` that `condition` (on `pragma_index_list` as `list`) holds for, by name. */
function indexColumns(connection: SqlConnection, table: string, condition: string): Map<string, string[]> {
  const read = connection.prepare(
    `SELECT list.name, info.name FROM pragma_index_list(?, 'node') AS list, pragma_index_info(list.name, 'node') AS info
WHERE ${condition} ORDER BY list.name, info.seqno`,
  );
  const columnsOf = new Map<string, string[]>();
  try {
    for (const [index, column] of read.all([table])) {
      columnsOf.set(String(index), [...(columnsOf.get(String(index)) ?? []), String(column)]);
    }
  } finally {
    read.release();
  }
  return columnsOf;
}

/** Whether `columns` is the table's one primary key column, declared INTEGER: then it is the rowid. */
export function isRowidKey(connection: SqlConnection, table: string, columns: readonly string[]): boolean {
  if (columns.length !== 1) return false;
  const read = connection.prepare(`SELECT name, upper(type) FROM pragma_table_info(?, 'node') WHERE pk > 0`);
  try {
    const [key, ...more] = read.all([table]);
    return more.length === 0 && key?.[1] === 'INTEGER' && String(key[0]).toLowerCase() === columns[0]?.toLowerCase();
  } finally {
    read.release();
  }
}
