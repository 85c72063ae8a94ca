import type { Port, Transformation } from '../model';
import { rawTableName } from '../simulation/sql-text';
import type { ProductLineage } from './product-lineage';
import { type ColumnRef, type QueryLineage, type SelectLineage, sqlLineageOf } from './sql-lineage';
import { stepResultColumns } from './step-result-columns';

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

/** An earlier step's table whose columns its SQL names all (see `stepResultColumns`). */
export interface StepTable {
  kind: 'step';
  /** As the step is named. */
  name: string;
  /** Lower-cased, its result's first, then its contract's. */
  fields: readonly string[];
  columns: ReadonlySet<string>;
}

/** A table whose columns are known for certain, so a column it lacks is provably missing. */
export type KnownTable = InputTable | StepTable;

/** The columns of an input port's raw zone, as the engine would create it; undefined when unknown. */
export type RawZoneColumns = (port: Port) => readonly string[] | undefined;

/** A SELECT whose tables a column may belong to: the one naming it, or one around the subquery that does. */
interface Scope {
  select: SelectLineage;
  ctes: ReadonlySet<string>;
  /** Its tables whose columns are known: inputs' tables and earlier steps' that name theirs. */
  read: readonly KnownTable[];
  /** Whether every table it reads has known columns: only then is an unqualified column it lacks provably missing. */
  readsOnlyKnownTables: boolean;
  /** Its output columns' names, which its conditions (and subqueries in them) may name. */
  aliases: ReadonlySet<string>;
}

/** Something a transformation's SQL reads that nothing in its product provides. */
export type UnprovidedRead =
  /** A column none of the tables it may belong to has (one, when the SQL names it `t.column`). */
  | { kind: 'column'; column: string; tables: readonly KnownTable[] }
  | { kind: 'table'; table: string; inputTables: readonly InputTable[] };

export interface TransformationReads {
  transformation: Transformation;
  index: number;
  unprovided: UnprovidedRead[];
}

/** A COLLATE's collation and the row ids every table has: never a read of an input's field. */
const NOT_COLUMNS = new Set(['nocase', 'binary', 'rtrim', 'rowid', 'oid', '_rowid_']);

/**
 * What each transformation reads that its product's inputs do not provide: a field of an input's
 * clean table that the dataset does not bring, a column its raw zone does not have (`rawZoneColumns`),
 * a table no input brings and no earlier step makes, a column an earlier step does not make. Only
 * what can be proven from SQL read exactly (see sql-lineage.ts): a step read approximately as a
 * whole, a column of a CTE, a subquery, an opaque source (a VALUES list) or a step whose SQL does
 * not name all its columns is never reported, nor a table while an input port brings no known
 * dataset (it might bring that one).
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
  const stepTables = new Map<string, StepTable>();
  const isProvided = (table: string) => inputTables.has(table) || earlierSteps.has(table) || isEngineTable(table);
  // A CTE of a table's name hides its columns.
  const inputTableIn = (name: string | undefined, ctes: ReadonlySet<string>): KnownTable | undefined =>
    name === undefined || ctes.has(name)
      ? undefined
      : (inputTables.get(name) ?? rawZones.get(name) ?? stepTables.get(name));

  return lineage.product.transformations.flatMap((transformation, index): TransformationReads[] => {
    const reads = unprovidedReadsOf(transformation, index);
    const name = transformation.name.toLowerCase();
    earlierSteps.add(name);
    const fields = stepResultColumns(transformation, publishedFields(lineage, name));
    if (fields && !inputTables.has(name)) {
      stepTables.set(name, { kind: 'step', name: transformation.name, fields, columns: new Set(fields) });
    }
    return reads;
  });

  function unprovidedReadsOf(transformation: Transformation, index: number): TransformationReads[] {
    // Read approximately as a whole, it may read any table; an opaque source leaves the rest read exactly.
    const { query } = sqlLineageOf(transformation.sql);
    if (!query) return [];
    const unprovided: UnprovidedRead[] = [];
    const reported = new Set<string>();
    const report = (key: string, read: UnprovidedRead) => {
      if (reported.has(key)) return;
      reported.add(key);
      unprovided.push(read);
    };
    const visitQuery = (node: QueryLineage, outerCtes: ReadonlySet<string>, outer: readonly Scope[]) => {
      const ctes = new Set(outerCtes);
      for (const cte of node.ctes) {
        if ('query' in cte) visitQuery(cte.query, ctes, outer);
        ctes.add(cte.name);
      }
      for (const select of [...node.selects, ...node.filters]) visitSelect(select, ctes, outer);
    };
    const visitSelect = (select: SelectLineage, ctes: ReadonlySet<string>, outer: readonly Scope[]) => {
      for (const subquery of select.subqueries.values()) visitQuery(subquery, ctes, outer);
      const tables = new Set(select.tables.values());
      for (const table of tables) {
        if (knowsEveryInput && !ctes.has(table) && !isProvided(table)) {
          report(`table ${table}`, { kind: 'table', table, inputTables: [...inputTables.values()] });
        }
      }
      const inputTableOf = (name: string | undefined) => inputTableIn(name, ctes);
      const read = [...tables].map(inputTableOf).filter((table): table is KnownTable => table !== undefined);
      const scope: Scope = {
        select,
        ctes,
        read,
        // An unqualified column is provably missing only where every table it may belong to is an input's.
        readsOnlyKnownTables:
          select.subqueries.size === 0 && !select.opaque?.size && read.length > 0 && read.length === tables.size,
        aliases: new Set(select.outputs.flatMap((output) => (output.kind === 'value' && output.name) || [])),
      };
      // A subquery in a value or a condition reads its own tables first, then those of the queries around it.
      const scopes = [scope, ...outer];
      const check = (ref: ColumnRef, mayBeAlias: boolean) => {
        if (NOT_COLUMNS.has(ref.column)) return;
        if (ref.qualifier !== undefined) {
          // The nearest FROM item of that alias, though a subquery or an opaque source has no known columns.
          const owner = scopes.find(({ select: around }) => definesAlias(around, ref.qualifier as string));
          const table = owner && inputTableIn(owner.select.tables.get(ref.qualifier), owner.ctes);
          if (table && !table.columns.has(ref.column)) {
            report(`${table.name}.${ref.column}`, { kind: 'column', column: ref.column, tables: [table] });
          }
          return;
        }
        const isUnknown = scopes.some(
          (around, depth) =>
            !around.readsOnlyKnownTables ||
            ((mayBeAlias || depth > 0) && around.aliases.has(ref.column)) ||
            around.read.some((table) => table.columns.has(ref.column)),
        );
        if (isUnknown) return;
        const key = `${read.map((table) => table.name).join()}.${ref.column}`;
        report(key, { kind: 'column', column: ref.column, tables: read });
      };
      for (const output of select.outputs) {
        if (output.kind !== 'value') continue;
        for (const ref of output.refs) check(ref, false);
        for (const subquery of output.subqueries ?? []) visitQuery(subquery, ctes, scopes);
      }
      // GROUP BY, HAVING and (in SQLite) WHERE may name the SELECT's own output columns.
      for (const ref of select.conditions) check(ref, true);
      for (const subquery of select.conditionSubqueries) visitQuery(subquery, ctes, scopes);
    };
    visitQuery(query, new Set(), []);
    return unprovided.length > 0 ? [{ transformation, index, unprovided }] : [];
  }
}

function definesAlias(select: SelectLineage, alias: string): boolean {
  return select.tables.has(alias) || select.subqueries.has(alias) || select.opaque?.has(alias) === true;
}

/** The fields of the schema objects output ports publish from the step `name` (lower-cased), the columns of its table. */
function publishedFields(lineage: ProductLineage, name: string): string[] {
  return [...lineage.outputs.values()].flatMap((output) =>
    output.objects.flatMap(({ object }) =>
      object.name.toLowerCase() === name ? object.properties.map((property) => property.name) : [],
    ),
  );
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
