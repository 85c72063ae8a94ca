import { publishedContractId } from '../contracts/compatibility';
import { importedProperty } from '../contracts/import/imported-schema';
import type { Contract, DatasetKind, SchemaObject } from '../model/contract';
import type { DataProduct } from '../model/data-product';
import { resolveEndpoint } from '../model/endpoints';
import type { LogicalType } from '../model/logical-type';
import type { Mesh } from '../model/mesh';
import type { SystemTable } from '../model/operational-system';
import type { ColumnType } from '../model/table';

const LOGICAL_TYPE_OF: Record<ColumnType, LogicalType> = {
  text: 'string',
  integer: 'integer',
  real: 'number',
  numeric: 'number',
  boolean: 'boolean',
  timestamp: 'timestamp',
  date: 'date',
  json: 'object',
};

/** A dataset a product holds: its schema object (named as its table is), and whether events or entities. */
export interface ProductDataset {
  schema: SchemaObject;
  kind: DatasetKind;
}

/** What the product publishes: its last transformation's result (no properties known), else what it receives. */
export function datasetPublishedBy(mesh: Mesh, product: DataProduct): ProductDataset | undefined {
  const result = product.transformations.at(-1);
  if (result) return { schema: { name: result.name, properties: [] }, kind: 'entity' };
  return datasetReceivedBy(mesh, product);
}

/**
 * What the product receives first, named as the simulation names its clean table: the table
 * behind the first CDC topic feeding it (columns, types, nullability and key), else the first
 * schema object of a contract feeding it (an output port's, or an outbox event's).
 */
export function datasetReceivedBy(mesh: Mesh, product: DataProduct): ProductDataset | undefined {
  const inputs = new Set(product.inputPorts.map((port) => port.id));
  const sources = mesh.links
    .filter((link) => link.to.nodeId === product.id && inputs.has(link.to.portId))
    .flatMap((link) => resolveEndpoint(mesh, link.from) ?? []);
  const contractById = (id: string | undefined): Contract | undefined =>
    mesh.contracts.find((contract) => contract.id === id);
  for (const source of sources) {
    if (source.kind !== 'topic' || source.topic.source.kind !== 'cdc') continue;
    const tableName = source.topic.source.table;
    const table = source.system.database.tables.find((candidate) => candidate.name === tableName);
    if (table) return { schema: objectOfTable(table), kind: 'entity' };
  }
  for (const source of sources) {
    const fed = contractById(
      source.kind === 'port' ? source.port.contractId : publishedContractId(source.system, source.topic),
    );
    const first = fed?.schema[0];
    if (fed && first) return { schema: first, kind: fed.kind };
  }
  return undefined;
}

function objectOfTable(table: SystemTable): SchemaObject {
  const isSoleKey = table.primaryKey.length === 1;
  return {
    name: table.name,
    properties: table.columns.map((column) => {
      const keyPosition = table.primaryKey.indexOf(column.name) + 1;
      return importedProperty(column.name, LOGICAL_TYPE_OF[column.type], {
        required: !column.nullable || keyPosition > 0,
        unique: keyPosition > 0 && isSoleKey,
        primaryKey: keyPosition > 0,
        ...(keyPosition > 0 ? { primaryKeyPosition: keyPosition } : {}),
        ...(column.description ? { description: column.description } : {}),
      });
    }),
  };
}
