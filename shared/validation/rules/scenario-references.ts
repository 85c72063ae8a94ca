import { namedProblem } from '../../model';
import { checkScenario } from '../../simulation/scenario-check';
import type { RuleFinding } from '../finding';
import type { Rule } from '../rule';

export const scenarioReferencesRule: Rule = {
  id: 'scenario-references',
  title: 'Scenarios name what the design has',
  rationale:
    "A scenario names systems, tables, columns, topics and products of the design; one it names that the design lacks (renamed or deleted since), or cannot use as written, stops the simulation before it starts. These are the engine's own checks, run before it.",
  defaultSeverity: 'error',
  reads: ['scenarios', 'systems', 'products', 'contracts', 'links'],
  check({ mesh }) {
    return mesh.scenarios.flatMap((scenario, index) =>
      checkScenario(mesh, scenario, `scenarios[${index}]`).map(
        (problem): RuleFinding => ({
          element: { kind: 'scenario', scenarioId: scenario.id },
          path: problem.path,
          // Said of the scenario, or of its step, which the path alone names by index.
          message: `${namedProblem(mesh, problem).path}: ${problem.message}`,
          fixHint:
            'Name what the design has in the scenario (Simulate › Scenario), or put back what it names; as it is, the simulation refuses to start.',
        }),
      ),
    );
  },
};
