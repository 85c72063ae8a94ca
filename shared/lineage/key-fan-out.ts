import { aliasOf, inputTable, type ProductLineage, type TableLineage, tableAliases } from './product-lineage';
import type { ColumnRef, QueryLineage, SelectLineage } from './sql-lineage';

/** A table a query joins so that one value of a key meets many of its rows: its columns the joins equate hold none of its keys whole. */
export interface KeyFanOut {
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
 * names no row of. Undefined wherever the SQL leaves that unsure (a subquery, a CTE, a UNION, USING).
 */
export function keyFanOut(
  query: QueryLineage,
  key: readonly string[],
  tables: ReadonlyMap<string, TableLineage>,
): KeyFanOut | undefined {
  const [select, ...others] = query.selects;
  if (!select || others.length > 0 || query.filters.length > 0 || query.isOneRow || !isPlainJoin(select)) {
    return undefined;
  }
  const cteNames = new Set(query.ctes.map((cte) => cte.name));
  const read = new Map<string, TableLineage>();
  for (const alias of tableAliases(select)) {
    const name = select.tables.get(alias) ?? '';
    const table = cteNames.has(name) ? undefined : tables.get(name);
    if (!table?.keys?.length) return undefined;
    read.set(alias, table);
  }
  const keyColumns = key.map((column) => keyColumnOf(select, read, column));
  if (keyColumns.some((column) => column === undefined)) return undefined;
  const determined = determinedColumns(select, read, keyColumns as AliasedColumn[]);
  const isOneRowOf = (alias: string) =>
    read.get(alias)?.keys?.some((tableKey) => tableKey.every((column) => determined.has(`${alias}.${column}`)));
  // The key must name one row of each table it comes from: else it may repeat for reasons no join decides.
  if (!keyColumns.every((column) => column && isOneRowOf(column.alias))) return undefined;
  const fannedOut = [...read.keys()].find((alias) => !isOneRowOf(alias));
  if (fannedOut === undefined) return undefined;
  const joinedOn = (select.equalities ?? [])
    .filter(({ column }) => aliasOf(select, read, column) === fannedOut)
    .map(({ column }) => column.column);
  return {
    table: select.tables.get(fannedOut) ?? fannedOut,
    joinedOn: [...new Set(joinedOn)],
    key: read.get(fannedOut)?.keys?.[0] ?? [],
  };
}

/** Whether a SELECT's rows are its joined tables' rows as they meet: nothing groups, dedupes or filters them by a query of its own. */
function isPlainJoin(select: SelectLineage): boolean {
  return (
    !select.isDistinct &&
    !select.isGrouped &&
    !select.hasOneRowGroups &&
    !select.joinsByName &&
    select.subqueries.size === 0 &&
    (select.opaque?.size ?? 0) === 0 &&
    select.conditionSubqueries.length === 0
  );
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
  const named = select.outputs.filter((output) => output.kind === 'value' && output.name === name);
  if (named.length > 1) return undefined;
  const [output] = named;
  if (output?.kind === 'value') return output.column && aliased(select, read, output.column);
  const starred = select.outputs.flatMap((star) =>
    star.kind === 'star' ? [...read].filter(([alias]) => star.qualifier === undefined || star.qualifier === alias) : [],
  );
  const having = starred.filter(([, table]) => table.columns.has(name));
  const [only] = having;
  return having.length === 1 && only ? { alias: only[0], column: name } : undefined;
}

function aliased(
  select: SelectLineage,
  read: ReadonlyMap<string, TableLineage>,
  ref: ColumnRef,
): AliasedColumn | undefined {
  const alias = aliasOf(select, read, ref);
  return alias === undefined ? undefined : { alias, column: ref.column };
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
  const determined = new Set(keyColumns.map(name));
  for (const ref of select.pinned ?? []) {
    const column = resolved(ref);
    if (column) determined.add(name(column));
  }
  for (let grew = true; grew; ) {
    const before = determined.size;
    for (const { column, from } of select.equalities ?? []) {
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
