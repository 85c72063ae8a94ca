import { beforeAll, describe, expect, it } from 'vitest';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aContract, aMesh, aProduct, aScenario, aSystem, loadSqlJs, simulate } from './builders';

beforeAll(() => loadSqlJs(), 60_000);

type EventIdOptions = { logicalTypeOptions?: Record<string, string>; physicalType?: string };

/**
 * A shop publishing ItemListed and ItemDropped through its outbox, each under a contract whose
 * `event_id` is typed as given, read by a `listings` product that publishes ItemListed again.
 */
function shopMesh(eventIdType: 'string' | 'integer', options: EventIdOptions = {}) {
  const eventContract = (id: string, object: string) =>
    aContract(id, 'event', object)
      .withProperty('event_id', eventIdType, { required: true, unique: true, ...options })
      .withProperty('occurred_at', 'timestamp', { required: true })
      .withProperty('id', 'integer', { required: true })
      .withProperty('name', 'string');
  return aMesh()
    .with(
      aSystem('shop')
        .withTable('items', { id: 'integer', name: 'text' })
        .withOutboxEvent('item-listed', { name: 'ItemListed', table: 'items', contractId: 'item-listed' })
        .withOutboxEvent('item-dropped', {
          name: 'ItemDropped',
          table: 'items',
          on: ['delete'],
          contractId: 'item-dropped',
        }),
      aProduct('listings').withInput('listed-in').withOutput('listed-out', 'item-listed'),
      eventContract('item-listed', 'item_listed'),
      eventContract('item-dropped', 'item_dropped'),
    )
    .withLink('shop/item-listed', 'listings/listed-in')
    .build();
}

const scenario = aScenario()
  .withData('shop', 'items', 0, { name: { kind: 'oneOf', values: ['lamp'] } })
  .withRate('shop', 'items', { inserts: 1 })
  .at(3, 'shop', 'items', 'delete', { where: { id: 1 } })
  .withFault({ kind: 'redeliver', tick: 2, systemId: 'shop', topicId: 'item-listed', records: 2 })
  .build();

/** The event ids (and the `id` header beside each) on the shop's outbox topic `topic` after 3 ticks, oldest first. */
async function eventIdsAfterThreeTicks(mesh: ReturnType<typeof shopMesh>, topic: string) {
  const simulation = await simulate(mesh, scenario);
  const metrics = simulation.step(3);
  const log = planPipeline(mesh).logs.find((candidate) => candidate.table === `shop/${topic}`);
  if (!log) throw new Error(`no log shop/${topic}`);
  const read = readMessages(simulation.query, log, { limit: 20 });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const records = read.value.reverse();
  return {
    ids: records.map((record) => (record.value as { event_id: unknown }).event_id),
    headers: records.map((record) => record.headers?.id),
    port: metrics.ports['listings/listed-out'],
  };
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("the event id the outbox relay gives each event, as the event's contract types it", () => {
  it('is the event name and a number counted up where the contract says only string', async () => {
    const { ids, headers } = await eventIdsAfterThreeTicks(shopMesh('string'), 'item-listed');
    // Tick 2 sends the first two again (a redelivery): the copies carry the ids they had.
    expect(ids).toEqual(['ItemListed-1', 'ItemListed-2', 'ItemListed-1', 'ItemListed-2', 'ItemListed-3']);
    expect(headers).toEqual(ids);
  });

  it('is a whole number counted up where the contract types event_id integer, so no event is quarantined', async () => {
    const { ids, headers, port } = await eventIdsAfterThreeTicks(shopMesh('integer'), 'item-listed');
    expect(ids).toEqual([1, 2, 1, 2, 3]);
    expect(headers).toEqual(ids);
    // The product keeps each event once, and publishes it under its contract.
    expect(port).toMatchObject({ published: 3, quarantined: 0 });
  });

  it("is a version 4 UUID, PostgreSQL's spelling, where the contract gives event_id format uuid", async () => {
    const mesh = shopMesh('string', { logicalTypeOptions: { format: 'uuid' } });
    const listed = await eventIdsAfterThreeTicks(mesh, 'item-listed');
    const dropped = await eventIdsAfterThreeTicks(mesh, 'item-dropped');
    const ids = [...listed.ids, ...dropped.ids];
    for (const id of ids) expect(id).toMatch(CANONICAL_UUID);
    // One id per event, on every topic of the service (a redelivered copy keeps its event's).
    expect(listed.ids[2]).toBe(listed.ids[0]);
    expect(listed.ids[3]).toBe(listed.ids[1]);
    expect(dropped.ids).toHaveLength(1);
    expect(new Set(ids).size).toBe(4);
    expect(listed.headers).toEqual(listed.ids);
    expect(listed.port).toMatchObject({ published: 3, quarantined: 0 });
  });

  it('is a UUID where the contract gives event_id physicalType uuid, which the exported table makes a uuid column', async () => {
    const { ids, port } = await eventIdsAfterThreeTicks(shopMesh('string', { physicalType: 'uuid' }), 'item-listed');
    for (const id of ids) expect(id).toMatch(CANONICAL_UUID);
    expect(port).toMatchObject({ published: 3, quarantined: 0 });
  });
});
