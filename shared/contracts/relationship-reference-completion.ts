import { isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';
import { SHORTHAND } from './relationship-checks';
import { type SchemaObjectNode, schemaObjectNodes } from './schema-object-nodes';
import { type YamlCursorPath, yamlCursorPath } from './yaml-cursor-path';

interface SchemaField {
  reference: string;
  isKey: boolean;
  object: YAMLMap;
  property: YAMLMap;
}

/**
 * The references to offer for a relationship's `to` (or a schema object's `from`), or an item of
 * its list (a composite key's, in flow or block style), at the cursor, in ODCS's shorthand
 * `table.column`: the contract's fields, those of a key first (what a foreign key mostly refers
 * to). A property's `to` never offers the property itself, nor a schema object's `to` the fields
 * its `from` names; a schema object's `from` offers that object's own fields. Fields whose names
 * the shorthand cannot write (`step count`) are left out, as the schema diagram refuses to link them.
 */
export function completeRelationshipReferences(text: string, line: number, column: number): string[] {
  const slot = referenceSlotAt(yamlCursorPath(text, line, column));
  if (!slot) return [];
  const isOnProperty = slot.relationshipPath.length > 4;
  if (isOnProperty && slot.key === 'from') return [];
  const offset = offsetOf(text, line, column);
  const contains = ({ range }: Node) => range != null && range[0] <= offset && offset <= range[2];
  const objects = schemaObjectNodes(parseDocument(text, { prettyErrors: false }));
  const fields = schemaFieldsOf(objects);
  const fromReferences = isOnProperty || slot.key === 'from' ? [] : fromReferencesOf(objects, contains);
  const offered = fields.filter((field) => {
    if (isOnProperty) return !contains(field.property);
    if (slot.key === 'to') return !fromReferences.includes(field.reference);
    return contains(field.object);
  });
  return [...offered.filter((field) => field.isKey), ...offered.filter((field) => !field.isKey)].map(
    (field) => field.reference,
  );
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

/** What the `from` of the schema object's relationship at the cursor names, one reference or a composite key's list. */
function fromReferencesOf(objects: SchemaObjectNode[], contains: (node: Node) => boolean): unknown[] {
  const relationships = objects.find(({ object }) => contains(object))?.object.get('relationships', true);
  const relationship = isSeq(relationships)
    ? relationships.items.find((item) => isMap(item) && contains(item))
    : undefined;
  const from = isMap(relationship) ? relationship.get('from', true) : undefined;
  const references = isSeq(from) ? from.items : [from];
  return references.flatMap((reference) => (isScalar(reference) ? [reference.value] : []));
}

/** The top-level properties of the contract's schema objects, read from text that may not be a valid contract yet. */
function schemaFieldsOf(objects: SchemaObjectNode[]): SchemaField[] {
  return objects.flatMap(({ object, properties }) =>
    properties.flatMap((property) => {
      const reference = `${String(object.get('name') ?? '')}.${String(property.get('name') ?? '')}`;
      if (!SHORTHAND.test(reference)) return [];
      const isKey = property.get('primaryKey') === true || property.get('unique') === true;
      return [{ reference, isKey, object, property }];
    }),
  );
}

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((sum, lineText) => sum + lineText.length + 1, 0) + column - 1;
}
