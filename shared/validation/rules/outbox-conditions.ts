import { outboxConditionProblem } from '../../simulation/outbox-condition';
import { systemPlace } from '../places';
import type { Rule } from '../rule';

export const outboxConditionsRule: Rule = {
  id: 'outbox-conditions',
  title: "Each outbox event's condition tests the changed row",
  rationale:
    "An event's condition (`when`) is one SQL expression over the changed row, `new.column` after the change and `old.column` before it: one that names a column the table lacks, reads a table, or is not one expression publishes nothing in a simulation, which says so with this same message. This is the engine's own check, run before it.",
  defaultSeverity: 'error',
  reads: ['systems'],
  check({ graph, mesh }) {
    return mesh.systems.flatMap((system) =>
      system.publishes.flatMap((event, eventIndex) => {
        const table = system.database.tables.find((candidate) => candidate.name === event.table);
        const problem = event.when !== undefined && table && outboxConditionProblem(event.when, table);
        if (!problem) return [];
        const { element, path } = systemPlace(graph, system);
        return [
          {
            element,
            path: `${path}.publishes[${eventIndex}].when`,
            message: problem,
            fixHint:
              "Write the condition as one test of the row, e.g. new.status = 'finished' AND (old.status IS NULL OR old.status <> 'finished'); remove it to publish on every change the event is for.",
          },
        ];
      }),
    );
  },
};
