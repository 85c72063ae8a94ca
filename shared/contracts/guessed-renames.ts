import type { ContractProperty, SchemaObject } from '../model/contract';
import { isSameWord } from '../model/name-words';
import { pairEntries } from './entry-pairing';
import { columnNameOf, tableNameOf } from './physical-names';

/*
 * A removed and an added field alike in type and attributes may be one field renamed, or one
 * dropped and an unrelated one added: taken for a rename, the second would get the first's values
 * (a migration's RENAME COLUMN). So likeness is not enough: a rename also needs evidence that the
 * two are one. Evidence, strongest first: the same ODCS `id` (a stable identifier, so two different
 * ids say they are not one), the same stored name (`physicalName`), or similar names (see
 * `areSimilarNames`). Schema objects alike (the same fields) need the same evidence.
 * Similar names decide only when they point one way: `amount` removed with `amount_due` and
 * `amount_paid` added could be either, so neither is guessed, and the pair is left undecided for
 * the author to settle with ids or physicalNames.
 */

/** A removed field or schema object taken for one renamed, and why. */
export interface GuessedRename {
  to: string;
  /** What shows the two are one: `same id 'x'`, `same physicalName 'x'` or `similar names`. */
  evidence: string;
}

/** The renames guessed between removed and added items, and those similar names leave open. */
export interface RenameGuesses {
  /** Old name → rename. */
  renames: Map<string, GuessedRename>;
  /** Old name → the added names it may have become, where similar names fit more than one way. */
  undecided: Map<string, string[]>;
}

/** Removed fields taken for added ones renamed: alike in all but name, with evidence. */
export function guessRenames(removed: readonly ContractProperty[], added: readonly ContractProperty[]): RenameGuesses {
  return pairWithEvidence(removed, added, signature, columnNameOf);
}

/** Removed schema objects taken for added ones renamed: the same fields (names, types and attributes), with evidence. */
export function guessObjectRenames(removed: readonly SchemaObject[], added: readonly SchemaObject[]): RenameGuesses {
  const fieldsOf = (object: SchemaObject) =>
    JSON.stringify(object.properties.map((property) => [property.name, signature(property)]));
  return pairWithEvidence(removed, added, fieldsOf, tableNameOf);
}

const SIMILAR_NAMES = 'similar names';

interface Element {
  name: string;
  extensions?: Record<string, unknown>;
}

/**
 * Each removed item paired with the first unclaimed added one of the same signature that an id or
 * a physicalName says is it; then, among those left, each with the one added item of similar name
 * that has no other similar removed item.
 */
function pairWithEvidence<Item extends Element>(
  removed: readonly Item[],
  added: readonly Item[],
  signatureOf: (item: Item) => string,
  storedNameOf: (item: Item) => string,
): RenameGuesses {
  const evidence = (was: Item, is: Item) =>
    signatureOf(was) === signatureOf(is) ? renameEvidence(was, is, storedNameOf) : undefined;
  const isDecisive = (was: Item, is: Item) => {
    const found = evidence(was, is);
    return found !== undefined && found !== SIMILAR_NAMES;
  };
  const decided = pairEntries(removed, added, isDecisive);
  const renames = new Map(
    decided.pairs.map(([was, is]) => [was.name, { to: is.name, evidence: evidence(was, is) as string }]),
  );
  const undecided = new Map<string, string[]>();
  const candidatesOf = (was: Item) => decided.added.filter((is) => evidence(was, is) === SIMILAR_NAMES);
  for (const was of decided.removed) {
    const candidates = candidatesOf(was);
    const [only] = candidates;
    if (only === undefined) continue;
    const isOneWay =
      candidates.length === 1 && decided.removed.filter((other) => candidatesOf(other).includes(only)).length === 1;
    if (isOneWay) renames.set(was.name, { to: only.name, evidence: SIMILAR_NAMES });
    else
      undecided.set(
        was.name,
        candidates.map((is) => is.name),
      );
  }
  return { renames, undecided };
}

function renameEvidence<Item extends Element>(
  was: Item,
  is: Item,
  storedNameOf: (item: Item) => string,
): string | undefined {
  const [wasId, isId] = [was.extensions?.id, is.extensions?.id];
  if (wasId !== undefined && isId !== undefined) return wasId === isId ? `same id '${String(isId)}'` : undefined;
  if (storedNameOf(was) === storedNameOf(is)) return `same physicalName '${storedNameOf(is)}'`;
  return areSimilarNames(was.name, is.name) ? SIMILAR_NAMES : undefined;
}

/**
 * Whether two names say the same in other words: split into words (at `_`, `-`, spaces and
 * camelCase humps, in the singular or plural), the words of one are all among the other's
 * (`zip` → `zip_code`, `customerName` → `customer_name`, `orders` → `order_records`), or are the
 * same letters (`e_mail` → `email`). A word in common is not enough: `customer_id` → `order_id`.
 * Words added may qualify the meaning (`principal` → `principal_outstanding`), so the guess is
 * taken only where it is the one way the names fit (see `pairWithEvidence`).
 */
export function areSimilarNames(previous: string, next: string): boolean {
  const [was, is] = [wordsOf(previous), wordsOf(next)];
  if (was.length === 0 || is.length === 0) return false;
  if (isSameWord(was.join(''), is.join(''))) return true;
  const [fewer, more] = was.length <= is.length ? [was, is] : [is, was];
  return fewer.every((word) => more.some((other) => isSameWord(word, other)));
}

function wordsOf(name: string): string[] {
  return name
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function signature(property: ContractProperty): string {
  const { logicalType, physicalType, required, unique, primaryKey, primaryKeyPosition, classification } = property;
  return JSON.stringify([logicalType, physicalType, required, unique, primaryKey, primaryKeyPosition, classification]);
}
