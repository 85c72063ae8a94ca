import { describe, expect, it } from 'vitest';
import { checkSchemaValidParts } from '../../../shared/simulation/scenario-valid-parts';
import { airlineDesign, airlineScenario, dataOf } from './airline-design';
import { ecommerceSample } from './builders';

const mesh = ecommerceSample();
const workshop = mesh.scenarios[0];
if (!workshop) throw new Error('the sample has a scenario');

describe('the reference checks of a scenario the schema refuses in part', () => {
  it('checks the entries the schema takes, each problem at the place of its entry in the design', () => {
    const scenario = {
      ...workshop,
      faults: [
        { kind: 'redeliver', tick: 3, systemId: 'orders-service', topicId: '', records: 2 },
        { kind: 'redeliver', tick: 3, systemId: 'orders-service', topicId: 'orders.public.ordrs', records: 2 },
      ],
    };
    expect(checkSchemaValidParts(mesh, scenario, 'scenarios[0]').map((problem) => problem.path)).toEqual([
      'scenarios[0].faults[1].topicId',
    ]);
  });

  it('checks nothing when the scenario’s own fields are refused', () => {
    const scenario = { ...workshop, seed: 'forty-two', steps: [{ ...workshop.steps[0], table: 'orderz' }] };
    expect(checkSchemaValidParts(mesh, scenario, '')).toEqual([]);
    expect(checkSchemaValidParts(mesh, 'not a scenario', '')).toEqual([]);
  });
});

describe('a reference to a table whose inserts the schema refuses', () => {
  /** The airline scenario where only `insert` (an entry the schema may refuse) gives members rows, and transactions reference them. */
  function membersFilledOnlyBy(insert: { rate?: Record<string, unknown>; step?: Record<string, unknown> }) {
    const mesh = airlineDesign();
    const scenario: Record<string, unknown> = airlineScenario(mesh, (changed) => {
      dataOf(changed, 'members').initialRows = 0;
      dataOf(changed, 'point_transactions').generators.member_id = {
        kind: 'reference',
        table: 'members',
        column: 'member_id',
      };
    });
    const rates = (scenario.rates as Record<string, unknown>[]).filter((rate) => rate.table !== 'members');
    const systemId = (scenario.data as { table: string; systemId: string }[]).find(
      (entry) => entry.table === 'members',
    )?.systemId;
    return {
      mesh,
      scenario: {
        ...scenario,
        rates: insert.rate ? [...rates, { systemId, table: 'members', ...insert.rate }] : rates,
        steps: insert.step ? [{ systemId, table: 'members', ...insert.step }] : [],
      },
    };
  }
  const rate = { updatesPerTick: 0, deletesPerTick: 0, updateColumns: [] };
  const hasNoRows = (problems: { message: string }[]) => problems.filter(({ message }) => /has no rows/.test(message));

  it.each([
    ['a negative insertsPerTick', { rate: { ...rate, insertsPerTick: -1 } }],
    ['a non-numeric insertsPerTick', { rate: { ...rate, insertsPerTick: 'lots' } }],
    ['an insert step at a negative tick', { step: { op: 'insert', tick: -1, values: {} } }],
  ])('does not say the table has no rows while %s is refused: fixed, it gives rows', (_, insert) => {
    const { mesh, scenario } = membersFilledOnlyBy(insert);
    expect(hasNoRows(checkSchemaValidParts(mesh, scenario, 'scenario'))).toEqual([]);
  });

  it('still says so when the refused entry inserts nothing as written', () => {
    const { mesh, scenario } = membersFilledOnlyBy({ rate: { ...rate, insertsPerTick: 0, updatesPerTick: -1 } });
    expect(hasNoRows(checkSchemaValidParts(mesh, scenario, 'scenario'))).toHaveLength(1);
  });

  it('still says so when the refused entry fills another table', () => {
    const { mesh, scenario } = membersFilledOnlyBy({});
    const refusedElsewhere = {
      ...scenario,
      rates: [...scenario.rates, { ...(scenario.rates[0] ?? {}), insertsPerTick: -1 }],
    };
    expect(hasNoRows(checkSchemaValidParts(mesh, refusedElsewhere, 'scenario'))).toHaveLength(1);
  });
});
