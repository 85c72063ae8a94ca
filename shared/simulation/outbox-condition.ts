import type { Table } from '../model/table';
import { isEngineFunctionName } from './engine-function-call';
import { withHint } from './postgres-habit-hints';
import { checkSelect, unbalancedParenthesis } from './select-check';
import { quoteIdentifier, sqlNameKey } from './sql-text';
import { isKeyword, type SqlToken, sqlTokens } from './sql-tokens';
import type { SqlConnection } from './sql-workspace';

/** The change an outbox trigger fires on; its old row is missing on an insert, its new one on a delete. */
export type OutboxOperation = 'insert' | 'update' | 'delete';

/**
 * Why an outbox event's condition (`when`) cannot be a test of the changed row, from its text
 * alone: one expression over `new.column` and `old.column`, reading no table and calling none of
 * the engine's functions. Validation and the engine both ask it; SQLite's own verdict on what is
 * left (a function it lacks) is `outboxConditionCheck`'s.
 */
export function outboxConditionProblem(when: string, table: Table): string | undefined {
  const tokens = sqlTokens(when);
  if (tokens.length === 0) return 'the condition is empty: write one, or remove it to publish on every change';
  const columns = new Set(table.columns.map((column) => sqlNameKey(column.name)));
  for (const [index, token] of tokens.entries()) {
    const previous = tokens[index - 1];
    const next = tokens[index + 1];
    if (token.kind === 'symbol' && token.text === ';') return "the condition must be one expression; ';' ends it";
    if (token.kind === 'parameter') {
      return `'${token.text}' is a parameter, and nothing gives it a value: write the value itself`;
    }
    const isDistinctFrom = isKeyword(token, 'FROM') && isKeyword(previous, 'DISTINCT');
    if (isKeyword(token, 'SELECT', 'WITH', 'VALUES', 'FROM') && !isDistinctFrom) {
      return `the condition tests the changed row alone (new.column, old.column): it cannot hold a query (${token.text})`;
    }
    if (isKeyword(token, 'IN') && next && next.kind !== 'symbol') {
      return `IN ${next.text} reads a table; list the values instead: IN ('a', 'b')`;
    }
    if (!isName(token)) continue;
    if (next?.text === '(' && next.kind === 'symbol') {
      if (isEngineFunctionName(token.text))
        return `the condition calls ${token.text}, one of the engine's own functions`;
      continue;
    }
    const isQualifier = next?.kind === 'symbol' && next.text === '.';
    const isQualified = previous?.kind === 'symbol' && previous.text === '.';
    if (isQualifier) {
      const column = tokens[index + 2];
      const written = `${token.text}.${column?.text ?? ''}`;
      if (!['new', 'old'].includes(sqlNameKey(token.text))) {
        return `the condition names ${written}: only new.column (after the change) and old.column (before it) name the row's values`;
      }
      if (!column || !isName(column) || !columns.has(sqlNameKey(column.text))) {
        return `the condition names ${written}, but table '${table.name}' has no column '${column?.text ?? ''}'`;
      }
    } else if (!isQualified && !isTypeName(tokens, index) && !isKeyword(previous, 'COLLATE')) {
      if (columns.has(sqlNameKey(token.text))) {
        return `the condition names ${token.text} alone: write new.${token.text} (after the change) or old.${token.text} (before it)`;
      }
      if (token.kind === 'word' && !EXPRESSION_WORDS.has(token.text.toUpperCase())) {
        return `the condition names ${token.text}, but table '${table.name}' has no column '${token.text}': write new.column (after the change) or old.column (before it)`;
      }
    }
  }
  return unbalancedParenthesis(tokens);
}

/**
 * `outboxConditionProblem`, then SQLite's verdict: the condition compiled, never run, as the query
 * the trigger asks (`outboxConditionSql`) with every value NULL. The check of a user's query
 * (`checkSelect`) compiles nothing but that one SELECT.
 */
export function outboxConditionCheck(connection: SqlConnection, when: string, table: Table): string | undefined {
  const problem = outboxConditionProblem(when, table);
  if (problem) return problem;
  const checked = checkSelect(
    connection,
    conditionSelect(when, table, () => 'NULL'),
  );
  return checked.ok ? undefined : withHint(checked);
}

/**
 * Whether the row an outbox trigger fires on passes `when`, as an expression for the trigger's
 * WHERE: `new` and `old` are the row after and before the change, all NULL where the change has none.
 */
export function outboxConditionSql(when: string, table: Table, operation: OutboxOperation): string {
  const image = (row: 'new' | 'old', column: string) =>
    (row === 'new' ? operation !== 'delete' : operation !== 'insert')
      ? `${row.toUpperCase()}.${quoteIdentifier(column)}`
      : 'NULL';
  return `(${conditionSelect(when, table, image)})`;
}

/** One SELECT of `when` over the rows `new` and `old`, each column's value as `value` gives it. */
function conditionSelect(when: string, table: Table, value: (row: 'new' | 'old', column: string) => string): string {
  const row = (name: 'new' | 'old') =>
    `(SELECT ${table.columns.map((column) => `${value(name, column.name)} AS ${quoteIdentifier(column.name)}`).join(', ')}) AS ${name}`;
  // The line breaks end a trailing `--` comment of the condition.
  return `SELECT (\n${when}\n) FROM ${row('new')}, ${row('old')}`;
}

/**
 * The words SQLite reads in an expression that name no column; any other bare word is a column
 * the trigger cannot find ("no such column"). A double-quoted name is left to SQLite, which may
 * read it as text.
 */
const EXPRESSION_WORDS = new Set(
  (
    'AND OR NOT IS NULL LIKE GLOB REGEXP MATCH BETWEEN IN CASE WHEN THEN ELSE END ESCAPE COLLATE CAST AS ' +
    'ISNULL NOTNULL DISTINCT FROM TRUE FALSE CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP'
  ).split(' '),
);

/** Whether the word at `index` is part of a CAST's type after AS (`AS DOUBLE PRECISION`). */
function isTypeName(tokens: readonly SqlToken[], index: number): boolean {
  let before = index - 1;
  while (tokens[before]?.kind === 'word' && !isKeyword(tokens[before], 'AS')) before -= 1;
  return isKeyword(tokens[before], 'AS');
}

function isName(token: SqlToken): boolean {
  return token.kind === 'word' || token.kind === 'quoted';
}
