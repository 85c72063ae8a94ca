import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/simulation/seeded-random';
import type { SqlConnection } from '../../../shared/simulation/sql-workspace';
import { prepareOnRandomRow, randomRowDraws, randomRowSql } from '../../../shared/simulation/workload';
import { testWorkspace } from './builders';

/** Orders 1 to 1,000 without 400 to 599: a draw there is no row. */
async function ordersWithGaps(): Promise<SqlConnection> {
  const connection = (await testWorkspace())().connect();
  connection.exec(`CREATE TABLE node.orders (order_id INTEGER, customer_id INTEGER, PRIMARY KEY (order_id));
WITH RECURSIVE ids(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM ids WHERE id < 1000)
INSERT INTO node.orders SELECT id, id % 7 FROM ids;
DELETE FROM node.orders WHERE order_id BETWEEN 400 AND 599`);
  return connection;
}

const missing = 0.45; // order 451, deleted

describe('a statement on a random row of a service table', () => {
  it('reads the row the whole pick takes, whether the first draw is a row or not', async () => {
    const connection = await ordersWithGaps();
    const read = prepareOnRandomRow(
      connection,
      'orders',
      (rowid) => `SELECT order_id FROM node.orders WHERE rowid = ${rowid}`,
    );
    const wholePick = connection.prepare(randomRowSql('orders', 'order_id'));
    const random = seededRandom(7, 'orders');
    const picks = Array.from({ length: 300 }, () => randomRowDraws(random));
    picks.push([missing, 0.65, ...Array(10).fill(0.7), 0.3]);

    expect(picks.map((draws) => read.all(draws))).toEqual(picks.map((draws) => wholePick.all(draws)));
  });

  it.each([
    ['the first draw when it is a row', [0.3, 0.65, ...Array(10).fill(0.7), 0.3], 301],
    ['the next draw that is a row when the first is none', [missing, 0.65, ...Array(10).fill(0.7), 0.3], 651],
    ['a row counted through the rowid order where no draw is one', [...Array(12).fill(missing), 0.5], 601],
  ])('changes %s, binding its own parameters before the draws', async (_, draws, orderId) => {
    const connection = await ordersWithGaps();
    const update = prepareOnRandomRow(
      connection,
      'orders',
      (rowid) => `UPDATE node.orders SET customer_id = ? WHERE rowid = ${rowid}`,
    );

    expect(update.run(draws, [-1])).toBe(1);
    expect(connection.prepare('SELECT order_id FROM node.orders WHERE customer_id = -1').all()).toEqual([[orderId]]);
  });

  it('changes nothing in an empty table', async () => {
    const connection = await ordersWithGaps();
    connection.exec('DELETE FROM node.orders');
    const remove = prepareOnRandomRow(
      connection,
      'orders',
      (rowid) => `DELETE FROM node.orders WHERE rowid = ${rowid}`,
    );

    expect(remove.run(randomRowDraws(seededRandom(1, 'orders')))).toBe(0);
  });
});
