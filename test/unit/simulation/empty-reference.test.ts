import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../shared/simulation/scenario-check';
import { airlineDesign, airlineScenario, dataOf } from './airline-design';
import { simulate } from './builders';

describe('a reference to a table that has no rows', () => {
  it('is reported at the reference when the table never gets any', () => {
    const mesh = airlineDesign();
    const scenario = airlineScenario(mesh, (changed) => {
      dataOf(changed, 'members').initialRows = 0;
      changed.rates = changed.rates.filter((rate) => rate.table !== 'members');
      dataOf(changed, 'point_transactions').generators.member_id = {
        kind: 'reference',
        table: 'members',
        column: 'member_id',
      };
    });
    const at = scenario.data.indexOf(dataOf(scenario, 'point_transactions'));

    expect(checkScenario(mesh, scenario, 'scenario')).toEqual([
      {
        path: `scenario.data[${at}].generators.member_id.table`,
        message:
          'references members.member_id, which has no rows: members has no initialRows, and no rate or step inserts any',
      },
    ]);
  });

  it('says so in those words at run time when the table gets its rows only later', async () => {
    const mesh = airlineDesign();
    const scenario = airlineScenario(mesh, (changed) => {
      dataOf(changed, 'members').initialRows = 0;
      dataOf(changed, 'point_transactions').generators.member_id = {
        kind: 'reference',
        table: 'members',
        column: 'member_id',
      };
    });
    expect(checkScenario(mesh, scenario, 'scenario')).toEqual([]);

    const simulation = await simulate(mesh, scenario);
    const metrics = simulation.step(1);
    const messages = metrics.errors.map((error) => error.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^member_id references members\.member_id, which has no rows yet/),
    );
    expect(messages.join('\n')).not.toMatch(/NOT NULL constraint/);
    simulation.dispose();
  });
});
