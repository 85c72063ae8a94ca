import type { Result } from '../model/problem';
import { checkSelect } from './select-check';
import { withSimulatedNow } from './simulated-now';
import { isKeyword, sqlTokens } from './sql-tokens';
import type { SqlConnection, SqlValue } from './sql-workspace';

export interface QueryResult {
  columns: string[];
  rows: SqlValue[][];
  /** Whether rows beyond the limit were left out. */
  isTruncated: boolean;
}

/**
 * Runs one query a user typed against a node's database: exactly one SELECT (WITH, VALUES), or
 * EXPLAIN [QUERY PLAN] of one, checked before anything is compiled, and run with
 * `PRAGMA query_only` on. The caller runs it as a user, so the engine's functions are hidden.
 */
export function runReadOnlyQuery(connection: SqlConnection, sql: string, maxRows: number): Result<QueryResult> {
  const tokens = sqlTokens(sql);
  const explainWords = !isKeyword(tokens[0], 'EXPLAIN')
    ? 0
    : isKeyword(tokens[1], 'QUERY') && isKeyword(tokens[2], 'PLAN')
      ? 3
      : 1;
  const checked = checkSelect(connection, explainWords > 0 ? sql.slice(tokens[explainWords - 1]?.end) : sql);
  if (!checked.ok) return failure(checked.message);
  const explain =
    explainWords > 0
      ? `${tokens
          .slice(0, explainWords)
          .map((token) => token.text)
          .join(' ')} `
      : '';
  connection.exec('PRAGMA query_only = ON');
  try {
    const statement = connection.prepare(`${explain}${withSimulatedNow(checked.select)}`);
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

function failure(message: string): Result<never> {
  return { ok: false, errors: [{ path: 'query', message }] };
}
