import type { Mesh } from '../model/mesh';
import type { Problem } from '../model/problem';
import { planPipeline } from './pipeline-plan';
import { checkScenario } from './scenario-check';
import { selectShape } from './select-check';

/**
 * What stops a simulation of the design that can be told without running one: scenarios naming
 * what the mesh lacks (a run refuses to start), output ports the pipeline's plan refuses (an entity
 * updated in place under an event contract) and transformations that are not one query (a step that fails every tick). Tables
 * and columns a query names are SQLite's to check, in a run.
 */
export function designSimulationProblems(mesh: Mesh): Problem[] {
  return [
    ...mesh.scenarios.flatMap((scenario, index) => checkScenario(mesh, scenario, `scenarios[${index}]`)),
    ...planPipeline(mesh).products.flatMap((product) => product.portRefusals),
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
