import { jsonSchemaForApiVersion, LATEST_API_VERSION } from './odcs-versions';

/** The parts of a JSON Schema node the guide reads. */
interface SchemaNode {
  $ref?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  then?: SchemaNode;
  deprecated?: boolean;
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

/** A node and every subschema that may apply to the same value (refs, allOf, oneOf, anyOf, if/then). */
function alternatives(root: SchemaNode, node: SchemaNode | undefined, seen = new Set<SchemaNode>()): SchemaNode[] {
  if (!node || seen.has(node)) return [];
  seen.add(node);
  const referenced = node.$ref ? alternatives(root, resolveRef(root, node.$ref), seen) : [];
  const branches = [
    ...(node.allOf ?? []),
    ...(node.oneOf ?? []),
    ...(node.anyOf ?? []),
    ...(node.then ? [node.then] : []),
  ];
  return [node, ...referenced, ...branches.flatMap((branch) => alternatives(root, branch, seen))];
}

/** The schema nodes that may describe the value at `path` (`[]` for an array item). */
function nodesAt(apiVersion: string, path: readonly string[]): SchemaNode[] {
  const root = jsonSchemaForApiVersion(apiVersion) as SchemaNode;
  let nodes = alternatives(root, root);
  for (const segment of path) {
    nodes = nodes.flatMap((node) => alternatives(root, segment === '[]' ? node.items : node.properties?.[segment]));
  }
  return nodes;
}

function opensBlock(nodes: SchemaNode[]): boolean {
  return nodes.some((node) => {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    return types.includes('object') || types.includes('array') || node.properties !== undefined;
  });
}

/** Keys the ODCS schema allows in the mapping at `path`, with their documentation. */
export function suggestKeys(path: readonly string[], apiVersion = LATEST_API_VERSION): KeySuggestion[] {
  const root = jsonSchemaForApiVersion(apiVersion) as SchemaNode;
  const suggestions = new Map<string, KeySuggestion>();
  for (const node of nodesAt(apiVersion, path)) {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (suggestions.has(key)) continue;
      const childNodes = alternatives(root, child);
      const description = childNodes.find((candidate) => candidate.description)?.description;
      suggestions.set(key, {
        key,
        ...(description !== undefined && { description }),
        isDeprecated: childNodes.some((candidate) => candidate.deprecated),
        opensBlock: opensBlock(childNodes),
      });
    }
  }
  return [...suggestions.values()];
}

/** Values the schema allows for `key` in the mapping at `path`: its enum, const or boolean. */
export function suggestValues(path: readonly string[], key: string, apiVersion = LATEST_API_VERSION): string[] {
  const nodes = nodesAt(apiVersion, [...path, key]);
  const values = nodes.flatMap((node) => [
    ...(node.enum ?? []),
    ...(node.const !== undefined ? [node.const] : []),
    ...(node.type === 'boolean' ? [true, false] : []),
  ]);
  return [...new Set(values.map(String))];
}

/** The schema's documentation of `key` in the mapping at `path`, for hovers. */
export function describeKey(path: readonly string[], key: string, apiVersion = LATEST_API_VERSION): string | undefined {
  return suggestKeys(path, apiVersion).find((suggestion) => suggestion.key === key)?.description;
}

export interface OptionSuggestion extends KeySuggestion {
  /** The JSON type its value takes (`integer`, `number`, `string`, `boolean`, `array`). */
  valueType: string;
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
        });
      }
    }
  }
  return [...options.values()];
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
