/**
 * What a transformation's SQL reads and writes, column by column, read from its text without
 * running it. It understands SELECTs over tables and aliases (`FROM a x JOIN b y ON ...`),
 * subqueries in FROM, in a value (`(SELECT COUNT(*) FROM c WHERE c.id = t.id)`) and in a
 * condition (`IN (SELECT ...)`, `EXISTS (...)`), which may name the columns of the query around
 * them; CTEs (`WITH c AS (...)`), UNION / INTERSECT / EXCEPT, expressions, `AS` and bare aliases,
 * `*` and `x.*`, columns named with their schema (`main.c.id`), and a join in parentheses (`FROM (a JOIN b ON ...)` is `FROM a JOIN b ON ...`).
 * A FROM item it cannot read (VALUES, a recursive CTE) is an opaque source, whose columns are
 * unknown while the rest is read exactly; anything more (a table-valued function, a column whose
 * qualifier names no table in scope) makes the whole statement approximate. Either way the reason is given: callers then assume every column an
 * unread part names feeds every column it gives, which can over-report an impact but never miss
 * one, and say where they did. Text that is not one query that parses (a bracket left open, no table after JOIN) tells
 * nothing of what it reads: callers take it to read every table before it. PostgreSQL's forms SQLite
 * refuses (ILIKE, SIMILAR TO, `ARRAY[…]`, `extract(year FROM x)`, `INTERVAL '1 day'`) are read as the
 * operators and values they are, naming no column: transformation-sql reports them.
 */

import { parsesAsOneQuery } from '../simulation/select-check';
import { isContextualName, SQL_KEYWORDS } from '../simulation/sql-keywords';
import type { SqlToken } from '../simulation/sql-tokens';
import { Memo } from './memo';
import { type CopyAlteration, copyAlterationOf, keptArguments } from './value-keeping-functions';

/** A column named in SQL; `qualifier` is the table or alias before the dot, lower-cased. */
export interface ColumnRef {
  qualifier?: string;
  column: string;
}

/** One column a SELECT writes, in order: a value, or `*` / `x.*` (every column of those tables). */
export type SelectOutput =
  | {
      kind: 'value';
      /** The output column's name, lower-cased; none for an expression without an alias. */
      name?: string;
      /** The column the value is, as it is, when it is one (`c.id`, `c.id AS key`). */
      column?: ColumnRef;
      /** Columns the value is computed from. */
      refs: ColumnRef[];
      /** Columns whose values it keeps as they are, or cut, cased, trimmed or joined (`LOWER(email)`, `a || b`). */
      copies: ColumnRef[];
      /** Those of `copies` it keeps only as MIN or MAX picks one row's value among many (`MAX(result_value)`). */
      picked?: ColumnRef[];
      /** Those of `copies` it keeps only rounded or cut (`round(income, -4)`, `substr(ni, -3)`), never whole. */
      altered?: AlteredCopy[];
      /** Subqueries in the value: it is computed from everything they read. */
      subqueries?: QueryLineage[];
      /** Those of them whose one column's value it keeps (`(SELECT o.email FROM owners o WHERE ...)`). */
      copiedSubqueries?: QueryLineage[];
      /** Columns an aggregate sums or averages (`SUM(x)`): it keeps their values where each group is one row of their table. */
      aggregated?: AggregatedColumn[];
      /** Columns it is computed from row by row, outside any aggregate, without keeping them (`CASE diagnosis WHEN ...`, `x IN (...)`, `LENGTH(email)`). */
      derived?: ColumnRef[];
      /** Those of `derived` it is computed from only as a rank ordered by them (`rank() OVER (ORDER BY income)`). */
      ranked?: ColumnRef[];
      /** The windows of its window functions (`AVG(x) OVER (PARTITION BY a, b)`), outside its subqueries. */
      windows?: ValueWindow[];
      /** It is NULL in every row (`NULL`, `CAST(NULL AS TEXT)`). */
      isNull?: true;
    }
  | { kind: 'star'; qualifier?: string };

/** A column a value keeps only rounded or cut. */
export interface AlteredCopy {
  column: ColumnRef;
  alteration: CopyAlteration;
}

/** A column an aggregate sums or averages; `window` when the aggregate is a window function's (`OVER (...)`). */
export interface AggregatedColumn {
  column: ColumnRef;
  window?: AggregateWindow;
  /** Columns the aggregate's own `FILTER (WHERE …)` or CASE guard (`SUM(CASE WHEN id = 7 THEN x END)`) holds to one value, as a WHERE would. */
  pinned?: ColumnRef[];
}

/**
 * The rows a window aggregate runs over: a partition, by its plain columns, or a frame of one row
 * (`ROWS BETWEEN CURRENT ROW AND CURRENT ROW`, `ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING`).
 */
export interface AggregateWindow {
  /** Plain columns every row of the frame shares a value of: PARTITION BY's, and ORDER BY's too for a RANGE or GROUPS frame of the current row (its peers). */
  partition: ColumnRef[];
  isOneRowFrame: boolean;
}

/**
 * The plain columns a window function's value follows: one value per partition, and per peers of
 * its ORDER BY where its frame ends at the current row (SQL's default frame once ordered).
 */
export interface ValueWindow {
  /** The window function, lower-cased (`row_number`, `sum`); none where the SQL does not show it. */
  function?: string;
  /** PARTITION BY's plain columns. */
  partition: ColumnRef[];
  /** ORDER BY's plain columns, none where the frame is the whole partition (`UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING`). */
  order: ColumnRef[];
  /** Its value may differ between rows alike in partition and ORDER BY: a row's number or neighbour (`row_number()`, `lag(x)`), or a ROWS frame's. */
  differsRowByRow?: true;
}

/**
 * A column GROUP BY names; `selected` is the select item's column when the name is also that
 * item's alias (`p.id AS pid ... GROUP BY pid`): SQLite reads it so only where no table read has such a column.
 */
export type GroupedColumn = ColumnRef & { selected?: ColumnRef };

export interface SelectLineage {
  /** Tables (or CTEs) read, lower-cased, by the alias (or name) the statement uses for them. */
  tables: ReadonlyMap<string, string>;
  /** Subqueries in FROM, by their alias (`#1`, `#2`… when they have none). */
  subqueries: ReadonlyMap<string, QueryLineage>;
  outputs: SelectOutput[];
  /** Columns in joins, filters and grouping: every output row depends on them. */
  conditions: ColumnRef[];
  /** The plain columns of GROUP BY (`GROUP BY c.id, lower(c.name)` gives `c.id`), named or by position in the select list. */
  grouping: GroupedColumn[];
  /** Subqueries in those clauses (`IN (SELECT ...)`, `EXISTS (...)`): every output row depends on what they read. */
  conditionSubqueries: QueryLineage[];
  /** Columns WHERE holds to one value (`WHERE c.id = 7 AND ...`): like a GROUP BY of them, every row read shares it. */
  pinned?: ColumnRef[];
  /** HAVING keeps only groups of one row (`HAVING COUNT(*) = 1`): an aggregate over each is that row's value. */
  hasOneRowGroups?: true;
  /** Columns HAVING holds to one value in each group (`MIN(id) = MAX(id)`, `COUNT(DISTINCT id) = 1`): like a GROUP BY of them. */
  oneValuePerGroup?: ColumnRef[];
  /** FROM items it cannot read (`(VALUES (1)) v`), by their alias (`#1`, `#2`… when they have none). */
  opaque?: ReadonlyMap<string, OpaqueSource>;
  /** SELECT DISTINCT: rows alike are one. */
  isDistinct?: true;
  /** It gives one row per group: it has GROUP BY or HAVING, or aggregates outside a window (`COUNT(*)`, one row). */
  isGrouped?: true;
  /** Columns the top-level ANDs of its ONs and WHERE hold equal to a value of other columns: which rows of one table meet a row of another. */
  equalities?: ColumnEquality[];
  /** Its joins that equate columns by name (USING, NATURAL), which `equalities` leaves out: which table of those read has each column, their columns tell. */
  joinsByName?: NameJoin[];
  /** A NATURAL join matches rows on every column its tables share by name, though its SQL names none. */
  joinsNaturally?: true;
  /** The operator joining its rows to those of the SELECTs before it in a compound query; none for the first. */
  joinedBy?: CompoundOperator;
}

export type CompoundOperator = 'union' | 'union all' | 'intersect' | 'except';

/** A join by name: SQLite equates each column of it in the first table on either side that has it (`a JOIN b USING (x) JOIN c USING (y)` takes `a.y` where `a` has a `y`). */
export interface NameJoin {
  /** The aliases of the FROM items before the join, in order. */
  left: string[];
  /** The aliases of what it joins (several for joins in parentheses), in order. */
  right: string[];
  /** The columns USING names, lower-cased; none for NATURAL, which equates every column both sides have. */
  using?: string[];
}

/** `column` equals a value computed from `from` in every row (`r.blood_group = d.blood_group`); from none, one value (`r.kind = 'x'`). */
export interface ColumnEquality {
  column: ColumnRef;
  from: ColumnRef[];
}

/** A part of a query this reading cannot follow: its columns are unknown. */
export interface OpaqueSource {
  /** Why, as words to follow "its SQL is read approximately": `it uses VALUES`. */
  reason: string;
  /** Every identifier in it, lower-cased: what an approximate reading of it falls back on. */
  identifiers: ReadonlySet<string>;
}

/** A query named by WITH, with the column names it may give its result; a recursive one is opaque. */
export type NamedQuery = { name: string; columns: string[] } & ({ query: QueryLineage } | { opaque: OpaqueSource });

export interface QueryLineage {
  /** WITH's queries, in order: each may read those before it. */
  ctes: NamedQuery[];
  /** The SELECTs whose rows make the result (one, or joined by UNION or INTERSECT, as each's `joinedBy` says), column by position. */
  selects: SelectLineage[];
  /** SELECTs after EXCEPT: they only take rows away. */
  filters: SelectLineage[];
  /** Whether it gives one row at most: it ends in `LIMIT 1` (or `LIMIT 0`). */
  isOneRow?: true;
}

export interface SqlLineage {
  /** The statement, unless it is read only approximately as a whole. */
  query?: QueryLineage;
  /** Every identifier in the text, lower-cased: what an approximate reading falls back on. */
  identifiers: ReadonlySet<string>;
  /** Why the statement, or a part of it (an opaque source), is read only approximately, as words to follow "its SQL is read approximately": `it uses VALUES`. */
  approximateBecause?: string;
  /** The identifiers of what is read approximately: all of them without `query`, its opaque sources' with it. */
  unfollowedIdentifiers: ReadonlySet<string>;
  /** False for text that does not parse as one query (`parsesAsOneQuery`): nothing tells what it reads. */
  isOneQuery: boolean;
}

type Token =
  /** `isAlwaysName`: quoted, or after a qualifier's dot (`f.filter`), where SQLite reads any word as a name, never a keyword. */
  | { kind: 'word'; text: string; isAlwaysName: boolean }
  | { kind: 'punct'; text: string }
  /** `parameter`: a value bound when the query runs (`@minimum`, `?1`), which reads no column. */
  | { kind: 'literal'; number?: string; string?: string; parameter?: string };

/** What this reading cannot follow, in words: `it uses a recursive WITH`. */
interface Unfollowed {
  unfollowed: string;
}

function isUnfollowed(reading: object): reading is Unfollowed {
  return 'unfollowed' in reading;
}

/** The simulation's keywords, and those only a whole query has (compounds, WITH, VALUES). */
const KEYWORDS = new Set([
  ...SQL_KEYWORDS.map((word) => word.toLowerCase()),
  ...'union intersect except with recursive values'.split(' '),
  // PostgreSQL's operators and INTERVAL '…' SQLite refuses (transformation-sql says so): they name no column.
  ...'ilike similar to interval'.split(' '),
]);
/** Clauses after FROM whose columns decide which rows there are. */
const ROW_CLAUSES = new Set(['on', 'where', 'group', 'having', 'using']);
/** Clauses after FROM that change no value and no row. */
const QUIET_CLAUSES = new Set(['order', 'limit', 'offset', 'window']);
const JOIN_WORDS = new Set(['join', 'inner', 'left', 'right', 'full', 'outer', 'cross', 'natural']);

// SQLite takes every character beyond ASCII for a letter of a name (`straße`, `año`), and `X'…'` for a blob.
const TOKEN_PATTERN =
  /\s+|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|[xX]?'(?:[^']|'')*'?|"((?:[^"]|"")*)"?|`([^`]*)`?|\[([^\]]*)\]?|([A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)|(0[xX][0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*|(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][-+]?\d+(?:_\d+)*)?)|(\?\d*|[:@$#][A-Za-z0-9_$]+)|(\|\||->>|->|<<|>>|<>|<=|>=|!=|==|.)/gy;

export function tokenize(sql: string): Token[] {
  return tokensOf(sql, false);
}

/** The tokens of `sql`, the inside of an array's brackets where `isInArray`, whose own brackets are arrays too (`ARRAY[[1, 2], [3, 4]]`). */
function tokensOf(sql: string, isInArray: boolean): Token[] {
  const tokens: Token[] = [];
  // A copy of its own: an array's inside is tokenized while the text around it is.
  const pattern = new RegExp(TOKEN_PATTERN);
  for (let match = pattern.exec(sql); match; match = pattern.exec(sql)) {
    const [text, doubleQuoted, backtick, bracketed, word, number, parameter, punct] = match;
    const quoted = doubleQuoted ?? backtick ?? bracketed;
    const isArrayKeyword = isKeyword(tokens.at(-1), 'array');
    if (bracketed !== undefined && (isInArray || isArrayKeyword)) {
      // SQLite's bracketed name ends at the first `]`: an array ends at the one closing its own `[`.
      const close = arrayEnd(sql, match.index);
      if (isArrayKeyword) tokens.pop();
      tokens.push(...arrayAsList(sql.slice(match.index + 1, close)));
      pattern.lastIndex = close + 1;
    } else if (quoted !== undefined)
      tokens.push({ kind: 'word', text: quoted.replaceAll('""', '"'), isAlwaysName: true });
    else if (word !== undefined) tokens.push({ kind: 'word', text: word, isAlwaysName: isPunct(tokens.at(-1), '.') });
    // SQLite's digit separators (`1_000`, since 3.46) change no value: without them the text is a JavaScript number too.
    else if (number !== undefined) tokens.push({ kind: 'literal', number: number.replaceAll('_', '') });
    else if (parameter !== undefined) tokens.push({ kind: 'literal', parameter });
    // A blob (`X'00'`) is a value as a string is: its `X` names no column.
    else if (/^[xX]?'/.test(text)) tokens.push({ kind: 'literal', string: unquotedString(text.replace(/^[xX]/, '')) });
    else if (punct !== undefined) tokens.push({ kind: 'punct', text: punct });
  }
  // SQLite reads `filter`, `last`, `range`… as names where no keyword fits: a frame's `filter` band is a column.
  const asSqlTokens = tokens.map(asSqlToken);
  for (const [at, token] of tokens.entries()) {
    if (token.kind === 'word' && isContextualName(asSqlTokens, at)) token.isAlwaysName = true;
  }
  return withoutExtractFields(tokens);
}

/** PostgreSQL's `ARRAY[a, 1]` (SQLite's tokens: `ARRAY` and a name in brackets) read as the list `(a, 1)`: it reads the columns it holds. */
function arrayAsList(inside: string): Token[] {
  return [{ kind: 'punct', text: '(' }, ...tokensOf(inside, true), { kind: 'punct', text: ')' }];
}

/** What may hold a bracket that opens or closes no array: a string, a quoted name, a comment. */
const BRACKETS_OF_NO_ARRAY = /'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`[^`]*`?|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/y;

/** The offset of the `]` closing the array whose `[` is at `open`, arrays nested in it included; the text's length where none does. */
function arrayEnd(sql: string, open: number): number {
  let depth = 0;
  for (let at = open; at < sql.length; at++) {
    BRACKETS_OF_NO_ARRAY.lastIndex = at;
    if (BRACKETS_OF_NO_ARRAY.test(sql)) at = BRACKETS_OF_NO_ARRAY.lastIndex - 1;
    else if (sql[at] === '[') depth++;
    else if (sql[at] === ']' && --depth === 0) return at;
  }
  return sql.length;
}

/** PostgreSQL's `extract(year FROM x)` read as `extract(x)`: the field names no column, and it is computed from x. */
function withoutExtractFields(tokens: readonly Token[]): Token[] {
  const isExtractField = (at: number) =>
    isKeyword(tokens[at - 2], 'extract') &&
    isPunct(tokens[at - 1], '(') &&
    tokens[at]?.kind === 'word' &&
    isKeyword(tokens[at + 1], 'from');
  return tokens.filter((_, at) => !isExtractField(at) && !isExtractField(at - 1));
}

/** The token as the simulation's keyword rules read it (they need only its kind and text). */
function asSqlToken(token: Token): SqlToken {
  const place = { start: -1, end: -1 };
  if (token.kind === 'word') return { kind: token.isAlwaysName ? 'quoted' : 'word', text: token.text, ...place };
  if (token.kind === 'punct') return { kind: 'symbol', text: token.text, ...place };
  if (token.parameter !== undefined) return { kind: 'parameter', text: token.parameter, ...place };
  return token.number !== undefined
    ? { kind: 'number', text: token.number, ...place }
    : { kind: 'string', text: token.string ?? '', ...place };
}

/** `'it''s'`'s text: it's. */
function unquotedString(text: string): string {
  const isClosed = text.length > 1 && text.endsWith("'");
  return text.slice(1, isClosed ? -1 : undefined).replaceAll("''", "'");
}

function isKeyword(token: Token | undefined, ...words: string[]): boolean {
  if (token?.kind !== 'word' || token.isAlwaysName) return false;
  const lower = token.text.toLowerCase();
  return words.length === 0 ? KEYWORDS.has(lower) : words.includes(lower);
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token?.kind === 'punct' && token.text === text;
}

/** A plain name: a word that is not a keyword (quoted words, and words after a dot, always are names). */
function isName(token: Token | undefined): token is Extract<Token, { kind: 'word' }> {
  return token?.kind === 'word' && (token.isAlwaysName || !KEYWORDS.has(token.text.toLowerCase()));
}

/** Whether a token opens or closes a nesting: parentheses, and CASE ... END. */
function nesting(token: Token): number {
  if (isPunct(token, '(') || isKeyword(token, 'case')) return 1;
  if (isPunct(token, ')') || isKeyword(token, 'end')) return -1;
  return 0;
}

/** Splits at top-level occurrences of `separator` (outside parentheses and CASE ... END). */
function splitTopLevel(
  tokens: readonly Token[],
  isSeparator: (token: Token, previous: Token | undefined) => boolean,
): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  tokens.forEach((token, at) => {
    depth += nesting(token);
    if (depth === 0 && isSeparator(token, tokens[at - 1])) parts.push([]);
    else parts.at(-1)?.push(token);
  });
  return parts;
}

/** The index of the `)` that closes the `(` at `openAt`, or -1. */
function closingParen(tokens: readonly Token[], openAt: number): number {
  let depth = 0;
  for (let at = openAt; at < tokens.length; at++) {
    if (isPunct(tokens[at], '(')) depth++;
    if (isPunct(tokens[at], ')') && --depth === 0) return at;
  }
  return -1;
}

/** Whether a subquery opens at `at`: `(SELECT ...)` or `(WITH ... SELECT ...)`. */
function opensSubquery(tokens: readonly Token[], at: number): boolean {
  return isPunct(tokens[at], '(') && isKeyword(tokens[at + 1], 'select', 'with');
}

/** The subqueries in an expression, by the `(` that opens each; or what makes one unfollowable. */
function expressionSubqueries(tokens: readonly Token[]): Map<Token, QueryLineage> | Unfollowed {
  const subqueries = new Map<Token, QueryLineage>();
  for (let at = 0; at < tokens.length; at++) {
    if (!opensSubquery(tokens, at)) continue;
    const close = closingParen(tokens, at);
    const query = readQuery(tokens.slice(at + 1, close));
    if (isUnfollowed(query)) return query;
    subqueries.set(tokens[at] as Token, query);
    at = close;
  }
  return subqueries;
}

/**
 * Column references in an expression: names not called as functions, with their qualifier (a
 * CAST's type is none). A subquery's own are its own (see `expressionSubqueries`).
 */
function columnRefs(tokens: readonly Token[]): ColumnRef[] {
  const refs: ColumnRef[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at];
    if (opensSubquery(tokens, at)) {
      at = closingParen(tokens, at);
      continue;
    }
    if (isKeyword(token, 'as')) {
      // In an expression, AS is a CAST's: its type runs to the CAST's closing parenthesis.
      for (let depth = 0; at + 1 < tokens.length && !(depth === 0 && isPunct(tokens[at + 1], ')')); at++) {
        depth += nesting(tokens[at + 1] as Token);
      }
      continue;
    }
    if (!isName(token) || isPunct(tokens[at + 1], '(') || isPunct(tokens[at - 1], '.')) continue;
    // `OVER w` names a window of the WINDOW clause, and `COLLATE nocase` a collation, not a column.
    if (isKeyword(tokens[at - 1], 'over', 'collate')) continue;
    const parts = dottedName(tokens, at);
    at += 2 * (parts.length - 1);
    refs.push(qualifiedRef(parts));
  }
  return refs;
}

/** The lower-cased parts of a dotted name starting at `at` (`main.customers.email`): one for a plain name. */
function dottedName(tokens: readonly Token[], at: number): string[] {
  const parts: string[] = [];
  for (let next = at; isName(tokens[next]); next += 2) {
    parts.push((tokens[next] as Extract<Token, { kind: 'word' }>).text.toLowerCase());
    if (!isPunct(tokens[next + 1], '.')) break;
  }
  return parts;
}

/**
 * A column named by its dotted parts: `email`, `c.email`, or `main.c.email`, whose schema SQLite
 * checks and this reading drops. More parts than that name no table: the qualifier keeps them all, so nothing resolves it.
 */
function qualifiedRef(parts: readonly string[]): ColumnRef {
  const column = parts.at(-1) as string;
  const qualifiers = parts.slice(0, -1);
  if (qualifiers.length === 0) return { column };
  return { qualifier: qualifiers.length <= 2 ? (qualifiers.at(-1) as string) : qualifiers.join('.'), column };
}

/**
 * A select item's expression and its alias (`AS name` or a bare name after it). SQLite also takes
 * a string literal for the name (`email 'contact'`, `email AS 'contact'`).
 */
function aliased(tokens: readonly Token[]): { expression: readonly Token[]; alias?: string } {
  const last = tokens.at(-1);
  const beforeLast = tokens.at(-2);
  const alias = isName(last) ? last.text : last?.kind === 'literal' ? last.string : undefined;
  if (alias === undefined) return { expression: tokens };
  if (isKeyword(beforeLast, 'as')) return { expression: tokens.slice(0, -2), alias };
  if (
    tokens.length > 1 &&
    !isPunct(beforeLast, '.') &&
    (isName(beforeLast) || isPunct(beforeLast, ')') || beforeLast?.kind === 'literal' || isKeyword(beforeLast, 'end'))
  ) {
    return { expression: tokens.slice(0, -1), alias };
  }
  return { expression: tokens };
}

function readOutput(tokens: Token[]): SelectOutput | Unfollowed {
  if (tokens.length === 1 && isPunct(tokens[0], '*')) return { kind: 'star' };
  const starred = tokens.slice(0, -2);
  if (isPunct(tokens.at(-2), '.') && isPunct(tokens.at(-1), '*') && isColumn(starred)) {
    return { kind: 'star', qualifier: qualifiedRef([...dottedName(starred, 0), '*']).qualifier };
  }
  const { expression: written, alias } = aliased(tokens);
  const expression = withValuesCellsInlined(written);
  const refs = columnRefs(expression);
  const subqueries = expressionSubqueries(expression);
  if (isUnfollowed(subqueries)) return subqueries;
  const kept = keptValues(expression, subqueries);
  const copiedSubqueries = kept.flatMap((value) => ('subquery' in value ? [value.subquery] : []));
  const aggregated = kept.flatMap((value) => ('aggregated' in value ? [value.aggregated] : []));
  const copies = kept.flatMap((value) => ('column' in value ? [value.column] : []));
  const keptAsIs = kept.flatMap((value) => ('column' in value && !value.isPicked ? [value.column] : []));
  const picked = copies.filter((copy) => !keptAsIs.some((ref) => sameRef(copy, ref)));
  const keptWhole = kept.flatMap((value) => ('column' in value && !value.alteration ? [value.column] : []));
  const altered = kept.flatMap((value) =>
    'column' in value && value.alteration && !keptWhole.some((ref) => sameRef(value.column, ref))
      ? [{ column: value.column, alteration: value.alteration }]
      : [],
  );
  const { rowByRow, rankingOrders } = withoutAggregates(expression);
  const isCopied = (ref: ColumnRef) => copies.some((copy) => sameRef(copy, ref));
  const derived = columnRefs([...rowByRow, ...rankingOrders]).filter((ref) => !isCopied(ref));
  const computedRowByRow = columnRefs(rowByRow);
  const ranked = derived.filter((ref) => !computedRowByRow.some((other) => sameRef(other, ref)));
  const windows = valueWindows(expression);
  // SQL names an unaliased column after its text: only a plain column is named after the column.
  const name = alias ?? (isColumn(expression) ? refs[0]?.column : undefined);
  return {
    kind: 'value',
    ...(name !== undefined && { name: name.toLowerCase() }),
    ...(isColumn(expression) && refs[0] && { column: refs[0] }),
    refs,
    copies,
    ...(picked.length > 0 && { picked }),
    ...(altered.length > 0 && { altered }),
    ...(subqueries.size > 0 && { subqueries: [...subqueries.values()] }),
    ...(copiedSubqueries.length > 0 && { copiedSubqueries }),
    ...(aggregated.length > 0 && { aggregated }),
    ...(derived.length > 0 && { derived }),
    ...(ranked.length > 0 && { ranked }),
    ...(windows.length > 0 && { windows }),
    ...(isNullValue(expression) && { isNull: true }),
  };
}

/** Whether an expression is NULL in every row: `NULL`, `(NULL)`, `CAST(NULL AS TEXT)`. */
function isNullValue(tokens: readonly Token[]): boolean {
  const inner = castOperand(tokens) ?? parenthesized(tokens);
  if (inner) return isNullValue(inner);
  return tokens.length === 1 && isKeyword(tokens[0], 'null');
}

const sameRef = (one: ColumnRef, other: ColumnRef) => one.qualifier === other.qualifier && one.column === other.column;

/** Aggregates: their value is computed over many rows, not row by row (`SUM`'s over a group of one row is `aggregated`'s). */
const AGGREGATE_FUNCTIONS = new Set([
  'count',
  'sum',
  'total',
  'avg',
  'min',
  'max',
  'group_concat',
  'string_agg',
  'json_group_array',
  'jsonb_group_array',
  'json_group_object',
  'jsonb_group_object',
]);

/** Aggregates that return one row's value as it is, whatever the group: not a summary of it. */
const ROW_PICKING_AGGREGATES = new Set(['min', 'max']);

/** Window functions whose value is a row's place in its window's ORDER BY: a rank by a field is a code of it. */
const RANKING_FUNCTIONS = new Set(['row_number', 'rank', 'dense_rank', 'ntile', 'percent_rank', 'cume_dist']);

/**
 * An expression without its aggregate calls and windows (`OVER (...)`, `OVER w`): what is left is
 * computed row by row. MIN and MAX stay: they return one row's value, so a CASE, a comparison or a
 * function of it (`MAX(age) > 40`) is computed from that row's. A ranking function's ORDER BY is
 * told apart, since its value ranks each row by it; PARTITION BY only decides the groups.
 */
function withoutAggregates(tokens: readonly Token[]): { rowByRow: Token[]; rankingOrders: Token[] } {
  const left: Token[] = [];
  const rankingOrders: Token[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at] as Token;
    const called = isName(token) && isPunct(tokens[at + 1], '(') ? token.text.toLowerCase() : '';
    const isAggregate = AGGREGATE_FUNCTIONS.has(called) && !ROW_PICKING_AGGREGATES.has(called);
    if (isAggregate) at = closingParen(tokens, at + 1);
    else if (isKeyword(token, 'over', 'filter')) {
      const windowEnd = isPunct(tokens[at + 1], '(') ? closingParen(tokens, at + 1) : at + 1;
      if (isKeyword(token, 'over') && RANKING_FUNCTIONS.has(calledBefore(left) ?? '')) {
        rankingOrders.push(...(windowClauses(tokens.slice(at + 1, windowEnd + 1)).get('order') ?? []));
      }
      at = windowEnd;
    } else left.push(token);
    if (at < 0) break;
  }
  return { rowByRow: left, rankingOrders };
}

/**
 * Whether an expression calls an aggregate outside a window (`COUNT(*)`, not `SUM(x) OVER (...)`):
 * its select gives a row per group. A subquery's aggregate (`(SELECT MAX(x) FROM t)`) groups its own rows.
 */
function aggregatesRows(tokens: readonly Token[]): boolean {
  for (let at = 0; at < tokens.length; at++) {
    if (opensSubquery(tokens, at)) {
      at = closingParen(tokens, at);
      if (at < 0) return false;
      continue;
    }
    const token = tokens[at] as Token;
    if (!isName(token) || !AGGREGATE_FUNCTIONS.has(token.text.toLowerCase()) || !isPunct(tokens[at + 1], '(')) continue;
    const after = closingParen(tokens, at + 1) + 1;
    const beyondFilter = isKeyword(tokens[after], 'filter') ? closingParen(tokens, after + 1) + 1 : after;
    if (!isKeyword(tokens[beyondFilter], 'over')) return true;
  }
  return false;
}

/** The function, lower-cased, whose call tokens end in (`dense_rank()`, `count(*) FILTER (WHERE x)`), if they do. */
function calledBefore(tokens: readonly Token[]): string | undefined {
  let depth = 0;
  for (let at = tokens.length - 1; at >= 0; at--) {
    depth += nesting(tokens[at] as Token);
    if (depth !== 0) continue;
    const name = tokens[at - 1];
    if (isKeyword(name, 'filter')) return calledBefore(tokens.slice(0, at - 1));
    return isName(name) && isPunct(tokens[at], '(') ? name.text.toLowerCase() : undefined;
  }
  return undefined;
}

/** A value an expression keeps: a column's (`isPicked` among rows by MIN or MAX), or the one column's of a subquery (`(SELECT o.email FROM ...)`). */
type KeptValue =
  | { column: ColumnRef; isPicked?: true; alteration?: CopyAlteration }
  | { subquery: QueryLineage }
  | { aggregated: AggregatedColumn };

/** Aggregates whose result, over a group of one row, is that row's value (MIN and MAX keep it over any group). */
const ONE_ROW_KEEPING_AGGREGATES = new Set(['sum', 'total', 'avg']);

/**
 * The values an expression keeps: a column as it is, cast, collated, signed, trimmed, cased, cut, defaulted
 * (`COALESCE`), joined (`||`), picked from JSON (`->>`) or chosen (`CASE ... THEN c.email`), by the functions of
 * `VALUE_KEEPING_FUNCTIONS`, shifted or scaled by constants (`ssn + 0`), or looked up by a subquery;
 * what it computes (`COUNT(email)`, `total - paid`) keeps none. `subqueries` are the expression's, by the `(` that opens each.
 */
function keptValues(tokens: readonly Token[], subqueries: ReadonlyMap<Token, QueryLineage>): KeptValue[] {
  const keptIn = (part: readonly Token[]) => keptValues(part, subqueries);
  const operands = splitTopLevel(tokens, (token) => isPunct(token, '||'));
  if (operands.length > 1) return operands.flatMap(keptIn);
  const extracted = jsonExtracted(tokens);
  if (extracted) return keptIn(extracted);
  const computedFrom = onlyNonConstantOperand(tokens);
  if (computedFrom) return keptIn(computedFrom);
  if (isColumn(tokens)) return columnRefs(tokens).map((column) => ({ column }));
  const subquery = parenthesized(tokens) && subqueries.get(tokens[0] as Token);
  if (subquery) return [{ subquery }];
  const valuesCell = firstValuesCell(tokens);
  if (valuesCell) return keptIn(valuesCell);
  const inner = castOperand(tokens) ?? parenthesized(tokens) ?? uncollated(tokens) ?? signed(tokens);
  if (inner) return keptIn(inner);
  const [, over] = splitTopLevel(tokens, (token) => isKeyword(token, 'over'));
  // FILTER only takes rows out: over one row the aggregate is still that row's value.
  const aggregate = functionCall(withoutWindow(tokens));
  if (aggregate && ONE_ROW_KEEPING_AGGREGATES.has(aggregate.name)) {
    const window = over && aggregateWindow(over);
    const [argument = []] = aggregate.args;
    const everyTableHere = () => true;
    const pinned = [filterCondition(tokens), caseGuard(argument)].flatMap((condition) =>
      condition ? pinnedColumns(condition, everyTableHere) : [],
    );
    return keptIn(argument).flatMap((value) =>
      'column' in value
        ? [{ aggregated: { column: value.column, ...(window && { window }), ...(pinned.length > 0 && { pinned }) } }]
        : [],
    );
  }
  const call = functionCall(withoutWindow(tokens));
  if (call && ROW_PICKING_AGGREGATES.has(call.name) && call.args.length === 1) {
    return keptIn(call.args[0] ?? []).map((value) => ('column' in value ? { ...value, isPicked: true } : value));
  }
  if (call) {
    const alteration = copyAlterationOf(call.name);
    return keptArguments(call.name, call.args)
      .flatMap(keptIn)
      .map((value) => ('column' in value && alteration ? { alteration, ...value } : value));
  }
  if (isKeyword(tokens[0], 'case') && isKeyword(tokens.at(-1), 'end')) return caseResults(tokens).flatMap(keptIn);
  return [];
}

/** `VALUES (x, …), …`'s x: as a value (`(VALUES (x))`), a VALUES list is its first row's first column. */
function firstValuesCell(tokens: readonly Token[]): Token[] | undefined {
  if (!isKeyword(tokens[0], 'values') || !isPunct(tokens[1], '(')) return undefined;
  const [cell] = splitTopLevel(tokens.slice(2, closingParen(tokens, 1)), (token) => isPunct(token, ','));
  return cell;
}

/** An expression with each `(SELECT columnN FROM (VALUES …))` written as the one cell it gives, in parentheses. */
function withValuesCellsInlined(tokens: readonly Token[]): readonly Token[] {
  const written: Token[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const close = opensSubquery(tokens, at) ? closingParen(tokens, at) : -1;
    const cell = close > 0 ? valuesSubqueryCell(tokens.slice(at, close + 1)) : undefined;
    if (cell) {
      written.push(tokens[at] as Token, ...withValuesCellsInlined(cell), tokens[close] as Token);
      at = close;
    } else written.push(tokens[at] as Token);
  }
  return written;
}

/**
 * `(SELECT columnN FROM (VALUES (a, b, …), …) [AS v])`'s Nth cell of the first row: a scalar
 * subquery gives its first row, and VALUES names its columns column1, column2, …
 */
function valuesSubqueryCell(tokens: readonly Token[]): Token[] | undefined {
  const query = parenthesized(tokens);
  if (!query || !isKeyword(query[0], 'select')) return undefined;
  const nameAt = isPunct(query[2], '.') ? 3 : 1;
  const selected = query[nameAt];
  const position = isName(selected) ? /^column([1-9]\d*)$/i.exec(selected.text)?.[1] : undefined;
  const fromAt = nameAt + 1;
  const valuesEnd = isPunct(query[fromAt + 1], '(') ? closingParen(query, fromAt + 1) : -1;
  const alias = query.slice(valuesEnd + 1).filter((token) => !isKeyword(token, 'as'));
  const isAliasOnly = alias.length === 0 || (alias.length === 1 && isName(alias[0]));
  if (!position || !isKeyword(query[fromAt], 'from') || valuesEnd < 0 || !isAliasOnly) return undefined;
  const values = query.slice(fromAt + 2, valuesEnd);
  if (!isKeyword(values[0], 'values') || !isPunct(values[1], '(')) return undefined;
  const cells = splitTopLevel(values.slice(2, closingParen(values, 1)), (token) => isPunct(token, ','));
  return cells[Number(position) - 1];
}

/** The condition of an aggregate call's `FILTER (WHERE …)`, if it has one. */
function filterCondition(call: readonly Token[]): Token[] | undefined {
  const [, filtered] = splitTopLevel(call, (token) => isKeyword(token, 'filter'));
  const close = filtered ? closingParen(filtered, 0) : -1;
  return filtered && close > 0 && isKeyword(filtered[1], 'where') ? filtered.slice(2, close) : undefined;
}

/**
 * The condition of `CASE WHEN condition THEN value END` (or `ELSE NULL`): the rows it fails give
 * NULL, which SUM and AVG leave out, so over them the aggregate reads only the rows it holds.
 */
function caseGuard(expression: readonly Token[]): Token[] | undefined {
  if (!isKeyword(expression[0], 'case') || nestingEnd(expression, 0) !== expression.length - 1) return undefined;
  const [beforeWhen = [], condition = [], ...more] = splitTopLevel(expression.slice(1, -1), (token) =>
    isKeyword(token, 'when', 'then', 'else'),
  );
  const [, otherwise] = more;
  const isNullOrNone = otherwise === undefined || (otherwise.length === 1 && isKeyword(otherwise[0], 'null'));
  return beforeWhen.length === 0 && more.length <= 2 && isNullOrNone ? condition : undefined;
}

const WINDOW_CLAUSES = new Set(['partition', 'order', 'rows', 'range', 'groups', 'exclude']);

/** The clauses of a window `(PARTITION BY a ORDER BY c ROWS ...)` by their first word, each with what follows it (`BY c`). */
function windowClauses(tokens: readonly Token[]): Map<string, Token[]> {
  const clauses = new Map<string, Token[]>();
  if (!isPunct(tokens[0], '(') || closingParen(tokens, 0) !== tokens.length - 1) return clauses;
  let clause: Token[] = [];
  let depth = 0;
  for (const token of tokens.slice(1, -1)) {
    const word = token.kind === 'word' && !token.isAlwaysName ? token.text.toLowerCase() : '';
    if (depth === 0 && WINDOW_CLAUSES.has(word)) {
      clause = [];
      clauses.set(word, clause);
    } else clause.push(token);
    depth += nesting(token);
  }
  return clauses;
}

/** The window after OVER: `(PARTITION BY a, b ORDER BY c ROWS ...)` (a named one written out by `withNamedWindows`). */
function aggregateWindow(tokens: readonly Token[]): AggregateWindow {
  const clauses = windowClauses(tokens);
  const plainColumns = (clause: string) => windowColumns(clauses, clause);
  const frames = (clause: string) => frameBounds(clauses.get(clause) ?? []);
  const isCurrentRow = (bounds: string) => ['current row', 'between current row and current row'].includes(bounds);
  // A RANGE or GROUPS frame of the current row holds its peers: the rows alike in the partition and the ORDER BY.
  const isPeersOnly = isCurrentRow(frames('range')) || isCurrentRow(frames('groups'));
  const rows = frames('rows');
  return {
    partition: [...plainColumns('partition'), ...(isPeersOnly ? plainColumns('order') : [])],
    // In ROWS the current row is that row alone, and `N PRECEDING AND N PRECEDING` one other row (as lag() reads it).
    isOneRowFrame: isCurrentRow(rows) || /^between (\d+) (preceding|following) and \1 \2$/.test(rows),
  };
}

/**
 * The plain columns of a window's PARTITION BY or ORDER BY (`clause`), as it groups by them. `x COLLATE nocase`
 * counts as x: a collation may make peers of values x tells apart, so this may over-report a copy or a key's
 * fan-out, never miss one.
 */
function windowColumns(clauses: ReadonlyMap<string, Token[]>, clause: string): ColumnRef[] {
  const [, ...terms] = clauses.get(clause) ?? [];
  return splitTopLevel(terms, (token) => isPunct(token, ','))
    .map(orderedValue)
    .flatMap((value) => groupingParts(uncollated(value) ?? value))
    .filter(isColumn)
    .flatMap(columnRefs);
}

/** An ordering term's value, without the direction and NULLS place after it (`x DESC NULLS LAST`'s x). */
function orderedValue(term: readonly Token[]): readonly Token[] {
  const withoutNulls =
    isKeyword(term.at(-2), 'nulls') && isKeyword(term.at(-1), 'first', 'last') ? term.slice(0, -2) : term;
  return isKeyword(withoutNulls.at(-1), 'asc', 'desc') ? withoutNulls.slice(0, -1) : withoutNulls;
}

const WHOLE_PARTITION = 'between unbounded preceding and unbounded following';

/** Window functions whose value is a row's own, even among peers: its number, its tile, a neighbour's value. */
const ROW_BY_ROW_WINDOW_FUNCTIONS = new Set(['row_number', 'ntile', 'lag', 'lead']);

/** The windows after each OVER in an expression, leaving out those inside its subqueries. */
function valueWindows(tokens: readonly Token[]): ValueWindow[] {
  const windows: ValueWindow[] = [];
  for (let at = 0; at < tokens.length; at++) {
    if (opensSubquery(tokens, at)) at = closingParen(tokens, at);
    else if (isKeyword(tokens[at], 'over') && isPunct(tokens[at + 1], '(')) {
      const windowEnd = closingParen(tokens, at + 1);
      const clauses = windowClauses(tokens.slice(at + 1, windowEnd + 1));
      const isWholePartition = ['rows', 'range', 'groups'].some(
        (frame) => frameBounds(clauses.get(frame) ?? []) === WHOLE_PARTITION,
      );
      const called = calledBefore(tokens.slice(0, at));
      // Peers (rows alike in the ORDER BY) share a RANGE or GROUPS frame, never a ROWS one, unless it is the whole partition.
      const rows = clauses.has('rows') ? frameBounds(clauses.get('rows') ?? []) : WHOLE_PARTITION;
      const excludes = frameBounds(clauses.get('exclude') ?? []);
      const differsRowByRow =
        ROW_BY_ROW_WINDOW_FUNCTIONS.has(called ?? '') ||
        rows !== WHOLE_PARTITION ||
        ['current row', 'ties'].includes(excludes);
      windows.push({
        ...(called !== undefined && { function: called }),
        partition: windowColumns(clauses, 'partition'),
        order: isWholePartition ? [] : windowColumns(clauses, 'order'),
        ...(differsRowByRow && { differsRowByRow: true }),
      });
      at = windowEnd;
    }
    if (at < 0) break;
  }
  return windows;
}

/** A frame's bounds in lower-case words, `0 PRECEDING` and `0 FOLLOWING` written as the `current row` they are. */
function frameBounds(tokens: readonly Token[]): string {
  return tokens
    .map((token) => (token.kind === 'literal' ? (token.number ?? '') : token.text.toLowerCase()))
    .join(' ')
    .replace(/\b0+ (preceding|following)\b/g, 'current row');
}

/**
 * `key + 1`'s, `2 * key`'s, `CAST(key AS TEXT)`'s or `key || ''`'s key, through any depth of them; else the expression itself.
 * These wrappers give distinct values for distinct values (a shift by a constant, a non-zero constant
 * factor, a cast to text), so grouping or partitioning by one groups as by what it wraps.
 */
function injectivelyWrapped(tokens: readonly Token[]): readonly Token[] {
  const inner =
    parenthesized(tokens) ??
    textCastOperand(tokens) ??
    emptyTextJoinedOperand(tokens) ??
    shiftedOrScaledOperand(tokens);
  return inner ? injectivelyWrapped(inner) : tokens;
}

/**
 * What a grouping term groups by, each part injectively unwrapped: a concatenation (`a || '-' || b`) groups as
 * its non-constant operands together would. Pairs that join to the same text (`'1' || '23'`, `'12' || '3'`) are
 * taken not to meet: were they to, this over-reports a copy rather than missing one.
 */
function groupingParts(term: readonly Token[]): (readonly Token[])[] {
  const unwrapped = injectivelyWrapped(term);
  const operands = splitTopLevel(unwrapped, (token) => isPunct(token, '||'));
  if (operands.length === 1) return [unwrapped];
  const isConstant = (operand: readonly Token[]) => operand.length === 1 && operand[0]?.kind === 'literal';
  return operands.filter((operand) => !isConstant(operand)).flatMap(groupingParts);
}

/** `x || ''`'s or `'' || x`'s x: joined to no text, a value is cast to text. */
function emptyTextJoinedOperand(tokens: readonly Token[]): Token[] | undefined {
  const operands = splitTopLevel(tokens, (token) => isPunct(token, '||'));
  const isEmptyText = (operand: readonly Token[]) =>
    operand.length === 1 && operand[0]?.kind === 'literal' && operand[0].string === '';
  const others = operands.filter((operand) => !isEmptyText(operand));
  return operands.length > 1 && others.length === 1 ? others[0] : undefined;
}

function textCastOperand(tokens: readonly Token[]): Token[] | undefined {
  return isKeyword(tokens.at(-2), 'text') ? castOperand(tokens) : undefined;
}

/** `x + 3`'s, `3 - x`'s or `x * 2`'s x: one operand and one non-zero number (any number for a shift). */
function shiftedOrScaledOperand(tokens: readonly Token[]): Token[] | undefined {
  const terms = arithmeticTerms(tokens);
  const [first, second] = terms;
  if (terms.length !== 2 || !first || !second) return undefined;
  const isNumber = (operand: readonly Token[]) =>
    operand.length === 1 && operand[0]?.kind === 'literal' && operand[0].number !== undefined;
  const [number, operand] = isNumber(second.operand)
    ? [second.operand, first.operand]
    : [first.operand, second.operand];
  if (!isNumber(number) || isNumber(operand)) return undefined;
  const isShift = second.operator === '+' || second.operator === '-';
  return isShift || (second.operator === '*' && !isZero(number)) ? operand : undefined;
}

/** A call without its `FILTER (WHERE ...)` and `OVER (...)`, which pick the rows, not the value. */
function withoutWindow(tokens: readonly Token[]): readonly Token[] {
  return splitTopLevel(tokens, (token) => isKeyword(token, 'over', 'filter'))[0] ?? tokens;
}

/** `x COLLATE nocase`'s x: a collation says how values compare, not what they are. */
function uncollated(tokens: readonly Token[]): readonly Token[] | undefined {
  return isKeyword(tokens.at(-2), 'collate') && isName(tokens.at(-1)) ? tokens.slice(0, -2) : undefined;
}

/** `doc -> path` and `doc ->> path`'s doc: like `json_extract`, the result is a part of the JSON text. */
function jsonExtracted(tokens: readonly Token[]): Token[] | undefined {
  const [document, ...paths] = splitTopLevel(tokens, (token) => isPunct(token, '->') || isPunct(token, '->>'));
  return paths.length > 0 ? document : undefined;
}

/** SQLite's binary arithmetic and bitwise operators, loosest-binding first: an expression splits at the loosest it holds. */
const OPERATOR_LEVELS = [new Set(['|', '&', '<<', '>>']), new Set(['+', '-']), new Set(['*', '/', '%'])];
const ARITHMETIC_OPERATORS = new Set(OPERATOR_LEVELS.flatMap((level) => [...level]));
/** Functions that give a new value on every call: a term calling one is not a constant. */
const VOLATILE_FUNCTIONS = new Set(['random', 'randomblob']);

/** A binary operator, not a sign: one that follows an operand (a value, a name, `)` or CASE's END). */
function isBinaryArithmetic(token: Token, previous: Token | undefined): boolean {
  const followsOperand =
    previous?.kind === 'literal' || isName(previous) || isPunct(previous, ')') || isKeyword(previous, 'end', 'null');
  return token.kind === 'punct' && ARITHMETIC_OPERATORS.has(token.text) && followsOperand;
}

const COMPARISON_OPERATORS = new Set(['=', '==', '<', '>', '<=', '>=', '<>', '!=']);

/** Whether an expression is a truth value (`balance - 1 > 0`, `a AND b`, `x IN (...)`), which binds more loosely than arithmetic. */
function comparesOrTests(tokens: readonly Token[]): boolean {
  let depth = 0;
  return tokens.some((token) => {
    depth += nesting(token);
    const isTest =
      (token.kind === 'punct' && COMPARISON_OPERATORS.has(token.text)) ||
      isKeyword(token, 'and', 'or', 'not', 'is', 'in', 'like', 'glob', 'between', 'ilike', 'similar');
    return depth === 0 && isTest;
  });
}

/** An operand of arithmetic, with the operator before it (none for the first). */
interface ArithmeticTerm {
  operator?: string;
  operand: Token[];
}

/** An expression split at its loosest top-level binary operators (`a + b * c` gives `a` and `b * c`); one term if it has none. */
function arithmeticTerms(tokens: readonly Token[]): ArithmeticTerm[] {
  for (const level of OPERATOR_LEVELS) {
    const terms: ArithmeticTerm[] = [{ operand: [] }];
    let depth = 0;
    tokens.forEach((token, at) => {
      depth += nesting(token);
      const splits = depth === 0 && token.kind === 'punct' && level.has(token.text);
      if (splits && isBinaryArithmetic(token, tokens[at - 1])) terms.push({ operator: token.text, operand: [] });
      else terms.at(-1)?.operand.push(token);
    });
    if (terms.length > 1) return terms;
  }
  return [{ operand: [...tokens] }];
}

/**
 * Whether an expression has one value whatever the row, read from its structure: it names no
 * column (`3`, `julianday('1970-01-01')`, `abs(-3)`; `random()` aside), or its columns cancel: a
 * product with a literal 0 factor (`0 * patient_id`), a sum whose column terms come in pairs that
 * subtract out (`patient_id - patient_id`), or arithmetic of such constants.
 */
function isConstant(tokens: readonly Token[]): boolean {
  const inner = parenthesized(tokens) ?? signed(tokens);
  if (inner) return isConstant(inner);
  const callsVolatile = tokens.some(
    (token, at) => isName(token) && VOLATILE_FUNCTIONS.has(token.text.toLowerCase()) && isPunct(tokens[at + 1], '('),
  );
  if (callsVolatile) return false;
  if (columnRefs(tokens).length === 0 && !tokens.some((_, at) => opensSubquery(tokens, at))) return true;
  const terms = arithmeticTerms(tokens);
  if (terms.length === 1) return false;
  const isProduct = terms.every(({ operator }) => operator === undefined || operator === '*');
  if (isProduct && terms.some(({ operand }) => isZero(operand))) return true;
  const variable = terms.filter(({ operand }) => !isConstant(operand));
  const isSum = terms.every(({ operator }) => operator === undefined || operator === '+' || operator === '-');
  return variable.length === 0 || (isSum && cancelOut(variable));
}

/** A literal 0 (`0`, `0.0`, `(0)`). */
function isZero(tokens: readonly Token[]): boolean {
  return literalNumber(parenthesized(tokens) ?? tokens) === 0;
}

/** Whether terms of a sum subtract out: each added as often as it is subtracted, compared as written. */
function cancelOut(terms: readonly ArithmeticTerm[]): boolean {
  const balance = new Map<string, number>();
  for (const { operator, operand } of terms) {
    const written = writtenForm(operand);
    balance.set(written, (balance.get(written) ?? 0) + (operator === '-' ? -1 : 1));
  }
  return [...balance.values()].every((count) => count === 0);
}

/** An expression as written, case aside, to compare two by their text (`x + 1` and `X+1` alike). */
function writtenForm(tokens: readonly Token[]): string {
  const written = (token: Token) =>
    'text' in token
      ? token.text.toLowerCase()
      : (token.number ?? token.parameter ?? `'${token.string?.replaceAll("'", "''")}'`);
  return tokens.map(written).join(' ');
}

/**
 * `x + 0`'s, `x % 1000000000`'s or `julianday(dob) - julianday('1970-01-01')`'s x: arithmetic of one
 * value with constants (`isConstant`) only shifts, scales or cuts it, as a sign or a rounding does,
 * so it keeps the value. Arithmetic that is itself constant (`x * 0`) keeps nothing.
 */
function onlyNonConstantOperand(tokens: readonly Token[]): Token[] | undefined {
  if (comparesOrTests(tokens)) return undefined;
  const operands = arithmeticTerms(tokens).map(({ operand }) => operand);
  const values = operands.filter((operand) => !isConstant(operand));
  return operands.length > 1 && values.length === 1 && !isConstant(tokens) ? values[0] : undefined;
}

/**
 * `+x`'s, `-x`'s and `~x`'s x: a unary plus returns x as it is, a minus the same amount negated, a
 * bitwise NOT its bits flipped (`~~x` is x): each gives distinct values for distinct values, so keeps x.
 */
function signed(tokens: readonly Token[]): readonly Token[] | undefined {
  return isPunct(tokens[0], '+') || isPunct(tokens[0], '-') || isPunct(tokens[0], '~') ? tokens.slice(1) : undefined;
}

/** `(expression)`'s expression. */
function parenthesized(tokens: readonly Token[]): Token[] | undefined {
  return isPunct(tokens[0], '(') && closingParen(tokens, 0) === tokens.length - 1 ? tokens.slice(1, -1) : undefined;
}

/** `name(a, b)`: the function's lower-cased name and its arguments. */
function functionCall(tokens: readonly Token[]): { name: string; args: Token[][] } | undefined {
  const [name, open] = tokens;
  if (!isName(name) || name.isAlwaysName || !isPunct(open, '(') || closingParen(tokens, 1) !== tokens.length - 1) {
    return undefined;
  }
  const inside = tokens.slice(2, -1);
  // An aggregate's ORDER BY (`group_concat(email ORDER BY at)`) says in which order it takes the values, not what they are.
  const orderAt = lastTopLevelKeyword(inside, 'order');
  const valued = orderAt >= 0 && isKeyword(inside[orderAt + 1], 'by') ? inside.slice(0, orderAt) : inside;
  const args = splitTopLevel(valued, (token) => isPunct(token, ','));
  const [first] = args;
  // An aggregate's DISTINCT or ALL says which rows count, not what the value is.
  if (first && isKeyword(first[0], 'distinct', 'all')) args[0] = first.slice(1);
  return { name: name.text.toLowerCase(), args };
}

/** The values a `CASE ... END` may give: what follows each THEN, and ELSE. */
function caseResults(tokens: readonly Token[]): Token[][] {
  const results: Token[][] = [];
  let current: Token[] | undefined;
  let depth = 0;
  for (const token of tokens.slice(1, -1)) {
    if (depth === 0 && isKeyword(token, 'when')) {
      current = undefined;
      continue;
    }
    if (depth === 0 && isKeyword(token, 'then', 'else')) {
      current = [];
      results.push(current);
      continue;
    }
    depth += nesting(token);
    current?.push(token);
  }
  return results;
}

/** `email`, `c.email` or `main.c.email`. */
function isColumn(tokens: readonly Token[]): boolean {
  return tokens.length > 0 && tokens.length <= 5 && dottedName(tokens, 0).length * 2 - 1 === tokens.length;
}

/** The value of an expression that is one `CAST(value AS type)`, which keeps the value (and whose type names no column). */
function castOperand(tokens: readonly Token[]): Token[] | undefined {
  if (!isKeyword(tokens[0], 'cast') || !isPunct(tokens[1], '(') || closingParen(tokens, 1) !== tokens.length - 1) {
    return undefined;
  }
  const parts = splitTopLevel(tokens.slice(2, -1), (token) => isKeyword(token, 'as'));
  return parts.length === 2 ? parts[0] : undefined;
}

type FromLineage = Pick<
  SelectLineage,
  | 'tables'
  | 'subqueries'
  | 'conditions'
  | 'conditionSubqueries'
  | 'pinned'
  | 'hasOneRowGroups'
  | 'oneValuePerGroup'
  | 'isGrouped'
  | 'equalities'
  | 'joinsByName'
  | 'joinsNaturally'
> & {
  opaque: Map<string, OpaqueSource>;
  /** GROUP BY's terms, read against the select list (`GROUP BY 1`). */
  groupingTerms: Token[][];
  /** The alias of each FROM item, in order, those of joins in parentheses spelled out. */
  sources: string[];
};

/**
 * Reads `FROM a x, (SELECT ...) b JOIN c AS y ON ... WHERE ...`: the tables and subqueries by
 * alias, and the columns and subqueries rows depend on.
 */
function readFrom(tokens: readonly Token[]): FromLineage | Unfollowed {
  const tables = new Map<string, string>();
  const subqueries = new Map<string, QueryLineage>();
  const opaque = new Map<string, OpaqueSource>();
  const conditionTokens: Token[] = [];
  /** What the joins in parentheses decide the rows by. */
  const nestedConditions: ColumnRef[] = [];
  const nestedConditionSubqueries: QueryLineage[] = [];
  const nestedEqualities: ColumnEquality[] = [];
  const joinsByName: NameJoin[] = [];
  let joinsNaturally = false;
  /** The aliases of each FROM item, in order (several for joins in parentheses): what a join by name equates. */
  const items: string[][] = [];
  let isNaturalNext = false;
  const addItem = (aliases: string[]) => {
    if (isNaturalNext) joinsByName.push({ left: items.flat(), right: aliases });
    isNaturalNext = false;
    items.push(aliases);
  };
  /** Each ON's tokens: an OR in one lets other rows through that one join only. */
  const onClauses: Token[][] = [];
  /** The tokens of each row clause (`where`, `group`, `having`…) after its word. */
  const rowClauseTokens = new Map<string, Token[]>();
  let clause: 'tables' | 'rows' | 'quiet' = 'tables';
  // Under a LIMIT, ORDER BY picks which rows there are (the first ten by it), as a WHERE would.
  const isOrderPicking = lastTopLevelKeyword(tokens, 'limit') >= 0;
  let expectTable = true;
  let rowClause: Token[] = [];
  /** Whether the row clause read is a join's ON or USING, which a comma ends: `JOIN b ON …, c` lists another table. */
  let isJoinConstraint = false;
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at] as Token;
    if (clause !== 'tables' && nesting(token) > 0) {
      // A nested part of a clause (a call, a CASE, a subquery) is the clause's, whatever words it holds.
      const end = nestingEnd(tokens, at);
      if (clause === 'rows') {
        conditionTokens.push(...tokens.slice(at, end + 1));
        rowClause.push(...tokens.slice(at, end + 1));
      }
      at = end;
      continue;
    }
    const lower = token.kind === 'word' && !token.isAlwaysName ? token.text.toLowerCase() : undefined;
    if (lower && (ROW_CLAUSES.has(lower) || (lower === 'order' && isOrderPicking))) {
      clause = 'rows';
      isJoinConstraint = lower === 'on' || lower === 'using';
      rowClause = rowClauseTokens.get(lower) ?? [];
      rowClauseTokens.set(lower, rowClause);
      if (lower === 'on') {
        rowClause = [];
        onClauses.push(rowClause);
      }
      const joined = items.at(-1);
      if (lower === 'using' && joined) {
        joinsByName.push({ left: items.slice(0, -1).flat(), right: joined, using: usingColumns(tokens, at) });
      }
      continue;
    }
    if (lower && QUIET_CLAUSES.has(lower)) {
      clause = 'quiet';
      continue;
    }
    if (lower && JOIN_WORDS.has(lower)) {
      clause = 'tables';
      expectTable = true;
      isNaturalNext ||= lower === 'natural';
      joinsNaturally ||= isNaturalNext;
      continue;
    }
    if (clause === 'rows' && isJoinConstraint && isPunct(token, ',')) {
      clause = 'tables';
      isJoinConstraint = false;
      expectTable = true;
      continue;
    }
    if (clause === 'rows') {
      conditionTokens.push(token);
      rowClause.push(token);
      continue;
    }
    if (clause !== 'tables') continue;
    if (isPunct(token, ',')) expectTable = true;
    else if (expectTable && isPunct(token, '(')) {
      const close = closingParen(tokens, at);
      const inside = tokens.slice(at + 1, close);
      at = close;
      expectTable = false;
      if (!isKeyword(inside[0], 'select', 'with', 'values')) {
        const joined = readFrom(inside);
        if (isUnfollowed(joined)) return joined;
        for (const [alias, name] of joined.tables) tables.set(alias, name);
        addItem(joined.sources);
        for (const [alias, query] of joined.subqueries) subqueries.set(alias, query);
        for (const [alias, source] of joined.opaque) opaque.set(alias, source);
        nestedConditions.push(...joined.conditions);
        nestedConditionSubqueries.push(...joined.conditionSubqueries);
        nestedEqualities.push(...(joined.equalities ?? []));
        joinsByName.push(...(joined.joinsByName ?? []));
        joinsNaturally ||= joined.joinsNaturally === true;
        continue;
      }
      const query = readQuery(inside);
      const afterAs = isKeyword(tokens[at + 1], 'as') ? 2 : 1;
      const alias = tokens[at + afterAs];
      if (isName(alias)) at += afterAs;
      const key = isName(alias) ? alias.text.toLowerCase() : `#${subqueries.size + opaque.size + 1}`;
      if (isUnfollowed(query)) opaque.set(key, opaqueSource(query, inside));
      else subqueries.set(key, query);
      addItem([key]);
    } else if (isPunct(token, '(')) {
      const called = tokens[at - 1];
      return {
        unfollowed: isName(called)
          ? `it reads the table-valued function '${called.text}'`
          : 'it uses a FROM clause this reading does not follow',
      };
    } else if (expectTable && isName(token)) {
      let name = token.text.toLowerCase();
      // schema.table: the table is the last part.
      while (isPunct(tokens[at + 1], '.') && isName(tokens[at + 2])) {
        name = (tokens[at + 2] as Extract<Token, { kind: 'word' }>).text.toLowerCase();
        at += 2;
      }
      const afterAs = isKeyword(tokens[at + 1], 'as') ? 2 : 1;
      const alias = tokens[at + afterAs];
      if (isName(alias)) {
        tables.set(alias.text.toLowerCase(), name);
        at += afterAs;
      }
      tables.set(name, name);
      addItem([isName(alias) ? alias.text.toLowerCase() : name]);
      expectTable = false;
    }
  }
  const conditionSubqueries = expressionSubqueries(conditionTokens);
  if (isUnfollowed(conditionSubqueries)) return conditionSubqueries;
  const groupSize = havingGroupSize(rowClauseTokens.get('having') ?? []);
  if (groupSize.isUnread) {
    return {
      unfollowed:
        'its HAVING counts the rows of a group in a form this reading does not follow, so the group size could not be told',
    };
  }
  const pinned = pinnedColumns(
    rowClauseTokens.get('where') ?? [],
    (qualifier) => tables.has(qualifier) || subqueries.has(qualifier) || opaque.has(qualifier),
  );
  const equalities = [...nestedEqualities, ...[...onClauses, rowClauseTokens.get('where') ?? []].flatMap(equalitiesIn)];
  return {
    ...(pinned.length > 0 && { pinned }),
    ...(equalities.length > 0 && { equalities }),
    ...(joinsByName.length > 0 && { joinsByName }),
    ...(joinsNaturally && { joinsNaturally: true }),
    ...((rowClauseTokens.has('group') || rowClauseTokens.has('having')) && { isGrouped: true }),
    tables,
    subqueries,
    opaque,
    conditions: [...nestedConditions, ...columnRefs(conditionTokens)],
    conditionSubqueries: [...nestedConditionSubqueries, ...conditionSubqueries.values()],
    groupingTerms: splitTopLevel((rowClauseTokens.get('group') ?? []).slice(1), (token) => isPunct(token, ',')),
    sources: items.flat(),
    ...(groupSize.hasOneRowGroups && { hasOneRowGroups: true }),
    ...(groupSize.oneValueColumns.length > 0 && { oneValuePerGroup: groupSize.oneValueColumns }),
  };
}

/** The columns `USING (a, b)` at `usingAt` names, lower-cased: those written as plain names. */
function usingColumns(tokens: readonly Token[], usingAt: number): string[] {
  const close = isPunct(tokens[usingAt + 1], '(') ? closingParen(tokens, usingAt + 1) : -1;
  if (close < 0) return [];
  const names = splitTopLevel(tokens.slice(usingAt + 2, close), (token) => isPunct(token, ','));
  return names.flatMap(([name, ...rest]) => (isName(name) && rest.length === 0 ? [name.text.toLowerCase()] : []));
}

/** The equalities a condition's top-level ANDs hold (see `SelectLineage.equalities`); none where an OR at the top lets other rows through. */
function equalitiesIn(condition: readonly Token[]): ColumnEquality[] {
  if (splitTopLevel(condition, (token) => isKeyword(token, 'or')).length > 1) return [];
  return conjuncts(condition).flatMap((term) => {
    const sides = splitTopLevel(term, (token) => isPunct(token, '=') || isPunct(token, '=='));
    const hasSubquery = term.some((_, at) => opensSubquery(term, at));
    if (sides.length !== 2 || hasSubquery || isKeyword(term[0], 'not')) return [];
    const [left = [], right = []] = sides;
    const heldBy = (column: readonly Token[], value: readonly Token[]): ColumnEquality[] => {
      const from = columnRefs(value);
      const isValue = !comparesOrTests(value) && (from.length > 0 || isConstant(value));
      const [ref] = isColumn(column) ? columnRefs(column) : [];
      return ref && isValue ? [{ column: ref, from }] : [];
    };
    return [...heldBy(left, right), ...heldBy(right, left)];
  });
}

/**
 * The columns a WHERE condition holds to one value in each of its top-level ANDs: equal to
 * (`c.id = 7`, `7 == id`), IN a list of one (`id IN (7)`) or BETWEEN equal ends (`id BETWEEN 7
 * AND 7`) of a constant, a subquery that names no column of the query around it (`id = (SELECT
 * MAX(id) FROM t)`: one value), or in a correlated subquery a column of the outer query (`u.id =
 * t.id`, `t` read outside), one value for each row the subquery runs for.
 */
function pinnedColumns(condition: readonly Token[], isReadHere: (qualifier: string) => boolean): ColumnRef[] {
  const isOuterColumn = (tokens: readonly Token[]) => {
    const [ref] = isColumn(tokens) ? columnRefs(tokens) : [];
    return ref?.qualifier !== undefined && !isReadHere(ref.qualifier);
  };
  const isOneValue = (tokens: readonly Token[]) =>
    tokens.length > 0 && (isConstant(tokens) || isOuterColumn(tokens) || isUncorrelatedSubquery(tokens));
  // An OR at the top lets rows of other values through.
  if (splitTopLevel(condition, (token) => isKeyword(token, 'or')).length > 1) return [];
  return conjuncts(condition).flatMap((term) => {
    const pinned = heldToOneValue(term, isOneValue);
    return pinned ? columnRefs(pinned) : [];
  });
}

/**
 * The operand a comparison holds to one value (`isOneValue`), either way round: `x = v`, `x == v`,
 * `x IN (v)`, `x BETWEEN v AND v` (ends written alike).
 */
function heldToOneValue(
  term: readonly Token[],
  isOneValue: (tokens: readonly Token[]) => boolean,
): readonly Token[] | undefined {
  const equal = splitTopLevel(term, (token) => isPunct(token, '=') || isPunct(token, '=='));
  if (equal.length === 2) {
    const [left = [], right = []] = equal;
    if (isColumn(left) && isOneValue(right)) return left;
    return isColumn(right) && isOneValue(left) ? right : undefined;
  }
  const [operand = [], list, ...more] = splitTopLevel(term, (token) => isKeyword(token, 'in'));
  if (list && more.length === 0) {
    const values = splitTopLevel(parenthesized(list) ?? [], (token) => isPunct(token, ','));
    return isColumn(operand) && values.length === 1 && isOneValue(values[0] ?? []) ? operand : undefined;
  }
  const [tested = [], range] = splitTopLevel(term, (token) => isKeyword(token, 'between'));
  const [low = [], high = [], ...beyond] = splitTopLevel(range ?? [], (token) => isKeyword(token, 'and'));
  const isOneRange = beyond.length === 0 && writtenForm(low) === writtenForm(high) && isOneValue(low);
  return range && isColumn(tested) && isOneRange ? tested : undefined;
}

/** Whether an expression is a subquery naming no column of a query around it: it gives one value for every row. */
function isUncorrelatedSubquery(tokens: readonly Token[]): boolean {
  const inside = opensSubquery(tokens, 0) && parenthesized(tokens);
  if (!inside) return false;
  const query = readQuery(inside);
  return !isUnfollowed(query) && strayQualifier(query) === undefined;
}

/** A condition's top-level ANDs; a BETWEEN's own AND splits none. */
function conjuncts(condition: readonly Token[]): Token[][] {
  let awaitsBetweenAnd = false;
  return splitTopLevel(condition, (token) => {
    if (isKeyword(token, 'between')) awaitsBetweenAnd = true;
    if (!isKeyword(token, 'and')) return false;
    const isBetweenAnd = awaitsBetweenAnd;
    awaitsBetweenAnd = false;
    return !isBetweenAnd;
  });
}

/** What HAVING tells of the size of each group it keeps. */
interface GroupSize {
  /** Each group kept is one row. */
  hasOneRowGroups: boolean;
  /** Columns of one value in each group kept (`MIN(id) = MAX(id)`, `COUNT(DISTINCT id) = 1`). */
  oneValueColumns: ColumnRef[];
  /** It counts a group's rows in a form this reading does not follow (`COUNT(*) * 2 = 2`). */
  isUnread: boolean;
}

const ANY_SIZE: GroupSize = { hasOneRowGroups: false, oneValueColumns: [], isUnread: false };

/**
 * The group size a HAVING holds in its top-level ANDs (no OR, which lets other groups through): a
 * count of rows at most 1 (`COUNT(*) = 1`, `< 2`, `1 >= COUNT(x)`, `IN (1)`, `BETWEEN 0 AND 1`,
 * `NOT COUNT(*) > 1`, `SUM(1)` counting as `COUNT(*)`, brackets aside), or one value of a column.
 */
function havingGroupSize(having: readonly Token[]): GroupSize {
  if (splitTopLevel(having, (token) => isKeyword(token, 'or')).length > 1) return ANY_SIZE;
  return conjuncts(having)
    .map((term) => termGroupSize(term, false))
    .reduce(
      (all, one) => ({
        hasOneRowGroups: all.hasOneRowGroups || one.hasOneRowGroups,
        oneValueColumns: [...all.oneValueColumns, ...one.oneValueColumns],
        isUnread: all.isUnread || one.isUnread,
      }),
      ANY_SIZE,
    );
}

function termGroupSize(term: readonly Token[], isNegated: boolean): GroupSize {
  if (isKeyword(term[0], 'not')) return termGroupSize(term.slice(1), !isNegated);
  const inner = parenthesized(term);
  if (inner) return isNegated ? termGroupSize(inner, true) : havingGroupSize(inner);
  const counted = countedComparison(term);
  if (!counted) return { ...ANY_SIZE, isUnread: mentionsGroupSize(term) };
  const { counts, operator, bounds } = counted;
  const mostRows = isNegated ? mostAllowed(NEGATED[operator] ?? operator, bounds) : mostAllowed(operator, bounds);
  if (mostRows === undefined) return { ...ANY_SIZE, isUnread: true };
  if (mostRows > 1) return ANY_SIZE;
  return counts === 'rows' ? { ...ANY_SIZE, hasOneRowGroups: true } : { ...ANY_SIZE, oneValueColumns: [counts] };
}

/** What a group-size term counts (its rows, or the values of a column), compared how, with which numbers. */
interface CountedComparison {
  counts: 'rows' | ColumnRef;
  /** A comparison operator written as `count op bound`, `in` or `between`. */
  operator: string;
  bounds: number[];
}

/**
 * `COUNT(*) op n`, `n op COUNT(*)` (turned round), `COUNT(*) IN (n, …)`, `COUNT(*) BETWEEN m AND n`;
 * `MIN(c) = MAX(c)` counts the values of c as `COUNT(DISTINCT c) = 1` does. Non-numbers are NaN.
 */
function countedComparison(term: readonly Token[]): CountedComparison | undefined {
  const [tested = [], list, ...moreIn] = splitTopLevel(term, (token) => isKeyword(token, 'in'));
  const testedCount = groupCount(tested);
  if (list && moreIn.length === 0 && testedCount) {
    const values = splitTopLevel(parenthesized(list) ?? [], (token) => isPunct(token, ','));
    return { counts: testedCount, operator: 'in', bounds: values.map(literalNumber) };
  }
  const [ranged = [], range] = splitTopLevel(term, (token) => isKeyword(token, 'between'));
  const rangedCount = groupCount(ranged);
  if (range && rangedCount) {
    const ends = splitTopLevel(range, (token) => isKeyword(token, 'and'));
    return { counts: rangedCount, operator: 'between', bounds: ends.length === 2 ? ends.map(literalNumber) : [NaN] };
  }
  const at = term.findIndex((token) => token.kind === 'punct' && COMPARISON_OPERATORS.has(token.text));
  const operator = at < 0 ? undefined : (term[at] as Extract<Token, { kind: 'punct' }>).text;
  if (!operator) return undefined;
  const [left, right] = [term.slice(0, at), term.slice(at + 1)];
  const distinctByExtremes = sameValueExtremes(left, right);
  if (distinctByExtremes && (operator === '=' || operator === '==')) {
    return { counts: distinctByExtremes, operator: '=', bounds: [1] };
  }
  const [leftCount, rightCount] = [groupCount(left), groupCount(right)];
  if (leftCount) return { counts: leftCount, operator, bounds: [literalNumber(right)] };
  if (rightCount)
    return { counts: rightCount, operator: TURNED_ROUND[operator] ?? operator, bounds: [literalNumber(left)] };
  return undefined;
}

/** What an expression counts of a group: its rows (`COUNT(*)`, `COUNT(x)`, `SUM(1)`, `TOTAL(1)`), or a column's values (`COUNT(DISTINCT c)`). */
function groupCount(tokens: readonly Token[]): 'rows' | ColumnRef | undefined {
  const call = functionCall(tokens);
  if (!call) return undefined;
  const [argument = []] = call.args;
  if (call.name === 'count') {
    const isDistinct = isKeyword(tokens[2], 'distinct');
    return isDistinct && isColumn(argument) ? columnRefs(argument)[0] : isDistinct ? undefined : 'rows';
  }
  return (call.name === 'sum' || call.name === 'total') && literalNumber(argument) === 1 ? 'rows' : undefined;
}

/** The number an expression is as one literal (`7`); NaN for anything else. */
function literalNumber(tokens: readonly Token[]): number {
  const [only] = tokens;
  return tokens.length === 1 && only?.kind === 'literal' && only.number !== undefined ? Number(only.number) : NaN;
}

/** `MIN(c) = MAX(c)`'s c (either way round): the group holds one value of it. */
function sameValueExtremes(left: readonly Token[], right: readonly Token[]): ColumnRef | undefined {
  const [one, other] = [functionCall(left), functionCall(right)];
  if (!one || !other || [one.name, other.name].sort().join() !== 'max,min') return undefined;
  const [column = []] = one.args;
  const isSameColumn = isColumn(column) && writtenForm(column) === writtenForm(other.args[0] ?? []);
  return isSameColumn ? columnRefs(column)[0] : undefined;
}

/** The most rows (or values) a count compared so may have and pass; undefined where a bound is not a number. */
function mostAllowed(operator: string, bounds: readonly number[]): number | undefined {
  if (bounds.some(Number.isNaN)) return undefined;
  switch (operator) {
    case '=':
    case '==':
    case '<=':
      return bounds[0];
    case '<':
      return (bounds[0] as number) - 1;
    case 'in':
      return Math.max(...bounds);
    case 'between':
      return bounds[1];
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/** A comparison's negation: `NOT COUNT(*) > 1` is `COUNT(*) <= 1`. IN and BETWEEN negated allow counts without bound. */
const NEGATED: Readonly<Record<string, string>> = {
  '=': '<>',
  '==': '<>',
  '<>': '=',
  '!=': '=',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
  in: 'not in',
  between: 'not between',
};

/** Whether an expression counts a group's rows or values somewhere in it (`COUNT(*) * 2`, `SUM(1) - 1`). */
function mentionsGroupSize(tokens: readonly Token[]): boolean {
  return tokens.some((_, at) => groupCount(tokens.slice(at, nestingEnd(tokens, at + 1) + 1)) !== undefined);
}

const TURNED_ROUND: Readonly<Record<string, string>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/**
 * The plain columns GROUP BY names: itself, by a select item's 1-based position (`GROUP BY 1`),
 * or by a select item's alias (see `GroupedColumn`).
 */
function groupedColumns(terms: readonly Token[][], items: readonly Token[][]): GroupedColumn[] {
  const columnsOf = (expression: readonly Token[]) => groupingParts(expression).filter(isColumn).flatMap(columnRefs);
  return terms.flatMap(groupingParts).flatMap((term): GroupedColumn[] => {
    const [only] = term;
    if (term.length === 1 && only?.kind === 'literal' && only.number !== undefined) {
      return columnsOf(aliased(items[Number(only.number) - 1] ?? []).expression);
    }
    if (!isColumn(term)) return [];
    const [named] = columnRefs(term) as [ColumnRef];
    const item = term.length === 1 ? items.map(aliased).find(({ alias }) => sameAlias(alias, named.column)) : undefined;
    const selected = item ? columnsOf(item.expression) : [];
    return selected.length > 0 ? selected.map((column) => ({ ...named, selected: column })) : [named];
  });
}

const sameAlias = (alias: string | undefined, column: string) => alias?.toLowerCase() === column;

/**
 * The columns a row clause names through the select list: a `GROUP BY 2` names what the second
 * item reads, and an unqualified name an item's alias (`WHERE email_length > 5`, as SQLite allows)
 * what that item reads. A table's column of the alias's name may be what SQLite picks instead:
 * then the item's columns are over-reported, never missed.
 */
function conditionsThroughSelectList(
  conditions: readonly ColumnRef[],
  groupingTerms: readonly Token[][],
  items: readonly Token[][],
): ColumnRef[] {
  const selected = items.map(aliased);
  const byPlace = groupingTerms.flatMap((term) => {
    const [only] = term;
    const isPlace = term.length === 1 && only?.kind === 'literal' && only.number !== undefined;
    return isPlace ? columnRefs(selected[Number(only.number) - 1]?.expression ?? []) : [];
  });
  const byAlias = conditions.flatMap((ref) =>
    ref.qualifier === undefined
      ? selected.filter(({ alias }) => sameAlias(alias, ref.column)).flatMap(({ expression }) => columnRefs(expression))
      : [],
  );
  return [...byPlace, ...byAlias];
}

/** The index of the token that closes the nesting (parenthesis or CASE) opened at `openAt`; the last token if none does. */
function nestingEnd(tokens: readonly Token[], openAt: number): number {
  let depth = 0;
  for (let at = openAt; at < tokens.length; at++) {
    depth += nesting(tokens[at] as Token);
    if (depth === 0) return at;
  }
  return tokens.length - 1;
}

/** The windows of a `WINDOW w AS (PARTITION BY ...), v AS (...)` clause, by lower-cased name: what is inside their parentheses. */
function namedWindows(tokens: readonly Token[]): Map<string, Token[]> {
  const windows = new Map<string, Token[]>();
  let depth = 0;
  let at = tokens.findIndex((token) => {
    depth += nesting(token);
    return depth === 0 && isKeyword(token, 'window');
  });
  if (at < 0) return windows;
  for (at++; isName(tokens[at]) && isKeyword(tokens[at + 1], 'as') && isPunct(tokens[at + 2], '('); ) {
    const close = closingParen(tokens, at + 2);
    if (close < 0) break;
    windows.set((tokens[at] as Extract<Token, { kind: 'word' }>).text.toLowerCase(), tokens.slice(at + 3, close));
    at = isPunct(tokens[close + 1], ',') ? close + 2 : tokens.length;
  }
  return windows;
}

/** A select item with each window it names (`OVER w`, `OVER (w ORDER BY ...)`) written out, so it reads like one written in place. */
function withNamedWindows(item: readonly Token[], windows: ReadonlyMap<string, Token[]>): Token[] {
  const definition = (token: Token | undefined) => (isName(token) ? windows.get(token.text.toLowerCase()) : undefined);
  const written: Token[] = [];
  for (let at = 0; at < item.length; at++) {
    const token = item[at] as Token;
    written.push(token);
    if (!isKeyword(token, 'over')) continue;
    const named = definition(item[at + 1]);
    const based = isPunct(item[at + 1], '(') ? definition(item[at + 2]) : undefined;
    if (named) {
      written.push({ kind: 'punct', text: '(' }, ...named, { kind: 'punct', text: ')' });
      at++;
    } else if (based) {
      written.push({ kind: 'punct', text: '(' }, ...based);
      at += 2;
    }
  }
  return written;
}

/** One `SELECT ... FROM ...`. */
function readSelect(tokens: readonly Token[]): SelectLineage | Unfollowed {
  if (!isKeyword(tokens[0], 'select')) {
    return { unfollowed: isKeyword(tokens[0], 'values') ? 'it uses VALUES' : 'it holds a query that is not a SELECT' };
  }
  let start = 1;
  if (isKeyword(tokens[start], 'distinct', 'all')) start++;
  let depth = 0;
  let fromAt = tokens.length;
  for (let at = start; at < tokens.length; at++) {
    depth += nesting(tokens[at] as Token);
    if (depth === 0 && isKeyword(tokens[at], 'from')) {
      fromAt = at;
      break;
    }
  }
  const from = readFrom(tokens.slice(fromAt + 1));
  if (isUnfollowed(from)) return from;
  const outputs: SelectOutput[] = [];
  const items = splitTopLevel(tokens.slice(start, fromAt), (token) => isPunct(token, ','));
  const windows = namedWindows(tokens.slice(fromAt + 1));
  for (const item of items) {
    const output = readOutput(withNamedWindows(item, windows));
    if (isUnfollowed(output)) return output;
    outputs.push(output);
  }
  const { groupingTerms, opaque, sources, ...read } = from;
  return {
    ...read,
    conditions: [...read.conditions, ...conditionsThroughSelectList(read.conditions, groupingTerms, items)],
    ...(opaque.size > 0 && { opaque }),
    ...(isKeyword(tokens[1], 'distinct') && { isDistinct: true }),
    ...(items.some(aggregatesRows) && { isGrouped: true }),
    outputs,
    grouping: groupedColumns(groupingTerms, items),
  };
}

/** `WITH name [(columns)] AS (query), ...`: the named queries, and where the statement after them starts. */
function readCtes(tokens: readonly Token[]): { ctes: NamedQuery[]; bodyAt: number } | Unfollowed {
  const ctes: NamedQuery[] = [];
  if (!isKeyword(tokens[0], 'with')) return { ctes, bodyAt: 0 };
  const unreadWith = { unfollowed: 'it uses a WITH clause this reading does not follow' };
  let at = isKeyword(tokens[1], 'recursive') ? 2 : 1;
  for (;;) {
    const name = tokens[at++];
    if (!isName(name)) return unreadWith;
    let columns: string[] = [];
    if (isPunct(tokens[at], '(')) {
      const close = closingParen(tokens, at);
      const names = splitTopLevel(tokens.slice(at + 1, close), (token) => isPunct(token, ','));
      if (close < 0 || !names.every((part) => part.length === 1 && isName(part[0]))) return unreadWith;
      columns = names.map((part) => (part[0] as Extract<Token, { kind: 'word' }>).text.toLowerCase());
      at = close + 1;
    }
    if (!isKeyword(tokens[at++], 'as')) return unreadWith;
    if (isKeyword(tokens[at], 'not')) at++;
    if (
      tokens[at]?.kind === 'word' &&
      (tokens[at] as Extract<Token, { kind: 'word' }>).text.toLowerCase() === 'materialized'
    )
      at++;
    const close = isPunct(tokens[at], '(') ? closingParen(tokens, at) : -1;
    if (close < 0) return unreadWith;
    const body = tokens.slice(at + 1, close);
    const cteName = name.text.toLowerCase();
    // A recursive query's columns feed themselves: beyond this reading. Like a subquery in FROM, a
    // body it cannot read (a VALUES list) is an opaque source, not a reason to read the whole statement approximately.
    const isRecursive = body.some((token) => isName(token) && token.text.toLowerCase() === cteName);
    const query = isRecursive ? { unfollowed: 'it uses a recursive WITH' } : readQuery(body);
    ctes.push({
      name: cteName,
      columns,
      ...(isUnfollowed(query) ? { opaque: opaqueSource(query, body) } : { query }),
    });
    at = close + 1;
    if (!isPunct(tokens[at], ',')) return { ctes, bodyAt: at };
    at++;
  }
}

/** A whole query: its CTEs, then SELECTs joined by UNION [ALL], INTERSECT or EXCEPT. */
function readQuery(tokens: readonly Token[]): QueryLineage | Unfollowed {
  const withs = readCtes(tokens);
  if (isUnfollowed(withs)) return withs;
  const selects: SelectLineage[] = [];
  const filters: SelectLineage[] = [];
  let part: Token[] = [];
  let joinedBy: CompoundOperator | undefined;
  let depth = 0;
  const body = tokens.slice(withs.bodyAt);
  const isCompound = splitTopLevel(body, (token) => isKeyword(token, 'union', 'intersect', 'except')).length > 1;
  const finish = (): Unfollowed | undefined => {
    // Rows of VALUES in a compound (`UNION ALL VALUES ('none', NULL)`, or before its first SELECT) are its SELECTs.
    const isRows = isKeyword(part[0], 'values') && isCompound;
    const read = isRows ? valuesRowsAsSelects(part) : readSelect(part);
    if (isUnfollowed(read)) return read;
    // Rows of one VALUES list are as many SELECTs of one row each, joined as by UNION ALL.
    const joined = (Array.isArray(read) ? read : [read]).map((select, row) => {
      const operator = row === 0 ? joinedBy : 'union all';
      return operator ? { ...select, joinedBy: operator } : select;
    });
    (joinedBy === 'except' ? filters : selects).push(...joined);
  };
  for (let at = 0; at < body.length; at++) {
    const token = body[at] as Token;
    depth += nesting(token);
    if (depth !== 0 || !isKeyword(token, 'union', 'intersect', 'except')) {
      part.push(token);
      continue;
    }
    const unfollowed = finish();
    if (unfollowed) return unfollowed;
    part = [];
    const operator = (token as Extract<Token, { kind: 'word' }>).text.toLowerCase() as CompoundOperator;
    joinedBy = operator === 'union' && isKeyword(body[at + 1], 'all') ? 'union all' : operator;
    if (isKeyword(body[at + 1], 'all', 'distinct')) at++;
  }
  return finish() ?? { ctes: withs.ctes, selects, filters, ...(limitsToOneRow(body) && { isOneRow: true }) };
}

/**
 * `VALUES (a, b), (c, d)` as a SELECT of each row (`SELECT a AS column1, b AS column2`, …), as a
 * UNION reads them: each value feeds the column at its place, named as SQLite names VALUES'
 * columns. Anything after the last row (an ORDER BY) is not followed.
 */
function valuesRowsAsSelects(tokens: readonly Token[]): SelectLineage[] | Unfollowed {
  const unfollowed = { unfollowed: 'it uses VALUES' };
  const selects: SelectLineage[] = [];
  for (const row of splitTopLevel(tokens.slice(1), (token) => isPunct(token, ','))) {
    if (!isPunct(row[0], '(') || closingParen(row, 0) !== row.length - 1) return unfollowed;
    const select = readSelect([{ kind: 'word', text: 'SELECT', isAlwaysName: false }, ...row.slice(1, -1)]);
    if (isUnfollowed(select)) return select;
    const outputs = select.outputs.map((output, at) =>
      output.kind === 'value' ? { ...output, name: `column${at + 1}` } : output,
    );
    selects.push({ ...select, outputs });
  }
  return selects.length > 0 ? selects : unfollowed;
}

/** Whether a query's last top-level LIMIT is `LIMIT 1` or `LIMIT 0` (an OFFSET after it aside). */
function limitsToOneRow(tokens: readonly Token[]): boolean {
  const limitAt = lastTopLevelKeyword(tokens, 'limit');
  const [count, after] = limitAt < 0 ? [] : tokens.slice(limitAt + 1);
  const isCount = count?.kind === 'literal' && count.number !== undefined && Number(count.number) <= 1;
  return isCount && (after === undefined || isKeyword(after, 'offset'));
}

/** The index of the last `word` outside parentheses and CASE … END, or -1. */
function lastTopLevelKeyword(tokens: readonly Token[], word: string): number {
  let depth = 0;
  let found = -1;
  tokens.forEach((token, at) => {
    depth += nesting(token);
    if (depth === 0 && isKeyword(token, word)) found = at;
  });
  return found;
}

/**
 * A column whose qualifier names no table its SELECT reads, nor one of a query around it
 * (`aliasesAround`): what it means cannot be told, so the statement is read approximately.
 */
function strayQualifier(query: QueryLineage, aliasesAround: ReadonlySet<string> = new Set()): Unfollowed | undefined {
  const inCtes = query.ctes.flatMap((cte) => ('query' in cte ? [cte.query] : []));
  for (const inner of inCtes) {
    const stray = strayQualifier(inner, aliasesAround);
    if (stray) return stray;
  }
  for (const select of [...query.selects, ...query.filters]) {
    const aliases = new Set([
      ...aliasesAround,
      ...select.tables.keys(),
      ...select.subqueries.keys(),
      ...(select.opaque?.keys() ?? []),
    ]);
    const refs = [
      ...select.outputs.flatMap((output) =>
        output.kind === 'value' ? output.refs : output.qualifier ? [{ qualifier: output.qualifier, column: '*' }] : [],
      ),
      ...select.conditions,
      ...select.grouping,
    ];
    const stray = refs.find((ref) => ref.qualifier !== undefined && !aliases.has(ref.qualifier));
    if (stray) {
      return {
        unfollowed: `it names '${stray.qualifier}.${stray.column}', and no table it reads is called '${stray.qualifier}'`,
      };
    }
    const nested = [
      ...[...select.subqueries.values()].map((subquery) => ({ subquery, around: aliasesAround })),
      ...[
        ...select.outputs.flatMap((output) => (output.kind === 'value' ? (output.subqueries ?? []) : [])),
        ...select.conditionSubqueries,
      ].map((subquery) => ({ subquery, around: aliases })),
    ];
    for (const { subquery, around } of nested) {
      const strayInside = strayQualifier(subquery, around);
      if (strayInside) return strayInside;
    }
  }
  return undefined;
}

/** The lower-cased names among tokens. */
function namesIn(tokens: readonly Token[]): Set<string> {
  return new Set(tokens.flatMap((token) => (isName(token) ? [token.text.toLowerCase()] : [])));
}

function opaqueSource({ unfollowed }: Unfollowed, tokens: readonly Token[]): OpaqueSource {
  return { reason: unfollowed, identifiers: namesIn(tokens) };
}

/**
 * The opaque sources of a query and of every query in it, in the order they are written. One in a
 * value or a condition may name the columns of the query around it by its aliases (`(SELECT column2
 * FROM (VALUES (1, c.email)))`): the tables those aliases stand for are named in it too.
 */
function opaqueSources(query: QueryLineage, tablesAround: ReadonlyMap<string, string> = new Map()): OpaqueSource[] {
  const ofSelect = (select: SelectLineage): OpaqueSource[] => {
    const tablesHere = new Map([...tablesAround, ...select.tables]);
    return [
      ...[...select.subqueries.values()].flatMap((subquery) => opaqueSources(subquery, tablesAround)),
      ...[...(select.opaque?.values() ?? [])].map((source) => withAliasedTables(source, tablesAround)),
      ...[
        ...select.outputs.flatMap((output) => (output.kind === 'value' ? (output.subqueries ?? []) : [])),
        ...select.conditionSubqueries,
      ].flatMap((subquery) => opaqueSources(subquery, tablesHere)),
    ];
  };
  return [
    ...query.ctes.flatMap((cte) =>
      'opaque' in cte ? [withAliasedTables(cte.opaque, tablesAround)] : opaqueSources(cte.query, tablesAround),
    ),
    ...[...query.selects, ...query.filters].flatMap(ofSelect),
  ];
}

/** An opaque source whose identifiers also hold the name of each table it names by an alias. */
function withAliasedTables(source: OpaqueSource, tables: ReadonlyMap<string, string>): OpaqueSource {
  const aliased = [...source.identifiers].flatMap((identifier) => {
    const table = tables.get(identifier);
    return table ? [table] : [];
  });
  return { ...source, identifiers: new Set([...source.identifiers, ...aliased]) };
}

export function readSqlLineage(sql: string): SqlLineage {
  const tokens = tokenize(sql).filter((token) => !isPunct(token, ';'));
  const identifiers = namesIn(tokens);
  if (!parsesAsOneQuery(sql)) {
    return {
      identifiers,
      approximateBecause: 'it does not parse as one query',
      unfollowedIdentifiers: identifiers,
      isOneQuery: false,
    };
  }
  const read = readQuery(tokens);
  const query = isUnfollowed(read) ? read : (strayQualifier(read) ?? read);
  if (isUnfollowed(query)) {
    return { identifiers, approximateBecause: query.unfollowed, unfollowedIdentifiers: identifiers, isOneQuery: true };
  }
  const opaque = opaqueSources(query);
  return {
    query,
    identifiers,
    ...(opaque[0] && { approximateBecause: opaque[0].reason }),
    unfollowedIdentifiers: new Set(opaque.flatMap((source) => [...source.identifiers])),
    isOneQuery: true,
  };
}

const lineages = new Memo<string, SqlLineage>();

/** `readSqlLineage`, remembered by text: a mesh re-validated on every edit reads each SQL once. */
export function sqlLineageOf(sql: string): SqlLineage {
  return lineages.get(sql, [], () => readSqlLineage(sql));
}
