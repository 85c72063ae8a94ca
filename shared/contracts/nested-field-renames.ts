import type { ContractProperty } from '../model/contract';
import { type GuessedRename, guessRenames } from './guessed-renames';
import { nestedFieldPath } from './nested-fields';
import { mapPartsOf, nestedPropertiesOf } from './odcs-document';

/*
 * The fields renamed below a property kept (or itself renamed) between two versions of a
 * contract: the keys a stored JSON document of that property must have renamed. Each list of
 * nested properties is paired as the breaking-change check pairs it (guessed-renames.ts), so the
 * migration renames what the comparison reports renamed.
 */

/** One step from a document to the object holding the renamed key: a field, or every item of an array, or every value of a map. */
export type JsonDocumentStep = { field: string } | { each: 'item' | 'value' };

export interface NestedFieldRename {
  /** The path from the document to the object holding the key, in the new version's names. */
  within: JsonDocumentStep[];
  from: string;
  to: string;
  rename: GuessedRename;
  /** The field as the contract comparison names it: `address.zip`, `lines[].sku`, `notes{value}.by`. */
  path: string;
}

/** The renames below `before` (named `path`) and `after`, parents before their children. */
export function nestedFieldRenames(
  before: ContractProperty,
  after: ContractProperty,
  path: string,
  within: JsonDocumentStep[] = [],
): NestedFieldRename[] {
  const [was, is] = [nestedPropertiesOf(before), nestedPropertiesOf(after)];
  const nextByName = new Map(is.properties.map((property) => [property.name, property]));
  const previousNames = new Set(was.properties.map((property) => property.name));
  const removed = was.properties.filter((property) => !nextByName.has(property.name));
  const added = is.properties.filter((property) => !previousNames.has(property.name));
  const { renames } = guessRenames(removed, added);
  const pairs = was.properties.flatMap((property) => {
    const counterpart = nextByName.get(renames.get(property.name)?.to ?? property.name);
    return counterpart ? [{ before: property, after: counterpart }] : [];
  });
  const [valuesBefore, valuesAfter] = [mapPartsOf(before)?.value, mapPartsOf(after)?.value];
  return [
    ...[...renames].map(([from, rename]) => ({
      within,
      from,
      to: rename.to,
      rename,
      path: nestedFieldPath(path, from),
    })),
    ...pairs.flatMap((pair) =>
      nestedFieldRenames(pair.before, pair.after, nestedFieldPath(path, pair.before.name), [
        ...within,
        { field: pair.after.name },
      ]),
    ),
    ...(was.items && is.items
      ? nestedFieldRenames(was.items, is.items, `${path}[]`, [...within, { each: 'item' }])
      : []),
    ...(valuesBefore && valuesAfter
      ? nestedFieldRenames(valuesBefore, valuesAfter, `${path}{value}`, [...within, { each: 'value' }])
      : []),
  ];
}
