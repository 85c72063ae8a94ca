import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { schemaObjectNodes } from './schema-object-nodes';
import { yamlCursorPath } from './yaml-cursor-path';

const FIELD_LIST_PATH = 'schema.[].quality.[].arguments.properties.[]';

/**
 * The fields to offer for an item of a schema object's `duplicateValues` rule's
 * `arguments.properties` (`properties: [bill_id, ` or `- ` under it): that object's fields, in the
 * order written, but those the list names already.
 */
export function completeRuleArgumentFields(text: string, line: number, column: number): string[] {
  const cursor = yamlCursorPath(text, line, column);
  if (cursor.key !== undefined || cursor.parentPath.join('.') !== FIELD_LIST_PATH) return [];
  const document = parseDocument(text, { prettyErrors: false });
  const offset =
    text
      .split('\n')
      .slice(0, line - 1)
      .reduce((sum, each) => sum + each.length + 1, 0) +
    column -
    1;
  const contains = ({ range }: Node) => range != null && range[0] <= offset && offset <= range[2];
  const object = schemaObjectNodes(document).find((candidate) => contains(candidate.object));
  const rules = object?.object.get('quality', true);
  const rule = isSeq(rules) ? rules.items.filter(isMap).find(contains) : undefined;
  if (!object || !rule || rule.get('metric') !== 'duplicateValues') return [];
  const listed = rule.getIn(['arguments', 'properties'], true);
  // The item under the cursor is the one being written, so its field stays on offer.
  const taken = isSeq(listed)
    ? listed.items.flatMap((item) => (isScalar(item) && !contains(item) ? [item.value] : []))
    : [];
  return object.properties.flatMap((property) => {
    const name = property.get('name');
    return typeof name === 'string' && !taken.includes(name) ? [name] : [];
  });
}
