import { contractFromModel } from '../contracts/contract-text';
import { DEFAULT_API_VERSION } from '../contracts/odcs-versions';
import { servingIdentity } from '../contracts/serving-identity';
import type { ContractModel, ContractProperty, SchemaObject } from '../model/contract';
import { uniqueId } from '../model/ids';
import type { Mesh } from '../model/mesh';
import type { Port } from '../model/port';
import type { Added } from './child-nodes';
import { withPortUpdated } from './ports';
import { datasetPublishedBy, type ProductDataset } from './product-datasets';
import { withProductUpdated } from './products';

/**
 * The mesh with a new draft contract (ODCS, the version most tools read) governing an output
 * port that has none, in one edit. It describes what the product publishes (see
 * `datasetPublishedBy`), so the port publishes it at once; else an object named after
 * the port. Where no column is known, the object is an entity keyed by a placeholder `id`, so
 * the draft adds no error of its own. It names the product's domain (by id), the product and its owner, as import finds them.
 */
export function withNewPortContract(mesh: Mesh, productId: string, portId: string): Added | undefined {
  const product = mesh.products.find((candidate) => candidate.id === productId);
  const port = product?.outputPorts.find((candidate) => candidate.id === portId);
  if (!product || !port || port.contractId !== undefined) return undefined;
  const published = datasetPublishedBy(mesh, product) ?? { schema: emptyObject(port), kind: 'entity' as const };
  const { schema, kind } = withPlaceholderKey(published);
  const name = `${product.name} ${port.name}`;
  const { team, ...served } = servingIdentity(product);
  const model: ContractModel = {
    id: uniqueId(name, new Set(mesh.contracts.map((contract) => contract.id)), 'contract'),
    name,
    apiVersion: DEFAULT_API_VERSION,
    version: '1.0.0',
    status: 'draft',
    kind,
    isKindDeclared: true,
    keepHistory: false,
    ...served,
    ...(team !== undefined && { owner: team }),
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

/** A dataset with no column known, as an entity keyed by `id`: a valid draft the user renames the key of. */
function withPlaceholderKey(dataset: ProductDataset): ProductDataset {
  if (dataset.schema.properties.length > 0) return dataset;
  const key: ContractProperty = {
    name: 'id',
    logicalType: 'string',
    required: true,
    unique: true,
    primaryKey: true,
    primaryKeyPosition: 1,
    description: 'Placeholder key: rename it to the column that identifies a row, or mark that column primaryKey.',
  };
  return { kind: 'entity', schema: { ...dataset.schema, properties: [key] } };
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
