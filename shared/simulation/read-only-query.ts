import type { Result } from '../model/problem';
import { withEngineFunctionsUnlisted } from './engine-function-list';
import { withHint } from './postgres-habit-hints';
import { queryCell } from './query-cell';
import { checkSelect } from './select-check';
import { simulatedNowRewrite } from './simulated-now';
import { isKeyword, sqlTokens } from './sql-tokens';
import type { ExactSqlValue, SqlConnection } from './sql-workspace';

export interface QueryResult {
  columns: string[];
  /** Each row's values, an INTEGER past 2^53 as a bigint (see `queryCell`). */
  rows: ExactSqlValue[][];
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
  if (!checked.ok) return failure(withHint(checked));
  const explain =
    explainWords > 0
      ? `${tokens
          .slice(0, explainWords)
          .map((token) => token.text)
          .join(' ')} `
      : '';
  connection.exec('PRAGMA query_only = ON');
  try {
    const rewritten = simulatedNowRewrite(withNodeCatalog(withEngineFunctionsUnlisted(checked.select)));
    const statement = connection.prepare(`${explain}${rewritten.text}`);
    try {
      const rows = statement.allExact(maxRows + 1).map((row) => row.map(queryCell));
      // SQLite heads an expression's column with its text as run: the engine's clock functions stay hidden.
      const columns = rewritten.writtenAs(statement.columnNames());
      return { ok: true, value: { columns, rows: rows.slice(0, maxRows), isTruncated: rows.length > maxRows } };
    } finally {
      statement.release();
    }
  } catch (error) {
    return failure((error as Error).message);
  } finally {
    connection.exec('PRAGMA query_only = OFF');
  }
}

const CATALOG_NAMES = new Set(['SQLITE_MASTER', 'SQLITE_SCHEMA']);

/**
 * The node's tables live in the attached schema `node` (the main one stays empty), so the
 * catalog a user asks for without a schema, `sqlite_master` or `sqlite_schema`, is the node's.
 */
function withNodeCatalog(select: string): string {
  const tokens = sqlTokens(select);
  return tokens.reduceRight((sql, token, index) => {
    const isUnqualifiedCatalog =
      (token.kind === 'word' || token.kind === 'quoted') &&
      CATALOG_NAMES.has(token.text.toUpperCase()) &&
      tokens[index - 1]?.text !== '.';
    return isUnqualifiedCatalog ? `${sql.slice(0, token.start)}node.${sql.slice(token.start)}` : sql;
  }, select);
}

function failure(message: string): Result<never> {
  return { ok: false, errors: [{ path: 'query', message }] };
}
