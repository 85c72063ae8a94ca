import { quoted } from '../../model';
import type { Mesh } from '../../model/mesh';
import type { SystemTable } from '../../model/operational-system';
import type { Scenario } from '../../model/scenario';
import { columnGenerators } from '../../simulation/column-generators';
import { distinctKeyCount } from '../../simulation/finite-values';
import { countThrough } from '../../simulation/rate-counts';
import type { RuleFinding } from '../finding';
import type { Rule } from '../rule';

export const scenarioKeyRoomRule: Rule = {
  id: 'scenario-key-room',
  title: 'A scenario asks for no more rows than its key generators have keys',
  rationale:
    'A table whose key columns draw from few values (oneOf, a small integer range) has as many keys as the product of their counts; initial rows, insert steps and insert rates past that find no unused key (a key is never reused, even once its row is gone), and the run reports each such row as failed.',
  defaultSeverity: 'warning',
  reads: ['scenarios', 'systems', 'contracts'],
  check({ mesh }) {
    return mesh.scenarios.flatMap((scenario, scenarioIndex) => [
      ...scenario.data.flatMap((entry, index): RuleFinding[] => {
        const room = keyRoom(mesh, scenario, entry.systemId, entry.table);
        if (!room) return [];
        const { table, keys } = room;
        const rows = entry.initialRows + insertStepTicks(scenario, entry.systemId, entry.table).length;
        if (rows <= keys) return [];
        return [
          {
            element: { kind: 'scenario', scenarioId: scenario.id },
            path: `scenarios[${scenarioIndex}].data[${index}].initialRows`,
            message: `scenario ${quoted(scenario.name)}: ${rows} rows of '${table.name}' (initial rows and insert steps) but its generators can give (${keyColumns(table)}) only ${keys} distinct keys`,
            fixHint:
              "Add values to the key columns' generators, or ask for fewer rows; as it is, the rows past the last unused key fail in the run.",
          },
        ];
      }),
      ...scenario.rates.flatMap((rate, index): RuleFinding[] => {
        const room = rate.insertsPerTick > 0 ? keyRoom(mesh, scenario, rate.systemId, rate.table) : undefined;
        if (!room) return [];
        const { table, keys } = room;
        const initialRows = scenario.data
          .filter((entry) => entry.systemId === rate.systemId && entry.table === rate.table)
          .reduce((sum, entry) => sum + entry.initialRows, 0);
        const stepTicks = insertStepTicks(scenario, rate.systemId, rate.table);
        const rowsThrough = (tick: number) =>
          initialRows +
          stepTicks.filter((stepTick) => stepTick <= tick).length +
          countThrough(rate.insertsPerTick, tick);
        const pace = `at ${rate.insertsPerTick} inserts a tick`;
        const message =
          rowsThrough(0) >= keys
            ? `${pace}, every insert into '${table.name}' fails: its ${keys} keys (${keyColumns(table)}) are all used by initial rows, and a key is never reused`
            : `${pace}, the ${keys} keys of '${table.name}' (${keyColumns(table)}; ${initialRows} used by initial rows) run out at tick ${firstTickPast(keys, rowsThrough, rate.insertsPerTick)}, where an insert finds no unused key`;
        return [
          {
            element: { kind: 'scenario', scenarioId: scenario.id },
            path: `scenarios[${scenarioIndex}].rates[${index}].insertsPerTick`,
            message: `scenario ${quoted(scenario.name)}: ${message}`,
            fixHint:
              "Add values to the key columns' generators, or lower the insert rate; a key whose row was deleted or renamed is not used again.",
          },
        ];
      }),
    ]);
  },
};

/** The table's count of distinct keys, where its key generators give finitely many. */
function keyRoom(
  mesh: Mesh,
  scenario: Scenario,
  systemId: string,
  tableName: string,
): { table: SystemTable; keys: number } | undefined {
  const system = mesh.systems.find((candidate) => candidate.id === systemId);
  const table = system?.database.tables.find((candidate) => candidate.name === tableName);
  if (!system || !table) return undefined;
  const keys = distinctKeyCount(table, columnGenerators(mesh, scenario, system, table));
  return keys === undefined ? undefined : { table, keys };
}

function insertStepTicks(scenario: Scenario, systemId: string, table: string): number[] {
  return scenario.steps
    .filter((step) => step.op === 'insert' && step.systemId === systemId && step.table === table)
    .map((step) => step.tick);
}

function keyColumns(table: SystemTable): string {
  return table.primaryKey.join(', ');
}

/** The first tick whose rows number more than `keys`: a binary search, as a slow rate may take millions of ticks. */
function firstTickPast(keys: number, rowsThrough: (tick: number) => number, insertsPerTick: number): number {
  let low = 1;
  let high = Math.ceil((keys + 1) / insertsPerTick) + 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (rowsThrough(middle) > keys) high = middle;
    else low = middle + 1;
  }
  return low;
}
