import { isKeyword, type SqlToken } from './sql-tokens';

/** Words that never name a column where they stand as keywords; those ending an expression may precede an alias. */
const KEYWORDS = new Set([
  ...['ALL', 'AND', 'AS', 'ASC', 'BETWEEN', 'BY', 'CASE', 'CAST', 'COLLATE', 'CROSS', 'CURRENT', 'DESC', 'DISTINCT'],
  ...['ELSE', 'END', 'ESCAPE', 'EXCLUDE', 'EXISTS', 'FILTER', 'FIRST', 'FOLLOWING', 'FROM', 'FULL', 'GLOB', 'GROUP'],
  ...['GROUPS', 'HAVING', 'IN', 'INNER', 'IS', 'ISNULL', 'JOIN', 'LAST', 'LEFT', 'LIKE', 'LIMIT', 'MATCH', 'NATURAL'],
  ...['NO', 'NOT', 'NOTNULL', 'NULL', 'NULLS', 'OFFSET', 'ON', 'OR', 'ORDER', 'OTHERS', 'OUTER', 'OVER', 'PARTITION'],
  ...['PRECEDING', 'RANGE', 'REGEXP', 'RIGHT', 'ROW', 'ROWS', 'SELECT', 'THEN', 'TIES', 'UNBOUNDED', 'USING'],
  ...['WHEN', 'WHERE', 'WINDOW', 'TRUE', 'FALSE', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP'],
]);

export function isSqlKeyword(token: SqlToken): boolean {
  return token.kind === 'word' && KEYWORDS.has(token.text.toUpperCase());
}

/** Whether the word at `at` is a keyword where it stands: `filter` in `SELECT filter FROM frames` is a column. */
export function isSqlKeywordAt(tokens: readonly SqlToken[], at: number): boolean {
  const token = tokens[at];
  return token !== undefined && isSqlKeyword(token) && !isContextualName(tokens, at);
}

/**
 * Keywords of windows and orderings that SQLite reads as names wherever the words around them make
 * no keyword (`SELECT filter, last FROM frames`), so a frame's `filter` band or a person's `last`
 * name is a column; and PostgreSQL's SIMILAR TO and INTERVAL '…', which the lineage reads as an operator and a value.
 */
const KEYWORD_CONTEXTS: ReadonlyMap<string, (tokens: readonly SqlToken[], at: number) => boolean> = new Map([
  ['FILTER', (tokens, at) => isSymbol(tokens[at + 1], '(')],
  ['OVER', (tokens, at) => isSymbol(tokens[at - 1], ')') && (isSymbol(tokens[at + 1], '(') || isName(tokens[at + 1]))],
  ['WINDOW', (tokens, at) => isName(tokens[at + 1]) && isKeyword(tokens[at + 2], 'AS')],
  ['PARTITION', (tokens, at) => isKeyword(tokens[at + 1], 'BY')],
  ['NULLS', (tokens, at) => isKeyword(tokens[at + 1], 'FIRST', 'LAST')],
  ['FIRST', (tokens, at) => isKeyword(tokens[at - 1], 'NULLS')],
  ['LAST', (tokens, at) => isKeyword(tokens[at - 1], 'NULLS')],
  ['ROWS', startsFrame],
  ['RANGE', startsFrame],
  // PostgreSQL's `a SIMILAR TO b`; elsewhere `similar` and `to` are names SQLite takes.
  ['SIMILAR', (tokens, at) => isKeyword(tokens[at + 1], 'TO')],
  ['TO', (tokens, at) => isKeyword(tokens[at - 1], 'SIMILAR')],
  // PostgreSQL's `INTERVAL '1 day'`; elsewhere `interval` is a name SQLite takes.
  ['INTERVAL', (tokens, at) => tokens[at + 1]?.kind === 'string'],
]);

/** Whether the word at `at`, a keyword of windows or orderings, is a name there: no keyword fits the words around it. */
export function isContextualName(tokens: readonly SqlToken[], at: number): boolean {
  const token = tokens[at];
  const isKeywordHere = token?.kind === 'word' ? KEYWORD_CONTEXTS.get(token.text.toUpperCase()) : undefined;
  return isKeywordHere !== undefined && !isKeywordHere(tokens, at);
}

/** Whether the word at `at` starts a window frame: `ROWS UNBOUNDED PRECEDING`, `RANGE BETWEEN 1 PRECEDING AND …`. */
function startsFrame(tokens: readonly SqlToken[], at: number): boolean {
  const isBound = (from: number) =>
    isKeyword(tokens[from], 'UNBOUNDED', 'CURRENT') ||
    (tokens[from]?.kind === 'number' && isKeyword(tokens[from + 1], 'PRECEDING', 'FOLLOWING'));
  return isBound(at + 1) || (isKeyword(tokens[at + 1], 'BETWEEN') && isBound(at + 2));
}

export function isSymbol(token: SqlToken | undefined, text: string): boolean {
  return token?.kind === 'symbol' && token.text === text;
}

/** Whether the token names something: a quoted name, or a word that is no keyword. */
export function isName(token: SqlToken | undefined): boolean {
  return token?.kind === 'quoted' || (token?.kind === 'word' && !isSqlKeyword(token));
}
