import type { Contract, SchemaObject } from '../model/contract';
import type { FindingSeverity } from './finding';
import type { PathProblem, PathSegment } from './path-problem';

interface RelationshipIssue extends PathProblem {
  severity: FindingSeverity;
}

/** ODCS's shorthand `table.column` (3.2 allows more parts, which this contract alone cannot resolve). */
const SHORTHAND = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;
/** A fully qualified reference into this contract (no `file.yaml#` before it): `schema/<id>/properties/<id>`. */
const OWN_SCHEMA_REFERENCE = /^\/?schema\/([A-Za-z0-9_-]+)\/properties\/([A-Za-z0-9_-]+)$/;

/**
 * What the ODCS schema cannot check of relationships (schema objects' and properties'):
 * a composite one pairs `from` and `to` one by one, so both list as many properties (an
 * error); a reference in this contract's own terms names a schema object and property it has
 * (a warning; a shorthand `to` naming another table may mean another contract's, so is left alone). References to other files, and the
 * longer shorthand of 3.2, are left alone: only what this contract proves wrong is reported.
 */
export function relationshipIssues(contract: Contract): RelationshipIssue[] {
  return contract.schema.flatMap((object, objectIndex) => [
    ...relationshipsAt(object.extensions, ['schema', objectIndex]).flatMap(({ relationship, path }) => [
      ...lengthMismatch(relationship, path),
      ...danglingReferences(contract, relationship.from, [...path, 'from'], 'from'),
      ...danglingReferences(contract, relationship.to, [...path, 'to'], 'to'),
    ]),
    ...object.properties.flatMap((property, propertyIndex) =>
      relationshipsAt(property.extensions, ['schema', objectIndex, 'properties', propertyIndex]).flatMap(
        ({ relationship, path }) => danglingReferences(contract, relationship.to, [...path, 'to'], 'to'),
      ),
    ),
  ]);
}

function relationshipsAt(
  extensions: Record<string, unknown> | undefined,
  path: PathSegment[],
): Array<{ relationship: Record<string, unknown>; path: PathSegment[] }> {
  const relationships = extensions?.relationships;
  if (!Array.isArray(relationships)) return [];
  return relationships.flatMap((relationship, index) =>
    relationship && typeof relationship === 'object'
      ? [{ relationship: relationship as Record<string, unknown>, path: [...path, 'relationships', index] }]
      : [],
  );
}

function lengthMismatch(relationship: Record<string, unknown>, path: PathSegment[]): RelationshipIssue[] {
  const { from, to } = relationship;
  if (!Array.isArray(from) || !Array.isArray(to) || from.length === to.length) return [];
  return [
    {
      path: [...path, 'to'],
      message: `from names ${from.length} ${from.length === 1 ? 'property' : 'properties'} and to ${to.length}: a composite relationship pairs them one by one, so both need as many`,
      severity: 'error',
    },
  ];
}

type Side = 'from' | 'to';

function danglingReferences(contract: Contract, value: unknown, path: PathSegment[], side: Side): RelationshipIssue[] {
  const references = Array.isArray(value)
    ? value.map((reference, index) => ({ reference, at: [...path, index] }))
    : [{ reference: value, at: path }];
  return references.flatMap(({ reference, at }) => {
    if (typeof reference !== 'string') return [];
    const problem = whyDangling(contract, reference, side);
    return problem ? [{ path: at, message: `'${reference}' ${problem}`, severity: 'warning' as const }] : [];
  });
}

/**
 * Why a reference names nothing in this contract, or undefined when it does or cannot be told here.
 * A `from` is always this contract's; a shorthand `to` naming a table the contract lacks may mean
 * another contract's table (ODCS's own full example points `to: receiver_types.type_code` so).
 */
function whyDangling(contract: Contract, reference: string, side: Side): string | undefined {
  const shorthand = SHORTHAND.exec(reference);
  if (shorthand) {
    const [, table, column] = shorthand as unknown as [string, string, string];
    const object = contract.schema.find((candidate) => candidate.name === table);
    if (!object)
      return side === 'from' ? `names schema object '${table}', which this contract does not have` : undefined;
    return object.properties.some((property) => property.name === column)
      ? undefined
      : `names property '${column}', which schema object '${table}' does not have`;
  }
  const qualified = OWN_SCHEMA_REFERENCE.exec(reference);
  if (qualified) {
    const [, objectId, propertyId] = qualified as unknown as [string, string, string];
    const object = contract.schema.find((candidate) => idOf(candidate) === objectId);
    if (!object) return `names schema object id '${objectId}', which this contract does not have`;
    return object.properties.some((property) => idOf(property) === propertyId)
      ? undefined
      : `names property id '${propertyId}', which schema object '${object.name}' does not have`;
  }
  return undefined;
}

/** The stable id ODCS 3.1 gives schema objects and properties (kept among their extensions). */
function idOf(element: Pick<SchemaObject, 'extensions'>): unknown {
  return element.extensions?.id;
}
