import { aliasColumnListRefusal } from './alias-column-list';
import { connectionStateRefusal } from './connection-state-call';
import { engineFunctionRefusal } from './engine-function-call';
import { postgresHabitHint } from './postgres-habit-hints';
import { isKeyword, type SqlToken, sqlTokens } from './sql-tokens';
import type { SqlConnection } from './sql-workspace';

/**
 * A query that passed, without trailing semicolons; or why not (a sentence, or SQLite's message),
 * with how SQLite writes it when it was written PostgreSQL's way.
 */
export type SelectCheck = { ok: true; select: string } | SelectRefusal;

export interface SelectRefusal {
  ok: false;
  message: string;
  hint?: string;
}

/**
 * Whether `sql` is exactly one query (SELECT, WITH … SELECT or VALUES), decided before any of it
 * runs. The tokens must hold one statement with balanced parentheses (`selectShape`); then
 * SQLite's own parser must accept it as the subquery of `SELECT * FROM (…)`, which only a query
 * can be. Nothing but that SELECT is ever compiled: compiling a PRAGMA already changes the connection.
 */
export function checkSelect(connection: SqlConnection, sql: string): SelectCheck {
  const shape = selectShape(sql);
  if (!shape.ok) return shape;
  const { select } = shape;
  try {
    connection.prepare(subquerySql(select)).release();
  } catch (error) {
    return refused(messageOnQueryAlone(connection, select) ?? (error as Error).message, select);
  }
  const literal = doubleQuotedLiteral(connection, select);
  if (literal !== undefined) {
    return {
      ok: false,
      message: `no such column: "${literal}" (SQLite would read it as the text '${literal}'; write text in single quotes)`,
    };
  }
  return { ok: true, select };
}

/**
 * What the tokens alone tell of a query, without SQLite: one statement, a query's, with no
 * parameter to bind (SQLite would bind NULL to it), balanced parentheses and no call to the
 * engine's functions or the connection's write counters; the query without trailing semicolons.
 * Whether its tables and columns exist is for SQLite to say (`checkSelect`).
 */
export function selectShape(sql: string): SelectCheck {
  const tokens = withoutTrailingSemicolons(sqlTokens(sql));
  const refusal =
    syntaxRefusal(tokens) ??
    parameterRefusal(tokens) ??
    aliasColumnListRefusal(sql, tokens) ??
    engineFunctionRefusal(tokens) ??
    connectionStateRefusal(tokens);
  if (refusal) return refused(refusal, sql);
  return { ok: true, select: sql.slice((tokens[0] as SqlToken).start, (tokens.at(-1) as SqlToken).end) };
}

/**
 * Whether `sql` parses as one query, a value it leaves to bind (`@minimum`) aside: then what it
 * reads can be told from its text (see shared/lineage/sql-lineage.ts).
 */
export function parsesAsOneQuery(sql: string): boolean {
  return syntaxRefusal(withoutTrailingSemicolons(sqlTokens(sql))) === undefined;
}

/** Why the tokens are not one query's, as a sentence or SQLite's message; parameters are `parameterRefusal`'s. */
function syntaxRefusal(tokens: readonly SqlToken[]): string | undefined {
  const first = tokens[0];
  const refuse = (reason: string) => `must be exactly one SELECT; ${reason}`;
  if (!first) return refuse('there is none');
  if (tokens.some((token) => token.kind === 'symbol' && token.text === ';')) {
    return refuse('this holds more than one statement');
  }
  if (!isKeyword(first, 'SELECT', 'WITH', 'VALUES')) {
    // A misspelt SELECT is no statement of another kind: say what SQLite says of it, without compiling it.
    if (first.kind === 'word' && !OTHER_STATEMENTS.has(first.text.toUpperCase())) {
      return `near "${first.text}": syntax error`;
    }
    return refuse(`this is ${statementName(first)}`);
  }
  const afterWith = isKeyword(first, 'WITH') ? statementAfterWith(tokens) : undefined;
  if (afterWith && !isKeyword(afterWith, 'SELECT', 'VALUES')) return refuse(`this is ${statementName(afterWith)}`);
  return unbalancedParenthesis(tokens) ?? tableMissing(tokens);
}

function parameterRefusal(tokens: readonly SqlToken[]): string | undefined {
  const parameter = tokens.find((token) => token.kind === 'parameter');
  if (!parameter) return undefined;
  // SQLite's tokenizer refuses a `:`, `@`, `#` or `$` that no name follows (as PostgreSQL's `::type` cast starts).
  if (parameter.text.length === 1 && parameter.text !== '?') return `unrecognized token: "${parameter.text}"`;
  return `must be exactly one SELECT; '${parameter.text}' is a parameter, and nothing here gives it a value: write the value itself`;
}

function refused(message: string, sql: string): SelectRefusal {
  const hint = postgresHabitHint(message, sql);
  return { ok: false, message, ...(hint !== undefined && { hint }) };
}

/**
 * SQLite's message on the query as written, when it has one: on the subquery, a query that ends
 * early would be said to fail `near ")"`, a parenthesis the user never wrote. Compiling the query
 * alone is safe: its shape is one query's, and nothing is run.
 */
function messageOnQueryAlone(connection: SqlConnection, select: string): string | undefined {
  try {
    connection.prepare(select).release();
    return undefined;
  } catch (error) {
    const { message } = error as Error;
    return message === 'incomplete input' ? 'the query ends early (incomplete input)' : message;
  }
}

/**
 * A "name" in double quotes that names no column, which SQLite, unlike standard SQL, reads as a
 * string: a misspelt column would otherwise become its own name as text. SQLite decides: with
 * backticks, which always quote a name, the query no longer compiles.
 */
function doubleQuotedLiteral(connection: SqlConnection, select: string): string | undefined {
  const doubleQuoted = sqlTokens(select).filter((token) => token.kind === 'quoted' && select[token.start] === '"');
  if (doubleQuoted.length === 0) return undefined;
  const backticked = doubleQuoted.reduceRight(
    (text, token) => `${text.slice(0, token.start)}\`${token.text.replaceAll('`', '``')}\`${text.slice(token.end)}`,
    select,
  );
  try {
    connection.prepare(subquerySql(backticked)).release();
    return undefined;
  } catch (error) {
    const missing = /^no such column: (.+)$/.exec((error as Error).message)?.[1];
    return doubleQuoted.find((token) => token.text === missing)?.text;
  }
}

/** A checked query as the subquery of a SELECT; the line breaks end a trailing `--` comment. */
export function subquerySql(select: string): string {
  return `SELECT * FROM (\n${select}\n)`;
}

function withoutTrailingSemicolons(tokens: SqlToken[]): SqlToken[] {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]?.text === ';' && tokens[end - 1]?.kind === 'symbol') end -= 1;
  return tokens.slice(0, end);
}

/** What is wrong with the query's parentheses, if anything: a `)` that closes nothing, or a `(` never closed. */
export function unbalancedParenthesis(tokens: readonly SqlToken[]): string | undefined {
  let depth = 0;
  for (const token of tokens) {
    if (token.kind !== 'symbol') continue;
    if (token.text === '(') depth += 1;
    else if (token.text === ')' && --depth < 0) return 'near ")": this parenthesis closes none that was opened';
  }
  return depth === 0 ? undefined : `a parenthesis is not closed (${depth} "(" without ")")`;
}

/**
 * SQLite's message on a FROM or JOIN that names no table (`JOIN GROUP BY`, a trailing JOIN), which
 * balanced parentheses alone let through. A word SQLite may take as a table (`LEFT`) is not judged.
 */
function tableMissing(tokens: readonly SqlToken[]): string | undefined {
  for (const [at, token] of tokens.entries()) {
    if (!isKeyword(token, 'FROM', 'JOIN')) continue;
    const next = tokens[at + 1];
    if (!next) return 'the query ends early (incomplete input)';
    if (isKeyword(next, ...NOT_A_TABLE) || (next.kind === 'symbol' && (next.text === ')' || next.text === ','))) {
      return `near "${next.text}": syntax error`;
    }
  }
  return undefined;
}

/** Keywords that can never be a table's name (SQLite refuses them there), only a clause after one. */
const NOT_A_TABLE = [
  'WHERE',
  'GROUP',
  'HAVING',
  'ORDER',
  'LIMIT',
  'WINDOW',
  'ON',
  'USING',
  'JOIN',
  'UNION',
  'INTERSECT',
  'EXCEPT',
];

/**
 * The statement a WITH clause leads to: its first word outside the common table expressions'
 * parentheses that starts one (a CTE's name or `AS MATERIALIZED` does not; a keyword as a name is quoted).
 */
function statementAfterWith(tokens: readonly SqlToken[]): SqlToken | undefined {
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'symbol' && token.text === '(') depth += 1;
    else if (token.kind === 'symbol' && token.text === ')') depth -= 1;
    else if (depth === 0 && isKeyword(token, ...STATEMENTS_AFTER_WITH)) return token;
  }
  return undefined;
}

/** The words a statement after a WITH clause may start with: a query's, or a change's. */
const STATEMENTS_AFTER_WITH = ['SELECT', 'VALUES', 'INSERT', 'UPDATE', 'DELETE', 'REPLACE'];

function statementName(first: SqlToken): string {
  if (first.kind !== 'word') return `not a statement (it starts with '${first.text}')`;
  const word = first.text.toUpperCase();
  return `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word} statement`;
}

/** The words SQLite starts a statement with, other than a query's. */
const OTHER_STATEMENTS = new Set(
  'ALTER ANALYZE ATTACH BEGIN COMMIT CREATE DELETE DETACH DROP END EXPLAIN INSERT PRAGMA REINDEX RELEASE REPLACE ROLLBACK SAVEPOINT UPDATE VACUUM'.split(
    ' ',
  ),
);
