import { parseDocument, type YAMLMap } from 'yaml';
import { SHORTHAND } from './relationship-checks';
import { schemaObjectNodes } from './schema-object-nodes';
import { yamlCursorPath } from './yaml-cursor-path';

interface SchemaField {
  reference: string;
  isKey: boolean;
  object: YAMLMap;
  property: YAMLMap;
}

/**
 * The references to offer for a relationship's `to` (or a schema object's `from`) at the
 * cursor, in ODCS's shorthand `table.column`: the contract's fields, those of a key first (what a
 * foreign key mostly refers to). A property's `to` never offers the property itself; a schema
 * object's `from` offers that object's own fields. Fields whose names the shorthand cannot
 * write (`step count`) are left out, as the schema diagram refuses to link them.
 */
export function completeRelationshipReferences(text: string, line: number, column: number): string[] {
  const cursor = yamlCursorPath(text, line, column);
  const isRelationship = cursor.parentPath.at(-1) === '[]' && cursor.parentPath.at(-2) === 'relationships';
  if (!cursor.isInValue || !isRelationship || (cursor.key !== 'to' && cursor.key !== 'from')) return [];
  const isOnProperty = cursor.parentPath.length > 4;
  if (isOnProperty && cursor.key === 'from') return [];
  const offset = offsetOf(text, line, column);
  const contains = ({ range }: YAMLMap) => range != null && range[0] <= offset && offset <= range[2];
  const fields = schemaFieldsOf(text);
  const offered = fields.filter((field) => {
    if (isOnProperty) return !contains(field.property);
    return cursor.key === 'to' || contains(field.object);
  });
  return [...offered.filter((field) => field.isKey), ...offered.filter((field) => !field.isKey)].map(
    (field) => field.reference,
  );
}

/** The top-level properties of the contract's schema objects, read from text that may not be a valid contract yet. */
function schemaFieldsOf(text: string): SchemaField[] {
  return schemaObjectNodes(parseDocument(text, { prettyErrors: false })).flatMap(({ object, properties }) =>
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
