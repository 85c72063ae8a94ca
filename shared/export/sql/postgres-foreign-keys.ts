import { columnNameOf } from '../../contracts/physical-names';
import { SHORTHAND } from '../../contracts/relationship-checks';
import type { ContractProperty, SchemaObject } from '../../model/contract';
import { quoted } from '../../model/isolated-names';
import { addConstraintOnceKept } from './once-filled';
import { columnTypeParts, postgresTypeOf } from './postgres-column-types';
import { ident, qualified } from './postgres-names';
import { columnNames, hasUniqueConstraint, type PostgresTable } from './postgres-tables';

/*
 * ODCS foreign-key relationships (`to: table.column`, on a property or, with `from`, on a schema
 * object) among a data product's tables. One whose target is a table of the same product's file,
 * by its key or a unique column of a comparable type, is a FOREIGN KEY. One whose target is
 * another product's table is a comment only: products deploy on their own, and a constraint
 * across them would tie one's deployment to the other's.
 */

export interface ForeignKey {
  table: PostgresTable;
  /** PostgreSQL's own name for it: `<table>_<columns>_fkey`. */
  name: string;
  columns: string[];
  references: PostgresTable;
  referencedColumns: string[];
  /**
   * What PostgreSQL ties it to, which a migration cannot change while it stands: the referenced
   * table's key or unique constraint, and the types of the columns on both sides.
   */
  restsOn: string;
}

/** Another data product's tables, which a relationship may point at. */
export interface OtherProductTables {
  productName: string;
  tables: readonly PostgresTable[];
}

export interface TableReferences {
  foreignKeys: ForeignKey[];
  /** Relationships written as comments, each naming the column and why no FOREIGN KEY stands for it. */
  notes: string[];
}

export function tableReferences(
  tables: readonly PostgresTable[],
  otherProducts: readonly OtherProductTables[] = [],
): TableReferences {
  const foreignKeys: ForeignKey[] = [];
  const notes: string[] = [];
  for (const table of tables) {
    for (const { from, toTable, toColumns } of relationshipsOf(table.object)) {
      const columns = from.map(columnNameOf);
      const source = columnList(table, columns);
      const references =
        tables.find((other) => other.contract === table.contract && other.object.name === toTable) ??
        tables.find((other) => other.object.name === toTable);
      if (references) {
        const referenced = propertiesNamed(references.object, toColumns);
        if (!referenced) continue;
        const referencedColumns = referenced.map(columnNameOf);
        const whyNot = whyNoForeignKey(table, from, references, referenced);
        if (whyNot)
          notes.push(`${source} references ${columnList(references, referencedColumns)}: no FOREIGN KEY, ${whyNot}`);
        else
          foreignKeys.push({
            table,
            name: `${table.name}_${columns.join('_')}_fkey`,
            columns,
            references,
            referencedColumns,
            restsOn: `${constraintReferenced(references, referencedColumns)}, types ${[...columnTypesOf(table, from), ...columnTypesOf(references, referenced)].join(', ')}`,
          });
        continue;
      }
      for (const { productName, tables: theirs } of otherProducts) {
        const target = theirs.find((other) => other.object.name === toTable);
        const referenced = target && propertiesNamed(target.object, toColumns);
        if (!target || !referenced) continue;
        notes.push(
          `${source} references ${columnList(target, referenced.map(columnNameOf))} of data product ${quoted(productName)}: no FOREIGN KEY across data products, which deploy on their own`,
        );
        break;
      }
    }
  }
  return { foreignKeys, notes };
}

export function foreignKeyClause(foreignKey: ForeignKey): string {
  const { references } = foreignKey;
  return `CONSTRAINT ${ident(foreignKey.name)} FOREIGN KEY (${columnNames(foreignKey.columns)}) REFERENCES ${qualified(references.schema, references.name)} (${columnNames(foreignKey.referencedColumns)})`;
}

export function addForeignKeyStatement(foreignKey: ForeignKey): string {
  return `ALTER TABLE ${qualified(foreignKey.table.schema, foreignKey.table.name)} ADD ${foreignKeyClause(foreignKey)};`;
}

/** A foreign key the migration adds: at once for new rows, for the stored ones once none names a missing row. */
export function addForeignKeyOnceKept(foreignKey: ForeignKey): string[] {
  const { table, references } = foreignKey;
  return addConstraintOnceKept(qualified(table.schema, table.name), {
    name: foreignKey.name,
    clause: foreignKeyClause(foreignKey),
    brokenWhere: orphanRowCondition(foreignKey),
    described: `the FOREIGN KEY ${ident(foreignKey.name)} (${columnNames(foreignKey.columns)}) to ${columnList(references, foreignKey.referencedColumns)}`,
  });
}

/** A foreign key the migration drops, before any table it names is dropped or changed. */
export function dropForeignKeyStatement(foreignKey: ForeignKey): string {
  return `ALTER TABLE IF EXISTS ${qualified(foreignKey.table.schema, foreignKey.table.name)} DROP CONSTRAINT IF EXISTS ${ident(foreignKey.name)};`;
}

/**
 * The foreign keys in `after` that `before` lacks, each as its table and clause say it and as it
 * rests on the referenced key and the column types: one whose key is remade or column retyped is
 * dropped before the tables change and added again after, as PostgreSQL would refuse the change.
 */
export function foreignKeysNotIn(after: readonly ForeignKey[], before: readonly ForeignKey[]): ForeignKey[] {
  const said = (foreignKey: ForeignKey) =>
    `${qualified(foreignKey.table.schema, foreignKey.table.name)} ${foreignKeyClause(foreignKey)} on ${foreignKey.restsOn}`;
  const known = new Set(before.map(said));
  return after.filter((foreignKey) => !known.has(said(foreignKey)));
}

/** A row of the foreign key's table whose reference names no row of the table it references. */
function orphanRowCondition(foreignKey: ForeignKey): string {
  const { table, references } = foreignKey;
  const own = (column: string) => `${qualified(table.schema, table.name)}.${ident(column)}`;
  const matches = foreignKey.columns.map(
    (column, index) => `"referenced".${ident(foreignKey.referencedColumns[index] as string)} = ${own(column)}`,
  );
  return `${foreignKey.columns.map((column) => `${own(column)} IS NOT NULL`).join(' AND ')} AND NOT EXISTS (SELECT FROM ${qualified(references.schema, references.name)} AS "referenced" WHERE ${matches.join(' AND ')})`;
}

/** PostgreSQL refuses a FOREIGN KEY to columns that are not a key or unique, or of types it cannot compare. */
function whyNoForeignKey(
  table: PostgresTable,
  from: readonly ContractProperty[],
  references: PostgresTable,
  referenced: readonly ContractProperty[],
): string | undefined {
  const referencedColumns = referenced.map(columnNameOf);
  const isKey = isPrimaryKeyOf(references, referencedColumns);
  const isUnique = referenced.length === 1 && hasUniqueConstraint(references, referenced[0] as ContractProperty);
  if (!isKey && !isUnique)
    return `as ${columnNames(referencedColumns)} is neither the key of ${ident(references.name)} nor unique`;
  const [fromTypes, referencedTypes] = [columnTypesOf(table, from), columnTypesOf(references, referenced)];
  const clash = fromTypes.findIndex((type, index) => typeFamily(type) !== typeFamily(referencedTypes[index] as string));
  return clash === -1 ? undefined : `as ${fromTypes[clash]} and ${referencedTypes[clash]} do not compare`;
}

function columnTypesOf(table: PostgresTable, properties: readonly ContractProperty[]): string[] {
  return properties.map((property) => postgresTypeOf(property, table.typeDialect));
}

function isPrimaryKeyOf(table: PostgresTable, columns: readonly string[]): boolean {
  return columns.length === table.primaryKey.length && columns.every((column) => table.primaryKey.includes(column));
}

/** The constraint of the referenced table a foreign key stands on: its primary key, else the unique column's. */
function constraintReferenced(references: PostgresTable, referencedColumns: readonly string[]): string {
  return isPrimaryKeyOf(references, referencedColumns)
    ? `PRIMARY KEY (${columnNames(references.primaryKey)})`
    : `UNIQUE (${columnNames(referencedColumns)})`;
}

/** Types PostgreSQL compares across a foreign key: texts with texts, integers with integers, each other type with itself. */
function typeFamily(columnType: string): string {
  const { base } = columnTypeParts(columnType);
  if (base === 'varchar' || base === 'text') return 'text';
  return ['smallint', 'integer', 'bigint'].includes(base) ? 'integer' : base;
}

function columnList(table: PostgresTable, columns: readonly string[]): string {
  return `${qualified(table.schema, table.name)} (${columnNames(columns)})`;
}

function propertiesNamed(object: SchemaObject, names: readonly string[]): ContractProperty[] | undefined {
  const properties = names.map((name) => object.properties.find((property) => property.name === name));
  return properties.every((property) => property !== undefined) ? (properties as ContractProperty[]) : undefined;
}

/** The object's foreign-key relationships in `table.column` form: a property's (`from` itself) and the object's own (`from` and `to`). */
function relationshipsOf(object: SchemaObject): { from: ContractProperty[]; toTable: string; toColumns: string[] }[] {
  const onObject = foreignKeysAmong(object.extensions?.relationships).flatMap(({ from, to }) => {
    const sources = references(from);
    if (!sources || sources.some(([table]) => table !== object.name)) return [];
    const properties = propertiesNamed(
      object,
      sources.map(([, column]) => column),
    );
    return properties ? [{ from: properties, to }] : [];
  });
  const onProperties = object.properties.flatMap((property) =>
    foreignKeysAmong(property.extensions?.relationships).map(({ to }) => ({ from: [property], to })),
  );
  return [...onObject, ...onProperties].flatMap(({ from, to }) => {
    const targets = references(to);
    const toTable = targets?.[0]?.[0];
    if (
      !targets ||
      toTable === undefined ||
      targets.length !== from.length ||
      targets.some(([table]) => table !== toTable)
    )
      return [];
    return [{ from, toTable, toColumns: targets.map(([, column]) => column) }];
  });
}

function foreignKeysAmong(relationships: unknown): { from?: unknown; to?: unknown }[] {
  if (!Array.isArray(relationships)) return [];
  return relationships.filter(
    (relationship): relationship is { from?: unknown; to?: unknown; type?: unknown } =>
      typeof relationship === 'object' &&
      relationship !== null &&
      ((relationship as { type?: unknown }).type ?? 'foreignKey') === 'foreignKey',
  );
}

/** Each `table.column` of a reference, or undefined when any is in another form. */
function references(value: unknown): [string, string][] | undefined {
  const list = Array.isArray(value) ? value : [value];
  const parsed = list.map((reference) => (typeof reference === 'string' ? SHORTHAND.exec(reference) : null));
  return parsed.every((match) => match !== null)
    ? parsed.map((match) => [match?.[1] as string, match?.[2] as string])
    : undefined;
}
