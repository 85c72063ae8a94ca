import type { QueryResult } from '../shared/simulation';
import type { ExactSqlValue } from '../shared/simulation/sql-workspace';

/** A query `simulate --query` runs, and its result. */
export interface AnsweredQuery extends QueryResult {
  node: string;
  sql: string;
}

/** A cell as text: `NULL` for null, as the SQL console shows it, and bytes as an SQL blob literal (`x'0aff'`). */
function cellText(value: ExactSqlValue): string {
  if (value === null) return 'NULL';
  if (value instanceof Uint8Array) return `x'${[...value].map((byte) => byte.toString(16).padStart(2, '0')).join('')}'`;
  return String(value);
}

/** The query and its result as JSON writes them: bytes as blob literals, every other value as it is. */
export function queryJson(query: AnsweredQuery): AnsweredQuery {
  return {
    ...query,
    rows: query.rows.map((row) => row.map((value) => (value instanceof Uint8Array ? cellText(value) : value))),
  };
}

/** A query's result as a text table: a header, a rule, a line per row, each column as wide as its widest cell, then the row count. */
export function queryTableLines({ columns, rows, isTruncated }: QueryResult): string[] {
  const cells = rows.map((row) => row.map(cellText));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((row) => row[index]?.length ?? 0)),
  );
  const line = (texts: readonly string[]) =>
    texts
      .map((text, index) => text.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  const count = `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`;
  return [
    line(columns),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
    isTruncated ? `(the first ${count}; the rest left out)` : `(${count})`,
  ];
}
