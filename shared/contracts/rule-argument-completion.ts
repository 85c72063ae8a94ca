import { isScalar, type Node, parseDocument } from 'yaml';
import { duplicateValuesPropertyLists, schemaObjectNodes, typeDetail } from './schema-object-nodes';
import { offsetOfPosition } from './text-offset';
import { yamlCursorPath } from './yaml-cursor-path';

const FIELD_LIST_PATH = 'schema.[].quality.[].arguments.properties.[]';

/** A field to offer, with its type (`integer · bigint`) as its detail. */
export interface RuleArgumentFieldChoice {
  field: string;
  detail: string;
}

/**
 * The fields to offer for an item of a schema object's `duplicateValues` rule's
 * `arguments.properties` (`properties: [bill_id, ` or `- ` under it): that object's fields, in the
 * order written, each with its type, but those the list names already.
 */
export function completeRuleArgumentFields(text: string, line: number, column: number): RuleArgumentFieldChoice[] {
  const cursor = yamlCursorPath(text, line, column);
  if (cursor.key !== undefined || cursor.parentPath.join('.') !== FIELD_LIST_PATH) return [];
  const document = parseDocument(text, { prettyErrors: false });
  const offset = offsetOfPosition(text, line, column);
  const contains = ({ range }: Node) => range != null && range[0] <= offset && offset <= range[2];
  const object = schemaObjectNodes(document).find((candidate) => contains(candidate.object));
  const listed = object && duplicateValuesPropertyLists(object.object).find(contains);
  if (!object || !listed) return [];
  // The item under the cursor is the one being written, so its field stays on offer.
  const taken = listed.items.flatMap((item) => (isScalar(item) && !contains(item) ? [item.value] : []));
  return object.properties.flatMap((property) => {
    const name = property.get('name');
    return typeof name === 'string' && !taken.includes(name) ? [{ field: name, detail: typeDetail(property) }] : [];
  });
}
