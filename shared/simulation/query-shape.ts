import { endsExpressionAt, isContextualName, isSqlKeyword, isSqlKeywordAt } from './sql-keywords';
import { sqlNameKey } from './sql-text';
import { isKeyword, type SqlToken, sqlTokens } from './sql-tokens';

/**
 * The shape of one plain SELECT, read from SQLite's tokens: its output items, the tables it
 * joins and how, and its grouping and window partitions. Only what incremental recomputation
 * needs; a query outside that shape gets the reason instead.
 */
export interface QueryShape {
  items: SqlToken[][];
  from: FromTable[];
  groupBy?: SqlToken[][];
  /** The PARTITION BY lists of its window functions. */
  partitions: SqlToken[][][];
  /** Whether an aggregate function appears outside a window. */
  aggregates: boolean;
  /** Whether a WHERE or HAVING clause may drop rows. */
  filters: boolean;
  /** Whether a HAVING clause filters groups. */
  having: boolean;
  /** Whether it is a SELECT DISTINCT. */
  distinct: boolean;
  /** Its FROM and WHERE clauses, as written: the rows before grouping. */
  source: string;
  /** Where `source` starts in the query. */
  sourceStart: number;
  /** The WHERE clause's condition, if it has one. */
  where?: SqlToken[];
  /**
   * The names of the CTEs SQLite evaluates: those the query reads, directly or through another
   * CTE. It never evaluates the others, not even to check them.
   */
  ctes: string[];
  /** Its WITH clause as written (empty without one): what a query reading its CTEs starts with. */
  withClause: string;
  /**
   * The tables its subqueries and evaluated CTEs read (`IN (SELECT ...)`, `EXISTS (...)`, a scalar
   * subquery, a CTE's query), as written; the CTEs themselves are not tables.
   */
  subqueryTables: string[];
  /** Every token of the query. */
  tokens: SqlToken[];
}

export interface FromTable {
  table: string;
  /** Where the table's name starts in the query. */
  nameStart: number;
  alias: string;
  join: 'first' | 'inner' | 'left';
  on: SqlToken[];
  /**
   * The columns of a `USING (...)` join, its `on` left empty: SQLite reads it as `ON
   * left.column = table.column AND ...`, `left` the first table before it that has the column.
   */
  using?: string[];
  /** An inner join without ON or USING (a comma, CROSS JOIN or JOIN alone): its condition is in the WHERE clause. */
  isConditionInWhere?: true;
  /** A NATURAL join: USING every column it shares with the tables before it. */
  isNatural?: true;
}

export type ShapeReading = { ok: true; shape: QueryShape } | { ok: false; reason: string };

const CLAUSES = ['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT'];
const AGGREGATES = new Set([
  'COUNT',
  'SUM',
  'TOTAL',
  'AVG',
  'MIN',
  'MAX',
  'GROUP_CONCAT',
  'STRING_AGG',
  'JSON_GROUP_ARRAY',
  'JSON_GROUP_OBJECT',
]);
/** Aggregates that are scalar functions when called with more than one argument. */
const SCALAR_WITH_MORE_ARGUMENTS = new Set(['MIN', 'MAX']);

/** Whether the FROM at `index` is the end of an `IS [NOT] DISTINCT FROM` comparison, not a clause. */
function isDistinctFrom(tokens: readonly SqlToken[], index: number): boolean {
  return isKeyword(tokens[index], 'FROM') && isKeyword(tokens[index - 1], 'DISTINCT');
}

export function readQueryShape(select: string): ShapeReading {
  const tokens = sqlTokens(select);
  const depths = depthsOf(tokens);
  const atTop = (index: number, ...words: string[]) =>
    depths[index] === 0 && isKeyword(tokens[index], ...words) && !isDistinctFrom(tokens, index);
  const ctes = readCtes(tokens, depths);
  if (typeof ctes === 'string') return refuse(ctes);
  const selectStart = ctes.selectStart;
  if (!isKeyword(tokens[selectStart], 'SELECT')) return refuse('it does not start with SELECT (a VALUES query)');
  if (tokens.some((_, index) => atTop(index, 'UNION', 'INTERSECT', 'EXCEPT'))) return refuse('it is a compound SELECT');
  if (tokens.some((_, index) => atTop(index, 'LIMIT'))) return refuse('it has a LIMIT');

  const clauseStart = (word: string) => tokens.findIndex((_, index) => atTop(index, word));
  const clauseEnd = (start: number) => {
    const next = tokens.findIndex((_, index) => index > start && atTop(index, ...CLAUSES));
    return next === -1 ? tokens.length : next;
  };
  const fromStart = clauseStart('FROM');
  if (fromStart === -1) return refuse('it reads no table');
  const itemsStart = selectStart + (isKeyword(tokens[selectStart + 1], 'DISTINCT', 'ALL') ? 2 : 1);
  const items = splitAtTopCommas(tokens, depths, itemsStart, fromStart).map(withoutAlias);
  const from = readFrom(tokens, depths, fromStart + 1, clauseEnd(fromStart));
  if (typeof from === 'string') return refuse(from);
  const subqueryReads = tablesOfSubqueries(tokens, depths, selectStart, tokens.length);
  if (typeof subqueryReads === 'string') return refuse(subqueryReads);
  const evaluated = evaluatedCtes(ctes.ctes, [...from.map((read) => read.table), ...subqueryReads]);
  if (typeof evaluated === 'string') return refuse(evaluated);
  const isCte = (table: string) => evaluated.some((cte) => sameName(cte.name, table));
  const tablesRead = [...new Set([...evaluated.flatMap((cte) => cte.reads), ...subqueryReads])];
  const groupStart = clauseStart('GROUP');
  const groupBy =
    groupStart === -1 ? undefined : splitAtTopCommas(tokens, depths, groupStart + 2, clauseEnd(groupStart));
  const partitions = windowPartitions(tokens, depths);
  if (typeof partitions === 'string') return refuse(partitions);
  const having = clauseStart('HAVING') !== -1;
  const whereStart = clauseStart('WHERE');
  const sourceEnd = tokens.findIndex(
    (_, index) => index > fromStart && atTop(index, 'GROUP', 'HAVING', 'WINDOW', 'ORDER'),
  );
  const lastSourceToken = tokens[(sourceEnd === -1 ? tokens.length : sourceEnd) - 1] as SqlToken;
  return {
    ok: true,
    shape: {
      items,
      from,
      groupBy,
      partitions,
      aggregates: hasAggregates(tokens),
      filters: whereStart !== -1 || having,
      having,
      distinct: isKeyword(tokens[selectStart + 1], 'DISTINCT'),
      source: select.slice((tokens[fromStart] as SqlToken).start, lastSourceToken.end),
      sourceStart: (tokens[fromStart] as SqlToken).start,
      ...(whereStart !== -1 && { where: tokens.slice(whereStart + 1, clauseEnd(whereStart)) }),
      ctes: evaluated.map((cte) => cte.name),
      withClause: select.slice(0, (tokens[selectStart] as SqlToken).start),
      subqueryTables: tablesRead.filter((table) => !isCte(table)),
      tokens,
    },
  };
}

function refuse(reason: string): ShapeReading {
  return { ok: false, reason };
}

function depthsOf(tokens: readonly SqlToken[]): number[] {
  let depth = 0;
  return tokens.map((token) => {
    if (token.kind === 'symbol' && token.text === ')') depth -= 1;
    const current = depth;
    if (token.kind === 'symbol' && token.text === '(') depth += 1;
    return current;
  });
}

function splitAtTopCommas(
  tokens: readonly SqlToken[],
  depths: readonly number[],
  start: number,
  end: number,
): SqlToken[][] {
  const parts: SqlToken[][] = [[]];
  for (let index = start; index < end; index++) {
    const token = tokens[index] as SqlToken;
    if (depths[index] === depths[start] && token.kind === 'symbol' && token.text === ',') parts.push([]);
    else parts.at(-1)?.push(token);
  }
  return parts.filter((part) => part.length > 0);
}

/** A select item without its alias: `expr AS name` or `expr name`. */
function withoutAlias(item: SqlToken[]): SqlToken[] {
  const last = item.at(-1);
  const before = item.at(-2);
  const isAlias = last?.kind === 'quoted' || (last?.kind === 'word' && !isSqlKeywordAt(item, item.length - 1));
  if (!before || !isAlias) return item;
  if (isKeyword(before, 'AS')) return item.slice(0, -2);
  return endsExpressionAt(item, item.length - 2) ? item.slice(0, -1) : item;
}

/** How a table is joined as written: a RIGHT JOIN is read as the LEFT JOIN it equals. */
type WrittenJoin = FromTable['join'] | 'right';

/**
 * `t [AS] a { [NATURAL] [INNER | LEFT [OUTER]] JOIN t [AS] a ON ... | USING (...) }`, and inner
 * joins (`, t [AS] a`, `CROSS JOIN`, `JOIN`) without ON, their condition in the WHERE clause. A
 * first join `a RIGHT [OUTER] JOIN b ON ...` is read as `b LEFT JOIN a ON ...`, the same rows.
 * Anything else is a reason.
 */
function readFrom(tokens: SqlToken[], depths: number[], start: number, end: number): FromTable[] | string {
  const tables: FromTable[] = [];
  let index = start;
  let join: WrittenJoin = 'first';
  let isNatural = false;
  while (index < end) {
    const name = tokens[index] as SqlToken;
    if (name.kind === 'symbol') return 'it reads a subquery, a value list or joins in parentheses';
    if (name.kind !== 'word' && name.kind !== 'quoted') return 'its FROM clause is not a list of tables';
    const after = tokens[index + 1];
    if (after?.kind === 'symbol' && (after.text === '.' || after.text === '(')) {
      return 'it reads a table of another schema or a table-valued function';
    }
    index += 1;
    let alias = name.text;
    if (isKeyword(tokens[index], 'AS')) index += 1;
    const candidate = tokens[index];
    if (
      index < end &&
      candidate &&
      (candidate.kind === 'quoted' || (candidate.kind === 'word' && !isSqlKeyword(candidate)))
    ) {
      alias = candidate.text;
      index += 1;
    }
    const on: SqlToken[] = [];
    let using: string[] | undefined;
    if (join === 'right' && !isKeyword(tokens[index], 'ON')) {
      return `it right-joins '${name.text}' without an ON condition`;
    }
    if (join !== 'first' && isKeyword(tokens[index], 'USING')) {
      const close = tokens.findIndex((token, at) => at > index && depths[at] === 0 && token.text === ')');
      using = splitAtTopCommas(tokens, depths, index + 2, close).map((column) => (column[0] as SqlToken).text);
      index = close + 1;
    } else if (
      !isNatural &&
      (join === 'left' || join === 'right' || (join === 'inner' && isKeyword(tokens[index], 'ON')))
    ) {
      if (!isKeyword(tokens[index], 'ON')) return `it left-joins '${name.text}' without an ON condition`;
      index += 1;
      while (index < end && !(depths[index] === 0 && isJoinStart(tokens[index]))) on.push(tokens[index++] as SqlToken);
    }
    const isConditionInWhere = join === 'inner' && on.length === 0 && !using && !isNatural;
    const table = { table: name.text, nameStart: name.start, alias, on };
    if (join === 'right') {
      const left = tables.pop() as FromTable;
      tables.push({ ...table, join: 'first', on: [] }, { ...left, join: 'left', on });
    } else {
      tables.push({
        ...table,
        join,
        ...(using && { using }),
        ...(isConditionInWhere && { isConditionInWhere }),
        ...(isNatural && { isNatural }),
      });
    }
    if (index >= end) break;
    isNatural = isKeyword(tokens[index], 'NATURAL');
    const operator = joinOperator(tokens, isNatural ? index + 1 : index);
    if (typeof operator === 'string') return operator;
    if (operator.join === 'right' && (tables.length > 1 || isNatural)) {
      return 'it has a RIGHT JOIN other than its first join, or a NATURAL one';
    }
    join = operator.join;
    index = operator.next;
  }
  return tables;
}

/**
 * The join operator at `index`: an inner join (a comma, `CROSS JOIN`, `[INNER] JOIN`),
 * `LEFT [OUTER] JOIN` or `RIGHT [OUTER] JOIN`; `next` is the index after it.
 */
function joinOperator(tokens: readonly SqlToken[], index: number): { join: WrittenJoin; next: number } | string {
  const word = tokens[index] as SqlToken;
  const joinAfter = (join: WrittenJoin, words: number) =>
    isKeyword(tokens[index + words], 'JOIN')
      ? { join, next: index + words + 1 }
      : 'its FROM clause is not a list of tables';
  if (word.kind === 'symbol' && word.text === ',') return { join: 'inner', next: index + 1 };
  if (isKeyword(word, 'JOIN')) return joinAfter('inner', 0);
  if (isKeyword(word, 'CROSS', 'INNER')) return joinAfter('inner', 1);
  if (isKeyword(word, 'LEFT', 'RIGHT')) {
    return joinAfter(isKeyword(word, 'LEFT') ? 'left' : 'right', isKeyword(tokens[index + 1], 'OUTER') ? 2 : 1);
  }
  return `it joins with ${word.text} (only JOIN, INNER JOIN, LEFT JOIN, a first RIGHT JOIN, CROSS JOIN, NATURAL joins and commas are recomputed by key)`;
}

/** `select` with `cte` (`name AS (...)`) before the CTEs of its WITH clause, if it has one. */
export function withFirstCte(select: string, cte: string): string {
  const [first] = sqlTokens(select);
  if (!isKeyword(first, 'WITH')) return `WITH ${cte}\n${select}`;
  const end = (first as SqlToken).end;
  return `${select.slice(0, end)} ${cte},${select.slice(end)}`;
}

/** A compound query's text before its first EXCEPT, WITH clause included: the rows the EXCEPT takes from; undefined without one. */
export function beforeFirstExcept(select: string): string | undefined {
  const tokens = sqlTokens(select);
  const depths = depthsOf(tokens);
  const except = tokens.find((token, index) => depths[index] === 0 && isKeyword(token, 'EXCEPT'));
  return except && select.slice(0, except.start);
}

/** A token written by the engine, found nowhere in the query. */
export function madeToken(kind: SqlToken['kind'], text: string): SqlToken {
  return { kind, text, start: -1, end: -1 };
}

/** Conditions joined by AND, as one condition's tokens. */
export function conjunction(terms: readonly SqlToken[][]): SqlToken[] {
  const and = madeToken('word', 'AND');
  return terms.flatMap((term, index) => (index > 0 ? [and, ...term] : term));
}

function isJoinStart(token: SqlToken | undefined): boolean {
  return (
    isKeyword(token, 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL') ||
    (token?.kind === 'symbol' && token.text === ',')
  );
}

/** A CTE and the tables its query reads, or why they cannot be told. */
interface Cte {
  name: string;
  reads: string[] | string;
}

/**
 * The CTEs of a leading `WITH name [(columns)] AS [[NOT] MATERIALIZED] (...), ...` and where the
 * SELECT after them starts; a recursive CTE is a reason.
 */
function readCtes(
  tokens: readonly SqlToken[],
  depths: readonly number[],
): { ctes: Cte[]; selectStart: number } | string {
  const ctes: Cte[] = [];
  if (!isKeyword(tokens[0], 'WITH')) return { ctes, selectStart: 0 };
  if (isKeyword(tokens[1], 'RECURSIVE')) return 'it has a recursive CTE';
  let index = 1;
  while (index < tokens.length) {
    const name = (tokens[index] as SqlToken).text;
    // Past the column list, AS and MATERIALIZED to the query's closing parenthesis, then past a comma.
    const open = tokens.findIndex((token, at) => at > index && depths[at] === 0 && isKeyword(token, 'AS'));
    const body = tokens.findIndex((token, at) => at > open && token.kind === 'symbol' && token.text === '(');
    const close = tokens.findIndex((token, at) => at > body && depths[at] === 0 && token.text === ')');
    if (open === -1 || body === -1 || close === -1) return 'its WITH clause is not a list of CTEs';
    ctes.push({ name, reads: tablesOfSubqueries(tokens, depths, body, close) });
    if (tokens[close + 1]?.text !== ',') return { ctes, selectStart: close + 1 };
    index = close + 2;
  }
  return 'its WITH clause is not a list of CTEs';
}

/**
 * The CTEs SQLite evaluates, in WITH order: those named in `reads` (the main query's tables) and
 * those an evaluated CTE reads, whichever CTE of the WITH clause defines them.
 */
function evaluatedCtes(ctes: readonly Cte[], reads: readonly string[]): { name: string; reads: string[] }[] | string {
  const evaluated = new Map<Cte, string[]>();
  const pending = [...reads];
  // Iterating `pending` also visits what is pushed onto it.
  for (const table of pending) {
    const cte = ctes.find((candidate) => sameName(candidate.name, table));
    if (!cte || evaluated.has(cte)) continue;
    if (typeof cte.reads === 'string') return cte.reads;
    evaluated.set(cte, cte.reads);
    pending.push(...cte.reads);
  }
  return ctes.flatMap((cte) => {
    const cteReads = evaluated.get(cte);
    return cteReads ? [{ name: cte.name, reads: cteReads }] : [];
  });
}

/**
 * The tables the subqueries between `start` and `end` read: each name after FROM, JOIN or a comma
 * in a subquery's FROM clause, a subquery's subqueries included, and each `IN table`. A table of
 * another schema or a table-valued function there is a reason.
 */
function tablesOfSubqueries(
  tokens: readonly SqlToken[],
  depths: readonly number[],
  start: number,
  end: number,
): string[] | string {
  const namesAfter: number[] = [];
  for (let index = start; index < end; index++) {
    const token = tokens[index] as SqlToken;
    if (isKeyword(token, 'IN')) namesAfter.push(index);
    const depth = depths[index] as number;
    if (depth === 0 || !isKeyword(token, 'FROM') || isDistinctFrom(tokens, index)) continue;
    for (let at = index; at < tokens.length && (depths[at] as number) >= depth; at++) {
      const word = tokens[at] as SqlToken;
      if (depths[at] !== depth) continue;
      if (at > index && isKeyword(word, ...CLAUSES, 'UNION', 'INTERSECT', 'EXCEPT')) break;
      if (isKeyword(word, 'FROM', 'JOIN') || (word.kind === 'symbol' && word.text === ',')) namesAfter.push(at);
    }
  }
  const tables: string[] = [];
  for (const at of namesAfter) {
    const name = tokens[at + 1];
    // A subquery (in FROM or after IN) has FROM clauses of its own, read in their turn.
    if (!name || (name.kind !== 'word' && name.kind !== 'quoted')) continue;
    const after = tokens[at + 2];
    if (after?.kind === 'symbol' && (after.text === '.' || after.text === '(')) {
      return 'a subquery or CTE reads a table of another schema or a table-valued function';
    }
    tables.push(name.text);
  }
  return [...new Set(tables)];
}

/** For each token, whether it is inside a subquery, `(SELECT ...)` or `(WITH ...)`, its parentheses included. */
function subqueryMask(tokens: readonly SqlToken[]): boolean[] {
  let depth = 0;
  let subqueryDepth: number | undefined;
  return tokens.map((token, index) => {
    const isSymbol = token.kind === 'symbol';
    if (isSymbol && token.text === '(') {
      if (subqueryDepth === undefined && isKeyword(tokens[index + 1], 'SELECT', 'WITH')) subqueryDepth = depth;
      depth += 1;
    }
    const isInside = subqueryDepth !== undefined;
    if (isSymbol && token.text === ')') {
      depth -= 1;
      if (depth === subqueryDepth) subqueryDepth = undefined;
    }
    return isInside;
  });
}

/** The expressions a window is partitioned by. */
type Partition = SqlToken[][];

/**
 * Each window's PARTITION BY outside subqueries, written in `OVER (…)` or named in the WINDOW
 * clause (`OVER w`, `OVER (w ORDER BY …)`); a window without a partition is a reason.
 */
function windowPartitions(tokens: SqlToken[], depths: number[]): Partition[] | string {
  const isInSubquery = subqueryMask(tokens);
  const named = namedWindows(tokens, depths, isInSubquery);
  if (typeof named === 'string') return named;
  const partitions: Partition[] = [];
  for (let index = 0; index < tokens.length; index++) {
    if (isInSubquery[index] || !isKeyword(tokens[index], 'OVER')) continue;
    const partition = windowPartition(tokens, depths, index + 1, named);
    if (typeof partition === 'string') return partition;
    partitions.push(partition);
  }
  return partitions;
}

/** The windows the WINDOW clause names (`WINDOW w AS (…), v AS (w …)`), by name in lower case. */
function namedWindows(tokens: SqlToken[], depths: number[], isInSubquery: boolean[]): Map<string, Partition> | string {
  const named = new Map<string, Partition>();
  const clause = tokens.findIndex(
    (token, index) => depths[index] === 0 && !isInSubquery[index] && isKeyword(token, 'WINDOW'),
  );
  if (clause === -1) return named;
  let index = clause + 1;
  while (tokens[index]?.kind === 'word' || tokens[index]?.kind === 'quoted') {
    const name = tokens[index] as SqlToken;
    if (!isKeyword(tokens[index + 1], 'AS')) return `its WINDOW clause does not define '${name.text}' AS a window`;
    const partition = windowPartition(tokens, depths, index + 2, named);
    if (typeof partition === 'string') return partition;
    named.set(name.text.toLowerCase(), partition);
    index = closingParenthesis(tokens, index + 2) + 1;
    if (tokens[index]?.text !== ',') break;
    index += 1;
  }
  return named;
}

/** The partition of the window at `at`: a window's name, or `(` and a definition that may start with one. */
function windowPartition(
  tokens: SqlToken[],
  depths: number[],
  at: number,
  named: ReadonlyMap<string, Partition>,
): Partition | string {
  const open = tokens[at];
  const isDefinition = open?.kind === 'symbol' && open.text === '(';
  const name = isDefinition ? tokens[at + 1] : open;
  const isName =
    name?.kind === 'quoted' ||
    (name?.kind === 'word' && !isKeyword(name, 'PARTITION', 'ORDER', 'ROWS', 'RANGE', 'GROUPS'));
  if (name && isName) {
    return named.get(name.text.toLowerCase()) ?? `it uses the window '${name.text}', which no WINDOW clause defines`;
  }
  if (!(isDefinition && isKeyword(tokens[at + 1], 'PARTITION') && isKeyword(tokens[at + 2], 'BY'))) {
    return 'a window function spans the whole result (no PARTITION BY)';
  }
  const depth = (depths[at] as number) + 1;
  let end = at + 3;
  while (
    end < tokens.length &&
    !(depths[end] === depth - 1 && tokens[end]?.text === ')') &&
    !(
      depths[end] === depth &&
      isKeyword(tokens[end], 'ORDER', 'ROWS', 'RANGE', 'GROUPS') &&
      !isContextualName(tokens, end)
    )
  ) {
    end += 1;
  }
  return splitAtTopCommas(tokens, depths, at + 3, end);
}

/**
 * An aggregate call (`count(`, `sum(`...) that is not a window function, nor in a subquery, nor
 * `max(a, b)` or `min(a, b)`: with more than one argument, those are SQLite's scalar functions.
 */
export function hasAggregates(tokens: readonly SqlToken[]): boolean {
  const isInSubquery = subqueryMask(tokens);
  const depths = depthsOf(tokens);
  return tokens.some((token, index) => {
    if (isInSubquery[index] || token.kind !== 'word' || !AGGREGATES.has(token.text.toUpperCase())) return false;
    if (tokens[index + 1]?.text !== '(') return false;
    const close = closingParenthesis(tokens, index + 1);
    const canBeScalar = SCALAR_WITH_MORE_ARGUMENTS.has(token.text.toUpperCase());
    if (canBeScalar && splitAtTopCommas(tokens, depths, index + 2, close).length > 1) return false;
    let after = close + 1;
    // `sum(x) FILTER (WHERE …) OVER (…)` is a window function too.
    if (isKeyword(tokens[after], 'FILTER') && tokens[after + 1]?.text === '(') {
      after = closingParenthesis(tokens, after + 1) + 1;
    }
    return !isKeyword(tokens[after], 'OVER');
  });
}

/** The index of the parenthesis that closes the one at `open`, or past the end when none does. */
function closingParenthesis(tokens: readonly SqlToken[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    const text = tokens[index]?.text;
    if (text === '(') depth += 1;
    else if (text === ')' && --depth === 0) return index;
  }
  return tokens.length;
}

/** Whether two names are one to SQLite, which reads them case-insensitively. */
export function sameName(a: string, b: string): boolean {
  return sqlNameKey(a) === sqlNameKey(b);
}

/** Token texts compared as SQLite compares names: words case-insensitively. */
export function sameTokens(a: readonly SqlToken[], b: readonly SqlToken[]): boolean {
  return a.length === b.length && a.every((token, index) => normalized(token) === normalized(b[index] as SqlToken));
}

function normalized(token: SqlToken): string {
  return token.kind === 'word' || token.kind === 'quoted'
    ? `n:${token.text.toLowerCase()}`
    : `${token.kind}:${token.text}`;
}
