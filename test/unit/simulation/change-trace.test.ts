import { beforeAll, describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import type { Scenario } from '../../../shared/model/scenario';
import type { Simulation } from '../../../shared/simulation';
import { type TraceStart, traceChange } from '../../../shared/simulation/change-trace';
import { type LogRecord, readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import {
  aContract,
  aMesh,
  aProduct,
  aScenario,
  aShopMesh,
  aShopReportMesh,
  aSystem,
  ecommerceSample,
  loadSqlJs,
  PREDICTABLE_ITEMS,
  rowsOf,
  simulate,
  tickMillis,
} from './builders';
import { traceOfNewestRecord } from './newest-record-trace';

const mesh = ecommerceSample();
const plan = planPipeline(mesh);
// Loading sql.js's wasm is slow on a busy machine; it is not what these tests time.
beforeAll(() => loadSqlJs(), 60_000);

const ordersTopic = () => plan.logs.find((log) => log.table === 'orders-service/orders-cdc');

/** The shop with a report of how many items have each status. */
const statusCountsMesh = () =>
  aShopReportMesh('status_counts', 'SELECT status, count(*) AS item_count FROM items GROUP BY status', (contract) =>
    contract.withKey('status', 'string').withProperty('item_count', 'integer'),
  );

/** Traces the newest record of an order on the orders topic that `matches`. */
function traceOrder(simulation: Simulation, orderId: number, matches: (record: LogRecord) => boolean) {
  const topic = ordersTopic();
  if (!topic) throw new Error('no orders topic');
  const read = readMessages(simulation.query, topic, { limit: 10, key: String(orderId) });
  const record = read.ok ? read.value.find(matches) : undefined;
  if (!record) throw new Error(`no such record of order ${orderId}`);
  const traced = traceChange(plan, simulation, { kind: 'record', log: topic.table, position: record.position });
  if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
  return { record, traced: traced.value };
}

describe('reading a log', () => {
  it('pages back through a topic newest first and filters by a key value', async () => {
    const simulation = await simulate(mesh, mesh.scenarios[0] as never);
    simulation.step(5);
    const topic = ordersTopic();
    if (!topic) throw new Error('no orders topic');

    const newest = readMessages(simulation.query, topic, { limit: 3 });
    if (!newest.ok) throw new Error(JSON.stringify(newest.errors));
    const before = readMessages(simulation.query, topic, { limit: 2, before: newest.value[2]?.position });
    const order1000 = readMessages(simulation.query, topic, { limit: 50, key: '1000' });
    const exactly = readMessages(simulation.query, topic, { limit: 50, key: '{"order_id": 1000}' });

    expect(newest.value.map((message) => message.position)).toEqual(
      [...newest.value.map((m) => m.position)].sort((a, b) => b - a),
    );
    expect(before.ok && before.value.every((message) => message.position < (newest.value[2]?.position ?? 0))).toBe(
      true,
    );
    expect(order1000.ok && order1000.value.map((message) => message.key)).toEqual(
      expect.arrayContaining([{ order_id: 1000 }]),
    );
    expect(
      order1000.ok && order1000.value.every((message) => JSON.stringify(message.key) === '{"order_id":1000}'),
    ).toBe(true);
    expect(exactly).toEqual(order1000);
  });
});

describe('tracing one change', () => {
  it('walks an order from the service write to the sales dashboard, every stage with its record', async () => {
    const simulation = await simulate(mesh, mesh.scenarios[0] as never);
    simulation.step(6);
    const { record: cancelled, traced } = traceOrder(simulation, 1000, () => true);
    const stages = traced.stages;

    expect(traced.key).toEqual({ order_id: 1000 });
    expect(stages.map((stage) => `${stage.kind} ${stage.nodeId} ${stage.source}`)).toEqual([
      'service-write orders-service orders',
      'table-row orders-service orders',
      'cdc-record orders-service orders.public.orders',
      'raw orders raw_orders_cdc_in',
      'clean orders orders',
      'history orders orders_history',
      'output-port orders orders/orders-out',
      'raw customer-360 raw_orders_in',
      'clean customer-360 orders',
      'transformation customer-360 customer_profile',
      'output-port customer-360 customer-360/profiles-out',
      'raw sales-dashboard raw_profiles_in',
      'clean sales-dashboard customer_profile',
      'transformation sales-dashboard daily_sales',
      'output-port sales-dashboard sales-dashboard/daily-sales-out',
    ]);
    const [write, row, cdc, raw, entity, history, port] = stages;
    // Tick 5 of the workshop scenario cancels order 1000.
    expect(write?.title).toMatch(/^UPDATE orders, at 2026-01-05T09:05:00.000Z$/);
    expect(write?.changed).toEqual(['status']);
    expect(write?.records[0]).toMatchObject({ order_id: 1000, status: 'cancelled' });
    expect(row?.records).toEqual(rowsOf(simulation, 'orders-service', 'SELECT * FROM orders WHERE order_id = 1000'));
    expect(cdc?.message).toEqual(cancelled);
    expect(raw?.records[0]).toMatchObject({ _position: cancelled.position, _op: 'u', after_status: 'cancelled' });
    expect(entity?.records).toEqual(rowsOf(simulation, 'orders', 'SELECT * FROM orders WHERE order_id = 1000'));
    expect(history?.records.length).toBeGreaterThan(1);
    expect(
      history?.records.slice(0, -1).every((version) => version.is_current === 0 && version.valid_to !== null),
    ).toBe(true);
    expect(history?.records.at(-1)).toMatchObject({ status: 'cancelled', is_current: 1, valid_to: null });
    expect(port?.check).toEqual({ passed: true, contract: expect.stringMatching(/^Order /) });
    expect(port?.records[0]).toMatchObject({ order_id: 1000, status: 'cancelled' });
  });

  it('follows a deleted order and says at each stage without a record why it has none', async () => {
    const workshop = mesh.scenarios[0];
    if (!workshop) throw new Error('no workshop scenario');
    const deleting = {
      ...workshop,
      steps: [
        ...workshop.steps,
        { tick: 3, systemId: 'orders-service', table: 'orders', op: 'delete' as const, where: { order_id: 1001 } },
      ],
    };
    const simulation = await simulate(mesh, deleting);
    simulation.step(4);
    const { stages } = traceOrder(
      simulation,
      1001,
      (message) => (message.value as { op?: string } | null)?.op === 'd',
    ).traced;

    const clean = stages.find((stage) => stage.kind === 'clean' && stage.nodeId === 'orders');
    expect(clean?.records).toEqual([]);
    expect(clean?.note).toBe('The row is gone: this delete removed it.');
    const silent = stages.filter((stage) => stage.records.length === 0 && !stage.message && !stage.note);
    expect(silent.map((stage) => `${stage.kind} ${stage.nodeId} ${stage.source}`)).toEqual([]);
  });

  it('starts from a source row, and says when a table has no CDC topic', async () => {
    const simulation = await simulate(mesh, mesh.scenarios[0] as never);
    simulation.step(2);

    const fromRow = traceChange(plan, simulation, {
      kind: 'row',
      nodeId: 'customers-service',
      table: 'customers',
      row: { customer_id: 3 },
    });
    expect(fromRow.ok && fromRow.value.stages[0]?.kind).toBe('service-write');
    expect(fromRow.ok && fromRow.value.key).toEqual({ customer_id: 3 });
    expect(
      traceChange(plan, simulation, { kind: 'row', nodeId: 'customer-360', table: 'quarantine', row: {} }),
    ).toEqual({
      ok: false,
      errors: [{ path: 'trace', message: "no output port 'undefined' quarantines records in 'customer-360'" }],
    });
  });
});

/** Traces the record at `position` on the shop's items topic. */
function traceShopRecord(shop: Mesh, simulation: Simulation, position: number) {
  return traceShop(shop, simulation, { kind: 'record', log: 'shop/items-cdc', position });
}

function traceShop(shop: Mesh, simulation: Simulation, start: TraceStart) {
  const traced = traceChange(planPipeline(shop), simulation, start);
  if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
  return traced.value.stages;
}

describe('tracing a change the connector delivered late', () => {
  it.each([
    ['postgres', 'shop.public.items'],
    ['MySQL', 'shop.shop-db.items'],
    ['MongoDB', 'shop.shop-db.items'],
  ])('dates a %s write when the service made it, not when the connector sent it', async (engine, topicName) => {
    const shop = aShopMesh().build();
    for (const system of shop.systems) {
      system.database.engine = engine;
      for (const topic of system.messaging.topics) topic.name = topicName;
    }
    // Item 1 changes at tick 1; the connector lags 1.5 s, and at tick 3 sends its last record again.
    const scenario = {
      ...aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
        .withFault({ kind: 'redeliver', tick: 3, systemId: 'shop', topicId: 'items-cdc', records: 1 })
        .build(),
      connector: { delayMillis: 1500 },
    };
    const simulation = await simulate(shop, scenario);
    simulation.step(3);
    // Positions: 1 the snapshot, 2 the update, 3 the update sent again.
    const [firstWrite] = traceShopRecord(shop, simulation, 2);
    const [resentWrite] = traceShopRecord(shop, simulation, 3);

    const tick1 = new Date(tickMillis(1)).toISOString();
    expect(tick1).toBe('2026-01-05T09:01:00.000Z');
    expect(firstWrite?.title).toBe(`UPDATE items, at ${tick1}`);
    expect(resentWrite?.title).toBe(`UPDATE items, at ${tick1}`);
  });

  describe('when the row changed again after the traced write', () => {
    // Item 1's price becomes 10 at tick 1 and 20 at tick 2; the connector lags 1.5 s, so tick 2's change reaches the topic at tick 3.
    const twiceUpdated = {
      ...aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
        .at(2, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 1 } })
        .build(),
      connector: { delayMillis: 1500 },
    };
    const rowStageNote = (stages: { kind: string; note?: string }[]) =>
      stages.find((stage) => stage.kind === 'table-row')?.note;

    it('says the newer change is still in the connector, not yet on the topic', async () => {
      const shop = aShopMesh().build();
      const simulation = await simulate(shop, twiceUpdated);
      simulation.step(2);
      // Positions: 1 the snapshot, 2 tick 1's update; tick 2's waits in the connector.
      const stages = traceShopRecord(shop, simulation, 2);

      expect(stages.find((stage) => stage.kind === 'table-row')?.records[0]).toMatchObject({ price: 20 });
      expect(rowStageNote(stages)).toBe(
        'Changed again since: the newer change is still in the connector, not yet on shop.public.items: it arrives after the connector’s delay.',
      );
    });

    it('names where the newer change is on the topic', async () => {
      const shop = aShopMesh().build();
      const simulation = await simulate(shop, twiceUpdated);
      simulation.step(3);

      expect(rowStageNote(traceShopRecord(shop, simulation, 2))).toBe(
        'Changed again since: the newer change is at partition 0, offset 2 of shop.public.items.',
      );
      expect(rowStageNote(traceShopRecord(shop, simulation, 3))).toBeUndefined();
    });
  });

  it('dates an outbox write by the event it wrote, when the event says when it occurred', async () => {
    const listings = aMesh()
      .with(
        aSystem('shop')
          .withTable('items', { id: 'integer', name: 'text' })
          .withOutboxEvent('item-listed', { name: 'ItemListed', table: 'items', contractId: 'item-listed' }),
        aProduct('listings').withInput('listed-in').withOutput('listed-out', 'item-listed'),
        aContract('item-listed', 'event', 'item_listed')
          .withProperty('event_id', 'string', { required: true, unique: true })
          .withProperty('occurred_at', 'timestamp', { required: true })
          .withProperty('id', 'integer', { required: true }),
      )
      .withLink('shop/item-listed', 'listings/listed-in')
      .build();
    const scenario = {
      ...aScenario()
        .at(1, 'shop', 'items', 'insert', { values: { id: 1, name: 'lamp' } })
        .build(),
      connector: { delayMillis: 1500 },
    };
    const simulation = await simulate(listings, scenario);
    simulation.step(2);
    const plan = planPipeline(listings);
    const traced = traceChange(plan, simulation, { kind: 'record', log: 'shop/item-listed', position: 1 });

    expect(traced.ok && traced.value.stages[0]?.title).toBe(
      'The service writes items and its outbox, at 2026-01-05T09:01:00.000Z',
    );
  });
});

describe('tracing a row of a table whose changes leave only through the outbox', () => {
  const listings = () =>
    aMesh()
      .with(
        aSystem('shop')
          .withTable('items', { id: 'integer', name: 'text' })
          .withTable('notes', { id: 'integer', text: 'text' })
          .withOutboxEvent('item-listed', { name: 'ItemListed', table: 'items', contractId: 'item-listed' }),
        aProduct('listings').withInput('listed-in').withOutput('listed-out', 'item-listed'),
        aContract('item-listed', 'event', 'item_listed')
          .withProperty('event_id', 'string', { required: true, unique: true })
          .withProperty('occurred_at', 'timestamp', { required: true })
          .withProperty('id', 'integer', { required: true }),
      )
      .withLink('shop/item-listed', 'listings/listed-in')
      .build();
  const scenario = aScenario()
    .at(1, 'shop', 'items', 'insert', { values: { id: 1, name: 'lamp' } })
    .at(2, 'shop', 'items', 'insert', { values: { id: 2, name: 'desk' } })
    .at(2, 'shop', 'notes', 'insert', { values: { id: 1, text: 'memo' } })
    .build();

  it('follows the row from the newest event its write put into the outbox, as a trace of that event does', async () => {
    const mesh = listings();
    const simulation = await simulate(mesh, scenario);
    simulation.step(3);
    const plan = planPipeline(mesh);

    const fromRow = traceChange(plan, simulation, { kind: 'row', nodeId: 'shop', table: 'items', row: { id: 1 } });
    const fromEvent = traceChange(plan, simulation, { kind: 'record', log: 'shop/item-listed', position: 1 });

    expect(fromRow.ok && fromRow.value.key).toEqual({ id: 1 });
    expect(fromRow.ok && fromRow.value.stages.map((stage) => stage.kind)).toEqual(
      fromEvent.ok && fromEvent.value.stages.map((stage) => stage.kind),
    );
    expect(fromRow.ok && fromRow.value.stages[0]?.title).toBe(
      'The service writes items and its outbox, at 2026-01-05T09:01:00.000Z',
    );
  });

  it('says a row none of whose writes published an event has none on the topic, not that one is still to come', async () => {
    const mesh = listings();
    const loaded = aScenario()
      .withData('shop', 'items', 1, { id: { kind: 'sequence' }, name: { kind: 'oneOf', values: ['desk'] } })
      .at(1, 'shop', 'items', 'insert', { values: { id: 7, name: 'lamp' } })
      .build();
    const simulation = await simulate(mesh, loaded);
    simulation.step(2);

    expect(
      traceChange(planPipeline(mesh), simulation, { kind: 'row', nodeId: 'shop', table: 'items', row: { id: 1 } }),
    ).toEqual({
      ok: false,
      errors: [
        {
          path: 'trace',
          message:
            "no event of this items row on 'shop.events.ItemListed' yet: rows loaded before the run publish none, nor do writes the event's on and when leave out",
        },
      ],
    });
  });

  it('says which columns of the write its event does not carry, rather than showing the write without them', async () => {
    const mesh = listings();
    const simulation = await simulate(mesh, scenario);
    simulation.step(2);

    const traced = traceChange(planPipeline(mesh), simulation, {
      kind: 'record',
      log: 'shop/item-listed',
      position: 1,
    });
    const [write, row] = traced.ok ? traced.value.stages : [];

    expect(write?.records).toEqual([{ id: 1 }]);
    expect(write?.note).toBe(
      'The ItemListed event carries only these columns of the write: name is not in it. The items row, next, shows it as the table holds it now.',
    );
    expect(row?.records).toEqual([{ id: 1, name: 'lamp' }]);
  });

  it('finds the events of a row whose event carries its aggregate key, not its primary key', async () => {
    const mesh = aMesh()
      .with(
        aSystem('club')
          .withTable('members', { id: 'integer', member_ref: 'text', name: 'text' })
          .withOutboxEvent('member-changed', {
            name: 'MemberChanged',
            table: 'members',
            on: ['insert', 'update'],
            aggregateKey: ['member_ref'],
            contractId: 'member-changed',
          }),
        aProduct('roster').withInput('members-in').withOutput('members-out', 'member-changed'),
        aContract('member-changed', 'event', 'member_changed')
          .withProperty('event_id', 'string', { required: true, unique: true })
          .withProperty('occurred_at', 'timestamp', { required: true })
          .withProperty('member_ref', 'string', { required: true })
          .withProperty('name', 'string'),
      )
      .withLink('club/member-changed', 'roster/members-in')
      .build();
    const renamed = aScenario()
      .at(1, 'club', 'members', 'insert', { values: { id: 1, member_ref: 'M-1', name: 'Ada' } })
      .at(2, 'club', 'members', 'insert', { values: { id: 2, member_ref: 'M-2', name: 'Bea' } })
      .at(3, 'club', 'members', 'update', { values: { name: 'Ada L.' }, where: { id: 1 } })
      .build();
    const simulation = await simulate(mesh, renamed);
    simulation.step(4);
    const plan = planPipeline(mesh);

    const fromRow = traceChange(plan, simulation, {
      kind: 'row',
      nodeId: 'club',
      table: 'members',
      row: { id: 1, member_ref: 'M-1', name: 'Ada L.' },
    });

    expect(fromRow.ok && fromRow.value.start.record?.value).toMatchObject({ member_ref: 'M-1', name: 'Ada L.' });
    expect(fromRow.ok && fromRow.value.subject).toBe('{"member_ref":"M-1"}');
    expect(fromRow.ok && fromRow.value.stages[0]?.title).toBe(
      'The service writes members and its outbox, at 2026-01-05T09:03:00.000Z',
    );
  });

  it('finds the events of the row itself, not of another row of its aggregate, where the event carries its key', async () => {
    const mesh = aMesh()
      .with(
        aSystem('shop')
          .withTable('lines', { order_id: 'integer', line_no: 'integer', sku: 'text' }, ['order_id', 'line_no'])
          .withOutboxEvent('order-grew', { name: 'OrderGrew', table: 'lines', aggregateKey: ['order_id'] }),
        aProduct('orders').withInput('grew-in'),
      )
      .withLink('shop/order-grew', 'orders/grew-in')
      .build();
    const twoLines = aScenario()
      .at(1, 'shop', 'lines', 'insert', { values: { order_id: 7, line_no: 1, sku: 'lamp' } })
      .at(2, 'shop', 'lines', 'insert', { values: { order_id: 7, line_no: 2, sku: 'desk' } })
      .build();
    const simulation = await simulate(mesh, twoLines);
    simulation.step(3);

    const fromRow = traceChange(planPipeline(mesh), simulation, {
      kind: 'row',
      nodeId: 'shop',
      table: 'lines',
      row: { order_id: 7, line_no: 1, sku: 'lamp' },
    });

    expect(fromRow.ok && fromRow.value.start.record?.value).toMatchObject({ line_no: 1, sku: 'lamp' });
  });

  it('says a table with neither a CDC topic nor an outbox event keeps its changes in the service', async () => {
    const mesh = listings();
    const simulation = await simulate(mesh, scenario);
    simulation.step(3);

    expect(
      traceChange(planPipeline(mesh), simulation, { kind: 'row', nodeId: 'shop', table: 'notes', row: { id: 1 } }),
    ).toEqual({
      ok: false,
      errors: [
        {
          path: 'trace',
          message: "table 'notes' has no CDC topic and publishes no outbox event: its changes never leave the service",
        },
      ],
    });
  });
});

describe('tracing a record the consumer skipped', () => {
  // Item 1 is updated at tick 1 (_sequence 2, offset 1) and deleted at tick 2 (_sequence 3, offset 2);
  // at tick 3 the connector sends both again, newest first: the delete at offset 3, the update at offset 4.
  const scenario = aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
    .at(2, 'shop', 'items', 'delete', { where: { id: 1 } })
    .withFault({ kind: 'out-of-order', tick: 3, systemId: 'shop', topicId: 'items-cdc', records: 2 })
    .build();
  const stagesAfterRaw = (stages: { kind: string }[]) =>
    stages.slice(stages.findIndex((stage) => stage.kind === 'raw') + 1).map((stage) => stage.kind);

  it('says a record sent again was a duplicate already applied, and follows it no further', async () => {
    const shop = aShopMesh({ keepHistory: true }).build();
    const simulation = await simulate(shop, scenario);
    simulation.step(3);
    const resentDelete = traceShopRecord(shop, simulation, 4);
    const resentUpdate = traceShopRecord(shop, simulation, 5);

    const resentRecord = resentDelete.find((stage) => stage.kind === 'cdc-record');
    expect(resentRecord?.message).toMatchObject({ offset: 3 });
    expect(resentRecord?.note).toBe(
      'Sent again: the connector sent this change before, at partition 0, offset 2 (at-least-once delivery).',
    );
    expect(resentDelete.find((stage) => stage.kind === 'clean')?.note).toBe(
      'Skipped as a duplicate: the consumer had already applied this change (_sequence 3) from partition 0, offset 2; a record sent again is not applied twice.',
    );
    expect(stagesAfterRaw(resentDelete)).toEqual(['clean']);
    expect(resentUpdate.find((stage) => stage.kind === 'clean')?.note).toBe(
      'Skipped as a duplicate: the consumer had already applied this change (_sequence 2) from partition 0, offset 1; a record sent again is not applied twice.',
    );
    expect(stagesAfterRaw(resentUpdate)).toEqual(['clean']);
  });

  it('still follows the first delivery of the same change through history and the output port', async () => {
    const shop = aShopMesh({ keepHistory: true }).build();
    const simulation = await simulate(shop, scenario);
    simulation.step(3);
    const firstDelete = traceShopRecord(shop, simulation, 3);

    expect(firstDelete.find((stage) => stage.kind === 'cdc-record')?.note).toBe(
      'Sent again since, at offset 3 of partition 0: each consumer skips a copy as a duplicate, so the trace follows this first delivery.',
    );
    expect(firstDelete.find((stage) => stage.kind === 'clean')?.note).toBe('The row is gone: this delete removed it.');
    expect(stagesAfterRaw(firstDelete)).toEqual(['clean', 'history', 'output-port']);
  });
});

describe('tracing a key whose change was sent again', () => {
  it('follows the delivery the consumer applied, the first of the newest change, and names the copies it skipped', async () => {
    const shop = aShopMesh().build();
    // Item 1 is updated at tick 1 (offset 1); at tick 2 the connector sends it again (offset 2).
    const scenario = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
      .withFault({ kind: 'redeliver', tick: 2, systemId: 'shop', topicId: 'items-cdc', records: 1 })
      .build();
    const simulation = await simulate(shop, scenario);
    simulation.step(2);
    const stages = traceShop(shop, simulation, { kind: 'row', nodeId: 'shop', table: 'items', row: { id: 1 } });
    const record = stages.find((stage) => stage.kind === 'cdc-record');

    expect(record?.message).toMatchObject({ partition: 0, offset: 1 });
    expect(record?.note).toBe(
      'Sent again since, at offset 2 of partition 0: each consumer skips a copy as a duplicate, so the trace follows this first delivery.',
    );
    expect(stages.find((stage) => stage.kind === 'clean')?.note).toBeUndefined();
    expect(stages.map((stage) => stage.kind)).toContain('output-port');
  });
});

describe('tracing one of several changes of a key that reached the port in one tick', () => {
  // Item 1 is updated twice and then deleted at tick 1: three records the consumer reads in one tick
  // (positions 2, 3 and 4 after the snapshot's 1), three records the port publishes for the key.
  const scenario = aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
    .at(1, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 1 } })
    .at(1, 'shop', 'items', 'delete', { where: { id: 1 } })
    .build();
  const portStageOf = async (position: number) => {
    const shop = aShopMesh().build();
    const simulation = await simulate(shop, scenario);
    simulation.step(1);
    return traceShopRecord(shop, simulation, position).find((stage) => stage.kind === 'output-port');
  };

  it('shows the record the port published for the traced change, not the first of that tick', async () => {
    expect((await portStageOf(2))?.records).toEqual([expect.objectContaining({ id: 1, price: 10 })]);
    expect((await portStageOf(3))?.records).toEqual([expect.objectContaining({ id: 1, price: 20 })]);
  });

  it('shows the delete the port published for a traced delete, not an update of that tick', async () => {
    const stage = await portStageOf(4);

    expect(stage?.message).toMatchObject({ key: { id: 1 }, value: null });
  });

  it('says the port quarantined the traced change, not that it published another change of that tick', async () => {
    const shop = aShopMesh().build();
    // At tick 1 a null-field fault re-sends item 1's snapshot record with price null (position 2),
    // then the service updates its price (position 3): the port quarantines the first, publishes the second.
    const nulledThenUpdated = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
      .withFault({ kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'price' })
      .build();
    const simulation = await simulate(shop, nulledThenUpdated);
    simulation.step(1);
    const portOf = (position: number) =>
      traceShopRecord(shop, simulation, position).find((stage) => stage.kind === 'output-port');

    expect(portOf(2)?.check).toMatchObject({ passed: false, rule: 'required', property: 'price' });
    expect(portOf(3)?.check).toMatchObject({ passed: true });
    expect(portOf(3)?.records).toEqual([expect.objectContaining({ id: 1, price: 10 })]);
  });
});

describe('tracing a change the port quarantined', () => {
  it('shows the quarantine of the tick the port read the traced change, not the key’s latest', async () => {
    const shop = aShopMesh().build();
    // At tick 1 a null-field fault re-sends item 1's record with price null (position 2); at tick 2
    // the service sets a status the contract does not list: the port quarantines both.
    const quarantinedTwice = aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .withFault({ kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'price' })
      .at(2, 'shop', 'items', 'update', { values: { status: 'lost' }, where: { id: 1 } })
      .build();
    const simulation = await simulate(shop, quarantinedTwice);
    simulation.step(2);
    const port = traceShopRecord(shop, simulation, 2).find((stage) => stage.kind === 'output-port');

    expect(port?.check).toMatchObject({ passed: false, rule: 'required', property: 'price' });
    expect(port?.moment).toEqual({ kind: 'recorded', text: 'Quarantined at tick 1' });
  });
});

describe('tracing a tombstone', () => {
  // Item 1 is deleted at tick 1: position 2 is its delete, position 3 the tombstone after it.
  const deleted = aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'delete', { where: { id: 1 } })
    .build();

  it('follows the delete the tombstone stands for, as the newest change on the topic is traced', async () => {
    const shop = aShopMesh({ tombstones: true }).build();
    const simulation = await simulate(shop, deleted);
    simulation.step(1);

    const fromTombstone = traceShopRecord(shop, simulation, 3);

    expect(fromTombstone).toEqual(traceShopRecord(shop, simulation, 2));
    const record = fromTombstone.find((stage) => stage.kind === 'cdc-record')?.message;
    expect(record?.position).toBe(2);
    expect(record?.value).toMatchObject({ op: 'd', before: { id: 1 } });
  });
});

describe('tracing a deleted row downstream', () => {
  // A CRM's lines feed `subscriptions`, whose published lines `billing` counts per subscriber.
  const telcoMesh = () =>
    aMesh()
      .with(
        aSystem('crm')
          .withTable('lines', { msisdn: 'text', subscriber_id: 'integer' })
          .withCdcTopic('lines-cdc', 'lines'),
        aProduct('subscriptions').withInput('lines-in').withOutput('lines-out', 'line'),
        aContract('line', 'entity', 'lines').withKey('msisdn', 'string').withProperty('subscriber_id', 'integer'),
        aProduct('billing', 'consumer-aligned')
          .withInput('lines-in')
          .withTransformation(
            'subscriber_lines',
            'SELECT subscriber_id, count(*) AS line_count FROM lines GROUP BY subscriber_id',
          ),
      )
      .withLink('crm/lines-cdc', 'subscriptions/lines-in')
      .withLink('subscriptions/lines-out', 'billing/lines-in')
      .build();
  const linesScenario = () =>
    aScenario()
      .at(1, 'crm', 'lines', 'insert', { values: { msisdn: '31600001', subscriber_id: 7 } })
      .at(1, 'crm', 'lines', 'insert', { values: { msisdn: '31600002', subscriber_id: 7 } })
      .at(2, 'crm', 'lines', 'delete', { where: { msisdn: '31600001' } });

  it('links a deleted row to the results that share its identifying column, by its before image', async () => {
    const telco = telcoMesh();
    const scenario = linesScenario().build();
    const simulation = await simulate(telco, scenario);
    simulation.step(3);
    const plan = planPipeline(telco);
    // Positions on the lines topic: 1 and 2 the inserts, 3 the delete.
    const traced = traceChange(plan, simulation, { kind: 'record', log: 'crm/lines-cdc', position: 3 });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));

    expect((traced.value.stages[2]?.message?.value as { op?: string } | undefined)?.op).toBe('d');
    const counted = traced.value.stages.find((stage) => stage.kind === 'transformation');
    expect(counted?.title).toBe('Transformation subscriber_lines: rows with the same subscriber_id');
    expect(counted?.records).toEqual([{ subscriber_id: 7, line_count: 1 }]);
  });

  it('says the traced delete itself removed the row, at the service and at each consumer, not a later delete', async () => {
    const telco = telcoMesh();
    const simulation = await simulate(telco, linesScenario().build());
    simulation.step(3);
    const traced = traceChange(planPipeline(telco), simulation, { kind: 'record', log: 'crm/lines-cdc', position: 3 });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const notes = traced.value.stages
      .filter((stage) => stage.kind === 'table-row' || stage.kind === 'clean')
      .map((stage) => `${stage.kind} ${stage.nodeId}: ${stage.note}`);

    expect(notes).toEqual([
      'table-row crm: The row is gone: this delete removed it.',
      'clean subscriptions: The row is gone: this delete removed it.',
      'clean billing: The row is gone: this delete removed it.',
    ]);
  });

  it('still says a row was deleted since where a later delete removed it', async () => {
    const telco = telcoMesh();
    const scenario = linesScenario()
      .at(3, 'crm', 'lines', 'insert', { values: { msisdn: '31600001', subscriber_id: 8 } })
      .at(4, 'crm', 'lines', 'delete', { where: { msisdn: '31600001' } })
      .build();
    const simulation = await simulate(telco, scenario);
    simulation.step(5);
    // Positions on the lines topic: 1 and 2 the inserts, 3 the first delete, 4 the insert again, 5 its delete.
    const traced = traceChange(planPipeline(telco), simulation, { kind: 'record', log: 'crm/lines-cdc', position: 3 });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));

    expect(traced.value.stages.find((stage) => stage.kind === 'table-row')?.note).toBe(
      'The row is gone: it was deleted since.',
    );
    expect(traced.value.stages.find((stage) => stage.kind === 'clean')?.note).toBe(
      'The row is gone: it was deleted since.',
    );
  });
});

describe('tracing a change into transformations', () => {
  it('stops only at the steps that read the record’s table, themselves or through an earlier step', async () => {
    // A mine's haul cycles and crusher runs feed `performance`: cycle trucks read the cycles, the
    // crusher rank only the crusher runs, the late cycles the cycle trucks.
    const mine = aMesh()
      .with(
        aSystem('fleet')
          .withTable('haul_cycles', { cycle_id: 'integer', truck: 'text' })
          .withTable('crusher_runs', { run_id: 'integer', crusher: 'text' })
          .withCdcTopic('cycles-cdc', 'haul_cycles')
          .withCdcTopic('crusher-cdc', 'crusher_runs'),
        aProduct('performance', 'consumer-aligned')
          .withInput('cycles-in')
          .withInput('crusher-in')
          .withTransformation('cycle_trucks', 'SELECT cycle_id, truck FROM haul_cycles')
          .withTransformation(
            'crusher_rank',
            'SELECT crusher, count(*) AS runs FROM crusher_runs GROUP BY crusher ORDER BY runs DESC',
          )
          .withTransformation('late_cycles', "SELECT cycle_id FROM cycle_trucks WHERE truck = 'T7'"),
      )
      .withLink('fleet/cycles-cdc', 'performance/cycles-in')
      .withLink('fleet/crusher-cdc', 'performance/crusher-in')
      .build();
    const scenario = aScenario()
      .at(1, 'fleet', 'haul_cycles', 'insert', { values: { cycle_id: 1, truck: 'T7' } })
      .at(1, 'fleet', 'crusher_runs', 'insert', { values: { run_id: 1, crusher: 'CR01' } })
      .build();
    const simulation = await simulate(mine, scenario);
    simulation.step(2);
    const traced = traceChange(planPipeline(mine), simulation, {
      kind: 'record',
      log: 'fleet/cycles-cdc',
      position: 1,
    });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));

    const steps = traced.value.stages.filter((stage) => stage.kind === 'transformation');
    expect(steps.map((stage) => [stage.title, stage.records])).toEqual([
      ['Transformation cycle_trucks: rows with the same cycle_id', [{ cycle_id: 1, truck: 'T7' }]],
      ['Transformation late_cycles: rows with the same cycle_id', [{ cycle_id: 1 }]],
    ]);
  });
});

describe('tracing a truncate', () => {
  // Items 1..3 are snapshotted at tick 0 (positions 1..3 on the topic), item 1's price set to 10 at
  // tick 1 (position 4), the table truncated at tick 2 (position 5), item 9 inserted at tick 3 (position 6).
  // The catalog keeps history and publishes items; `report` reads them and lists their prices.
  const shop = aShopMesh({ keepHistory: true })
    .with(
      aProduct('report', 'consumer-aligned')
        .withInput('items-in')
        .withTransformation('prices', 'SELECT id, price FROM items'),
    )
    .withLink('catalog/items-out', 'report/items-in')
    .build();
  const scenario = aScenario()
    .withData('shop', 'items', 3, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
    .at(2, 'shop', 'items', 'truncate', {})
    .at(3, 'shop', 'items', 'insert', { values: { id: 9, name: 'desk', price: 30, status: 'new' } })
    .build();
  const truncatedAt = new Date(tickMillis(2)).toISOString();

  it('names the truncate at every stage, shows the versions it closed and the deletes the port published', async () => {
    const simulation = await simulate(shop, scenario);
    simulation.step(3);
    const traced = traceChange(planPipeline(shop), simulation, { kind: 'record', log: 'shop/items-cdc', position: 5 });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const { subject, stages } = traced.value;
    const at = (kind: string, nodeId: string) => stages.find((stage) => stage.kind === kind && stage.nodeId === nodeId);

    expect(subject).toBe('TRUNCATE items');
    expect(stages.map((stage) => `${stage.kind} ${stage.nodeId} ${stage.source}`)).toEqual([
      'service-write shop items',
      'table-row shop items',
      'cdc-record shop shop.public.items',
      'raw catalog raw_items_in',
      'clean catalog items',
      'history catalog items_history',
      'output-port catalog catalog/items-out',
      'raw report raw_items_in',
      'clean report items',
      'transformation report prices',
    ]);
    expect(at('service-write', 'shop')?.title).toBe(`TRUNCATE items, at ${truncatedAt}`);
    expect(at('service-write', 'shop')?.records).toEqual([]);
    expect(at('table-row', 'shop')?.note).toBe(
      'The table was emptied: TRUNCATE removed every row at once. It holds 1 row now, written since.',
    );
    // The truncate was applied (it is its own last truncate, not a later one).
    expect(at('clean', 'catalog')?.note).toBe(
      'The table was emptied: this truncate deleted every row at once. It holds 1 row now, written since.',
    );
    expect(at('clean', 'catalog')?.records).toEqual([]);
    const closed = at('history', 'catalog');
    expect(closed?.title).toBe(`History in items_history: the 3 versions this truncate closed at ${truncatedAt}`);
    expect(closed?.records.map((version) => [version.id, version.price, version.valid_to, version.is_current])).toEqual(
      [
        [1, 10, truncatedAt, 0],
        [2, 9.5, truncatedAt, 0],
        [3, 9.5, truncatedAt, 0],
      ],
    );
    const port = at('output-port', 'catalog');
    expect(port?.records).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(port?.note).toBe(
      `3 delete records published at ${truncatedAt}, one per key the table held; the stages after follow the first, {"id":1}.`,
    );
    expect(at('raw', 'report')?.records[0]).toMatchObject({ _op: 'delete', id: 1 });
    expect(at('clean', 'report')?.records).toEqual([]);
  });

  it('shows a port’s delete in the raw zone as its record carries it: the key, not the deleted row’s values', async () => {
    const simulation = await simulate(shop, scenario);
    simulation.step(3);
    const traced = traceChange(planPipeline(shop), simulation, { kind: 'record', log: 'shop/items-cdc', position: 5 });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const raw = traced.value.stages.find((stage) => stage.kind === 'raw' && stage.nodeId === 'report');

    // The first delete the catalog published for the truncate: its port's fifth record, after the three
    // items and item 1's new price (partition 0, offset 3).
    expect(raw?.records).toEqual([
      {
        _position: 5,
        _partition: 0,
        _offset: 3,
        _timestamp: tickMillis(2),
        _key: '{"id":1}',
        _op: 'delete',
        id: 1,
      },
    ]);
    expect(rowsOf(simulation, 'report', 'SELECT name, price FROM raw_items_in WHERE _position = 5')).toEqual([
      { name: 'lamp', price: 10 },
    ]);
    expect(raw?.note).toBe(
      "A delete (value null): the record carries only its key. The raw zone's row also keeps the values the port last published for the key (name, price, status), from the port's log, not from the record; they are left out here.",
    );
  });

  it('says a truncate sent again was skipped as a duplicate, and a change before it was applied', async () => {
    const resent = {
      ...scenario,
      faults: [{ kind: 'redeliver' as const, tick: 2, systemId: 'shop', topicId: 'items-cdc', records: 1 }],
    };
    const simulation = await simulate(shop, resent);
    simulation.step(3);
    const plan = planPipeline(shop);
    const cleanNote = (position: number) => {
      const traced = traceChange(plan, simulation, { kind: 'record', log: 'shop/items-cdc', position });
      return traced.ok ? traced.value.stages.find((stage) => stage.kind === 'clean')?.note : undefined;
    };

    // Positions: 5 the truncate, 6 the truncate sent again (offset 5), 7 item 9's insert.
    expect(cleanNote(5)).toMatch(/^The table was emptied: this truncate deleted every row/);
    expect(cleanNote(6)).toBe(
      'Skipped as a duplicate: the consumer had already applied this change (_sequence 5) from partition 0, offset 4; a record sent again is not applied twice.',
    );
    expect(cleanNote(4)).toBe('The row is gone: it was deleted since.');
  });
});

describe('the moment each stage shows', () => {
  it('says which stages read tables at the trace’s tick, and when each record was published', async () => {
    const simulation = await simulate(mesh, mesh.scenarios[0] as never);
    simulation.step(6);
    const { traced } = traceOrder(simulation, 1000, () => true);
    const now = 'read at the trace’s tick';
    const moments = Object.fromEntries(
      traced.stages.map((stage) => [
        `${stage.kind} ${stage.nodeId}`,
        stage.moment.kind === 'now' ? now : stage.moment.text,
      ]),
    );
    expect(traced.readAt).toEqual({ tick: 6, time: new Date(tickMillis(6)).toISOString() });

    // Tick 5 cancels order 1000; its record reaches the topic and every consumer in that tick.
    const publishedAt = `Published at ${new Date(tickMillis(5)).toISOString()}`;
    expect(moments).toEqual({
      'service-write orders-service': `Written at ${new Date(tickMillis(5)).toISOString()}`,
      'table-row orders-service': now,
      'cdc-record orders-service': publishedAt,
      'raw orders': `Read from the log: the record ${publishedAt.replace('Published', 'published')}`,
      'clean orders': now,
      'history orders': now,
      'output-port orders': publishedAt,
      'raw customer-360': `Read from the log: the record ${publishedAt.replace('Published', 'published')}`,
      'clean customer-360': now,
      'transformation customer-360': now,
      'output-port customer-360': publishedAt,
      'raw sales-dashboard': `Read from the log: the record ${publishedAt.replace('Published', 'published')}`,
      'clean sales-dashboard': now,
      'transformation sales-dashboard': now,
      'output-port sales-dashboard': publishedAt,
    });
  });
});

describe('tracing a change a fault broke', () => {
  const shop = withNameRequired(aShopMesh().build());
  const shopPlan = planPipeline(shop);

  /** The first three stages of the newest change on the items topic whose record `matches`. */
  async function writeAndRow(
    fault: Parameters<ReturnType<typeof aScenario>['withFault']>[0],
    matches: (record: LogRecord) => boolean = () => true,
  ) {
    const simulation = await simulate(
      shop,
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
        .at(2, 'shop', 'items', 'update', { values: { price: 15 }, where: { id: 1 } })
        .withFault(fault)
        .build(),
    );
    simulation.step(2);
    const topic = shopPlan.logs.find((log) => log.table === 'shop/items-cdc');
    if (!topic) throw new Error('no items topic');
    const read = readMessages(simulation.query, topic, { limit: 3 });
    const record = read.ok ? read.value.find(matches) : undefined;
    if (!record) throw new Error('no record');
    const traced = traceChange(shopPlan, simulation, { kind: 'record', log: topic.table, position: record.position });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const [write, row, published] = traced.value.stages;
    return { write: write?.records, changed: write?.changed, row: row?.records, published: published?.records };
  }

  it('shows the service writing the column a rename fault renamed under its own name; only the record has the new one', async () => {
    const { write, row, published } = await writeAndRow({
      kind: 'rename-column',
      tick: 2,
      systemId: 'shop',
      topicId: 'items-cdc',
      column: 'name',
      renamedTo: 'title',
    });

    expect(write).toEqual([{ id: 1, name: 'lamp', price: 15, status: 'new' }]);
    expect(row).toEqual([{ id: 1, name: 'lamp', price: 15, status: 'new' }]);
    expect(published?.[0]).toMatchObject({ after: { id: 1, title: 'lamp', price: 15, status: 'new' } });
  });

  it('shows no service write for a null-field fault’s record: the table’s column is NOT NULL and keeps its value, only the record has null', async () => {
    const { write, changed, row, published } = await writeAndRow(
      {
        kind: 'null-field',
        tick: 2,
        systemId: 'shop',
        topicId: 'items-cdc',
        column: 'name',
      },
      (record) => (record.value as { after?: { name?: unknown } }).after?.name === null,
    );

    expect(published?.[0]).toMatchObject({ after: { id: 1, name: null, price: 12, status: 'new' } });
    expect(write).toEqual([]);
    expect(changed).toEqual([]);
    expect(row).toEqual([{ id: 1, name: 'lamp', price: 15, status: 'new' }]);
  });

  /** Item 1 updated at tick 1, then the name nulled by a fault at `tick`, run to that tick (in the shop, or `mesh`). */
  async function nullFieldAt(tick: number, mesh = shop) {
    const simulation = await simulate(
      mesh,
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
        .withFault({ kind: 'null-field', tick, systemId: 'shop', topicId: 'items-cdc', column: 'name' })
        .build(),
    );
    simulation.step(tick);
    return simulation;
  }

  it('says a null-field fault made the record, not a service write, and where the entity now disagrees with the source', async () => {
    const simulation = await nullFieldAt(2);
    // Positions: 1 the snapshot, 2 the update, 3 the fault's record.
    const stages = traceShopRecord(shop, simulation, 3);
    const write = stages.find((stage) => stage.kind === 'service-write');
    const clean = stages.find((stage) => stage.kind === 'clean');

    expect(write?.title).toBe('No service write: the fault “A null in a required field” made this record, at tick 2');
    expect(write?.note).toBe(
      "The service wrote nothing: the fault “A null in a required field”, fired at tick 2, injected this change record on shop.public.items, re-sending the row's last change, an update (op u), with name null and every other field as the items row holds it. The row below is the service's, unchanged.",
    );
    expect(write?.records).toEqual([]);
    expect(write?.moment).toEqual({ kind: 'recorded', text: 'Injected by the fault at tick 2' });
    expect(clean?.records).toEqual([expect.objectContaining({ id: 1, name: null })]);
    expect(clean?.note).toBe(
      'The entity now disagrees with the source of record: shop\'s items row has name "lamp", the entity name null.',
    );
  });

  it('keeps the column a null-field fault nulled in view at the raw zone, marked, and names the fault there', async () => {
    const simulation = await nullFieldAt(2);
    const raw = traceShopRecord(shop, simulation, 3).find((stage) => stage.kind === 'raw');

    expect(raw?.records).toEqual([expect.objectContaining({ before_name: 'lamp', after_name: null })]);
    expect(raw?.changed).toContain('after_name');
    expect(raw?.note).toBe(
      'after_name is null: nulled by the fault “A null in a required field” at tick 2, not by the service (before_name holds its value).',
    );
  });

  it('says the null-field fault re-sent a snapshot read as one, which carries no before image', async () => {
    const simulation = await simulate(
      shop,
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .withFault({ kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'name' })
        .build(),
    );
    simulation.step(1);
    // Positions: 1 the snapshot, 2 the fault's record.
    const stages = traceShopRecord(shop, simulation, 2);
    const write = stages.find((stage) => stage.kind === 'service-write');
    const record = stages.find((stage) => stage.kind === 'cdc-record');
    const raw = stages.find((stage) => stage.kind === 'raw');

    expect(record?.message?.value).toMatchObject({ op: 'r', before: null, after: { id: 1, name: null } });
    expect(write?.note).toBe(
      "The service wrote nothing: the fault “A null in a required field”, fired at tick 1, injected this change record on shop.public.items, re-sending the row's last change, a snapshot read (op r), with name null and every other field as the items row holds it. The row below is the service's, unchanged.",
    );
    expect(raw?.note).toBe(
      'after_name is null: nulled by the fault “A null in a required field” at tick 1, not by the service (the items row keeps its value; a snapshot read carries no before image, so before_name is null too).',
    );
  });

  it('says at the History stage which version the null-field fault’s record made, which history keeps', async () => {
    const withHistory = withNameRequired(aShopMesh({ keepHistory: true }).build());
    const simulation = await nullFieldAt(2, withHistory);
    const history = traceShopRecord(withHistory, simulation, 3).find((stage) => stage.kind === 'history');

    expect(history?.records[2]).toMatchObject({ name: null });
    expect(history?.note).toBe(
      'Version 3, with name null, came from the record the fault “A null in a required field” at tick 2 made: the entity applied it, so its history keeps it.',
    );
  });

  it('tells a service write as one although a null-field fault fired on its topic', async () => {
    const simulation = await nullFieldAt(1);
    // Positions: 1 the snapshot, 2 the fault's record, 3 the update the service wrote.
    const [write] = traceShopRecord(shop, simulation, 3);

    expect(write?.title).toBe('UPDATE items, at 2026-01-05T09:01:00.000Z');
    expect(write?.note).toBeUndefined();
  });
});

/** The shop with its items' name NOT NULL, as a service's required column is. */
function withNameRequired(shop: Mesh): Mesh {
  const systems = shop.systems.map((system) => ({
    ...system,
    database: system.database && {
      ...system.database,
      tables: system.database.tables.map((table) => ({
        ...table,
        columns: table.columns.map((column) => (column.name === 'name' ? { ...column, nullable: false } : column)),
      })),
    },
  }));
  return { ...shop, systems };
}

/** What tracing item 1's row says after `ticks` ticks of a run whose topic keeps 3 records. */
async function itemOneTraceErrors(mesh: Mesh, scenario: Scenario, ticks: number): Promise<string[]> {
  const simulation = await simulate(mesh, scenario, { retainedRecords: 3 });
  simulation.step(ticks);
  const traced = traceChange(planPipeline(mesh), simulation, {
    kind: 'row',
    nodeId: 'shop',
    table: 'items',
    row: { id: 1 },
  });
  return traced.ok ? [] : traced.errors.map((error) => error.message);
}

describe('tracing a row of a table without a primary key', () => {
  it('says no key picks the row out of its topic, and to trace one of its records instead', async () => {
    const shop = aShopMesh({ keyless: true }).build();
    const simulation = await simulate(shop, aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).build());
    simulation.step(1);
    const [row] = rowsOf(simulation, 'shop', 'SELECT * FROM items ORDER BY id LIMIT 1');
    if (!row) throw new Error('no item');

    const traced = traceChange(planPipeline(shop), simulation, { kind: 'row', nodeId: 'shop', table: 'items', row });

    expect(traced).toEqual({
      ok: false,
      errors: [
        {
          path: 'trace',
          message:
            "items has no primary key, so its records on 'shop.public.items' carry no key that picks out this row: trace one of those records instead",
        },
      ],
    });
  });
});

describe('tracing a record lost to retention', () => {
  // Items 1..3 are snapshotted at tick 0 (positions 1..3), the table truncated at tick 1 (position 4),
  // items 4..7 inserted at ticks 2 and 3 (positions 5..8). The topic keeps 3 records; the catalog is
  // offline for ticks 1..3, so retention removes the truncate before it reads it (the table has no
  // primary key, so its topic keeps the delete policy).
  const shop = aShopMesh({ keyless: true }).build();
  const scenario = aScenario()
    .withData('shop', 'items', 3, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'truncate', {})
    .at(2, 'shop', 'items', 'insert', { values: { id: 4, name: 'desk', price: 30, status: 'new' } })
    .at(2, 'shop', 'items', 'insert', { values: { id: 5, name: 'desk', price: 30, status: 'new' } })
    .at(3, 'shop', 'items', 'insert', { values: { id: 6, name: 'desk', price: 30, status: 'new' } })
    .at(3, 'shop', 'items', 'insert', { values: { id: 7, name: 'desk', price: 30, status: 'new' } })
    .withFault({ kind: 'consumer-offline', tick: 1, productId: 'catalog', ticks: 3 })
    .build();
  const lost =
    'Lost: retention removed it from shop.public.items before catalog read it (counted in its lost records), so it never changed items.';
  const waitingWhileOffline =
    'Not consumed yet: catalog is offline (a consumer-offline fault) until tick 4; the record waits in the log until then, unless retention removes it first.';

  it('names the consumer-offline fault that keeps a record waiting, and the tick its consumer is back', async () => {
    const simulation = await simulate(shop, scenario);
    simulation.step(2);
    // Item 4's insert, at position 5, published at tick 2 while the catalog is away (ticks 1 to 3).
    const traced = traceChange(planPipeline(shop), simulation, { kind: 'record', log: 'shop/items-cdc', position: 5 });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));

    expect(traced.value.stages.find((stage) => stage.kind === 'raw')?.note).toBe(waitingWhileOffline);
  });

  it('says a truncate waits in the log while the consumer is away, and is lost once retention removed it', async () => {
    const simulation = await simulate(shop, scenario, { retainedRecords: 3 });
    simulation.step(1);
    const plan = planPipeline(shop);
    const first = traceChange(plan, simulation, { kind: 'record', log: 'shop/items-cdc', position: 4 });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect(first.value.stages.find((stage) => stage.kind === 'raw')?.note).toBe(waitingWhileOffline);

    // Tick 4: the catalog is back, past the records it lost; the truncate has left the topic.
    simulation.step(3);
    expect(simulation.metrics().consumers['catalog/items-in']).toMatchObject({ lag: 0, lost: 2 });
    const again = traceChange(plan, simulation, first.value.start);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    const { stages, readAt } = again.value;

    expect(readAt.tick).toBe(4);
    expect(stages.map((stage) => `${stage.kind} ${stage.nodeId} ${stage.source}`)).toEqual([
      'service-write shop items',
      'table-row shop items',
      'cdc-record shop shop.public.items',
      'raw catalog raw_items_in',
      'clean catalog items',
    ]);
    const [, row, published, raw, entity] = stages;
    expect(row?.note).toBe(
      'The table was emptied: TRUNCATE removed every row at once. It holds 4 rows now, written since.',
    );
    expect(published?.note).toBe(
      'Retention has removed this record from the topic since: it is shown as the trace first read it.',
    );
    expect(raw?.title).toBe('catalog never read it through items-in: lost to retention');
    expect(raw?.note).toBe(lost);
    expect(raw?.moment).toEqual({ kind: 'recorded', text: `Published at ${new Date(tickMillis(1)).toISOString()}` });
    // Items 1..3, which the truncate removed at the source, are still there; item 4's insert was lost too.
    expect(rowsOf(simulation, 'catalog', 'SELECT id FROM items ORDER BY id').map((item) => item.id)).toEqual([
      1, 2, 3, 5, 6, 7,
    ]);
    expect(entity?.records).toEqual([]);
    expect(entity?.note).toBe(
      'Never emptied by this truncate, which was lost: it holds 6 rows now, rows the truncate removed at the source among them.',
    );
  });

  it('says a record is lost as soon as retention removed it, before the offline consumer is back', async () => {
    const simulation = await simulate(shop, scenario, { retainedRecords: 3 });
    simulation.step(2);
    const plan = planPipeline(shop);
    // Item 4's insert, at position 5: still on the topic at tick 2, removed at tick 3 while the catalog is away.
    const first = traceChange(plan, simulation, { kind: 'record', log: 'shop/items-cdc', position: 5 });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    simulation.step(1);
    expect(simulation.metrics().consumers['catalog/items-in']).toMatchObject({ lost: 2 });
    const traced = traceChange(plan, simulation, first.value.start);
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const raw = traced.value.stages.find((stage) => stage.kind === 'raw');
    expect(raw?.note).toBe(lost);
    expect(traced.value.stages.at(-1)?.note).toBe(
      'Never changed by this record, which was lost: it holds no row for this key.',
    );
  });
  it('does not blame retention for a row of a table without a primary key, which no key picks out of the topic anyway', async () => {
    expect(await itemOneTraceErrors(shop, scenario, 4)).toEqual([
      "items has no primary key, so its records on 'shop.public.items' carry no key that picks out this row: trace one of those records instead",
    ]);
  });
  it('says a keyed table’s topic is compacted in Kafka, where the row’s record would stay, but cut to the last records here', async () => {
    // Items 1 and 2 are snapshotted at tick 0; items 3..6 inserted at ticks 1 and 2 push them out of a 3-record window.
    const keyed = aShopMesh().build();
    const inserts = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'insert', { values: { id: 3, name: 'desk', price: 30, status: 'new' } })
      .at(1, 'shop', 'items', 'insert', { values: { id: 4, name: 'desk', price: 30, status: 'new' } })
      .at(2, 'shop', 'items', 'insert', { values: { id: 5, name: 'desk', price: 30, status: 'new' } })
      .at(2, 'shop', 'items', 'insert', { values: { id: 6, name: 'desk', price: 30, status: 'new' } })
      .build();
    expect(await itemOneTraceErrors(keyed, inserts, 2)).toEqual([
      "no record of this items row on 'shop.public.items': the topic is compacted in Kafka, where its latest record for this key would still be there, but the simulation keeps only the last 3 records of it; raise retention.records in the scenario, or trace a row changed more recently",
    ]);
  });
});

describe('tracing a change to what a transformation publishes', () => {
  // Items 1 and 2 are snapshotted at tick 0 (positions 1, 2); item 1 is deleted at tick 1 (position 3),
  // item 3 inserted at tick 2.
  const scenario = aScenario()
    .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'delete', { where: { id: 1 } })
    .at(2, 'shop', 'items', 'insert', { values: { id: 3, name: 'desk', price: 30, status: 'new' } })
    .build();
  const traceDelete = async (report: Mesh) => {
    const simulation = await simulate(report, scenario);
    simulation.step(2);
    const traced = traceChange(planPipeline(report), simulation, {
      kind: 'record',
      log: 'shop/items-cdc',
      position: 3,
    });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    return traced.value.stages.slice(-2);
  };

  it('shows the delete a port published for a key its result no longer has', async () => {
    const prices = aShopReportMesh('prices', 'SELECT id, price FROM items', (contract) =>
      contract.withKey('id', 'integer').withProperty('price', 'number'),
    );
    const [result, port] = await traceDelete(prices);

    expect(result?.note).toBe('No row of prices has this id now.');
    expect(port?.kind).toBe('output-port');
    expect(port?.title).toBe('Output port report-out, checked against contract report 1.0.0');
    expect(port?.message).toMatchObject({ key: { id: 1 }, value: null, timestamp: tickMillis(1) });
    expect(port?.records).toEqual([{ id: 1 }]);
    expect(port?.note).toBe('A delete: prices no longer has this key, so the port published it with value null.');
  });

  it('says where the port’s record, published when the change reached it, differs from the result read now', async () => {
    const counts = statusCountsMesh();
    const [result, port] = await traceDelete(counts);

    // Now, at tick 2: items 2 and 3. Published at tick 1, after the delete: item 2 only.
    expect(result?.records).toEqual([{ status: 'new', item_count: 2 }]);
    expect(result?.moment).toEqual({ kind: 'now' });
    expect(port?.records).toEqual([{ status: 'new', item_count: 1 }]);
    expect(port?.moment).toEqual({ kind: 'recorded', text: `Published at ${new Date(tickMillis(1)).toISOString()}` });
    expect(port?.note).toBe(
      'Published when this change reached the port, with item_count 1; status_counts read now has item_count 2: later changes reached it since.',
    );
  });
});

describe('tracing a change that leaves what a transformation publishes as it was', () => {
  // Items 1 and 2 (price 9.5, status new) are snapshotted at tick 0; item 1's price changes at tick 1.
  const scenario = aScenario()
    .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 1 } })
    .build();
  const tracePortOfPriceChange = async (report: Mesh) => {
    const simulation = await simulate(report, scenario);
    simulation.step(2);
    return traceOfNewestRecord(report, simulation, 'shop/items-cdc').stages.at(-1);
  };

  it('shows the record the port published before the change as still standing, and when', async () => {
    const counts = statusCountsMesh();
    const port = await tracePortOfPriceChange(counts);

    const publishedAtStart = new Date(tickMillis(0)).toISOString();
    expect(port?.kind).toBe('output-port');
    expect(port?.note).toBe(
      `Nothing published for this key since the change, which left the published table as it was: the record the port published at tick 0 (${publishedAtStart}) still stands.`,
    );
    expect(port?.records).toEqual([{ status: 'new', item_count: 2 }]);
    expect(port?.message).toMatchObject({ key: { status: 'new' }, timestamp: tickMillis(0) });
    expect(port?.log).toBe('report/report-out');
    expect(port?.moment).toEqual({ kind: 'recorded', text: `Published before the change, at ${publishedAtStart}` });
  });

  it('does not pass off a record a later change made as the one this change published, and names what it no longer has', async () => {
    // Item 1's price change at tick 1 leaves the count as it was; item 2 leaves 'new' at tick 2.
    const laterStatusChange = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { price: 20 }, where: { id: 1 } })
      .at(2, 'shop', 'items', 'update', { values: { status: 'sold' }, where: { id: 2 } })
      .build();
    const counts = statusCountsMesh();
    const simulation = await simulate(counts, laterStatusChange);
    simulation.step(3);
    const countsPlan = planPipeline(counts);
    const topic = countsPlan.logs.find((log) => log.table === 'shop/items-cdc');
    if (!topic) throw new Error('no items topic');
    const read = readMessages(simulation.query, topic, { limit: 10, key: '1' });
    const priceChange = read.ok ? read.value.find((record) => record.timestamp === tickMillis(1)) : undefined;
    if (!priceChange) throw new Error('no price change of item 1');
    const traced = traceChange(countsPlan, simulation, {
      kind: 'record',
      log: topic.table,
      position: priceChange.position,
    });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const port = traced.value.stages.at(-1);

    const publishedAtStart = new Date(tickMillis(0)).toISOString();
    expect(port?.kind).toBe('output-port');
    expect(port?.records).toEqual([{ status: 'new', item_count: 2 }]);
    expect(port?.message).toMatchObject({ key: { status: 'new' }, timestamp: tickMillis(0) });
    expect(port?.note).toBe(
      `Nothing published for this key when the change reached the port at tick 1, as it left the published table as it was: the record the port published at tick 0 (${publishedAtStart}) stood then, with item_count 2; status_counts read now has item_count 1. The port published for this key again at tick 2, for later changes.`,
    );
  });

  it('shows what a consumer that was offline published for the change once back, at the tick it read it', async () => {
    const offlineWhileSold = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { status: 'sold' }, where: { id: 1 } })
      .withFault({ kind: 'consumer-offline', tick: 1, productId: 'report', ticks: 2 })
      .build();
    const counts = statusCountsMesh();
    const simulation = await simulate(counts, offlineWhileSold);
    simulation.step(4);
    const port = traceOfNewestRecord(counts, simulation, 'shop/items-cdc').stages.at(-1);

    // Back at tick 3, the report read the change and published the new count of 'sold' then.
    expect(port?.records).toEqual([{ status: 'sold', item_count: 1 }]);
    expect(port?.moment).toEqual({ kind: 'recorded', text: `Published at ${new Date(tickMillis(3)).toISOString()}` });
  });

  it('says nothing has been published for a key the port never published', async () => {
    const dear = aShopReportMesh('dear_items', 'SELECT id, price FROM items WHERE price > 100', (contract) =>
      contract.withKey('id', 'integer').withProperty('price', 'number'),
    );
    const port = await tracePortOfPriceChange(dear);

    expect(port?.kind).toBe('output-port');
    expect(port?.note).toBe('Nothing published for this key yet: the change left the published table as it was.');
    expect(port?.records).toEqual([]);
    expect(port?.moment).toEqual({ kind: 'now' });
  });
});

describe('tracing a change of a row’s key', () => {
  it('shows, for the old key, the row under its new key instead of saying it was deleted', async () => {
    const scenario = structuredClone(mesh.scenarios[0]) as Mesh['scenarios'][number];
    scenario.steps = [
      {
        tick: 2,
        systemId: 'orders-service',
        table: 'orders',
        op: 'update',
        values: { order_id: 9000 },
        where: { order_id: 1000 },
      },
    ];
    const simulation = await simulate(mesh, scenario);
    simulation.step(4);
    const { traced } = traceOrder(simulation, 1000, (record) => '__debezium.newkey' in (record.headers ?? {}));

    const write = traced.stages.find((stage) => stage.kind === 'service-write');
    expect(write?.changed).toEqual(['order_id']);
    expect(write?.records[0]?.order_id).toBe(9000);
    expect(write?.changedFrom).toEqual({ order_id: 1000 });
    const row = traced.stages.find((stage) => stage.kind === 'table-row');
    expect(row?.note).toBe(
      'No row has {"order_id":1000} now: its key became {"order_id":9000}; this is the row under its new key.',
    );
    expect(row?.records.map((record) => record.order_id)).toEqual([9000]);
    const clean = traced.stages.find((stage) => stage.kind === 'clean');
    expect(clean?.note).toBe(
      'No row has {"order_id":1000} now: its key became {"order_id":9000}; this is the row under its new key.',
    );
    expect(clean?.records.map((record) => record.order_id)).toEqual([9000]);
  });
});

describe('tracing a change through a join on a column that is no key', () => {
  it('links a customs hold to the gate releases of its container, by the container_no the join equates', async () => {
    // Gate releases carry the gate transaction's container_no, which the EXISTS holds equal to the hold's.
    const port = aMesh()
      .with(
        aSystem('terminal')
          .withTable('gate_moves', { move_id: 'integer', container_no: 'text' })
          .withTable('holds', { hold_id: 'integer', container_no: 'text', status: 'text' })
          .withCdcTopic('moves-cdc', 'gate_moves')
          .withCdcTopic('holds-cdc', 'holds'),
        aProduct('release')
          .withInput('moves-in')
          .withInput('holds-in')
          .withTransformation(
            'gate_release',
            "SELECT g.move_id, g.container_no, CASE WHEN EXISTS (SELECT 1 FROM holds h WHERE h.container_no = g.container_no AND h.status = 'active') THEN 'blocked' ELSE 'clear' END AS release_state FROM gate_moves g",
          )
          // `held` renames the hold's own columns: they carry its values under other names.
          .withTransformation('held', 'SELECT h.container_no AS held_container, h.status FROM holds h'),
      )
      .withLink('terminal/moves-cdc', 'release/moves-in')
      .withLink('terminal/holds-cdc', 'release/holds-in')
      .build();
    const scenario = aScenario()
      .at(1, 'terminal', 'gate_moves', 'insert', { values: { move_id: 1, container_no: 'MSKU1' } })
      .at(1, 'terminal', 'gate_moves', 'insert', { values: { move_id: 2, container_no: 'MSKU1' } })
      .at(1, 'terminal', 'gate_moves', 'insert', { values: { move_id: 3, container_no: 'TGHU2' } })
      .at(2, 'terminal', 'holds', 'insert', { values: { hold_id: 7, container_no: 'MSKU1', status: 'active' } })
      .build();
    const simulation = await simulate(port, scenario);
    simulation.step(3);
    const traced = traceChange(planPipeline(port), simulation, {
      kind: 'record',
      log: 'terminal/holds-cdc',
      position: 1,
    });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));

    const steps = traced.value.stages.filter((stage) => stage.kind === 'transformation');
    expect(steps.map((stage) => [stage.title, stage.records, stage.note])).toEqual([
      [
        'Transformation gate_release: rows with the same container_no',
        [
          { move_id: 1, container_no: 'MSKU1', release_state: 'blocked' },
          { move_id: 2, container_no: 'MSKU1', release_state: 'blocked' },
        ],
        undefined,
      ],
      [
        'Transformation held: rows with the same held_container, status',
        [{ held_container: 'MSKU1', status: 'active' }],
        undefined,
      ],
    ]);
  });
});
