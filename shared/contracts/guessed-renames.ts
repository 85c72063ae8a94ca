import type { ContractProperty, SchemaObject } from '../model/contract';
import { pairEntries } from './entry-pairing';
import { columnNameOf, tableNameOf } from './physical-names';

/*
 * A removed and an added field alike in type and attributes may be one field renamed, or one
 * dropped and an unrelated one added: taken for a rename, the second would get the first's values
 * (a migration's RENAME COLUMN). So likeness is not enough: a rename also needs evidence that the
 * two are one. Evidence, strongest first: the same ODCS `id` (a stable identifier, so two different
 * ids say they are not one), the same stored name (`physicalName`), or similar names (see
 * `areSimilarNames`). Schema objects alike (the same fields) need the same evidence.
 */

/** A removed field or schema object taken for one renamed, and why. */
export interface GuessedRename {
  to: string;
  /** What shows the two are one: `same id 'x'`, `same physicalName 'x'` or `similar names`. */
  evidence: string;
}

/** Removed fields taken for added ones renamed: alike in all but name, with evidence; old name → rename. */
export function guessRenames(
  removed: readonly ContractProperty[],
  added: readonly ContractProperty[],
): Map<string, GuessedRename> {
  return pairWithEvidence(removed, added, signature, columnNameOf);
}

/** Removed schema objects taken for added ones renamed: the same fields (names, types and attributes), with evidence. */
export function guessObjectRenames(
  removed: readonly SchemaObject[],
  added: readonly SchemaObject[],
): Map<string, GuessedRename> {
  const fieldsOf = (object: SchemaObject) =>
    JSON.stringify(object.properties.map((property) => [property.name, signature(property)]));
  return pairWithEvidence(removed, added, fieldsOf, tableNameOf);
}

interface Element {
  name: string;
  extensions?: Record<string, unknown>;
}

/** Each removed item paired with the first unclaimed added one of the same signature that evidence says is it. */
function pairWithEvidence<Item extends Element>(
  removed: readonly Item[],
  added: readonly Item[],
  signatureOf: (item: Item) => string,
  storedNameOf: (item: Item) => string,
): Map<string, GuessedRename> {
  const evidence = (was: Item, is: Item) =>
    signatureOf(was) === signatureOf(is) ? renameEvidence(was, is, storedNameOf) : undefined;
  const { pairs } = pairEntries(removed, added, (was, is) => evidence(was, is) !== undefined);
  return new Map(pairs.map(([was, is]) => [was.name, { to: is.name, evidence: evidence(was, is) as string }]));
}

function renameEvidence<Item extends Element>(
  was: Item,
  is: Item,
  storedNameOf: (item: Item) => string,
): string | undefined {
  const [wasId, isId] = [was.extensions?.id, is.extensions?.id];
  if (wasId !== undefined && isId !== undefined) return wasId === isId ? `same id '${String(isId)}'` : undefined;
  if (storedNameOf(was) === storedNameOf(is)) return `same physicalName '${storedNameOf(is)}'`;
  return areSimilarNames(was.name, is.name) ? 'similar names' : undefined;
}

/**
 * Whether two names say the same in other words: split into words (at `_`, `-`, spaces and
 * camelCase humps, a plural `s` dropped), the words of one are all among the other's
 * (`zip` → `zip_code`, `customerName` → `customer_name`, `orders` → `order_records`), or are the
 * same letters (`e_mail` → `email`). A word in common is not enough: `customer_id` → `order_id`.
 */
export function areSimilarNames(previous: string, next: string): boolean {
  const [was, is] = [wordsOf(previous), wordsOf(next)];
  if (was.length === 0 || is.length === 0) return false;
  if (was.join('') === is.join('')) return true;
  const [fewer, more] = was.length <= is.length ? [was, is] : [is, was];
  return fewer.every((word) => more.includes(word));
}

function wordsOf(name: string): string[] {
  return name
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map(singular);
}

/** `orders` → `order`; a word that is no plural (`status`) loses its `s` alike in both names. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function signature(property: ContractProperty): string {
  const { logicalType, physicalType, required, unique, primaryKey, primaryKeyPosition, classification } = property;
  return JSON.stringify([logicalType, physicalType, required, unique, primaryKey, primaryKeyPosition, classification]);
}
