import { beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../shared/model';
import { traceChange } from '../../../shared/simulation/change-trace';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aMesh, aProduct, aScenario, aSystem, loadSqlJs, simulate } from './builders';

beforeAll(() => loadSqlJs(), 60_000);

/**
 * A shop publishing ItemListed (items keyed by `id`), LineAdded (lines keyed by `order_id`
 * and `line_no`) and OrderGrew (a line keyed by its order alone) through its outbox, each on a topic of 3 partitions read by one product.
 */
function shopMesh() {
  return aMesh()
    .with(
      aSystem('shop')
        .withTable('items', { id: 'integer', name: 'text' })
        .withTable('lines', { order_id: 'integer', line_no: 'integer', sku: 'text' }, ['order_id', 'line_no'])
        .withOutboxEvent(
          'item-listed',
          { name: 'ItemListed', table: 'items', on: ['insert', 'update'] },
          { partitions: 3 },
        )
        .withOutboxEvent('line-added', { name: 'LineAdded', table: 'lines' }, { partitions: 3 })
        .withOutboxEvent(
          'order-grew',
          { name: 'OrderGrew', table: 'lines', aggregateKey: ['order_id'] },
          { partitions: 3 },
        ),
      aProduct('listings').withInput('listed-in').withInput('lines-in').withInput('orders-in'),
    )
    .withLink('shop/item-listed', 'listings/listed-in')
    .withLink('shop/line-added', 'listings/lines-in')
    .withLink('shop/order-grew', 'listings/orders-in')
    .build();
}

const scenario = aScenario()
  .withData('shop', 'items', 0)
  .withData('shop', 'lines', 0)
  .at(1, 'shop', 'items', 'insert', { values: { id: 9, name: 'lamp' } })
  .at(1, 'shop', 'items', 'insert', { values: { id: 5, name: 'desk' } })
  .at(2, 'shop', 'items', 'update', { values: { name: 'floor lamp' }, where: { id: 9 } })
  .at(1, 'shop', 'lines', 'insert', { values: { order_id: 1003, line_no: 2, sku: 'LAMP-1' } })
  .build();

/** The topic's records, oldest first, after 3 ticks; with the run and its plan. */
async function recordsOn(topic: string) {
  const mesh = shopMesh();
  const simulation = await simulate(mesh, scenario);
  simulation.step(3);
  const plan = planPipeline(mesh);
  const log = plan.logs.find((candidate) => candidate.table === `shop/${topic}`);
  if (!log) throw new Error(`no log shop/${topic}`);
  const read = readMessages(simulation.query, log, { limit: 10 });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return { records: read.value.reverse(), simulation, plan };
}

async function keysOn(topic: string) {
  const { records } = await recordsOn(topic);
  return records.map(({ key, partition }) => ({ key, partition }));
}

describe("an outbox event's record key, as Debezium's outbox event router writes it", () => {
  // The router keys by the outbox row's aggregateid (varchar), which the JSON converter writes as a JSON string.
  it("is the aggregate's id as text, and its partition is murmur2 of that JSON string", async () => {
    expect(await keysOn('item-listed')).toEqual([
      // murmur2 of the 3 bytes "9" (quotes included) is 1 modulo 3; of "5", 0.
      { key: '9', partition: 1 },
      { key: '5', partition: 0 },
      // The same aggregate's later event: same key, same partition, so its events stay in order.
      { key: '9', partition: 1 },
    ]);
  });

  it('joins the values of a composite key with a colon', async () => {
    expect(await keysOn('line-added')).toEqual([{ key: '1003:2', partition: 0 }]);
  });

  it("is the event's aggregate key where it names one: a line's order, so an order's events share a partition", async () => {
    expect(await keysOn('order-grew')).toEqual([{ key: '1003', partition: 1 }]);
  });

  it('names its place when the aggregate key names a column the table lacks', () => {
    const mesh = shopMesh();
    const event = mesh.systems[0]?.publishes.find((candidate) => candidate.name === 'OrderGrew');
    if (event) event.aggregateKey = ['order_no'];
    expect(checkIntegrity(mesh)).toEqual([
      { path: 'systems[0].publishes[2].aggregateKey[0]', message: "no column 'order_no' in table 'lines'" },
    ]);
  });

  it("is traced as the changed row's key: the trace names the row, not the event's key text", async () => {
    const { records, simulation, plan } = await recordsOn('line-added');
    const [event] = records;
    if (!event) throw new Error('no LineAdded event');
    const traced = traceChange(plan, simulation, { kind: 'record', log: 'shop/line-added', position: event.position });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));

    expect(traced.value.key).toEqual({ order_id: 1003, line_no: 2 });
    expect(traced.value.subject).toBe('{"order_id":1003,"line_no":2}');
  });
});

describe("an outbox event's Kafka headers, as Debezium's outbox event router writes them", () => {
  // The router puts the outbox row's id (`table.field.event.id`) in a header named `id`.
  it("carry the event's id in the `id` header, beside the aggregate key and the payload", async () => {
    const { records } = await recordsOn('item-listed');
    expect(records.map(({ key, value, headers }) => ({ key, value, headers }))).toEqual([
      {
        key: '9',
        value: { event_id: 'ItemListed-1', id: 9, name: 'lamp', occurred_at: '2026-01-05T09:01:00.000Z' },
        headers: { id: 'ItemListed-1' },
      },
      {
        key: '5',
        value: { event_id: 'ItemListed-2', id: 5, name: 'desk', occurred_at: '2026-01-05T09:01:00.000Z' },
        headers: { id: 'ItemListed-2' },
      },
      {
        key: '9',
        value: { event_id: 'ItemListed-3', id: 9, name: 'floor lamp', occurred_at: '2026-01-05T09:02:00.000Z' },
        headers: { id: 'ItemListed-3' },
      },
    ]);
  });
});
