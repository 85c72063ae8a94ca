import { quoted } from '../../model';
import type { ChangeRate } from '../../model/scenario';
import type { RuleFinding } from '../finding';
import type { Rule } from '../rule';
import { loadTime, MOST_INITIAL_ROWS } from './scenario-initial-rows';

const CHANGES: ReadonlyArray<[keyof ChangeRate & `${string}PerTick`, string]> = [
  ['insertsPerTick', 'inserts a tick into'],
  ['updatesPerTick', 'updates a tick of'],
  ['deletesPerTick', 'deletes a tick from'],
];

export const scenarioRateSizeRule: Rule = {
  id: 'scenario-rate-size',
  title: 'A scenario changes no table faster than a run can write',
  rationale: `Each change a rate makes is a row written, a change record published and read by every consumer, within its tick: past ${MOST_INITIAL_ROWS.toLocaleString('en')} a tick, one tick takes at least as long as loading as many initial rows (about a minute), and a mistyped count (10^12) never finishes tick 1, with nothing said.`,
  defaultSeverity: 'warning',
  reads: ['scenarios'],
  check({ mesh }) {
    return mesh.scenarios.flatMap((scenario, scenarioIndex) =>
      scenario.rates.flatMap((rate, index): RuleFinding[] =>
        CHANGES.filter(([field]) => rate[field] > MOST_INITIAL_ROWS).map(([field, what]) => ({
          element: { kind: 'scenario', scenarioId: scenario.id },
          path: `scenarios[${scenarioIndex}].rates[${index}].${field}`,
          message: `scenario ${quoted(scenario.name)}: ${rate[field].toLocaleString('en')} ${what} '${rate.table}': each tick would take at least as long as loading as many initial rows, about ${loadTime(rate[field])}`,
          fixHint: `Give the rate at most ${MOST_INITIAL_ROWS.toLocaleString('en')} a tick; a few a tick show the flow as well.`,
        })),
      ),
    );
  },
};
