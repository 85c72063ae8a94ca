import { isKeyword, type SqlToken } from './sql-tokens';

/** Words that never name a column where they stand as keywords; those ending an expression may precede an alias. */
export const SQL_KEYWORDS: readonly string[] = [
  ...['ALL', 'AND', 'AS', 'ASC', 'BETWEEN', 'BY', 'CASE', 'CAST', 'COLLATE', 'CROSS', 'CURRENT', 'DESC', 'DISTINCT'],
  ...['ELSE', 'END', 'ESCAPE', 'EXCLUDE', 'EXISTS', 'FILTER', 'FIRST', 'FOLLOWING', 'FROM', 'FULL', 'GLOB', 'GROUP'],
  ...['GROUPS', 'HAVING', 'IN', 'INNER', 'IS', 'ISNULL', 'JOIN', 'LAST', 'LEFT', 'LIKE', 'LIMIT', 'MATCH', 'NATURAL'],
  ...['NO', 'NOT', 'NOTNULL', 'NULL', 'NULLS', 'OFFSET', 'ON', 'OR', 'ORDER', 'OTHERS', 'OUTER', 'OVER', 'PARTITION'],
  ...['PRECEDING', 'RANGE', 'REGEXP', 'RIGHT', 'ROW', 'ROWS', 'SELECT', 'THEN', 'TIES', 'UNBOUNDED', 'USING'],
  ...['WHEN', 'WHERE', 'WINDOW', 'TRUE', 'FALSE', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP'],
];
const KEYWORDS = new Set(SQL_KEYWORDS);

export function isSqlKeyword(token: SqlToken): boolean {
  return token.kind === 'word' && KEYWORDS.has(token.text.toUpperCase());
}

/** Whether the word at `at` is a keyword where it stands: `filter` in `SELECT filter FROM frames` is a column. */
export function isSqlKeywordAt(tokens: readonly SqlToken[], at: number): boolean {
  const token = tokens[at];
  return token !== undefined && isSqlKeyword(token) && !isContextualName(tokens, at);
}

/** The words of a window frame's bounds and exclusion (`ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE NO OTHERS`). */
const FRAME_WORDS = ['UNBOUNDED', 'PRECEDING', 'FOLLOWING', 'CURRENT', 'ROW', 'EXCLUDE', 'TIES', 'OTHERS', 'NO'];

/**
 * Keywords of windows and orderings that SQLite reads as names wherever the words around them make
 * no keyword (`SELECT filter, last, desc, no FROM frames`), so a frame's `filter` band, a person's `last`
 * name, an item's `desc` or a house's `no` is a column; and PostgreSQL's SIMILAR TO and INTERVAL '…', which the lineage
 * reads as an operator and a value.
 */
const KEYWORD_CONTEXTS: ReadonlyMap<string, (tokens: readonly SqlToken[], at: number) => boolean> = new Map([
  ['FILTER', (tokens, at) => isSymbol(tokens[at + 1], '(')],
  ['OVER', (tokens, at) => isSymbol(tokens[at - 1], ')') && (isSymbol(tokens[at + 1], '(') || isName(tokens[at + 1]))],
  ['WINDOW', (tokens, at) => isName(tokens[at + 1]) && isKeyword(tokens[at + 2], 'AS')],
  ['PARTITION', (tokens, at) => isKeyword(tokens[at + 1], 'BY')],
  ['NULLS', (tokens, at) => isKeyword(tokens[at + 1], 'FIRST', 'LAST')],
  ['FIRST', (tokens, at) => isKeyword(tokens[at - 1], 'NULLS')],
  ['LAST', (tokens, at) => isKeyword(tokens[at - 1], 'NULLS')],
  ['ASC', endsOrderingTerm],
  ['DESC', endsOrderingTerm],
  ['ROWS', startsFrame],
  ['RANGE', startsFrame],
  ['GROUPS', startsFrame],
  ...FRAME_WORDS.map((word): [string, typeof startsFrame] => [word, isInFrame]),
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

/** Whether the word at `at` is in a window frame's bounds or exclusion: after a ROWS, RANGE or GROUPS starting one, inside the window's brackets. */
function isInFrame(tokens: readonly SqlToken[], at: number): boolean {
  let depth = 0;
  let isAfterFrameStart = false;
  for (let before = at - 1; before >= 0; before--) {
    const token = tokens[before];
    if (isSymbol(token, ')')) depth += 1;
    else if (isSymbol(token, '(')) {
      if (depth === 0) return isAfterFrameStart;
      depth -= 1;
    } else if (depth > 0) continue;
    else if (isKeyword(token, 'ROWS', 'RANGE', 'GROUPS') && startsFrame(tokens, before)) isAfterFrameStart = true;
    else if (isSymbol(token, ';') || isKeyword(token, 'SELECT')) return false;
  }
  return false;
}

/** Whether the word at `at` starts a window frame: `ROWS UNBOUNDED PRECEDING`, `RANGE BETWEEN 1 PRECEDING AND …`. */
function startsFrame(tokens: readonly SqlToken[], at: number): boolean {
  const isBound = (from: number) =>
    isKeyword(tokens[from], 'UNBOUNDED', 'CURRENT') ||
    (tokens[from]?.kind === 'number' && isKeyword(tokens[from + 1], 'PRECEDING', 'FOLLOWING'));
  return isBound(at + 1) || (isKeyword(tokens[at + 1], 'BETWEEN') && isBound(at + 2));
}

/** What may follow an ordering term's direction: the next term, the end of the list or statement, its NULLS place, a frame, a LIMIT. */
const AFTER_DIRECTION = ['NULLS', 'ROWS', 'RANGE', 'GROUPS', 'LIMIT', 'OFFSET'];

/** Whether the word at `at` is the direction ending an ordering term: `ORDER BY x DESC`, an index's `(x DESC)`. */
function endsOrderingTerm(tokens: readonly SqlToken[], at: number): boolean {
  const next = tokens[at + 1];
  const isBeforeTermEnd =
    next === undefined || [',', ')', ';'].some((text) => isSymbol(next, text)) || isKeyword(next, ...AFTER_DIRECTION);
  return isBeforeTermEnd && endsExpressionAt(tokens, at - 1) && isInOrdering(tokens, at);
}

/** Whether the token at `at` is in an ORDER BY (a query's, a window's, an aggregate's) or an index's column list. */
function isInOrdering(tokens: readonly SqlToken[], at: number): boolean {
  let depth = 0;
  for (let before = at - 1; before >= 0; before--) {
    const token = tokens[before];
    if (isSymbol(token, ')')) depth += 1;
    else if (isSymbol(token, '(')) {
      if (depth === 0) return isIndexColumnList(tokens, before);
      depth -= 1;
    } else if (depth === 0 && isKeyword(token, 'ORDER') && isKeyword(tokens[before + 1], 'BY')) return true;
    else if (depth === 0 && (isSymbol(token, ';') || isKeyword(token, 'SELECT'))) return false;
  }
  return false;
}

/** Whether the `(` at `open` starts the column list of `CREATE [UNIQUE] INDEX … ON table (`: its statement's first `(`. */
function isIndexColumnList(tokens: readonly SqlToken[], open: number): boolean {
  let start = open;
  while (start > 0 && !isSymbol(tokens[start - 1], ';')) start -= 1;
  const indexAt = isKeyword(tokens[start + 1], 'UNIQUE') ? start + 2 : start + 1;
  const opensFirst = !tokens.slice(start, open).some((token) => isSymbol(token, '('));
  return isKeyword(tokens[start], 'CREATE') && isKeyword(tokens[indexAt], 'INDEX') && opensFirst;
}

/** Words that end an expression though they are keywords: `CASE … END`, `NULL`, `x ISNULL`. */
const ENDS_EXPRESSION = new Set([
  'END',
  'NULL',
  'TRUE',
  'FALSE',
  'ISNULL',
  'NOTNULL',
  'CURRENT_DATE',
  'CURRENT_TIME',
  'CURRENT_TIMESTAMP',
]);

/** Whether the token at `at` may end an expression: a value, a name, a `)`, or a keyword that ends one. */
export function endsExpressionAt(tokens: readonly SqlToken[], at: number): boolean {
  const token = tokens[at];
  if (token === undefined) return false;
  if (token.kind === 'word') return !isSqlKeywordAt(tokens, at) || ENDS_EXPRESSION.has(token.text.toUpperCase());
  return token.kind !== 'symbol' || token.text === ')';
}

export function isSymbol(token: SqlToken | undefined, text: string): boolean {
  return token?.kind === 'symbol' && token.text === text;
}

/** Whether the token names something: a quoted name, or a word that is no keyword. */
export function isName(token: SqlToken | undefined): boolean {
  return token?.kind === 'quoted' || (token?.kind === 'word' && !isSqlKeyword(token));
}
