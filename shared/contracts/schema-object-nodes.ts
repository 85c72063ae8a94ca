import { type Document, isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { SHORTHAND } from './relationship-checks';

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

/** A top-level property of a schema object, named as ODCS's shorthand writes it (`routes.route_id`). */
export interface SchemaField {
  reference: string;
  isKey: boolean;
  object: YAMLMap;
  property: YAMLMap;
}

/** The top-level properties of the contract's schema objects, but those whose names the shorthand cannot write (`step count`). */
export function schemaFieldsOf(objects: SchemaObjectNode[]): SchemaField[] {
  return objects.flatMap(({ object, properties }) =>
    properties.flatMap((property) => {
      const reference = `${String(object.get('name') ?? '')}.${String(property.get('name') ?? '')}`;
      if (!SHORTHAND.test(reference)) return [];
      const isKey = property.get('primaryKey') === true || property.get('unique') === true;
      return [{ reference, isKey, object, property }];
    }),
  );
}

/** A property's logicalType, where one is written. */
export function logicalTypeOf(property: YAMLMap | undefined): string | undefined {
  const type = property?.get('logicalType');
  return typeof type === 'string' && type !== '' ? type : undefined;
}

/** A property's type as completion shows it beside the field: its logicalType, and its physicalType where one is written (`integer · bigint`). */
export function typeDetail(property: YAMLMap): string {
  const physicalType = property.get('physicalType');
  const physical = typeof physicalType === 'string' && physicalType !== '' ? ` · ${physicalType}` : '';
  return `${logicalTypeOf(property) ?? 'no logicalType'}${physical}`;
}

/** The `arguments.properties` lists of a schema object's duplicateValues rules: each names properties of that object. */
export function duplicateValuesPropertyLists(object: YAMLMap): YAMLSeq[] {
  const rules = object.get('quality', true);
  if (!isSeq(rules)) return [];
  return rules.items.filter(isMap).flatMap((rule) => {
    if (rule.get('metric') !== 'duplicateValues') return [];
    const list = rule.getIn(['arguments', 'properties'], true);
    return isSeq(list) ? [list] : [];
  });
}
