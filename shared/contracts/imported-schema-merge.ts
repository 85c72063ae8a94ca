import { isDeepEqual } from '../model/deep-equal';
import { LogicalTypeSchema } from '../model/logical-type';
import { enumRuleIndex, nativeEnumEdits } from './contract-edits';
import type { StatableFact } from './import/imported-schema';
import { isOptionOf } from './import/logical-type-options';
import { importedQualityEdits } from './imported-quality-merge';
import { withContractsJsonShape } from './json-document-column';
import { hasNativeEnum, isJsonObject, type OdcsDocument } from './odcs-document';
import type { PathSegment } from './path-problem';
import { isWholeKey } from './primary-key';
import { otherKeyOfRangeEnd } from './range-end-moves';
import type { YamlEdit } from './yaml-text-edit';

/** What a format may state: taken when the import has it, kept as written when it has not (`logicalTypeOptions`: see `optionEdits`). */
const STATED_WHEN_PRESENT = ['physicalType', 'description'] as const;
/**
 * Nested fields, and the logical type that holds each: merged by name where both have them;
 * kept when the import has none but keeps that type (SQL's jsonb says nothing of its inside,
 * nor whether it is an object or an array),
 * gone when the type changes.
 */
const NESTED = { properties: 'object', items: 'array', map: 'map' } as const;
type NestedKey = keyof typeof NESTED;

/**
 * The edits that give an existing contract the schema of an imported one while keeping what
 * the import's format cannot say. Schema objects and properties are matched by name at every
 * depth; the import decides which exist, their types, and the keys and required-ness its
 * source states (`statedFacts`: proto3 cannot say a field is required); the contract keeps its classification, tags, examples, physicalName, custom and other
 * fields, its descriptions where the import has none, and the order and text of what stays.
 * Allowed values the import states replace the contract's, in the form its `apiVersion` writes;
 * its quality rules are brought in beside the contract's own (see `importedQualityEdits`), and
 * `notes` says which were added or replaced.
 */
export function importedSchemaEdits(
  existing: OdcsDocument,
  imported: OdcsDocument,
  statedFacts: readonly StatableFact[],
): { edits: YamlEdit[]; notes: string[] } {
  const apiVersion = String(imported.apiVersion ?? existing.apiVersion);
  const isNewerApi = imported.apiVersion !== existing.apiVersion && hasNativeEnum(apiVersion);
  const context: MergeContext = {
    nativeEnum: hasNativeEnum(isNewerApi ? apiVersion : String(existing.apiVersion)),
    // Every format states a logical type; `required` and keys only those that have a word for them.
    stated: ['logicalType', ...statedFacts],
    notes: [],
  };
  const apiEdit: YamlEdit[] = isNewerApi ? [{ op: 'set', path: ['apiVersion'], value: apiVersion }] : [];
  const edits = [...apiEdit, ...namedListEdits(existing.schema, imported.schema, ['schema'], context, objectEdits)];
  return { edits, notes: context.notes };
}

interface MergeContext {
  /** Whether allowed values are written as `enum` (ODCS 3.2) rather than an `invalidValues` rule. */
  nativeEnum: boolean;
  /** The property fields the import's source states, so that their absence means the default. */
  stated: readonly string[];
  /** What the import's quality rules added or replaced, collected as the edits are made. */
  notes: string[];
}

type EntryEdits = (
  existing: OdcsDocument,
  imported: OdcsDocument,
  at: PathSegment[],
  context: MergeContext,
  /** The imported entry and the others of its list. */
  importedSiblings: readonly OdcsDocument[],
) => YamlEdit[];

function objectEdits(
  existing: OdcsDocument,
  imported: OdcsDocument,
  at: PathSegment[],
  context: MergeContext,
): YamlEdit[] {
  const physicalName = existing.physicalName === undefined ? keyEdits(existing, imported, at, ['physicalName']) : [];
  return [
    ...keyEdits(
      existing,
      imported,
      at,
      ['physicalType', 'description'].filter((key) => imported[key] !== undefined),
    ),
    ...physicalName,
    ...namedListEdits(existing.properties, imported.properties, [...at, 'properties'], context, keyAwarePropertyEdits),
    ...(imported.properties === undefined && existing.properties !== undefined
      ? [{ op: 'delete' as const, path: [...at, 'properties'] }]
      : []),
    ...qualityEdits(existing, imported, at, context),
  ];
}

function qualityEdits(existing: OdcsDocument, imported: OdcsDocument, at: PathSegment[], context: MergeContext) {
  const merge = importedQualityEdits(existing, imported, at);
  context.notes.push(...merge.notes);
  return merge.edits;
}

/**
 * A top-level property's edits; a one-field key is unique whether or not its source says
 * UNIQUE, so the contract's `unique` stays as written there.
 */
function keyAwarePropertyEdits(
  existing: OdcsDocument,
  imported: OdcsDocument,
  at: PathSegment[],
  context: MergeContext,
  importedSiblings: readonly OdcsDocument[],
): YamlEdit[] {
  if (!isWholeKey(imported, importedSiblings)) return propertyEdits(existing, imported, at, context);
  return propertyEdits(existing, imported, at, {
    ...context,
    stated: context.stated.filter((fact) => fact !== 'unique'),
  });
}

function propertyEdits(
  existing: OdcsDocument,
  importedAsWritten: OdcsDocument,
  at: PathSegment[],
  context: MergeContext,
): YamlEdit[] {
  const imported = withContractsJsonShape(existing, importedAsWritten);
  const statedHere = STATED_WHEN_PRESENT.filter((key) => imported[key] !== undefined);
  return [
    ...keyEdits(existing, imported, at, [...context.stated, ...statedHere]),
    ...optionEdits(existing, imported, at),
    ...(Object.keys(NESTED) as NestedKey[]).flatMap((key) =>
      nestedEdits(existing, imported, key, [...at, key], context),
    ),
    ...qualityEdits(existing, imported, at, context),
    ...allowedValueEdits(existing, allowedValuesOf(imported), at, context),
  ];
}

/**
 * Each option the import states taken (SQL's `maxLength` of a `varchar(16)`, an end of a range in
 * place of the contract's, written inclusive or exclusive); the contract's others stay (a
 * `pattern` the source cannot state) where its new logical type has them, and go where it has not
 * (an array's `minItems` on what is now a string), or the contract would be invalid.
 */
function optionEdits(existing: OdcsDocument, imported: OdcsDocument, at: PathSegment[]): YamlEdit[] {
  const stated = isJsonObject(imported.logicalTypeOptions) ? imported.logicalTypeOptions : {};
  const own = isJsonObject(existing.logicalTypeOptions) ? existing.logicalTypeOptions : {};
  const logicalType = LogicalTypeSchema.safeParse(imported.logicalType);
  // An end of a range the source states (`> 0`) replaces the contract's, whichever key wrote it (`minimum: 5`).
  const isEndStated = (name: string) => {
    const otherKey = otherKeyOfRangeEnd(name);
    return otherKey !== undefined && stated[otherKey] !== undefined;
  };
  const isKept = (name: string) => (!logicalType.success || isOptionOf(logicalType.data, name)) && !isEndStated(name);
  const kept = Object.keys(own).filter(isKept);
  const path = [...at, 'logicalTypeOptions'];
  if (kept.length === 0) {
    if (Object.keys(stated).length > 0) return isDeepEqual(own, stated) ? [] : [{ op: 'set', path, value: stated }];
    return Object.keys(own).length === 0 ? [] : [{ op: 'delete', path }];
  }
  return [
    ...Object.keys(own)
      .filter((name) => !isKept(name) && !(name in stated))
      .map((name): YamlEdit => ({ op: 'delete', path: [...path, name] })),
    ...Object.entries(stated)
      .filter(([name, value]) => !isDeepEqual(own[name], value))
      .map(([name, value]): YamlEdit => ({ op: 'set', path: [...path, name], value })),
  ];
}

/** `properties` merged by name, `items` as one property, `map` by its `key` and `value` (see NESTED). */
function nestedEdits(
  existing: OdcsDocument,
  imported: OdcsDocument,
  key: NestedKey,
  at: PathSegment[],
  context: MergeContext,
): YamlEdit[] {
  const [before, after] = [existing[key], imported[key]];
  if (after === undefined) {
    const saysNothingInside = imported.logicalType === NESTED[key];
    return before === undefined || saysNothingInside ? [] : [{ op: 'delete', path: at }];
  }
  if (key === 'properties') return namedListEdits(before, after, at, context, propertyEdits);
  if (!isJsonObject(before) || !isJsonObject(after)) return [{ op: 'set', path: at, value: after }];
  if (key === 'items') return propertyEdits(before, after, at, context);
  return ['key', 'value'].flatMap((side) => {
    const [one, other] = [before[side], after[side]];
    if (isJsonObject(one) && isJsonObject(other)) return propertyEdits(one, other, [...at, side], context);
    return isDeepEqual(one, other) ? [] : [{ op: 'set' as const, path: [...at, side], value: other }];
  });
}

/** Each key set to the import's value where it means something else; a key the import leaves out goes. */
function keyEdits(
  existing: OdcsDocument,
  imported: OdcsDocument,
  at: PathSegment[],
  keys: readonly string[],
): YamlEdit[] {
  return keys.flatMap((key): YamlEdit[] => {
    if (meansTheSame(key, existing[key], imported[key])) return [];
    if (imported[key] === undefined) return [{ op: 'delete', path: [...at, key] }];
    return [{ op: 'set', path: [...at, key], value: imported[key] }];
  });
}

/** `required: false` and no `required` say the same; SQL types are the same in any case (`uuid`, `UUID`). */
function meansTheSame(key: string, before: unknown, after: unknown): boolean {
  if ((before ?? false) === false && (after ?? false) === false) return true;
  if (key === 'physicalType' && typeof before === 'string' && typeof after === 'string') {
    return before.replace(/\s+/g, '').toLowerCase() === after.replace(/\s+/g, '').toLowerCase();
  }
  return isDeepEqual(before, after);
}

/**
 * A list of named entries (schema objects, properties) becoming the imported one: entries of
 * the same name are merged in place, the others removed or added where the import has them.
 * Edits inside entries come first, then removals from the end, then additions from the start,
 * so each edit's index is right when it is applied.
 */
function namedListEdits(
  existingList: unknown,
  importedList: unknown,
  at: PathSegment[],
  context: MergeContext,
  entryEdits: EntryEdits,
): YamlEdit[] {
  if (!Array.isArray(importedList)) return [];
  const importedEntries = importedList.filter(isJsonObject);
  if (!Array.isArray(existingList)) return [{ op: 'set', path: at, value: importedEntries }];
  const before: unknown[] = existingList;
  const indexByName = new Map(before.map((entry, index) => [isJsonObject(entry) ? entry.name : undefined, index]));
  const matches = importedEntries.map((entry) => indexByName.get(entry.name));
  const kept = new Set(matches.filter((index) => index !== undefined));

  const merges = importedEntries.flatMap((entry, position) => {
    const index = matches[position];
    return index === undefined
      ? []
      : entryEdits(before[index] as OdcsDocument, entry, [...at, index], context, importedEntries);
  });
  const removals: YamlEdit[] = before
    .map((_, index) => index)
    .filter((index) => !kept.has(index))
    .reverse()
    .map((index) => ({ op: 'delete', path: [...at, index] }));
  return [...merges, ...removals, ...additions(importedEntries, matches, at)];
}

/**
 * Each new entry goes right after the entry the import has before it (a kept one where the
 * contract has it), or first; inserted in the order of the final list, each index is right.
 */
function additions(
  importedEntries: readonly OdcsDocument[],
  matches: readonly (number | undefined)[],
  at: PathSegment[],
): YamlEdit[] {
  const final: { keptIndex?: number; entry?: OdcsDocument }[] = matches
    .filter((index) => index !== undefined)
    .toSorted((one, other) => one - other)
    .map((keptIndex) => ({ keptIndex }));
  let previous = -1;
  for (const [position, entry] of importedEntries.entries()) {
    const keptIndex = matches[position];
    if (keptIndex === undefined) final.splice(++previous, 0, { entry });
    else previous = final.findIndex((slot) => slot.keptIndex === keptIndex);
  }
  return final.flatMap((slot, index): YamlEdit[] =>
    slot.entry === undefined ? [] : [{ op: 'insert', path: [...at, index], value: slot.entry }],
  );
}

/** The values an imported property allows, from its `enum` or its `invalidValues` rule. */
function allowedValuesOf(property: OdcsDocument): unknown[] | undefined {
  if (Array.isArray(property.enum)) return property.enum.map((entry) => (isJsonObject(entry) ? entry.value : entry));
  const rule = Array.isArray(property.quality) ? property.quality[enumRuleIndex(property)] : undefined;
  return isJsonObject(rule) ? (rule.arguments as { validValues: unknown[] }).validValues : undefined;
}

/**
 * Allowed values the import states replace the property's, written as its contract writes
 * them; a property the import gives none keeps its own (a rule the source may not hold).
 */
function allowedValueEdits(
  existing: OdcsDocument,
  values: unknown[] | undefined,
  at: PathSegment[],
  context: MergeContext,
): YamlEdit[] {
  if (values === undefined || isDeepEqual(allowedValuesOf(existing), values)) return [];
  if (context.nativeEnum || existing.enum !== undefined)
    return nativeEnumEdits(existing, at, enumEntries(existing, values));
  const ruleIndex = enumRuleIndex(existing);
  if (ruleIndex !== -1)
    return [{ op: 'set', path: [...at, 'quality', ruleIndex, 'arguments', 'validValues'], value: values }];
  const enumRule = { metric: 'invalidValues', arguments: { validValues: values }, mustBe: 0 };
  const quality = Array.isArray(existing.quality) ? existing.quality : [];
  return [{ op: 'insert', path: [...at, 'quality', quality.length], value: enumRule }];
}

/** The `enum` entries for `values`, keeping the contract's own entry (its description, its text) for a value it already lists. */
function enumEntries(existing: OdcsDocument, values: readonly unknown[]): OdcsDocument[] {
  const entries = (Array.isArray(existing.enum) ? existing.enum : []).filter(isJsonObject);
  return values.map((value) => entries.find((entry) => isDeepEqual(entry.value, value)) ?? { value });
}
