import { isDeepEqual } from '../model/deep-equal';
import { pairEntries } from './entry-pairing';
import { asArray, isJsonObject } from './odcs-document';
import type { PathSegment } from './path-problem';
import { shownValue as shown } from './shown-value';

/** One change of a contract's `customProperties`, at the contract-level field it is about (`['customProperties', 'atlasEdition']`). */
export interface CustomPropertyChange {
  message: string;
  field: PathSegment[];
}

/**
 * The contract's own custom properties (ODCS `customProperties`, each named by `property`)
 * added, removed or given another value or description, one change each.
 */
export function customPropertyChanges(previous: unknown, next: unknown): CustomPropertyChange[] {
  const { pairs, removed, added } = pairEntries(
    entriesOf(previous),
    entriesOf(next),
    (was, is) => was.name === is.name,
  );
  const at = (name: string, message: string) => ({ message, field: ['customProperties', name] });
  return [
    ...removed.map(({ name, entry }) => at(name, `customProperty '${name}' removed (was ${shown(entry.value)})`)),
    ...pairs.flatMap(([was, is]) =>
      isDeepEqual(was.entry, is.entry)
        ? []
        : [at(is.name, `customProperty '${is.name}' ${describe(was.entry, is.entry)}`)],
    ),
    ...added.map(({ name, entry }) => at(name, `customProperty '${name}' set to ${shown(entry.value)}`)),
  ];
}

function entriesOf(section: unknown): { name: string; entry: Record<string, unknown> }[] {
  return asArray(section).map((item, index) => {
    const entry = isJsonObject(item) ? item : {};
    return { name: typeof entry.property === 'string' ? entry.property : `#${index + 1}`, entry };
  });
}

function describe(was: Record<string, unknown>, is: Record<string, unknown>): string {
  return isDeepEqual(was.value, is.value)
    ? 'changed its description'
    : `changed from ${shown(was.value)} to ${shown(is.value)}`;
}
