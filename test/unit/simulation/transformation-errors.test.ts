import { describe, expect, it } from 'vitest';
import { aContract, aProduct, aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

function reportMesh(
  steps: [string, string][],
  contract = aContract('report', 'entity', 'item_names').withKey('id', 'integer').withProperty('name', 'string'),
) {
  const report = aProduct('report', 'consumer-aligned').withInput('items-in').withOutput('report-out', 'report');
  for (const [name, sql] of steps) report.withTransformation(name, sql);
  return aShopMesh().with(report, contract).withLink('catalog/items-out', 'report/items-in').build();
}

const scenario = aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).build();

describe('a transformation that fails', () => {
  it('reports the product, the step and SQLite’s message every tick when its SQL does not compile, and the rest runs on', async () => {
    const simulation = await simulate(reportMesh([['item_names', 'SELECT id, name FROM itemz']]), scenario);
    const metrics = simulation.step(2);

    expect(metrics.errors).toEqual([
      {
        path: 'products[1].transformations[0]',
        nodeId: 'report',
        step: 'item_names',
        message: "transformation 'item_names' failed: no such table: itemz",
        firstTick: 0,
        lastTick: 2,
        count: 3,
      },
    ]);
    expect(metrics.tick).toBe(2);
    expect(metrics.ports['catalog/items-out']?.published).toBe(2);
    expect(rowsOf(simulation, 'report', 'SELECT count(*) AS n FROM items')).toEqual([{ n: 2 }]);
  });

  it('reports a failure at run time every tick it happens, rolls that step back and runs the next steps', async () => {
    const simulation = await simulate(
      reportMesh([
        ['parsed', "SELECT id, json_extract(name, '$.label') AS label FROM items"],
        ['item_names', 'SELECT id, name FROM items'],
      ]),
      scenario,
    );
    const metrics = simulation.step(3);

    expect(metrics.errors).toEqual([
      {
        path: 'products[1].transformations[0]',
        nodeId: 'report',
        step: 'parsed',
        message: "transformation 'parsed' failed: malformed JSON",
        firstTick: 0,
        lastTick: 3,
        count: 4,
      },
    ]);
    expect(metrics.ports['report/report-out']).toEqual({ published: 2, quarantined: 0, violations: [] });
    expect(rowsOf(simulation, 'report', 'SELECT count(*) AS n FROM parsed')).toEqual([{ n: 0 }]);
  });

  it('names the contract columns a published result lacks, which SQLite would fill with their own names as text', async () => {
    const simulation = await simulate(reportMesh([['item_names', 'SELECT id FROM items']]), scenario);
    const metrics = simulation.step(1);

    expect(metrics.errors.map((error) => error.message)).toEqual([
      "transformation 'item_names' failed: its result has no column name, which its contract declares: add it to the SELECT (NULL AS name where it has no value yet)",
    ]);
    expect(metrics.ports['report/report-out']?.published).toBe(0);
    expect(rowsOf(simulation, 'report', 'SELECT count(*) AS n FROM item_names')).toEqual([{ n: 0 }]);
  });

  it('asks a published result lacking a required or key column for a computed value, a NULL being quarantined', async () => {
    const contract = aContract('report', 'entity', 'item_names')
      .withKey('id', 'integer')
      .withProperty('name', 'string', { required: true })
      .withProperty('note', 'string');
    const lacksRequired = await simulate(reportMesh([['item_names', 'SELECT id FROM items']], contract), scenario);
    const lacksAll = await simulate(reportMesh([['item_names', 'SELECT price FROM items']], contract), scenario);

    expect(lacksRequired.step(0).errors.map((error) => error.message)).toEqual([
      "transformation 'item_names' failed: its result has no columns name, note, which its contract declares: add them to the SELECT (a computed value for name, which the contract requires: a NULL gets every record quarantined; NULL AS note where it has no value yet)",
    ]);
    expect(lacksAll.step(0).errors.map((error) => error.message)).toEqual([
      "transformation 'item_names' failed: its result has no columns id, name, note, which its contract declares: add them to the SELECT (computed values for id, name, which the contract requires: a NULL gets every record quarantined; NULL AS note where it has no value yet)",
    ]);
  });

  it('refuses a misspelt column in double quotes, which SQLite would publish as its name in text', async () => {
    const simulation = await simulate(reportMesh([['item_names', 'SELECT id, "nmae" AS name FROM items']]), scenario);
    const metrics = simulation.step(1);

    expect(metrics.errors.map((error) => error.message)).toEqual([
      `transformation 'item_names' failed: no such column: "nmae" (SQLite would read it as the text 'nmae'; write text in single quotes)`,
    ]);
    expect(metrics.ports['report/report-out']?.published).toBe(0);
  });

  it('says why an integer key refuses a fraction, which SQLite calls only a datatype mismatch', async () => {
    const simulation = await simulate(reportMesh([['item_names', 'SELECT id + 0.5 AS id, name FROM items']]), scenario);
    const metrics = simulation.step(1);

    expect(metrics.errors.map((error) => error.message)).toEqual([
      "transformation 'item_names' failed: datatype mismatch: the key id is an integer, and a row of the result has one that is not (CAST it AS INTEGER, or give the key another type in the contract)",
    ]);
  });

  it('refuses a step that hides a second statement', async () => {
    const simulation = await simulate(
      reportMesh([['item_names', 'SELECT id, name FROM items); DELETE FROM items; SELECT (1']]),
      scenario,
    );
    const [error] = simulation.metrics().errors;

    expect(error?.message).toBe(
      "transformation 'item_names' failed: must be exactly one SELECT; this holds more than one statement",
    );
    expect(rowsOf(simulation, 'report', 'SELECT count(*) AS n FROM items')).toEqual([{ n: 2 }]);
  });
});
