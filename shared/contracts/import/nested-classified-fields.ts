import type { NestedClassification } from '../column-comment';

/*
 * The fields a column's comment names as classified below it (`wind.speed_ms`, `gusts[].code`,
 * `sizes{value}`), rebuilt as the ODCS properties, items and map parts that hold them, so that
 * an imported column keeps its nested fields' classifications on those fields.
 */

type OdcsNode = Record<string, unknown>;

/** The ODCS `properties`, `items` and `map` of `column` that hold the classified fields; paths naming another column are left out. */
export function nestedClassifiedFields(column: string, classifications: readonly NestedClassification[]): OdcsNode {
  const root: OdcsNode = {};
  for (const { path, classification } of classifications) {
    const steps = path.startsWith(column) ? stepsOf(path.slice(column.length)) : undefined;
    if (!steps || steps.length === 0) continue;
    steps.reduce(stepInto, root).classification = classification;
  }
  return root;
}

const STEP = /\.(?<name>[^.[{]+)|(?<items>\[\])|\{(?<part>key|value)\}/y;

/** `.speed_ms`, `[]`, `{key}`, `{value}` in their order, or none where the path does not read. */
function stepsOf(rest: string): string[] | undefined {
  const steps: string[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < rest.length) {
    const match = STEP.exec(rest);
    if (!match) return undefined;
    steps.push(match[0]);
  }
  return steps;
}

function stepInto(node: OdcsNode, step: string): OdcsNode {
  if (step === '[]') return childOf(node, 'items');
  if (step === '{key}' || step === '{value}') return childOf(childOf(node, 'map'), step.slice(1, -1));
  const name = step.slice(1);
  node.properties ??= [];
  const properties = node.properties as OdcsNode[];
  const found = properties.find((property) => property.name === name);
  if (found) return found;
  const added: OdcsNode = { name };
  properties.push(added);
  return added;
}

function childOf(node: OdcsNode, key: string): OdcsNode {
  node[key] ??= {};
  return node[key] as OdcsNode;
}
