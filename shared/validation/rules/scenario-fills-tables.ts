import { quoted } from '../../model';
import type { Problem } from '../../model/problem';
import { planPipeline } from '../../simulation/pipeline-plan';
import { emptyTables } from '../../simulation/tables-without-data';
import type { RuleFinding } from '../finding';
import type { Rule } from '../rule';

export const scenarioFillsTablesRule: Rule = {
  id: 'scenario-fills-tables',
  title: "A scenario fills every system's tables",
  rationale:
    'A table no scenario entry fills (no initial rows, no rate, no insert step), such as one drawn after the scenario was written, stays empty in a simulation, and so does every product that reads it.',
  defaultSeverity: 'error',
  // The plan's problems name the tables a run leaves out, which are reported as left out only.
  reads: ['scenarios', 'systems', 'products', 'contracts', 'links'],
  check({ mesh }) {
    let leftOut: Problem[] | undefined;
    return mesh.scenarios.flatMap((scenario) => {
      // Planning the pipeline costs more than the check: only a table that looks empty needs it.
      if (emptyTables(mesh, scenario).length === 0) return [];
      leftOut ??= planPipeline(mesh).problems;
      return emptyTables(mesh, scenario, leftOut).map(
        ({ systemId, problem }): RuleFinding => ({
          element: { kind: 'system', systemId },
          path: problem.path,
          message: `scenario ${quoted(scenario.name)}: ${problem.message}`,
          fixHint:
            'Give the table initial rows, a rate or an insert step in the scenario (Simulate › Scenario), or remove the table if nothing writes it; as it is, every product that reads it stays empty.',
        }),
      );
    });
  },
};
