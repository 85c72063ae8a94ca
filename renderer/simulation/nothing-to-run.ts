import type { Mesh } from '../../shared/model';

export const NO_SCENARIO = 'This design has no scenario to simulate: add one in the Scenario tab.';

/** Why Run, Step and Reset have nothing to do in this design, or undefined when they have. */
export function whyNothingToRun(mesh: Mesh | null): string | undefined {
  return mesh && mesh.scenarios.length > 0 ? undefined : NO_SCENARIO;
}
