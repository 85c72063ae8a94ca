import { leftOutTableProblem } from '../../simulation/log-plan';
import { systemPlace } from '../places';
import type { Rule } from '../rule';

export const sourceTablesRule: Rule = {
  id: 'source-tables',
  title: "The simulation can hold every system's tables",
  rationale:
    "A system's table named as SQLite names its own, or with a column SQL cannot hold (two names that differ only in case, a name the engine keeps beside every record, SQLite's name for a row's id), is left out of a simulation, and every product that reads it stays empty.",
  defaultSeverity: 'error',
  reads: ['systems'],
  check({ graph, mesh }) {
    return mesh.systems.flatMap((system) =>
      system.database.tables.flatMap((table, tableIndex) => {
        const problem = leftOutTableProblem(table);
        if (!problem) return [];
        const { element, path } = systemPlace(graph, system);
        return [
          {
            element,
            path: `${path}.database.tables[${tableIndex}]`,
            message: problem,
            fixHint: 'Rename the table or the column: the exports and the simulation keep the names as drawn.',
          },
        ];
      }),
    );
  },
};
