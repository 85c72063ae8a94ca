import { describe, expect, it } from 'vitest';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, simulate } from './builders';

const shop = () => simulate(aShopMesh().build(), aScenario().withData('shop', 'items', 3, PREDICTABLE_ITEMS).build());

describe('queries against a node', () => {
  it('answers a SELECT on a product with columns and rows', async () => {
    const simulation = await shop();
    expect(
      simulation.query('catalog', '-- the cheap ones\nSELECT id, price FROM items WHERE id < 3 ORDER BY id'),
    ).toEqual({
      ok: true,
      value: {
        columns: ['id', 'price'],
        rows: [
          [1, 9.5],
          [2, 9.5],
        ],
        isTruncated: false,
      },
    });
  });

  it.each([
    ['DELETE FROM items', 'only a read-only query (SELECT, WITH, VALUES or EXPLAIN) may run here'],
    ['PRAGMA query_only = OFF', 'only a read-only query (SELECT, WITH, VALUES or EXPLAIN) may run here'],
    ["ATTACH ':memory:' AS elsewhere", 'only a read-only query (SELECT, WITH, VALUES or EXPLAIN) may run here'],
    [
      'WITH doomed AS (SELECT id FROM items) DELETE FROM items WHERE id IN doomed',
      'attempt to write a readonly database',
    ],
    ['SELECT 1; DELETE FROM items', 'expected one SQL statement, found more'],
    ['SELECT * FROM nowhere', 'no such table: nowhere'],
  ])('refuses %j and changes nothing', async (sql, message) => {
    const simulation = await shop();
    expect(simulation.query('shop', sql)).toEqual({ ok: false, errors: [{ path: 'query', message }] });
    expect(simulation.query('shop', 'SELECT count(*) FROM items')).toMatchObject({ value: { rows: [[3]] } });
  });

  it('still lets the simulation write after a refused query', async () => {
    const simulation = await shop();
    simulation.query('shop', 'DELETE FROM items');
    expect(simulation.execute('shop', 'DELETE FROM items WHERE id = 1')).toEqual({ ok: true, value: { changes: 1 } });
    expect(simulation.step(1).ports['catalog/items-out']?.published).toBe(4);
  });

  it('cuts long results at the row limit and says so', async () => {
    const simulation = await simulate(
      aShopMesh().build(),
      aScenario().withData('shop', 'items', 3, PREDICTABLE_ITEMS).build(),
      { maxQueryRows: 2 },
    );
    expect(simulation.query('shop', 'SELECT id FROM items')).toMatchObject({
      value: { rows: [[1], [2]], isTruncated: true },
    });
  });

  it('names the node it does not know', async () => {
    const simulation = await shop();
    expect(simulation.query('nowhere', 'SELECT 1')).toEqual({
      ok: false,
      errors: [{ path: 'nodeId', message: "no system or product 'nowhere'" }],
    });
  });
});
