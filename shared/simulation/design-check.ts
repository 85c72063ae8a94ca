import type { Mesh } from '../model/mesh';
import type { Problem } from '../model/problem';
import { checkScenario } from './scenario-check';
import { selectShape } from './select-check';

/**
 * What stops a simulation of the design that can be told without running one: scenarios naming
 * what the mesh lacks (a run refuses to start) and transformations that are not one query (a
 * step that fails every tick). Tables and columns a query names are SQLite's to check, in a run.
 */
export function designSimulationProblems(mesh: Mesh): Problem[] {
  return [
    ...mesh.scenarios.flatMap((scenario, index) => checkScenario(mesh, scenario, `scenarios[${index}]`)),
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
