import { isJsonObject } from './odcs-document';
import type { PathSegment } from './path-problem';
import type { YamlEdit } from './yaml-text-edit';

const positionOf = (property: unknown): number | undefined =>
  isJsonObject(property) && typeof property.primaryKeyPosition === 'number' ? property.primaryKeyPosition : undefined;

/**
 * The edits that make the property at `index` of `properties` (at `propertiesPath`) a part of
 * the primary key or no part of it. A new part is required (key values cannot be null) and, when
 * the other parts say their positions, comes next after them; a part taken out loses its position.
 */
export function primaryKeyEdits(
  properties: readonly unknown[],
  propertiesPath: readonly PathSegment[],
  index: number,
  isKey: boolean,
): YamlEdit[] {
  const path = [...propertiesPath, index];
  const property = properties[index];
  if (!isKey) {
    const edits: YamlEdit[] = [{ op: 'set', path: [...path, 'primaryKey'], value: false }];
    if (positionOf(property) !== undefined) edits.push({ op: 'delete', path: [...path, 'primaryKeyPosition'] });
    return edits;
  }
  const edits: YamlEdit[] = [{ op: 'set', path: [...path, 'primaryKey'], value: true }];
  if (!isJsonObject(property) || property.required !== true)
    edits.push({ op: 'set', path: [...path, 'required'], value: true });
  const otherPositions = properties
    .filter((other, otherIndex) => otherIndex !== index && isJsonObject(other) && other.primaryKey === true)
    .map(positionOf)
    .filter((position): position is number => position !== undefined && position >= 0);
  const position = positionOf(property);
  if (otherPositions.length > 0 && (position === undefined || position < 0))
    edits.push({ op: 'set', path: [...path, 'primaryKeyPosition'], value: Math.max(...otherPositions) + 1 });
  return edits;
}
