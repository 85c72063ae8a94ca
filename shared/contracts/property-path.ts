import type { PathSegment } from './path-problem';

/**
 * Where a schema object's own property is in an ODCS document, found by the names the text
 * gives them (a text typed since it was read as a contract included); none when it is not there.
 */
export function propertyPathOf(document: unknown, objectName: string, propertyName: string): PathSegment[] | undefined {
  const objects = listAt(document, 'schema');
  const objectIndex = objects.findIndex((object) => isNamed(object, objectName));
  const propertyIndex = listAt(objects[objectIndex], 'properties').findIndex((property) =>
    isNamed(property, propertyName),
  );
  return objectIndex === -1 || propertyIndex === -1 ? undefined : ['schema', objectIndex, 'properties', propertyIndex];
}

function listAt(parent: unknown, key: string): unknown[] {
  const list = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list : [];
}

function isNamed(entry: unknown, name: string): boolean {
  return typeof entry === 'object' && entry !== null && (entry as Record<string, unknown>).name === name;
}
