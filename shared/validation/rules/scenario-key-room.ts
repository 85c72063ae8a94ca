import { quoted } from '../../model';
import { columnGenerators } from '../../simulation/column-generators';
import { distinctKeyCount } from '../../simulation/finite-values';
import type { RuleFinding } from '../finding';
import type { Rule } from '../rule';

export const scenarioKeyRoomRule: Rule = {
  id: 'scenario-key-room',
  title: 'A scenario asks for no more rows than its key generators have keys',
  rationale:
    'A table whose key columns draw from few values (oneOf, a small integer range) has as many keys as the product of their counts; initial rows and insert steps past that find no unused key, and the run reports each such row as failed.',
  defaultSeverity: 'warning',
  reads: ['scenarios', 'systems', 'contracts'],
  check({ mesh }) {
    return mesh.scenarios.flatMap((scenario, scenarioIndex) =>
      scenario.data.flatMap((entry, index): RuleFinding[] => {
        const system = mesh.systems.find((candidate) => candidate.id === entry.systemId);
        const table = system?.database.tables.find((candidate) => candidate.name === entry.table);
        if (!system || !table) return [];
        const keys = distinctKeyCount(table, columnGenerators(mesh, scenario, system, table));
        const insertSteps = scenario.steps.filter(
          (step) => step.op === 'insert' && step.systemId === entry.systemId && step.table === entry.table,
        ).length;
        const rows = entry.initialRows + insertSteps;
        if (keys === undefined || rows <= keys) return [];
        return [
          {
            element: { kind: 'scenario', scenarioId: scenario.id },
            path: `scenarios[${scenarioIndex}].data[${index}].initialRows`,
            message: `scenario ${quoted(scenario.name)}: ${rows} rows of '${table.name}' (initial rows and insert steps) but its generators can give (${table.primaryKey.join(', ')}) only ${keys} distinct keys`,
            fixHint:
              "Add values to the key columns' generators, or ask for fewer rows; as it is, the rows past the last unused key fail in the run.",
          },
        ];
      }),
    );
  },
};
