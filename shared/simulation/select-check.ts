import { isKeyword, type SqlToken, sqlTokens } from './sql-tokens';
import type { SqlConnection } from './sql-workspace';

/** A query that passed, without trailing semicolons; or why not (a sentence, or SQLite's message). */
export type SelectCheck = { ok: true; select: string } | { ok: false; message: string };

/**
 * Whether `sql` is exactly one query (SELECT, WITH … SELECT or VALUES), decided before any of it
 * runs. The tokens must hold one statement with balanced parentheses; then SQLite's own parser
 * must accept it as the subquery of `SELECT * FROM (…)`, which only a query can be. Nothing but
 * that SELECT is ever compiled: compiling a PRAGMA already changes the connection.
 */
export function checkSelect(connection: SqlConnection, sql: string): SelectCheck {
  const tokens = withoutTrailingSemicolons(sqlTokens(sql));
  const first = tokens[0];
  const refuse = (reason: string): SelectCheck => ({ ok: false, message: `must be exactly one SELECT; ${reason}` });
  if (!first) return refuse('there is none');
  if (tokens.some((token) => token.kind === 'symbol' && token.text === ';')) {
    return refuse('this holds more than one statement');
  }
  if (!isKeyword(first, 'SELECT', 'WITH', 'VALUES')) return refuse(`this is ${statementName(first)}`);
  if (!hasBalancedParentheses(tokens)) return refuse('its parentheses are unbalanced');
  const select = sql.slice(first.start, (tokens.at(-1) as SqlToken).end);
  try {
    connection.prepare(subquerySql(select)).release();
    return { ok: true, select };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
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

function hasBalancedParentheses(tokens: readonly SqlToken[]): boolean {
  let depth = 0;
  for (const token of tokens) {
    if (token.kind !== 'symbol') continue;
    if (token.text === '(') depth += 1;
    else if (token.text === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function statementName(first: SqlToken): string {
  if (first.kind !== 'word') return `not a statement (it starts with '${first.text}')`;
  const word = first.text.toUpperCase();
  return `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word} statement`;
}
