import type { Contract } from '../../model/contract';
import type { DataProduct } from '../../model/data-product';
import type { Mesh } from '../../model/mesh';
import type { Problem } from '../../model/problem';
import { defineTarget, type ExportFile } from '../export-target';
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
  write({ mesh, scoped, options, nameFile }) {
    const files: ExportFile[] = [];
    const errors: Problem[] = [];
    const contractsById = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
    const savedContractsById = new Map(options.baseline?.contracts.map((contract) => [contract.id, contract]));
    const savedProductsById = new Map(options.baseline?.products.map((product) => [product.id, product]));
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
      const changesPath = nameFile([product.name, product.id], '.changes.sql');
      if (contracts.length > 0) {
        files.push({
          path: changesPath.replace(/\.changes\.sql$/, '.sql'),
          content: productDdl(product, tables),
          about: `PostgreSQL tables of data product ${product.name}`,
        });
      }
      if (!savedProduct) continue;
      const migration = productMigration(product, savedContracts, contracts, contractsById);
      if (migration) {
        files.push({
          path: changesPath,
          content: migration,
          about: `migration of ${product.name}'s tables from the last saved contracts`,
        });
      }
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: files };
  },
});

/** The contracts of the product's output ports, each once, in port order. */
function servedContracts(contractsById: ReadonlyMap<string, Contract>, product: DataProduct): Contract[] {
  const ids = new Set(product.outputPorts.flatMap((port) => port.contractId ?? []));
  return [...ids].flatMap((id) => contractsById.get(id) ?? []);
}

function productProblems(mesh: Mesh, product: DataProduct, tables: readonly PostgresTable[]): Problem[] {
  const at = `products[${mesh.products.indexOf(product)}]`;
  const owners = new Map<string, string>();
  const clashes = tables.flatMap(relationNames).flatMap(({ name, what }) => {
    const kept = postgresName(name);
    const owner = owners.get(kept);
    owners.set(kept, what);
    return owner ? [`'${kept}' would name both ${owner} and ${what}`] : [];
  });
  return [...clashes, ...tables.flatMap(tableProblems)].map((message) => ({
    path: at,
    message: `data product '${product.name}': ${message}`,
  }));
}

function productDdl(product: DataProduct, tables: readonly PostgresTable[]): string {
  const hasEvents = tables.some((table) => table.contract.kind === 'event');
  return statementsText([
    sqlComment(`Data product ${product.name}: the tables its output ports serve, for PostgreSQL.`),
    `CREATE SCHEMA IF NOT EXISTS ${ident(product.id)};`,
    ...(hasEvents ? [appendOnlyFunctionStatement(product.id)] : []),
    ...tables.flatMap(createTableStatements),
  ]);
}

function productMigration(
  product: DataProduct,
  saved: readonly Contract[],
  current: readonly Contract[],
  designContractsById: ReadonlyMap<string, Contract>,
): string | null {
  const ids = [...new Set([...saved, ...current].map((contract) => contract.id))];
  const statements = ids.flatMap((id) =>
    migrationStatements(
      product.id,
      saved.find((contract) => contract.id === id),
      current.find((contract) => contract.id === id),
      designContractsById.has(id),
    ),
  );
  if (statements.length === 0) return null;
  const needsAppendOnly = statements.some((statement) => statement.startsWith('CREATE TRIGGER'));
  return statementsText([
    sqlComment(`Data product ${product.name}: from the last saved contracts to the current ones.`),
    sqlComment('Review every statement marked breaking before running this: consumers of the old version fail.'),
    `CREATE SCHEMA IF NOT EXISTS ${ident(product.id)};`,
    ...(needsAppendOnly ? [appendOnlyFunctionStatement(product.id)] : []),
    ...statements,
  ]);
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
