import { columnCommentText } from '../../contracts/column-comment';
import { historyColumnClashes, historyColumnNames, historyColumnsOf } from '../../contracts/history-columns';
import { isMeasure, measureExpression, storedProperties } from '../../contracts/measures';
import { columnNameOf, tableNameOf } from '../../contracts/physical-names';
import { isRequiredAsKey, primaryKeyOf } from '../../contracts/primary-key';
import { type TypeDialect, typeDialectOfServers } from '../../contracts/server-record-format';
import type { Contract, ContractProperty, SchemaObject } from '../../model/contract';
import { quoted } from '../../model/isolated-names';
import { columnChecksOf } from './postgres-checks';
import { physicalTypeNote, postgresTypeOf } from './postgres-column-types';
import { ident, literal, postgresName, qualified, sqlComment } from './postgres-names';

/*
 * The PostgreSQL tables of a contract: one per schema object.
 * - event: append-only (triggers refuse UPDATE, DELETE and TRUNCATE), its unique properties (the
 *   event id) UNIQUE;
 * - entity: keyed by its primary key;
 * - every table: a CHECK per column the contract says more of than its type (postgres-checks.ts),
 *   not on the history table, whose earlier versions kept the contract of their day;
 * - an entity that keeps history also gets `<name>_history` with the same columns and
 *   `valid_from`, `valid_to`, `is_current` (after the contract's `historyColumnPrefix`, see
 *   history-columns.ts), one current row per key (a partial unique index).
 * Column types: see postgres-column-types.ts; required, or in the key → NOT NULL (the history
 * table has no primary key to make its key columns so).
 * Tables and columns take their physicalName where the contract gives one (see physical-names.ts).
 * An ODCS 3.2 measure is computed when queried, no column (see measures.ts): a comment names it.
 */

export const APPEND_ONLY_FUNCTION = 'reject_change_of_event';

export interface PostgresTable {
  schema: string;
  /** The table's name in PostgreSQL (its object's physicalName or name). */
  name: string;
  contract: Contract;
  object: SchemaObject;
  /** The object's properties stored as columns: every one but its measures. */
  columns: ContractProperty[];
  /** The columns of the primary key, in key order. */
  primaryKey: string[];
  keepsHistory: boolean;
  /** The dialect the contract's servers read its physicalTypes in (MySQL's REAL is a double), as its checks and imports do. */
  typeDialect: TypeDialect | undefined;
}

export function tablesOf(schema: string, contract: Contract): PostgresTable[] {
  return contract.schema.map((object) => ({
    schema,
    name: tableNameOf(object),
    contract,
    object,
    columns: storedProperties(object.properties),
    primaryKey: keyColumns(object),
    keepsHistory: contract.kind === 'entity' && contract.keepHistory,
    typeDialect: typeDialectOfServers(contract.extensions?.servers),
  }));
}

function keyColumns(object: SchemaObject): string[] {
  const columnOf = new Map(object.properties.map((property) => [property.name, columnNameOf(property)]));
  return primaryKeyOf(object).map((name) => columnOf.get(name) ?? name);
}

/** Whether the property has a UNIQUE constraint of its own: unique, and not the table's whole primary key. */
export function hasUniqueConstraint(table: PostgresTable, property: ContractProperty): boolean {
  return property.unique && !(table.primaryKey.length === 1 && table.primaryKey[0] === columnNameOf(property));
}

export const historyName = (table: PostgresTable) => `${table.name}_history`;
export const primaryKeyName = (table: string) => `${table}_pkey`;
export const uniqueName = (table: string, column: string) => `${table}_${column}_key`;
/** PostgreSQL's own name for a column's CHECK. */
export const checkName = (table: string, column: string) => `${table}_${column}_check`;
export const currentIndexName = (table: PostgresTable) => `${historyName(table)}_current`;
export const versionsIndexName = (table: PostgresTable) => `${historyName(table)}_versions`;
export const appendOnlyTriggerName = (table: PostgresTable) => `${table.name}_append_only`;
export const noTruncateTriggerName = (table: PostgresTable) => `${table.name}_no_truncate`;

/** The properties with a UNIQUE constraint of their own. */
export function uniqueProperties(table: PostgresTable): ContractProperty[] {
  return table.columns.filter((property) => hasUniqueConstraint(table, property));
}

/** A column's CHECK: its name (after the table and the column) and condition; undefined when the contract says nothing it checks. */
export interface CheckConstraint {
  name: string;
  condition: string;
}

export function checkConstraintOf(table: PostgresTable, property: ContractProperty): CheckConstraint | undefined {
  const column = columnNameOf(property);
  const { conditions } = columnChecksOf(property, column, table);
  return conditions.length > 0
    ? { name: checkName(table.name, column), condition: conditions.join(' AND ') }
    : undefined;
}

export function checkClause(check: CheckConstraint): string {
  return `CONSTRAINT ${ident(check.name)} CHECK (${check.condition})`;
}

/** The properties whose column has a CHECK. */
export function checkedProperties(table: PostgresTable): ContractProperty[] {
  return table.columns.filter((property) => checkConstraintOf(table, property));
}

/**
 * Every name the table takes in its schema, where tables, indexes and the indexes behind
 * constraints share one namespace: the table, its key and unique indexes, its history table
 * and that table's indexes.
 */
export function relationNames(table: PostgresTable): { name: string; what: string }[] {
  const isKeyed = table.primaryKey.length > 0;
  return [
    { name: table.name, what: `table '${table.name}' of contract '${table.contract.name}'` },
    ...(isKeyed ? [{ name: primaryKeyName(table.name), what: `the primary key of '${table.name}'` }] : []),
    ...uniqueProperties(table).map((property) => ({
      name: uniqueName(table.name, columnNameOf(property)),
      what: `the unique constraint on '${table.name}'.'${columnNameOf(property)}'`,
    })),
    ...(table.keepsHistory
      ? [
          { name: historyName(table), what: `the history table of '${table.name}'` },
          ...(isKeyed
            ? [
                { name: currentIndexName(table), what: `the current-row index of '${historyName(table)}'` },
                { name: versionsIndexName(table), what: `the versions index of '${historyName(table)}'` },
              ]
            : []),
        ]
      : []),
  ];
}

/**
 * The clashes PostgreSQL would refuse or silently merge: two properties of one name, one named
 * like a history column; each with the index of the property where the contract's own checks
 * report it too.
 */
export function tableProblems(table: PostgresTable): { message: string; reportedAt: number }[] {
  const columns = table.object.properties.map((property) => postgresName(columnNameOf(property)));
  const repeated = new Map<string, number>();
  columns.forEach((column, index) => {
    if (columns.indexOf(column) !== index && !repeated.has(column)) repeated.set(column, index);
  });
  return [
    ...[...repeated].map(([column, reportedAt]) => ({
      message: `'${table.name}' has two properties named '${column}'`,
      reportedAt,
    })),
    ...historyColumnClashes(table.contract, table.object).map(({ index, message }) => ({ message, reportedAt: index })),
  ];
}

export function columnDefinition(table: PostgresTable, property: ContractProperty): string {
  return `${nullableColumnDefinition(table, property)}${isRequiredAsKey(property) ? ' NOT NULL' : ''}`;
}

/** The column as a table with rows takes it: no NOT NULL until every row has a value (once-filled.ts). */
export function nullableColumnDefinition(table: PostgresTable, property: ContractProperty): string {
  return `${ident(columnNameOf(property))} ${postgresTypeOf(property, table.typeDialect)}`;
}

export function createTableStatements(table: PostgresTable): string[] {
  const { contract, object } = table;
  const target = qualified(table.schema, table.name);
  const constraints = [
    ...(table.primaryKey.length > 0
      ? [`CONSTRAINT ${ident(primaryKeyName(table.name))} PRIMARY KEY (${columnNames(table.primaryKey)})`]
      : []),
    ...uniqueProperties(table).map(
      (property) =>
        `CONSTRAINT ${ident(uniqueName(table.name, columnNameOf(property)))} UNIQUE (${ident(columnNameOf(property))})`,
    ),
    ...table.columns.flatMap((property) => {
      const check = checkConstraintOf(table, property);
      return check ? [checkClause(check)] : [];
    }),
  ];
  return [
    sqlComment(`${contract.name} ${contract.version}, ${object.name}: ${describeKind(table)}`),
    ...measuresNote(object),
    `CREATE TABLE ${target} (\n${tableLines([
      ...table.columns.map((property) => ({
        text: columnDefinition(table, property),
        note: physicalTypeNote(property, table.typeDialect),
      })),
      ...constraints.map((text) => ({ text })),
    ])}\n);`,
    ...commentStatements(target, table),
    ...(contract.kind === 'event' ? appendOnlyTriggerStatements(table) : []),
    ...(table.keepsHistory ? historyTableStatements(table) : []),
  ];
}

/** The lines inside a CREATE TABLE's parentheses, a note after a line's comma so that it ends no line's SQL. */
function tableLines(lines: readonly { text: string; note?: string }[]): string {
  return lines
    .map(({ text, note }, index) => {
      const comma = index < lines.length - 1 ? ',' : '';
      return `  ${text}${comma}${note === undefined ? '' : ` ${sqlComment(note)}`}`;
    })
    .join('\n');
}

export function historyTableStatements(table: PostgresTable): string[] {
  const target = qualified(table.schema, historyName(table));
  const isKeyed = table.primaryKey.length > 0;
  const { validFrom, validTo, isCurrent } = historyColumnsOf(table.contract);
  const columns = [
    ...table.columns.map((property) => columnDefinition(table, property)),
    `${ident(validFrom)} timestamptz NOT NULL`,
    `${ident(validTo)} timestamptz`,
    `${ident(isCurrent)} boolean NOT NULL`,
  ];
  return [
    // No primary key: several versions of a key can start at the same instant (changes within one commit).
    sqlComment(
      `every version of ${table.name}${isKeyed ? '; one current row per key' : ' (no key: versions cannot be told apart)'}`,
    ),
    `CREATE TABLE ${target} (\n${columns.map((line) => `  ${line}`).join(',\n')}\n);`,
    ...(isKeyed ? historyIndexStatements(table) : []),
  ];
}

/**
 * The table's rows as the current versions of a history begun now: without them, keys stored
 * before history was kept would have no current version.
 */
export function historySeedStatement(table: PostgresTable): string {
  const columns = columnNames(table.columns.map(columnNameOf));
  return `INSERT INTO ${qualified(table.schema, historyName(table))} (${columns}, ${columnNames(historyColumnNames(historyColumnsOf(table.contract)))}) SELECT ${columns}, now(), NULL, true FROM ${qualified(table.schema, table.name)};`;
}

/** One current row per key, and versions found by key and time. */
export function historyIndexStatements(table: PostgresTable): string[] {
  const target = qualified(table.schema, historyName(table));
  const { validFrom, isCurrent } = historyColumnsOf(table.contract);
  return [
    `CREATE UNIQUE INDEX ${ident(currentIndexName(table))} ON ${target} (${columnNames(table.primaryKey)}) WHERE ${ident(isCurrent)};`,
    `CREATE INDEX ${ident(versionsIndexName(table))} ON ${target} (${columnNames([...table.primaryKey, validFrom])});`,
  ];
}

/** Refuses UPDATE and DELETE of any row, and TRUNCATE, which fires no row trigger. */
export function appendOnlyTriggerStatements(table: PostgresTable): string[] {
  return [
    `CREATE TRIGGER ${ident(appendOnlyTriggerName(table))} BEFORE UPDATE OR DELETE ON ${qualified(table.schema, table.name)} FOR EACH ROW EXECUTE FUNCTION ${qualified(table.schema, APPEND_ONLY_FUNCTION)}();`,
    noTruncateTriggerStatement(table),
  ];
}

export function noTruncateTriggerStatement(table: PostgresTable): string {
  return `CREATE TRIGGER ${ident(noTruncateTriggerName(table))} BEFORE TRUNCATE ON ${qualified(table.schema, table.name)} FOR EACH STATEMENT EXECUTE FUNCTION ${qualified(table.schema, APPEND_ONLY_FUNCTION)}();`;
}

/** The trigger function event tables share, once per schema; it reads neither OLD nor NEW, so a statement trigger can call it. */
export function appendOnlyFunctionStatement(schema: string): string {
  return `CREATE OR REPLACE FUNCTION ${qualified(schema, APPEND_ONLY_FUNCTION)}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are immutable: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END
$$;`;
}

/** What a column's comment says: its description, then its classification, so those who query the table see both. */
export function columnCommentStatement(target: string, property: ContractProperty): string {
  const text = columnCommentText(property);
  return `COMMENT ON COLUMN ${target}.${ident(columnNameOf(property))} IS ${text ? literal(text) : 'NULL'};`;
}

/** The comments of the columns that have something to say, as a new table gets them. */
export function newColumnCommentStatements(target: string, properties: readonly ContractProperty[]): string[] {
  return properties
    .filter((property) => columnCommentText(property))
    .map((property) => columnCommentStatement(target, property));
}

function commentStatements(target: string, { object, columns }: PostgresTable): string[] {
  return [
    ...(object.description ? [`COMMENT ON TABLE ${target} IS ${literal(object.description)};`] : []),
    ...newColumnCommentStatements(target, columns),
  ];
}

/** The object's measures, with their aggregations, which a reader of the table would look for as columns. */
function measuresNote(object: SchemaObject): string[] {
  const measures = object.properties.filter(isMeasure).map((property) => {
    const expression = measureExpression(property);
    return expression === undefined ? quoted(property.name) : `${quoted(property.name)} as ${expression}`;
  });
  return measures.length > 0
    ? [sqlComment(`measures, computed when queried (ODCS semanticType: measure), not stored: ${measures.join(', ')}`)]
    : [];
}

function describeKind(table: PostgresTable): string {
  if (table.contract.kind === 'event') return 'events, append-only';
  return table.keepsHistory ? 'entities, latest state, with history' : 'entities, latest state';
}

export function columnNames(names: readonly string[]): string {
  return names.map(ident).join(', ');
}
