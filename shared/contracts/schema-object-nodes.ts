import { type Document, isMap, isSeq, type Node, type YAMLMap } from 'yaml';

/** A schema object of a contract's YAML, with its top-level properties. */
export interface SchemaObjectNode {
  object: YAMLMap;
  properties: YAMLMap[];
}

/** The contract's schema objects and their properties, as YAML nodes of text that may not be a valid contract yet. */
export function schemaObjectNodes(document: Document): SchemaObjectNode[] {
  const schema = document.get('schema', true) as Node | undefined;
  if (!isSeq(schema)) return [];
  return schema.items.filter(isMap).map((object) => {
    const properties = object.get('properties', true);
    return { object, properties: isSeq(properties) ? properties.items.filter(isMap) : [] };
  });
}
