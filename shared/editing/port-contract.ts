import { publishedContractId } from '../contracts/compatibility';
import { contractFromModel } from '../contracts/contract-text';
import { importedProperty } from '../contracts/import/imported-schema';
import { DEFAULT_API_VERSION } from '../contracts/odcs-versions';
import type { Contract, ContractModel, DatasetKind, SchemaObject } from '../model/contract';
import type { DataProduct } from '../model/data-product';
import { resolveEndpoint } from '../model/endpoints';
import { uniqueId } from '../model/ids';
import type { LogicalType } from '../model/logical-type';
import type { Mesh } from '../model/mesh';
import type { SystemTable } from '../model/operational-system';
import type { Port } from '../model/port';
import type { ColumnType } from '../model/table';
import type { Added } from './child-nodes';
import { withPortUpdated } from './ports';
import { withProductUpdated } from './products';

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

/** What a new contract for a port describes, and whether as events or as entities. */
interface Dataset {
  schema: SchemaObject;
  kind: DatasetKind;
}

/**
 * The mesh with a new draft contract (ODCS, the version most tools read) governing an output
 * port that has none, in one edit. It describes what the product publishes, so the port
 * publishes it at once: the result of its last transformation (an object of that name, its
 * properties left to the user), else what it receives: the table behind the first CDC topic
 * feeding it (columns, types, nullability and key), else the first schema object of a
 * contract feeding it (an output port's, or an outbox event's); else an empty object named
 * after the port.
 */
export function withNewPortContract(mesh: Mesh, productId: string, portId: string): Added | undefined {
  const product = mesh.products.find((candidate) => candidate.id === productId);
  const port = product?.outputPorts.find((candidate) => candidate.id === portId);
  if (!product || !port || port.contractId !== undefined) return undefined;
  const { schema, kind } = datasetPublishedBy(mesh, product) ?? { schema: emptyObject(port), kind: 'entity' };
  const name = `${product.name} ${port.name}`;
  const model: ContractModel = {
    id: uniqueId(name, new Set(mesh.contracts.map((contract) => contract.id))),
    name,
    apiVersion: DEFAULT_API_VERSION,
    version: '1.0.0',
    status: 'draft',
    kind,
    isKindDeclared: true,
    keepHistory: false,
    ...(product.owner ? { owner: product.owner } : {}),
    schema: [schema],
    sla: [],
  };
  const contract = contractFromModel(model);
  if (!contract.ok) throw new Error(`a new contract did not read back: ${contract.errors[0]?.message}`);
  const withContract: Mesh = { ...mesh, contracts: [...mesh.contracts, contract.value] };
  return {
    id: model.id,
    mesh: withProductUpdated(withContract, productId, (current) =>
      withPortUpdated(current, portId, (existing) => ({ ...existing, contractId: model.id })),
    ),
  };
}

function datasetPublishedBy(mesh: Mesh, product: DataProduct): Dataset | undefined {
  const result = product.transformations.at(-1);
  if (result) return { schema: { name: result.name, properties: [] }, kind: 'entity' };
  return datasetReceivedBy(mesh, product);
}

function datasetReceivedBy(mesh: Mesh, product: DataProduct): Dataset | undefined {
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

function emptyObject(port: Port): SchemaObject {
  return {
    name:
      port.name
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '') || 'dataset',
    properties: [],
  };
}
