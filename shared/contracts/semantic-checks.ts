import type { Contract, ContractProperty, DatasetKind, QualityRule, SchemaObject } from '../model/contract';
import { nearMisses } from '../model/near-miss';
import { COMMON_CLASSIFICATION_LEVELS } from '../model/policies';
import { formatPath } from '../model/problem';
import { allowedValueTypeIssues, exampleTypeIssues } from './allowed-value-types';
import { misspeltClassificationIssues } from './classification-typo';
import { CONTRACT_KEYS_RULE_ID, CONTRACT_SEMANTICS_RULE_ID } from './contract-rule-ids';
import { misspeltCustomPropertyIssues } from './custom-property-typo';
import type { ContractFinding, FindingSeverity, LocatedFinding } from './finding';
import { historyColumnClashes } from './history-columns';
import { changedIdProblem } from './kept-id';
import { LIFECYCLE_STATUSES, unknownStatusProblem } from './lifecycle-status';
import { misplacedCustomPropertyIssues } from './misplaced-custom-properties';
import { nestedFieldPath, unnamedPartsOf } from './nested-fields';
import { nullAllowedValueIssues } from './null-allowed-values';
import { allowedValueDocumentPath, documentPathOf, nestedPropertiesOf } from './odcs-document';
import { uncheckedV30RuleWarnings } from './odcs-v30-quality';
import { contractDespiteSchemaProblems, parseOdcsSource } from './odcs-yaml';
import { type EmptyBounds, emptyBoundsOf, fractionalIntegerBoundsOf } from './option-bounds';
import type { PathProblem, PathSegment } from './path-problem';
import { patternLengthConflictOf } from './pattern-length-conflict';
import { allowedValuesTooLong, boundsBeyondRange, lengthsBeyondPhysical } from './physical-limit-conflicts';
import { physicalTypeMisfit } from './physical-type-fit';
import { hasKeyPosition, keyPropertiesInOrder } from './primary-key';
import type { ProblemRepair } from './problem-repair';
import { ruleArgumentIssues } from './quality-rule-arguments';
import { relationshipIssues } from './relationship-checks';
import { TIME_UNIT_SPELLING_LIST, TIME_UNIT_SPELLINGS } from './sla-durations';
import { slaElementIssues } from './sla-element-checks';
import { hasNoDurationUnit, unreadableDurationUnit } from './sla-weakening';
import { patternExpression } from './text-pattern';
import { byPosition } from './text-range';
import { isTimeZoneName } from './time-zone-name';
import { type LocatedProblem, locateProblem, readYamlSource, type YamlSource } from './yaml-source';
import { yaml11ReadingWarnings } from './yaml11-reading-warnings';

/**
 * What a contract means beyond what the ODCS schema can say:
 * - names are unique: schema objects in a contract, properties in an object, at every depth;
 * - an entity is keyed: every schema object has a primary key, whose properties are
 *   required (a key cannot be null) and hold distinct key positions;
 * - an event can be told apart and ordered: every schema object has an event id (a
 *   required property that is unique or the primary key) and an event time (a required
 *   timestamp property);
 * - keepHistory means nothing on an event, which never changes;
 * - the custom properties the app reads (datasetKind…) are at the top level, where it reads them;
 * - a range check names its bounds smallest first, and a property's logicalTypeOptions leave some
 *   value between their bounds (minLength at most maxLength, minimum below an exclusiveMaximum…)
 *   and give a pattern that is a regular expression, one that matches values of a length they allow,
 *   and a defaultTimezone that names an IANA time zone (time-zone-name.ts);
 * - what the physicalType stores meets the property's limits: its allowed values and minLength fit
 *   its length, its bounds its range (physical-limit-conflicts.ts);
 * - a property's allowed values are of its type (allowed-value-types.ts), and leave null to `required`
 *   (null-allowed-values.ts);
 * - relationships name what the contract has, composite ones as many on each side (relationship-checks.ts);
 * - its status is one of ODCS's lifecycle statuses (lifecycle-status.ts);
 * - a library rule's arguments are those its metric reads, not a slip away, and a duplicateValues rule
 *   names properties its object has (quality-rule-arguments.ts).
 * A dataset's shape is an error when the contract declares its kind, and a warning when
 * the app only inferred it: the contract never said what it promises.
 */
interface SemanticIssue extends PathProblem {
  severity: FindingSeverity;
  /** Where it is in the ODCS document, where `documentPathOf` cannot tell from the model's path (an allowed value). */
  documentPath?: PathSegment[];
  /** How to fix it where no one-step repair does: a repair's title says it otherwise. */
  hint?: string;
  /** Its rule where it is not `contract-semantics`. */
  ruleId?: string;
}

/** `classificationLevels`: the classification words the design knows (its policies), else the common four. */
export function checkContractSemantics(
  contract: Contract,
  classificationLevels?: readonly string[],
): ContractFinding[] {
  return semanticIssues(contract, undefined, undefined, classificationLevels).map(
    ({ path, message, severity, hint, repair }) => {
      const fixHint = hint ?? (repair?.kind === 'edit' ? `${repair.title}.` : undefined);
      return { path: formatPath(path), message, severity, ...(fixHint && { fixHint }) };
    },
  );
}

/** Only whether each schema object can be told apart: an entity's primary key, an event's id and time. */
export function checkDatasetShape(contract: Contract): ContractFinding[] {
  return contract.schema
    .flatMap((object, index) => datasetShapeIssues(contract, object, index))
    .map(({ path, message, severity }) => ({ path: formatPath(path), message, severity }));
}

/**
 * Everything to mark in a contract's YAML text: syntax errors, violations of the official
 * schema (an unknown logicalType among them), and, whenever the text still reads as a
 * contract (with schema errors too), the semantic findings, each at its line: one round of
 * fixes, not one per layer. Given the id of the contract the text edits (`keptId`), a
 * changed id is one of them: the design would refuse that text.
 */
export function checkContractYaml(
  text: string,
  keptId?: string,
  classificationLevels?: readonly string[],
): LocatedFinding[] {
  const { source, duplicateKeys } = readableDespiteDuplicateKeys(readYamlSource(text));
  const parsed = parseOdcsSource(source);
  const errors = [...duplicateKeys, ...(parsed.ok ? [] : parsed.errors)].map((error) => ({
    ...error,
    severity: 'error' as const,
  }));
  const readingWarnings = yaml11ReadingWarnings(text);
  const read = parsed.ok
    ? { contract: parsed.value, objectsWithUnknownTypes: new Set<number>() }
    : contractDespiteSchemaProblems(source);
  if (!read) return [...errors, ...readingWarnings].sort(byPosition);
  const { contract } = read;
  const changedId = keptId === undefined ? undefined : changedIdProblem(source, contract, keptId);
  // What the schema already says of a place is not said twice.
  const saidByTheSchema = new Set(errors.map((error) => error.path));
  const atDocumentPath = (path: readonly PathSegment[]) => documentPathOf(path, source.value);
  const semantic = semanticIssues(contract, read.objectsWithUnknownTypes, () => source.value, classificationLevels)
    .map(({ severity, repair, hint: _hint, documentPath, ruleId = CONTRACT_SEMANTICS_RULE_ID, ...issue }) => ({
      severity,
      ruleId,
      ...locateProblem(source, {
        ...issue,
        path: documentPath ?? atDocumentPath(issue.path),
        ...(repair && { repair: repairAtDocumentPaths(repair, atDocumentPath) }),
      }),
    }))
    .filter((finding) => !saidByTheSchema.has(finding.path));
  const findings = [...errors, ...(changedId ? [{ ...changedId, severity: 'error' as const }] : []), ...semantic];
  // A value another finding marks is explained there, with how YAML read it.
  const isMarked = (warning: LocatedFinding) =>
    findings.some((finding) => finding.line === warning.line && finding.column === warning.column);
  const unmarkedReadingWarnings = readingWarnings
    .filter((warning) => !isMarked(warning))
    .map((warning) => ({ ...warning, ruleId: CONTRACT_SEMANTICS_RULE_ID }));
  return [...findings, ...unmarkedReadingWarnings].sort(byPosition);
}

/** The model's paths a repair edits, as where they are in the ODCS document (a contract's quality rules are a custom property there). */
function repairAtDocumentPaths(
  repair: ProblemRepair,
  atDocumentPath: (path: readonly PathSegment[]) => PathSegment[],
): ProblemRepair {
  if (repair.kind !== 'edit') return repair;
  return { ...repair, edits: repair.edits.map((edit) => ({ ...edit, path: atDocumentPath(edit.path) })) };
}

/** A source whose only syntax errors are duplicate keys, read with each key's last value; the duplicates apart. */
function readableDespiteDuplicateKeys(source: YamlSource): { source: YamlSource; duplicateKeys: LocatedProblem[] } {
  if (source.syntaxErrors.length === 0 || source.valueDespiteDuplicateKeys === undefined) {
    return { source, duplicateKeys: [] };
  }
  return {
    source: { ...source, value: source.valueDespiteDuplicateKeys, syntaxErrors: [] },
    duplicateKeys: source.syntaxErrors,
  };
}

/**
 * `objectsWithUnknownTypes`: schema objects where a misspelt type may be the one a check looks for.
 * `document`: the contract's ODCS value, read from its text only if a check needs what the model leaves out.
 */
function semanticIssues(
  contract: Contract,
  objectsWithUnknownTypes: ReadonlySet<number> = new Set(),
  document: () => unknown = onceRead(contract.odcs),
  classificationLevels: readonly string[] = COMMON_CLASSIFICATION_LEVELS,
): SemanticIssue[] {
  return [
    ...duplicateNames(contract.schema, ['schema'], 'schema object'),
    ...contract.schema.flatMap((object, index) => [
      ...duplicatePropertyNames(object.properties, ['schema', index, 'properties']),
      ...datasetShapeIssues(contract, object, index, objectsWithUnknownTypes.has(index)).map((issue) => ({
        ...issue,
        ruleId: CONTRACT_KEYS_RULE_ID,
      })),
      ...keyIssues(object, index),
      ...historyColumnClashes(contract, object).map(
        ({ index: property, message }): SemanticIssue => ({
          path: ['schema', index, 'properties', property, 'name'],
          message,
          severity: 'error',
        }),
      ),
      ...propertiesEverywhere(object.properties, ['schema', index, 'properties']).flatMap((placed) => [
        ...optionBoundIssues(placed),
        ...fractionalIntegerBoundIssues(placed),
        ...patternIssues(placed),
        ...patternLengthIssues(placed),
        ...defaultTimezoneIssues(placed),
        ...physicalTypeIssues(placed),
        ...physicalLimitIssues(placed, document),
        ...allowedValueTypeIssues(placed, contract.odcs),
        ...nullAllowedValueIssues(placed.property, placed.path, document),
        ...exampleTypeIssues(placed, contract.odcs),
        ...misspeltClassificationIssues(placed.property, placed.path, classificationLevels),
      ]),
    ]),
    ...qualityIssuesEverywhere(contract),
    ...relationshipIssues(contract),
    ...statusIssues(contract),
    ...slaUnitIssues(contract),
    ...slaElementIssues(contract),
    ...misspeltCustomPropertyIssues(document()),
    ...ruleArgumentIssues(document()).map((issue) => ({ ...issue, documentPath: issue.path })),
    ...uncheckedV30RuleWarnings(document()).map((issue) => ({
      ...issue,
      severity: 'warning' as const,
      documentPath: issue.path,
    })),
    ...misplacedCustomPropertyIssues(document()).map((issue) => ({ ...issue, documentPath: issue.path })),
    ...(contract.kind === 'event' && contract.keepHistory
      ? [
          {
            path: ['keepHistory'],
            message: 'keepHistory has no effect on an event: events never change, so there is no history to keep',
            severity: 'warning' as const,
          },
        ]
      : []),
    ...(contract.historyColumnPrefix !== undefined && !(contract.keepHistory && contract.kind !== 'event')
      ? [
          {
            path: ['historyColumnPrefix'],
            message:
              'historyColumnPrefix has no effect: no history is kept (only an entity with keepHistory: true keeps one)',
            severity: 'warning' as const,
          },
        ]
      : []),
  ];
}

/** A status no tool can place in the lifecycle: free text in ODCS, so a warning. */
function statusIssues(contract: Contract): SemanticIssue[] {
  const problem = unknownStatusProblem(contract);
  if (!problem) return [];
  return [{ ...problem, severity: 'warning', hint: `Write one of ${LIFECYCLE_STATUSES.join(', ')}.` }];
}

/** An SLA duration in a unit the app cannot read (a slip from one repaired with the nearest), or with none: its changes between versions cannot be compared. */
function slaUnitIssues(contract: Contract): SemanticIssue[] {
  return contract.sla.flatMap((sla, index): SemanticIssue[] => {
    if (hasNoDurationUnit(sla))
      return [
        {
          path: ['slaProperties', index, 'value'],
          severity: 'warning' as const,
          message: `SLA ${sla.property} has no unit ('${sla.value}'): its changes cannot be compared between versions`,
          hint: 'Write the number and its unit apart, as value: 1 and unit: d; ODCS keeps the unit apart from the value.',
        },
      ];
    const unit = unreadableDurationUnit(sla);
    if (unit === undefined) return [];
    const meant = nearMisses(unit.trim(), TIME_UNIT_SPELLING_LIST);
    return [
      {
        // At its key in the contract file, where the design's findings point too.
        path: ['slaProperties', index, 'unit'],
        severity: 'warning' as const,
        message: `SLA ${sla.property} is given in '${unit}', which is no unit of time the app reads (${TIME_UNIT_SPELLINGS}): its changes cannot be compared between versions`,
        ...(meant.length > 0 && { repair: { kind: 'replace-marked-text-with-one-of' as const, texts: meant } }),
      },
    ];
  });
}

/** The value of an ODCS text, read the first time it is asked for. */
function onceRead(text: string): () => unknown {
  let source: YamlSource | undefined;
  return () => {
    source ??= readYamlSource(text);
    return source.value;
  };
}

/** Duplicates among the properties of the list, and among those nested in each of them, as deep as they go. */
function duplicatePropertyNames(properties: readonly ContractProperty[], path: PathSegment[]): SemanticIssue[] {
  return [
    ...duplicateNames(properties, path, 'property'),
    ...properties.flatMap((property, index) => duplicateNamesBelow(property, [...path, index])),
  ];
}

/** Duplicates in an object property's properties, and within its array items or map key and values. */
function duplicateNamesBelow(property: ContractProperty, path: PathSegment[]): SemanticIssue[] {
  return [
    ...duplicatePropertyNames(nestedPropertiesOf(property).properties, [...path, 'properties']),
    ...unnamedPartsOf(property).flatMap((part) => duplicateNamesBelow(part.property, [...path, ...part.at])),
  ];
}

function duplicateNames(items: ReadonlyArray<{ name: string }>, path: PathSegment[], noun: string): SemanticIssue[] {
  const firstIndex = new Map<string, number>();
  return items.flatMap((item, index) => {
    const earlier = firstIndex.get(item.name);
    if (earlier === undefined) {
      firstIndex.set(item.name, index);
      return [];
    }
    const message = `duplicate ${noun} name '${item.name}' (also at ${formatPath([...path, earlier])})`;
    return [{ path: [...path, index, 'name'], message, severity: 'error' as const }];
  });
}

/**
 * Why a contract without `datasetKind` was taken for what it was, and how it says otherwise: a
 * schema made from Avro or JSON Schema has neither sign, whatever its record's name suggests.
 */
const INFERRED_KIND: Record<DatasetKind, string> = {
  entity:
    'taken for an entity: the contract has no datasetKind custom property, streaming server or topic object; if its records are events, add `- property: datasetKind` with `value: event` to its customProperties',
  event:
    'taken for an event: it has a streaming server or topic object and no datasetKind custom property; if it holds the latest state of an entity, add `- property: datasetKind` with `value: entity` to its customProperties',
};

function datasetShapeIssues(
  contract: Contract,
  object: SchemaObject,
  index: number,
  hasUnknownTypes = false,
): SemanticIssue[] {
  const severity: FindingSeverity = contract.isKindDeclared ? 'error' : 'warning';
  const inferred = contract.isKindDeclared ? '' : ` (${INFERRED_KIND[contract.kind]})`;
  const at = (message: string): SemanticIssue => ({
    path: ['schema', index, 'name'],
    message: `${message}${inferred}`,
    severity,
  });
  const has = (test: (property: ContractProperty) => boolean) => object.properties.some(test);
  if (contract.kind === 'entity') {
    return has((property) => property.primaryKey)
      ? []
      : [at(`entity '${object.name}' has no primary key: mark the properties that identify it with primaryKey: true`)];
  }
  return [
    ...(has(isEventId)
      ? []
      : [at(`event '${object.name}' has no event id: a required property that is unique or the primary key`)]),
    ...(has(isEventTime) || hasUnknownTypes
      ? []
      : [at(`event '${object.name}' has no event time: a required timestamp property`)]),
  ];
}

/** Key properties are required, and their positions (when given) are distinct. */
function keyIssues(object: SchemaObject, objectIndex: number): SemanticIssue[] {
  const propertyPath = (index: number, field: string): PathSegment[] => [
    'schema',
    objectIndex,
    'properties',
    index,
    field,
  ];
  const positions = new Map<number, string>();
  const positioned = keyPropertiesInOrder(object.properties).find(hasKeyPosition);
  return object.properties.flatMap((property, index) => {
    if (!property.primaryKey) return [];
    const issues: SemanticIssue[] = [];
    if (!property.required) {
      issues.push({
        path: propertyPath(index, 'primaryKey'),
        message: `primary key property '${property.name}' is not required: key values cannot be null, add required: true`,
        severity: 'warning',
        repair: {
          kind: 'edit',
          title: 'Add required: true',
          edits: [{ op: 'set', path: propertyPath(index, 'required'), value: true }],
        },
      });
    }
    if (positioned && !hasKeyPosition(property)) {
      issues.push({
        path: propertyPath(index, 'primaryKey'),
        message: `key property '${property.name}' has no primaryKeyPosition while '${positioned.name}' has one, so it is taken as the key's last part: give it its position`,
        severity: 'warning',
      });
    }
    const position = property.primaryKeyPosition;
    if (position !== undefined) {
      const holder = positions.get(position);
      if (holder === undefined) positions.set(position, property.name);
      else {
        issues.push({
          path: propertyPath(index, 'primaryKeyPosition'),
          message: `primaryKeyPosition ${position} is also the position of '${holder}': each key property needs its own`,
          severity: 'error',
        });
      }
    }
    return issues;
  });
}

/** A property at any depth, with its path and how findings name it (`device.os`, `tags[]`, `sizes{value}`). */
interface PlacedProperty {
  property: ContractProperty;
  path: PathSegment[];
  fieldName: string;
}

/** Each property of the list and every one nested below it (object properties, array items, map keys and values), with its path. */
function propertiesEverywhere(
  properties: readonly ContractProperty[],
  path: PathSegment[],
  parent?: string,
): PlacedProperty[] {
  return properties.flatMap((property, index) =>
    propertyAndBelow(
      property,
      [...path, index],
      parent === undefined ? property.name : nestedFieldPath(parent, property.name),
    ),
  );
}

function propertyAndBelow(property: ContractProperty, path: PathSegment[], fieldName: string): PlacedProperty[] {
  return [
    { property, path, fieldName },
    ...propertiesEverywhere(nestedPropertiesOf(property).properties, [...path, 'properties'], fieldName),
    ...unnamedPartsOf(property).flatMap((part) =>
      propertyAndBelow(part.property, [...path, ...part.at], `${fieldName}${part.suffix}`),
    ),
  ];
}

/** Bounds no value keeps make every record break the contract, and its exported JSON Schema unsatisfiable. */
function optionBoundIssues({ property, path }: { property: ContractProperty; path: PathSegment[] }): SemanticIssue[] {
  return emptyBoundsOf(property).map(({ lower, upper, noun }) => {
    const optionsPath = [...path, 'logicalTypeOptions'];
    const isSwapEnough = !emptyBoundsOf(withBoundsSwapped(property, lower, upper)).some(
      (still) => still.lower.option === lower.option && still.upper.option === upper.option,
    );
    return {
      path: [...optionsPath, lower.option],
      message: `${lower.option} ${lower.value} and ${upper.option} ${upper.value} leave no ${noun} between them: no value can keep the contract`,
      severity: 'error' as const,
      hint: `Lower ${lower.option} or raise ${upper.option}.`,
      ...(isSwapEnough && {
        repair: {
          kind: 'edit' as const,
          title: `Swap them: ${lower.option} ${upper.value}, ${upper.option} ${lower.value}`,
          edits: [
            { op: 'set' as const, path: [...optionsPath, lower.option], value: upper.value },
            { op: 'set' as const, path: [...optionsPath, upper.option], value: lower.value },
          ],
        },
      }),
    };
  });
}

/** A fraction on an integer's bound reads as a promise it does not make: say which integer bound it is. */
function fractionalIntegerBoundIssues({
  property,
  path,
}: {
  property: ContractProperty;
  path: PathSegment[];
}): SemanticIssue[] {
  return fractionalIntegerBoundsOf(property).map(({ option, value, meant }) => {
    const optionPath = [...path, 'logicalTypeOptions', option];
    return {
      path: optionPath,
      message: `${option} ${value} on an integer field means ${option} ${meant}: no integer lies between the two, so write the integer`,
      severity: 'warning' as const,
      repair: {
        kind: 'edit' as const,
        title: `Write ${option} ${meant}`,
        edits: [{ op: 'set' as const, path: optionPath, value: meant }],
      },
    };
  });
}

function withBoundsSwapped(property: ContractProperty, lower: EmptyBounds['lower'], upper: EmptyBounds['upper']) {
  const options = property.extensions?.logicalTypeOptions as Record<string, unknown>;
  const logicalTypeOptions = { ...options, [lower.option]: upper.value, [upper.option]: lower.value };
  return { ...property, extensions: { ...property.extensions, logicalTypeOptions } };
}

/** A physical type that cannot hold the logical type's values is most often a copy-paste slip; a warning, as storage may convert. */
function physicalTypeIssues({ property, path }: { property: ContractProperty; path: PathSegment[] }): SemanticIssue[] {
  const options = (property.extensions?.logicalTypeOptions ?? {}) as { format?: unknown; timezone?: unknown };
  const misfit = physicalTypeMisfit(property.logicalType, property.physicalType, options);
  if (!misfit) return [];
  return [
    {
      path: [...path, 'physicalType'],
      message: misfit,
      severity: 'warning',
      hint: 'Correct the physicalType, or the logicalType if that is the slip.',
    },
  ];
}

/** A pattern that is no regular expression checks nothing, and makes the exported JSON Schema fail to compile. */
function patternIssues({ property, path }: { property: ContractProperty; path: PathSegment[] }): SemanticIssue[] {
  const pattern = (property.extensions?.logicalTypeOptions as { pattern?: unknown } | undefined)?.pattern;
  if (typeof pattern !== 'string' || patternExpression(pattern)) return [];
  return [
    {
      path: [...path, 'logicalTypeOptions', 'pattern'],
      message: `pattern ${pattern} is not a regular expression (ECMA-262, as JSON Schema reads it): no value can be checked against it`,
      severity: 'error',
      hint: 'Close its brackets and groups, and escape a literal ( [ { \\ with a backslash.',
    },
  ];
}

/**
 * A defaultTimezone that names no zone leaves its clock times unplaced: the SQL export's migration
 * between timestamp and timestamptz reads them in it, and PostgreSQL refuses the name then.
 */
function defaultTimezoneIssues({
  property,
  path,
}: {
  property: ContractProperty;
  path: PathSegment[];
}): SemanticIssue[] {
  const { defaultTimezone } = (property.extensions?.logicalTypeOptions ?? {}) as { defaultTimezone?: unknown };
  // A blank one is ODCS's default (Etc/UTC), as the export reads it; another type is the schema's to refuse.
  if (typeof defaultTimezone !== 'string' || defaultTimezone.trim() === '') return [];
  if (isTimeZoneName(defaultTimezone.trim())) return [];
  return [
    {
      path: [...path, 'logicalTypeOptions', 'defaultTimezone'],
      message: `defaultTimezone ${defaultTimezone} is not an IANA time zone name such as Europe/Paris, America/New_York or Etc/UTC: the SQL export's migration between timestamp and timestamptz would fail on it, or read an offset with its sign reversed`,
      severity: 'warning',
      hint: 'Write the IANA name of the zone the clock times are in; for UTC write Etc/UTC.',
    },
  ];
}

/** A pattern no value of an allowed length matches makes every record break the contract; a warning, as the pattern's reading may be wrong. */
function patternLengthIssues({ property, path }: { property: ContractProperty; path: PathSegment[] }): SemanticIssue[] {
  const conflict = patternLengthConflictOf(property);
  if (!conflict) return [];
  const { pattern, matchLengths, limit } = conflict;
  const limitSays = limit.bounds === 'at most' ? 'holds at most' : 'needs at least';
  return [
    {
      path: [...path, 'logicalTypeOptions', 'pattern'],
      message: `pattern ${pattern} matches only values of ${matchLengths} characters; ${limit.said} ${limitSays} ${limit.length}: no value can keep the contract`,
      severity: 'warning',
      hint: 'Change the pattern, or the length, so that some value fits both.',
    },
  ];
}

/**
 * Limits the stored column cannot meet: an allowed value or a minLength longer than it holds
 * leaves records no value to keep, a bound beyond an integer type's range is never reached.
 * Warnings, as the physicalType may be another system's and the data converted on the way.
 */
function physicalLimitIssues(
  { property, path }: { property: ContractProperty; path: PathSegment[] },
  document: () => unknown,
): SemanticIssue[] {
  const optionsPath = [...path, 'logicalTypeOptions'];
  const tooLong = allowedValuesTooLong(property).map(({ index, value, characters, limit }) => ({
    path: [...path, 'enum', index],
    documentPath: allowedValueDocumentPath(path, index, document()),
    message: `allowed value '${value}' has ${characters} characters; ${limit.said} holds at most ${limit.length}: no record can hold it`,
    severity: 'warning' as const,
    hint: 'Shorten the value, or lengthen the limit.',
  }));
  const lengthIssues = lengthsBeyondPhysical(property).map(({ option, value, limit }) => ({
    path: [...optionsPath, option],
    message:
      option === 'minLength'
        ? `minLength ${value} needs at least ${value} characters; ${limit.said} holds at most ${limit.length}: no value can keep the contract`
        : `maxLength ${value} allows ${value} characters; ${limit.said} holds at most ${limit.length}: longer values the contract allows cannot be stored`,
    severity: 'warning' as const,
    hint:
      option === 'minLength'
        ? 'Lower minLength, or lengthen the physicalType.'
        : `Lower maxLength to ${limit.length}, or lengthen the physicalType.`,
  }));
  const boundIssues = boundsBeyondRange(property).map(({ option, value, physicalType, end, isAtEnd, excludesAll }) => {
    const [comparison, extreme] = end.side === 'largest' ? ['above', 'larger'] : ['below', 'smaller'];
    const consequence = excludesAll
      ? 'no value can keep the contract'
      : `the bound is never reached, as no ${extreme} value can be stored`;
    const place = isAtEnd ? 'excludes even' : `is ${comparison}`;
    return {
      path: [...optionsPath, option],
      message: `${option} ${value} ${place} the ${end.side} value ${physicalType} holds, ${end.value}: ${consequence}`,
      severity: 'warning' as const,
      hint: `Bring ${option} within what ${physicalType} holds, or widen the physicalType.`,
    };
  });
  return [...tooLong, ...lengthIssues, ...boundIssues];
}

const RANGE_OPERATORS = ['mustBeBetween', 'mustNotBeBetween'] as const;

function qualityIssuesEverywhere(contract: Contract): SemanticIssue[] {
  return [
    ...rangeIssues(contract.quality, ['quality']),
    ...contract.schema.flatMap((object, objectIndex) => [
      ...rangeIssues(object.quality, ['schema', objectIndex, 'quality']),
      ...object.properties.flatMap((property, propertyIndex) =>
        rangeIssues(property.quality, ['schema', objectIndex, 'properties', propertyIndex, 'quality']),
      ),
    ]),
  ];
}

/** ODCS asks for the smallest number first in a range; reversed, the check can never pass (or never fail). */
function rangeIssues(rules: readonly QualityRule[] | undefined, path: PathSegment[]): SemanticIssue[] {
  return (rules ?? []).flatMap((rule, index) =>
    RANGE_OPERATORS.flatMap((operator) => {
      const bounds = rule.extensions?.[operator];
      if (!Array.isArray(bounds) || bounds.length !== 2) return [];
      const [low, high] = bounds;
      if (typeof low !== 'number' || typeof high !== 'number' || low <= high) return [];
      return [
        {
          path: [...path, index, operator],
          message: `${operator} [${low}, ${high}] is reversed: write the smaller bound first, [${high}, ${low}]`,
          severity: 'error' as const,
          repair: {
            kind: 'edit' as const,
            title: `Write it [${high}, ${low}]`,
            edits: [{ op: 'set' as const, path: [...path, index, operator], value: [high, low] }],
          },
        },
      ];
    }),
  );
}

function isEventId(property: ContractProperty): boolean {
  return property.required && (property.unique || property.primaryKey);
}

function isEventTime(property: ContractProperty): boolean {
  return property.required && property.logicalType === 'timestamp';
}
