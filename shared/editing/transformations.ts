import type { ContractProperty, DataProduct, Mesh, Transformation } from '../model';
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

/**
 * The transformation that makes `table`, the schema object an output port's contract publishes:
 * it selects from the table the product's first input fills each field of that object, by name,
 * the object's single key from the input's single key whatever their names, and NULL for the
 * rest, so a run publishes the table at once and the SQL says what is left to write.
 */
export function transformationMaking(mesh: Mesh, product: DataProduct, table: string): Transformation {
  const received = datasetReceivedBy(mesh, product)?.schema;
  const fields = publishedObject(mesh, product, table)?.properties ?? [];
  const from = `FROM ${sqlName(received?.name ?? 'input')}`;
  if (fields.length === 0) return { name: table, sql: `SELECT * ${from}` };
  const inputColumns = received?.properties ?? [];
  const has = (name: string) => inputColumns.some((column) => column.name === name);
  const keyPair = soleUnmatched(fields, inputColumns);
  const selected = fields.map(({ name }) => {
    if (has(name)) return sqlName(name);
    return `${name === keyPair?.published ? sqlName(keyPair.received) : 'NULL'} AS ${sqlName(name)}`;
  });
  const nullNote = selected.some((item) => item.startsWith('NULL '))
    ? [`-- NULL where ${received?.name ?? 'the input'} has no column of that name: add it there, or compute it here`]
    : [];
  return {
    name: table,
    sql: [...nullNote, 'SELECT', selected.map((item) => `  ${item}`).join(',\n'), from].join('\n'),
  };
}

/** The schema object named `table` in the contract of one of the product's output ports. */
function publishedObject(mesh: Mesh, product: DataProduct, table: string) {
  return product.outputPorts
    .flatMap((port) => mesh.contracts.find((contract) => contract.id === port.contractId)?.schema ?? [])
    .find((object) => object.name === table);
}

/** The published object's one key field the input lacks, and the input's one key column it does not publish. */
function soleUnmatched(
  fields: readonly ContractProperty[],
  inputColumns: readonly ContractProperty[],
): { published: string; received: string } | undefined {
  const keyNames = (properties: readonly ContractProperty[]) =>
    properties.filter((property) => property.primaryKey).map((property) => property.name);
  const [published, ...otherPublished] = keyNames(fields).filter((name) => !keyNames(inputColumns).includes(name));
  const [received, ...otherReceived] = keyNames(inputColumns).filter((name) => !keyNames(fields).includes(name));
  const isSolePair = published && received && otherPublished.length === 0 && otherReceived.length === 0;
  return isSolePair ? { published, received } : undefined;
}

/** A table name as SQL reads it: bare when it is a plain identifier, else double-quoted. */
function sqlName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
