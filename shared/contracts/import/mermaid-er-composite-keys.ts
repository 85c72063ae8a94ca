import type { Attribute, Entity } from './mermaid-er-diagram';
import type { ForeignKey } from './mermaid-er-foreign-keys';

/** One foreign key of several FK attributes, in the order of the key they refer to. */
export interface CompositeForeignKey {
  attributes: Attribute[];
  /** `receipt_line.receipt_id`, `receipt_line.line_no` */
  to: string[];
}

/**
 * The FK attributes of `entity` that together refer to the whole of another entity's key of
 * several attributes (REFUND_LINE's receipt_id and line_no to RECEIPT_LINE's two PKs): one
 * foreign key, as SQL declares it, where each alone would refer to a column that is no key.
 * Our export draws such a key one line per column.
 */
export function compositeForeignKeysOf(
  entity: Entity,
  entities: ReadonlyMap<string, Entity>,
  foreignKeys: ReadonlyMap<Attribute, ForeignKey>,
): CompositeForeignKey[] {
  const byTarget = new Map<Entity, Attribute[]>();
  for (const attribute of entity.attributes) {
    const foreignKey = foreignKeys.get(attribute);
    const target = foreignKey && referredEntity(foreignKey, entity, entities);
    if (target) byTarget.set(target, [...(byTarget.get(target) ?? []), attribute]);
  }
  return [...byTarget].flatMap(([target, attributes]) => {
    const table = target.objectName;
    const key = target.attributes.filter((attribute) => attribute.keys.has('PK'));
    if (key.length < 2 || attributes.length !== key.length) return [];
    const referring = key.map((part) =>
      attributes.find((attribute) =>
        [part.name, part.read.name].some((name) => foreignKeys.get(attribute)?.to === `${table}.${name}`),
      ),
    );
    if (referring.some((attribute) => attribute === undefined)) return [];
    return [{ attributes: referring as Attribute[], to: key.map((part) => `${table}.${part.read.name}`) }];
  });
}

function referredEntity(
  { relationship }: ForeignKey,
  entity: Entity,
  entities: ReadonlyMap<string, Entity>,
): Entity | undefined {
  return entities.get(relationship.from === entity.id ? relationship.to : relationship.from);
}
