import {
  type ContractModel,
  ContractModelSchema,
  type ContractProperty,
  type DatasetKind,
  type EnumValue,
  type QualityRule,
  type SchemaObject,
  type SlaProperty,
} from '../model/contract';
import { valueAt } from '../model/plain-schema-issue';
import type { PathResult, PathSegment } from './path-problem';
import { yaml11BooleanOf } from './yaml12-reading-hint';

/*
 * The mapping between an ODCS document (v3.0.x to v3.2.0) and the model. Reading is how
 * every contract text becomes a model; writing is only for contracts the app creates
 * (import from other formats, files of format 1): an existing contract is edited as text.
 *
 * - What ODCS has and the model does not (servers, roles, tags, businessName, ...) is
 *   kept in `extensions` at the level it was found and written back verbatim.
 * - Our event/entity semantics live in contract-level `customProperties`: `datasetKind`
 *   (`event` | `entity`), `keepHistory` (boolean) and `historyColumnPrefix` (what the history
 *   columns' names start with, see history-columns.ts). A contract that does not say is
 *   inferred: streaming servers (Kafka, Kinesis, Pub/Sub) or a topic/stream object make
 *   an event, anything else an entity. ODCS has no contract-level quality, so the
 *   model's contract-level rules travel as `contractQuality`.
 * - ODCS defaults are not written: `required`, `unique` and `primaryKey` false, quality
 *   `type: library`, `keepHistory: false`.
 * - Allowed values: ODCS 3.2 has `enum` on properties (objects with a `value`); before,
 *   they are a library quality rule (`metric: invalidValues`, `arguments.validValues`,
 *   `mustBe: 0`). A rule of exactly that shape is read as the property's enum too, and
 *   written first in `quality` for 3.1 and older.
 * - A contract without a name gets a readable stand-in (its id unless that is a UUID,
 *   else its data product or schema objects), which is never written back.
 */

/** An ODCS document as plain JSON (parsed YAML). */
export type OdcsDocument = Record<string, unknown>;
type OdcsObject = Record<string, unknown>;

export const DATASET_KIND_PROPERTY = 'datasetKind';
export const KEEP_HISTORY_PROPERTY = 'keepHistory';
export const HISTORY_COLUMN_PREFIX_PROPERTY = 'historyColumnPrefix';
export const CONTRACT_QUALITY_PROPERTY = 'contractQuality';
/** The contract-level custom properties the app reads (see above). */
export const APP_CUSTOM_PROPERTIES = [
  DATASET_KIND_PROPERTY,
  KEEP_HISTORY_PROPERTY,
  HISTORY_COLUMN_PREFIX_PROPERTY,
  CONTRACT_QUALITY_PROPERTY,
];

const PROPERTY_FIELDS = [
  'name',
  'logicalType',
  'physicalType',
  'description',
  'required',
  'unique',
  'primaryKey',
  'primaryKeyPosition',
  'classification',
  'examples',
] as const;
const OBJECT_FIELDS = ['name', 'physicalName', 'description'] as const;
const QUALITY_FIELDS = [
  'name',
  'description',
  'type',
  'dimension',
  'metric',
  'query',
  'mustBe',
  'mustBeLessThan',
  'mustBeGreaterThan',
  'severity',
] as const;
const SLA_FIELDS = ['property', 'value', 'unit', 'element', 'description'] as const;
const CONTRACT_FIELDS = ['id', 'name', 'version', 'status', 'domain', 'dataProduct'] as const;
/** Read by the importer and written by the exporter; never kept as extensions. */
const CONSUMED_FIELDS = ['apiVersion', 'kind', 'schema', 'slaProperties', 'description', 'team', 'customProperties'];
/** Server types whose datasets are streams of events. */
const STREAMING_SERVER_TYPES = new Set(['kafka', 'kinesis', 'pubsub', 'pulsar', 'eventhubs', 'sqs', 'sns']);

/** Whether an ODCS server's `type` (any capitals) is one whose datasets are streams of events. */
export function isStreamingServerType(type: unknown): boolean {
  return STREAMING_SERVER_TYPES.has(String(type).toLowerCase());
}
const STREAM_PHYSICAL_TYPE = /^(topic|stream|queue|event)/i;

/** Whether ODCS `version` has properties' `enum` (3.2.0 and later). */
export function hasNativeEnum(apiVersion: string): boolean {
  return apiVersion === 'v3.2.0';
}

export function contractToOdcs(contract: ContractModel): OdcsDocument {
  const head = compact({
    apiVersion: contract.apiVersion,
    kind: 'DataContract',
    ...pick(contract, CONTRACT_FIELDS),
    description: contract.description === undefined ? undefined : { purpose: contract.description },
  });
  const nativeEnum = hasNativeEnum(contract.apiVersion);
  const customProperties = appCustomProperties(contract);
  const tail = compact({
    schema: contract.schema.map((object) => objectToOdcs(object, nativeEnum)),
    team: contract.owner === undefined ? undefined : { name: contract.owner },
    slaProperties: contract.sla.length > 0 ? contract.sla.map(slaToOdcs) : undefined,
    customProperties: customProperties.length > 0 ? customProperties : undefined,
  });
  return withExtensions(head, contract.extensions, tail);
}

function appCustomProperties(contract: ContractModel): OdcsObject[] {
  return [
    ...(contract.isKindDeclared ? [{ property: DATASET_KIND_PROPERTY, value: contract.kind }] : []),
    ...(contract.keepHistory ? [{ property: KEEP_HISTORY_PROPERTY, value: true }] : []),
    ...(contract.historyColumnPrefix !== undefined
      ? [{ property: HISTORY_COLUMN_PREFIX_PROPERTY, value: contract.historyColumnPrefix }]
      : []),
    ...(contract.quality ? [{ property: CONTRACT_QUALITY_PROPERTY, value: contract.quality.map(qualityToOdcs) }] : []),
  ];
}

function objectToOdcs(object: SchemaObject, nativeEnum: boolean): OdcsObject {
  const head = pick(object, OBJECT_FIELDS);
  const tail = compact({
    properties: object.properties.map((property) => propertyToOdcs(property, nativeEnum)),
    quality: object.quality?.map(qualityToOdcs),
  });
  return withExtensions(head, object.extensions, tail);
}

/** A property as ODCS writes it; importers use it for nested properties, which the model keeps as extensions. */
export function propertyToOdcs(property: ContractProperty, nativeEnum: boolean): OdcsObject {
  const head = compact({
    ...pick(property, PROPERTY_FIELDS),
    required: property.required || undefined,
    unique: property.unique || undefined,
    primaryKey: property.primaryKey || undefined,
    enum: nativeEnum
      ? property.enum?.map((value) => ({ value, ...property.enumEntryDocumentation?.[String(value)] }))
      : undefined,
  });
  const ruleEnum = nativeEnum ? undefined : property.enum;
  const rules = [...(ruleEnum ? [allowedValuesRule(ruleEnum)] : []), ...(property.quality ?? []).map(qualityToOdcs)];
  const hasQuality = ruleEnum !== undefined || property.quality !== undefined;
  return withExtensions(head, property.extensions, compact({ quality: hasQuality ? rules : undefined }));
}

/** Allowed values as ODCS before v3.2.0 writes them: a rule that no value outside them passes. */
export function allowedValuesRule(values: readonly EnumValue[]): OdcsObject {
  return { metric: 'invalidValues', arguments: { validValues: [...values] }, mustBe: 0 };
}

/** A quality rule as ODCS writes it: `type` only where it is not the default `library`. */
export function qualityToOdcs(rule: QualityRule): OdcsObject {
  const fields = compact({ ...pick(rule, QUALITY_FIELDS), type: rule.type === 'library' ? undefined : rule.type });
  return withExtensions(fields, rule.extensions);
}

function slaToOdcs(sla: SlaProperty): OdcsObject {
  return withExtensions(pick(sla, SLA_FIELDS), sla.extensions);
}

/** Maps a document that passed the official schema to the model, checked against it. */
export function contractFromOdcs(document: OdcsDocument): PathResult<ContractModel> {
  const { known, rest } = splitFields(document, CONTRACT_FIELDS);
  const extensions = omit(rest, CONSUMED_FIELDS);
  const description = asObject(document.description);
  const team = teamObject(document.team);
  const customProperties = asArray(document.customProperties).map(asObject);
  const findCustom = (property: string) => customProperties.find((entry) => entry.property === property)?.value;
  const contractQuality = findCustom(CONTRACT_QUALITY_PROPERTY);

  const { purpose, ...descriptionRest } = description;
  const { name: owner, ...teamRest } = team;
  const foreignCustomProperties = customProperties.filter(
    (entry) => !APP_CUSTOM_PROPERTIES.includes(String(entry.property)),
  );
  const declaredKind = findCustom(DATASET_KIND_PROPERTY);
  const candidate = compact({
    ...known,
    name: known.name ?? readableName(document),
    apiVersion: document.apiVersion,
    kind: declaredKind ?? inferKind(document),
    isKindDeclared: declaredKind !== undefined,
    keepHistory: findCustom(KEEP_HISTORY_PROPERTY) ?? false,
    historyColumnPrefix: findCustom(HISTORY_COLUMN_PREFIX_PROPERTY),
    description: purpose,
    owner,
    schema: asArray(document.schema).map((object) => objectFromOdcs(asObject(object))),
    quality: isArrayOfObjects(contractQuality) ? contractQuality.map(qualityFromOdcs) : contractQuality,
    sla: asArray(document.slaProperties).map((sla) => slaFromOdcs(asObject(sla))),
    extensions: nonEmpty({
      ...extensions,
      description: leftover(document.description, descriptionRest),
      team: leftover(document.team, teamRest),
      customProperties: leftover(document.customProperties, foreignCustomProperties),
    }),
  });

  const parsed = ContractModelSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      path: documentPathOf(issue.path as PathSegment[], document),
      message: modelIssueMessage(
        issue.path as PathSegment[],
        valueAt(candidate, issue.path as PathSegment[]),
        issue.message,
      ),
    })),
  };
}

/** A refusal of the model said in the contract's words: keepHistory is a custom property, so its own name says what it takes. */
function modelIssueMessage(path: readonly PathSegment[], value: unknown, message: string): string {
  if (value === undefined) return 'is required';
  if (path.length !== 1 || path[0] !== 'keepHistory') return message;
  const meant = typeof value === 'string' ? yaml11BooleanOf(value) : undefined;
  const got = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  const why = meant === undefined ? '' : `; YAML 1.1 tools read ${value} as ${meant}, quote-free ${meant} is clearer`;
  return `${KEEP_HISTORY_PROPERTY} takes true or false (got ${got}${why})`;
}

/** What a contract is called when it does not say: its id, unless that is a meaningless UUID. */
function readableName(document: OdcsDocument): string | undefined {
  const id = typeof document.id === 'string' ? document.id : undefined;
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return id;
  const objectNames = asArray(document.schema)
    .map((object) => asObject(object).name)
    .filter((name): name is string => typeof name === 'string' && name !== '');
  if (typeof document.dataProduct === 'string' && document.dataProduct !== '') return document.dataProduct;
  if (objectNames.length > 0) return objectNames.join(', ');
  return id === undefined ? undefined : `Contract ${id.slice(0, 8)}`;
}

/** Events flow through streaming servers and topics; everything else is taken for an entity. */
export function inferKind(document: OdcsDocument): DatasetKind {
  const servesStreams = asArray(document.servers).some((server) => isStreamingServerType(asObject(server).type));
  const hasStreamObjects = asArray(document.schema).some((object) =>
    STREAM_PHYSICAL_TYPE.test(String(asObject(object).physicalType ?? '')),
  );
  return servesStreams || hasStreamObjects ? 'event' : 'entity';
}

function teamObject(team: unknown): OdcsObject {
  return Array.isArray(team) ? { members: team } : asObject(team);
}

function objectFromOdcs(object: OdcsObject): unknown {
  const { known, rest } = splitFields(object, OBJECT_FIELDS);
  const { properties, quality, ...extensions } = rest;
  return compact({
    ...known,
    properties: asArray(properties).map((property) => propertyFromOdcs(asObject(property))),
    quality: Array.isArray(quality) ? quality.map((rule) => qualityFromOdcs(asObject(rule))) : undefined,
    extensions: nonEmpty(extensions),
  });
}

/**
 * The properties an object property nests and the items an array property holds (both
 * kept as extensions), read as the model reads properties; ODCS lets them go without a
 * logical type. `extensions` holds the rest of the property's extensions.
 */
export function nestedPropertiesOf(property: ContractProperty): {
  properties: ContractProperty[];
  items?: ContractProperty;
  extensions?: OdcsObject;
} {
  const { properties, items, ...extensions } = property.extensions ?? {};
  return {
    properties: asArray(properties).map((nested) => propertyFromOdcs(asObject(nested)) as ContractProperty),
    items: isJsonObject(items) ? (propertyFromOdcs(items) as ContractProperty) : undefined,
    extensions: nonEmpty(extensions),
  };
}

/** The key and the values of an ODCS 3.2 map property (`map: { key, value }`), each read as a property. */
export function mapPartsOf(
  property: ContractProperty,
): { key?: ContractProperty; value?: ContractProperty } | undefined {
  const map = property.extensions?.map;
  if (!isJsonObject(map)) return undefined;
  const part = (node: unknown) => (isJsonObject(node) ? (propertyFromOdcs(node) as ContractProperty) : undefined);
  return { key: part(map.key), value: part(map.value) };
}

function propertyFromOdcs(property: OdcsObject): unknown {
  const { known, rest } = splitFields(property, PROPERTY_FIELDS);
  const { quality, enum: nativeEnum, ...extensions } = rest;
  const rules = Array.isArray(quality) ? quality.map(asObject) : undefined;
  const enumIndex = nativeEnum === undefined ? (rules?.findIndex(isEnumRule) ?? -1) : -1;
  const otherRules = rules?.filter((_, index) => index !== enumIndex);
  const keepsQuality = otherRules !== undefined && (otherRules.length > 0 || enumIndex === -1);
  const ruleEnum = enumIndex === -1 ? undefined : asObject(rules?.[enumIndex]?.arguments).validValues;
  return compact({
    required: false,
    unique: false,
    primaryKey: false,
    ...known,
    enum: nativeEnum === undefined ? withoutNull(ruleEnum) : enumValuesOf(nativeEnum),
    enumEntryDocumentation: nativeEnum === undefined ? undefined : enumEntryDocumentationOf(nativeEnum),
    quality: keepsQuality ? otherRules.map(qualityFromOdcs) : undefined,
    extensions: nonEmpty(extensions),
  });
}

/** The values of ODCS 3.2 enum entries. */
function enumValuesOf(entries: unknown): unknown {
  if (!Array.isArray(entries)) return entries;
  // A bare entry (`enum: [S, X]`, which the schema marks as needing `{value: S}`) names its value all the same.
  return withoutNull(entries.map((entry) => (isJsonObject(entry) ? entry.value : entry)));
}

/** What each ODCS 3.2 enum entry says besides its value, by the value's text; none when no entry says more. */
function enumEntryDocumentationOf(entries: unknown): Record<string, OdcsObject> | undefined {
  if (!Array.isArray(entries)) return undefined;
  const documented = entries
    .filter(isJsonObject)
    .flatMap(({ value, ...documentation }) =>
      Object.keys(documentation).length === 0 ? [] : [[String(value), documentation] as const],
    );
  return documented.length === 0 ? undefined : Object.fromEntries(documented);
}

/** Allowed values as the model holds them: a null among them allows null, which `required` already says. */
function withoutNull(values: unknown): unknown {
  return Array.isArray(values) ? values.filter((value) => value !== null) : values;
}

/**
 * A library rule that says no more than "the value is one of these": read as allowed values. A
 * null among them is "may be empty", which `required` says (semantic checks warn of it); the
 * other values stay allowed.
 */
export function isEnumRule(rule: OdcsObject): boolean {
  const { type = 'library', metric, arguments: args, ...comparison } = rule;
  if (type !== 'library' || metric !== 'invalidValues' || !allowsNone(comparison)) return false;
  const { validValues, ...otherArguments } = asObject(args);
  return (
    Object.keys(otherArguments).length === 0 &&
    Array.isArray(validValues) &&
    validValues.every((value) => value === null || ['string', 'number', 'boolean'].includes(typeof value)) &&
    validValues.some((value) => value !== null)
  );
}

/**
 * The allowed values a property's ODCS object writes, null included, each with where it is in
 * the property: its 3.2 `enum` entries' values, else the values of its `invalidValues` rule.
 */
export function writtenAllowedValues(property: unknown): Array<{ value: unknown; at: PathSegment[] }> {
  const { enum: entries, quality } = asObject(property);
  if (entries !== undefined) {
    return asArray(entries).map((entry, index) => ({ value: asObject(entry).value, at: ['enum', index, 'value'] }));
  }
  const rules = asArray(quality).map(asObject);
  const ruleIndex = rules.findIndex(isEnumRule);
  if (ruleIndex === -1) return [];
  return asArray(asObject(rules[ruleIndex]?.arguments).validValues).map((value, index) => ({
    value,
    at: ['quality', ruleIndex, 'arguments', 'validValues', index],
  }));
}

/**
 * Whether a rule's one comparison lets a count through only when it is 0: `mustBe: 0`, and the
 * forms that say the same of a count, `mustBeLessThan: 1` and `mustBeLessOrEqualTo: 0` (ODCS
 * refuses `mustBeBetween: [0, 0]`, whose items must differ).
 */
function allowsNone(comparison: OdcsObject): boolean {
  const entries = Object.entries(comparison);
  if (entries.length !== 1) return false;
  const [operator, bound] = entries[0] as [string, unknown];
  switch (operator) {
    case 'mustBe':
    case 'mustBeLessOrEqualTo':
      return bound === 0;
    case 'mustBeLessThan':
      return bound === 1;
    default:
      return false;
  }
}

function qualityFromOdcs(rule: OdcsObject): unknown {
  const { mustBe, ...others } = rule;
  const { known, rest } = splitFields(others, QUALITY_FIELDS);
  // ODCS allows any value in mustBe; the model holds numbers, anything else stays verbatim.
  const mustBeFits = typeof mustBe === 'number';
  return compact({
    ...known,
    type: known.type ?? 'library',
    mustBe: mustBeFits ? mustBe : undefined,
    extensions: nonEmpty({ ...rest, ...(mustBe !== undefined && !mustBeFits && { mustBe }) }),
  });
}

function slaFromOdcs(sla: OdcsObject): unknown {
  const { known, rest } = splitFields(sla, SLA_FIELDS);
  return compact({ ...known, extensions: nonEmpty(rest) });
}

/**
 * Where a model field lives in the ODCS document, to point at the right line: most
 * paths are the same, a few fields are renamed or live in a custom property.
 */
export function documentPathOf(modelPath: readonly PathSegment[], document: unknown): PathSegment[] {
  const [head, ...rest] = modelPath;
  const customPropertyPath = (property: string, within: readonly PathSegment[] = []): PathSegment[] => {
    const entries = asArray(asObject(document).customProperties);
    const index = entries.findIndex((entry) => asObject(entry).property === property);
    return index === -1 ? ['customProperties'] : ['customProperties', index, 'value', ...within];
  };
  switch (head) {
    case 'kind':
      return customPropertyPath(DATASET_KIND_PROPERTY);
    case 'keepHistory':
      return customPropertyPath(KEEP_HISTORY_PROPERTY);
    case 'historyColumnPrefix':
      return customPropertyPath(HISTORY_COLUMN_PREFIX_PROPERTY);
    case 'quality':
      return customPropertyPath(CONTRACT_QUALITY_PROPERTY, rest);
    case 'description':
      // Deeper, it is a path of the document already (`description.usage`).
      return rest.length === 0 ? ['description', 'purpose'] : [...modelPath];
    case 'owner':
      return ['team', 'name'];
    case 'sla':
      return ['slaProperties', ...rest];
    case 'servers':
      return namedEntryPath(document, 'servers', 'server', rest);
    case 'customProperties':
      return typeof rest[0] === 'string' ? customPropertyPath(rest[0]) : [...modelPath];
    case 'schema':
      return propertyQualityPath(modelPath, document);
    default:
      return [...modelPath];
  }
}

/**
 * `['servers', 'kafka-prod', 'format']` → `['servers', 1, 'format']`: an entry of a list section
 * named by its `nameKey`, or the section itself where no entry has the name.
 */
function namedEntryPath(
  document: unknown,
  section: string,
  nameKey: string,
  [name, ...within]: readonly PathSegment[],
): PathSegment[] {
  if (typeof name !== 'string') return [section, ...(name === undefined ? [] : [name]), ...within];
  const index = asArray(asObject(document)[section]).findIndex((entry) => asObject(entry)[nameKey] === name);
  return index === -1 ? [section] : [section, index, ...within];
}

/**
 * Where the model's allowed value `enum[valueIndex]` of the property at `propertyPath` (at any
 * depth) is in the document: the value of its ODCS 3.2 `enum` entry, or its place in the
 * `invalidValues` rule the model read it from, null values counted past (the model leaves them out).
 */
export function allowedValueDocumentPath(
  propertyPath: readonly PathSegment[],
  valueIndex: number,
  document: unknown,
): PathSegment[] {
  const values = writtenAllowedValues(valueAt(document, propertyPath)).filter(({ value }) => value !== null);
  return [...propertyPath, ...(values[valueIndex]?.at ?? ['enum', valueIndex])];
}

function propertyQualityPath(modelPath: readonly PathSegment[], document: unknown): PathSegment[] {
  const [, objectIndex, section, propertyIndex, field, ruleIndex, ...rest] = modelPath;
  if (section !== 'properties' || field !== 'quality' || typeof ruleIndex !== 'number') return [...modelPath];
  const object = asObject(asArray(asObject(document).schema)[Number(objectIndex)]);
  const property = asArray(object.properties)[Number(propertyIndex)];
  return modelPath.slice(0, 5).concat([writtenQualityIndex(property, ruleIndex), ...rest]);
}

/** A property's quality rules in the model leave out the rule its enum was read from: the index in its ODCS object counts past it. */
export function writtenQualityIndex(property: unknown, modelIndex: number): number {
  const enumIndex = enumRuleIndex(property);
  return enumIndex !== -1 && enumIndex <= modelIndex ? modelIndex + 1 : modelIndex;
}

/** The index of the quality rule a property's allowed values are read from; -1 where it has none or has an `enum`. */
function enumRuleIndex(property: unknown): number {
  const { enum: entries, quality } = asObject(property);
  return entries === undefined ? asArray(quality).map(asObject).findIndex(isEnumRule) : -1;
}

/**
 * The model's path of a place in the ODCS document, that documentPathOf and
 * allowedValueDocumentPath lead back to: `description.purpose` is `description`, an allowed
 * value (`quality[0].arguments.validValues[1]`) is `enum[1]`, and a property's quality rule is
 * counted without its enum rule.
 */
export function modelPathOf(documentPath: readonly PathSegment[], document: unknown): PathSegment[] {
  const [head, ...rest] = documentPath;
  if (head === 'description' && rest.length === 1 && rest[0] === 'purpose') return ['description'];
  return allowedValueModelPath(documentPath, document) ?? modelQualityPath(documentPath, document);
}

/** `…properties[2].enum[1]` for the place of a property's allowed value in the document (null ones counted past). */
function allowedValueModelPath(documentPath: readonly PathSegment[], document: unknown): PathSegment[] | undefined {
  for (let end = documentPath.length - 1; end >= 2; end--) {
    if (documentPath[end - 2] !== 'properties' || typeof documentPath[end - 1] !== 'number') continue;
    const propertyPath = documentPath.slice(0, end);
    const within = documentPath.slice(end);
    const values = writtenAllowedValues(valueAt(document, propertyPath)).filter(({ value }) => value !== null);
    const index = values.findIndex(
      ({ at }) => at.length === within.length && at.every((step, i) => step === within[i]),
    );
    if (index !== -1) return [...propertyPath, 'enum', index];
  }
  return undefined;
}

/** A path into a schema property's quality rules, its index counted without the enum rule (see writtenQualityIndex). */
function modelQualityPath(documentPath: readonly PathSegment[], document: unknown): PathSegment[] {
  const [, , section, , field, writtenIndex, ...rest] = documentPath;
  if (
    documentPath[0] !== 'schema' ||
    section !== 'properties' ||
    field !== 'quality' ||
    typeof writtenIndex !== 'number'
  )
    return [...documentPath];
  const propertyPath = documentPath.slice(0, 4);
  const enumIndex = enumRuleIndex(valueAt(document, propertyPath));
  if (enumIndex === -1 || writtenIndex < enumIndex) return [...documentPath];
  // The enum rule is the model's allowed values, its other parts no rule of the model's.
  if (writtenIndex === enumIndex) return propertyPath;
  return [...documentPath.slice(0, 5), writtenIndex - 1, ...rest];
}

/**
 * Lays out an ODCS object: the model's `head` fields, then the extensions in their
 * original order, then the model's `tail` (the long lists, so they read last).
 * Where both hold the same key, objects merge and lists concatenate (extensions first).
 */
function withExtensions(head: OdcsObject, extensions: OdcsObject | undefined, tail: OdcsObject = {}): OdcsObject {
  const merged: OdcsObject = { ...head };
  for (const [key, extra] of Object.entries(extensions ?? {})) {
    const own = key in head ? head[key] : tail[key];
    merged[key] = own === undefined ? extra : mergeValues(own, extra);
  }
  for (const [key, value] of Object.entries(tail)) if (!(key in merged)) merged[key] = value;
  return merged;
}

function mergeValues(own: unknown, extra: unknown): unknown {
  if (isJsonObject(own) && isJsonObject(extra)) return withExtensions(own, extra);
  if (Array.isArray(own) && Array.isArray(extra)) return [...extra, ...own];
  return own;
}

/** The named fields that are set, in the order named. */
function pick(source: object, fields: readonly string[]): OdcsObject {
  const values = source as OdcsObject;
  return compact(Object.fromEntries(fields.map((field) => [field, values[field]])));
}

function splitFields<K extends string>(
  source: OdcsObject,
  fields: readonly K[],
): { known: Partial<Record<K, unknown>>; rest: OdcsObject } {
  const known: Partial<Record<K, unknown>> = {};
  const rest: OdcsObject = {};
  for (const [key, value] of Object.entries(source)) {
    if ((fields as readonly string[]).includes(key)) known[key as K] = value;
    else rest[key] = value;
  }
  return { known, rest };
}

function omit(source: OdcsObject, keys: readonly string[]): OdcsObject {
  return Object.fromEntries(Object.entries(source).filter(([key]) => !keys.includes(key)));
}

/** What is left of a partly modelled value; one that was empty to begin with is kept, so it round-trips. */
function leftover<T extends OdcsObject | unknown[]>(original: unknown, rest: T): T | undefined {
  if (original === undefined) return undefined;
  const wasEmpty = typeof original === 'object' && original !== null && Object.keys(original).length === 0;
  return Object.keys(rest).length > 0 || wasEmpty ? rest : undefined;
}

function compact<T extends OdcsObject>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function nonEmpty(object: OdcsObject): OdcsObject | undefined {
  const compacted = compact(object);
  return Object.keys(compacted).length > 0 ? compacted : undefined;
}

export function isJsonObject(value: unknown): value is OdcsObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isArrayOfObjects(value: unknown): value is OdcsObject[] {
  return Array.isArray(value) && value.every(isJsonObject);
}

export function asObject(value: unknown): OdcsObject {
  return isJsonObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
