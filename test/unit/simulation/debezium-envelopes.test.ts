import { describe, expect, it } from 'vitest';
import { kafkaPartition } from '../../../shared/simulation/kafka-partitioner';
import {
  aScenario,
  aShopMesh,
  DEBEZIUM_SOURCE_FIELDS,
  debeziumTimes,
  POSTGRES_SEQUENCE,
  PREDICTABLE_ITEMS,
  shopSourceStart,
  simulate,
  tickMillis,
} from './builders';

const at = tickMillis;
/** The snapshot is transaction 1; each tick's service work after it one more (tick 0's is 2). */
const source = (tick: number, snapshot = 'false') => ({
  ...shopSourceStart('postgresql', at(tick), snapshot, POSTGRES_SEQUENCE),
  schema: 'public',
  table: 'items',
  txId: snapshot === 'false' ? tick + 2 : 1,
  lsn: expect.any(Number),
  xmin: null,
});
const lamp = { id: 1, name: 'lamp', price: 9.5, status: 'new' };
const chair = { id: 2, name: 'chair', price: 25, status: 'new' };

async function shopTopicAfter(scenario: ReturnType<typeof aScenario>, ticks: number, tombstones = true) {
  const simulation = await simulate(aShopMesh({ tombstones }).build(), scenario.build(), { recentMessages: 20 });
  return { simulation, messages: () => simulation.step(ticks).logs['shop/items-cdc']?.recent ?? [] };
}

describe('change events on a CDC topic', () => {
  it('turns rows present when CDC starts into snapshot records, then inserts, updates and deletes into Debezium envelopes', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'chair', price: 25, status: 'new' } })
      .at(2, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 2 } })
      .at(3, 'shop', 'items', 'delete', { where: { id: 2 } });
    const { messages } = await shopTopicAfter(scenario, 3);

    expect(messages()).toEqual([
      {
        partition: 0,
        offset: 0,
        timestamp: at(0),
        key: { id: 1 },
        value: {
          before: null,
          after: lamp,
          source: source(0, 'last'),
          op: 'r',
          ...debeziumTimes(at(0)),
          transaction: null,
        },
      },
      {
        partition: 0,
        offset: 1,
        timestamp: at(1),
        key: { id: 2 },
        value: {
          before: null,
          after: chair,
          source: source(1),
          op: 'c',
          ...debeziumTimes(at(1)),
          transaction: null,
        },
      },
      {
        partition: 0,
        offset: 2,
        timestamp: at(2),
        key: { id: 2 },
        value: {
          before: chair,
          after: { ...chair, price: 20 },
          source: source(2),
          op: 'u',
          ...debeziumTimes(at(2)),
          transaction: null,
        },
      },
      {
        partition: 0,
        offset: 3,
        timestamp: at(3),
        key: { id: 2 },
        value: {
          before: { ...chair, price: 20 },
          after: null,
          source: source(3),
          op: 'd',
          ...debeziumTimes(at(3)),
          transaction: null,
        },
      },
      { partition: 0, offset: 4, timestamp: at(3), key: { id: 2 }, value: null },
    ]);
  });

  it('writes the envelope fields in Debezium order', async () => {
    const { messages } = await shopTopicAfter(aScenario().withData('shop', 'items', 1, PREDICTABLE_ITEMS), 0);
    const snapshot = messages()[0]?.value as { source: object };
    expect(Object.keys(snapshot)).toEqual([
      'before',
      'after',
      'source',
      'op',
      'ts_ms',
      'ts_us',
      'ts_ns',
      'transaction',
    ]);
    expect(Object.keys(snapshot.source)).toEqual([...DEBEZIUM_SOURCE_FIELDS, 'schema', 'table', 'txId', 'lsn', 'xmin']);
  });

  it.each([
    ['PostgreSQL', 'shop.sales.items', { connector: 'postgresql', schema: 'sales' }],
    ['postgres', 'items-changes', { connector: 'postgresql', schema: 'public' }],
    ['MySQL', 'shop.shop-db.items', { connector: 'mysql' }],
    ['mssql', 'shop.shop-db.dbo.items', { connector: 'sqlserver', schema: 'dbo' }],
    ['cassandra', 'shop.public.items', { connector: 'sqlite' }],
  ])(
    "names the connector Debezium has for the engine '%s', and the table's schema where its source block has one (topic %s)",
    async (engine, topicName, expected) => {
      const mesh = aShopMesh().build();
      const [shop] = mesh.systems;
      if (shop) {
        shop.database.engine = engine;
        for (const topic of shop.messaging.topics) topic.name = topicName;
      }
      const simulation = await simulate(mesh, aScenario().withData('shop', 'items', 1, PREDICTABLE_ITEMS).build(), {
        recentMessages: 1,
      });

      const [snapshot] = simulation.step(0).logs['shop/items-cdc']?.recent ?? [];

      const source = (snapshot?.value as { source?: { connector: string; schema?: string } } | undefined)?.source;
      expect({ connector: source?.connector, ...(source?.schema !== undefined && { schema: source.schema }) }).toEqual(
        expected,
      );
    },
  );

  it.each([
    ['PostgreSQL', ['r', 'u', 'u']],
    ['MySQL', ['r', 'u']],
    ['MariaDB', ['r', 'u']],
    ['MongoDB', ['r', 'u']],
  ])(
    'on %s, publishes an update that sets a row to what it was only if the database logs it: %j',
    async (engine, ops) => {
      const mesh = aShopMesh().build();
      const [shop] = mesh.systems;
      if (shop) shop.database.engine = engine;
      const scenario = aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
        .at(2, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
        .build();
      const simulation = await simulate(mesh, scenario, { recentMessages: 5 });

      const recent = simulation.step(2).logs['shop/items-cdc']?.recent ?? [];

      expect(recent.map((message) => (message.value as { op: string }).op)).toEqual(ops);
    },
  );

  it('sends no tombstone after a delete when the topic does not want them', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'delete', { where: { id: 1 } });
    const { messages } = await shopTopicAfter(scenario, 1, false);
    expect(messages().map((message) => (message.value as { op: string } | null)?.op ?? 'tombstone')).toEqual([
      'r',
      'd',
    ]);
  });

  it('sees INSERT OR REPLACE as the delete and the insert SQLite performs', async () => {
    const { simulation, messages } = await shopTopicAfter(
      aScenario().withData('shop', 'items', 1, PREDICTABLE_ITEMS),
      0,
      false,
    );
    messages();
    expect(simulation.execute('shop', "INSERT OR REPLACE INTO items VALUES (1, 'lamp', 12, 'listed')")).toEqual({
      ok: true,
      value: { changes: 1 },
    });

    const [, replaced, inserted] = simulation.step(1).logs['shop/items-cdc']?.recent ?? [];

    expect(replaced?.value).toMatchObject({ op: 'd', before: lamp, after: null });
    expect(inserted?.value).toMatchObject({ op: 'c', before: null, after: { ...lamp, price: 12, status: 'listed' } });
  });

  it('sees an UPSERT that hits an existing key as an update', async () => {
    const { simulation, messages } = await shopTopicAfter(
      aScenario().withData('shop', 'items', 1, PREDICTABLE_ITEMS),
      0,
    );
    messages();
    simulation.execute(
      'shop',
      "INSERT INTO items VALUES (1, 'lamp', 14, 'listed') ON CONFLICT (id) DO UPDATE SET price = excluded.price",
    );

    const recent = simulation.step(1).logs['shop/items-cdc']?.recent ?? [];

    expect(recent).toHaveLength(2);
    expect(recent[1]?.value).toMatchObject({ op: 'u', before: lamp, after: { ...lamp, price: 14 } });
  });

  it('places every key on the partition Kafka would and numbers offsets per partition', async () => {
    const simulation = await simulate(
      aShopMesh({ partitions: 3 }).build(),
      aScenario().withData('shop', 'items', 6, PREDICTABLE_ITEMS).build(),
      { recentMessages: 6 },
    );
    const messages = simulation.metrics().logs['shop/items-cdc']?.recent ?? [];
    const seenPerPartition = [0, 0, 0];

    for (const message of messages) {
      const partition = kafkaPartition(JSON.stringify(message.key), 3);
      expect(message.partition).toBe(partition);
      expect(message.offset).toBe(seenPerPartition[partition]);
      seenPerPartition[partition] = (seenPerPartition[partition] ?? 0) + 1;
    }
    expect(seenPerPartition.filter((count) => count > 0).length).toBeGreaterThan(1);
  });
});
