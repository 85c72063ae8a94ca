import { isJsonObject } from './odcs-document';
import type { PathSegment } from './path-problem';
import type { YamlEdit } from './yaml-text-edit';

const positionOf = (property: unknown): number | undefined =>
  isJsonObject(property) && typeof property.primaryKeyPosition === 'number' ? property.primaryKeyPosition : undefined;

/** The indexes of the key parts other than `index` that say their position, in key order. */
function positionedPartsBesides(properties: readonly unknown[], index: number): number[] {
  return properties
    .flatMap((property, otherIndex) => {
      const position = positionOf(property);
      const isPositionedPart =
        otherIndex !== index && isJsonObject(property) && property.primaryKey === true && position !== undefined;
      return isPositionedPart && position >= 0 ? [{ otherIndex, position }] : [];
    })
    .sort((one, other) => one.position - other.position)
    .map(({ otherIndex }) => otherIndex);
}

/** The edits that give the key parts at `partIndexes`, in that order, the positions 1, 2, 3… ODCS asks for. */
function renumberingEdits(
  properties: readonly unknown[],
  propertiesPath: readonly PathSegment[],
  partIndexes: readonly number[],
): YamlEdit[] {
  return partIndexes.flatMap((partIndex, order) =>
    positionOf(properties[partIndex]) === order + 1
      ? []
      : [{ op: 'set' as const, path: [...propertiesPath, partIndex, 'primaryKeyPosition'], value: order + 1 }],
  );
}

/**
 * The edits that make the property at `index` of `properties` (at `propertiesPath`) a part of
 * the primary key or no part of it. A new part is required (key values cannot be null) and, when
 * the other parts say their positions, comes next after them; a part taken out loses its position
 * and the parts left are numbered again from 1, in their order.
 */
export function primaryKeyEdits(
  properties: readonly unknown[],
  propertiesPath: readonly PathSegment[],
  index: number,
  isKey: boolean,
): YamlEdit[] {
  const path = [...propertiesPath, index];
  const property = properties[index];
  const otherParts = positionedPartsBesides(properties, index);
  if (!isKey) {
    const edits: YamlEdit[] = [{ op: 'set', path: [...path, 'primaryKey'], value: false }];
    if (positionOf(property) !== undefined) edits.push({ op: 'delete', path: [...path, 'primaryKeyPosition'] });
    return [...edits, ...renumberingEdits(properties, propertiesPath, otherParts)];
  }
  const edits: YamlEdit[] = [{ op: 'set', path: [...path, 'primaryKey'], value: true }];
  if (!isJsonObject(property) || property.required !== true)
    edits.push({ op: 'set', path: [...path, 'required'], value: true });
  const position = positionOf(property);
  if (otherParts.length > 0 && (position === undefined || position < 0))
    edits.push(...renumberingEdits(properties, propertiesPath, [...otherParts, index]));
  return edits;
}

/**
 * The edits that remove the property at `index` of `properties` (at `propertiesPath`): a key part
 * removed takes its position with it, and the parts left are numbered again from 1, in their order.
 */
export function fieldRemovalEdits(
  properties: readonly unknown[],
  propertiesPath: readonly PathSegment[],
  index: number,
): YamlEdit[] {
  const property = properties[index];
  const isPositionedPart = isJsonObject(property) && property.primaryKey === true && positionOf(property) !== undefined;
  // Renumbered first: the indexes of the parts after it are those of the list before the removal.
  const renumbering = isPositionedPart
    ? renumberingEdits(properties, propertiesPath, positionedPartsBesides(properties, index))
    : [];
  return [...renumbering, { op: 'delete', path: [...propertiesPath, index] }];
}
