import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared/model/scenario';
import type { Simulation } from '../../../shared/simulation';
import { type ChangeTrace, traceChange } from '../../../shared/simulation/change-trace';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { ecommerceSample, loadSqlJs, simulate, tickMillis } from './builders';

const mesh = ecommerceSample();
const plan = planPipeline(mesh);
beforeAll(() => loadSqlJs(), 60_000);

const ORDERS_CDC = 'orders-service/orders-cdc';
const ORDER_PLACED = 'orders-service/order-placed-events';

/**
 * The workshop scenario, and at tick 2 one transaction of the orders service that inserts order
 * 5000 (OrderPlaced goes into its outbox: the event is published on insert only) and then updates
 * it: two CDC records of one key in one transaction, of which only the first wrote the event.
 */
function placedThenPaid(): Scenario {
  const workshop = mesh.scenarios[0] as Scenario;
  return {
    ...workshop,
    faults: [],
    steps: [
      {
        tick: 2,
        systemId: 'orders-service',
        table: 'orders',
        op: 'insert',
        values: { order_id: 5000, customer_id: 3, total: 42.5, status: 'placed' },
      },
      {
        tick: 2,
        systemId: 'orders-service',
        table: 'orders',
        op: 'update',
        values: { status: 'paid' },
        where: { order_id: 5000 },
      },
    ],
  };
}

/** Order 5000's record on a log with op `op` (CDC) or its only record (outbox), by position. */
function order5000(simulation: Simulation, log: string, op?: string) {
  const planned = plan.logs.find((candidate) => candidate.table === log);
  if (!planned) throw new Error(`no log ${log}`);
  const read = readMessages(simulation.query, planned, { limit: 20, key: '5000' });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const record = read.value.find((message) => !op || (message.value as { op?: string } | null)?.op === op);
  if (!record) throw new Error(`no record of order 5000 on ${log}`);
  return record;
}

function trace(simulation: Simulation, log: string, position: number): ChangeTrace {
  const traced = traceChange(plan, simulation, { kind: 'record', log, position });
  if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
  return traced.value;
}

const described = (traced: ChangeTrace) =>
  traced.stages.map((stage) => `${stage.branch?.label ?? '-'} | ${stage.kind} ${stage.nodeId} ${stage.source}`);

const CDC = 'CDC: orders.public.orders';
const OUTBOX = 'Outbox event: OrderPlaced';

const CDC_BRANCH = [
  `${CDC} | cdc-record orders-service orders.public.orders`,
  `${CDC} | raw orders raw_orders_cdc_in`,
  `${CDC} | clean orders orders`,
  `${CDC} | history orders orders_history`,
  `${CDC} | output-port orders orders/orders-out`,
  `${CDC} | raw customer-360 raw_orders_in`,
  `${CDC} | clean customer-360 orders`,
  `${CDC} | transformation customer-360 customer_profile`,
  `${CDC} | output-port customer-360 customer-360/profiles-out`,
  `${CDC} | raw sales-dashboard raw_profiles_in`,
  `${CDC} | clean sales-dashboard customer_profile`,
  `${CDC} | transformation sales-dashboard daily_sales`,
  `${CDC} | output-port sales-dashboard sales-dashboard/daily-sales-out`,
];
const OUTBOX_BRANCH = [
  `${OUTBOX} | outbox-event orders-service orders.events.order-placed`,
  `${OUTBOX} | raw orders raw_order_placed_in`,
  `${OUTBOX} | clean orders order_placed`,
  `${OUTBOX} | output-port orders orders/order-placed-out`,
  `${OUTBOX} | raw sales-dashboard raw_order_events_in`,
  `${OUTBOX} | clean sales-dashboard order_placed`,
  // daily_sales sums events by day and country: no column of it identifies one event, so the branch ends there.
  `${OUTBOX} | transformation sales-dashboard daily_sales`,
];

describe('tracing a write that also published an outbox event', () => {
  it('follows the CDC record and the OrderPlaced event of the same insert, each branch labelled', async () => {
    const simulation = await simulate(mesh, placedThenPaid());
    simulation.step(4);
    const inserted = order5000(simulation, ORDERS_CDC, 'c');
    const event = order5000(simulation, ORDER_PLACED);

    const traced = trace(simulation, ORDERS_CDC, inserted.position);

    expect(described(traced)).toEqual([
      '- | service-write orders-service orders',
      '- | table-row orders-service orders',
      ...CDC_BRANCH,
      ...OUTBOX_BRANCH,
    ]);
    const [write] = traced.stages;
    expect(write?.title).toBe('INSERT INTO orders, at 2026-01-05T09:02:00.000Z');
    expect(write?.note).toBe(
      'One transaction: this write also put OrderPlaced into the service’s outbox. The trace follows both: the CDC record on orders.public.orders, then the OrderPlaced event.',
    );
    const outboxEvent = traced.stages.find((stage) => stage.kind === 'outbox-event');
    expect(outboxEvent?.message).toEqual(event);
    expect(outboxEvent?.title).toBe(
      `OrderPlaced on orders.events.order-placed, partition ${event.partition}, offset ${event.offset}`,
    );
    // The event carries the inserted row's values, and the relay's id and time of the write.
    expect(event.value).toMatchObject({ order_id: 5000, customer_id: 3, total: 42.5 });
    expect(event.timestamp).toBe(tickMillis(2));
    const eventRaw = traced.stages.find((stage) => stage.source === 'raw_order_placed_in');
    expect(eventRaw?.records[0]).toMatchObject({ _position: event.position, order_id: 5000 });
    const eventClean = traced.stages.find((stage) => stage.kind === 'clean' && stage.source === 'order_placed');
    expect(eventClean?.records).toEqual([expect.objectContaining({ order_id: 5000, total: 42.5 })]);
    expect(traced.stages.at(-1)?.note).toBe(
      'No column of daily_sales identifies this record, so its share of the result cannot be told apart.',
    );
  });

  it('shows no outbox branch for the update in the same transaction, which wrote no event', async () => {
    const simulation = await simulate(mesh, placedThenPaid());
    // Up to tick 2 only: the rate's updates, which move paid orders on, may pick order 5000 at tick 3.
    simulation.step(2);
    const updated = order5000(simulation, ORDERS_CDC, 'u');

    const traced = trace(simulation, ORDERS_CDC, updated.position);

    expect(traced.stages.some((stage) => stage.kind === 'outbox-event')).toBe(false);
    expect(traced.stages.every((stage) => stage.branch === undefined)).toBe(true);
    expect(traced.stages[0]?.title).toBe('UPDATE orders, at 2026-01-05T09:02:00.000Z');
  });

  it('from the event, follows it first and then the CDC record of the insert, not of the later update', async () => {
    const simulation = await simulate(mesh, placedThenPaid());
    simulation.step(4);
    const inserted = order5000(simulation, ORDERS_CDC, 'c');
    const event = order5000(simulation, ORDER_PLACED);

    const traced = trace(simulation, ORDER_PLACED, event.position);

    expect(described(traced)).toEqual([
      '- | service-write orders-service orders',
      '- | table-row orders-service orders',
      ...OUTBOX_BRANCH,
      ...CDC_BRANCH,
    ]);
    expect(traced.stages.find((stage) => stage.kind === 'cdc-record')?.message).toEqual(inserted);
    expect(traced.start).toMatchObject({ kind: 'record', log: ORDER_PLACED, position: event.position });
  });

  it('still numbers the writes after a TRUNCATE, which writes no event itself', async () => {
    const [insert] = placedThenPaid().steps;
    const scenario = {
      ...placedThenPaid(),
      steps: [
        { tick: 1, systemId: 'orders-service', table: 'orders', op: 'truncate' as const },
        { ...(insert as Scenario['steps'][number]), tick: 2 },
      ],
    };
    const simulation = await simulate(mesh, scenario);
    simulation.step(3);
    const ordersLog = plan.logs.find((candidate) => candidate.table === ORDERS_CDC);
    const newest = ordersLog && readMessages(simulation.query, ordersLog, { limit: 100 });
    expect(newest?.ok && newest.value.some((record) => (record.value as { op?: string } | null)?.op === 't')).toBe(
      true,
    );

    const traced = trace(simulation, ORDERS_CDC, order5000(simulation, ORDERS_CDC, 'c').position);

    expect(traced.stages.find((stage) => stage.kind === 'outbox-event')?.message).toEqual(
      order5000(simulation, ORDER_PLACED),
    );
  });

  it('follows the first delivery of the event when the relay sent it again', async () => {
    // The relay sends its last three events again at tick 3: order 5000's among them.
    const scenario = {
      ...placedThenPaid(),
      faults: [
        { kind: 'redeliver' as const, tick: 3, systemId: 'orders-service', topicId: 'order-placed-events', records: 9 },
      ],
    };
    const simulation = await simulate(mesh, scenario);
    simulation.step(4);
    const planned = plan.logs.find((candidate) => candidate.table === ORDER_PLACED);
    if (!planned) throw new Error('no event log');
    const deliveries = readMessages(simulation.query, planned, { limit: 40, key: '5000' });
    const [resent, first] = deliveries.ok ? deliveries.value : [];
    expect(resent && first && resent.position > first.position).toBe(true);

    const traced = trace(simulation, ORDERS_CDC, order5000(simulation, ORDERS_CDC, 'c').position);

    expect(traced.stages.find((stage) => stage.kind === 'outbox-event')?.message).toEqual(first);
  });
});
