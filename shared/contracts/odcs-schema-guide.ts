import { type LogicalType, LogicalTypeSchema } from '../model/logical-type';
import { jsonSchemaForApiVersion, LATEST_API_VERSION, SUPPORTED_API_VERSIONS } from './odcs-versions';

/** The parts of a JSON Schema node the guide reads. */
interface SchemaNode {
  $ref?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  if?: SchemaNode;
  then?: SchemaNode;
  not?: SchemaNode;
  required?: string[];
  deprecated?: boolean;
}

/** The keys written in a mapping, with their values as text (unquoted; '' for a nested block). */
export type WrittenKeys = ReadonlyMap<string, string>;

/**
 * A mapping's keys with their scalar values, which choose the schema's branch (a server's
 * `type: kafka`), but `leftOut` (the key whose value is being chosen); none for what is no mapping.
 */
export function writtenKeysOf(mapping: unknown, leftOut?: string): WrittenKeys {
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) return new Map();
  return new Map(
    Object.entries(mapping)
      .filter(([key]) => key !== leftOut)
      .map(([key, value]) => [key, ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : '']),
  );
}

export interface KeySuggestion {
  key: string;
  description?: string;
  isDeprecated: boolean;
  /** Whether the value is a nested mapping or list, so the editor can open a block. */
  opensBlock: boolean;
}

/*
 * The guide reads the JSON Schema of the contract's own ODCS version (`apiVersion`, the
 * newest when it has none), so a 3.1 contract is not offered 3.2 fields.
 */

function resolveRef(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const segment of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[segment];
  return node as SchemaNode | undefined;
}

/**
 * A node and every subschema that may apply to the same value (refs, allOf, oneOf, anyOf,
 * and the `then` of each if/then whose `if` the written keys could still satisfy), read for
 * the branches the written keys choose.
 */
function alternatives(
  root: SchemaNode,
  node: SchemaNode | undefined,
  written?: WrittenKeys,
  reading: BranchReading = 'could-still-hold',
  seen = new Set<SchemaNode>(),
): SchemaNode[] {
  if (!node || seen.has(node)) return [];
  seen.add(node);
  const referenced = node.$ref ? alternatives(root, resolveRef(root, node.$ref), written, reading, seen) : [];
  const appliesTo = reading === 'holds' ? holds : couldHold;
  const isThenOpen = node.then !== undefined && (written === undefined || appliesTo(node.if ?? {}, written));
  const branches = [
    ...conditionalsLeftOpen(node.allOf ?? [], written),
    ...oneOfLeftOpen(node.oneOf ?? [], written),
    ...(node.anyOf ?? []),
    ...(isThenOpen && node.then ? [node.then] : []),
  ];
  return [node, ...referenced, ...branches.flatMap((branch) => alternatives(root, branch, written, reading, seen))];
}

/**
 * Which if/then branches of the mapping the written keys are read against: those whose `if` they
 * could still meet once more keys are written (completion, while typing), or those whose `if` they
 * meet as written (what the schema checks the mapping with now).
 */
type BranchReading = 'could-still-hold' | 'holds';

/**
 * Once the written keys meet one if/then branch's `if` (a quality rule's `metric` makes it a
 * library rule), the branches they only leave possible (the sql rule's, were `type: sql`
 * written) are closed: their keys would turn the mapping into another kind of thing.
 */
function conditionalsLeftOpen(allOf: readonly SchemaNode[], written?: WrittenKeys): SchemaNode[] {
  if (written === undefined) return [...allOf];
  const isChosen = (branch: SchemaNode) => branch.if !== undefined && holds(branch.if, written);
  if (!allOf.some(isChosen)) return [...allOf];
  return allOf.filter((branch) => branch.if === undefined || isChosen(branch));
}

/**
 * A `oneOf` takes exactly one branch: once one's required keys are written (a quality rule's
 * comparison operator), writing another's (a second operator) would break it.
 */
function oneOfLeftOpen(oneOf: readonly SchemaNode[], written?: WrittenKeys): SchemaNode[] {
  const isChosen = (branch: SchemaNode) =>
    written !== undefined &&
    (branch.required ?? []).length > 0 &&
    (branch.required ?? []).every((key) => written.has(key));
  return oneOf.some(isChosen) ? oneOf.filter(isChosen) : [...oneOf];
}

/**
 * Whether a mapping with these keys could satisfy `condition` once more keys are written:
 * a key written with another value than its `const` or `enum` says no (`type: kafka` rules
 * out the ClickHouse server's `if`); a key not written yet could still be.
 */
function couldHold(condition: SchemaNode | undefined, written: WrittenKeys): boolean {
  if (!condition) return true;
  return (
    writtenValuesMeet(condition, written) &&
    (condition.allOf ?? []).every((part) => couldHold(part, written)) &&
    (condition.anyOf === undefined || condition.anyOf.some((part) => couldHold(part, written)))
  );
}

/** Whether a mapping with these keys satisfies `condition` as written: its required keys are there, with the values it asks. */
function holds(condition: SchemaNode, written: WrittenKeys): boolean {
  return (
    writtenValuesMeet(condition, written) &&
    (condition.required ?? []).every((key) => written.has(key)) &&
    (condition.allOf ?? []).every((part) => holds(part, written)) &&
    (condition.anyOf === undefined || condition.anyOf.some((part) => holds(part, written)))
  );
}

/** Whether each key `condition` tests that is written has a value it allows (its `const`, `enum`, or any text for a string). */
function writtenValuesMeet(condition: SchemaNode, written: WrittenKeys): boolean {
  return Object.entries(condition.properties ?? {}).every(([key, rule]) => {
    const value = written.get(key);
    if (value === undefined) return true;
    if (rule.const !== undefined && String(rule.const) !== value) return false;
    if (rule.enum !== undefined && !rule.enum.map(String).includes(value)) return false;
    // A key written without a value (`metric:` while typing) chooses nothing yet.
    return rule.type !== 'string' || value !== '';
  });
}

/** The schema nodes that may describe the value at `path` (`[]` for an array item), the last of them a mapping with `written` keys. */
function nodesAt(
  apiVersion: string,
  path: readonly string[],
  written?: WrittenKeys,
  reading: BranchReading = 'could-still-hold',
): SchemaNode[] {
  const root = jsonSchemaForApiVersion(apiVersion) as SchemaNode;
  const writtenAt = (depth: number) => (depth === path.length ? written : undefined);
  let nodes = alternatives(root, root, writtenAt(0), reading);
  path.forEach((segment, index) => {
    nodes = nodes.flatMap((node) =>
      alternatives(root, segment === '[]' ? node.items : node.properties?.[segment], writtenAt(index + 1), reading),
    );
  });
  return nodes;
}

function opensBlock(nodes: SchemaNode[]): boolean {
  return nodes.some((node) => {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    return types.includes('object') || types.includes('array') || node.properties !== undefined;
  });
}

/** A key the schema forbids with `not: { required: [key] }` (a property-level relationship's `from`). */
function forbiddenKey(node: SchemaNode): string | undefined {
  return node.not?.required?.length === 1 ? node.not.required[0] : undefined;
}

/**
 * Keys the ODCS schema allows in the mapping at `path`, with their documentation. Given the
 * keys already `written` there, only those of the if/then branches they leave open (under
 * `type: kafka`, the Kafka server's keys and the common ones).
 */
export function suggestKeys(
  path: readonly string[],
  apiVersion = LATEST_API_VERSION,
  written?: WrittenKeys,
): KeySuggestion[] {
  const root = jsonSchemaForApiVersion(apiVersion) as SchemaNode;
  const nodes = nodesAt(apiVersion, path, written);
  const forbidden = new Set(nodes.map(forbiddenKey));
  const suggestions = new Map<string, KeySuggestion>();
  for (const node of nodes) {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (suggestions.has(key) || forbidden.has(key)) continue;
      const childNodes = alternatives(root, child);
      const description = childNodes.find((candidate) => candidate.description)?.description;
      suggestions.set(key, {
        key,
        ...(description !== undefined && { description }),
        isDeprecated: isDeprecatedKey(root, child),
        opensBlock: opensBlock(childNodes),
      });
    }
  }
  return [...suggestions.values()];
}

/**
 * The keys the schema checks the mapping at `path` with, as `written`: those of the if/then
 * branches its keys choose, not of those they only leave open (`mustBe` belongs to a quality
 * rule once it has a `metric`, not before).
 */
export function keysDeclaredAsWritten(path: readonly string[], apiVersion: string, written: WrittenKeys): Set<string> {
  const nodes = nodesAt(apiVersion, path, written, 'holds');
  const forbidden = new Set(nodes.map(forbiddenKey));
  return new Set(nodes.flatMap((node) => Object.keys(node.properties ?? {})).filter((key) => !forbidden.has(key)));
}

/** Whether the schema deprecates the key itself (a quality rule's `rule`), not one of the forms it takes (`team` as a list). */
function isDeprecatedKey(root: SchemaNode, node: SchemaNode | undefined): boolean {
  if (!node) return false;
  return node.deprecated === true || (node.$ref !== undefined && isDeprecatedKey(root, resolveRef(root, node.$ref)));
}

/** The path the schema guide reads for a place in a document: each list index becomes `[]`. */
export function schemaPathOf(path: readonly (string | number)[]): string[] {
  return path.map((segment) => (typeof segment === 'number' ? '[]' : String(segment)));
}

/** A value of a choosing key under which the schema allows a key it otherwise refuses: `type: custom` for a quality rule's `engine`. */
export interface ChoosingValue {
  key: string;
  value: string;
}

/**
 * What the mapping at `path` needs written for the schema to allow `key` there, read from the
 * `if` of each if/then branch that declares it (a quality rule's `query` needs `type: sql`).
 */
export function choosingValuesFor(
  path: readonly string[],
  key: string,
  apiVersion = LATEST_API_VERSION,
): ChoosingValue[] {
  const root = jsonSchemaForApiVersion(apiVersion) as SchemaNode;
  const declares = (branch: SchemaNode) =>
    alternatives(root, branch.then).some((node) => node.properties?.[key] !== undefined);
  const values = nodesAt(apiVersion, path)
    .flatMap((node) => node.allOf ?? [])
    .filter((branch) => branch.if !== undefined && declares(branch))
    .flatMap((branch) => requiredValuesOf(branch.if));
  return values.filter(
    (choice, index) => values.findIndex(({ key, value }) => key === choice.key && value === choice.value) === index,
  );
}

/** The `key: value` pairs an `if` requires, directly or as one of its `anyOf`. */
function requiredValuesOf(condition: SchemaNode | undefined): ChoosingValue[] {
  const own = Object.entries(condition?.properties ?? {}).flatMap(([key, rule]) =>
    rule.const !== undefined && (condition?.required ?? []).includes(key) ? [{ key, value: String(rule.const) }] : [],
  );
  return [...own, ...(condition?.anyOf ?? []).flatMap(requiredValuesOf)];
}

/**
 * Values the schema allows for `key` in the mapping at `path` (its enum, const or boolean),
 * then the usual ones it names as examples (`status`: proposed, draft, active, …). Given the
 * other keys `written` there, the examples are those of the branches they leave open: a Kafka
 * server's `format` is a message format (`avro`), not a file store's (`parquet`).
 */
export function suggestValues(
  path: readonly string[],
  key: string,
  apiVersion = LATEST_API_VERSION,
  written?: WrittenKeys,
): string[] {
  // The schema's enum goes back to v2.2.0; offered are only the versions the app reads.
  if (path.length === 0 && key === 'apiVersion') return [...SUPPORTED_API_VERSIONS];
  const root = jsonSchemaForApiVersion(apiVersion) as SchemaNode;
  const examples = ownDeclarations(root, nodesAt(apiVersion, path, written), key)
    .flatMap((declaration) => alternatives(root, declaration))
    .flatMap((node) => usualValues(node.examples));
  return [...new Set([...valuesOffered(nodesAt(apiVersion, [...path, key]), { withExamples: false }), ...examples])];
}

/**
 * The declarations of `key` in `nodes`, without those that a node's own declaration overrides in a
 * base it includes unconditionally: a property's `physicalType` (a column type, `VARCHAR(2)`)
 * documents it, not the schema element's (`table`, `view`), as the key's hover says.
 */
function ownDeclarations(root: SchemaNode, nodes: readonly SchemaNode[], key: string): SchemaNode[] {
  const declares = (node: SchemaNode) => node.properties?.[key] !== undefined;
  const overridden = new Set(nodes.filter(declares).flatMap((node) => unconditionalBases(root, node)));
  return nodes
    .filter((node) => declares(node) && !overridden.has(node))
    .flatMap((node) => node.properties?.[key] ?? []);
}

/** What a node always includes: its `$ref` and its `allOf` parts that are no if/then branch, and theirs. */
function unconditionalBases(root: SchemaNode, node: SchemaNode, seen = new Set<SchemaNode>()): SchemaNode[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const referenced = node.$ref ? resolveRef(root, node.$ref) : undefined;
  const bases = [...(referenced ? [referenced] : []), ...(node.allOf ?? []).filter((part) => part.if === undefined)];
  return bases.flatMap((base) => [base, ...unconditionalBases(root, base, seen)]);
}

/** The values the schema names for what `nodes` describe: its enum, const, booleans, and (unless told not to) usual examples. */
function valuesOffered(nodes: readonly SchemaNode[], { withExamples = true } = {}): string[] {
  const values = nodes.flatMap((node) => [
    ...(node.enum ?? []),
    ...(node.const !== undefined ? [node.const] : []),
    ...(node.type === 'boolean' ? [true, false] : []),
    ...(withExamples ? usualValues(node.examples) : []),
  ]);
  return [...new Set(values.map(String))];
}

/**
 * Several one-word examples name a key's usual values (`environment`: prod, preprod, dev, uat);
 * a single example or a sentence (`s3://…`, `SELECT …`) is a placeholder to copy, not a value to pick.
 */
function usualValues(examples: readonly unknown[] | undefined): string[] {
  const words = (examples ?? []).filter((example): example is string => typeof example === 'string');
  return words.length >= 2 && words.every((word) => /^[\w.-]+$/.test(word)) ? words : [];
}

/** The schema's documentation of `key` in the mapping at `path` (with its other `written` keys), for hovers. */
export function describeKey(
  path: readonly string[],
  key: string,
  apiVersion = LATEST_API_VERSION,
  written?: WrittenKeys,
): string | undefined {
  return suggestKeys(path, apiVersion, written).find((suggestion) => suggestion.key === key)?.description;
}

export interface OptionSuggestion extends KeySuggestion {
  /** The JSON type its value takes (`integer`, `number`, `string`, `boolean`, `array`). */
  valueType: string;
  /** The values the schema names for it with this logical type (a string's `format`: email, uuid…; an integer's: i32, i64…). */
  values: string[];
}

/** The `logicalTypeOptions` the schema allows for a logical type (`maxLength` for strings, `minimum` for numbers, ...). */
export function logicalTypeOptionsFor(logicalType: string, apiVersion = LATEST_API_VERSION): OptionSuggestion[] {
  const root = jsonSchemaForApiVersion(apiVersion) as SchemaNode;
  const property = nodesAt(apiVersion, ['schema', '[]', 'properties', '[]']);
  const branches = property.flatMap((node) => (node as SchemaNode & { allOf?: ConditionalNode[] }).allOf ?? []);
  const options = new Map<string, OptionSuggestion>();
  for (const branch of branches as ConditionalNode[]) {
    if (!conditionNames(branch.if).includes(logicalType)) continue;
    const optionsNode = alternatives(root, branch.then?.properties?.logicalTypeOptions);
    for (const node of optionsNode) {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (options.has(key)) continue;
        const childNodes = alternatives(root, child);
        const type = childNodes.map((candidate) => candidate.type).find((candidate) => candidate !== undefined);
        options.set(key, {
          key,
          ...(child.description !== undefined && { description: child.description }),
          isDeprecated: false,
          opensBlock: false,
          valueType: Array.isArray(type) ? String(type[0]) : String(type ?? 'string'),
          values: valuesOffered(childNodes),
        });
      }
    }
  }
  return [...options.values()];
}

/** The logical types whose `logicalTypeOptions` the schema lets take `option` (`minimum`: date, …, integer). */
export function logicalTypesTaking(option: string, apiVersion = LATEST_API_VERSION): LogicalType[] {
  return LogicalTypeSchema.options.filter((logicalType) =>
    logicalTypeOptionsFor(logicalType, apiVersion).some(({ key }) => key === option),
  );
}

interface LogicalTypeCondition {
  properties?: { logicalType?: { const?: string } };
  anyOf?: LogicalTypeCondition[];
}

interface ConditionalNode {
  if?: LogicalTypeCondition;
  then?: { properties?: { logicalTypeOptions?: SchemaNode } };
}

/** The logical types an `if` names, directly or through `anyOf`. */
function conditionNames(condition: LogicalTypeCondition | undefined): string[] {
  if (!condition) return [];
  const own = condition.properties?.logicalType?.const;
  return [...(own === undefined ? [] : [own]), ...(condition.anyOf ?? []).flatMap(conditionNames)];
}
