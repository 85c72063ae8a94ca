import { isKeyword, type SqlToken, sqlTokens } from './sql-tokens';
import { applyChanges } from './text-changes';

/** SQLite's table of the functions a connection has, which lists the engine's own beside SQLite's. */
const FUNCTION_LIST = 'pragma_function_list';

/** The function list as a user sees it: every function but the engine's (`mesh_…`, which do not exist for users). */
const USER_FUNCTION_LIST = `(SELECT * FROM ${FUNCTION_LIST} WHERE name NOT LIKE 'mesh\\_%' ESCAPE '\\')`;

/** Words that may follow a table in FROM without being its alias. */
const AFTER_TABLE = new Set([
  'WHERE',
  'GROUP',
  'ORDER',
  'LIMIT',
  'HAVING',
  'WINDOW',
  'JOIN',
  'LEFT',
  'RIGHT',
  'FULL',
  'INNER',
  'CROSS',
  'NATURAL',
  'OUTER',
  'ON',
  'USING',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'INDEXED',
  'NOT',
  'RETURNING',
]);

/**
 * Each read of `pragma_function_list` in a user's SQL (`FROM pragma_function_list`,
 * `main.pragma_function_list()`, in any case or quoting) made a read of that list without the
 * engine's functions, keeping the name it is read by, so `pragma_function_list.name` still answers.
 */
export function withEngineFunctionsUnlisted(sql: string): string {
  const tokens = sqlTokens(sql);
  const changes = tokens.flatMap((token, index) => {
    const isList = (token.kind === 'word' || token.kind === 'quoted') && token.text.toLowerCase() === FUNCTION_LIST;
    if (!isList || isSymbol(tokens[index + 1], '.')) return [];
    const isQualified = isSymbol(tokens[index - 1], '.');
    const first = isQualified ? index - 2 : index;
    if (!isKeyword(tokens[first - 1], 'FROM', 'JOIN') && !isSymbol(tokens[first - 1], ',')) return [];
    const isCalled = isSymbol(tokens[index + 1], '(') && isSymbol(tokens[index + 2], ')');
    const last = isCalled ? index + 2 : index;
    const alias = hasAlias(tokens[last + 1]) ? '' : ` AS ${FUNCTION_LIST}`;
    const start = (tokens[first] as SqlToken).start;
    return [{ start, end: (tokens[last] as SqlToken).end, text: `${USER_FUNCTION_LIST}${alias}` }];
  });
  return changes.length === 0 ? sql : applyChanges(sql, changes).text;
}

function hasAlias(next: SqlToken | undefined): boolean {
  if (next?.kind === 'quoted' || isKeyword(next, 'AS')) return true;
  return next?.kind === 'word' && !AFTER_TABLE.has(next.text.toUpperCase());
}

function isSymbol(token: SqlToken | undefined, symbol: string): boolean {
  return token?.kind === 'symbol' && token.text === symbol;
}
