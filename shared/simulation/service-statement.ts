import { engineFunctionRefusal } from './engine-function-call';
import { isKeyword, type SqlToken, sqlTokens } from './sql-tokens';

/**
 * Why `sql` may not run as a service whose database holds `tables`, or undefined when it may. A
 * service changes rows of its own tables, as its microservice would: never a topic in the broker,
 * the engine's change capture (`_` tables) or its schema (DDL, PRAGMA, ATTACH), nor call the
 * engine's functions.
 */
export function serviceStatementRefusal(sql: string, tables: readonly string[]): string | undefined {
  const tokens = sqlTokens(sql);
  const [first] = tokens;
  const target = targetOf(tokens);
  if (!target) return `only INSERT, UPDATE or DELETE may run as the service${first ? `, not ${first.text}` : ''}`;
  const isOwnTable =
    (target.schema === undefined || target.schema.toLowerCase() === 'node') &&
    tables.some((table) => table.toLowerCase() === target.table.toLowerCase());
  if (isOwnTable) return engineFunctionRefusal(tokens);
  const written = target.schema === undefined ? target.table : `${target.schema}.${target.table}`;
  return `a service changes only its own tables (${tables.join(', ')}), not ${written}`;
}

/** The table an INSERT, REPLACE, UPDATE or DELETE changes, after any `WITH` clause. */
function targetOf(tokens: readonly SqlToken[]): { schema?: string; table: string } | undefined {
  let index = isKeyword(tokens[0], 'WITH') ? afterWithClause(tokens) : 0;
  const verb = tokens[index];
  if (isKeyword(verb, 'INSERT', 'UPDATE') && isKeyword(tokens[index + 1], 'OR')) index += 2;
  if (isKeyword(verb, 'INSERT', 'REPLACE', 'DELETE')) {
    if (!isKeyword(tokens[index + 1], 'INTO', 'FROM')) return undefined;
    index += 1;
  } else if (!isKeyword(verb, 'UPDATE')) {
    return undefined;
  }
  const name = tokens[index + 1];
  if (!name || (name.kind !== 'word' && name.kind !== 'quoted')) return undefined;
  const qualified = tokens[index + 2]?.text === '.' ? tokens[index + 3] : undefined;
  return qualified ? { schema: name.text, table: qualified.text } : { table: name.text };
}

/** The index of the first token at depth 0 after `WITH` that starts a statement. */
function afterWithClause(tokens: readonly SqlToken[]): number {
  let depth = 0;
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index] as SqlToken;
    if (token.text === '(') depth += 1;
    else if (token.text === ')') depth -= 1;
    else if (depth === 0 && isKeyword(token, 'INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'SELECT')) return index;
  }
  return tokens.length;
}
