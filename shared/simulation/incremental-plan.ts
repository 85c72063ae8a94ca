import {
  conjunction,
  type FromTable,
  hasAggregates,
  madeToken,
  type QueryShape,
  readQueryShape,
  sameName,
  sameTokens,
} from './query-shape';
import { isSqlKeyword, isSqlKeywordAt } from './sql-keywords';
import { quoteIdentifier } from './sql-text';
import type { SqlToken } from './sql-tokens';

/**
 * How a transformation's result can be recomputed for the rows a tick touched. The result is cut
 * into units by output columns computed from the first table's rows alone (the anchor), and that
 * every GROUP BY and window PARTITION BY includes: a unit's rows then depend only on its anchor
 * rows and the rows joined to them. Each other table joins the anchor or tables joined before it,
 * so a change of one of its rows maps to units through the ON conditions back to the anchor.
 */
export interface IncrementalPlan {
  anchor: { table: string; alias: string };
  /**
   * The unit's output column, its expression over the anchor (as written) and, when it is one, the
   * anchor column. None when the result is kept by `aggregation` instead.
   */
  units: { column: string; expression: string; anchorColumn?: string }[];
  /**
   * Each joined table, with those of its columns the query reads, and `lookup`: those its ON
   * condition equates with another table's column, by which a unit finds its joined rows. Its ON
   * terms that read the joined table alone are its `filter` (`o.status <> 'cancelled'`), the
   * others its `on`: a change of a joined row touches no unit when both its images fail the
   * filter, or both pass it alike in `changeColumns`, the columns read outside the filter. `via`
   * are the tables its `on` reaches the anchor through (`orders` for a line's customer), in FROM
   * order, each with its whole ON condition.
   */
  joined: {
    table: string;
    alias: string;
    on: string;
    via: { table: string; alias: string; on: string }[];
    filter?: string;
    columns: string[];
    changeColumns: string[];
    lookup: string[];
  }[];
  /** Whether every anchor row yields a result row (only LEFT JOINs, no WHERE or HAVING). */
  keepsEveryAnchorRow: boolean;
  /**
   * The step's query with each later read of the anchor's table (a self-join) qualified by its
   * schema, `node`: a CTE named after the anchor's table then cuts the anchor alone to a tick's rows.
   */
  select: string;
  /** Present when the result is kept by the groups a tick touches, not by units (see `Aggregation`). */
  aggregation?: Aggregation;
  /**
   * The tables the query's subqueries and CTEs read, when it has any: a tick that changes one
   * recomputes the whole result, as a subquery's value or a CTE's rows may change for every row.
   */
  subqueryTables?: string[];
}

/**
 * A GROUP BY whose every group column is an output column: a tick changes only the groups its rows
 * enter or leave. When the other output columns are all COUNT, SUM or TOTAL, a group's values
 * change by what those rows add, so no group is ever read whole again; otherwise the groups a
 * tick touched are recomputed from their rows.
 */
export interface Aggregation {
  /** The FROM and WHERE clauses of the plan's `select`: the rows that are grouped. */
  source: string;
  groups: { column: string; expression: string }[];
  /** The output's counts and sums, when it has nothing else. */
  aggregates?: Aggregate[];
}

/** A COUNT, SUM or TOTAL output column; `argument` is absent for COUNT(*). */
export interface Aggregate {
  column: string;
  function: AggregateFunction;
  argument?: string;
}

export type AggregateFunction = 'count' | 'sum' | 'total';

export type RecomputeMode = { incremental: true; plan: IncrementalPlan } | { incremental: false; reason: string };

export interface StepContext {
  /** The step's output columns, in select order (as SQLite names them). */
  outputColumns: readonly string[];
  /** The columns of the step's table (the contract's properties). */
  tableColumns: readonly string[];
  /** The columns of a table the step may read incrementally; undefined for any other name. */
  columnsOf(table: string): readonly string[] | undefined;
  /** The columns SQLite names in a query's result. */
  resultColumns(select: string): readonly string[];
}

export function planRecompute(select: string, stepContext: StepContext): RecomputeMode {
  const reading = readQueryShape(select);
  if (!reading.ok) return full(reading.reason);
  const { shape } = reading;
  const isCte = (table: string) => shape.ctes.some((name) => sameName(name, table));
  const context = withCteColumns(stepContext, shape, isCte);
  if (shape.items.length !== context.outputColumns.length) return full('its columns are not listed one by one');
  if (!shape.from[0]) return full('it reads no table');
  if (isCte(shape.from[0].table)) return full(`its first table is the CTE '${shape.from[0].table}'`);
  for (const table of [...shape.from.map((read) => read.table), ...shape.subqueryTables]) {
    if (!context.columnsOf(table)) return full(`it reads '${table}', which changes after it runs`);
  }
  const joinedNatural = withNaturalColumns(shape.from, context);
  if (typeof joinedNatural === 'string') return full(joinedNatural);
  const resolve = columnResolver(joinedNatural, context);
  const joinedUsing = withConditionsFromUsing(joinedNatural, context);
  if (typeof joinedUsing === 'string') return full(joinedUsing);
  const from = withConditionsFromWhere(joinedUsing, shape.where, resolve);
  const [anchor, ...joined] = from as [FromTable, ...FromTable[]];
  if (shape.subqueryTables.some((table) => sameName(table, anchor.table))) {
    return full(`a subquery or CTE reads '${anchor.table}', the table its result is cut by`);
  }
  for (const [position, table] of joined.entries()) {
    const tables = resolve(table.on);
    const isJoinedSoFar = (alias: string) => from.slice(0, position + 2).some((other) => other.alias === alias);
    if (tables === undefined || ![...tables].every(isJoinedSoFar)) {
      return full(
        `it joins '${table.table}' on a condition that reads a table joined after it, or a column it cannot tell the table of`,
      );
    }
  }
  if (shape.aggregates && !shape.groupBy) return full('it aggregates its whole input into one row');
  // A CTE changes only on ticks recomputed in full (see `subqueryTables`): only tables are followed.
  const followed = joined
    .filter((table) => !isCte(table.table))
    .map((table) => ({ table, via: pathToAnchor(table, from, resolve) }));
  for (const { table, via } of followed) {
    const cte = via.find((step) => isCte(step.table));
    if (cte) return full(`it joins '${table.table}' through the CTE '${cte.table}'`);
  }

  const scoped = scopedToAnchor(select, shape, anchor, joined);
  const names = groupNamer(from, context, resolve);
  const aggregation = planAggregation(shape, context, scoped.source, names);
  const units = shape.items.flatMap((item, index) => {
    const column = tableColumnAt(context, index);
    if (column === undefined) return [];
    const tables = resolve(item);
    const isAnchored = tables !== undefined && tables.size === 1 && tables.has(anchor.alias);
    const isGrouped = !shape.groupBy || shape.groupBy.some((group) => names(group, index, column, item));
    const isPartitioned = shape.partitions.every((list) => list.some((entry) => sameTokens(entry, item)));
    if (!isAnchored || !isGrouped || !isPartitioned) return [];
    if (item.some((token) => isSqlKeyword(token) && token.text.toUpperCase() === 'OVER')) return [];
    const [only, ...more] = withoutQualifier(item, anchor.alias);
    const anchorColumn = only && more.length === 0 && only.kind !== 'symbol' ? only.text : undefined;
    // Qualified, so it reads the anchor in the joins that find the units a change touches too.
    const expression =
      anchorColumn === undefined ? textOf(item) : `${quoteIdentifier(anchor.alias)}.${quoteIdentifier(anchorColumn)}`;
    return [{ column, expression, ...(anchorColumn !== undefined && { anchorColumn }) }];
  });
  const [unit] = units;
  // A change of a table a subquery or CTE reads may change every row: kept groups would need rebuilding.
  const keepsGroups = shape.subqueryTables.length === 0 && shape.ctes.length === 0;
  if (!unit && aggregation && !keepsGroups) {
    return full('it would keep its groups, which a change of a table a subquery or CTE reads could all change');
  }
  // Units regroup a GROUP BY of anchor columns as well, without keeping its rows.
  const kept = keepsGroups && (aggregation?.aggregates || !unit) ? aggregation : undefined;
  if (!unit && !kept) {
    return full(
      `no output column comes from '${anchor.table}' alone${shape.groupBy ? ' and is grouped by' : ''}${shape.partitions.length > 0 ? ' and partitions every window' : ''}`,
    );
  }
  // The conditions USING and NATURAL joins stand for are read too, though never written; a CTE's
  // query cannot read the main query's tables, so the WITH clause reads none of their columns.
  const mainQueryTokens = shape.tokens.filter((token) => token.start >= shape.withClause.length);
  const tokensRead = [...mainQueryTokens, ...joined.flatMap((table) => table.on)];
  return {
    incremental: true,
    plan: {
      anchor: { table: anchor.table, alias: anchor.alias },
      // One column is enough (any of them cuts the result into whole units) and keeps lookups simple.
      units: unit ? [unit] : [],
      joined: followed.map(({ table, via }) => {
        const terms = topLevelConjuncts(table.on);
        const isFilter = (term: SqlToken[]) => {
          const tables = resolve(term);
          return tables !== undefined && tables.size === 1 && tables.has(table.alias);
        };
        const filters = terms.filter(isFilter);
        const joining = terms.filter((term) => !isFilter(term));
        return {
          table: table.table,
          alias: table.alias,
          on: conditionText(joining),
          via: via.map((step) => ({
            table: step.table,
            alias: step.alias,
            on: conditionText(topLevelConjuncts(step.on)),
          })),
          ...(filters.length > 0 && { filter: filters.map(textOf).join(' AND ') }),
          columns: columnsRead(tokensRead, table, context),
          changeColumns: columnsRead(tokensRead, table, context, new Set(filters.flat())),
          lookup: lookupColumns(table, resolve, context),
        };
      }),
      keepsEveryAnchorRow: !shape.filters && joined.every((table) => table.join === 'left'),
      select: scoped.select,
      ...(kept && { aggregation: kept }),
      ...(shape.subqueryTables.length > 0 && { subqueryTables: shape.subqueryTables }),
    },
  };
}

/** The step's context, its `columnsOf` answering for the query's CTEs too (as SQLite names their columns). */
function withCteColumns(context: StepContext, shape: QueryShape, isCte: (table: string) => boolean): StepContext {
  const cteColumns = new Map<string, readonly string[]>();
  const columnsOfCte = (name: string) => {
    const known = cteColumns.get(name.toLowerCase());
    if (known) return known;
    const columns = context.resultColumns(`${shape.withClause}SELECT * FROM ${quoteIdentifier(name)}`);
    cteColumns.set(name.toLowerCase(), columns);
    return columns;
  };
  return { ...context, columnsOf: (table) => (isCte(table) ? columnsOfCte(table) : context.columnsOf(table)) };
}

/**
 * The FROM tables, each NATURAL join read as SQLite reads it: USING the columns it shares with
 * the tables before it, or, sharing none, an inner join whose condition is in the WHERE clause.
 */
function withNaturalColumns(from: readonly FromTable[], context: StepContext): FromTable[] | string {
  const read: FromTable[] = [];
  for (const table of from) {
    const shared = (context.columnsOf(table.table) ?? []).filter((column) =>
      read.some((before) => hasColumn(context.columnsOf(before.table), column)),
    );
    if (!table.isNatural) read.push(table);
    else if (shared.length > 0) read.push({ ...table, using: shared });
    else if (table.join === 'left') return `it left-joins '${table.table}' without an ON condition`;
    else read.push({ ...table, isConditionInWhere: true });
  }
  return read;
}

/**
 * The FROM tables, each joined by USING given its ON condition as SQLite reads it: each column
 * equal to the same column of the first table before it that has one.
 */
function withConditionsFromUsing(from: readonly FromTable[], context: StepContext): FromTable[] | string {
  const joined: FromTable[] = [];
  for (const [position, table] of from.entries()) {
    const terms = (table.using ?? []).map((column) => {
      const left = from.slice(0, position).find((other) => hasColumn(context.columnsOf(other.table), column));
      return (
        left && [...columnTokens(left.alias, column), madeToken('symbol', '='), ...columnTokens(table.alias, column)]
      );
    });
    if (terms.includes(undefined)) return `it joins '${table.table}' USING a column no table before it has`;
    joined.push(table.using ? { ...table, on: conjunction(terms as SqlToken[][]) } : table);
  }
  return joined;
}

/** `"alias"."column"`, as tokens. */
function columnTokens(alias: string, column: string): SqlToken[] {
  return [madeToken('quoted', alias), madeToken('symbol', '.'), madeToken('quoted', column)];
}

/**
 * The FROM tables, each inner-joined without ON (a comma, CROSS JOIN or JOIN alone) given as its ON
 * condition the WHERE terms that read it and only tables before it: for an inner join the same
 * rows, and what the plan follows from a change of its rows back to the anchor's. The WHERE clause
 * still filters them all.
 */
function withConditionsFromWhere(
  from: readonly FromTable[],
  where: readonly SqlToken[] | undefined,
  resolve: ColumnResolver,
): FromTable[] {
  const terms = topLevelConjuncts(where ?? []);
  return from.map((table, position) => {
    if (!table.isConditionInWhere) return table;
    const joinedSoFar = new Set(from.slice(0, position + 1).map((other) => other.alias));
    const isItsCondition = (term: SqlToken[]) => {
      const tables = resolve(term);
      return tables?.has(table.alias) === true && [...tables].every((alias) => joinedSoFar.has(alias));
    };
    return { ...table, on: conjunction(terms.filter(isItsCondition)) };
  });
}

/** The query and its source with `node.` before each later read of the anchor's table. */
function scopedToAnchor(select: string, shape: QueryShape, anchor: FromTable, joined: readonly FromTable[]) {
  const rereads = joined.filter((table) => sameName(table.table, anchor.table));
  const qualified = (text: string, start: number) =>
    rereads.reduceRight(
      (scoped, table) => `${scoped.slice(0, table.nameStart - start)}node.${scoped.slice(table.nameStart - start)}`,
      text,
    );
  return { select: qualified(select, 0), source: qualified(shape.source, shape.sourceStart) };
}

function planAggregation(
  shape: QueryShape,
  context: StepContext,
  source: string,
  names: GroupNamer,
): Aggregation | undefined {
  const { groupBy } = shape;
  if (!groupBy || shape.partitions.length > 0) return undefined;
  const groups: Aggregation['groups'] = [];
  const aggregates: Aggregate[] = [];
  let isSummed = !shape.having && !shape.distinct;
  for (const [index, item] of shape.items.entries()) {
    const column = tableColumnAt(context, index);
    if (column === undefined) return undefined;
    const aggregate = aggregateCall(item);
    if (aggregate) aggregates.push({ column, ...aggregate });
    else if (!hasAggregates(item) && groupBy.some((group) => names(group, index, column, item))) {
      groups.push({ column, expression: textOf(item) });
    } else isSummed = false;
  }
  // A GROUP BY entry that is no output column would split a group into rows that look alike.
  const isOutput = (group: SqlToken[]) =>
    shape.items.some((item, index) => names(group, index, context.outputColumns[index] as string, item));
  if (groups.length === 0 || !groupBy.every(isOutput)) return undefined;
  return { source, groups, ...(isSummed && { aggregates }) };
}

/** `COUNT(*)`, `COUNT(x)`, `SUM(x)` or `TOTAL(x)` as the whole item, without DISTINCT, FILTER or OVER. */
function aggregateCall(item: readonly SqlToken[]): Omit<Aggregate, 'column'> | undefined {
  const [name, open, ...rest] = item;
  const close = rest.pop();
  const called = name?.kind === 'word' ? name.text.toLowerCase() : '';
  if (!(called === 'count' || called === 'sum' || called === 'total') || open?.text !== '(' || close?.text !== ')') {
    return undefined;
  }
  let depth = 0;
  for (const token of rest) {
    if (token.text === '(') depth += 1;
    else if (token.text === ')' && --depth < 0) return undefined;
  }
  const [first] = rest;
  if (depth !== 0 || !first || isKeywordToken(first, 'DISTINCT', 'ALL') || hasAggregates(rest)) return undefined;
  if (rest.length === 1 && first.text === '*') return called === 'count' ? { function: 'count' } : undefined;
  return { function: called, argument: textOf(rest) };
}

/**
 * The columns of a joined table that `tokens` read anywhere but in the `skipped` tokens. A name
 * several tables have counts for each of them: a change of a column never read cannot change the
 * result, so more is safe. (A `*` item never gets here: items are listed one by one.)
 */
function columnsRead(
  tokens: readonly SqlToken[],
  table: FromTable,
  context: StepContext,
  skipped: ReadonlySet<SqlToken> = new Set(),
): string[] {
  const columns = context.columnsOf(table.table) ?? [];
  const read = new Set<string>();
  for (const [index, token] of tokens.entries()) {
    if ((token.kind !== 'word' && token.kind !== 'quoted') || skipped.has(token)) continue;
    const isQualified = tokens[index - 1]?.text === '.';
    if (isQualified && !sameName(tokens[index - 2]?.text ?? '', table.alias)) continue;
    if (!isQualified && tokens[index + 1]?.text === '.') continue;
    const column = columns.find((name) => sameName(name, token.text));
    if (column !== undefined) read.add(column);
  }
  return [...read];
}

/**
 * The joined tables (neither the anchor nor `table`) that `table`'s ON condition reads, and those
 * their ON conditions read in turn, in FROM order: how its rows reach the anchor's.
 */
function pathToAnchor(table: FromTable, from: readonly FromTable[], resolve: ColumnResolver): FromTable[] {
  const [anchor] = from;
  const reached = new Set<string>();
  const follow = (joined: FromTable) => {
    for (const alias of resolve(joined.on) ?? []) {
      if (alias === joined.alias || alias === anchor?.alias || reached.has(alias)) continue;
      reached.add(alias);
      const next = from.find((candidate) => candidate.alias === alias);
      if (next) follow(next);
    }
  };
  follow(table);
  return from.filter((candidate) => reached.has(candidate.alias));
}

/**
 * The joined table's columns its ON condition sets equal to a column of another table
 * (`o.customer_id = c.customer_id AND ...`), in the order written: an index on them finds a
 * unit's joined rows.
 */
function lookupColumns(table: FromTable, resolve: ColumnResolver, context: StepContext): string[] {
  const columns = context.columnsOf(table.table) ?? [];
  const lookup = new Set<string>();
  for (const term of topLevelConjuncts(table.on)) {
    const equals = term.findIndex((token) => token.kind === 'symbol' && (token.text === '=' || token.text === '=='));
    if (equals < 0) continue;
    const sides = [term.slice(0, equals), term.slice(equals + 1)];
    const readers = sides.map((side) => [...(resolve(side) ?? [])]);
    const own = readers.findIndex((aliases) => aliases.length === 1 && aliases[0] === table.alias);
    const other = readers[1 - own];
    const side = sides[own];
    const readsOneOther = other?.length === 1 && other[0] !== table.alias;
    const column = own >= 0 && readsOneOther && side ? columnOf(side, table.alias) : undefined;
    const known = column && columns.find((name) => sameName(name, column));
    if (known) lookup.add(known);
  }
  return [...lookup];
}

/** A join condition of `terms` ANDed, as SQL; a join without one (a cross join) matches every row. */
function conditionText(terms: readonly SqlToken[][]): string {
  return terms.length > 0 ? terms.map(textOf).join(' AND ') : 'true';
}

/** The terms of a condition's top-level ANDs (not the AND of a BETWEEN, nor one inside a CASE). */
function topLevelConjuncts(tokens: readonly SqlToken[]): SqlToken[][] {
  const terms: SqlToken[][] = [[]];
  let depth = 0;
  let betweens = 0;
  for (const token of tokens) {
    if (token.text === '(' || isKeywordToken(token, 'CASE')) depth += 1;
    else if (token.text === ')' || isKeywordToken(token, 'END')) depth -= 1;
    else if (depth === 0 && isKeywordToken(token, 'BETWEEN')) betweens += 1;
    if (depth === 0 && isKeywordToken(token, 'AND')) {
      if (betweens === 0) {
        terms.push([]);
        continue;
      }
      betweens -= 1;
    }
    terms.at(-1)?.push(token);
  }
  return terms.filter((term) => term.length > 0);
}

/** The column a side of a comparison names when it is just a column (`o.customer_id`, `customer_id`). */
function columnOf(side: readonly SqlToken[], alias: string): string | undefined {
  const [only, ...rest] = withoutQualifier(side, alias);
  return only && rest.length === 0 && (only.kind === 'word' || only.kind === 'quoted') ? only.text : undefined;
}

/** The column of the step's table that the select's output column `index` fills, named as the table names it. */
function tableColumnAt(context: StepContext, index: number): string | undefined {
  const output = context.outputColumns[index] as string;
  return context.tableColumns.find((column) => sameName(column, output));
}

function full(reason: string): RecomputeMode {
  return { incremental: false, reason };
}

/** Whether a GROUP BY entry names the select item at `index`, whose column is `column`. */
type GroupNamer = (group: SqlToken[], index: number, column: string, item: SqlToken[]) => boolean;

/**
 * Reads a GROUP BY entry as naming a select item by position, as the same expression, or by a
 * bare name. SQLite reads a bare name as a FROM table's column first, and as an output column's
 * alias only when no table has such a column: `e.currency AS country ... GROUP BY country` groups
 * by `p.country` when a joined `p` has one.
 */
function groupNamer(from: readonly FromTable[], context: StepContext, resolve: ColumnResolver): GroupNamer {
  return (group, index, column, item) => {
    const [only] = group;
    if (group.length === 1 && only?.kind === 'number') return Number(only.text) === index + 1;
    if (sameTokens(group, item)) return true;
    if (group.length !== 1 || !only || (only.kind !== 'word' && only.kind !== 'quoted')) return false;
    const isTableColumn = from.some((table) => hasColumn(context.columnsOf(table.table), only.text));
    if (!isTableColumn) return sameName(only.text, column);
    const [owner] = resolve(group) ?? [];
    if (owner === undefined) return false;
    const [named, ...rest] = withoutQualifier(item, owner);
    const itemTables = resolve(item);
    return (
      rest.length === 0 && sameName(named?.text ?? '', only.text) && itemTables?.size === 1 && itemTables.has(owner)
    );
  };
}

type ColumnResolver = ReturnType<typeof columnResolver>;

/**
 * The FROM tables (by alias) whose columns an expression reads, or undefined when it reads a name
 * no table has, or one several have: the plan then cannot tell where a value comes from.
 */
function columnResolver(from: readonly FromTable[], context: StepContext) {
  const byAlias = new Map(from.map((table) => [table.alias.toLowerCase(), table]));
  return (tokens: readonly SqlToken[]): Set<string> | undefined => {
    const tables = new Set<string>();
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] as SqlToken;
      if (token.kind !== 'word' && token.kind !== 'quoted') continue;
      if (isSqlKeywordAt(tokens, index)) continue;
      const previous = tokens[index - 1];
      const next = tokens[index + 1];
      if (previous && (previous.text === '.' || isKeywordToken(previous, 'AS', 'COLLATE'))) continue;
      if (next?.kind === 'symbol' && next.text === '(') continue;
      if (next?.kind === 'symbol' && next.text === '.') {
        const table = byAlias.get(token.text.toLowerCase());
        const column = tokens[index + 2];
        if (!table || !column || !hasColumn(context.columnsOf(table.table), column.text)) return undefined;
        tables.add(table.alias);
        continue;
      }
      const owners = from.filter((table) => hasColumn(context.columnsOf(table.table), token.text));
      // A column USING joins name is the first table's that has it when left unqualified, as SQLite reads it.
      const [owner, ...others] = owners;
      const isUsing = others.every((table) => table.using?.some((column) => sameName(column, token.text)));
      if (!owner || (others.length > 0 && !isUsing)) return undefined;
      tables.add(owner.alias);
    }
    return tables;
  };
}

function isKeywordToken(token: SqlToken, ...words: string[]): boolean {
  return token.kind === 'word' && words.includes(token.text.toUpperCase());
}

function hasColumn(columns: readonly string[] | undefined, name: string): boolean {
  return columns?.some((column) => sameName(column, name)) ?? false;
}

function withoutQualifier(tokens: readonly SqlToken[], alias: string): SqlToken[] {
  return tokens.filter(
    (token, index) =>
      !(
        (sameName(token.text, alias) && tokens[index + 1]?.text === '.') ||
        (token.text === '.' && sameName(tokens[index - 1]?.text ?? '', alias))
      ),
  );
}

/** Tokens back to SQL; names are quoted, so a keyword-like name stays a name. */
function textOf(tokens: readonly SqlToken[]): string {
  return tokens
    .map((token) => (token.kind === 'quoted' ? quoteIdentifier(token.text) : token.text))
    .join(' ')
    .replaceAll(' . ', '.');
}
