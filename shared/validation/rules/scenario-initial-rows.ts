import { quoted } from '../../model';
import type { RuleFinding } from '../finding';
import type { Rule } from '../rule';

/** Above this, a table's initial rows take the run close to a minute and past a gigabyte and a half. */
export const MOST_INITIAL_ROWS = 1_000_000;

// Measured with `simulate --ticks 1` on a table of 300,000 initial rows: 15.8 s, 555 MiB peak RSS.
const ROWS_PER_SECOND = 19_000;
const BYTES_PER_ROW = 1_850;

export const scenarioInitialRowsRule: Rule = {
  id: 'scenario-initial-rows',
  title: 'A scenario gives a table no more initial rows than a run can load',
  rationale: `A run loads every initial row before its first tick and keeps it in memory, at about ${ROWS_PER_SECOND.toLocaleString('en')} rows a second and ${BYTES_PER_ROW.toLocaleString('en')} bytes a row: past ${MOST_INITIAL_ROWS.toLocaleString('en')} rows it takes minutes to start and more memory than a laptop spares, and a mistyped count (10^12) never starts.`,
  defaultSeverity: 'warning',
  reads: ['scenarios'],
  check({ mesh }) {
    return mesh.scenarios.flatMap((scenario, scenarioIndex) =>
      scenario.data.flatMap(({ table, initialRows }, index): RuleFinding[] =>
        initialRows > MOST_INITIAL_ROWS
          ? [
              {
                element: { kind: 'scenario', scenarioId: scenario.id },
                path: `scenarios[${scenarioIndex}].data[${index}].initialRows`,
                message: `scenario ${quoted(scenario.name)}: ${initialRows.toLocaleString('en')} initial rows of '${table}': a run would load them for about ${loadTime(initialRows)} and need about ${about((initialRows * BYTES_PER_ROW) / 1e9)} GB of memory`,
                fixHint: `Give the table at most ${MOST_INITIAL_ROWS.toLocaleString('en')} initial rows; a few thousand show the flow as well.`,
              },
            ]
          : [],
      ),
    );
  },
};

/** How long a run takes to load `rows` initial rows, in words (`about 14.6 hours`). */
export function loadTime(rows: number): string {
  const seconds = rows / ROWS_PER_SECOND;
  if (seconds < 120) return `${about(seconds)} seconds`;
  if (seconds < 7200) return `${about(seconds / 60)} minutes`;
  return `${about(seconds / 3600)} hours`;
}

function about(amount: number): string {
  return amount.toLocaleString('en', { maximumSignificantDigits: 3 });
}
