import { APP_CUSTOM_PROPERTIES, isJsonObject } from './odcs-document';
import type { PathProblem, PathSegment } from './path-problem';
import type { YamlEdit } from './yaml-text-edit';

interface PlacedEntry {
  /** Where the entry is: `['schema', 0, 'customProperties', 1]`. */
  path: PathSegment[];
  property: string;
  value: unknown;
  /** How many entries its customProperties list holds. */
  siblings: number;
}

/**
 * A custom property the app reads only at the contract's top level (`datasetKind`…) written on a
 * schema object, a property or any other part: a warning, as the app does not read it there, with
 * a repair that moves it to the top level where that does not set it already. Its path is in the
 * document's terms.
 */
export function misplacedCustomPropertyIssues(
  document: unknown,
): Array<PathProblem & { severity: 'warning'; hint?: string }> {
  if (!isJsonObject(document)) return [];
  const topLevel = Array.isArray(document.customProperties) ? document.customProperties : [];
  const setAtTopLevel = new Set(topLevel.filter(isJsonObject).map((entry) => entry.property));
  const misplaced = Object.entries(document)
    .filter(([key]) => key !== 'customProperties')
    .flatMap(([key, value]) => appEntriesWithin(value, [key]));
  return misplaced.map((entry) => {
    const message = `${entry.property} is read from the contract's top-level customProperties; here it has no effect`;
    const path = [...entry.path, 'property'];
    if (setAtTopLevel.has(entry.property))
      return {
        path,
        message,
        severity: 'warning',
        hint: `Remove it: the contract's top level sets ${entry.property}.`,
      };
    // A quality rule's path in the document is not the model's where allowed values are a rule too: no edit is offered there.
    if (entry.path.includes('quality'))
      return { path, message, severity: 'warning', hint: "Move it to the contract's top-level customProperties." };
    return { path, message, severity: 'warning', repair: moveToTopLevel(entry, topLevel.length) };
  });
}

/** Deletes the entry (its list too, when it is the only one) and adds it to the top-level list. */
function moveToTopLevel(entry: PlacedEntry, topLevelCount: number) {
  const moved = { property: entry.property, value: entry.value };
  const edits: YamlEdit[] = [
    { op: 'delete', path: entry.siblings === 1 ? entry.path.slice(0, -1) : entry.path },
    topLevelCount === 0
      ? { op: 'set', path: ['customProperties'], value: [moved] }
      : { op: 'insert', path: ['customProperties', topLevelCount], value: moved },
  ];
  return { kind: 'edit' as const, title: "Move it to the contract's top-level customProperties", edits };
}

/** Every customProperties entry naming a property the app reads, anywhere within the value. */
function appEntriesWithin(value: unknown, path: PathSegment[]): PlacedEntry[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => appEntriesWithin(item, [...path, index]));
  if (!isJsonObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const within = appEntriesWithin(child, [...path, key]);
    if (key !== 'customProperties' || !Array.isArray(child)) return within;
    const own = child.flatMap((entry, index) =>
      isJsonObject(entry) && typeof entry.property === 'string' && APP_CUSTOM_PROPERTIES.includes(entry.property)
        ? [{ path: [...path, key, index], property: entry.property, value: entry.value, siblings: child.length }]
        : [],
    );
    return [...own, ...within];
  });
}
