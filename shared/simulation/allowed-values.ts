import type { Mesh } from '../model/mesh';
import type { OperationalSystem } from '../model/operational-system';
import type { ValueGenerator } from '../model/scenario';

/**
 * Generators drawing from the allowed values (`enum`) that contracts fed straight from a table
 * declare for its columns, by name: the contracts of the events the table publishes, then those
 * of the products reading its CDC topic (the first to declare a column's values wins), so
 * generated rows keep those contracts.
 */
export function allowedValueGenerators(
  mesh: Mesh,
  system: OperationalSystem,
  table: string,
): Map<string, ValueGenerator> {
  const eventContracts = system.publishes.filter((event) => event.table === table).map((event) => event.contractId);
  const cdcTopics = new Set(
    system.messaging.topics
      .filter((topic) => topic.source.kind === 'cdc' && topic.source.table === table)
      .map((topic) => topic.id),
  );
  const readers = new Set(
    mesh.links
      .filter((link) => link.from.nodeId === system.id && cdcTopics.has(link.from.portId))
      .map((link) => link.to.nodeId),
  );
  const productContracts = mesh.products
    .filter((product) => readers.has(product.id))
    .flatMap((product) => product.outputPorts.map((port) => port.contractId));
  const generators = new Map<string, ValueGenerator>();
  for (const contractId of [...eventContracts, ...productContracts]) {
    const contract = mesh.contracts.find((candidate) => candidate.id === contractId);
    for (const property of contract?.schema.flatMap((object) => object.properties) ?? []) {
      if (property.enum && property.enum.length > 0 && !generators.has(property.name)) {
        generators.set(property.name, { kind: 'oneOf', values: property.enum });
      }
    }
  }
  return generators;
}
