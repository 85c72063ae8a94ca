import { isName, isSqlKeyword, isSymbol } from './sql-keywords';
import { isKeyword, type SqlToken } from './sql-tokens';

/**
 * SQLite's refusal of a column list after a FROM item's alias (`(VALUES …) AS m(code, rank)`),
 * PostgreSQL syntax the lineage reads as a call of a table-valued function `m`, with where SQLite
 * names such columns instead. Only SQLite's parser knows it, and validation cannot wait for SQLite.
 */
export function aliasColumnListRefusal(sql: string, tokens: readonly SqlToken[]): string | undefined {
  const opening = columnListAfterAlias(tokens);
  if (opening === undefined) return undefined;
  const alias = tokens[opening - 1] as SqlToken;
  const columns = sql.slice(alias.start, (tokens[closingParenthesis(tokens, opening)] ?? tokens.at(-1))?.end);
  return `near "(": syntax error (SQLite takes no column list after an alias: name the columns in a CTE, WITH ${columns} AS (…), or read a VALUES list's own column1, column2, …)`;
}

/** The index of the first `(` that follows a FROM item's alias, reading each FROM list, nested ones included. */
function columnListAfterAlias(tokens: readonly SqlToken[]): number | undefined {
  // Whether the tokens at each depth of parentheses are a FROM list, where a comma starts a table.
  const isFromList: boolean[] = [false];
  let depth = 0;
  for (const [at, token] of tokens.entries()) {
    if (isSymbol(token, '(')) isFromList[++depth] = false;
    else if (isSymbol(token, ')')) depth = Math.max(0, depth - 1);
    else if (isKeyword(token, ...FROM_LIST_ENDS)) isFromList[depth] = false;
    else if (isKeyword(token, 'FROM') && !isKeyword(tokens[at - 1], 'DISTINCT')) isFromList[depth] = true;
    const startsTable =
      isKeyword(token, 'JOIN') || (isFromList[depth] && (isKeyword(token, 'FROM') || isSymbol(token, ',')));
    const opening = startsTable ? aliasOpening(tokens, at + 1) : undefined;
    if (opening !== undefined) return opening;
  }
  return undefined;
}

/** The `(` after the alias of the table starting at `at` (a name, a table-valued function's call or a subquery), if one follows. */
function aliasOpening(tokens: readonly SqlToken[], at: number): number | undefined {
  let next = at;
  if (isSymbol(tokens[next], '(')) next = closingParenthesis(tokens, next) + 1;
  else if (isName(tokens[next])) {
    next += isSymbol(tokens[next + 1], '.') && isName(tokens[next + 2]) ? 3 : 1;
    if (isSymbol(tokens[next], '(')) next = closingParenthesis(tokens, next) + 1;
  } else return undefined;
  const hasAs = isKeyword(tokens[next], 'AS');
  if (hasAs) next += 1;
  const alias = tokens[next];
  const isAlias = alias?.kind === 'quoted' || (alias?.kind === 'word' && (hasAs || !isSqlKeyword(alias)));
  return isAlias && isSymbol(tokens[next + 1], '(') ? next + 1 : undefined;
}

/** The index of the `)` closing the `(` at `opening`, or past the last token when none does. */
function closingParenthesis(tokens: readonly SqlToken[], opening: number): number {
  let depth = 0;
  for (let at = opening; at < tokens.length; at += 1) {
    if (isSymbol(tokens[at], '(')) depth += 1;
    else if (isSymbol(tokens[at], ')') && --depth === 0) return at;
  }
  return tokens.length;
}

/** Words after which a FROM list's commas no longer separate tables. */
const FROM_LIST_ENDS = [
  'WHERE',
  'GROUP',
  'HAVING',
  'WINDOW',
  'ORDER',
  'LIMIT',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'SELECT',
  'VALUES',
];
