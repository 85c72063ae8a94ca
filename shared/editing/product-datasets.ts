import { type LinkDataset, linkDataset } from '../contracts/link-dataset';
import type { Contract } from '../model/contract';
import type { DataProduct } from '../model/data-product';
import { resolveEndpoint } from '../model/endpoints';
import type { Mesh } from '../model/mesh';

/** A dataset a product holds: its schema object (named as its table is), and whether events or entities. */
export type ProductDataset = Pick<LinkDataset, 'schema' | 'kind'>;

/** What the product publishes: its last transformation's result (no properties known), else what it receives. */
export function datasetPublishedBy(mesh: Mesh, product: DataProduct): ProductDataset | undefined {
  const result = product.transformations.at(-1);
  if (result) return { schema: { name: result.name, properties: [] }, kind: 'entity' };
  return datasetReceivedBy(mesh, product);
}

/**
 * What the product's first input receives (see `linkDataset`), read as the engine reads an input:
 * through the first link into the port. Inputs that receive nothing are passed over.
 */
export function datasetReceivedBy(mesh: Mesh, product: DataProduct): ProductDataset | undefined {
  const contractById = (id: string): Contract | undefined => mesh.contracts.find((contract) => contract.id === id);
  for (const port of product.inputPorts) {
    const link = mesh.links.find((candidate) => candidate.to.nodeId === product.id && candidate.to.portId === port.id);
    const source = link && resolveEndpoint(mesh, link.from);
    const received = source && linkDataset(source, contractById);
    if (received) return received;
  }
  return undefined;
}
