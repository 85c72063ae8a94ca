import type { DataProduct, Mesh, Transformation } from '../model';
import { firstFreeName } from '../model';
import { datasetReceivedBy } from './product-datasets';

/**
 * A new transformation that runs as it is: it selects from the product's last transformation,
 * else from the table its first input fills, and it is named after the first object an output
 * port's contract describes that nothing produces yet, since a port publishes the table named
 * like its contract's object; else `step`, `step_2`…
 */
export function newTransformation(mesh: Mesh, product: DataProduct): Transformation {
  const taken = product.transformations.map((transformation) => transformation.name);
  const received = datasetReceivedBy(mesh, product)?.schema.name;
  const produced = new Set([...taken, ...(received ? [received] : [])]);
  const unproduced = product.outputPorts
    .map((port) => mesh.contracts.find((contract) => contract.id === port.contractId)?.schema[0]?.name)
    .find((name) => name !== undefined && !produced.has(name));
  const source = taken.at(-1) ?? received ?? 'input';
  return { name: unproduced ?? firstFreeName('step', taken, '_'), sql: `SELECT * FROM ${sqlName(source)}` };
}

/** A table name as SQL reads it: bare when it is a plain identifier, else double-quoted. */
function sqlName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
