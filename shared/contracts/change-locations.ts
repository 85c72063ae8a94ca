import type { ContractChange } from './breaking-changes';
import { readOdcsDocument } from './contract-edits';
import type { PathSegment } from './path-problem';
import { readYamlSource, type TextRange } from './yaml-source';

export interface LocatedChange extends ContractChange {
  /** The text the change shows in: the new one, or the old one for what was removed. */
  side: 'previous' | 'next';
  range: TextRange;
}

/**
 * Where each change of a comparison is, to mark it beside its line: a field or object in
 * the new text, or in the old one when it is gone; contract-level changes at the id.
 */
export function locateChanges(
  changes: readonly ContractChange[],
  previousText: string,
  nextText: string,
): LocatedChange[] {
  const sides = {
    next: { source: readYamlSource(nextText), document: readOdcsDocument(nextText) },
    previous: { source: readYamlSource(previousText), document: readOdcsDocument(previousText) },
  };
  return changes.map((change) => {
    for (const side of ['next', 'previous'] as const) {
      const { source, document } = sides[side];
      const path = subjectPath(document, change.subject);
      if (path) return { ...change, side, range: source.locate(path, 'key') };
    }
    return { ...change, side: 'next', range: sides.next.source.locate(['id'], 'key') };
  });
}

/** `orders.customer_id` → the path of that property's name; `orders` → the object's name. */
function subjectPath(document: Record<string, unknown> | undefined, subject: string): PathSegment[] | undefined {
  const objects = Array.isArray(document?.schema) ? (document.schema as Record<string, unknown>[]) : [];
  const [objectName, ...rest] = subject.split('.');
  const objectIndex = objects.findIndex((object) => object?.name === objectName);
  if (objectIndex === -1) return undefined;
  if (rest.length === 0) return ['schema', objectIndex, 'name'];
  const properties = objects[objectIndex]?.properties;
  const list = Array.isArray(properties) ? (properties as Record<string, unknown>[]) : [];
  const propertyIndex = list.findIndex((property) => property?.name === rest.join('.'));
  return propertyIndex === -1 ? undefined : ['schema', objectIndex, 'properties', propertyIndex, 'name'];
}
