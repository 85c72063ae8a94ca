import type { Attribute, Entity, Relationship } from './mermaid-er-diagram';

/** Our export's label of a relationship: `from_field → to_field`. */
const JOINED_FIELDS = /^(\S+) → (\S+)$/;

/** What an FK attribute refers to (`estate.estate_id`), and the relationship line that says so. */
export interface ForeignKey {
  to: string;
  relationship: Relationship;
}

/** A relationship line seen from one of its entities: the entity at its other end, and that entity's one key. */
interface JoinedKey {
  relationship: Relationship;
  other: Entity;
  key: Attribute;
}

/**
 * What each FK attribute refers to, through the relationship lines joining its entity to others:
 * the attribute of its name there (our export's `from → to` label names both). Hand-written
 * diagrams name a key after its entity (`customer_id` for CUSTOMER's `id`), so an FK no name
 * explains refers to the key of the one joined entity its name holds, else of the only joined
 * entity no other FK refers to; where that leaves a choice, it refers to nothing.
 */
export function foreignKeysOf(
  entities: ReadonlyMap<string, Entity>,
  relationships: readonly Relationship[],
): Map<Attribute, ForeignKey> {
  const foreignKeys = new Map<Attribute, ForeignKey>();
  const unexplained = (entity: Entity) => foreignKeyAttributes(entity).filter((fk) => !foreignKeys.has(fk));
  const linesReferredTo = () => new Set([...foreignKeys.values()].map((foreignKey) => foreignKey.relationship));
  for (const entity of entities.values())
    for (const fk of foreignKeyAttributes(entity)) {
      const byName = foreignKeyByName(entity, fk, entities, relationships);
      if (byName) foreignKeys.set(fk, byName);
    }
  const namedLines = linesReferredTo();
  const joinedKeys = new Map(
    [...entities.values()].map((entity) => [
      entity,
      joinedKeysOf(entity, entities, relationships).filter((joined) => !namedLines.has(joined.relationship)),
    ]),
  );
  for (const [entity, joined] of joinedKeys)
    for (const fk of unexplained(entity)) {
      const held = distinctEntities(joined.filter((line) => line.key !== fk && holdsName(fk.name, line.other)));
      if (held.length === 1) foreignKeys.set(fk, foreignKeyTo(held[0] as JoinedKey));
    }
  // Every entity's names first: a line an FK named after its entity explains is no other FK's to take.
  const explainedLines = linesReferredTo();
  for (const [entity, joined] of joinedKeys) {
    const left = distinctEntities(joined.filter((line) => !explainedLines.has(line.relationship)));
    if (left.length !== 1) continue;
    const only = left[0] as JoinedKey;
    for (const fk of unexplained(entity)) if (fk !== only.key) foreignKeys.set(fk, foreignKeyTo(only));
  }
  return foreignKeys;
}

/**
 * The lines the FKs import: those they refer through, and any other line between the same two
 * entities, which says only that they are joined, as the first does (its label is no FK's either).
 */
export function linesImported(
  foreignKeys: ReadonlyMap<Attribute, ForeignKey>,
  relationships: readonly Relationship[],
): Set<Relationship> {
  const referred = [...foreignKeys.values()].map((foreignKey) => foreignKey.relationship);
  return new Set(relationships.filter((line) => referred.some((other) => joinsSameEntities(line, other))));
}

function joinsSameEntities(line: Relationship, other: Relationship): boolean {
  return (line.from === other.from && line.to === other.to) || (line.from === other.to && line.to === other.from);
}

const foreignKeyAttributes = (entity: Entity) => entity.attributes.filter((attribute) => attribute.keys.has('FK'));

/**
 * The attribute of the FK's name in an entity a line joins its own to, or the one our export's
 * label names. Where several joined entities hold an attribute of its name (a batch and a reading
 * both hold a tank's `tank_id`), the one whose key it is is meant; another FK of that name, not
 * a key, refers to the same key as it does (KEG's and TAP_POUR's `batch_id`, both BATCH's `id`).
 * Of several keys of its name, the largest its entity's FKs name whole is meant: an alert's
 * `batch_id` and `read_at` refer together to a reading's key, not its `batch_id` to the batch's.
 */
function foreignKeyByName(
  entity: Entity,
  attribute: Attribute,
  entities: ReadonlyMap<string, Entity>,
  relationships: readonly Relationship[],
): ForeignKey | undefined {
  let namesake: ForeignKey | undefined;
  let keyed: { foreignKey: ForeignKey; named: number } | undefined;
  for (const relationship of relationships) {
    const other = otherEnd(relationship, entity, entities);
    const joined = JOINED_FIELDS.exec(relationship.label);
    // Only our label says which field a line from an entity to itself joins: any FK has its own name there.
    if (!other || (other === entity && !joined)) continue;
    if (joined) {
      const named =
        relationship.from === entity.id && (joined[1] === attribute.name || joined[1] === attribute.read.name);
      if (named) return { to: `${other.objectName}.${joined[2]}`, relationship };
      continue;
    }
    const sameName = other.attributes.filter((candidate) => candidate.name === attribute.name);
    const key = sameName.find((candidate) => candidate.keys.has('PK'));
    if (key) {
      const named = keyNamedWholeBy(entity, other);
      if (!keyed || named > keyed.named)
        keyed = { foreignKey: { to: `${other.objectName}.${key.name}`, relationship }, named };
      continue;
    }
    const first = sameName.find((candidate) => !candidate.keys.has('FK'));
    if (first) namesake ??= { to: `${other.objectName}.${first.name}`, relationship };
  }
  return keyed?.foreignKey ?? namesake;
}

/** How many attributes `other`'s key has, where `entity`'s FK attributes name each of them; else 0. */
function keyNamedWholeBy(entity: Entity, other: Entity): number {
  const names = new Set(foreignKeyAttributes(entity).flatMap((fk) => [fk.name, fk.read.name]));
  const key = other.attributes.filter((attribute) => attribute.keys.has('PK'));
  return key.every((part) => names.has(part.name) || names.has(part.read.name)) ? key.length : 0;
}

/** The lines joining `entity` (to itself too) to an entity with one key, which an FK may refer to. */
function joinedKeysOf(
  entity: Entity,
  entities: ReadonlyMap<string, Entity>,
  relationships: readonly Relationship[],
): JoinedKey[] {
  return relationships.flatMap((relationship) => {
    const other = otherEnd(relationship, entity, entities);
    const keys = other?.attributes.filter((attribute) => attribute.keys.has('PK')) ?? [];
    return other && keys.length === 1 ? [{ relationship, other, key: keys[0] as Attribute }] : [];
  });
}

function otherEnd(relationship: Relationship, entity: Entity, entities: ReadonlyMap<string, Entity>) {
  if (relationship.from === entity.id) return entities.get(relationship.to);
  return relationship.to === entity.id ? entities.get(relationship.from) : undefined;
}

/** One line per entity: two lines to one entity leave no choice between them. */
function distinctEntities(joinedKeys: readonly JoinedKey[]): JoinedKey[] {
  return joinedKeys.filter((joined, index) => joinedKeys.findIndex((first) => first.other === joined.other) === index);
}

/** Whether an FK's name holds an entity's (`carRegistrationNumber`: CAR; `customer_id`: Customer). */
function holdsName(fkName: string, entity: Entity): boolean {
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return [entity.id, entity.name].some((name) => letters(name) !== '' && letters(fkName).includes(letters(name)));
}

function foreignKeyTo({ relationship, other, key }: JoinedKey): ForeignKey {
  return { to: `${other.objectName}.${key.read.name}`, relationship };
}
