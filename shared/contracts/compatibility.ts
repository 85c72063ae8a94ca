import type { Contract, ContractProperty } from '../model/contract';
import { type ResolvedEndpoint, resolveEndpoint } from '../model/endpoints';
import type { Link } from '../model/link';
import { type LogicalType, logicalTypeName } from '../model/logical-type';
import type { Mesh } from '../model/mesh';
import type { ExpectedField } from '../model/port';
import { publishedSchemaObject } from './link-dataset';
import { fieldsAtEveryDepth, type NestedField } from './nested-fields';
import { isRequiredAsKey } from './primary-key';

/**
 * Provided types a consumer may read as another type it needs, beyond the type itself.
 * Only integer → number: every integer is a number, while the reverse loses fractions.
 * date and timestamp do not mix either way: a date read as a timestamp invents a time
 * of day, a timestamp read as a date drops one. Nothing widens to string: a consumer
 * that parses strings breaks on a number or a boolean.
 */
const ALSO_READABLE_AS: Partial<Record<LogicalType, readonly LogicalType[]>> = {
  integer: ['number'],
};

/** Without a type, a provided property promises none and a needed field takes any value. */
export function canReadAs(provided: LogicalType | undefined, needed: LogicalType | undefined): boolean {
  if (needed === undefined || provided === needed) return true;
  return provided !== undefined && (ALSO_READABLE_AS[provided] ?? []).includes(needed);
}

/**
 * A field a consumer needs: an input port's expectation, or a field of the contract it references,
 * named by its path when nested (`reader.geo.country`, `tags[]`, `bid_prices{value}`).
 */
export type NeededField = Omit<ExpectedField, 'logicalType'> & {
  logicalType?: LogicalType;
  /** The path of the needed field it is nested in: not looked for when that one is missing. */
  parent?: string;
};

/** One reason a link cannot work, naming the field it is about. */
export interface CompatibilityProblem {
  field: string;
  message: string;
}

/**
 * What the producer's contract fails to give the consumer: each needed field must be a
 * field of the schema object it publishes, at any depth (matched by exact path), of a
 * readable type, and required there (or a primary key part) when the consumer needs it non-null.
 */
export function checkCompatibility(provider: Contract, needed: readonly NeededField[]): CompatibilityProblem[] {
  const provided = fieldsAtEveryDepth(publishedSchemaObject(provider)?.properties ?? []);
  const providedPaths = new Set(provided.map((field) => field.path));
  return needed.flatMap((field) => {
    if (field.parent !== undefined && !providedPaths.has(field.parent)) return [];
    const candidates = provided.filter((candidate) => candidate.path === field.name);
    if (candidates.length === 0) return [missingField(field, provided)];
    const problemsPerCandidate = candidates.map((candidate) => fieldProblems(candidate.property, field));
    return problemsPerCandidate.some((problems) => problems.length === 0) ? [] : (problemsPerCandidate[0] ?? []);
  });
}

function missingField(field: NeededField, provided: readonly NestedField[]): CompatibilityProblem {
  const pathInOtherCase = provided.find((candidate) => candidate.path.toLowerCase() === field.name.toLowerCase())?.path;
  const hint = pathInOtherCase ? ` (the contract has '${pathInOtherCase}')` : '';
  return { field: field.name, message: `missing field ${field.name}${hint}` };
}

function fieldProblems(property: ContractProperty, field: NeededField): CompatibilityProblem[] {
  return [
    ...(canReadAs(property.logicalType, field.logicalType)
      ? []
      : [
          `field ${field.name}: ${logicalTypeName(property.logicalType)} is not compatible with needed ${logicalTypeName(field.logicalType)}`,
        ]),
    ...(field.required && !isRequiredAsKey(property)
      ? [`field ${field.name} is optional, but needed as required`]
      : []),
  ].map((message) => ({ field: field.name, message }));
}

/** The fields, at every depth, of what a contract publishes, as what a consumer referencing that contract needs. */
export function expectedFieldsOf(contract: Contract): NeededField[] {
  return fieldsAtEveryDepth(publishedSchemaObject(contract)?.properties ?? []).map(({ path, parent, property }) => ({
    name: path,
    logicalType: property.logicalType,
    required: isRequiredAsKey(property),
    ...(parent !== undefined && { parent }),
  }));
}

export type LinkCompatibility =
  | { linkId: string; status: 'compatible' }
  | { linkId: string; status: 'incompatible'; problems: CompatibilityProblem[] }
  | { linkId: string; status: 'unknown'; reason: string };

/**
 * Whether a link can work. The producer's contract is the output port's, or for a topic
 * carrying a system's published event, that event's; a CDC topic has none. The consumer
 * needs its input port's `expects`, or else all fields of the contract it references.
 */
export function checkLinkCompatibility(mesh: Mesh, link: Link): LinkCompatibility {
  const unknown = (reason: string): LinkCompatibility => ({ linkId: link.id, status: 'unknown', reason });
  const from = resolveEndpoint(mesh, link.from);
  const to = resolveEndpoint(mesh, link.to);
  if (!from || to?.kind !== 'port') return unknown('the link does not join an output to an input port');

  const providerId = sourceContractId(from);
  if (!providerId) return unknown('the producer has no contract');
  const provider = findContract(mesh, providerId);
  if (!provider) return unknown(`no contract '${providerId}'`);

  const referenced = to.port.contractId === undefined ? undefined : findContract(mesh, to.port.contractId);
  const needed = to.port.expects ?? (referenced && expectedFieldsOf(referenced));
  if (!needed) return unknown('the input port declares no expectations');

  const problems = checkCompatibility(provider, needed);
  return problems.length === 0
    ? { linkId: link.id, status: 'compatible' }
    : { linkId: link.id, status: 'incompatible', problems };
}

export function checkMeshCompatibility(mesh: Mesh): LinkCompatibility[] {
  return mesh.links.map((link) => checkLinkCompatibility(mesh, link));
}

/**
 * The contract governing what leaves an endpoint: a port's own, or for a topic carrying a system's
 * published event, that event's (outbox topics); a CDC topic has none.
 */
export function sourceContractId(source: ResolvedEndpoint): string | undefined {
  if (source.kind === 'port') return source.port.contractId;
  const carried = source.topic.source;
  if (carried.kind !== 'outbox') return undefined;
  return source.system.publishes.find((event) => event.name === carried.event)?.contractId;
}

function findContract(mesh: Mesh, id: string): Contract | undefined {
  return mesh.contracts.find((contract) => contract.id === id);
}
