import { parse } from 'yaml';
import type { Contract } from '../model/contract';
import { isDeepEqual } from '../model/deep-equal';
import { valueAt } from '../model/plain-schema-issue';
import { type MovedValues, withMovedValueCommentsKept } from './moved-value-comments';
import { isEnumRule, isJsonObject, type OdcsDocument } from './odcs-document';
import { type V30LibraryRule, v30LibraryRules } from './odcs-v30-quality';
import { LATEST_API_VERSION } from './odcs-versions';
import { parseOdcsYaml } from './odcs-yaml';
import type { PathSegment } from './path-problem';
import { formatLocatedProblem } from './yaml-source';
import { editYamlText, type YamlEdit, YamlEditRefused } from './yaml-text-edit';

/** `keptAsDraft`: the edit was made, but the text it gave has problems, so it stays a draft beside the contract. */
export type ContractEditResult = { ok: true; text: string } | { ok: false; message: string; keptAsDraft?: true };

/** Edits a contract's text at ODCS paths, changing only the lines concerned; YAML that does not parse cannot be edited so. */
export function editContractText(text: string, edits: readonly YamlEdit[]): ContractEditResult {
  try {
    return { ok: true, text: editYamlText(text, edits) };
  } catch (error) {
    if (error instanceof YamlEditRefused) return { ok: false, message: error.message };
    return { ok: false, message: `fix the YAML first: ${(error as Error).message}` };
  }
}

/** What a `logicalType: map` needs to be valid ODCS v3.2.0 (`map.key`, `map.value`), ready to be changed. */
const MINIMAL_MAP = { key: { logicalType: 'string' }, value: { logicalType: 'string' } };

/**
 * The edits that give the property at `path` another logical type: a map gets the smallest
 * valid `map` (string to string) unless it has one, and a property that stops being a map loses it.
 */
export function logicalTypeEdits(property: unknown, path: readonly PathSegment[], logicalType: string): YamlEdit[] {
  const hasMap = isJsonObject(property) && property.map !== undefined;
  const edits: YamlEdit[] = [{ op: 'set', path: [...path, 'logicalType'], value: logicalType }];
  if (logicalType === 'map' && !hasMap) edits.push({ op: 'set', path: [...path, 'map'], value: MINIMAL_MAP });
  if (logicalType !== 'map' && hasMap) edits.push({ op: 'delete', path: [...path, 'map'] });
  return edits;
}

/** The ODCS document a contract's text holds, or nothing when the YAML does not parse. */
export function readOdcsDocument(text: string): OdcsDocument | undefined {
  try {
    // Merge keys (`<<: *idprop`) merged, as the app's reader does (readYamlSource): the form shows what the contract says.
    const value: unknown = parse(text, { maxAliasCount: 100, merge: true });
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Rewrites a contract in the newest ODCS version: `apiVersion`, a v3.0.x library rule's `rule`
 * as the `metric` it became (its own fields as `arguments`), and allowed values kept as
 * an `invalidValues` quality rule become the property's `enum`. The result must read as a
 * valid contract of that version, or nothing changes and the reason is given.
 */
export function upgradeToLatest(text: string): ContractEditResult {
  const original = readOdcsDocument(text);
  if (!original) return { ok: false, message: 'fix the YAML first' };
  if (original.apiVersion === LATEST_API_VERSION) return { ok: false, message: `already ODCS ${LATEST_API_VERSION}` };
  const v30Rules = v30LibraryRules(original);
  const withMetricsEdited = editContractText(text, v30Rules.flatMap(v30RuleUpgrade));
  if (!withMetricsEdited.ok) return withMetricsEdited;
  const withMetrics = {
    ok: true as const,
    text: withMovedValueCommentsKept(text, withMetricsEdited.text, v30Rules.flatMap(argumentsMoved)),
  };
  const document = readOdcsDocument(withMetrics.text) ?? original;
  const enumEdits = enumUpgrades(document);
  const edits: YamlEdit[] = [{ op: 'set', path: ['apiVersion'], value: LATEST_API_VERSION }, ...enumEdits];
  const rewritten = editContractText(withMetrics.text, edits);
  if (!rewritten.ok) return rewritten;
  const edited = {
    ok: true as const,
    text: withMovedValueCommentsKept(withMetrics.text, rewritten.text, allowedValuesMoved(document, enumEdits)),
  };
  const check = parseOdcsYaml(edited.text);
  if (!check.ok) {
    const reasons = check.errors.slice(0, 3).map(formatLocatedProblem).join('; ');
    return { ok: false, message: `it would not be valid ODCS ${LATEST_API_VERSION}: ${reasons}` };
  }
  return edited;
}

/** Where the values each enum edit writes were written before: the bare `enum`, or the `invalidValues` rule's `validValues`. */
function allowedValuesMoved(document: OdcsDocument, enumEdits: readonly YamlEdit[]): MovedValues[] {
  return enumEdits.flatMap((edit) => {
    if (edit.op !== 'set' || edit.path.at(-1) !== 'enum') return [];
    const propertyPath = edit.path.slice(0, -1);
    const property = valueAt(document, propertyPath);
    if (!isJsonObject(property)) return [];
    const valuesPath =
      property.enum !== undefined
        ? [...propertyPath, 'enum']
        : [...propertyPath, 'quality', enumRuleIndex(property), 'arguments', 'validValues'];
    return [{ rewrittenPath: propertyPath, valuesPath, writtenAt: [...propertyPath, 'enum'] }];
  });
}

/**
 * The edits that write a v3.0.x library rule as the v3.1.0 rule it became, in place: `rule:`
 * renamed `metric:` where it is, keeping its comment, and the rule's own fields moved under `arguments`.
 */
function v30RuleUpgrade({ path, asV310 }: V30LibraryRule): YamlEdit[] {
  if (asV310.metric === undefined) return [{ op: 'set', path, value: asV310 }];
  return [
    { op: 'set', path: [...path, 'rule'], value: asV310.metric },
    { op: 'rename', path: [...path, 'rule'], to: 'metric' },
    { op: 'set', path, value: asV310 },
  ];
}

/** Where each of a v3.0.x rule's own fields was written, and where its `arguments` now hold it. */
function argumentsMoved({ path, movedToArguments }: V30LibraryRule): MovedValues[] {
  return movedToArguments.map((field) => ({
    rewrittenPath: path,
    valuesPath: [...path, field],
    writtenAt: [...path, 'arguments', field],
  }));
}

/** A contract's text with every property's allowed values, at every depth, written as an ODCS 3.2 `enum`. */
export function withAllowedValuesAsEnums(text: string): string {
  const edits = enumUpgrades(readOdcsDocument(text) ?? {});
  return edits.length === 0 ? text : editYamlText(text, edits);
}

/** The edits that write every property's allowed values, at every depth, as an ODCS 3.2 `enum` rather than an `invalidValues` rule. */
export function enumUpgrades(document: OdcsDocument): YamlEdit[] {
  return asList(document.schema).flatMap((object, index) =>
    isJsonObject(object) ? nestedEnumUpgrades(object, ['schema', index]) : [],
  );
}

/** The enum upgrades of a property's nested fields (an object's properties, an array's items, a map's keys and values), then its own. */
function propertyEnumUpgrades(property: unknown, at: PathSegment[]): YamlEdit[] {
  if (!isJsonObject(property)) return [];
  return [...nestedEnumUpgrades(property, at), ...ownEnumUpgrade(property, at)];
}

function nestedEnumUpgrades(property: OdcsDocument, at: PathSegment[]): YamlEdit[] {
  return [
    ...asList(property.properties).flatMap((nested, index) =>
      propertyEnumUpgrades(nested, [...at, 'properties', index]),
    ),
    ...propertyEnumUpgrades(property.items, [...at, 'items']),
    ...(isJsonObject(property.map)
      ? ['key', 'value'].flatMap((side) =>
          propertyEnumUpgrades((property.map as OdcsDocument)[side], [...at, 'map', side]),
        )
      : []),
  ];
}

function ownEnumUpgrade(property: OdcsDocument, at: PathSegment[]): YamlEdit[] {
  if (property.enum !== undefined) return bareEnumUpgrade(property.enum, at);
  const ruleIndex = enumRuleIndex(property);
  if (ruleIndex === -1) return [];
  const rule = asList(property.quality)[ruleIndex] as { arguments: { validValues: unknown[] } };
  return nativeEnumEdits(property, at, enumEntries(asList(rule.arguments.validValues)));
}

/** An enum listing bare values (`[checkup, filling]`) written as the `{value: …}` entries ODCS 3.2 requires. */
function bareEnumUpgrade(entries: unknown, at: PathSegment[]): YamlEdit[] {
  const list = asList(entries);
  if (list.every(isJsonObject)) return [];
  return [{ op: 'set', path: [...at, 'enum'], value: enumEntries(list) }];
}

/**
 * Allowed values as ODCS 3.2 `enum` entries, each once: 3.2 wants the entries unique, and a
 * value listed twice (which v3.1.0 lets pass) allows nothing more than once.
 */
function enumEntries(values: readonly unknown[]): OdcsDocument[] {
  const entries = values.map((value) => (isJsonObject(value) ? value : { value }));
  return entries.filter((entry, index) => entries.findIndex((earlier) => isDeepEqual(earlier, entry)) === index);
}

/** Where a property keeps its allowed values as an `invalidValues` quality rule; -1 when it does not. */
export function enumRuleIndex(property: OdcsDocument): number {
  return asList(property.quality).findIndex((rule) => isJsonObject(rule) && isEnumRule(rule));
}

/** The edits that make `entries` the property's ODCS 3.2 `enum`, removing its `invalidValues` rule (and `quality` with its last rule). */
export function nativeEnumEdits(
  property: OdcsDocument,
  at: PathSegment[],
  entries: readonly OdcsDocument[],
): YamlEdit[] {
  const ruleIndex = enumRuleIndex(property);
  const removeRule: YamlEdit[] =
    ruleIndex === -1
      ? []
      : asList(property.quality).length === 1
        ? [{ op: 'delete', path: [...at, 'quality'] }]
        : [{ op: 'delete', path: [...at, 'quality', ruleIndex] }];
  return [...removeRule, { op: 'set', path: [...at, 'enum'], value: entries }];
}

/**
 * A contract given another id (and name, data product, domain, team), as a pasted or moved one
 * needs, or an exported one naming what serves it: the text changes, then is read again.
 */
export function withContractIdentity(
  contract: Contract,
  identity: { id: string; name?: string; dataProduct?: string; domain?: string; team?: string },
): Contract {
  const { id, ...others } = identity;
  const edits: YamlEdit[] = [
    { op: 'set', path: ['id'], value: id },
    // The app writes `domain:` and the team as named: quotes one name needed must not stick to the next.
    ...Object.entries(others).map(([field, value]) => ({
      op: 'set' as const,
      path: field === 'team' ? ['team', 'name'] : [field],
      value,
      isQuotedOnlyWhereNeeded: field === 'domain' || field === 'team',
    })),
  ];
  const read = parseOdcsYaml(editYamlText(contract.odcs, edits));
  if (!read.ok)
    throw new Error(`contract '${contract.id}' cannot take id '${identity.id}': ${read.errors[0]?.message}`);
  return read.value;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
