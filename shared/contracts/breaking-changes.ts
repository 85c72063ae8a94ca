import type { Contract, ContractProperty, EnumValue, QualityRule, SchemaObject, SlaProperty } from '../model/contract';
import { isDeepEqual } from '../model/deep-equal';
import { logicalTypeName } from '../model/logical-type';
import { COMMON_CLASSIFICATION_LEVELS } from '../model/policies';
import { classificationDirection, sameClassification } from './classification-strictness';
import { canReadAs } from './compatibility';
import { customPropertyChanges } from './custom-property-changes';
import { pairEntries } from './entry-pairing';
import type { ContractFinding } from './finding';
import { type GuessedRename, guessObjectRenames, guessRenames } from './guessed-renames';
import { historyColumnNames, historyColumnsOf } from './history-columns';
import { nestedFieldPath } from './nested-fields';
import { allowedValuesRule, isJsonObject, mapPartsOf, nestedPropertiesOf, type OdcsDocument } from './odcs-document';
import type { PathSegment } from './path-problem';
import {
  declaredLength,
  floatFormatOfType,
  isWiderFloatFormat,
  physicalSizeChange,
  physicalTypeParts,
} from './physical-type-size';
import { isRequiredAsKey, isUniqueAmong, primaryKeyOf } from './primary-key';
import { allowedValuesOf, type QualityRuleParts, qualityRuleParts } from './quality-rule-parts';
import { operatorChange, thresholdMove } from './quality-threshold';
import { boundMove, rangeEndMoves } from './range-end-moves';
import { allowsBreakingChanges, compareVersions, nextBreakingVersion, readVersion, type Semver } from './semver';
import { serverChanges } from './server-changes';
import { type TypeDialect, typeDialectOfServers } from './server-record-format';
import { shownValue as shown } from './shown-value';
import { slaPropertyName } from './sla-property-name';
import { incomparableDurations, slaWeakening, unrankableDuration } from './sla-weakening';

/**
 * A change is breaking when a consumer written against the old contract can fail on the
 * new one, or when data valid under the old contract can be invalid under the new one.
 * The one exception is new allowed values: consumers are expected to tolerate them, as in
 * Protobuf and Avro schema evolution. So any change of what a quality rule checks, or of a
 * relationship (a foreign key), is breaking: one removed or loosened takes back a promise, one added
 * or tightened refuses data it accepted; a rule's name, description or schedule only documents it.
 * So is an SLA property removed or weakened (see sla-weakening.ts), or changed in a unit of time
 * the app cannot read (it may be weakened); one added or tightened is not.
 * A classification loosened (lowered or removed) breaks too: consumers handle the data as its
 * classification told them (masking, access, retention), and would now be told less.
 * A value bound in logicalTypeOptions (a maxLength, a minimum, a pattern, a format) breaks whichever
 * way it changes: tightened or added it refuses data it accepted, loosened or removed it takes back a
 * promise consumers built on (a VARCHAR(12) column for a maxLength of 12).
 * A new physical name loses consumers that read the table or column by it,
 * and a shorter declared size (`varchar(16)` to `varchar(13)`) refuses values the longer one held.
 * A server removed, or one where consumers connect or read otherwise (its host, format…), breaks them
 * (see server-changes.ts).
 */
const BREAKING_KINDS = [
  'object-removed',
  'object-renamed',
  'field-removed',
  'field-renamed',
  'field-added-required',
  'type-narrowed',
  'type-changed',
  'optional-to-required',
  'required-to-optional',
  'uniqueness-added',
  'uniqueness-dropped',
  'primary-key-changed',
  'enum-value-removed',
  'enum-introduced',
  'constraint-tightened',
  'constraint-loosened',
  'constraint-changed',
  'quality-changed',
  'kind-changed',
  'history-dropped',
  'history-columns-renamed',
  'physical-name-changed',
  'relationship-changed',
  'semantic-type-changed',
  'sla-weakened',
  'sla-unreadable',
  'classification-loosened',
  'server-changed',
] as const;

const NON_BREAKING_KINDS = [
  'object-added',
  'object-changed',
  'field-added-optional',
  'enum-value-added',
  'enum-lifted',
  'description-changed',
  'field-changed',
  'history-added',
  'contract-changed',
  'documentation-changed',
  'quality-tightened',
  'quality-rewritten',
] as const;

export type ChangeKind = (typeof BREAKING_KINDS)[number] | (typeof NON_BREAKING_KINDS)[number];

export interface ContractChange {
  kind: ChangeKind;
  isBreaking: boolean;
  /** What changed, by name: `orders.customer_id`, `orders`, or `contract`. */
  subject: string;
  message: string;
  /** For a contract-level change, the model field it is about (`['keepHistory']`, a rule `['quality', 1]`), to mark that field's line. */
  field?: PathSegment[];
  /**
   * For a change of one attribute of a field or schema object, where the subject writes it
   * (`['physicalType']`, `['logicalTypeOptions', 'pattern']`), to mark that attribute's line;
   * its allowed values are `ALLOWED_VALUES_ATTRIBUTE`, wherever the text writes them.
   */
  attribute?: PathSegment[];
  /** For a rename, the subject as the new text names it (`orders.customer`), where the change shows. */
  renamedSubject?: string;
}

export interface ContractComparison {
  fromVersion: string;
  toVersion: string;
  changes: ContractChange[];
  isBreaking: boolean;
  /** The version the breaking changes need, when the new version does not allow them. */
  neededVersion?: string;
  /** Whether the new version number fits the changes (e.g. breaking without a major bump). */
  findings: ContractFinding[];
}

const CONTRACT_SUBJECT = 'contract';

/** A field's allowed values, written as ODCS 3.2's `enum` or as an `invalidValues` rule's `validValues`. */
export const ALLOWED_VALUES_ATTRIBUTE: readonly PathSegment[] = ['enum'];

/** Classification words, least strict first; several rankings when the baseline ranks them otherwise than the design. */
type Rankings = readonly (readonly string[])[];

/**
 * How the previous contract's schema is read: its classification rankings, the type dialect its
 * physicalTypes are in, and the fields and schema objects taken for renamed (see `renamedSubjects`).
 */
interface SchemaReading {
  classificationRankings: Rankings;
  typeDialect: TypeDialect | undefined;
  renamed: ReadonlyMap<string, string>;
}

/**
 * `classificationLevels` ranks classification words, least strict first (the design's
 * `policies.classificationLevels`), or gives several rankings (the baseline's and the design's):
 * a change of classification looser under any of them breaks.
 */
export function compareContracts(
  previous: Contract,
  next: Contract,
  classificationLevels: readonly string[] | Rankings = COMMON_CLASSIFICATION_LEVELS,
): ContractComparison {
  const rankings = classificationLevels.every((level) => typeof level === 'string')
    ? [classificationLevels as readonly string[]]
    : (classificationLevels as Rankings);
  const reading = {
    classificationRankings: rankings,
    typeDialect: typeDialectOfServers(previous.extensions?.servers),
    renamed: new Map<string, string>(),
  };
  // Renames are guessed object by object: references in other objects see them on a second reading.
  const guessed = schemaChanges(previous.schema, next.schema, reading);
  const renamed = renamedSubjects(guessed);
  const schema = renamed.size === 0 ? guessed : schemaChanges(previous.schema, next.schema, { ...reading, renamed });
  const changes = [...contractChanges(previous, next, renamed), ...schema].map((change) =>
    previous.kind === 'event' && next.kind === 'event' ? withPublishedEvents(change) : change,
  );
  const isBreaking = changes.some((change) => change.isBreaking);
  const neededVersion = isBreaking ? versionForBreakingChanges(previous.version, next.version) : undefined;
  return {
    fromVersion: previous.version,
    toVersion: next.version,
    changes,
    isBreaking,
    ...(neededVersion && { neededVersion }),
    findings: versionFindings(previous.version, next.version, changes.length > 0, isBreaking, neededVersion),
  };
}

/** A field an event contract now requires: events published before lack it, and events are never updated. */
function withPublishedEvents(change: ContractChange): ContractChange {
  if (change.kind !== 'field-added-required' && change.kind !== 'optional-to-required') return change;
  return {
    ...change,
    message: `${change.message}, which events already published lack and, immutable, cannot be given: keep it optional, or have the data owner backfill them`,
  };
}

function change(kind: ChangeKind, subject: string, message: string, field?: PathSegment[]): ContractChange {
  return {
    kind,
    isBreaking: (BREAKING_KINDS as readonly string[]).includes(kind),
    subject,
    message,
    ...(field && { field }),
  };
}

function attributeChange(kind: ChangeKind, subject: string, attribute: PathSegment[], message: string): ContractChange {
  return { ...change(kind, subject, message), attribute };
}

/**
 * The version breaking changes since `from` need when `to` may not carry them; none when `from`
 * is no semantic version (`2024-01`), from which no number follows.
 */
function versionForBreakingChanges(from: string, to: string): string | undefined {
  const before = readVersion(from);
  const after = readVersion(to);
  if (!before || (after && allowsBreakingChanges(before, after))) return undefined;
  return nextBreakingVersion(from);
}

function versionFindings(
  from: string,
  to: string,
  hasChanges: boolean,
  isBreaking: boolean,
  neededVersion: string | undefined,
): ContractFinding[] {
  const order = compareVersions(to, from);
  const isVersion = readVersion(to) !== undefined;
  const at = (severity: ContractFinding['severity'], message: string) => [{ path: 'version', severity, message }];
  if (order !== undefined && order < 0) return at('error', `version ${to} is lower than the previous ${from}`);
  if (neededVersion) {
    const step = breakingStepOf(readVersion(neededVersion));
    const which = isVersion ? '' : ', which is no semantic version';
    return at('error', `breaking changes need a new ${step}: ${neededVersion} instead of ${to}${which}`);
  }
  if (isBreaking && !isVersion) {
    return at(
      'warning',
      `versions ${from} and ${to} are no semantic versions (MAJOR.MINOR.PATCH), so whether ${to} announces breaking changes cannot be checked: tell the consumers, or number the versions semantically (e.g. 1.0.0)`,
    );
  }
  const isSameVersion = order === undefined ? from.trim() === to.trim() : order === 0;
  if (hasChanges && isSameVersion) return at('warning', `the contract changed but its version is still ${to}`);
  return [];
}

/** Which part of a version announces breaking changes (see `allowsBreakingChanges`). */
function breakingStepOf(version: Semver | undefined): string {
  if (version?.major !== 0) return 'major version';
  return version.minor > 0 ? 'minor version while the major version is 0' : 'patch version while the version is 0.0.x';
}

const CONTRACT_FIELDS = ['name', 'status', 'description', 'owner', 'domain', 'dataProduct'] as const;

/** History columns renamed (their `historyColumnPrefix` changed) while history is kept before and after. */
function historyColumnChanges(previous: Contract, next: Contract): ContractChange[] {
  if (!previous.keepHistory || !next.keepHistory) return [];
  const [was, is] = [previous, next].map((contract) => historyColumnNames(historyColumnsOf(contract)).join(', '));
  return was === is
    ? []
    : [
        change('history-columns-renamed', CONTRACT_SUBJECT, `history columns renamed: ${was} → ${is}`, [
          'historyColumnPrefix',
        ]),
      ];
}

/** The fields and schema objects taken for renamed, by their old name (`orders.note` → `orders.note_text`). */
function renamedSubjects(changes: readonly ContractChange[]): ReadonlyMap<string, string> {
  return new Map(
    changes.flatMap(({ kind, subject, renamedSubject }) =>
      (kind === 'field-renamed' || kind === 'object-renamed') && renamedSubject ? [[subject, renamedSubject]] : [],
    ),
  );
}

function contractChanges(previous: Contract, next: Contract, renamed: ReadonlyMap<string, string>): ContractChange[] {
  return [
    ...(previous.apiVersion === next.apiVersion ? [] : [apiVersionChange(previous.apiVersion, next.apiVersion)]),
    ...(previous.kind === next.kind
      ? []
      : [change('kind-changed', CONTRACT_SUBJECT, `kind changed from ${previous.kind} to ${next.kind}`, ['kind'])]),
    ...(previous.keepHistory && !next.keepHistory
      ? [change('history-dropped', CONTRACT_SUBJECT, 'history is no longer kept', ['keepHistory'])]
      : []),
    ...(!previous.keepHistory && next.keepHistory
      ? [change('history-added', CONTRACT_SUBJECT, 'history is kept', ['keepHistory'])]
      : []),
    ...historyColumnChanges(previous, next),
    ...CONTRACT_FIELDS.flatMap((field) =>
      previous[field] === next[field]
        ? []
        : [
            change('contract-changed', CONTRACT_SUBJECT, describeValueChange(field, previous[field], next[field]), [
              field,
            ]),
          ],
    ),
    ...qualityChanges(previous.quality, next.quality, CONTRACT_SUBJECT, { renamed }),
    ...slaChanges(previous.sla, next.sla, renamed),
    ...contractSectionChanges(previous.extensions, next.extensions),
  ];
}

/** Another ODCS version takes nothing back from consumers, but their tooling must read it: said, not breaking. */
function apiVersionChange(previous: string, next: string): ContractChange {
  const message = `apiVersion changed from ${previous} to ${next}: consumers' tooling must read ODCS ${next}`;
  return change('contract-changed', CONTRACT_SUBJECT, message, ['apiVersion']);
}

/**
 * Each SLA property (told apart by its name as the app reads it and its element) set, removed or
 * given another value, at its entry in `slaProperties` (a removed one at `slaProperties`): removing
 * or weakening one breaks. An element naming a field or schema object taken for renamed is paired
 * by its new name: the promise stays where its data went.
 */
function slaChanges(
  previous: readonly SlaProperty[],
  next: readonly SlaProperty[],
  renamed: ReadonlyMap<string, string>,
): ContractChange[] {
  const naming = (sla: SlaProperty, property: string) => (sla.element ? `${property} of ${sla.element}` : property);
  const identity = (sla: SlaProperty) => naming(sla, sla.property);
  const pairingKey = (sla: SlaProperty) => naming(sla, slaPropertyName(sla));
  const afterRenames = (sla: SlaProperty): SlaProperty =>
    sla.element === undefined ? sla : { ...sla, element: referencesAfterRenames(sla.element, renamed) };
  const nextIndexes = new Map(next.map((sla, index) => [pairingKey(sla), index]));
  const previousKeys = new Set(previous.map((sla) => pairingKey(afterRenames(sla))));
  const weakens = (message: string) => `${message}, weakening what consumers were promised`;
  return [
    ...previous.flatMap((sla) => {
      const index = nextIndexes.get(pairingKey(afterRenames(sla)));
      const counterpart = index === undefined ? undefined : next[index];
      if (index === undefined || !counterpart)
        return [
          change('sla-weakened', CONTRACT_SUBJECT, weakens(`SLA ${identity(sla)} removed (was ${slaAmount(sla)})`), [
            'sla',
          ]),
        ];
      if (isDeepEqual(sla, counterpart)) return [];
      if (isDeepEqual(afterRenames(sla), counterpart))
        return [
          change(
            'contract-changed',
            CONTRACT_SUBJECT,
            `SLA ${identity(sla)} now of ${counterpart.element}, as its element was renamed`,
            ['sla', index],
          ),
        ];
      const weakening = slaWeakening(sla, counterpart);
      const at = ['sla', index];
      const uncertainty =
        unrankableDuration(counterpart) ?? unrankableDuration(sla) ?? incomparableDurations(sla, counterpart);
      const [was, is] = distinctAmounts(sla, counterpart);
      if (uncertainty !== undefined && was !== is)
        return [
          change(
            'sla-unreadable',
            CONTRACT_SUBJECT,
            `SLA ${identity(sla)} changed from ${was} to ${is}, possibly weakening it: ${uncertainty}`,
            at,
          ),
        ];
      if (weakening)
        return [
          change(
            'sla-weakened',
            CONTRACT_SUBJECT,
            weakens(`SLA ${identity(sla)} ${weakening} from ${slaAmount(sla)} to ${slaAmount(counterpart)}`),
            at,
          ),
        ];
      const isRespelt = sla.property !== counterpart.property;
      const what =
        was !== is ? `changed from ${was} to ${is}` : isRespelt ? `written as '${counterpart.property}'` : 'changed';
      return [change('contract-changed', CONTRACT_SUBJECT, `SLA ${identity(sla)} ${what}`, at)];
    }),
    ...next.flatMap((sla, index) =>
      previousKeys.has(pairingKey(sla))
        ? []
        : [
            change('contract-changed', CONTRACT_SUBJECT, `SLA ${identity(sla)} set to ${slaAmount(sla)}`, [
              'sla',
              index,
            ]),
          ],
    ),
  ];
}

/**
 * References to fields or schema objects (`appointments.clinic_id`; each of a comma-separated list,
 * as an SLA's element writes them) under the names renamed fields and schema objects have now.
 */
function referencesAfterRenames(references: string, renamed: ReadonlyMap<string, string>): string {
  return references
    .split(',')
    .map((part) => {
      const name = part.trim();
      const table = name.split('.')[0] ?? name;
      const renamedTable = renamed.get(table);
      const now =
        renamed.get(name) ?? (renamedTable === undefined ? name : `${renamedTable}${name.slice(table.length)}`);
      return part.replace(name, now);
    })
    .join(',');
}

/**
 * A field named within `scope` (the schema object or field whose rule names it; none where names
 * are written in full, `appointments.clinic_id`) under the name it has now.
 */
function nameAfterRenames(name: string, scope: string | undefined, renamed: ReadonlyMap<string, string>): string {
  if (scope === undefined) return referencesAfterRenames(name, renamed);
  const scopeNow = referencesAfterRenames(scope, renamed);
  const now = referencesAfterRenames(nestedFieldPath(scope, name), renamed);
  return now.startsWith(`${scopeNow}.`) ? now.slice(scopeNow.length + 1) : name;
}

/** Why references differ that differ only by renames: a field each names, or else the schema object it is in, was renamed. */
function renamedReason(references: readonly string[], renamed: ReadonlyMap<string, string>): string {
  return references.some((reference) => renamed.has(reference))
    ? 'as the field was renamed'
    : 'as the schema object was renamed';
}

/**
 * The old and new amounts of an SLA property for messages: `1 h` for `value: 1, unit: h` and for
 * `value: 1 h` alike, unless that hides the change between them, when a value with no unit of its
 * own is quoted (`from 1 h to '1 h'`).
 */
function distinctAmounts(previous: SlaProperty, next: SlaProperty): [string, string] {
  const asWritten = (sla: SlaProperty) => (sla.unit ? slaAmount(sla) : `'${sla.value}'`);
  return slaAmount(previous) === slaAmount(next)
    ? [asWritten(previous), asWritten(next)]
    : [slaAmount(previous), slaAmount(next)];
}

const slaAmount = (sla: SlaProperty) => (sla.unit ? `${sla.value} ${sla.unit}` : String(sla.value));

/**
 * The contract's ODCS sections kept as they were written: servers server by server and field by
 * field (server-changes.ts), customProperties by property, tags by tag, any other section as a whole,
 * each change at its own line.
 */
function contractSectionChanges(
  previous: Record<string, unknown> | undefined,
  next: Record<string, unknown> | undefined,
): ContractChange[] {
  const {
    servers: serversBefore,
    customProperties: propertiesBefore,
    tags: tagsBefore,
    ...restBefore
  } = previous ?? {};
  const { servers, customProperties, tags, ...rest } = next ?? {};
  return [
    ...serverChanges(serversBefore, servers).map(({ isBreaking, message, field }) =>
      change(isBreaking ? 'server-changed' : 'contract-changed', CONTRACT_SUBJECT, message, field),
    ),
    ...customPropertyChanges(propertiesBefore, customProperties).map(({ message, field }) =>
      change('contract-changed', CONTRACT_SUBJECT, message, field),
    ),
    ...tagChanges(tagsBefore, tags),
    ...changedKeys(restBefore, rest).map((key) =>
      change('contract-changed', CONTRACT_SUBJECT, describeKeyChange(key, restBefore[key], rest[key]), [key]),
    ),
  ];
}

/** Tags only label the contract for search: added or removed, not breaking. */
function tagChanges(previous: unknown, next: unknown): ContractChange[] {
  const tagsOf = (tags: unknown) => (Array.isArray(tags) ? tags.map(String) : []);
  const [was, is] = [tagsOf(previous), tagsOf(next)];
  const on = (tag: string, what: string) =>
    change('contract-changed', CONTRACT_SUBJECT, `tag '${tag}' ${what}`, ['tags']);
  return [
    ...was.filter((tag) => !is.includes(tag)).map((tag) => on(tag, 'removed')),
    ...is.filter((tag) => !was.includes(tag)).map((tag) => on(tag, 'added')),
  ];
}

/** The keys whose values differ between two sets of extensions. */
function changedKeys(previous: Record<string, unknown> = {}, next: Record<string, unknown> = {}): string[] {
  const keys = [...new Set([...Object.keys(previous), ...Object.keys(next)])];
  return keys.filter((key) => !isDeepEqual(previous[key], next[key]));
}

/** The ODCS sections of a schema object or property kept as they were written, each changed one at its line. */
function extensionChanges(
  previous: Record<string, unknown> | undefined,
  next: Record<string, unknown> | undefined,
  kind: ChangeKind,
  subject: string,
): ContractChange[] {
  return changedKeys(previous, next).map((key) =>
    attributeChange(kind, subject, [key], describeKeyChange(key, previous?.[key], next?.[key])),
  );
}

/**
 * How the rules of a contract, schema object or field name fields in `arguments.properties`: those
 * below the schema object or field (`scope`), or in full (`appointments.clinic_id`) in the contract's
 * own rules; and the renames the names may have followed.
 */
interface RuleNaming {
  scope?: string;
  renamed: ReadonlyMap<string, string>;
}

/**
 * Quality rules that check the same are paired first, then rules of the same label (a changed
 * `mustBe`): each difference in what they check breaks, one in their documentation does not. A
 * duplicateValues rule naming fields that were renamed checks the same under their new names.
 */
function qualityChanges(
  previous: readonly QualityRule[] = [],
  next: readonly QualityRule[] = [],
  subject: string,
  naming: RuleNaming,
  nextWritten: readonly QualityRule[] = next,
): ContractChange[] {
  return rulePartChanges(placedRules(previous), placedRules(next, nextWritten), subject, naming);
}

/** What a duplicateValues rule that followed renames says: the fields it names now, and those renamed, in full. */
interface RuleRenaming {
  names: unknown[];
  followed: string[];
}

/** A rule's check with the fields a duplicateValues rule names under their names now. */
function checkAfterRenames(check: OdcsDocument, naming: RuleNaming): { check: OdcsDocument; renaming?: RuleRenaming } {
  const { arguments: args } = check;
  if (check.metric !== 'duplicateValues' || !isJsonObject(args) || !Array.isArray(args.properties)) return { check };
  const written: unknown[] = args.properties;
  const names = written.map((name) =>
    typeof name === 'string' ? nameAfterRenames(name, naming.scope, naming.renamed) : name,
  );
  const followed = written
    .filter((name, index): name is string => name !== names[index])
    .map((name) => (naming.scope === undefined ? name : nestedFieldPath(naming.scope, name)));
  if (followed.length === 0) return { check };
  return { check: { ...check, arguments: { ...args, properties: names } }, renaming: { names, followed } };
}

/** A quality rule's parts, with where its owner writes it in the new text, to mark a change of it at the rule. */
type PlacedRuleParts = QualityRuleParts & { markedAt?: PathSegment[] };

/** `rules` read into parts, each placed at its index in `owned` (its owner's whole `quality`, of which `rules` may be a part). */
function placedRules(rules: readonly QualityRule[], owned: readonly QualityRule[] = rules): PlacedRuleParts[] {
  return rules.map((rule) => ({ ...qualityRuleParts(rule), ...placeIn(owned, rule) }));
}

function placeIn(owned: readonly QualityRule[], rule: QualityRule | undefined): Pick<PlacedRuleParts, 'markedAt'> {
  const index = rule === undefined ? -1 : owned.indexOf(rule);
  return index === -1 ? {} : { markedAt: ['quality', index] };
}

/**
 * A change of a rule, marked at the rule in the new text (a removed one at the list it left): the
 * contract's own rules as a field of the contract, which its `contractQuality` custom property writes.
 */
function ruleChange(
  kind: ChangeKind,
  subject: string,
  rule: Pick<PlacedRuleParts, 'markedAt'> | undefined,
  message: string,
): ContractChange {
  const markedAt = rule?.markedAt ?? ['quality'];
  return subject === CONTRACT_SUBJECT
    ? change(kind, subject, message, markedAt)
    : attributeChange(kind, subject, markedAt, message);
}

function rulePartChanges(
  previousAsWritten: readonly PlacedRuleParts[],
  next: readonly PlacedRuleParts[],
  subject: string,
  naming: RuleNaming,
): ContractChange[] {
  const previous = previousAsWritten.map((rule) => {
    const { check, renaming } = checkAfterRenames(rule.check, naming);
    return { ...rule, check, renaming };
  });
  const alike = pairEntries(previous, next, (was, is) => isDeepEqual(was.check, is.check));
  const relabelled = pairEntries(alike.removed, alike.added, (was, is) => was.label === is.label);
  const onRule = (
    rule: QualityRuleParts,
    what: string,
    markedAt?: PlacedRuleParts,
    kind: ChangeKind = 'quality-changed',
  ) => ruleChange(kind, subject, markedAt, `quality rule '${rule.label}'${what}`);
  const checkChanges = (was: QualityRuleParts, is: PlacedRuleParts) => {
    const moved = thresholdMove(was.check, is.check);
    const rewritten = operatorChange(was.check, is.check);
    if (rewritten) {
      const kinds = {
        loosened: 'quality-changed',
        changed: 'quality-changed',
        tightened: 'quality-tightened',
        kept: 'quality-rewritten',
      } as const;
      return [onRule(was, `: ${rewritten.message}`, is, kinds[rewritten.direction])];
    }
    if (!moved) return valueChanges(was.check, is.check).map((what) => onRule(was, `: ${what}`, is));
    const { operator, direction } = moved;
    const what = `: ${operator} ${direction} from ${shown(was.check[operator])} to ${shown(is.check[operator])}`;
    return [onRule(was, what, is, direction === 'tightened' ? 'quality-tightened' : 'quality-changed')];
  };
  return [
    ...[...alike.pairs, ...relabelled.pairs].flatMap(([was, is]) => [
      ...(was.renaming === undefined
        ? []
        : [
            onRule(
              was,
              `: arguments now name ${was.renaming.names.join(', ')}, ${renamedReason(was.renaming.followed, naming.renamed)}`,
              is,
              'quality-rewritten',
            ),
          ]),
      ...checkChanges(was, is),
      ...ruleDocumentationChanges(was, is, subject),
    ]),
    ...relabelled.removed.map((rule) => onRule(rule, ' removed')),
    ...relabelled.added.map((rule) => onRule(rule, ' added', rule)),
  ];
}

function ruleDocumentationChanges(
  previous: Pick<QualityRuleParts, 'label' | 'documentation'>,
  next: Pick<PlacedRuleParts, 'documentation' | 'markedAt'>,
  subject: string,
): ContractChange[] {
  return valueChanges(previous.documentation, next.documentation).map((what) =>
    ruleChange('documentation-changed', subject, next, `quality rule '${previous.label}': ${what}`),
  );
}

/** A property's allowed values and other quality rules, and the documentation of the rule that holds the values. */
function propertyQualityChanges(
  previous: ContractProperty,
  next: ContractProperty,
  subject: string,
  renamed: ReadonlyMap<string, string>,
) {
  const naming = { scope: subject, renamed };
  const was = allowedValuesOf(previous);
  const is = allowedValuesOf(next);
  const written = next.quality ?? [];
  // `mustBe: 0` to `mustBe: 5` leaves no allowed values, yet it is one rule whose threshold changed.
  if (isThresholdChangeOf(was, is) || isThresholdChangeOf(is, was))
    return rulePartChanges(rulePartsWithValues(was), rulePartsWithValues(is, written), subject, naming);
  const isRestrictedInBoth = was.values !== undefined && is.values !== undefined;
  return [
    ...enumChanges(was.values, is.values, subject),
    ...enumEntryDocumentationChanges(previous, next, subject),
    ...qualityChanges(was.otherRules, is.otherRules, subject, naming, written),
    ...(isRestrictedInBoth ? ruleDocumentationChanges(was, { ...is, ...placeIn(written, is.rule) }, subject) : []),
  ];
}

type AllowedValues = ReturnType<typeof allowedValuesOf>;

/** Whether one side's allowed values are, on the other side, a rule of the same label that allows no values. */
function isThresholdChangeOf(side: AllowedValues, other: AllowedValues): boolean {
  return (
    side.values !== undefined &&
    other.values === undefined &&
    other.otherRules.some((rule) => qualityRuleParts(rule).label === side.label)
  );
}

/** A property's quality rules, its allowed values as the `invalidValues` rule ODCS v3.1.0 writes them. */
function rulePartsWithValues(side: AllowedValues, written: readonly QualityRule[] = []): PlacedRuleParts[] {
  const { values, label, documentation, otherRules, rule } = side;
  // Values read as the property's enum are marked where the text writes them (its `enum` or bare rule).
  const markedAt = rule === undefined ? [...ALLOWED_VALUES_ATTRIBUTE] : placeIn(written, rule).markedAt;
  const valuesRule = values === undefined ? [] : [{ label, check: allowedValuesRule(values), documentation, markedAt }];
  return [...valuesRule, ...placedRules(otherRules, written)];
}

/** Each key whose value differs between two JSON objects, described. */
function valueChanges(previous: Record<string, unknown>, next: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(previous), ...Object.keys(next)])];
  return keys
    .filter((key) => !isDeepEqual(previous[key], next[key]))
    .map((key) => describeValueChange(key, previous[key], next[key]));
}

/** A key's change with its values where they are plain (`tenant set to 'eu'`); a changed section only named. */
function describeKeyChange(key: string, before: unknown, after: unknown): string {
  const isPlain = (value: unknown) => value === undefined || value === null || typeof value !== 'object';
  return isPlain(before) && isPlain(after) ? describeValueChange(key, before, after) : `${key} changed`;
}

function describeValueChange(field: string, before: unknown, after: unknown): string {
  if (before === undefined) return `${field} set to ${shown(after)}`;
  if (after === undefined) return `${field} removed (was ${shown(before)})`;
  return `${field} changed from ${shown(before)} to ${shown(after)}`;
}

function schemaChanges(
  previous: readonly SchemaObject[],
  next: readonly SchemaObject[],
  reading: SchemaReading,
): ContractChange[] {
  const nextByName = new Map(next.map((object) => [object.name, object]));
  const previousNames = new Set(previous.map((object) => object.name));
  const added = next.filter((object) => !previousNames.has(object.name));
  const { renames, undecided } = guessObjectRenames(
    previous.filter((object) => !nextByName.has(object.name)),
    added,
  );
  const renamedTo = new Set([...renames.values()].map((rename) => rename.to));
  return [
    ...previous.flatMap((object) => {
      const counterpart = nextByName.get(object.name);
      if (counterpart) return objectChanges(object, counterpart, reading);
      const rename = renames.get(object.name);
      return rename === undefined
        ? [
            change(
              'object-removed',
              object.name,
              `schema object removed${maybeRenamed(undecided.get(object.name), 'schema objects')}`,
            ),
          ]
        : [
            {
              ...change(
                'object-renamed',
                object.name,
                `schema object seems renamed to ${rename.to} (same fields, ${rename.evidence})`,
              ),
              renamedSubject: rename.to,
            },
            ...renamedItemChanges(object, next, rename, { from: object.name, to: rename.to }, (was, is) =>
              objectChanges(was, is, reading),
            ),
          ];
    }),
    ...added
      .filter((object) => !renamedTo.has(object.name))
      .map((object) => change('object-added', object.name, 'schema object added')),
  ];
}

function objectChanges(previous: SchemaObject, next: SchemaObject, reading: SchemaReading): ContractChange[] {
  const properties = propertyListChanges(previous.properties, next.properties, next.name, reading);
  const was = extensionParts(previous.extensions);
  const is = extensionParts(next.extensions);
  return [
    ...properties.changes,
    ...primaryKeyChanges(previous, next, properties.renames),
    ...qualityChanges(previous.quality, next.quality, next.name, { scope: next.name, renamed: reading.renamed }),
    ...physicalNameChanges(previous, next, next.name),
    ...relationshipChanges(was.relationships, is.relationships, next.name, 'object-changed', reading.renamed),
    ...changedAttributes(previous, next, ['description']).map((field) =>
      attributeChange('object-changed', next.name, [field], `${field} changed`),
    ),
    ...extensionChanges(was.rest, is.rest, 'object-changed', next.name),
  ];
}

/** The name a table or column has in storage: its `physicalName`, or its name when it has none. */
function physicalNameChanges(
  previous: { name: string; physicalName?: unknown },
  next: { name: string; physicalName?: unknown },
  subject: string,
): ContractChange[] {
  const before = previous.physicalName ?? previous.name;
  const after = next.physicalName ?? next.name;
  return isDeepEqual(before, after)
    ? []
    : [
        attributeChange(
          'physical-name-changed',
          subject,
          ['physicalName'],
          `physicalName changed from ${shown(before)} to ${shown(after)}`,
        ),
      ];
}

/**
 * Relationships (foreign keys) added or removed, each named by what it points to and told apart by
 * what it relates (`type`, by default `foreignKey`, `from` and `to`); what else one says, such as
 * its `customProperties`, documents it. One whose `from` or `to` names a field or schema object
 * taken for renamed is paired by the new name, the foreign key kept, and said so as a `kind` change.
 */
function relationshipChanges(
  previous: unknown,
  next: unknown,
  subject: string,
  kind: ChangeKind,
  renamed: ReadonlyMap<string, string>,
): ContractChange[] {
  const partsOf = (list: unknown) =>
    (Array.isArray(list) ? list : []).map((relationship) => {
      const { type = 'foreignKey', from, to, ...documentation } = isJsonObject(relationship) ? relationship : {};
      const target = to === undefined ? JSON.stringify(relationship) : [to].flat().join(', ');
      return { relates: { type, from, to }, documentation, target };
    });
  const afterRenames = (references: unknown) =>
    Array.isArray(references)
      ? references.map((reference) =>
          typeof reference === 'string' ? referencesAfterRenames(reference, renamed) : reference,
        )
      : typeof references === 'string'
        ? referencesAfterRenames(references, renamed)
        : references;
  const previousParts = partsOf(previous).map((part) => ({
    ...part,
    relatesNow: { ...part.relates, from: afterRenames(part.relates.from), to: afterRenames(part.relates.to) },
  }));
  const { pairs, removed, added } = pairEntries(previousParts, partsOf(next), (was, is) =>
    isDeepEqual(was.relatesNow, is.relates),
  );
  const followedRenames = ([was, is]: (typeof pairs)[number]) => {
    const ends = (['from', 'to'] as const).filter((end) => !isDeepEqual(was.relates[end], is.relates[end]));
    if (ends.length === 0) return [];
    const now = ends.map((end) => `${end} ${[is.relates[end]].flat().join(', ')}`).join(' ');
    const followed = ends.flatMap((end) => [was.relates[end]].flat().map(String));
    const message = `relationship to ${was.target} now ${now}, ${renamedReason(followed, renamed)}`;
    return [change(kind, subject, message)];
  };
  return [
    ...pairs.flatMap(followedRenames),
    ...added.map((relationship) =>
      change('relationship-changed', subject, `relationship to ${relationship.target} added`),
    ),
    ...removed.map((relationship) =>
      change('relationship-changed', subject, `relationship to ${relationship.target} removed`),
    ),
    ...pairs.flatMap(([was, is]) =>
      valueChanges(was.documentation, is.documentation).map((what) =>
        change('documentation-changed', subject, `relationship to ${was.target}: ${what}`),
      ),
    ),
  ];
}

/** The changes between two lists of properties (of a schema object, or nested in an object property) under `parent`. */
function propertyListChanges(
  previousList: readonly ContractProperty[],
  nextList: readonly ContractProperty[],
  parent: string,
  reading: SchemaReading,
): { changes: ContractChange[]; renames: ReadonlyMap<string, GuessedRename> } {
  const [previous, next] = [withKeyImplications(previousList), withKeyImplications(nextList)];
  const subject = (name: string) => nestedFieldPath(parent, name);
  const nextByName = new Map(next.map((property) => [property.name, property]));
  const previousNames = new Set(previous.map((property) => property.name));
  const removed = previous.filter((property) => !nextByName.has(property.name));
  const added = next.filter((property) => !previousNames.has(property.name));
  const { renames, undecided } = guessRenames(removed, added);
  const changes = [
    ...previous.flatMap((property) => {
      const counterpart = nextByName.get(property.name);
      return counterpart ? propertyChanges(property, counterpart, subject(property.name), reading) : [];
    }),
    ...[...renames].flatMap(([from, rename]) => [
      {
        ...change(
          'field-renamed',
          subject(from),
          `field seems renamed to ${rename.to} (same type and attributes, ${rename.evidence})`,
        ),
        renamedSubject: subject(rename.to),
      },
      ...removed
        .filter((property) => property.name === from)
        .flatMap((property) =>
          renamedItemChanges(property, next, rename, { from: subject(from), to: subject(rename.to) }, (was, is) =>
            propertyChanges(was, is, subject(from), reading),
          ),
        ),
    ]),
    ...removed
      .filter((property) => !renames.has(property.name))
      .map((property) =>
        change(
          'field-removed',
          subject(property.name),
          `field removed${maybeRenamed(undecided.get(property.name), 'fields')}`,
        ),
      ),
    ...added
      .filter((property) => ![...renames.values()].some((rename) => rename.to === property.name))
      .map((property) =>
        property.required
          ? change('field-added-required', subject(property.name), 'required field added')
          : change('field-added-optional', subject(property.name), 'optional field added'),
      ),
  ];
  return { changes, renames };
}

/**
 * What else changed in a field or schema object taken for renamed: compared as if it kept its
 * old name, so that the rename is said once, and each change then named in the new text too
 * (`orders.status` → `orders.order_status`), where the Diff view marks it.
 */
function renamedItemChanges<Item extends { name: string }>(
  was: Item,
  next: readonly Item[],
  rename: GuessedRename,
  subjects: { from: string; to: string },
  compare: (was: Item, is: Item) => ContractChange[],
): ContractChange[] {
  const is = next.find((item) => item.name === rename.to);
  if (!is) return [];
  return compare(was, { ...is, name: was.name }).map((found) => {
    const inNext = found.renamedSubject ?? found.subject;
    return { ...found, renamedSubject: `${subjects.to}${inNext.slice(subjects.from.length)}` };
  });
}

/** What to say of a removed item that similar names tie to more than one (guessed-renames.ts). */
function maybeRenamed(candidates: readonly string[] | undefined, items: string): string {
  if (candidates === undefined) return '';
  const which = candidates.length > 1 ? 'one of them' : 'it';
  return `; ${candidates.join(', ')}: added — it may have been renamed to ${which}: give the ${items} ODCS ids or the same physicalName to say which`;
}

/**
 * A key field is required, and a one-field primary key unique, whether or not it writes
 * `required: true` or `unique: true`, so adding or dropping the line changes nothing.
 */
function withKeyImplications(properties: readonly ContractProperty[]): ContractProperty[] {
  return properties.map((property) => ({
    ...property,
    required: isRequiredAsKey(property),
    unique: isUniqueAmong(property, properties),
  }));
}

function primaryKeyChanges(
  previous: SchemaObject,
  next: SchemaObject,
  renames: ReadonlyMap<string, GuessedRename>,
): ContractChange[] {
  const before = primaryKeyOf(previous).map((name) => renames.get(name)?.to ?? name);
  const after = primaryKeyOf(next);
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const describe = (names: readonly string[]) => (names.length > 0 ? `(${names.join(', ')})` : 'none');
  return [
    change('primary-key-changed', next.name, `primary key changed from ${describe(before)} to ${describe(after)}`),
  ];
}

function propertyChanges(
  previous: ContractProperty,
  next: ContractProperty,
  subject: string,
  reading: SchemaReading,
): ContractChange[] {
  const on = (kind: ChangeKind, attribute: keyof ContractProperty, message: string) => [
    attributeChange(kind, subject, [attribute], message),
  ];
  return [
    ...(previous.logicalType === next.logicalType
      ? []
      : canReadAs(next.logicalType, previous.logicalType)
        ? on('type-narrowed', 'logicalType', `type narrowed from ${typeChange(previous, next)}`)
        : on('type-changed', 'logicalType', `type changed from ${typeChange(previous, next)}`)),
    ...(!previous.required && next.required
      ? on('optional-to-required', 'required', 'optional field made required')
      : []),
    ...(previous.required && !next.required
      ? on('required-to-optional', 'required', 'required field made optional')
      : []),
    ...(!previous.unique && next.unique ? on('uniqueness-added', 'unique', 'field made unique') : []),
    ...(previous.unique && !next.unique ? on('uniqueness-dropped', 'unique', 'field no longer unique') : []),
    ...(previous.description === next.description
      ? []
      : on('description-changed', 'description', 'description changed')),
    ...propertyQualityChanges(previous, next, subject, reading.renamed),
    ...nestedChanges(previous, next, subject, reading),
    ...physicalTypeChanges(previous.physicalType, next.physicalType, subject, reading.typeDialect),
    ...(previous.primaryKeyPosition === next.primaryKeyPosition
      ? []
      : // Breaking only as a changed key order, which primaryKeyChanges reports.
        on(
          'field-changed',
          'primaryKeyPosition',
          describeValueChange('primaryKeyPosition', previous.primaryKeyPosition, next.primaryKeyPosition),
        )),
    ...classificationChanges(previous.classification, next.classification, subject, reading.classificationRankings),
    ...changedAttributes(previous, next, ['examples']).map((field) =>
      attributeChange('field-changed', subject, [field], `${field} changed`),
    ),
  ];
}

/**
 * A classification changed, in the words of its values and which way it went: reviewers look
 * for data declared less sensitive than before (`confidential` to `public`).
 */
function classificationChanges(
  previous: string | undefined,
  next: string | undefined,
  subject: string,
  rankings: Rankings,
): ContractChange[] {
  if (previous === next) return [];
  const directions = rankings.map((ranking) => classificationDirection(previous, next, ranking));
  const message = describeValueChange('classification', previous, next);
  if (directions.includes('less strict')) {
    return [attributeChange('classification-loosened', subject, ['classification'], `${message}, less strict`)];
  }
  const direction = directions.find((found) => found !== undefined);
  if (!direction && !sameClassification(previous, next)) {
    // Neither word ranks against the other: the change may loosen it, so it is taken to.
    const unranked = `${message}, which cannot be ranked: list both in policies.classificationLevels, least strict first`;
    return [attributeChange('classification-loosened', subject, ['classification'], unranked)];
  }
  return [
    attributeChange('field-changed', subject, ['classification'], direction ? `${message}, ${direction}` : message),
  ];
}

/**
 * A shorter declared size refuses data the longer one held, and so may a size left to the database
 * (`timestamp(3)` to `timestamp`, none in MySQL); another change of type, unread, is documentation.
 * Both types are read in the type dialect of the previous contract's servers (a bare Avro `float` is 32 bits).
 */
function physicalTypeChanges(
  previous: string | undefined,
  next: string | undefined,
  subject: string,
  typeDialect: TypeDialect | undefined,
): ContractChange[] {
  if (previous === next) return [];
  const on = (kind: ChangeKind, message: string) => [attributeChange(kind, subject, ['physicalType'], message)];
  const size =
    previous !== undefined && next !== undefined ? physicalSizeChange(previous, next, typeDialect) : undefined;
  if (size === 'narrowed') return on('type-narrowed', `physicalType narrowed from ${previous} to ${next}`);
  if (size === 'perhaps narrowed') {
    const unwritten = 'the digits of a second kept without a size differ by database (none in MySQL)';
    return on('type-narrowed', `physicalType perhaps narrowed from ${previous} to ${next}: ${unwritten}`);
  }
  if (size === 'widened') return on('field-changed', `physicalType widened from ${previous} to ${next}`);
  return on('field-changed', describeValueChange('physicalType', previous, next));
}

function typeChange(previous: ContractProperty, next: ContractProperty): string {
  return `${logicalTypeName(previous.logicalType)} to ${logicalTypeName(next.logicalType)}`;
}

/**
 * What changed in the properties of an object property, in the items of an array property
 * (`orders.tags[]`), in the key and values of a map property (`orders.sizes{key}`,
 * `orders.sizes{value}`), in its logicalTypeOptions and in its other extensions.
 */
function nestedChanges(
  previous: ContractProperty,
  next: ContractProperty,
  subject: string,
  reading: SchemaReading,
): ContractChange[] {
  const before = nestedPropertiesOf(previous);
  const after = nestedPropertiesOf(next);
  const was = extensionParts(before.extensions);
  const is = extensionParts(after.extensions);
  const mapBefore = mapPartsOf(previous);
  const mapAfter = mapPartsOf(next);
  const map =
    mapBefore && mapAfter
      ? [
          ...unnamedPartChanges(mapBefore.key, mapAfter.key, subject, '{key}', 'map key', reading),
          ...unnamedPartChanges(mapBefore.value, mapAfter.value, subject, '{value}', 'map value', reading),
        ]
      : mapBefore || mapAfter
        ? [change('field-changed', subject, 'map changed')]
        : [];
  return [
    ...propertyListChanges(before.properties, after.properties, subject, reading).changes,
    ...unnamedPartChanges(before.items, after.items, subject, '[]', 'items', reading),
    ...map,
    ...optionChanges(was.logicalTypeOptions, is.logicalTypeOptions, subject, {
      physicalType: previous.physicalType,
      typeDialect: reading.typeDialect,
      isInteger: previous.logicalType === 'integer' && next.logicalType === 'integer',
    }),
    ...physicalNameChanges(
      { name: previous.name, physicalName: was.physicalName },
      { name: next.name, physicalName: is.physicalName },
      subject,
    ),
    ...relationshipChanges(was.relationships, is.relationships, subject, 'field-changed', reading.renamed),
    ...semanticTypeChanges(was.semanticType, is.semanticType, subject),
    ...extensionChanges(was.rest, is.rest, 'field-changed', subject),
  ];
}

/**
 * A field's ODCS 3.2 `semanticType` changed: consumers sum a measure, group by a dimension and
 * read a column row by row, so their queries no longer mean what they did. Unwritten is `column`.
 */
function semanticTypeChanges(previous: unknown, next: unknown, subject: string): ContractChange[] {
  const was = previous ?? 'column';
  const is = next ?? 'column';
  if (isDeepEqual(was, is)) return [];
  const message = `semanticType changed from ${shown(was)} to ${shown(is)}`;
  return [attributeChange('semantic-type-changed', subject, ['semanticType'], message)];
}

/**
 * The changes of a part of a property that has no name (an array's items, a map's key or
 * values), compared as a field named by the property's subject and `suffix` (`orders.tags[]`).
 */
function unnamedPartChanges(
  previous: ContractProperty | undefined,
  next: ContractProperty | undefined,
  subject: string,
  suffix: string,
  what: string,
  reading: SchemaReading,
): ContractChange[] {
  if (previous && next) return propertyChanges(previous, next, `${subject}${suffix}`, reading);
  return previous || next ? [change('field-changed', subject, `${what} changed`)] : [];
}

/** The extensions of a property or schema object that changes are told apart by, and the rest. */
function extensionParts(extensions: Record<string, unknown> | undefined) {
  // A map's key and values are compared as fields of their own (see nestedChanges).
  const { logicalTypeOptions, physicalName, relationships, semanticType, map: _map, ...rest } = extensions ?? {};
  return { logicalTypeOptions, physicalName, relationships, semanticType, rest };
}

/** Bounds that a lower value tightens; a higher minimum (their counterparts) tightens too. */
const UPPER_BOUNDS = new Set(['maxLength', 'maxItems', 'maxProperties', 'maximum', 'exclusiveMaximum']);
const LOWER_BOUNDS = new Set(['minLength', 'minItems', 'minProperties', 'minimum', 'exclusiveMinimum']);

/**
 * What changed in a property's `logicalTypeOptions`, all breaking. A bound added or moved inward
 * refuses data the old contract accepted, and so does any other option added: taken as tightened.
 * An end of a range written first inclusive then exclusive (`exclusiveMinimum: 0` to `minimum: 0`)
 * is one bound moved; on an integer field, one that allows the same integers (`minimum: 1` to
 * `exclusiveMinimum: 0`) only says so. Any other option changed (a pattern, a format) is only said to have changed: whether a new
 * pattern accepts more cannot be told. A bound moved outward or an option removed loosens. A
 * `maxLength` no shorter than the old physicalType's length (`varchar(20)`, which held no longer
 * text), or a `format` that is the old physicalType's own width (`double` f64, `real` f32), refuses
 * nothing and promises nothing new: it only says so.
 */
function optionChanges(
  previous: unknown,
  next: unknown,
  subject: string,
  field: { physicalType: string | undefined; typeDialect: TypeDialect | undefined; isInteger: boolean },
): ContractChange[] {
  const previousPhysicalType = field.physicalType;
  const before = isJsonObject(previous) ? previous : {};
  const after = isJsonObject(next) ? next : {};
  const moves = rangeEndMoves(before, after, field.isInteger);
  const movedOptions = new Set(moves.flatMap((move) => move.options));
  const onOption = (option: string, kind: ChangeKind, message: string) => [
    attributeChange(kind, subject, ['logicalTypeOptions', option], message),
  ];
  const keyChanges = [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((option) => {
    const was = before[option];
    const is = after[option];
    const on = (kind: ChangeKind, message: string) => onOption(option, kind, message);
    if (isDeepEqual(was, is) || movedOptions.has(option)) return [];
    if (is === undefined) return on('constraint-loosened', `${option} removed (was ${shown(was)})`);
    const said = saidByPhysicalType(option, previousPhysicalType, field.typeDialect);
    if (was === undefined && said !== undefined && is === said)
      return on('field-changed', `${option} set to ${shown(is)}, as its physicalType ${previousPhysicalType} said`);
    if (was === undefined && option === 'format' && isWiderFloatFormat(is, said))
      return on(
        'field-changed',
        `${option} set to ${shown(is)}, wider than the ${shown(said)} its physicalType ${previousPhysicalType} said`,
      );
    if (was === undefined && option === 'maxLength' && typeof is === 'number' && typeof said === 'number' && is > said)
      return on(
        'field-changed',
        `${option} set to ${shown(is)}, longer than its physicalType ${previousPhysicalType} holds`,
      );
    if (was === undefined) return on('constraint-tightened', `${option} set to ${shown(is)}`);
    const verb = optionMove(option, was, is, field.isInteger);
    if (verb === 'kept')
      return on(
        'field-changed',
        `${option} written differently, from ${shown(was)} to ${shown(is)}, allowing the same integers`,
      );
    return on(`constraint-${verb}`, `${option} ${verb} from ${shown(was)} to ${shown(is)}`);
  });
  return [
    ...moves.flatMap((move) =>
      onOption(move.option, move.direction === 'kept' ? 'field-changed' : `constraint-${move.direction}`, move.message),
    ),
    ...keyChanges,
  ];
}

/**
 * The value of an option that a physicalType already says: `varchar(20)` a maxLength of 20, `double`
 * format f64, `float(24)` f32, `float` f32 in the Avro or Protobuf records or MySQL databases the
 * contract's servers hold, and `real` f64 in MySQL.
 */
function saidByPhysicalType(
  option: string,
  physicalType: string | undefined,
  typeDialect: TypeDialect | undefined,
): unknown {
  if (physicalType === undefined) return undefined;
  if (option === 'maxLength') return declaredLength(physicalType);
  const parts = option === 'format' ? physicalTypeParts(physicalType) : undefined;
  return parts && floatFormatOfType(parts, typeDialect);
}

/**
 * How a numeric bound moved, `kept` when on an integer field it lets the same integers through
 * (`maximum: 5` and `maximum: 5.5`); any other option (a pattern, a format) may now accept more or less: changed.
 */
function optionMove(
  option: string,
  was: unknown,
  is: unknown,
  isInteger: boolean,
): 'loosened' | 'tightened' | 'kept' | 'changed' {
  const end = UPPER_BOUNDS.has(option) ? 'upper' : LOWER_BOUNDS.has(option) ? 'lower' : undefined;
  if (!end || typeof was !== 'number' || typeof is !== 'number') return 'changed';
  const isExclusive = option.startsWith('exclusive');
  return boundMove(end, { value: was, isExclusive }, { value: is, isExclusive }, isInteger);
}

function enumChanges(
  previous: readonly EnumValue[] | undefined,
  next: readonly EnumValue[] | undefined,
  subject: string,
) {
  const onValues = (kind: ChangeKind, message: string) =>
    attributeChange(kind, subject, [...ALLOWED_VALUES_ATTRIBUTE], message);
  if (previous === undefined && next === undefined) return [];
  if (previous === undefined) return [onValues('enum-introduced', `values restricted to ${next?.join(', ')}`)];
  if (next === undefined) return [onValues('enum-lifted', 'values no longer restricted')];
  return [
    ...previous
      .filter((value) => !next.includes(value))
      .map((value) => onValues('enum-value-removed', `allowed value ${shown(value)} removed`)),
    ...next
      .filter((value) => !previous.includes(value))
      .map((value) => onValues('enum-value-added', `allowed value ${shown(value)} added`)),
  ];
}

/** What an allowed value kept in both versions says besides its value (`label`, `description`…), changed: documentation. */
function enumEntryDocumentationChanges(previous: ContractProperty, next: ContractProperty, subject: string) {
  const kept = (previous.enum ?? []).filter((value) => next.enum?.includes(value));
  return kept.flatMap((value) =>
    valueChanges(
      previous.enumEntryDocumentation?.[String(value)] ?? {},
      next.enumEntryDocumentation?.[String(value)] ?? {},
    ).map((what) =>
      attributeChange(
        'documentation-changed',
        subject,
        [...ALLOWED_VALUES_ATTRIBUTE],
        `allowed value ${shown(value)}: ${what}`,
      ),
    ),
  );
}

/** The named fields whose values differ. */
function changedAttributes<T extends object, K extends keyof T & string>(
  previous: T,
  next: T,
  fields: readonly K[],
): K[] {
  return fields.filter((field) => !isDeepEqual(previous[field], next[field]));
}
