import { describe, expect, it } from 'vitest';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

/**
 * Snapshot one item (transaction 1), insert one at tick 1 (transaction 3, its change at log position
 * 5 after its BEGIN at 4), update it at tick 2 (transaction 4, position 7, BEGIN at 6).
 */
async function rawTransactionIds(engine: string, transactionMetadata = true) {
  const mesh = aShopMesh().build();
  const [shop] = mesh.systems;
  if (shop) shop.database = { ...shop.database, engine };
  const scenario = aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'chair', price: 25, status: 'new' } })
    .at(2, 'shop', 'items', 'update', { values: { status: 'listed' }, where: { id: 2 } })
    .build();
  scenario.connector = { transactionMetadata };
  const simulation = await simulate(mesh, scenario, { recentMessages: 10 });
  const sent = (simulation.step(2).logs['shop/items-cdc']?.recent ?? []).map(
    (message) => (message.value as { transaction: { id: string } | null }).transaction?.id ?? null,
  );
  const raw = rowsOf(simulation, 'catalog', 'SELECT _tx FROM raw_items_in ORDER BY _position').map((row) => row._tx);
  return { raw, sent };
}

describe("the raw zone's _tx column", () => {
  it.each([
    ['PostgreSQL', [null, '3:5', '4:7']],
    ['MySQL', [null, 'file=mysql-bin.000001,pos=4', 'file=mysql-bin.000001,pos=6']],
    ['MariaDB', [null, '0-1-3', '0-1-4']],
  ])("holds the transaction.id a %s record's envelope sent, null for the snapshot's", async (engine, expected) => {
    const { raw, sent } = await rawTransactionIds(engine);

    expect(raw).toEqual(expected);
    expect(raw).toEqual(sent);
  });

  it('is null where the connector sends no transaction metadata', async () => {
    const { raw } = await rawTransactionIds('MySQL', false);

    expect(raw).toEqual([null, null, null]);
  });
});

describe("the raw zone's _tx_number column", () => {
  /** One insert a tick for 11 ticks: transactions 3 to 13 after the snapshot's 1, past the ninth. */
  async function elevenTicksOfInserts(engine = 'postgres') {
    const mesh = aShopMesh().build();
    const [shop] = mesh.systems;
    if (shop) shop.database = { ...shop.database, engine };
    const scenario = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .withRate('shop', 'items', { inserts: 1 })
      .build();
    scenario.connector = { transactionMetadata: true };
    const simulation = await simulate(mesh, scenario, { recentMessages: 20 });
    return { simulation, metrics: simulation.step(11) };
  }

  it('holds the transaction number as an integer, so changes sort and compare by their transaction', async () => {
    const { simulation } = await elevenTicksOfInserts();
    const numbers = (sql: string) => rowsOf(simulation, 'catalog', sql).map((row) => row._tx_number);

    expect(numbers('SELECT _tx_number FROM raw_items_in ORDER BY _tx_number')).toEqual([
      1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    expect(numbers('SELECT _tx_number FROM raw_items_in WHERE _tx_number > 9')).toEqual([10, 11, 12, 13]);
    expect(numbers('SELECT _tx_number FROM broker."shop/items-cdc" WHERE _tx_number > 12')).toEqual([13]);
  });

  it("leaves the simulator's own connector's transaction.id text, as Debezium's ids are", async () => {
    const { metrics } = await elevenTicksOfInserts('sqlite');
    const ids = (metrics.logs['shop/items-cdc']?.recent ?? []).map(
      (message) => (message.value as { transaction: { id: unknown } | null }).transaction?.id,
    );

    expect(ids.at(-1)).toBe('13');
  });
});
