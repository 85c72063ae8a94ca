import { describe, expect, it } from 'vitest';
import { stepRefusals } from '../../../shared/simulation';
import { aContract, aProduct, aScenario, aShopMesh, PREDICTABLE_ITEMS, simulate, testWorkspace } from './builders';

function reportMesh(steps: [string, string][]) {
  const contract = aContract('report', 'entity', 'item_names').withKey('id', 'integer').withProperty('name', 'string');
  const report = aProduct('report', 'consumer-aligned').withInput('items-in').withOutput('report-out', 'report');
  for (const [name, sql] of steps) report.withTransformation(name, sql);
  return aShopMesh().with(report, contract).withLink('catalog/items-out', 'report/items-in').build();
}

const ILIKE_HINT =
  'SQLite has no ILIKE: its LIKE already ignores case for ASCII letters (a LIKE b), or write lower(a) LIKE lower(b)';

describe('the steps SQLite refuses before a run', () => {
  it('names each step a run would skip, with SQLite’s message and the SQLite way to write it, without a scenario and without running anything', async () => {
    const mesh = reportMesh([
      ['lowered', "SELECT id, name FROM items WHERE name ILIKE 'a%'"],
      ['item_names', "SELECT id, date_trunc('day', name) AS name FROM items"],
    ]);

    expect(stepRefusals(mesh, await testWorkspace())).toEqual([
      {
        path: 'products[1].transformations[0]',
        step: 'lowered',
        message: 'near "ILIKE": syntax error',
        hint: ILIKE_HINT,
      },
      {
        path: 'products[1].transformations[1]',
        step: 'item_names',
        message: 'no such function: date_trunc',
        hint: "SQLite has no date_trunc: write date(x) for date_trunc('day', x)",
      },
    ]);
  });

  it('tells the same way to write it in the run’s error, from its first tick', async () => {
    const mesh = reportMesh([['item_names', "SELECT id, name FROM items WHERE name ILIKE 'a%'"]]);
    const scenario = aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).build();
    const simulation = await simulate(mesh, scenario);
    expect(simulation.step(1).errors.map((error) => error.message)).toEqual([
      `transformation 'item_names' failed: near "ILIKE": syntax error (${ILIKE_HINT})`,
    ]);
  });

  it('refuses nothing a run prepares, the engine’s own functions (now, random) included', async () => {
    const mesh = reportMesh([['item_names', "SELECT id, name || datetime('now') || random() AS name FROM items"]]);
    expect(stepRefusals(mesh, await testWorkspace())).toEqual([]);
  });
});
