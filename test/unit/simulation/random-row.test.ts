import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/simulation/seeded-random';
import { randomRowDraws, randomRowSql } from '../../../shared/simulation/workload';
import { loadSqlJs } from './builders';

async function ordersWithGaps() {
  const database = new (await loadSqlJs()).Database();
  database.exec(`ATTACH ':memory:' AS node;
CREATE TABLE node.orders (order_id INTEGER, customer_id INTEGER, PRIMARY KEY (order_id));
WITH RECURSIVE ids(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM ids WHERE id < 1000)
INSERT INTO node.orders SELECT id, id % 7 FROM ids;
DELETE FROM node.orders WHERE order_id BETWEEN 400 AND 599`);
  return database;
}

describe('sampling a random row of a service table', () => {
  it('looks random rowids up in the table, one by one, the random points outermost', async () => {
    const database = await ordersWithGaps();
    const [plan] = database.exec(`EXPLAIN QUERY PLAN ${randomRowSql('orders', 'customer_id')}`);
    const details = (plan?.values ?? []).map((row) => String(row[3]));

    expect(details.slice(0, 8)).toEqual([
      'SEARCH node.orders USING INTEGER PRIMARY KEY (rowid=?)',
      'SCALAR SUBQUERY 5',
      'SCAN 12-ROW VALUES CLAUSE',
      'SEARCH row USING INTEGER PRIMARY KEY (rowid=?)',
      // Each point's rowid from the smallest and the largest rowid, both seeks, not scans.
      'CORRELATED SCALAR SUBQUERY 4',
      'SEARCH node.orders',
      'SCALAR SUBQUERY 3',
      'SEARCH node.orders',
    ]);
    database.close();
  });

  const missing = 0.45; // order 451, deleted
  it.each([
    ['the first random point that is a row', [missing, 0.65, ...Array(10).fill(0.7), 0.3], 651],
    ['a row counted through the rowid order where no point is one', [...Array(12).fill(missing), 0.5], 601],
  ])('takes %s', async (_, draws, orderId) => {
    const database = await ordersWithGaps();
    const [result] = database.exec(randomRowSql('orders', 'order_id'), draws);

    expect(result?.values).toEqual([[orderId]]);
    database.close();
  });

  it('picks every row about as often, even after a big gap in the keys', async () => {
    const database = new (await loadSqlJs()).Database();
    database.exec(`ATTACH ':memory:' AS node;
CREATE TABLE node.drivers (driver_id INTEGER PRIMARY KEY);
WITH RECURSIVE ids(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM ids WHERE id < 50)
INSERT INTO node.drivers SELECT id FROM ids;
INSERT INTO node.drivers VALUES (9003)`);
    const pick = database.prepare(randomRowSql('drivers', 'driver_id'));
    const random = seededRandom(1, 'drivers');
    const picks = new Map<number, number>();
    for (let draw = 0; draw < 2000; draw++) {
      const [driverId] = pick.get(randomRowDraws(random)) as number[];
      picks.set(driverId as number, (picks.get(driverId as number) ?? 0) + 1);
    }

    expect(picks.size).toBe(51);
    expect(Math.max(...picks.values()) / 2000).toBeLessThan(0.04);
    database.close();
  });

  it('picks nothing in an empty table', async () => {
    const database = await ordersWithGaps();
    database.exec('DELETE FROM node.orders');

    expect(database.exec(randomRowSql('orders', 'order_id'), randomRowDraws(seededRandom(1, 'orders')))).toEqual([]);
    database.close();
  });
});
