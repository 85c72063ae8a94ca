import { patternExpression } from '../contracts/text-pattern';
import type { ContractProperty } from '../model/contract';
import type { Mesh } from '../model/mesh';
import type { OperationalSystem } from '../model/operational-system';
import type { ValueGenerator } from '../model/scenario';
import { readPattern } from './pattern-text';

/**
 * Generators drawing from the allowed values (`enum`), or within the bounds of numbers
 * (`logicalTypeOptions`), that contracts fed straight from a table declare for its columns, by
 * name: the contracts of the events the table publishes, then those of the products reading its
 * CDC topic (the first to declare a column's values wins), so generated rows keep those contracts.
 */
export function allowedValueGenerators(
  mesh: Mesh,
  system: OperationalSystem,
  table: string,
): Map<string, ValueGenerator> {
  const generators = new Map<string, ValueGenerator>();
  for (const property of contractPropertiesFedBy(mesh, system, table)) {
    const generator = allowedValues(property);
    if (generator && !generators.has(property.name)) generators.set(property.name, generator);
  }
  return generators;
}

/**
 * The properties of the contracts fed straight from a table, first to last: those of the events
 * it publishes, then those of the products reading its CDC topic.
 */
export function contractPropertiesFedBy(mesh: Mesh, system: OperationalSystem, table: string): ContractProperty[] {
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
  return [...eventContracts, ...productContracts].flatMap((contractId) => {
    const contract = mesh.contracts.find((candidate) => candidate.id === contractId);
    return contract?.schema.flatMap((object) => object.properties) ?? [];
  });
}

function allowedValues(property: ContractProperty): ValueGenerator | undefined {
  if (property.enum && property.enum.length > 0) return { kind: 'oneOf', values: property.enum };
  if (property.logicalType === 'string') return examplesOfAPatternTextCannotBeMadeFor(property);
  if (property.logicalType !== 'integer' && property.logicalType !== 'number') return undefined;
  const options = logicalTypeOptions(property);
  if (!options) return undefined;
  const isInteger = property.logicalType === 'integer';
  const range = boundedRange(options, isInteger ? 1 : 0.01);
  if (!range) return undefined;
  if (!isInteger) return { kind: 'decimal', ...range, scale: 2 };
  const [min, max] = [Math.ceil(range.min), Math.floor(range.max)];
  return min <= max ? { kind: 'integer', min, max } : undefined;
}

/**
 * The property's examples that match its pattern, where text cannot be made for that pattern (a
 * lookahead, `\p{…}`): a run draws from them rather than being refused for the column.
 */
function examplesOfAPatternTextCannotBeMadeFor(property: ContractProperty): ValueGenerator | undefined {
  const pattern = logicalTypeOptions(property)?.pattern;
  if (typeof pattern !== 'string' || readPattern(pattern).ok) return undefined;
  const expression = patternExpression(pattern);
  if (!expression) return undefined;
  const values = (property.examples ?? []).filter(
    (example): example is string => typeof example === 'string' && expression.test(example),
  );
  return values.length > 0 ? { kind: 'oneOf', values } : undefined;
}

/** Where the bounds given lie (an exclusive one a `step` inside), a span of 1,000 where one side is open. */
function boundedRange(options: Record<string, unknown>, step: number): { min: number; max: number } | undefined {
  const number = (name: string) => (typeof options[name] === 'number' ? (options[name] as number) : undefined);
  const exclusiveMin = number('exclusiveMinimum');
  const exclusiveMax = number('exclusiveMaximum');
  const low = number('minimum') ?? (exclusiveMin === undefined ? undefined : exclusiveMin + step);
  const high = number('maximum') ?? (exclusiveMax === undefined ? undefined : exclusiveMax - step);
  if (low === undefined && high === undefined) return undefined;
  const min = low ?? Math.min(0, (high as number) - 1000);
  const max = high ?? min + 1000;
  return min <= max ? { min, max } : undefined;
}

/** A property's `logicalTypeOptions`, where it gives them as an object. */
export function logicalTypeOptions(property: ContractProperty): Record<string, unknown> | undefined {
  const options = property.extensions?.logicalTypeOptions;
  return typeof options === 'object' && options !== null && !Array.isArray(options)
    ? (options as Record<string, unknown>)
    : undefined;
}
