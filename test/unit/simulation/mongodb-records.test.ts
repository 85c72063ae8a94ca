import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import type { ColumnType } from '../../../shared/model/table';
import { createSimulation, type LogMessage } from '../../../shared/simulation';
import { traceChange } from '../../../shared/simulation/change-trace';
import { fieldsOf, readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { changeImages, plainValue } from '../../../shared/simulation/record-shape';
import {
  aContract,
  aMesh,
  aProduct,
  aScenario,
  aShopMesh,
  aSystem,
  DEBEZIUM_SOURCE_FIELDS,
  debeziumTimes,
  PREDICTABLE_ITEMS,
  rowsOf,
  shopSourceStart,
  simulate,
  testWorkspace,
  tickMillis,
} from './builders';

/*
 * A MongoDB system's records as Debezium's MongoDB connector writes them (capture mode
 * `change_streams_update_full`, JSON converter without schemas): key `{"id": <_id as relaxed
 * extended JSON>}`, `after` the document as strict extended JSON text, `before` null,
 * `updateDescription` on updates, a source block naming the collection and the oplog order.
 */

const at = tickMillis;

function asMongo(mesh: Mesh, topicName = 'shop.shop-db.items'): Mesh {
  const [shop] = mesh.systems;
  if (shop) {
    shop.database.engine = 'MongoDB';
    for (const topic of shop.messaging.topics) topic.name = topicName;
  }
  return mesh;
}

/** A mesh whose MongoDB system `shop` captures one table to `<table>-cdc`, with tombstones. */
function aMongoTableMesh(table: string, columns: Record<string, ColumnType>, primaryKey: string[]): Mesh {
  return {
    ...aMesh().build(),
    systems: [
      aSystem('shop')
        .withTable(table, columns, primaryKey)
        .withCdcTopic(`${table}-cdc`, table, { tombstones: true })
        .build(),
    ],
  };
}

/** The log format of the shop's items documents, keyed by `id`, as a view reads their records with it. */
const ITEMS_DOCUMENTS = {
  kind: 'cdc' as const,
  columns: [],
  key: ['id'],
  tombstones: true,
  beforeImage: 'row' as const,
  source: { connector: 'mongodb', name: 'shop', db: 'shop-db', table: 'items' },
};

/** A record's value as the MongoDB connector writes it: the document and the fields an update set, as text. */
const envelopeOf = (message: LogMessage | undefined) =>
  message?.value as { after: string | null; updateDescription: { updatedFields: string } | null } | undefined;

const source = (tick: number, snapshot = 'false') => ({
  ...shopSourceStart('mongodb', at(tick), snapshot, null),
  collection: 'items',
  ord: expect.any(Number),
  lsid: null,
  txnNumber: null,
  wallTime: snapshot === 'false' ? at(tick) : null,
});

const envelope = (tick: number, fields: object) => ({
  before: null,
  updateDescription: null,
  ...fields,
  ...debeziumTimes(at(tick)),
  transaction: null,
});

async function mongoShopTopic(scenario: ReturnType<typeof aScenario>, ticks: number) {
  const simulation = await simulate(asMongo(aShopMesh({ tombstones: true }).build()), scenario.build(), {
    recentMessages: 20,
  });
  return simulation.step(ticks).logs['shop/items-cdc']?.recent ?? [];
}

describe('records of a MongoDB system', () => {
  it('are the documents Debezium writes for a snapshot, an insert, an update and a delete and its tombstone', async () => {
    const messages = await mongoShopTopic(
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'chair', price: 25, status: 'new' } })
        .at(2, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 2 } })
        .at(3, 'shop', 'items', 'delete', { where: { id: 2 } }),
      3,
    );

    expect(messages).toEqual([
      {
        partition: 0,
        offset: 0,
        timestamp: at(0),
        key: { id: '1' },
        value: envelope(0, {
          after: '{"_id": {"$numberLong": "1"},"id": {"$numberLong": "1"},"name": "lamp","price": 9.5,"status": "new"}',
          source: source(0, 'last'),
          op: 'r',
        }),
      },
      {
        partition: 0,
        offset: 1,
        timestamp: at(1),
        key: { id: '2' },
        value: envelope(1, {
          after:
            '{"_id": {"$numberLong": "2"},"id": {"$numberLong": "2"},"name": "chair","price": 25.0,"status": "new"}',
          source: source(1),
          op: 'c',
        }),
      },
      {
        partition: 0,
        offset: 2,
        timestamp: at(2),
        key: { id: '2' },
        value: envelope(2, {
          after:
            '{"_id": {"$numberLong": "2"},"id": {"$numberLong": "2"},"name": "chair","price": 20.0,"status": "new"}',
          updateDescription: { removedFields: null, updatedFields: '{"price": 20.0}', truncatedArrays: null },
          source: source(2),
          op: 'u',
        }),
      },
      {
        partition: 0,
        offset: 3,
        timestamp: at(3),
        key: { id: '2' },
        value: envelope(3, { after: null, source: source(3), op: 'd' }),
      },
      { partition: 0, offset: 4, timestamp: at(3), key: { id: '2' }, value: null },
    ]);
    // `ord` is the change's place in the oplog: it grows with every change.
    const ords = messages.flatMap((message) => {
      const ord = (message.value as { source: { ord: number } } | null)?.source.ord;
      return ord === undefined ? [] : [ord];
    });
    expect(ords).toEqual([...ords].sort((a, b) => a - b));
    expect(new Set(ords).size).toBe(ords.length);
  });

  it('write the envelope and source fields in the MongoDB connector’s order', async () => {
    const [snapshot] = await mongoShopTopic(aScenario().withData('shop', 'items', 1, PREDICTABLE_ITEMS), 0);
    const value = snapshot?.value as { source: object };

    expect(Object.keys(value)).toEqual([
      'before',
      'after',
      'updateDescription',
      'source',
      'op',
      'ts_ms',
      'ts_us',
      'ts_ns',
      'transaction',
    ]);
    expect(Object.keys(value.source)).toEqual([
      ...DEBEZIUM_SOURCE_FIELDS,
      'collection',
      'ord',
      'lsid',
      'txnNumber',
      'wallTime',
    ]);
  });

  it('mark the snapshot first, true and last, at one oplog position', async () => {
    const messages = await mongoShopTopic(aScenario().withData('shop', 'items', 3, PREDICTABLE_ITEMS), 0);
    const sources = messages.map((message) => (message.value as { source: { snapshot: string; ord: number } }).source);

    expect(sources.map((block) => [block.snapshot, typeof block.ord])).toEqual([
      ['first', 'number'],
      ['true', 'number'],
      ['last', 'number'],
    ]);
    expect(new Set(sources.map((block) => block.ord)).size).toBe(1);
  });

  it('key a document by its _id as extended JSON text, and write decimals, booleans and nulls as the driver does', async () => {
    const mesh: Mesh = {
      ...aMesh().build(),
      systems: [
        aSystem('shop')
          .withTable('skus', { code: 'text', price: 'numeric', active: 'boolean', note: 'text' })
          .withCdcTopic('skus-cdc', 'skus')
          .build(),
      ],
    };
    const simulation = await simulate(
      asMongo(mesh, 'shop.shop-db.skus'),
      aScenario()
        .at(1, 'shop', 'skus', 'insert', { values: { code: 'A-1', price: 9.5, active: true, note: null } })
        .build(),
      { recentMessages: 5 },
    );

    const [insert] = simulation.step(1).logs['shop/skus-cdc']?.recent ?? [];

    expect(insert?.key).toEqual({ id: '"A-1"' });
    expect((insert?.value as { after: string } | undefined)?.after).toBe(
      '{"_id": "A-1","code": "A-1","price": {"$numberDecimal": "9.5"},"active": true,"note": null}',
    );
  });

  it('write date and timestamp columns as BSON dates: epoch milliseconds in after, ISO text in the key', async () => {
    const simulation = await simulate(
      asMongo(aMongoTableMesh('visits', { at: 'timestamp', day: 'date', note: 'text' }, ['at']), 'shop.shop-db.visits'),
      aScenario()
        .at(1, 'shop', 'visits', 'insert', { values: { at: '2026-01-05T09:00:00.120Z', day: '2026-01-07', note: 'x' } })
        .at(2, 'shop', 'visits', 'update', { values: { day: '2026-01-08' }, where: { at: '2026-01-05T09:00:00.120Z' } })
        .at(3, 'shop', 'visits', 'insert', { values: { at: '1969-12-31T23:59:59Z', day: 'now', note: null } })
        .build(),
      { recentMessages: 5 },
    );

    const [insert, update, early] = simulation.step(3).logs['shop/visits-cdc']?.recent ?? [];

    // 2026-01-05T09:00:00.120Z is 1767603600120 ms; 2026-01-07 and 2026-01-08 at midnight UTC.
    expect(insert?.key).toEqual({ id: '{"$date": "2026-01-05T09:00:00.12Z"}' });
    expect(envelopeOf(insert)?.after).toBe(
      '{"_id": {"$date": 1767603600120},"at": {"$date": 1767603600120},"day": {"$date": 1767744000000},"note": "x"}',
    );
    expect(envelopeOf(update)?.updateDescription).toEqual({
      removedFields: null,
      updatedFields: '{"day": {"$date": 1767830400000}}',
      truncatedArrays: null,
    });
    // Before 1970 the relaxed key falls back to milliseconds; text that is no date stays text.
    expect(early?.key).toEqual({ id: '{"$date": {"$numberLong": "-1000"}}' });
    expect(envelopeOf(early)?.after).toBe('{"_id": {"$date": -1000},"at": {"$date": -1000},"day": "now","note": null}');
    expect(changeImages(insert?.value)?.after).toMatchObject({
      at: '2026-01-05T09:00:00.120Z',
      day: '2026-01-07T00:00:00.000Z',
    });
  });

  it('embed JSON objects and arrays as documents and arrays, Int64 beyond Int32 wrapped, other JSON as text', async () => {
    const simulation = await simulate(
      asMongo(
        aMongoTableMesh('parcels', { id: 'integer', route: 'json', tags: 'json', note: 'json' }, ['id']),
        'shop.shop-db.parcels',
      ),
      aScenario()
        .at(1, 'shop', 'parcels', 'insert', {
          values: {
            id: 1,
            route: '{"to":"Zürich","legs":[{"km":12.5},{}],"weight":3000000000}',
            tags: '["fragile",2,true,null,[]]',
            note: '"by hand"',
          },
        })
        .at(2, 'shop', 'parcels', 'update', { values: { route: '{"to":"Bern"}' }, where: { id: 1 } })
        .build(),
      { recentMessages: 5 },
    );

    const [insert, update] = simulation.step(2).logs['shop/parcels-cdc']?.recent ?? [];

    expect(envelopeOf(insert)?.after).toBe(
      '{"_id": {"$numberLong": "1"},"id": {"$numberLong": "1"},' +
        '"route": {"to": "Zürich","legs": [{"km": 12.5},{}],"weight": {"$numberLong": "3000000000"}},' +
        '"tags": ["fragile",2,true,null,[]],"note": "\\"by hand\\""}',
    );
    expect(envelopeOf(update)?.updateDescription?.updatedFields).toBe('{"route": {"to": "Bern"}}');
    expect(changeImages(insert?.value)?.after).toMatchObject({
      route: { to: 'Zürich', legs: [{ km: 12.5 }, {}], weight: 3000000000 },
      tags: ['fragile', 2, true, null, []],
      note: '"by hand"',
    });
  });

  it('give a compound key one _id, in key order, in the record key, in after and in what the consumer’s entity keys on', async () => {
    const linesMesh = () =>
      aMesh()
        .with(
          aSystem('shop')
            .withTable('lines', { line_no: 'integer', _id: 'text', qty: 'integer' }, ['_id', 'line_no'])
            .withCdcTopic('lines-cdc', 'lines', { tombstones: true }),
          aProduct('orders').withInput('lines-in').withOutput('lines-out', 'line'),
          aContract('line', 'entity', 'lines')
            .withKey('_id', 'string')
            .withKey('line_no', 'integer')
            .withProperty('qty', 'integer'),
        )
        .withLink('shop/lines-cdc', 'orders/lines-in')
        .build();
    const scenario = aScenario()
      .at(1, 'shop', 'lines', 'insert', { values: { _id: 'A-7', line_no: 2, qty: 1 } })
      .at(1, 'shop', 'lines', 'insert', { values: { _id: 'A-7', line_no: 3, qty: 5 } })
      .at(2, 'shop', 'lines', 'update', { values: { qty: 4 }, where: { _id: 'A-7', line_no: 2 } })
      .at(3, 'shop', 'lines', 'delete', { where: { _id: 'A-7', line_no: 3 } })
      .build();
    const run = async (mesh: Mesh) => {
      const simulation = await simulate(mesh, scenario, { recentMessages: 10 });
      const metrics = simulation.step(3);
      return {
        topic: metrics.logs['shop/lines-cdc']?.recent ?? [],
        lines: rowsOf(simulation, 'orders', 'SELECT * FROM lines ORDER BY line_no'),
        errors: metrics.errors,
      };
    };

    const mongo = await run(asMongo(linesMesh(), 'shop.shop-db.lines'));
    const relational = await run(linesMesh());

    const [first, , update, deletion] = mongo.topic;
    expect(first?.key).toEqual({ id: '{"_id": "A-7","line_no": 2}' });
    expect(envelopeOf(first)?.after).toBe(
      '{"_id": {"_id": "A-7","line_no": {"$numberLong": "2"}},"line_no": {"$numberLong": "2"},"qty": {"$numberLong": "1"}}',
    );
    expect(envelopeOf(update)?.updateDescription?.updatedFields).toBe('{"qty": {"$numberLong": "4"}}');
    expect(changeImages(update?.value)?.after?._id).toEqual({ _id: 'A-7', line_no: 2 });
    const format = {
      kind: 'cdc' as const,
      columns: [],
      key: ['_id', 'line_no'],
      tombstones: true,
      beforeImage: 'row' as const,
      source: { connector: 'mongodb', name: 'shop', db: 'shop-db', table: 'lines' },
    };
    expect(fieldsOf(deletion as LogMessage, format)).toEqual({ _id: 'A-7', line_no: 3 });
    expect(mongo.lines).toEqual([{ line_no: 2, _id: 'A-7', qty: 4 }]);
    expect(mongo.lines).toEqual(relational.lines);
    expect(mongo.errors).toEqual([]);
  });

  it('key a document by its primary key, leaving out, and saying so, a column named _id outside it', async () => {
    const simulation = await simulate(
      asMongo(aMongoTableMesh('skus', { code: 'text', _id: 'text', name: 'text' }, ['code']), 'shop.shop-db.skus'),
      aScenario()
        .at(1, 'shop', 'skus', 'insert', { values: { code: 'A-1', _id: 'x', name: 'lamp' } })
        .at(2, 'shop', 'skus', 'update', { values: { _id: 'y', name: 'desk' }, where: { code: 'A-1' } })
        .build(),
      { recentMessages: 5 },
    );

    const metrics = simulation.step(2);
    const [insert, update] = metrics.logs['shop/skus-cdc']?.recent ?? [];

    expect(insert?.key).toEqual({ id: '"A-1"' });
    expect(envelopeOf(insert)?.after).toBe('{"_id": "A-1","code": "A-1","name": "lamp"}');
    expect(envelopeOf(update)?.updateDescription?.updatedFields).toBe('{"name": "desk"}');
    expect(metrics.errors.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: 'systems[0].database.tables[0].columns[1]',
        message:
          "column '_id' is not in the primary key, which is a MongoDB document's _id, so its records leave it out",
      },
    ]);
  });

  it('keep the document’s shape after a column is renamed at the source: _id first, extended JSON, the new name', async () => {
    const messages = await mongoShopTopic(
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .withFault({
          kind: 'rename-column',
          tick: 1,
          systemId: 'shop',
          topicId: 'items-cdc',
          column: 'name',
          renamedTo: 'title',
        })
        .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'chair', price: 25, status: 'new' } })
        .at(2, 'shop', 'items', 'update', { values: { name: 'desk' }, where: { id: 2 } }),
      2,
    );
    const [, insert, update] = messages;

    expect(envelopeOf(insert)?.after).toBe(
      '{"_id": {"$numberLong": "2"},"id": {"$numberLong": "2"},"title": "chair","price": 25.0,"status": "new"}',
    );
    expect(envelopeOf(update)?.after).toBe(
      '{"_id": {"$numberLong": "2"},"id": {"$numberLong": "2"},"title": "desk","price": 25.0,"status": "new"}',
    );
    expect(envelopeOf(update)?.updateDescription?.updatedFields).toBe('{"title": "desk"}');
  });

  it('are found by a value of a compound _id, or by the _id exactly, as a relational key is', async () => {
    const mesh = asMongo(
      aMongoTableMesh('lines', { order_id: 'integer', line_no: 'integer', sku: 'text' }, ['order_id', 'line_no']),
      'shop.shop-db.lines',
    );
    const simulation = await simulate(
      mesh,
      aScenario()
        .at(1, 'shop', 'lines', 'insert', { values: { order_id: 7, line_no: 1, sku: 'A-7' } })
        .at(1, 'shop', 'lines', 'insert', { values: { order_id: 8, line_no: 7, sku: 'B-1' } })
        .at(1, 'shop', 'lines', 'insert', { values: { order_id: 9, line_no: 1, sku: 'C-1' } })
        .build(),
    );
    simulation.step(1);
    const topic = planPipeline(mesh).logs.find((log) => log.table === 'shop/lines-cdc');
    if (!topic) throw new Error('no lines topic');
    const keysFoundBy = (key: string) => {
      const read = readMessages(simulation.query, topic, { limit: 10, key });
      return read.ok ? read.value.map((message) => message.key) : read.errors;
    };

    expect(keysFoundBy('7')).toEqual([{ id: '{"order_id": 8,"line_no": 7}' }, { id: '{"order_id": 7,"line_no": 1}' }]);
    expect(keysFoundBy('{"order_id":9,"line_no":1}')).toEqual([{ id: '{"order_id": 9,"line_no": 1}' }]);
    expect(keysFoundBy('{"id":"{\\"order_id\\": 9,\\"line_no\\": 1}"}')).toEqual([
      { id: '{"order_id": 9,"line_no": 1}' },
    ]);
    expect(keysFoundBy('A-7')).toEqual([]);
  });

  it('carry an entity, its history and its output port exactly as a relational source would, redeliveries included', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
      .at(2, 'shop', 'items', 'update', { values: { price: 11, status: 'listed' }, where: { id: 1 } })
      .at(3, 'shop', 'items', 'delete', { where: { id: 2 } })
      .at(4, 'shop', 'items', 'insert', { values: { id: 2, name: 'desk', price: 12, status: 'listed' } })
      .withFault({ kind: 'redeliver', tick: 3, systemId: 'shop', topicId: 'items-cdc', records: 3 })
      .withFault({ kind: 'redeliver', tick: 4, systemId: 'shop', topicId: 'items-cdc', records: 4 })
      .build();
    const run = async (mesh: Mesh) => {
      const simulation = await simulate(mesh, scenario, { recentMessages: 30 });
      const metrics = simulation.step(5);
      return {
        items: rowsOf(simulation, 'catalog', 'SELECT * FROM items ORDER BY id'),
        history: rowsOf(simulation, 'catalog', 'SELECT * FROM items_history ORDER BY rowid'),
        published: metrics.logs['catalog/items-out']?.recent.map((message) => [message.key, message.value]),
        topic: metrics.logs['shop/items-cdc']?.recent ?? [],
      };
    };

    const relational = await run(aShopMesh({ keepHistory: true }).build());
    const mongo = await run(asMongo(aShopMesh({ keepHistory: true }).build()));

    expect(mongo.topic[0]?.key).toEqual({ id: '1' });
    expect(mongo.items).toEqual(relational.items);
    expect(mongo.history).toEqual(relational.history);
    expect(mongo.history.length).toBeGreaterThan(3);
    expect(mongo.published).toEqual(relational.published);
    // The document a consumer reads from each record's `after` text is the row the relational record carries.
    const documents = (messages: LogMessage[]) =>
      messages.map((message) => {
        const { _id, ...fields } = changeImages(message.value)?.after ?? {};
        return message.value === null ? null : fields;
      });
    const afterImages = relational.topic.map((message) =>
      message.value === null ? null : ((message.value as { after: object | null }).after ?? {}),
    );
    expect(documents(mongo.topic)).toEqual(afterImages);
  });

  it('never change a document’s _id: a scenario that would is refused at its place, and a statement fails as MongoDB’s would', async () => {
    const refusal =
      "MongoDB refuses to change a document's _id, which is the primary key of 'items' (id): delete the document and insert a new one instead";
    const scenario = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .withRate('shop', 'items', { updates: 1, updateColumns: ['price', 'id'] })
      .at(1, 'shop', 'items', 'update', { values: { id: 7 }, where: { id: 1 } })
      .at(2, 'shop', 'items', 'truncate', {})
      .build();

    expect(createSimulation(asMongo(aShopMesh().build()), scenario, { sqlite: await testWorkspace() })).toEqual({
      ok: false,
      errors: [
        { path: 'scenario.rates[0].updateColumns[1]', message: refusal },
        { path: 'scenario.steps[0].values.id', target: 'key', message: refusal },
        {
          path: 'scenario.steps[1].op',
          message: "MongoDB has no TRUNCATE: delete the documents of 'items' instead, each of them a delete record",
        },
      ],
    });

    const simulation = await simulate(
      asMongo(aShopMesh().build()),
      aScenario().withData('shop', 'items', 1, PREDICTABLE_ITEMS).build(),
      { recentMessages: 5 },
    );
    simulation.step(0);
    expect(simulation.execute('shop', 'UPDATE items SET id = 7 WHERE id = 1')).toMatchObject({
      ok: false,
      errors: [{ message: refusal }],
    });
    expect(rowsOf(simulation, 'shop', 'SELECT id FROM items')).toEqual([{ id: 1 }]);
    expect(simulation.step(1).logs['shop/items-cdc']?.recent.map((message) => message.key)).toEqual([{ id: '1' }]);
  });

  it('belong to no transaction, with transaction metadata on: each is a single-document write', async () => {
    const scenario = {
      ...aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
        .build(),
      connector: { transactionMetadata: true },
    };
    const mongo = await simulate(asMongo(aShopMesh().build()), scenario, { recentMessages: 5 });
    const relational = await simulate(aShopMesh().build(), scenario, { recentMessages: 5 });

    const transactions = (simulation: typeof mongo) => {
      const { logs } = simulation.step(1);
      return {
        transactionTopics: Object.keys(logs).filter((name) => name.endsWith('.transaction')),
        transactions: logs['shop/items-cdc']?.recent.map(
          (message) => (message.value as { transaction: unknown }).transaction,
        ),
      };
    };

    expect(transactions(mongo)).toEqual({ transactionTopics: [], transactions: [null, null] });
    expect(transactions(relational)).toEqual({
      transactionTopics: ['shop/shop.transaction'],
      transactions: [null, { id: '3:5', total_order: 1, data_collection_order: 1 }],
    });
  });

  it('are read back as the document, the fields an update set, and for a delete the key columns', async () => {
    const mesh = asMongo(aShopMesh().build());
    const simulation = await simulate(
      mesh,
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 1 } })
        .at(2, 'shop', 'items', 'delete', { where: { id: 1 } })
        .build(),
      { recentMessages: 5 },
    );
    const [, update, deletion] = simulation.step(2).logs['shop/items-cdc']?.recent ?? [];

    expect(changeImages(update?.value)).toMatchObject({
      op: 'u',
      before: null,
      after: { _id: 1, id: 1, name: 'lamp', price: 20, status: 'new' },
      updated: { price: 20 },
    });
    expect(fieldsOf(deletion as LogMessage, ITEMS_DOCUMENTS)).toEqual({ id: 1 });
  });

  it('keep an Int64 _id past 2^53 exact: in the document, the key, the clean table and the trace to it', async () => {
    // Hand-checked: 1772488919123456700 > 2^53 = 9007199254740992; a double rounds it to 1772488919123456768.
    const big = 1772488919123456700n;
    const mesh = asMongo(aShopMesh().build());
    const simulation = await simulate(
      mesh,
      aScenario()
        .at(1, 'shop', 'items', 'insert', { values: { id: String(big), name: 'lamp', price: 9.5, status: 'new' } })
        .at(2, 'shop', 'items', 'delete', { where: { id: String(big) } })
        .build(),
      { recentMessages: 5 },
    );
    const [insert] = simulation.step(1).logs['shop/items-cdc']?.recent ?? [];
    const entity = rowsOf(simulation, 'catalog', 'SELECT id FROM items');
    const traced = traceChange(planPipeline(mesh), simulation, { kind: 'record', log: 'shop/items-cdc', position: 1 });
    const [, deletion] = simulation.step(1).logs['shop/items-cdc']?.recent ?? [];

    expect(envelopeOf(insert)?.after).toContain(`"_id": {"$numberLong": "${big}"}`);
    expect(changeImages(insert?.value)?.after).toMatchObject({ _id: big, id: big });
    expect(entity).toEqual([{ id: big }]);
    const tableStages = traced.ok ? traced.value.stages.filter((stage) => stage.moment.kind === 'now') : [];
    expect(tableStages.map((stage) => stage.records.map((record) => record.id))).toContainEqual([big]);
    expect(fieldsOf(deletion as LogMessage, ITEMS_DOCUMENTS)).toEqual({ id: big });
  });
});

describe('extended JSON made plain', () => {
  it('unwraps numbers, decimals, dates and object ids, inside documents and arrays too', () => {
    expect(
      plainValue({
        _id: { $oid: '5f1e9c0a2b3c4d5e6f708192' },
        count: { $numberLong: '1004' },
        big: { $numberLong: '1772488919123456700' },
        small: { $numberInt: '7' },
        ratio: { $numberDouble: '0.25' },
        price: { $numberDecimal: '9.5' },
        exact: { $numberDecimal: '9.50' },
        placed: { $date: 1767603600000 },
        shipped: { $date: '2026-01-05T09:00:00Z' },
        lines: [{ qty: { $numberLong: '2' } }],
        name: 'lamp',
      }),
    ).toEqual({
      _id: '5f1e9c0a2b3c4d5e6f708192',
      count: 1004,
      big: 1772488919123456700n,
      small: 7,
      ratio: 0.25,
      price: 9.5,
      exact: '9.50',
      placed: '2026-01-05T09:00:00.000Z',
      shipped: '2026-01-05T09:00:00Z',
      lines: [{ qty: 2 }],
      name: 'lamp',
    });
  });
});
