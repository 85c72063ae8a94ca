import type { Port, Transformation } from '../model';
import { rawTableName } from '../simulation/sql-text';
import type { ProductLineage } from './product-lineage';
import { type ColumnRef, type QueryLineage, type SelectLineage, sqlLineageOf } from './sql-lineage';

/** An input's clean table, or its raw zone (`raw_<port>`), as a transformation reads it. */
export interface InputTable {
  kind: 'clean' | 'raw';
  /** As the dataset names it. */
  name: string;
  port: Port;
  /** As written, in table order. */
  fields: readonly string[];
  /** Lower-cased, as SQL compares names. */
  columns: ReadonlySet<string>;
}

/** The columns of an input port's raw zone, as the engine would create it; undefined when unknown. */
export type RawZoneColumns = (port: Port) => readonly string[] | undefined;

/** Something a transformation's SQL reads that nothing in its product provides. */
export type UnprovidedRead =
  /** A column none of the input tables it may belong to brings (one, when the SQL names it `t.column`). */
  | { kind: 'column'; column: string; tables: readonly InputTable[] }
  | { kind: 'table'; table: string; inputTables: readonly InputTable[] };

export interface TransformationReads {
  transformation: Transformation;
  index: number;
  unprovided: UnprovidedRead[];
}

/**
 * Names SQLite reads as values where a column could stand (`CURRENT_TIMESTAMP`), or inside a
 * window frame or a COLLATE; with the row ids every table has, never a read of an input's field.
 */
const NOT_COLUMNS = new Set([
  'current_date',
  'current_time',
  'current_timestamp',
  'rowid',
  'oid',
  '_rowid_',
  'unbounded',
  'preceding',
  'following',
  'current',
  'row',
  'ties',
  'others',
  'exclude',
  'groups',
  'no',
  'nocase',
  'binary',
  'rtrim',
  'isnull',
  'notnull',
  'regexp',
  'match',
]);

/**
 * What each transformation reads that its product's inputs do not provide: a field of an input's
 * clean table that the dataset does not bring, a column its raw zone does not have (`rawZoneColumns`),
 * a table no input brings and no earlier step makes. Only
 * what can be proven from SQL read exactly (see sql-lineage.ts): a step read approximately, a
 * column of a CTE, a subquery or a step (whose table a contract may shape) is never reported,
 * nor a table while an input port brings no known dataset (it might bring that one).
 */
export function unprovidedReads(lineage: ProductLineage, rawZoneColumns: RawZoneColumns): TransformationReads[] {
  const inputTables = new Map<string, InputTable>();
  const rawZones = new Map<string, InputTable>();
  for (const { port, feeds } of lineage.inputs.values()) {
    for (const { dataset } of feeds) {
      const key = dataset.schema.name.toLowerCase();
      if (inputTables.has(key)) continue;
      const fields = dataset.schema.properties.map((property) => property.name);
      inputTables.set(key, { kind: 'clean', name: dataset.schema.name, port, fields, columns: lowerCased(fields) });
    }
    const rawFields = rawZoneColumns(port);
    const rawTable = rawTableName(port.id);
    if (rawFields) {
      rawZones.set(rawTable, { kind: 'raw', name: rawTable, port, fields: rawFields, columns: lowerCased(rawFields) });
    }
  }
  const knowsEveryInput = lineage.product.inputPorts.every((port) => lineage.inputs.has(port.id));
  // Steps run in order: a step reads only the tables of the steps before it, not its own nor a later one's.
  const earlierSteps = new Set<string>();
  const isProvided = (table: string) => inputTables.has(table) || earlierSteps.has(table) || isEngineTable(table);

  return lineage.product.transformations.flatMap((transformation, index): TransformationReads[] => {
    const reads = unprovidedReadsOf(transformation, index);
    earlierSteps.add(transformation.name.toLowerCase());
    return reads;
  });

  function unprovidedReadsOf(transformation: Transformation, index: number): TransformationReads[] {
    const { query, approximateBecause } = sqlLineageOf(transformation.sql);
    // A part read approximately may hold any column: only a read it can prove is reported.
    if (!query || approximateBecause) return [];
    const unprovided: UnprovidedRead[] = [];
    const reported = new Set<string>();
    const report = (key: string, read: UnprovidedRead) => {
      if (reported.has(key)) return;
      reported.add(key);
      unprovided.push(read);
    };
    const visitQuery = (node: QueryLineage, outerCtes: ReadonlySet<string>) => {
      const ctes = new Set(outerCtes);
      for (const cte of node.ctes) {
        if ('query' in cte) visitQuery(cte.query, ctes);
        ctes.add(cte.name);
      }
      for (const select of [...node.selects, ...node.filters]) visitSelect(select, ctes);
    };
    const visitSelect = (select: SelectLineage, ctes: ReadonlySet<string>) => {
      for (const subquery of select.subqueries.values()) visitQuery(subquery, ctes);
      const tables = new Set(select.tables.values());
      for (const table of tables) {
        if (knowsEveryInput && !ctes.has(table) && !isProvided(table)) {
          report(`table ${table}`, { kind: 'table', table, inputTables: [...inputTables.values()] });
        }
      }
      // Only an input's own tables have columns known for certain; a CTE of its name hides them.
      const inputTableOf = (name: string | undefined) =>
        name === undefined || ctes.has(name) ? undefined : (inputTables.get(name) ?? rawZones.get(name));
      const read = [...tables].map(inputTableOf).filter((table): table is InputTable => table !== undefined);
      // An unqualified column is provably missing only where every table it may belong to is an input's.
      const readsOnlyInputs = select.subqueries.size === 0 && read.length > 0 && read.length === tables.size;
      const aliases = new Set(select.outputs.flatMap((output) => (output.kind === 'value' && output.name) || []));
      const check = (ref: ColumnRef, mayBeAlias: boolean) => {
        if (NOT_COLUMNS.has(ref.column)) return;
        if (ref.qualifier !== undefined) {
          const table = inputTableOf(select.tables.get(ref.qualifier));
          if (table && !table.columns.has(ref.column)) {
            report(`${table.name}.${ref.column}`, { kind: 'column', column: ref.column, tables: [table] });
          }
          return;
        }
        if (!readsOnlyInputs || (mayBeAlias && aliases.has(ref.column))) return;
        if (read.some((table) => table.columns.has(ref.column))) return;
        const key = `${read.map((table) => table.name).join()}.${ref.column}`;
        report(key, { kind: 'column', column: ref.column, tables: read });
      };
      for (const output of select.outputs)
        if (output.kind === 'value') for (const ref of output.refs) check(ref, false);
      // GROUP BY, HAVING and (in SQLite) WHERE may name the SELECT's own output columns.
      for (const ref of select.conditions) check(ref, true);
    };
    visitQuery(query, new Set());
    return unprovided.length > 0 ? [{ transformation, index, unprovided }] : [];
  }
}

const lowerCased = (names: readonly string[]) => new Set(names.map((name) => name.toLowerCase()));

/** Tables the simulation engine keeps in every product: raw zones, history, the quarantine, its own (`_…`), SQLite's, the broker's logs. */
function isEngineTable(name: string): boolean {
  return (
    name === 'quarantine' ||
    name.startsWith('raw_') ||
    name.endsWith('_history') ||
    name.startsWith('_') ||
    name.startsWith('sqlite_') ||
    name.startsWith('pragma_') ||
    name.includes('/')
  );
}
