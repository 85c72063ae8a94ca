import { describe, expect, it } from 'vitest';
import { type SqlConnection, type SqlValue, sqlJsWorkspace } from '../../../shared/simulation';
import type { Dataset } from '../../../shared/simulation/dataset';
import { datasetTableSql, upsertRowsSql } from '../../../shared/simulation/dataset-table';
import { changeCaptureSql } from '../../../shared/simulation/output-port';
import { seededRandom } from '../../../shared/simulation/seeded-random';
import { aScenario, aShopMesh, loadSqlJs, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

const pairs: Dataset = {
  name: 'pairs',
  kind: 'entity',
  key: ['code', 'region'],
  keepsHistory: false,
  columns: [
    { name: 'code', type: 'TEXT' },
    { name: 'region', type: 'TEXT' },
    { name: 'price', type: 'REAL' },
    { name: 'status', type: 'TEXT' },
  ],
};

/** The entity's tables and change capture, and `source`: batches of upserts to apply. */
async function entityDatabase(dataset: Dataset): Promise<SqlConnection> {
  const connection = sqlJsWorkspace(await loadSqlJs(), 0)().connect();
  const columns = dataset.columns.map((column) => `"${column.name}" ${column.type}`).join(', ');
  connection.exec(
    [
      ...datasetTableSql(dataset),
      ...changeCaptureSql(dataset),
      `CREATE TABLE node.source (batch INTEGER, ${columns})`,
    ].join(';\n'),
  );
  return connection;
}

function tableOf(connection: SqlConnection, sql: string): Record<string, SqlValue>[] {
  const statement = connection.prepare(sql);
  try {
    const columns = statement.columnNames();
    return statement
      .all()
      .map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index] ?? null])));
  } finally {
    statement.release();
  }
}

describe('a batch of upserts to an entity without history, in one statement', () => {
  it('leaves the entity and its published changes as replaying the batch one change at a time does', async () => {
    const random = seededRandom(14, 'upserts');
    const names = pairs.columns.map((column) => `"${column.name}"`).join(', ');
    const atOnce = await entityDatabase(pairs);
    const oneByOne = await entityDatabase(pairs);
    const upsert = atOnce.prepare(
      upsertRowsSql(pairs, `SELECT ${names} FROM node.source WHERE batch = ? ORDER BY rowid`),
    );
    const replay = oneByOne.prepare(
      `INSERT INTO node._apply_pairs (_op, _timestamp, ${names}) SELECT 'u', 0, ${names} FROM node.source WHERE batch = ? ORDER BY rowid`,
    );
    for (let batch = 0; batch < 30; batch++) {
      // Few keys and values: a batch changes a key several times, and some changes change nothing.
      const changes = Array.from({ length: random.integer(1, 20) }, () => [
        batch,
        random.pick(['a', 'b', null]),
        random.pick(['eu', 'us']),
        random.pick([1, 2, null]),
        random.pick(['new', 'sold']),
      ]);
      for (const connection of [atOnce, oneByOne]) {
        const insert = connection.prepare('INSERT INTO node.source VALUES (?, ?, ?, ?, ?)');
        for (const change of changes) insert.run(change);
        insert.release();
      }
      upsert.run([batch]);
      replay.run([batch]);

      for (const table of ['SELECT rowid, * FROM node.pairs', 'SELECT * FROM node._pending_pairs ORDER BY _seq']) {
        expect(tableOf(atOnce, table)).toEqual(tableOf(oneByOne, table));
      }
    }
    expect(tableOf(atOnce, 'SELECT count(*) AS published FROM node._pending_pairs')).not.toEqual([{ published: 0 }]);
  });
});

describe('a CDC consumer cleaning into an entity without history', () => {
  const scenario = aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'chair', price: 25, status: 'new' } })
    .at(1, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 2 } })
    .at(1, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 2 } })
    .at(1, 'shop', 'items', 'update', { values: { status: 'listed' }, where: { id: 1 } })
    .at(2, 'shop', 'items', 'update', { values: { price: 21 }, where: { id: 2 } })
    .at(2, 'shop', 'items', 'delete', { where: { id: 1 } })
    .at(2, 'shop', 'items', 'insert', { values: { id: 1, name: 'sofa', price: 99, status: 'new' } })
    .build();

  it('applies a tick of upserts in order, publishing each real change once', async () => {
    const simulation = await simulate(aShopMesh().build(), scenario, { recentMessages: 10 });
    const metrics = simulation.step(1);

    expect(rowsOf(simulation, 'catalog', 'SELECT * FROM items ORDER BY id')).toEqual([
      { id: 1, name: 'lamp', price: 9.5, status: 'listed' },
      { id: 2, name: 'chair', price: 20, status: 'new' },
    ]);
    expect(metrics.logs['catalog/items-out']?.recent.map((message) => [message.key, message.value])).toEqual([
      [{ id: 1 }, { id: 1, name: 'lamp', price: 9.5, status: 'new' }],
      [{ id: 2 }, { id: 2, name: 'chair', price: 25, status: 'new' }],
      [{ id: 2 }, { id: 2, name: 'chair', price: 20, status: 'new' }],
      [{ id: 1 }, { id: 1, name: 'lamp', price: 9.5, status: 'listed' }],
    ]);
  });

  it('keeps a delete in its place among the upserts of a tick', async () => {
    const simulation = await simulate(aShopMesh().build(), scenario, { recentMessages: 10 });
    const metrics = simulation.step(2);

    expect(rowsOf(simulation, 'catalog', 'SELECT * FROM items ORDER BY id')).toEqual([
      { id: 1, name: 'sofa', price: 99, status: 'new' },
      { id: 2, name: 'chair', price: 21, status: 'new' },
    ]);
    expect(metrics.logs['catalog/items-out']?.recent.slice(4).map((message) => [message.key, message.value])).toEqual([
      [{ id: 2 }, { id: 2, name: 'chair', price: 21, status: 'new' }],
      [{ id: 1 }, null],
      [{ id: 1 }, { id: 1, name: 'sofa', price: 99, status: 'new' }],
    ]);
  });
});
