import { describe, expect, it } from 'vitest';
import { randomRowSql } from '../../../shared/simulation/workload';
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
  it('reads the row it picks in the same descent of the table that finds it', async () => {
    const database = await ordersWithGaps();
    const [plan] = database.exec(`EXPLAIN QUERY PLAN ${randomRowSql('orders', 'customer_id')}`);
    const searches = (plan?.values ?? []).map((row) => String(row[3])).filter((detail) => detail.startsWith('SEARCH'));

    // One search by a range of rowids, and the smallest (twice) and the largest: no second lookup by rowid.
    expect(searches).toEqual([
      'SEARCH node.orders USING INTEGER PRIMARY KEY (rowid>?)',
      'SEARCH node.orders',
      'SEARCH node.orders',
      'SEARCH node.orders',
    ]);
    database.close();
  });

  it.each([
    [0, 1],
    [0.5, 600],
    [0.4, 600],
    [0.999, 1000],
  ])('picks the first row at or after the point a fraction %d of the way', async (fraction, orderId) => {
    const database = await ordersWithGaps();
    const [result] = database.exec(randomRowSql('orders', 'order_id'), [fraction]);

    expect(result?.values).toEqual([[orderId]]);
    database.close();
  });
});
