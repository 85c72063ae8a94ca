import odcsJsonSchema from './odcs-schema-v3.1.0.json';

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

const ROOT = odcsJsonSchema as SchemaNode;

function resolveRef(ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = ROOT;
  for (const segment of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[segment];
  return node as SchemaNode | undefined;
}

/** A node and every subschema that may apply to the same value (refs, allOf, oneOf, anyOf, if/then). */
function alternatives(node: SchemaNode | undefined, seen = new Set<SchemaNode>()): SchemaNode[] {
  if (!node || seen.has(node)) return [];
  seen.add(node);
  const referenced = node.$ref ? alternatives(resolveRef(node.$ref), seen) : [];
  const branches = [
    ...(node.allOf ?? []),
    ...(node.oneOf ?? []),
    ...(node.anyOf ?? []),
    ...(node.then ? [node.then] : []),
  ];
  return [node, ...referenced, ...branches.flatMap((branch) => alternatives(branch, seen))];
}

/** The schema nodes that may describe the value at `path` (`[]` for an array item). */
function nodesAt(path: readonly string[]): SchemaNode[] {
  let nodes = alternatives(ROOT);
  for (const segment of path) {
    nodes = nodes.flatMap((node) => alternatives(segment === '[]' ? node.items : node.properties?.[segment]));
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
export function suggestKeys(path: readonly string[]): KeySuggestion[] {
  const suggestions = new Map<string, KeySuggestion>();
  for (const node of nodesAt(path)) {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (suggestions.has(key)) continue;
      const childNodes = alternatives(child);
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
export function suggestValues(path: readonly string[], key: string): string[] {
  const nodes = nodesAt([...path, key]);
  const values = nodes.flatMap((node) => [
    ...(node.enum ?? []),
    ...(node.const !== undefined ? [node.const] : []),
    ...(node.type === 'boolean' ? [true, false] : []),
  ]);
  return [...new Set(values.map(String))];
}

/** The schema's documentation of `key` in the mapping at `path`, for hovers. */
export function describeKey(path: readonly string[], key: string): string | undefined {
  return suggestKeys(path).find((suggestion) => suggestion.key === key)?.description;
}
