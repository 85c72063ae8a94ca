import { quoted } from './isolated-names';
import type { Mesh } from './mesh';
import type { Problem } from './problem';
import type { Fault, ScriptStep } from './scenario';
import { scenarioFaultName } from './scenario-fault-name';
import { scriptStepName } from './script-step-name';

/** What the elements found along a problem's path are called: `products[7]` is `product 'Orders'` to the user. */
const ELEMENT_KINDS: Readonly<Record<string, string>> = {
  domains: 'domain',
  products: 'product',
  systems: 'system',
  notes: 'note',
  contracts: 'contract',
  links: 'link',
  inputPorts: 'input port',
  outputPorts: 'output port',
  transformations: 'transformation',
  publishes: 'event',
  topics: 'topic',
  tables: 'table',
  scenarios: 'scenario',
};
/** Elements with no name or id of their own, called by what they are. */
const NAMELESS_ELEMENTS: Readonly<Record<string, (element: never, mesh: Mesh) => string>> = {
  steps: (step: ScriptStep) => scriptStepName(step),
  faults: (fault: Fault, mesh: Mesh) => scenarioFaultName(mesh, fault),
};
const PATH_SEGMENT = /([A-Za-z_$][\w$]*)(?:\[(\d+)\])?/g;

/**
 * A problem located by the names (or ids) of the elements along its path, as the canvas calls them
 * (`product 'Orders', output port 'out'`): its indices are in a document the user never reads.
 * A path through no named element is kept as it is.
 */
export function namedProblem(mesh: Mesh, problem: Problem): Problem {
  const names: string[] = [];
  let value: unknown = mesh;
  for (const [, key, index] of problem.path.matchAll(PATH_SEGMENT)) {
    value = (value as Record<string, unknown> | undefined)?.[key as string];
    if (index === undefined) continue;
    const element = (value as Array<{ name?: unknown; id?: unknown }> | undefined)?.[Number(index)];
    value = element;
    const nameless = NAMELESS_ELEMENTS[key as string];
    if (nameless && element) {
      names.push(nameless(element as never, mesh));
      continue;
    }
    const called = typeof element?.name === 'string' ? element.name : element?.id;
    const kind = ELEMENT_KINDS[key as string];
    if (kind && typeof called === 'string') names.push(`${kind} ${quoted(called)}`);
  }
  return names.length > 0 ? { ...problem, path: names.join(', ') } : problem;
}
