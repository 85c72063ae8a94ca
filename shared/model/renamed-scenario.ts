import type { Mesh } from './mesh';

/**
 * The id `id`'s scenario has in `after`, where an edit changed only its id (an Apply of a new
 * `id`, or the undo or redo of one): the scenario at its place in the list has an id `before`
 * did not have. None where the scenario was removed, or is still there.
 */
export function renamedScenarioId(before: Mesh, after: Mesh, id: string): string | undefined {
  if (after.scenarios.some((scenario) => scenario.id === id)) return undefined;
  const place = before.scenarios.findIndex((scenario) => scenario.id === id);
  if (place === -1 || after.scenarios.length !== before.scenarios.length) return undefined;
  const inItsPlace = after.scenarios[place];
  if (!inItsPlace || before.scenarios.some((scenario) => scenario.id === inItsPlace.id)) return undefined;
  return inItsPlace.id;
}

/** `mesh` with its scenario `id` under the id `renamedTo`, as the scenario now is in the design. */
export function withScenarioRenamed(mesh: Mesh, id: string, renamedTo: string): Mesh {
  return {
    ...mesh,
    scenarios: mesh.scenarios.map((scenario) => (scenario.id === id ? { ...scenario, id: renamedTo } : scenario)),
  };
}
