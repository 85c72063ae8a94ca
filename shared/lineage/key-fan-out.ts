import { aliasOf, inputTable, type ProductLineage, type TableLineage, tableAliases } from './product-lineage';
import type { ColumnEquality, ColumnRef, QueryLineage, SelectLineage } from './sql-lineage';

/**
 * A table whose many rows one value of a key meets: one the query joins, its columns the joins equate
 * holding none of its keys whole, or the very table the key is read from, when the key is none of its keys.
 */
export interface KeyFanOut {
  /** Whether the key is read from this table, so it repeats per row of it with no join to blame. */
  isKeySource: boolean;
  /** The table's name, lower-cased. */
  table: string;
  /** Its columns the query equates with others or a value, in the order written. */
  joinedOn: string[];
  /** Its first key (its primary key where it has one): what a key that names one row must add. */
  key: readonly string[];
}

/**
 * The tables a step may read, by lower-cased name: the inputs' tables and the results of the
 * steps before it (`index`), each with its keys where they are known.
 */
export function tablesBefore(lineage: ProductLineage, index: number): Map<string, TableLineage> {
  const tables = new Map<string, TableLineage>();
  for (const { port, feeds } of lineage.inputs.values()) {
    for (const { dataset } of feeds) {
      const name = dataset.schema.name.toLowerCase();
      if (!tables.has(name)) tables.set(name, inputTable(name, port.id, dataset.schema.properties));
    }
  }
  for (const { table } of lineage.transformations.slice(0, index)) tables.set(table.name, table);
  return tables;
}

/**
 * Where a query is known to give more than one row per value of `key` (its result's column names,
 * lower-cased): one SELECT, neither DISTINCT nor grouped, every table it joins read with its keys,
 * the key's columns plain columns of them, and a table the key, with what WHERE and the joins equate,
 * names no row of (the key's own table first: a key that is none of its keys repeats per row of it).
 * Undefined wherever the SQL leaves that unsure (a subquery, a CTE, a compound query, which `unionFanOut` reads).
 */
export function keyFanOut(
  query: QueryLineage,
  key: readonly string[],
  tables: ReadonlyMap<string, TableLineage>,
): KeyFanOut | undefined {
  const select = onlySelect(query);
  return select && selectKeyFanOut(query, select, tables, (read) => key.map((name) => keyColumnOf(select, read, name)));
}

/** `keyFanOut` of one SELECT of `query`, its key's columns as `keyColumnsOf` finds them among the tables it reads. */
function selectKeyFanOut(
  query: QueryLineage,
  select: SelectLineage,
  tables: ReadonlyMap<string, TableLineage>,
  keyColumnsOf: (read: ReadonlyMap<string, TableLineage>) => (AliasedColumn | undefined)[],
): KeyFanOut | undefined {
  if (!isPlainJoin(select)) return undefined;
  const read = tablesReadBy(query, select, tables);
  if (!read || [...read.values()].some((table) => !table.keys?.length)) return undefined;
  const keyColumns = keyColumnsOf(read);
  if (keyColumns.some((column) => column === undefined)) return undefined;
  const determined = determinedColumns(select, read, keyColumns as AliasedColumn[]);
  const isOneRowOf = (alias: string) => namesOneRow(determined, alias, read.get(alias));
  const keySource = (keyColumns as AliasedColumn[]).find((column) => !isOneRowOf(column.alias))?.alias;
  const fannedOut = keySource ?? [...read.keys()].find((alias) => !isOneRowOf(alias));
  if (fannedOut === undefined) return undefined;
  const joinedOn = equalitiesOf(select, read)
    .filter(({ column }) => aliasOf(select, read, column) === fannedOut)
    .map(({ column }) => column.column);
  return {
    isKeySource: fannedOut === keySource,
    table: select.tables.get(fannedOut) ?? fannedOut,
    joinedOn: [...new Set(joinedOn)],
    key: read.get(fannedOut)?.keys?.[0] ?? [],
  };
}

/** Two SELECTs of a UNION [ALL] that may each give a row with the same value of the key. */
export interface UnionFanOut {
  operator: 'union' | 'union all';
  /** The two SELECTs' tables the key is read from, lower-cased, each with its columns read as the key's, in the key's order. */
  sources: [KeySource, KeySource];
}

export interface KeySource {
  table: string;
  columns: string[];
}

/**
 * Where SELECTs joined by UNION ALL are known to give more than one row per value of `key`: two of
 * them read it from columns of tables (the key's place in the first SELECT's result, as UNION
 * matches columns by place), which may hold a value alike, or one of them fans out as `keyFanOut`
 * says. A plain UNION dedupes whole rows, so it repeats the key only where its rows have columns
 * beside it, which may differ: two such SELECTs, or one whose rows differ as `distinctFanOut` says.
 * In a mixed compound each SELECT (each pair, by its later one) is read as deduped or not, as `isDedupedByUnion` says.
 * Silent where a SELECT computes the key (distinct constants per SELECT), where both hold it to a value WHERE pins (which may differ), where one SELECT reads the other's table filtered (which may
 * part its rows), and for INTERSECT and EXCEPT, which add no rows.
 */
export function unionFanOut(
  query: QueryLineage,
  key: readonly string[],
  tables: ReadonlyMap<string, TableLineage>,
): UnionFanOut | KeyFanOut | WindowFanOut | SelectedFanOut | undefined {
  const [first, ...others] = query.selects;
  const operators = new Set(others.map((select) => select.joinedBy));
  if (!first || others.length === 0 || query.filters.length > 0 || query.isOneRow) return undefined;
  if (![...operators].every((operator) => operator === 'union' || operator === 'union all')) return undefined;
  const firstRead = tablesReadBy(query, first, tables);
  const places = firstRead && key.map((name) => placeOf(first, firstRead, name));
  if (!places || places.some((place) => place === undefined)) return undefined;
  const keyColumnsOf = (select: SelectLineage) => (read: ReadonlyMap<string, TableLineage>) =>
    (places as number[]).map((place) => outputColumns(select, read)[place]?.column);
  const isDeduped = query.selects.map((_, at) => isDedupedByUnion(query, at));
  const branches = query.selects.map((select) => {
    const read = tablesReadBy(query, select, tables);
    const columns = read && keyColumnsOf(select)(read);
    if (!read || !columns || columns.some((column) => column === undefined)) return undefined;
    const keyColumns = columns as AliasedColumn[];
    const resolvedPins = (select.pinned ?? []).map((ref) => aliased(select, read, ref));
    const isPinned = keyColumns.every((column) =>
      resolvedPins.some((pin) => pin?.alias === column.alias && pin.column === column.column),
    );
    const [{ alias }] = keyColumns as [AliasedColumn];
    const isOneTable = keyColumns.every((column) => column.alias === alias);
    const source = { table: select.tables.get(alias) ?? alias, columns: keyColumns.map(({ column }) => column) };
    return isOneTable ? { source, isPinned, isFiltered: select.conditions.length > 0 } : undefined;
  });
  const hasOtherColumns = outputColumns(first, firstRead).length > places.length;
  for (const [at, one] of branches.entries()) {
    for (const [later, other] of branches.entries()) {
      if (later <= at || !one || !other || (one.isPinned && other.isPinned)) continue;
      // The later SELECT's dedupe is the pair's: an earlier SELECT is deduped wherever a later one is.
      const isAll = !isDeduped[later];
      const isSameSource =
        one.source.table === other.source.table && one.source.columns.join() === other.source.columns.join();
      if (isSameSource && (!isAll || one.isFiltered || other.isFiltered)) continue;
      if (!isAll && !hasOtherColumns) continue;
      return { operator: isAll ? 'union all' : 'union', sources: [one.source, other.source] };
    }
  }
  for (const [at, select] of query.selects.entries()) {
    const fanOut = isDeduped[at]
      ? selectDedupedFanOut(query, select, tables, keyColumnsOf(select), 'UNION')
      : selectKeyFanOut(query, select, tables, keyColumnsOf(select));
    if (fanOut) return fanOut;
  }
  return undefined;
}

/**
 * Whether a compound's SELECT at `at` gives its rows deduplicated: SQLite reads left to right, so a
 * plain UNION joining it or any SELECT after it dedupes it (the first SELECT by the operators after it alone).
 */
function isDedupedByUnion(query: QueryLineage, at: number): boolean {
  return query.selects.slice(Math.max(at, 1)).some((select) => select.joinedBy === 'union');
}

/** A grouped query's columns that cut one value of the key into several rows. */
export interface GroupingFanOut {
  /** The columns GROUP BY names, lower-cased, in the order written. */
  groupedBy: string[];
  /** Those of them that the key, with what WHERE and the joins equate, does not decide. */
  undecided: string[];
}

/**
 * Where a grouped query is known to give more than one row per value of `key`: one SELECT, grouped
 * by the key's columns and by others that the key, with what WHERE, the joins and the keys of the
 * tables read decide, does not (`GROUP BY customer_id, status` for the key customer_id). Undefined
 * wherever the SQL leaves that unsure, as for `keyFanOut`.
 */
export function groupingFanOut(
  query: QueryLineage,
  key: readonly string[],
  tables: ReadonlyMap<string, TableLineage>,
): GroupingFanOut | undefined {
  const select = onlySelect(query);
  if (!select?.isGrouped || select.grouping.length === 0 || !readsOnlyTables(select) || select.isDistinct) {
    return undefined;
  }
  const read = tablesReadBy(query, select, tables);
  if (!read || select.grouping.some((column) => column.selected)) return undefined;
  const grouped = select.grouping.map((ref) => aliased(select, read, ref));
  const keyColumns = key.map((column) => keyColumnOf(select, read, column));
  const name = (column: AliasedColumn | undefined) => column && `${column.alias}.${column.column}`;
  const groupedNames = new Set(grouped.map(name));
  if (grouped.includes(undefined) || !keyColumns.every((column) => column && groupedNames.has(name(column)))) {
    return undefined;
  }
  const determined = determinedColumns(select, read, keyColumns as AliasedColumn[]);
  const undecided = (grouped as AliasedColumn[]).filter((column) => !determined.has(name(column) as string));
  if (undecided.length === 0) return undefined;
  const names = (columns: readonly AliasedColumn[]) => [...new Set(columns.map(({ column }) => column))];
  return { groupedBy: names(grouped as AliasedColumn[]), undecided: names(undecided) };
}

/** A window of a deduped (DISTINCT or UNION) query whose value differs within one value of the key, so the dedupe keeps those rows apart. */
export interface WindowFanOut {
  /** What dedupes the rows, and so keeps those that differ: the SELECT's DISTINCT or the query's UNION. */
  dedupedBy: Deduper;
  /** The result's column the window's value is in, lower-cased, or its place (`column 2`) where it has no name. */
  window: string;
  /** The window function, lower-cased, where the SQL shows it. */
  function?: string;
  /** The window's PARTITION BY and ORDER BY columns, lower-cased, in the order written. */
  partitionedBy: string[];
  orderedBy: string[];
  /** Whether its value differs row by row (`row_number()`, `lag(x)`), though the key decides its partition and order. */
  isRowByRow: boolean;
  /** The columns the key, with what WHERE, the joins and the keys of the tables read decide, does not: the window's own, else those of a key of a table the key names many rows of. */
  undecided: string[];
}

export type Deduper = 'DISTINCT' | 'UNION';

/** A column a deduped (DISTINCT or UNION) query selects as it is that the key does not decide, so the dedupe keeps a row per value of it. */
export interface SelectedFanOut {
  dedupedBy: Deduper;
  /** The column, lower-cased, as its table names it. */
  selected: string;
}

/**
 * Where a DISTINCT query is known to give more than one row per value of `key`: one SELECT, neither
 * grouped nor filtering groups, every table it joins read with its keys, the key's columns plain
 * columns of them, and a column of its result that differs within one value of the key: a column
 * the key does not decide, selected as it is (also through `*`), a window (`AVG(w) OVER (PARTITION BY
 * route_id, stream)`) partitioned or ordered by one, or a window whose value differs row by row
 * (`row_number()`, `lag(x)`) where the key names many rows. DISTINCT keeps a row per value of it.
 * Undefined wherever the SQL leaves that unsure, as for `keyFanOut`.
 */
export function distinctFanOut(
  query: QueryLineage,
  key: readonly string[],
  tables: ReadonlyMap<string, TableLineage>,
): WindowFanOut | SelectedFanOut | undefined {
  const select = onlySelect(query);
  if (!select?.isDistinct) return undefined;
  return selectDedupedFanOut(
    query,
    select,
    tables,
    (read) => key.map((column) => keyColumnOf(select, read, column)),
    'DISTINCT',
  );
}

/** `distinctFanOut` of one SELECT of `query` whose rows `dedupedBy` dedupes, its key's columns as `keyColumnsOf` finds them among the tables it reads. */
function selectDedupedFanOut(
  query: QueryLineage,
  select: SelectLineage,
  tables: ReadonlyMap<string, TableLineage>,
  keyColumnsOf: (read: ReadonlyMap<string, TableLineage>) => (AliasedColumn | undefined)[],
  dedupedBy: Deduper,
): WindowFanOut | SelectedFanOut | undefined {
  if (select.isGrouped || select.hasOneRowGroups || !readsOnlyTables(select)) return undefined;
  const read = tablesReadBy(query, select, tables);
  if (!read || [...read.values()].some((table) => !table.keys?.length)) return undefined;
  const keyColumns = keyColumnsOf(read);
  if (keyColumns.some((column) => column === undefined)) return undefined;
  const determined = determinedColumns(select, read, keyColumns as AliasedColumn[]);
  const isUndecided = ({ alias, column }: AliasedColumn) => !determined.has(`${alias}.${column}`);
  const names = (refs: readonly ColumnRef[]) => [...new Set(refs.map(({ column }) => column))];
  const manyRowsOf = [...read].find(([alias, table]) => !namesOneRow(determined, alias, table));
  const keyOfManyRows = (manyRowsOf?.[1].keys?.[0] ?? []).filter(
    (column) => manyRowsOf && isUndecided({ alias: manyRowsOf[0], column }),
  );
  for (const [place, output] of select.outputs.entries()) {
    if (output.kind === 'star') {
      const starred = [...read].filter(([alias]) => output.qualifier === undefined || output.qualifier === alias);
      const columns = starred.flatMap(([alias, table]) =>
        [...table.columns.keys()].map((column) => ({ alias, column })),
      );
      const undecided = columns.find(isUndecided);
      if (undecided) return { dedupedBy, selected: undecided.column };
      continue;
    }
    const selected = output.column && aliased(select, read, output.column);
    if (output.column && !selected) return undefined;
    if (selected && isUndecided(selected)) return { dedupedBy, selected: selected.column };
    for (const window of output.windows ?? []) {
      const columns = [...window.partition, ...window.order].map((ref) => aliased(select, read, ref));
      if (columns.includes(undefined)) return undefined;
      const undecided = names((columns as AliasedColumn[]).filter(isUndecided));
      const isRowByRow = undecided.length === 0 && window.differsRowByRow === true && keyOfManyRows.length > 0;
      if (undecided.length === 0 && !isRowByRow) continue;
      return {
        dedupedBy,
        window: output.name ?? `column ${place + 1}`,
        ...(window.function !== undefined && { function: window.function }),
        partitionedBy: names(window.partition),
        orderedBy: names(window.order),
        isRowByRow,
        undecided: isRowByRow ? keyOfManyRows : undecided,
      };
    }
  }
  return undefined;
}

/** The query's one SELECT, where nothing (a UNION, an EXCEPT, a LIMIT 1) adds or takes rows beside it. */
function onlySelect(query: QueryLineage): SelectLineage | undefined {
  const [select, ...others] = query.selects;
  return others.length > 0 || query.filters.length > 0 || query.isOneRow ? undefined : select;
}

/** The tables a SELECT reads, by alias; undefined if one is not a known table (a CTE's result, an unknown name). */
function tablesReadBy(
  query: QueryLineage,
  select: SelectLineage,
  tables: ReadonlyMap<string, TableLineage>,
): Map<string, TableLineage> | undefined {
  const cteNames = new Set(query.ctes.map((cte) => cte.name));
  const read = new Map<string, TableLineage>();
  for (const alias of tableAliases(select)) {
    const name = select.tables.get(alias) ?? '';
    const table = cteNames.has(name) ? undefined : tables.get(name);
    if (!table) return undefined;
    read.set(alias, table);
  }
  return read;
}

/** Whether every row source of a SELECT is a table read by name, joined by what its ONs, USINGs, NATURALs and WHERE say. */
function readsOnlyTables(select: SelectLineage): boolean {
  return select.subqueries.size === 0 && (select.opaque?.size ?? 0) === 0 && select.conditionSubqueries.length === 0;
}

/** Whether a SELECT's rows are its joined tables' rows as they meet: nothing groups, dedupes or filters them by a query of its own. */
function isPlainJoin(select: SelectLineage): boolean {
  return !select.isDistinct && !select.isGrouped && !select.hasOneRowGroups && readsOnlyTables(select);
}

/** A column of the table read as `alias`. */
interface AliasedColumn {
  alias: string;
  column: string;
}

/** The column of a table that the result's column `name` is, as it is (`d.donor_id`, or through `*`). */
function keyColumnOf(
  select: SelectLineage,
  read: ReadonlyMap<string, TableLineage>,
  name: string,
): AliasedColumn | undefined {
  const place = placeOf(select, read, name);
  return place === undefined ? undefined : outputColumns(select, read)[place]?.column;
}

/** The place of the result's one column named `name`; undefined where none or several are. */
function placeOf(select: SelectLineage, read: ReadonlyMap<string, TableLineage>, name: string): number | undefined {
  const places = outputColumns(select, read).flatMap((output, place) => (output.name === name ? [place] : []));
  return places.length === 1 ? places[0] : undefined;
}

/** A SELECT's result columns in order, `*` spelled out: each one's name, and the table column it is as it is. */
function outputColumns(
  select: SelectLineage,
  read: ReadonlyMap<string, TableLineage>,
): { name?: string; column?: AliasedColumn }[] {
  return select.outputs.flatMap((output) => {
    if (output.kind === 'value')
      return [{ name: output.name, column: output.column && aliased(select, read, output.column) }];
    const starred = [...read].filter(([alias]) => output.qualifier === undefined || output.qualifier === alias);
    return starred.flatMap(([alias, table]) =>
      [...table.columns.keys()].map((column) => ({ name: column, column: { alias, column } })),
    );
  });
}

function aliased(
  select: SelectLineage,
  read: ReadonlyMap<string, TableLineage>,
  ref: ColumnRef,
): AliasedColumn | undefined {
  const alias = aliasOf(select, read, ref);
  return alias === undefined ? undefined : { alias, column: ref.column };
}

/** Whether the columns one value of the key holds (`determined`) hold a key of the table read as `alias` whole: one row of it. */
function namesOneRow(determined: ReadonlySet<string>, alias: string, table: TableLineage | undefined): boolean {
  return table?.keys?.some((tableKey) => tableKey.every((column) => determined.has(`${alias}.${column}`))) ?? false;
}

/**
 * The columns (`alias.column`) one value of the key holds to one value: the key's, WHERE's pinned
 * ones, those the joins and WHERE equate with them, and every column of a table one of whose keys
 * they hold whole (its row is then one).
 */
function determinedColumns(
  select: SelectLineage,
  read: ReadonlyMap<string, TableLineage>,
  keyColumns: readonly AliasedColumn[],
): Set<string> {
  const name = ({ alias, column }: AliasedColumn) => `${alias}.${column}`;
  const resolved = (ref: ColumnRef) => aliased(select, read, ref);
  const equalities = equalitiesOf(select, read);
  const determined = new Set(keyColumns.map(name));
  for (const ref of select.pinned ?? []) {
    const column = resolved(ref);
    if (column) determined.add(name(column));
  }
  for (let grew = true; grew; ) {
    const before = determined.size;
    for (const { column, from } of equalities) {
      const held = resolved(column);
      const isHeld = from.every((ref) => {
        const source = resolved(ref);
        return source !== undefined && determined.has(name(source));
      });
      if (held && isHeld) determined.add(name(held));
    }
    for (const [alias, table] of read) {
      if (!table.keys?.some((key) => key.every((column) => determined.has(`${alias}.${column}`)))) continue;
      for (const column of table.columns.keys()) determined.add(`${alias}.${column}`);
    }
    grew = determined.size > before;
  }
  return determined;
}

/**
 * What a SELECT's ONs and WHERE equate, and its joins by name: each column USING names, or NATURAL
 * finds on both sides, in the first table of either side that has it, as SQLite matches them.
 */
function equalitiesOf(select: SelectLineage, read: ReadonlyMap<string, TableLineage>): ColumnEquality[] {
  const firstWith = (aliases: readonly string[], column: string) =>
    aliases.find((alias) => read.get(alias)?.columns.has(column));
  const byName = (select.joinsByName ?? []).flatMap(({ left, right, using }) => {
    const rightColumns = right.flatMap((alias) => [...(read.get(alias)?.columns.keys() ?? [])]);
    const columns = using ?? [...new Set(rightColumns)].filter((column) => firstWith(left, column));
    return columns.flatMap((column) => {
      const [one, other] = [firstWith(left, column), firstWith(right, column)];
      if (one === undefined || other === undefined) return [];
      return [
        { column: { qualifier: other, column }, from: [{ qualifier: one, column }] },
        { column: { qualifier: one, column }, from: [{ qualifier: other, column }] },
      ];
    });
  });
  return [...(select.equalities ?? []), ...byName];
}
