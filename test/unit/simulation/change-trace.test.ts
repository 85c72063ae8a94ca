import { beforeAll, describe, expect, it } from 'vitest';
import type { Simulation } from '../../../shared/simulation';
import { traceChange } from '../../../shared/simulation/change-trace';
import { type LogRecord, readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { ecommerceSample, loadSqlJs, rowsOf, simulate } from './builders';

const mesh = ecommerceSample();
const plan = planPipeline(mesh);
// Loading sql.js's wasm is slow on a busy machine; it is not what these tests time.
beforeAll(() => loadSqlJs(), 60_000);

const ordersTopic = () => plan.logs.find((log) => log.table === 'orders-service/orders-cdc');

/** Traces the newest record of an order on the orders topic that `matches`. */
function traceOrder(simulation: Simulation, orderId: number, matches: (record: LogRecord) => boolean) {
  const topic = ordersTopic();
  if (!topic) throw new Error('no orders topic');
  const read = readMessages(simulation.query, topic, { limit: 10, key: String(orderId) });
  const record = read.ok ? read.value.find(matches) : undefined;
  if (!record) throw new Error(`no such record of order ${orderId}`);
  const traced = traceChange(plan, simulation.query, { kind: 'record', log: topic.table, position: record.position });
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
    expect(clean?.note).toBe('The row is gone: it was deleted since.');
    const silent = stages.filter((stage) => stage.records.length === 0 && !stage.message && !stage.note);
    expect(silent.map((stage) => `${stage.kind} ${stage.nodeId} ${stage.source}`)).toEqual([]);
  });

  it('starts from a source row, and says when a table has no CDC topic', async () => {
    const simulation = await simulate(mesh, mesh.scenarios[0] as never);
    simulation.step(2);

    const fromRow = traceChange(plan, simulation.query, {
      kind: 'row',
      nodeId: 'customers-service',
      table: 'customers',
      row: { customer_id: 3 },
    });
    expect(fromRow.ok && fromRow.value.stages[0]?.kind).toBe('service-write');
    expect(fromRow.ok && fromRow.value.key).toEqual({ customer_id: 3 });
    expect(
      traceChange(plan, simulation.query, { kind: 'row', nodeId: 'customer-360', table: 'quarantine', row: {} }),
    ).toEqual({
      ok: false,
      errors: [{ path: 'trace', message: "'quarantine' is not published: trace one of its inputs instead" }],
    });
  });
});
