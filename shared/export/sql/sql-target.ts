import { isMeasure } from '../../contracts/measures';
import { columnNameOf } from '../../contracts/physical-names';
import { servedContracts } from '../../contracts/withdrawn-contracts';
import type { Contract } from '../../model/contract';
import type { DataProduct } from '../../model/data-product';
import { quoted } from '../../model/isolated-names';
import type { Mesh } from '../../model/mesh';
import type { ExportScope } from '../export-scope';
import { defineTarget, type ExportFile, type ExportProblem } from '../export-target';
import type { ExportWarning } from '../export-warning';
import { columnChecksOf } from './postgres-checks';
import { isZonedTimeOfDay, physicalTypeBeyondPostgres, postgresTypeOf } from './postgres-column-types';
import {
  addForeignKeyOnceKept,
  addForeignKeyStatement,
  dropForeignKeyStatement,
  foreignKeysNotIn,
  type TableReferences,
  tableReferences,
} from './postgres-foreign-keys';
import { itemsUniqueFunctionStatements } from './postgres-json-checks';
import { migrationStatements } from './postgres-migration';
import { ident, postgresName, sqlComment } from './postgres-names';
import {
  appendOnlyFunctionStatement,
  createTableStatements,
  type PostgresTable,
  relationNames,
  tableProblems,
  tablesOf,
} from './postgres-tables';

/*
 * PostgreSQL DDL per data product, in a schema named after the product: the tables of the
 * contracts its output ports serve (see postgres-tables.ts). Given the design as last saved,
 * also `<product>.changes.sql`: the migration from each contract's saved version.
 */

export const sqlTarget = defineTarget({
  id: 'sql',
  label: 'PostgreSQL DDL and migrations',
  readBy: 'PostgreSQL (psql -f), or a migration tool such as Flyway or Liquibase',
  write({ mesh, scope, scoped, options, nameFilesOf }) {
    const removed = removedProducts(mesh, scope, options.baseline);
    const nameFile = nameFilesOf([...scoped.products, ...removed]);
    const files: ExportFile[] = [];
    const errors: ExportProblem[] = [];
    /** By what they say of what: a contract served by several products is said once. */
    const warnings = new Map<string, ExportWarning>();
    const contractsById = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
    const savedContractsById = new Map(options.baseline?.contracts.map((contract) => [contract.id, contract]));
    const savedProductsById = new Map(options.baseline?.products.map((product) => [product.id, product]));
    const otherProductsTables = (product: DataProduct) =>
      mesh.products
        .filter((other) => other !== product)
        .map((other) => ({
          productName: other.name,
          tables: servedContracts(contractsById, other).flatMap((contract) => tablesOf(other.id, contract)),
        }));
    for (const product of scoped.products) {
      const contracts = servedContracts(contractsById, product);
      const savedProduct = savedProductsById.get(product.id);
      const savedContracts = savedProduct ? servedContracts(savedContractsById, savedProduct) : [];
      // A product that served contracts when saved and serves none now still has tables to drop.
      if (contracts.length === 0 && savedContracts.length === 0) continue;
      const tables = contracts.flatMap((contract) => tablesOf(product.id, contract));
      const problems = productProblems(mesh, product, tables);
      if (problems.length > 0) {
        errors.push(...problems);
        continue;
      }
      const references = tableReferences(tables, otherProductsTables(product));
      for (const warning of columnWarnings(mesh, tables)) warnings.set(`${warning.path} ${warning.message}`, warning);
      if (contracts.length > 0) {
        files.push({
          path: nameFile(product, '.sql'),
          content: productDdl(product, tables, references),
          about: `PostgreSQL tables of data product ${product.name}`,
        });
      }
      if (!savedProduct) continue;
      const whyDropped = (contract: Contract) =>
        contractsById.has(contract.id)
          ? `no longer serves contract ${quoted(contract.name)}`
          : `contract ${quoted(contract.name)} removed`;
      const migration = productMigration(product, savedContracts, contracts, whyDropped);
      if (migration) {
        files.push({
          path: nameFile(product, '.changes.sql'),
          content: migration,
          about: `migration of ${product.name}'s tables from the last saved contracts`,
        });
      }
    }
    for (const product of removed) {
      const migration = productMigration(
        product,
        servedContracts(savedContractsById, product),
        [],
        () => `data product ${quoted(product.name)} removed`,
        `Data product ${product.name} was removed from the design: its tables are dropped.`,
      );
      if (migration) {
        files.push({
          path: nameFile(product, '.changes.sql'),
          content: migration,
          about: `migration dropping the tables of ${product.name}, removed from the design since it was last saved`,
        });
      }
    }
    if (errors.length > 0) return { ok: false, errors };
    return warnings.size > 0
      ? { ok: true, value: files, warnings: [...warnings.values()] }
      : { ok: true, value: files };
  },
});

/**
 * The saved design's products the design no longer has, in the scope: every one for the whole
 * mesh; otherwise those whose saved domain is in scope (the domain, or a selected domain).
 */
function removedProducts(mesh: Mesh, scope: ExportScope, baseline: Mesh | undefined): DataProduct[] {
  if (!baseline) return [];
  const productIds = new Set(mesh.products.map((product) => product.id));
  const domainIds = new Set(mesh.domains.map((domain) => domain.id));
  const isInScope = ({ domainId }: DataProduct) =>
    scope.kind === 'mesh' ||
    (scope.kind === 'domain'
      ? scope.domainId === domainId
      : domainIds.has(domainId) && scope.nodeIds.includes(domainId));
  return baseline.products.filter((product) => !productIds.has(product.id) && isInScope(product));
}

function productProblems(mesh: Mesh, product: DataProduct, tables: readonly PostgresTable[]): ExportProblem[] {
  const at = `products[${mesh.products.indexOf(product)}]`;
  const owners = new Map<string, string>();
  const clashes = tables.flatMap(relationNames).flatMap(({ name, what }) => {
    const kept = postgresName(name);
    const owner = owners.get(kept);
    owners.set(kept, what);
    return owner ? [`${quoted(kept)} would name both ${owner} and ${what}`] : [];
  });
  // A repeated property, or one named like a history column, is the contract's own error too: the contract-semantics rule reports it there.
  const repeats = tables.flatMap((table) =>
    tableProblems(table).map(({ message, reportedAt }) => {
      const property = `contracts[${mesh.contracts.indexOf(table.contract)}].schema[${table.contract.schema.indexOf(table.object)}].properties[${reportedAt}].name`;
      return { message, sameAs: { ruleId: 'contract-semantics', path: property } };
    }),
  );
  return [...clashes.map((message) => ({ message })), ...repeats].map(({ message, ...same }) => ({
    path: at,
    message: `data product ${quoted(product.name)}: ${message}`,
    ...same,
  }));
}

/**
 * What the tables say less of than the contract: a pattern their CHECKs leave out, as PostgreSQL
 * would read it otherwise, and a physicalType past PostgreSQL's limits, whose column takes the logical type's;
 * and a time of day with a time zone, which the column keeps as the contract says, though PostgreSQL discourages it.
 */
function columnWarnings(mesh: Mesh, tables: readonly PostgresTable[]): ExportWarning[] {
  return tables.flatMap((table) => {
    const { contract, object, name, typeDialect } = table;
    return object.properties.flatMap((property, index) => {
      if (isMeasure(property)) return [];
      const path = `contracts[${mesh.contracts.indexOf(contract)}].schema[${contract.schema.indexOf(object)}].properties[${index}]`;
      const column = columnNameOf(property);
      const about = `${quoted(property.name)} in contract ${quoted(contract.name)}`;
      const { patternLeftOut } = columnChecksOf(property, column, table);
      const beyondPostgres = physicalTypeBeyondPostgres(property);
      return [
        ...(patternLeftOut === undefined
          ? []
          : [`the pattern of ${about} is not in the CHECK of table ${quoted(name)}: ${patternLeftOut}`]),
        ...(beyondPostgres === undefined
          ? []
          : [
              `the physicalType ${quoted(String(property.physicalType))} of ${about} is past PostgreSQL's limits (${beyondPostgres}): column ${quoted(column)} of table ${quoted(name)} is ${postgresTypeOf(property, typeDialect)}`,
            ]),
        ...(isZonedTimeOfDay(property)
          ? [
              `${about} says timezone: true: column ${quoted(column)} of table ${quoted(name)} is ${postgresTypeOf(property, typeDialect)}, as the contract says, which PostgreSQL discourages (an offset without a date cannot follow daylight saving): a timestamp keeps the zone of a moment`,
            ]
          : []),
      ].map((message) => ({ kind: 'caution' as const, path, message }));
    });
  });
}

function productDdl(product: DataProduct, tables: readonly PostgresTable[], references: TableReferences): string {
  const hasEvents = tables.some((table) => table.contract.kind === 'event');
  const hasReferences = references.foreignKeys.length + references.notes.length > 0;
  const tableStatements = tables.flatMap(createTableStatements);
  return statementsText([
    sqlComment(`Data product ${product.name}: the tables its output ports serve, for PostgreSQL.`),
    ...inOneTransaction([
      `CREATE SCHEMA IF NOT EXISTS ${ident(product.id)};`,
      ...(hasEvents ? [appendOnlyFunctionStatement(product.id)] : []),
      ...itemsUniqueFunctionStatements(product.id, tableStatements),
      ...tableStatements,
      // Once every table is made, so that a table may reference one made after it, or itself.
      ...(hasReferences ? [sqlComment('Relationships between the tables')] : []),
      ...references.notes.map(sqlComment),
      ...references.foreignKeys.map(addForeignKeyStatement),
    ]),
  ]);
}

function productMigration(
  product: DataProduct,
  saved: readonly Contract[],
  current: readonly Contract[],
  whyDropped: (contract: Contract) => string,
  heading = `Data product ${product.name}: from the last saved contracts to the current ones.`,
): string | null {
  const ids = [...new Set([...saved, ...current].map((contract) => contract.id))];
  const foreignKeysOf = (contracts: readonly Contract[]) =>
    tableReferences(contracts.flatMap((contract) => tablesOf(product.id, contract))).foreignKeys;
  const [savedForeignKeys, currentForeignKeys] = [foreignKeysOf(saved), foreignKeysOf(current)];
  const statements = [
    // Before the tables change: a table a foreign key names cannot be dropped, nor its column's type changed.
    ...foreignKeysNotIn(savedForeignKeys, currentForeignKeys).map(dropForeignKeyStatement),
    ...ids.flatMap((id) => {
      const previous = saved.find((contract) => contract.id === id);
      const next = current.find((contract) => contract.id === id);
      return migrationStatements(product.id, previous, next, previous && !next ? whyDropped(previous) : undefined);
    }),
    ...foreignKeysNotIn(currentForeignKeys, savedForeignKeys).flatMap(addForeignKeyOnceKept),
  ];
  if (statements.length === 0) return null;
  const needsAppendOnly = statements.some((statement) => statement.startsWith('CREATE TRIGGER'));
  return statementsText([
    sqlComment(heading),
    sqlComment('Review every statement marked breaking before running this: consumers of the old version fail.'),
    ...inOneTransaction([
      `CREATE SCHEMA IF NOT EXISTS ${ident(product.id)};`,
      ...(needsAppendOnly ? [appendOnlyFunctionStatement(product.id)] : []),
      ...itemsUniqueFunctionStatements(product.id, statements),
      ...statements,
    ]),
  ]);
}

/** A file's statements run all or nothing, so that a run failing halfway (or run twice) leaves no half-made tables. */
function inOneTransaction(statements: readonly string[]): string[] {
  return [
    sqlComment('All or nothing: one transaction; if a statement fails, it rolls back and every table stays as it was.'),
    'BEGIN;',
    ...statements,
    'COMMIT;',
  ];
}

/** Statements one per line, a blank line before each comment that opens a section. */
function statementsText(statements: readonly string[]): string {
  return `${statements
    .map((statement, index) =>
      index > 0 && statement.startsWith('-- ') && !statements[index - 1]?.startsWith('-- ')
        ? `\n${statement}`
        : statement,
    )
    .join('\n')}\n`;
}
