import { describe, expect, it } from 'vitest';
import type { LogMessage } from '../../../shared/simulation';
import {
  aMesh,
  aScenario,
  aShopMesh,
  aSystem,
  debeziumTimes,
  POSTGRES_SEQUENCE,
  PREDICTABLE_ITEMS,
  rowsOf,
  simulate,
  tickMillis,
  aTwoTableStoreMesh as twoTableMesh,
} from './builders';

const at = tickMillis;
type Envelope = { op: string; ts_ms: number; source: Record<string, unknown>; transaction: unknown };
const envelope = (message: LogMessage | undefined) => message?.value as Envelope;

/** One row of `a` before CDC starts; tick 1's work, one transaction: a's insert, b's, a's update. */
const TICK_1_TRANSACTION = {
  ...aScenario()
    .withData('store', 'a', 1)
    .at(1, 'store', 'a', 'insert', { values: { id: 10, label: 'x' } })
    .at(1, 'store', 'b', 'insert', { values: { id: 20, label: 'y' } })
    .at(1, 'store', 'a', 'update', { values: { label: 'z' }, where: { id: 10 } })
    .build(),
  connector: { transactionMetadata: true },
};

/** The two tables' system on another engine, its database `shop`. */
function engineTwoTableMesh(engine: 'mysql' | 'mariadb' | 'sqlserver' | 'oracle' | 'db2') {
  const mesh = twoTableMesh((table) => `store.${table}`);
  const [store] = mesh.systems;
  if (store) store.database = { ...store.database, engine, name: 'shop' };
  return mesh;
}

describe('snapshot records', () => {
  it('mark the first record "first", the last "last" and the others "true"', async () => {
    const simulation = await simulate(
      aShopMesh().build(),
      aScenario().withData('shop', 'items', 3, PREDICTABLE_ITEMS).build(),
      { recentMessages: 3 },
    );
    const recent = simulation.metrics().logs['shop/items-cdc']?.recent ?? [];
    expect(recent.map((message) => envelope(message).source.snapshot)).toEqual(['first', 'true', 'last']);
  });

  it.each([
    ['the last table is empty', 2, 0, ['first', 'last'], []],
    ['the first table is empty', 0, 3, [], ['first', 'true', 'last']],
    ['both tables have rows', 2, 2, ['first', 'last_in_data_collection'], ['first_in_data_collection', 'last']],
    ['the first table has one row', 1, 2, ['first'], ['first_in_data_collection', 'last']],
  ])('mark the snapshot’s first and last records as Debezium does when %s', async (_, rowsOfA, rowsOfB, a, b) => {
    const simulation = await simulate(
      twoTableMesh(),
      aScenario().withData('store', 'a', rowsOfA).withData('store', 'b', rowsOfB).build(),
    );
    const metrics = simulation.metrics();
    const markers = (topic: string) =>
      metrics.logs[`store/${topic}`]?.recent.map((message) => envelope(message).source.snapshot);

    expect([markers('a-cdc'), markers('b-cdc')]).toEqual([a, b]);
    expect(metrics.connectors.store).toEqual({ snapshot: { rows: { a: rowsOfA, b: rowsOfB }, isComplete: true } });
  });
});

describe('envelope fields', () => {
  it('name the connector by its topic prefix', async () => {
    const simulation = await simulate(
      twoTableMesh((table) => `webshop.inventory.${table}`),
      aScenario().withData('store', 'a', 1).build(),
    );
    expect(envelope(simulation.metrics().logs['store/a-cdc']?.recent[0]).source.name).toBe('webshop');
  });

  it('show the connector’s delay between the change and its processing, and reach the topic once processed', async () => {
    const mesh = aShopMesh().build();
    const scenario = {
      ...aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
        .build(),
      connector: { delayMillis: 90_000 },
    };
    const simulation = await simulate(mesh, scenario, { recentMessages: 5 });
    const topic = () => simulation.metrics().logs['shop/items-cdc']?.recent ?? [];

    expect(topic()).toEqual([]);
    expect(simulation.metrics().connectors.shop?.snapshot.isComplete).toBe(false);
    simulation.step(2);
    expect(
      topic().map((message) => [
        envelope(message).op,
        envelope(message).source.ts_ms,
        envelope(message).ts_ms,
        message.timestamp,
      ]),
    ).toEqual([['r', at(0), at(0) + 90_000, at(0) + 90_000]]);
    simulation.step(1);
    expect(
      topic().map((message) => [envelope(message).op, envelope(message).source.ts_ms, envelope(message).ts_ms]),
    ).toEqual([
      ['r', at(0), at(0) + 90_000],
      ['u', at(1), at(1) + 90_000],
    ]);
    expect(simulation.metrics().connectors.shop?.snapshot.isComplete).toBe(true);
  });

  it('name each change’s transaction, its order in it and in its table, when transaction metadata is on', async () => {
    const simulation = await simulate(twoTableMesh(), TICK_1_TRANSACTION);
    const metrics = simulation.step(1);
    const transactions = (topic: string) =>
      metrics.logs[`store/${topic}`]?.recent.map((message) => envelope(message).transaction);

    // Tick 0 is the snapshot (no transaction) and its steps; tick 1's service work is transaction 3.
    // PostgreSQL's id is `<txId>:<LSN>`, the LSN the change's own (5, 6, 7: see the source blocks).
    expect(transactions('a-cdc')).toEqual([
      null,
      { id: '3:5', total_order: 1, data_collection_order: 1 },
      { id: '3:7', total_order: 3, data_collection_order: 2 },
    ]);
    expect(transactions('b-cdc')).toEqual([{ id: '3:6', total_order: 2, data_collection_order: 1 }]);
    const changes = ['a-cdc', 'b-cdc'].flatMap(
      (topic) => metrics.logs[`store/${topic}`]?.recent.slice(topic === 'a-cdc' ? 1 : 0) ?? [],
    );
    expect(changes.map((message) => envelope(message).source)).toEqual([
      expect.objectContaining({ txId: 3, lsn: 5 }),
      expect.objectContaining({ txId: 3, lsn: 7 }),
      expect.objectContaining({ txId: 3, lsn: 6 }),
    ]);
  });

  it('write a BEGIN and an END per transaction to the connector’s transaction topic, counting its events per table', async () => {
    const scenario = {
      ...aScenario()
        .withData('store', 'a', 2)
        .at(1, 'store', 'b', 'insert', { values: { id: 20, label: 'y' } })
        .at(1, 'store', 'a', 'insert', { values: { id: 10, label: 'x' } })
        .at(1, 'store', 'a', 'update', { values: { label: 'z' }, where: { id: 10 } })
        .at(3, 'store', 'a', 'truncate', {})
        .build(),
      connector: { transactionMetadata: true, delayMillis: 250 },
    };
    const simulation = await simulate(twoTableMesh(), scenario, { recentMessages: 10 });
    // The connector processes tick 3's transaction 250 ms later, so it reaches the topic at tick 4.
    const metrics = simulation.step(4);
    // PostgreSQL's id is `<txId>:<LSN>`: a BEGIN's LSN its transaction's first change's, an END's its commit's.
    const boundary = (
      tick: number,
      status: 'BEGIN' | 'END',
      offset: number,
      lsn: number,
      counts?: Record<string, number>,
    ) => ({
      partition: 0,
      offset,
      timestamp: at(tick) + 250,
      key: { id: `${tick + 2}:${lsn}` },
      value: {
        status,
        id: `${tick + 2}:${lsn}`,
        event_count: counts ? Object.values(counts).reduce((sum, count) => sum + count) : null,
        data_collections: counts
          ? Object.entries(counts).map(([table, count]) => ({ data_collection: table, event_count: count }))
          : null,
        ts_ms: at(tick),
      },
    });

    // No transaction for the snapshot, nor for ticks 2 and 4, which changed nothing; tables in the
    // order the transaction first changed them.
    expect(metrics.logs['store/store.transaction']).toEqual({
      name: 'store.transaction',
      records: 4,
      recent: [
        boundary(1, 'BEGIN', 0, 6),
        boundary(1, 'END', 1, 8, { 'public.b': 1, 'public.a': 2 }),
        boundary(3, 'BEGIN', 2, 11),
        boundary(3, 'END', 3, 11, { 'public.a': 1 }),
      ],
    });
    expect(metrics.errors).toEqual([]);
  });

  it('name tables in transaction events by database where the engine has no schemas, and keep a clashing topic’s name', async () => {
    const scenario = {
      ...aScenario()
        .at(1, 'store', 'a', 'insert', { values: { id: 1, label: 'x' } })
        .build(),
      connector: { transactionMetadata: true },
    };
    const simulation = await simulate(engineTwoTableMesh('mysql'), scenario);
    const end = simulation.step(1).logs['store/store.transaction']?.recent.at(-1)?.value;
    expect(end).toMatchObject({ status: 'END', data_collections: [{ data_collection: 'shop.a', event_count: 1 }] });

    const clashing = engineTwoTableMesh('mysql');
    const topic = clashing.systems[0]?.messaging.topics[1];
    if (topic) topic.name = 'store.transaction';
    const metrics = (await simulate(clashing, scenario)).step(1);
    expect(Object.keys(metrics.logs)).toEqual(['store/a-cdc', 'store/b-cdc']);
    expect(metrics.errors).toContainEqual(
      expect.objectContaining({
        path: 'systems[0].messaging.topics[1].name',
        message: "'store.transaction' is the connector's transaction topic, so no transaction events are written",
      }),
    );
  });

  it('give MySQL transactions Debezium’s id without GTIDs: the binlog file and the position the transaction begins at', async () => {
    const metrics = (await simulate(engineTwoTableMesh('mysql'), TICK_1_TRANSACTION, { recentMessages: 10 })).step(1);
    const changes = (topic: string) =>
      (metrics.logs[`store/${topic}`]?.recent ?? []).map(envelope).filter((record) => record.transaction);
    const records = [...changes('a-cdc'), ...changes('b-cdc')];
    // MySqlOffsetContext's `file=%s,pos=%s`, the position its BEGIN is at: 4, just after where the
    // transactions before it left the log, ahead of its own changes (5, 6, 7, as on PostgreSQL above).
    const id = 'file=mysql-bin.000001,pos=4';

    expect(records.map((record) => [record.transaction, record.source.pos, record.source.gtid])).toEqual([
      [expect.objectContaining({ id }), 5, null],
      [expect.objectContaining({ id }), 7, null],
      [expect.objectContaining({ id }), 6, null],
    ]);
    expect(metrics.logs['store/store.transaction']?.recent.map((message) => [message.key, message.value])).toEqual([
      [{ id }, expect.objectContaining({ status: 'BEGIN', id })],
      [{ id }, expect.objectContaining({ status: 'END', id })],
    ]);
  });

  it('give MariaDB transactions Debezium’s id, their GTID: domain 0, server 1, the transaction’s number', async () => {
    const metrics = (await simulate(engineTwoTableMesh('mariadb'), TICK_1_TRANSACTION, { recentMessages: 10 })).step(1);
    const sources = (topic: string) => (metrics.logs[`store/${topic}`]?.recent ?? []).map(envelope);
    const [snapshot, ...changes] = sources('a-cdc');
    const records = [...changes, ...sources('b-cdc')];
    // MariaDbStreamingChangeEventSource's `domain-server-sequence`; tick 1's work is transaction 3, as on PostgreSQL.
    const id = '0-1-3';

    expect([snapshot?.source.gtid, snapshot?.transaction]).toEqual([null, null]);
    expect(records.map((record) => [record.transaction, record.source.gtid])).toEqual([
      [expect.objectContaining({ id }), id],
      [expect.objectContaining({ id }), id],
      [expect.objectContaining({ id }), id],
    ]);
    expect(metrics.logs['store/store.transaction']?.recent.map((message) => [message.key, message.value])).toEqual([
      [{ id }, expect.objectContaining({ status: 'BEGIN', id })],
      [{ id }, expect.objectContaining({ status: 'END', id })],
    ]);
  });

  // Transaction 3 on Oracle: undo segment 4 (0400), slot 3 (0300), sequence 3 (03000000), each little-endian.
  it.each([
    ['sqlserver', 'its commit LSN, the records’ commit_lsn', 'commit_lsn', '00000000:00000007:0000'],
    ['db2', 'its commit LSN, the records’ commit_lsn', 'commit_lsn', '00000000:00000000:0000000000000007'],
    ['oracle', 'its XID in hex as LogMiner gives it, the records’ txId', 'txId', '0400030003000000'],
  ] as const)('give %s transactions Debezium’s id, %s', async (engine, _, sourceField, id) => {
    const metrics = (await simulate(engineTwoTableMesh(engine), TICK_1_TRANSACTION, { recentMessages: 10 })).step(1);
    const records = ['a-cdc', 'b-cdc']
      .flatMap((topic) => (metrics.logs[`store/${topic}`]?.recent ?? []).map(envelope))
      .filter((record) => record.transaction);
    const transactionLog = Object.values(metrics.logs).find((log) => log.name.endsWith('.transaction'));

    expect(records.map((record) => [record.transaction, record.source[sourceField]])).toEqual([
      [expect.objectContaining({ id }), id],
      [expect.objectContaining({ id }), id],
      [expect.objectContaining({ id }), id],
    ]);
    expect(transactionLog?.recent.map((message) => [message.key, message.value])).toEqual([
      [{ id }, expect.objectContaining({ status: 'BEGIN', id })],
      [{ id }, expect.objectContaining({ status: 'END', id })],
    ]);
  });

  it('count the outbox row a transaction writes in its END, as the connector captures the outbox table before routing it', async () => {
    const store = aSystem('store')
      .withTable('a', { id: 'integer', label: 'text' })
      .withCdcTopic('a-cdc', 'a')
      .withOutboxEvent('a-added', { name: 'AAdded', table: 'a' })
      .build();
    const scenario = {
      ...aScenario()
        .at(1, 'store', 'a', 'insert', { values: { id: 10, label: 'x' } })
        .at(1, 'store', 'a', 'update', { values: { label: 'z' }, where: { id: 10 } })
        .build(),
      connector: { transactionMetadata: true },
    };
    const metrics = (await simulate({ ...aMesh().build(), systems: [store] }, scenario)).step(1);
    const end = metrics.logs['store/store.transaction']?.recent.at(-1)?.value;

    expect(end).toMatchObject({
      status: 'END',
      event_count: 3,
      data_collections: [
        { data_collection: 'public.a', event_count: 2 },
        { data_collection: 'public.outbox', event_count: 1 },
      ],
    });
    // The event router sends the event's payload only: no transaction block.
    expect(metrics.logs['store/a-added']?.recent.map((message) => message.value)).toEqual([
      expect.not.objectContaining({ transaction: expect.anything() }),
    ]);
    expect(metrics.errors).toEqual([]);
  });

  it('write no transaction topic when transaction metadata is off', async () => {
    const simulation = await simulate(twoTableMesh(), aScenario().withData('store', 'a', 1).build());
    expect(Object.keys(simulation.step(1).logs)).toEqual(['store/a-cdc', 'store/b-cdc']);
  });

  it('give PostgreSQL records their transaction id and LSN: one LSN for the snapshot, then rising in change order across tables', async () => {
    const scenario = aScenario()
      .withData('store', 'a', 2)
      .withData('store', 'b', 1)
      .at(1, 'store', 'b', 'insert', { values: { id: 20, label: 'y' } })
      .at(1, 'store', 'a', 'insert', { values: { id: 10, label: 'x' } })
      .at(1, 'store', 'a', 'update', { values: { label: 'z' }, where: { id: 10 } })
      .withFault({ kind: 'redeliver', tick: 2, systemId: 'store', topicId: 'a-cdc', records: 1 })
      .build();
    const simulation = await simulate(twoTableMesh(), scenario, { recentMessages: 10 });
    const metrics = simulation.step(2);
    const sourcesOf = (topic: string) =>
      (metrics.logs[`store/${topic}`]?.recent ?? []).map((message) => envelope(message).source);
    const [a1, a2, aInsert, aUpdate, aRedelivered] = sourcesOf('a-cdc');
    const [b1, bInsert] = sourcesOf('b-cdc');

    expect([a1, a2, b1].map((source) => [source?.snapshot, source?.txId, source?.xmin])).toEqual([
      ['first', 1, null],
      ['last_in_data_collection', 1, null],
      ['last', 1, null],
    ]);
    expect(new Set([a1, a2, b1].map((source) => source?.lsn)).size).toBe(1);
    expect([bInsert, aInsert, aUpdate].map((source) => source?.txId)).toEqual([3, 3, 3]);
    const positions = [a1, bInsert, aInsert, aUpdate].map((source) => Number(source?.lsn));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(new Set(positions).size).toBe(4);
    // A record sent again is the same change, at the same place in the log.
    expect(aRedelivered).toEqual(aUpdate);
  });

  it.each(['mysql', 'mariadb'] as const)(
    'give %s records their binlog coordinates, at the end of the source block as Debezium’s connector does',
    async (engine) => {
      const mesh = engineTwoTableMesh(engine);
      const scenario = aScenario()
        .at(1, 'store', 'a', 'insert', { values: { id: 1, label: 'x' } })
        .at(1, 'store', 'b', 'insert', { values: { id: 2, label: 'y' } })
        .build();
      const metrics = (await simulate(mesh, scenario)).step(1);
      const [a] = (metrics.logs['store/a-cdc']?.recent ?? []).map((message) => envelope(message).source);
      const [b] = (metrics.logs['store/b-cdc']?.recent ?? []).map((message) => envelope(message).source);

      expect(Object.keys(a ?? {}).slice(-10)).toEqual([
        'ts_us',
        'ts_ns',
        'table',
        'server_id',
        'gtid',
        'file',
        'pos',
        'row',
        'thread',
        'query',
      ]);
      expect(a).toMatchObject({ db: 'shop', table: 'a', server_id: 1, file: 'mysql-bin.000001', row: 0 });
      expect(a).not.toHaveProperty('schema');
      expect(Number(b?.pos)).toBeGreaterThan(Number(a?.pos));
    },
  );

  it('send one "t" record for a truncate, and the consumer empties its entity', async () => {
    const simulation = await simulate(
      aShopMesh({ keepHistory: true }).build(),
      aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).at(1, 'shop', 'items', 'truncate', {}).build(),
      { recentMessages: 1 },
    );
    const metrics = simulation.step(1);

    expect(metrics.logs['shop/items-cdc']?.recent).toEqual([
      {
        partition: 0,
        offset: 2,
        timestamp: at(1),
        key: null,
        value: {
          before: null,
          after: null,
          source: expect.objectContaining({ snapshot: 'false', sequence: POSTGRES_SEQUENCE, ts_ms: at(1) }),
          op: 't',
          ...debeziumTimes(at(1)),
          transaction: null,
        },
      },
    ]);
    expect(rowsOf(simulation, 'catalog', 'SELECT count(*) AS n FROM items')).toEqual([{ n: 0 }]);
    expect(rowsOf(simulation, 'catalog', 'SELECT count(*) AS n FROM items_history WHERE is_current = 1')).toEqual([
      { n: 0 },
    ]);
    expect(metrics.ports['catalog/items-out']).toMatchObject({ published: 4, quarantined: 0 });
    expect(metrics.sourceChanges).toBe(2);
  });
});

describe('a truncate on MySQL, MariaDB and Oracle', () => {
  /** Tick 1: an insert into `a`, a truncate of `a`, then inserts into `a` and `b`. */
  const TRUNCATE_BETWEEN_INSERTS = {
    ...aScenario()
      .at(1, 'store', 'a', 'insert', { values: { id: 10, label: 'x' } })
      .at(1, 'store', 'a', 'truncate', {})
      .at(1, 'store', 'a', 'insert', { values: { id: 11, label: 'y' } })
      .at(1, 'store', 'b', 'insert', { values: { id: 20, label: 'z' } })
      .build(),
    connector: { transactionMetadata: true },
  };
  const recordsAndBoundaries = async (mesh: ReturnType<typeof engineTwoTableMesh>) => {
    const metrics = (await simulate(mesh, TRUNCATE_BETWEEN_INSERTS, { recentMessages: 10 })).step(1);
    const records = ['a-cdc', 'b-cdc'].flatMap((topic) =>
      (metrics.logs[`store/${topic}`]?.recent ?? [])
        .map(envelope)
        .map((record) => [record.op, record.transaction, record.source.pos]),
    );
    const transactionLog = Object.values(metrics.logs).find((log) => log.name.endsWith('.transaction'));
    const boundaries = transactionLog?.recent.map((message) => {
      const { status, id, event_count, data_collections } = message.value as Record<string, unknown>;
      return [status, id, event_count, data_collections];
    });
    return { records, boundaries };
  };

  it('commits what came before it and is a transaction of its own, the rows after it another (MySQL: implicit commit)', async () => {
    const { records, boundaries } = await recordsAndBoundaries(engineTwoTableMesh('mysql'));
    // Each transaction's id is the binlog position its BEGIN takes: tick 1's at 3; the insert's
    // change at 4, its commit too; the truncate's transaction begins at 5, its 't' at 6 (one change,
    // however many rows it empties); the next begins at 7, with changes at 8 and 9.
    const id = (pos: number) => `file=mysql-bin.000001,pos=${pos}`;

    expect(records).toEqual([
      ['c', { id: id(3), total_order: 1, data_collection_order: 1 }, 4],
      ['t', { id: id(5), total_order: 1, data_collection_order: 1 }, 6],
      ['c', { id: id(7), total_order: 1, data_collection_order: 1 }, 8],
      ['c', { id: id(7), total_order: 2, data_collection_order: 1 }, 9],
    ]);
    expect(boundaries).toEqual([
      ['BEGIN', id(3), null, null],
      ['END', id(3), 1, [{ data_collection: 'shop.a', event_count: 1 }]],
      ['BEGIN', id(5), null, null],
      ['END', id(5), 1, [{ data_collection: 'shop.a', event_count: 1 }]],
      ['BEGIN', id(7), null, null],
      [
        'END',
        id(7),
        2,
        [
          { data_collection: 'shop.a', event_count: 1 },
          { data_collection: 'shop.b', event_count: 1 },
        ],
      ],
    ]);
  });

  it('commits what came before it and is a transaction of its own on MariaDB too, each with its own GTID', async () => {
    const { records, boundaries } = await recordsAndBoundaries(engineTwoTableMesh('mariadb'));
    // Tick 1's work begins as transaction 3; the truncate is 4, the rows after it 5.
    expect(records.map(([op, transaction]) => [op, transaction])).toEqual([
      ['c', { id: '0-1-3', total_order: 1, data_collection_order: 1 }],
      ['t', { id: '0-1-4', total_order: 1, data_collection_order: 1 }],
      ['c', { id: '0-1-5', total_order: 1, data_collection_order: 1 }],
      ['c', { id: '0-1-5', total_order: 2, data_collection_order: 1 }],
    ]);
    expect(boundaries?.map(([status, id, count]) => [status, id, count])).toEqual([
      ['BEGIN', '0-1-3', null],
      ['END', '0-1-3', 1],
      ['BEGIN', '0-1-4', null],
      ['END', '0-1-4', 1],
      ['BEGIN', '0-1-5', null],
      ['END', '0-1-5', 2],
    ]);
  });

  it('commits what came before it and is a transaction of its own on Oracle, where TRUNCATE is DDL', async () => {
    const { records, boundaries } = await recordsAndBoundaries(engineTwoTableMesh('oracle'));
    // Oracle commits before and after every DDL statement: transactions 3, 4 and 5, by their XIDs (transaction-id.ts).
    const [before, truncate, after] = ['0400030003000000', '0500040004000000', '0600050005000000'];
    expect(records.map(([op, transaction]) => [op, transaction])).toEqual([
      ['c', { id: before, total_order: 1, data_collection_order: 1 }],
      ['t', { id: truncate, total_order: 1, data_collection_order: 1 }],
      ['c', { id: after, total_order: 1, data_collection_order: 1 }],
      ['c', { id: after, total_order: 2, data_collection_order: 1 }],
    ]);
    expect(boundaries?.map(([status, id, count]) => [status, id, count])).toEqual([
      ['BEGIN', before, null],
      ['END', before, 1],
      ['BEGIN', truncate, null],
      ['END', truncate, 1],
      ['BEGIN', after, null],
      ['END', after, 2],
    ]);
  });

  it('stays in its transaction on PostgreSQL, where TRUNCATE is transactional', async () => {
    const { records, boundaries } = await recordsAndBoundaries(twoTableMesh());
    expect(records.map(([op, transaction]) => [op, (transaction as { total_order: number }).total_order])).toEqual([
      ['c', 1],
      ['t', 2],
      ['c', 3],
      ['c', 4],
    ]);
    expect(boundaries?.map(([status, , count]) => [status, count])).toEqual([
      ['BEGIN', null],
      ['END', 4],
    ]);
  });
});
