import type { LinkDataset } from '../contracts/link-dataset';
import type { ContractProperty, DataProduct, Link, Port, SchemaObject, Transformation } from '../model';
import { rawTableName } from '../simulation/sql-text';
import { FieldSet } from './field-set';
import { Memo } from './memo';
import { contractOf, type MeshGraph } from './mesh-graph';
import { nodeVersions } from './node-versions';
import { sourceDataset } from './source-dataset';
import {
  type ColumnRef,
  type GroupedColumn,
  type NamedQuery,
  type QueryLineage,
  type SelectLineage,
  sqlLineageOf,
} from './sql-lineage';
import type { CopyAlteration } from './value-keeping-functions';

/** Where a column's values come from, as fields of the product's input ports. */
export interface ColumnLineage {
  name: string;
  /** Every input field the value is computed from. */
  sources: FieldSet;
  /** The input fields the value is a plain copy of (what a classification must follow). */
  copies: FieldSet;
  /** The input fields the value is computed from row by row without copying them (`CASE diagnosis WHEN ...`): still each row's data. */
  derived: FieldSet;
  /** Those of `derived` it holds only as a rank ordered by them (`rank() OVER (ORDER BY income)`). */
  ranked?: FieldSet;
  /** Those of `copies` that are one row's value picked among many by MIN or MAX (`MAX(result_value) … GROUP BY test_code`). */
  picked?: FieldSet;
  /** Those of `copies` kept only rounded or cut (`round(income, -4)`, `substr(ni, -3)`), by how. */
  altered?: AlteredFields;
}

/** Fields by how a copy altered them. */
export type AlteredFields = Map<CopyAlteration, FieldSet>;

/** Adds `fields` to those `altered` holds altered by `alteration`. */
function addAltered(altered: AlteredFields, alteration: CopyAlteration, fields: FieldSet): void {
  const known = altered.get(alteration) ?? new FieldSet();
  known.addAll(fields);
  altered.set(alteration, known);
}

/** A table inside a product (an input's clean table or a transformation's result), column by column. */
export interface TableLineage {
  /** Lower-cased, as SQL compares names. */
  name: string;
  columns: ReadonlyMap<string, ColumnLineage>;
  /** Input fields every row depends on: joins, filters, grouping. */
  rowSources: FieldSet;
  /** The input ports the table reads from at all; every input when its SQL cannot tell (`knowsInputs`). */
  inputs: ReadonlySet<string>;
  /** False when its SQL, or that of a step it reads, does not parse: any input may feed it. */
  knowsInputs: boolean;
  /** False when its SQL was read only approximately: its columns are then unknown. */
  isExact: boolean;
  /** For an approximate table: every input field its SQL mentions, taken to feed every column. */
  mentioned: FieldSet;
  /**
   * The sets of its columns, lower-cased, that each name one row: the primary key and every field
   * made unique, where its contract says so (an input's table), as a step that keeps them has them.
   */
  keys?: ReadonlyArray<readonly string[]>;
  /** Whether it holds one row at most (a query ending in `LIMIT 1`): an aggregate over it is that row's value. */
  isOneRow?: boolean;
}

/** One link into an input port, and the dataset it brings. */
export interface InputFeed {
  link: Link;
  dataset: LinkDataset;
}

/** An input port and every link that feeds it (a port may be fed by several producers). */
export interface InputLineage {
  port: Port;
  feeds: InputFeed[];
}

export interface TransformationLineage {
  transformation: Transformation;
  table: TableLineage;
  /** Every input field the step's SQL names, in values or conditions (through the columns of earlier steps). */
  named: FieldSet;
  /** Those named in what its SQL is read of only approximately (see `SqlLineage.unfollowedIdentifiers`). */
  guessed: FieldSet;
}

/** A schema object of an output port's contract, filled by the product's table of its name. */
export interface ObjectLineage {
  object: SchemaObject;
  /** Its place in the contract's `schema`. */
  index: number;
  table?: TableLineage;
  /** Each of its properties, lower-cased name → where its values come from. */
  fields: ReadonlyMap<string, ColumnLineage>;
}

export interface OutputLineage {
  port: Port;
  /** Every schema object of its contract: the export makes a table of each, filled by the product's table of its name. */
  objects: ObjectLineage[];
  /**
   * The table the port publishes to its consumers: the one named like its contract's first schema
   * object, the only one the engine's log carries (see link-dataset.ts).
   */
  table?: TableLineage;
  /** Each property of that first object, lower-cased name → where its values come from. */
  fields: ReadonlyMap<string, ColumnLineage>;
  /** Input ports the output depends on; every input when nothing tells which. */
  inputs: ReadonlySet<string>;
  rowSources: FieldSet;
}

/** What a lineage reads of its own product. */
export type LineageProduct = Pick<DataProduct, 'id' | 'inputPorts' | 'outputPorts' | 'transformations'>;

export interface ProductLineage {
  product: LineageProduct;
  inputs: ReadonlyMap<string, InputLineage>;
  transformations: TransformationLineage[];
  outputs: ReadonlyMap<string, OutputLineage>;
}

/**
 * Each product's lineage by its id, until its ports or transformations, what feeds it or its
 * output contracts change (not when its description, owner or SLOs do).
 */
const lineages = new Memo<string, ProductLineage>();
/** While nothing it reads changes (its inflow version), each product's lineage is found without looking at what feeds it. */
const lineagesByInflow = new Memo<DataProduct, ProductLineage>();

/**
 * How data moves through a product, field by field: input ports feed their raw zone and clean tables named after
 * what they carry, transformations select from them in order, output ports publish the table
 * named like their contract (the CDC engine's naming; see shared/simulation/README.md).
 */
export function productLineage(graph: MeshGraph, product: DataProduct): ProductLineage {
  return lineagesByInflow.get(product, [nodeVersions(graph.mesh).inflow(product.id)], () =>
    lineages.get(product.id, lineageDependencies(graph, product), () => computeLineage(graph, product)),
  );
}

/** Everything a product's lineage is read from. */
function lineageDependencies(graph: MeshGraph, product: DataProduct): unknown[] {
  const dependencies: unknown[] = [product.inputPorts, product.outputPorts, product.transformations];
  for (const port of product.inputPorts) {
    for (const link of graph.linksInto({ nodeId: product.id, portId: port.id })) {
      dependencies.push(link, ...feedDependencies(graph, link));
    }
  }
  for (const port of product.outputPorts) dependencies.push(contractOf(graph, port.contractId));
  return dependencies;
}

/** What the dataset a link brings is read from: the producer's output ports and contracts, or the system. */
function feedDependencies(graph: MeshGraph, link: Link): unknown[] {
  const upstream = graph.products.get(link.from.nodeId)?.item;
  if (upstream) {
    return [upstream.outputPorts, ...upstream.outputPorts.map((output) => contractOf(graph, output.contractId))];
  }
  const system = graph.systems.get(link.from.nodeId)?.item;
  return [system, ...(system?.publishes ?? []).map((event) => contractOf(graph, event.contractId))];
}

function computeLineage(graph: MeshGraph, product: DataProduct): ProductLineage {
  const inputs = new Map<string, InputLineage>();
  const tables = new Map<string, TableLineage>();
  for (const port of product.inputPorts) {
    const feeds = graph.linksInto({ nodeId: product.id, portId: port.id }).flatMap((link) => {
      const dataset = sourceDataset(graph, link.from);
      return dataset ? [{ link, dataset }] : [];
    });
    if (feeds.length === 0) continue;
    inputs.set(port.id, { port, feeds });
    tables.set(rawTableName(port.id), rawZone(port.id));
    for (const { dataset } of feeds) {
      const name = dataset.schema.name.toLowerCase();
      if (!tables.has(name)) tables.set(name, inputTable(name, port.id, dataset.schema.properties));
    }
  }

  const transformations = product.transformations.map((transformation) => {
    const step = transformationLineage(transformation, tables);
    tables.set(step.table.name, step.table);
    return step;
  });

  const everyInput = new Set(inputs.keys());
  const outputs = new Map<string, OutputLineage>();
  for (const port of product.outputPorts) {
    const objects = (contractOf(graph, port.contractId)?.schema ?? []).map((object, index) =>
      objectLineage(object, index, tables),
    );
    const table = objects[0]?.table;
    outputs.set(port.id, {
      port,
      objects,
      ...(table && { table }),
      fields: objects[0]?.fields ?? new Map(),
      inputs: table?.inputs ?? everyInput,
      rowSources: table?.rowSources ?? new FieldSet(),
    });
  }
  const { id, inputPorts, outputPorts } = product;
  return {
    product: { id, inputPorts, outputPorts, transformations: product.transformations },
    inputs,
    transformations,
    outputs,
  };
}

export function inputTable(name: string, portId: string, fields: readonly ContractProperty[]): TableLineage {
  const columns = new Map<string, ColumnLineage>();
  for (const field of fields) {
    const own = FieldSet.of(portId, [field.name]);
    columns.set(field.name.toLowerCase(), { name: field.name, sources: own, copies: own, derived: new FieldSet() });
  }
  return {
    name,
    columns,
    rowSources: new FieldSet(),
    inputs: new Set([portId]),
    knowsInputs: true,
    isExact: true,
    mentioned: new FieldSet(),
    keys: contractKeys(fields),
  };
}

/** The primary key, and each field made unique: NULLs group together, but every other value is one row. */
function contractKeys(fields: readonly ContractProperty[]): string[][] {
  const primaryKey = fields.filter((field) => field.primaryKey).map((field) => field.name.toLowerCase());
  const unique = fields.filter((field) => field.unique).map((field) => [field.name.toLowerCase()]);
  return [...(primaryKey.length > 0 ? [primaryKey] : []), ...unique];
}

/** `raw_<port>`: every record as it arrived, in the log's columns (`after_<field>`, `_op`, …), which lineage does not map to fields. */
function rawZone(portId: string): TableLineage {
  return {
    name: rawTableName(portId),
    columns: new Map(),
    rowSources: new FieldSet(),
    inputs: new Set([portId]),
    knowsInputs: true,
    isExact: false,
    mentioned: new FieldSet(),
  };
}

function objectLineage(object: SchemaObject, index: number, tables: ReadonlyMap<string, TableLineage>): ObjectLineage {
  const table = tables.get(object.name.toLowerCase());
  const fields = new Map<string, ColumnLineage>();
  for (const property of object.properties) {
    const key = property.name.toLowerCase();
    fields.set(key, table ? columnOf(table, key, property.name) : unknownColumn(property.name));
  }
  return { object, index, ...(table && { table }), fields };
}

function unknownColumn(name: string): ColumnLineage {
  return { name, sources: new FieldSet(), copies: new FieldSet(), derived: new FieldSet() };
}

/** A column of a table; for an approximately read table, everything its SQL mentions (copied when the name matches). */
function columnOf(table: TableLineage, key: string, name: string): ColumnLineage {
  if (table.isExact) return table.columns.get(key) ?? unknownColumn(name);
  const copies = new FieldSet();
  for (const portId of table.mentioned.ports()) {
    if (table.mentioned.has(portId, key)) copies.add(portId, key);
  }
  return { name, sources: table.mentioned, copies, derived: new FieldSet() };
}

function transformationLineage(
  transformation: Transformation,
  tables: ReadonlyMap<string, TableLineage>,
): TransformationLineage {
  const sql = sqlLineageOf(transformation.sql);
  const name = transformation.name.toLowerCase();
  if (!sql.query) {
    // SQL that does not parse may read any table before it; SQL read approximately, those it names.
    const everyTable = [...tables.values()];
    const read = sql.isOneQuery ? everyTable.filter((table) => sql.identifiers.has(table.name)) : everyTable;
    const table = approximateTable(name, read, sql.identifiers, sql.isOneQuery);
    return { transformation, table, named: table.mentioned, guessed: table.mentioned };
  }
  const named = new FieldSet();
  const table = resultTable(name, queryResult(sql.query, tables, named));
  const { mentioned: guessed } = opaqueTable(name, sql.unfollowedIdentifiers, tables);
  return { transformation, table, named, guessed };
}

/** A part of a query read only approximately (an `OpaqueSource`), as a table: every field it names of the tables it names feeds every column. */
function opaqueTable(name: string, identifiers: ReadonlySet<string>, scope: ReadonlyMap<string, TableLineage>) {
  const read = [...scope.values()].filter((table) => identifiers.has(table.name));
  return approximateTable(name, read, identifiers, true);
}

/** A step read only from the identifiers in its SQL: every field of `read` it names feeds every column and row. */
function approximateTable(
  name: string,
  read: readonly TableLineage[],
  identifiers: ReadonlySet<string>,
  knowsInputs: boolean,
): TableLineage {
  const mentioned = new FieldSet();
  for (const table of read) {
    for (const [key, column] of table.columns) if (identifiers.has(key)) mentioned.addAll(column.sources);
    mentioned.addAll(table.rowSources);
    mentioned.addAll(table.mentioned);
  }
  return {
    name,
    columns: new Map(),
    rowSources: mentioned,
    inputs: new Set(read.flatMap((source) => [...source.inputs])),
    knowsInputs: knowsInputs && read.every((table) => table.knowsInputs),
    isExact: false,
    mentioned,
  };
}

/** What a query gives: its columns in order (by name where they have one), and what its rows depend on. */
interface QueryResult {
  columns: Array<{ name?: string; column: ColumnLineage }>;
  /** The columns, by name, that keep the keys of the one table it reads, row for row (see `keptKeys`). */
  keys?: ReadonlyArray<readonly string[]>;
  isOneRow?: boolean;
  rowSources: FieldSet;
  inputs: ReadonlySet<string>;
  knowsInputs: boolean;
}

/** A query's result as a table others read: a CTE, a subquery, the transformation's own. */
function resultTable(name: string, result: QueryResult, renamed: readonly string[] = []): TableLineage {
  const columns = new Map<string, ColumnLineage>();
  const renaming = new Map<string, string>();
  result.columns.forEach(({ name: columnName, column }, position) => {
    const key = renamed[position] ?? columnName;
    if (key !== undefined) columns.set(key, key === columnName ? column : { ...column, name: key });
    if (key !== undefined && columnName !== undefined) renaming.set(columnName, key);
  });
  const keys = result.keys?.map((key) => key.map((column) => renaming.get(column) ?? column));
  return {
    name,
    columns,
    ...(keys && { keys }),
    ...(result.isOneRow && { isOneRow: true }),
    rowSources: result.rowSources,
    inputs: result.inputs,
    knowsInputs: result.knowsInputs,
    isExact: true,
    mentioned: new FieldSet(),
  };
}

/** The columns a column a query names may mean. */
type Resolve = (ref: ColumnRef) => ColumnLineage[];

/**
 * A query's result over the tables in scope; `named` collects every input field its SQL names.
 * UNION and INTERSECT take each column from the same position of every SELECT; the SELECTs
 * after EXCEPT only decide which rows remain. A subquery in a value or a condition resolves
 * what its own tables lack in the query around it (`outer`).
 */
function queryResult(
  query: QueryLineage,
  tables: ReadonlyMap<string, TableLineage>,
  named: FieldSet,
  outer?: Resolve,
): QueryResult {
  const result = unlimitedQueryResult(query, tables, named, outer);
  return query.isOneRow ? { ...result, isOneRow: true } : result;
}

/** `queryResult`, before its LIMIT. */
function unlimitedQueryResult(
  query: QueryLineage,
  tables: ReadonlyMap<string, TableLineage>,
  named: FieldSet,
  outer?: Resolve,
): QueryResult {
  const scope = new Map(tables);
  for (const cte of query.ctes) scope.set(cte.name, cteTable(cte, scope, named, outer));
  const [first, ...others] = query.selects.map((select) => selectResult(select, scope, named, outer));
  const filters = query.filters.map((select) => selectResult(select, scope, named, outer));
  if (!first || (others.length === 0 && filters.length === 0))
    return first ?? { columns: [], rowSources: new FieldSet(), inputs: new Set(), knowsInputs: true };
  const rowSources = new FieldSet();
  const inputs = new Set<string>();
  let knowsInputs = true;
  for (const result of [first, ...others, ...filters]) {
    rowSources.addAll(result.rowSources);
    for (const input of result.inputs) inputs.add(input);
    knowsInputs &&= result.knowsInputs;
  }
  for (const filter of filters) for (const { column } of filter.columns) rowSources.addAll(column.sources);
  const columns = first.columns.map(({ name, column }, position) => {
    const sources = new FieldSet();
    const copies = new FieldSet();
    const derived = new FieldSet();
    const picked = new FieldSet();
    const ranked = new FieldSet();
    const altered: AlteredFields = new Map();
    for (const result of [first, ...others]) {
      const same = result.columns[position]?.column;
      if (!same) continue;
      sources.addAll(same.sources);
      copies.addAll(same.copies);
      derived.addAll(same.derived);
      if (same.picked) picked.addAll(same.picked);
      if (same.ranked) ranked.addAll(same.ranked);
      for (const [alteration, fields] of same.altered ?? []) addAltered(altered, alteration, fields);
    }
    return {
      ...(name !== undefined && { name }),
      column: { name: column.name, sources, copies, derived, picked, ranked, altered },
    };
  });
  return { columns, rowSources, inputs, knowsInputs };
}

/** The table a WITH query makes over the tables in `scope` (those before it); `named` collects every input field its SQL names. */
export function cteTable(
  cte: NamedQuery,
  scope: ReadonlyMap<string, TableLineage>,
  named = new FieldSet(),
  outer?: Resolve,
): TableLineage {
  if ('query' in cte) return resultTable(cte.name, queryResult(cte.query, scope, named, outer), cte.columns);
  const table = opaqueTable(cte.name, cte.opaque.identifiers, scope);
  named.addAll(table.mentioned);
  return table;
}

function selectResult(
  select: SelectLineage,
  scope: ReadonlyMap<string, TableLineage>,
  named: FieldSet,
  outer?: Resolve,
): QueryResult {
  const read = new Map<string, TableLineage>();
  for (const [alias, tableName] of select.tables) {
    const table = scope.get(tableName);
    if (table) read.set(alias, table);
  }
  // A derived table in a subquery that runs per outer row may name that row's columns (SQLite lets it).
  for (const [alias, subquery] of select.subqueries) {
    read.set(alias, resultTable(alias, queryResult(subquery, scope, named, outer)));
  }
  for (const [alias, source] of select.opaque ?? []) {
    const table = opaqueTable(alias, source.identifiers, scope);
    named.addAll(table.mentioned);
    read.set(alias, table);
  }
  const readTables = [...new Set(read.values())];
  /** The columns a reference may mean: by qualifier, or any table read that has the column; else the outer query's. */
  const resolve: Resolve = (ref) => {
    const candidates = ref.qualifier ? [read.get(ref.qualifier)].flatMap((table) => table ?? []) : readTables;
    const columns = candidates.flatMap((table) => {
      const column = columnOf(table, ref.column, ref.column);
      return column.sources.isEmpty ? [] : [column];
    });
    return columns.length > 0 || !outer ? columns : outer(ref);
  };
  const subqueryResults = new Map<QueryLineage, QueryResult>();
  /** Subqueries naming a column of this select's rows: they run once per row, each with its own answer. */
  const correlated = new Set<QueryLineage>();
  /** A subquery in a value or a condition, read once however often the select names it. */
  const resultOf = (subquery: QueryLineage): QueryResult => {
    const known = subqueryResults.get(subquery);
    if (known) return known;
    const resolveOuter: Resolve = (ref) => {
      const columns = resolve(ref);
      if (columns.length > 0) correlated.add(subquery);
      return columns;
    };
    const result = queryResult(subquery, scope, named, resolveOuter);
    subqueryResults.set(subquery, result);
    return result;
  };
  const columns: QueryResult['columns'] = [];
  for (const output of select.outputs) {
    if (output.kind === 'star') {
      const starred =
        output.qualifier === undefined ? readTables : [read.get(output.qualifier)].flatMap((table) => table ?? []);
      for (const table of starred) {
        for (const [key, column] of table.columns) {
          columns.push({ name: key, column });
          // `*` copies each column as if the SQL named it: the step uses those fields by name.
          named.addAll(column.sources);
        }
      }
      continue;
    }
    const sources = new FieldSet();
    const copies = new FieldSet();
    const derived = new FieldSet();
    const picked = new FieldSet();
    const ranked = new FieldSet();
    const altered: AlteredFields = new Map();
    /** A copy of a column keeps its copies, and what it is derived from. */
    const copy = (column: ColumnLineage) => {
      copies.addAll(column.copies);
      derived.addAll(column.derived);
      if (column.picked) picked.addAll(column.picked);
      if (column.ranked) ranked.addAll(column.ranked);
      for (const [alteration, fields] of column.altered ?? []) addAltered(altered, alteration, fields);
    };
    for (const column of output.refs.flatMap(resolve)) sources.addAll(column.sources);
    for (const column of output.copies.flatMap(resolve)) copy(column);
    for (const column of (output.picked ?? []).flatMap(resolve)) picked.addAll(column.copies);
    for (const { column: ref, alteration } of output.altered ?? []) {
      for (const column of resolve(ref)) addAltered(altered, alteration, column.copies);
    }
    for (const column of (output.derived ?? []).flatMap(resolve)) {
      derived.addAll(column.copies);
      derived.addAll(column.derived);
    }
    for (const column of (output.ranked ?? []).flatMap(resolve)) ranked.addAll(column.copies);
    for (const subquery of output.subqueries ?? []) {
      const read = everythingRead(resultOf(subquery));
      sources.addAll(read);
      // A subquery the value tests rather than keeps (EXISTS, IN, compared with), or one it keeps that runs per row
      // (`(SELECT COUNT(*) … WHERE r.patient_id = p.patient_id AND r.flag = 'H')`): each row's answer tells what it read.
      if (!output.copiedSubqueries?.includes(subquery) || correlated.has(subquery)) derived.addAll(read);
    }
    for (const subquery of output.copiedSubqueries ?? []) {
      const [value] = resultOf(subquery).columns;
      if (value) copy(value.column);
    }
    for (const { column: ref, window, pinned: pinnedInside = [] } of output.aggregated ?? []) {
      const pinned = [...(select.pinned ?? []), ...pinnedInside];
      const isOneValuePerGroup = window
        ? window.isOneRowFrame || holdsOneValue(select, read, ref, [...window.partition, ...pinned])
        : select.hasOneRowGroups ||
          holdsOneValue(select, read, ref, [...select.grouping, ...pinned, ...(select.oneValuePerGroup ?? [])]);
      if (isOneValuePerGroup) for (const column of resolve(ref)) copy(column);
    }
    named.addAll(sources);
    const name = output.name ?? '';
    columns.push({
      ...(output.name !== undefined && { name: output.name }),
      column: { name, sources, copies, derived, picked, ranked, altered },
    });
  }
  const rowSources = new FieldSet();
  for (const column of select.conditions.flatMap(resolve)) rowSources.addAll(column.sources);
  if (select.joinsNaturally) for (const column of columnsSharedByName(readTables)) rowSources.addAll(column.sources);
  named.addAll(rowSources);
  for (const subquery of select.conditionSubqueries) rowSources.addAll(everythingRead(resultOf(subquery)));
  for (const table of readTables) rowSources.addAll(table.rowSources);
  const readFrom = [...readTables, ...subqueryResults.values()];
  const keys = keptKeys(select, read);
  return {
    columns,
    ...(keys && { keys }),
    rowSources,
    inputs: new Set(readFrom.flatMap((source) => [...source.inputs])),
    knowsInputs: readFrom.every((source) => source.knowsInputs),
  };
}

/**
 * The columns of each table whose name another table read has too: those a NATURAL join matches
 * rows on. Taken over every table the SELECT reads, so a join of another kind beside it may add
 * some that decide no rows: over-reported, never missed.
 */
function columnsSharedByName(tables: readonly TableLineage[]): ColumnLineage[] {
  const tablesPerName = new Map<string, number>();
  for (const table of tables) {
    for (const name of table.columns.keys()) tablesPerName.set(name, (tablesPerName.get(name) ?? 0) + 1);
  }
  return tables.flatMap((table) =>
    [...table.columns].flatMap(([name, column]) => ((tablesPerName.get(name) ?? 0) > 1 ? [column] : [])),
  );
}

/**
 * Whether within each group of `grouping` (a GROUP BY, or a window's PARTITION BY) the column `ref`
 * has one value: the grouping names that column itself, or every column of a key of the table `ref`
 * names (its primary key, or a unique field), so that each group is one row of that table (however
 * many rows a join adds).
 */
function holdsOneValue(
  select: SelectLineage,
  read: ReadonlyMap<string, TableLineage>,
  ref: ColumnRef,
  grouping: readonly GroupedColumn[],
): boolean {
  const alias = aliasOf(select, read, ref);
  if (alias === undefined) return false;
  if (read.get(alias)?.isOneRow) return true;
  const keys = read.get(alias)?.keys ?? [];
  const groups = (column: string) => isGroupedBy(select, read, grouping, alias, column);
  return groups(ref.column) || keys.some((key) => key.length > 0 && key.every(groups));
}

/** Whether `grouping` names `column` of the table read as `alias`. */
function isGroupedBy(
  select: SelectLineage,
  read: ReadonlyMap<string, TableLineage>,
  grouping: readonly GroupedColumn[],
  alias: string,
  column: string,
): boolean {
  return grouping.some((grouped) => {
    const groupedAlias = aliasOf(select, read, grouped);
    // A name no table read has is the select item's alias (SQLite reads a table's column first).
    const named = groupedAlias === undefined && grouped.selected ? grouped.selected : grouped;
    return named.column === column && (named === grouped ? groupedAlias : aliasOf(select, read, named)) === alias;
  });
}

/**
 * The keys of the one table a SELECT reads (no join, no subquery in FROM, no GROUP BY) that its
 * output keeps, as they are, in every column, by their output names: its rows are that table's
 * rows, so they keep the keys. Undefined where they may not.
 */
function keptKeys(select: SelectLineage, read: ReadonlyMap<string, TableLineage>): string[][] | undefined {
  const aliases = tableAliases(select);
  const [alias] = aliases;
  const keys = alias === undefined ? undefined : read.get(alias)?.keys;
  const joinsMore = select.subqueries.size > 0 || (select.opaque?.size ?? 0) > 0;
  if (aliases.length !== 1 || joinsMore || select.grouping.length > 0 || !keys?.length) return undefined;
  const outputName = (column: string) =>
    select.outputs.flatMap((output) => {
      if (output.kind === 'star') return [column];
      return output.column?.column === column && output.name !== undefined ? [output.name] : [];
    })[0];
  return keys.flatMap((key) => {
    const names = key.map(outputName);
    return names.every((name) => name !== undefined) ? [names as string[]] : [];
  });
}

/** The aliases of the tables a SELECT reads; a table's own name stands for its one alias. */
export function tableAliases(select: SelectLineage): string[] {
  const tables = [...select.tables];
  return tables
    .filter(([alias, name]) => alias !== name || !tables.some(([other, named]) => other !== alias && named === name))
    .map(([alias]) => alias);
}

/**
 * The alias of the table or subquery in FROM a column reference names: its qualifier, or the one
 * of those read that has the column. Undefined where that is ambiguous.
 */
export function aliasOf(
  select: SelectLineage,
  read: ReadonlyMap<string, TableLineage>,
  ref: ColumnRef,
): string | undefined {
  const aliases = [...tableAliases(select), ...select.subqueries.keys()];
  const candidates = ref.qualifier
    ? aliases.filter((alias) => alias === ref.qualifier || select.tables.get(alias) === ref.qualifier)
    : aliases.filter((alias) => read.get(alias)?.columns.has(ref.column));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Every input field a query's result depends on: its columns' and its rows'. */
function everythingRead(result: QueryResult): FieldSet {
  const read = new FieldSet();
  read.addAll(result.rowSources);
  for (const { column } of result.columns) read.addAll(column.sources);
  return read;
}
