import type { Contract, ContractProperty, SchemaObject } from '../model/contract';
import { nearMiss } from '../model/near-miss';
import { withIndefiniteArticle } from '../model/word-list';
import type { FindingSeverity } from './finding';
import type { PathProblem, PathSegment } from './path-problem';

interface RelationshipIssue extends PathProblem {
  severity: FindingSeverity;
}

/** ODCS's shorthand `table.column` (3.2 allows more parts, which this contract alone cannot resolve). */
export const SHORTHAND = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;
/** A fully qualified reference into this contract (no `file.yaml#` before it): `schema/<id>/properties/<id>`. */
export const OWN_SCHEMA_REFERENCE = /^\/?schema\/([A-Za-z0-9_-]+)\/properties\/([A-Za-z0-9_-]+)$/;

/**
 * What the ODCS schema cannot check of relationships (schema objects' and properties'):
 * a composite one pairs `from` and `to` one by one, so both list as many properties (an
 * error); a reference in this contract's own terms names a schema object and property it has
 * (a warning; a shorthand `to` naming another table may mean another contract's, so is left alone). References to other files, and the
 * longer shorthand of 3.2, are left alone: only what this contract proves wrong is reported.
 */
export function relationshipIssues(contract: Contract): RelationshipIssue[] {
  return relationshipsOf(contract).flatMap(({ relationship, path, owner }) => {
    const references = referencesOf(relationship, path, owner !== undefined);
    return [
      ...(owner ? [] : lengthMismatch(relationship, path)),
      ...references.flatMap(({ reference, at, side }) => {
        const dangling = whyDangling(contract, reference, side);
        if (!dangling) return [];
        const { problem, meant } = dangling;
        return [
          {
            path: at,
            message: `'${reference}' ${problem}${meant ? `: did you mean '${meant}'?` : ''}`,
            severity: 'warning' as const,
            ...(meant && { repair: { kind: 'replace-marked-text' as const, text: meant } }),
          },
        ];
      }),
      ...typeMismatches(contract, references, owner),
    ];
  });
}

/**
 * Each pair of ends whose logical types differ (integer and number both hold numbers): no foreign
 * key joins a string to an integer, so the SQL export's would fail to deploy (a warning, at the `to`).
 */
function typeMismatches(
  contract: Contract,
  references: ReturnType<typeof referencesOf>,
  owner: ContractProperty | undefined,
): RelationshipIssue[] {
  const tos = references.filter(({ side }) => side === 'to');
  const froms = owner
    ? tos.map(() => ({ label: owner.name, property: owner }))
    : references
        .filter(({ side }) => side === 'from')
        .map(({ reference }) => ({ label: reference, property: propertyNamed(contract, reference) }));
  if (froms.length !== tos.length) return [];
  return tos.flatMap(({ reference, at }, index) => {
    const from = froms[index] as (typeof froms)[number];
    const fromType = from.property?.logicalType;
    const toType = propertyNamed(contract, reference)?.logicalType;
    if (!fromType || !toType || joinableTypes(fromType) === joinableTypes(toType)) return [];
    const message = `'${reference}' is ${withIndefiniteArticle(toType)} and '${from.label}', which refers to it, ${withIndefiniteArticle(fromType)}: the two ends of a relationship hold values of one type, and the SQL export's FOREIGN KEY between them would fail to deploy`;
    return [{ path: at, message, severity: 'warning' as const }];
  });
}

/** The kind of values a foreign key compares: an integer joins a number, as SQL compares numerics. */
export const joinableTypes = (logicalType: string) => (logicalType === 'integer' ? 'number' : logicalType);

/** The property a reference in this contract's own terms names (shorthand or `schema/<id>/properties/<id>`). */
function propertyNamed(contract: Contract, reference: string): ContractProperty | undefined {
  const shorthand = SHORTHAND.exec(reference);
  if (shorthand) {
    const [, table, column] = shorthand as unknown as [string, string, string];
    const object = contract.schema.find((candidate) => candidate.name === table);
    return object?.properties.find((property) => property.name === column);
  }
  const qualified = OWN_SCHEMA_REFERENCE.exec(reference);
  if (!qualified) return undefined;
  const [, objectId, propertyId] = qualified as unknown as [string, string, string];
  const object = contract.schema.find((candidate) => idOf(candidate) === objectId);
  return object?.properties.find((property) => idOf(property) === propertyId);
}

/**
 * Each shorthand `to` naming a table this contract lacks that no other contract of the design
 * has either (or has without the column): a foreign key to nothing (a warning). Told apart from
 * `relationshipIssues`, which judges the contract alone, as only the design knows its other contracts.
 */
export function outsideTargetIssues(contract: Contract, others: readonly Contract[]): RelationshipIssue[] {
  return relationshipsOf(contract).flatMap(({ relationship, path, owner }) =>
    referencesOf(relationship, path, owner !== undefined).flatMap(({ reference, at, side }) => {
      const shorthand = side === 'to' ? SHORTHAND.exec(reference) : null;
      if (!shorthand) return [];
      const [, table, column] = shorthand as unknown as [string, string, string];
      if (contract.schema.some((object) => object.name === table)) return [];
      const holders = others.filter(
        (other) => other.id !== contract.id && other.schema.some((object) => object.name === table),
      );
      const hasColumn = holders.some((other) =>
        other.schema.some(
          (object) => object.name === table && object.properties.some((property) => property.name === column),
        ),
      );
      if (hasColumn) return [];
      const problem =
        holders.length === 0
          ? `names schema object '${table}', which neither this contract nor another contract of the design has`
          : `names property '${column}', which schema object '${table}' of ${holders.map((other) => `'${other.name}'`).join(', ')} does not have`;
      return [{ path: at, message: `'${reference}' ${problem}`, severity: 'warning' as const }];
    }),
  );
}

/** The contract's relationships: its schema objects' (with `from` and `to`) and its properties' (`from` implicit). */
function relationshipsOf(
  contract: Contract,
): Array<{ relationship: Record<string, unknown>; path: PathSegment[]; owner?: ContractProperty }> {
  return contract.schema.flatMap((object, objectIndex) => [
    ...relationshipsAt(object.extensions, ['schema', objectIndex]),
    ...object.properties.flatMap((property, propertyIndex) =>
      relationshipsAt(property.extensions, ['schema', objectIndex, 'properties', propertyIndex]).map((found) => ({
        ...found,
        owner: property,
      })),
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

/** A reference's end: a `from` is always this contract's, a `to` may name another contract's table. */
export type ReferenceSide = 'from' | 'to';

/** The references a relationship names, each with its side and path: a property's has only `to`. */
function referencesOf(
  relationship: Record<string, unknown>,
  path: PathSegment[],
  isOnProperty: boolean,
): Array<{ reference: string; at: PathSegment[]; side: ReferenceSide }> {
  const sides: ReferenceSide[] = isOnProperty ? ['to'] : ['from', 'to'];
  return sides.flatMap((side) => {
    const value = relationship[side];
    const references = Array.isArray(value)
      ? value.map((reference, index) => ({ reference, at: [...path, side, index] }))
      : [{ reference: value, at: [...path, side] }];
    return references.flatMap(({ reference, at }) => (typeof reference === 'string' ? [{ reference, at, side }] : []));
  });
}

/**
 * Why a reference names nothing in this contract, or undefined when it does or cannot be told here.
 * A `from` is always this contract's; a shorthand `to` naming a table the contract lacks may mean
 * another contract's table (ODCS's own full example points `to: receiver_types.type_code` so).
 * A shorthand a slip away from one of this contract's fields comes with that field's reference as `meant`.
 */
export function whyDangling(
  contract: Contract,
  reference: string,
  side: ReferenceSide,
): { problem: string; meant?: string } | undefined {
  const shorthand = SHORTHAND.exec(reference);
  if (shorthand) {
    const [, table, column] = shorthand as unknown as [string, string, string];
    const object = contract.schema.find((candidate) => candidate.name === table);
    if (!object) {
      if (side !== 'from') return undefined;
      const meantTable = nearMiss(
        table,
        contract.schema
          .filter((candidate) => candidate.properties.some(({ name }) => name === column))
          .map(({ name }) => name),
      );
      return {
        problem: `names schema object '${table}', which this contract does not have`,
        ...(meantTable && { meant: `${meantTable}.${column}` }),
      };
    }
    if (object.properties.some((property) => property.name === column)) return undefined;
    const meantColumn = nearMiss(
      column,
      object.properties.map(({ name }) => name),
    );
    return {
      problem: `names property '${column}', which schema object '${table}' does not have`,
      ...(meantColumn && { meant: `${table}.${meantColumn}` }),
    };
  }
  const qualified = OWN_SCHEMA_REFERENCE.exec(reference);
  if (qualified) {
    const [, objectId, propertyId] = qualified as unknown as [string, string, string];
    const object = contract.schema.find((candidate) => idOf(candidate) === objectId);
    if (!object) return { problem: `names schema object id '${objectId}', which this contract does not have` };
    return object.properties.some((property) => idOf(property) === propertyId)
      ? undefined
      : { problem: `names property id '${propertyId}', which schema object '${object.name}' does not have` };
  }
  return undefined;
}

/** The stable id ODCS 3.1 gives schema objects and properties (kept among their extensions). */
function idOf(element: Pick<SchemaObject, 'extensions'>): unknown {
  return element.extensions?.id;
}
