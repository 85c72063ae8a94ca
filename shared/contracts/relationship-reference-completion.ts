import { isMap, isNode, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';
import { joinableTypes, OWN_SCHEMA_REFERENCE, SHORTHAND } from './relationship-checks';
import {
  logicalTypeOf,
  type SchemaField,
  type SchemaObjectNode,
  schemaFieldsOf,
  schemaObjectNodes,
  typeDetail,
} from './schema-object-nodes';
import { offsetOfPosition } from './text-offset';
import { type YamlCursorPath, yamlCursorPath } from './yaml-cursor-path';

/** A reference to offer, with the type of the field it names (`integer · bigint`) as its detail. */
export interface RelationshipReferenceChoice {
  reference: string;
  detail: string;
}

/**
 * The references to offer for a relationship's `to` (or a schema object's `from`), or an item of
 * its list (a composite key's, in flow or block style), at the cursor, in ODCS's shorthand
 * `table.column`: the contract's fields, those of a key first (what a foreign key mostly refers
 * to). Where the other end (the property a property's `to` is on; the other side's reference, or
 * its list's item at the same place) has a logicalType, only fields of a type it joins are offered,
 * then those of none: ODCS's one relationship type is a foreign key, which joins values of one type
 * (an integer a number), and relationshipIssues warns of any other pair. Each says its type. A
 * property's `to` never offers the property itself, nor a schema object's `to` the fields its `from` names; a schema object's `from` offers that object's own fields. An item of a composite
 * key's list is never offered a field the list's other items name. Fields whose names the shorthand
 * cannot write (`step count`) are left out, as the schema diagram refuses to link them.
 */
export function completeRelationshipReferences(
  text: string,
  line: number,
  column: number,
): RelationshipReferenceChoice[] {
  const slot = referenceSlotAt(yamlCursorPath(text, line, column));
  if (!slot) return [];
  const isOnProperty = slot.relationshipPath.length > 4;
  if (isOnProperty && slot.key === 'from') return [];
  const offset = offsetOfPosition(text, line, column);
  const contains = ({ range }: Node) => range != null && range[0] <= offset && offset <= range[2];
  const objects = schemaObjectNodes(parseDocument(text, { prettyErrors: false }));
  const fields = schemaFieldsOf(objects);
  const relationship = relationshipAt(objects, contains);
  // The reference under the cursor is the one being written, so its field stays on offer.
  const otherReferences = referencesOf(relationship, slot.key).filter((reference) => !contains(reference));
  const taken = [...(slot.key === 'to' ? referencesOf(relationship, 'from') : []), ...otherReferences].flatMap(
    (reference) => (isScalar(reference) ? [reference.value] : []),
  );
  const otherEnd = isOnProperty
    ? fields.find((field) => contains(field.property))?.property
    : propertyNamed(objects, pairedReference(relationship, slot.key, offset));
  const otherType = logicalTypeOf(otherEnd);
  const offered = fields.filter((field) => {
    if (taken.includes(field.reference)) return false;
    const type = logicalTypeOf(field.property);
    if (otherType && type && joinableTypes(type) !== joinableTypes(otherType)) return false;
    if (isOnProperty) return !contains(field.property);
    return slot.key === 'to' || contains(field.object);
  });
  // Typed fields before untyped ones (whose joining nothing shows), keys first within each.
  const rank = (field: SchemaField) => (logicalTypeOf(field.property) ? 0 : 2) + (field.isKey ? 0 : 1);
  return offered
    .map((field, index) => ({ field, index }))
    .sort((a, b) => rank(a.field) - rank(b.field) || a.index - b.index)
    .map(({ field }) => ({ reference: field.reference, detail: typeDetail(field.property) }));
}

/** The other side's reference the one being written pairs with: the whole of it, or its list's item at the same place. */
function pairedReference(relationship: YAMLMap | undefined, key: 'to' | 'from', offset: number): unknown {
  const written = relationship?.get(key, true);
  const paired = relationship?.get(key === 'to' ? 'from' : 'to', true);
  if (!isSeq(paired)) return isScalar(paired) ? paired.value : undefined;
  if (!isSeq(written)) return undefined;
  const place = written.items.filter((item) => isNode(item) && item.range != null && item.range[2] < offset).length;
  const item = paired.items[place];
  return isScalar(item) ? item.value : undefined;
}

/** The property a reference in this contract's own terms names (shorthand or `schema/<id>/properties/<id>`). */
function propertyNamed(objects: SchemaObjectNode[], reference: unknown): YAMLMap | undefined {
  if (typeof reference !== 'string') return undefined;
  const shorthand = SHORTHAND.exec(reference);
  const match = shorthand ?? OWN_SCHEMA_REFERENCE.exec(reference);
  if (!match) return undefined;
  const key = shorthand ? 'name' : 'id';
  const object = objects.find((candidate) => candidate.object.get(key) === match[1]);
  return object?.properties.find((property) => property.get(key) === match[2]);
}

/** A relationship's reference the cursor is typing: its `to` or `from`, or an item of either's list (a composite key's). */
interface ReferenceSlot {
  key: 'to' | 'from';
  /** The path of the relationship's mapping (`schema.[].relationships.[]`, deeper on a property). */
  relationshipPath: string[];
}

function referenceSlotAt(cursor: YamlCursorPath): ReferenceSlot | undefined {
  const isReferenceKey = (key: string | undefined): key is 'to' | 'from' => key === 'to' || key === 'from';
  const isRelationship = (path: readonly string[]) => path.at(-1) === '[]' && path.at(-2) === 'relationships';
  const path = cursor.parentPath;
  if (cursor.isInValue && isReferenceKey(cursor.key) && isRelationship(path)) {
    return { key: cursor.key, relationshipPath: path };
  }
  const listKey = path.at(-2);
  const relationshipPath = path.slice(0, -2);
  if (cursor.key === undefined && path.at(-1) === '[]' && isReferenceKey(listKey) && isRelationship(relationshipPath)) {
    return { key: listKey, relationshipPath };
  }
  return undefined;
}

/** The relationship, of a schema object or of one of its properties, the cursor is in. */
function relationshipAt(objects: SchemaObjectNode[], contains: (node: Node) => boolean): YAMLMap | undefined {
  const object = objects.find((candidate) => contains(candidate.object));
  if (!object) return undefined;
  const relationships = [object.object, ...object.properties].flatMap((holder) => {
    const list = holder.get('relationships', true);
    return isSeq(list) ? list.items.filter(isMap) : [];
  });
  return relationships.find(contains);
}

/** The nodes a relationship's `to` or `from` names, one reference or a composite key's list. */
function referencesOf(relationship: YAMLMap | undefined, key: 'to' | 'from'): Node[] {
  const value = relationship?.get(key, true);
  if (isSeq(value)) return value.items.filter(isNode);
  return isScalar(value) ? [value] : [];
}
