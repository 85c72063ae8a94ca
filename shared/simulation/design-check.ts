import type { Mesh } from '../model/mesh';
import type { Problem } from '../model/problem';
import { planPipeline } from './pipeline-plan';
import { checkScenario } from './scenario-check';
import { selectShape } from './select-check';
import { tablesWithoutData } from './tables-without-data';

/**
 * What stops a simulation of the design that can be told without running one: scenarios naming
 * what the mesh lacks (a run refuses to start), tables a scenario never fills (they stay empty)
 * and transformations that are not one query (a step that fails every tick). Tables and columns a query names are SQLite's to check, in a run.
 */
export function designSimulationProblems(mesh: Mesh): Problem[] {
  const leftOut = planPipeline(mesh).problems;
  return [
    ...mesh.scenarios.flatMap((scenario, index) => checkScenario(mesh, scenario, `scenarios[${index}]`)),
    ...mesh.scenarios.flatMap((scenario) =>
      tablesWithoutData(mesh, scenario, leftOut).map((problem) => ({
        ...problem,
        message: `scenario '${scenario.name}': ${problem.message}`,
      })),
    ),
    ...mesh.products.flatMap((product, productIndex) =>
      product.transformations.flatMap((transformation, index) => {
        const shape = selectShape(transformation.sql);
        return shape.ok
          ? []
          : [{ path: `products[${productIndex}].transformations[${index}]`, message: shape.message }];
      }),
    ),
  ];
}
