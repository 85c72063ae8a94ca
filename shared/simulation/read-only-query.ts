import type { Result } from '../model/problem';
import type { SqlConnection, SqlValue } from './sql-workspace';

export interface QueryResult {
  columns: string[];
  rows: SqlValue[][];
  /** Whether rows beyond the limit were left out. */
  isTruncated: boolean;
}

const READ_ONLY_START = /^(select|with|values|explain)\b/i;

/**
 * Runs one query a user typed against a node's database. It must start like a query, and it runs
 * with `PRAGMA query_only` on, which SQLite enforces even for `WITH ... DELETE`.
 */
export function runReadOnlyQuery(connection: SqlConnection, sql: string, maxRows: number): Result<QueryResult> {
  if (!READ_ONLY_START.test(withoutLeadingComments(sql))) {
    return failure('only a read-only query (SELECT, WITH, VALUES or EXPLAIN) may run here');
  }
  connection.exec('PRAGMA query_only = ON');
  try {
    const statement = connection.prepare(sql);
    try {
      const rows = statement.all(undefined, maxRows + 1);
      return {
        ok: true,
        value: { columns: statement.columnNames(), rows: rows.slice(0, maxRows), isTruncated: rows.length > maxRows },
      };
    } finally {
      statement.release();
    }
  } catch (error) {
    return failure((error as Error).message);
  } finally {
    connection.exec('PRAGMA query_only = OFF');
  }
}

function withoutLeadingComments(sql: string): string {
  let rest = sql.trimStart();
  for (;;) {
    if (rest.startsWith('--')) rest = rest.slice(rest.indexOf('\n') === -1 ? rest.length : rest.indexOf('\n'));
    else if (rest.startsWith('/*')) rest = rest.slice(rest.indexOf('*/') === -1 ? rest.length : rest.indexOf('*/') + 2);
    else return rest;
    rest = rest.trimStart();
  }
}

function failure(message: string): Result<never> {
  return { ok: false, errors: [{ path: 'query', message }] };
}
