import { parse, type Scalar } from 'yaml';
import { SHORTHAND } from './relationship-checks';
import { type NamedField, namedFieldAt } from './relationship-reference-navigation';
import type { TextChange } from './text-change';
import type { TextRange } from './text-range';

/** Renaming a field: the changes that make it, or why it cannot be made. */
export type FieldRename = { ok: true; changes: TextChange[] } | { ok: false; reason: string };

/** Why nothing is renamed where the caret is on no field's name and no reference to one. */
export const RENAME_NEEDS_A_FIELD = 'Rename a field from its name, or from a relationship or quality rule naming it';

const NAME_IN_SHORTHAND = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The field name a rename at the caret changes (F2), from the field's `name:` or from a reference naming it. */
export function renamedFieldAt(
  text: string,
  line: number,
  column: number,
): { range: TextRange; name: string } | undefined {
  const found = namedFieldAt(text, line, column);
  if (!found) return undefined;
  const [start, end] = innerOffsets(found.field.nameNode);
  return { range: found.rangeOf(start, end), name: String(found.field.propertyName) };
}

/**
 * Renames the field at the caret and every reference naming it that navigation knows: a
 * relationship's and an SLA's `element` in ODCS's shorthand (`meters.mpan` → `meters.supply_number`)
 * and its object's duplicateValues rules' `arguments.properties` items, so nothing is left naming a field that is
 * gone; references by id (`schema/<id>/properties/<id>`) need no change. Refused where the new
 * name would break the contract: empty, another field's of its object, or not writable in a
 * `table.column` reference that names it.
 */
export function renameRelationshipField(text: string, line: number, column: number, newName: string): FieldRename {
  const found = namedFieldAt(text, line, column);
  if (!found) return { ok: false, reason: RENAME_NEEDS_A_FIELD };
  const { field, siblingNames } = found;
  const name = newName.trim();
  if (name === '') return { ok: false, reason: 'A field needs a name' };
  if (name === field.propertyName) return { ok: true, changes: [] };
  if (siblingNames.includes(name))
    return { ok: false, reason: `Schema object '${String(field.objectName)}' already has a field '${name}'` };
  const shorthands = found.references.filter(({ reference, ofObject }) => !ofObject && SHORTHAND.test(reference));
  const ruleArguments = found.references.filter(({ ofObject }) => ofObject);
  const firstShorthand = shorthands[0];
  if (firstShorthand && !NAME_IN_SHORTHAND.test(name))
    return {
      ok: false,
      reason: `'${name}' cannot be written in the relationship reference '${firstShorthand.reference}': use letters, digits and _, not starting with a digit`,
    };
  return {
    ok: true,
    changes: [
      renamedScalar(field.nameNode, name, found.rangeOf),
      ...ruleArguments.map(({ node }) => renamedScalar(node, name, found.rangeOf)),
      ...shorthands.map(({ node, reference, characters }) => {
        const [start, end] = characters ?? innerOffsets(node);
        return { ...found.rangeOf(start + reference.indexOf('.') + 1, end), text: name };
      }),
    ],
  };
}

/** The new name in place of the old, written as its scalar is (plain, in double or single quotes). */
function renamedScalar(node: Scalar, name: string, rangeOf: NamedField['rangeOf']): TextChange {
  const [start, end] = innerOffsets(node);
  switch (node.type) {
    case 'PLAIN':
      return { ...rangeOf(start, end), text: plainOrQuoted(name) };
    case 'QUOTE_DOUBLE':
      return { ...rangeOf(start, end), text: JSON.stringify(name).slice(1, -1) };
    case 'QUOTE_SINGLE':
      return { ...rangeOf(start, end), text: name.replaceAll("'", "''") };
    default:
      return { ...rangeOf(node.range?.[0] ?? start, node.range?.[1] ?? end), text: JSON.stringify(name) };
  }
}

/** A plain scalar where YAML reads it back as this text; quoted where it would read as another value (`true`, `12`) or not parse. */
function plainOrQuoted(name: string): string {
  // Block YAML reads `a, b` plain, but a flow list (`properties: [a, b]`) would split it.
  if (/[,[\]{}]/.test(name)) return JSON.stringify(name);
  try {
    if (parse(name) === name) return name;
  } catch {
    // Not a plain scalar (`a: b`, `[x`): quoted below.
  }
  return JSON.stringify(name);
}

/** Where a scalar's characters are, inside its quotes if it has them. */
function innerOffsets(node: Scalar): [number, number] {
  const [start, end] = node.range ?? [0, 0];
  return node.type === 'PLAIN' ? [start, end] : [start + 1, end - 1];
}
