import { describe, expect, it } from 'vitest';
import { aContract, aMesh, aProduct, aScenario, aSystem, rowsOf, simulate } from './builders';

/** A shop that publishes ItemListed through its outbox, cleaned into events by a `listings` product. */
function listingMesh() {
  return aMesh()
    .with(
      aSystem('shop')
        .withTable('items', { id: 'integer', name: 'text' })
        .withOutboxEvent('item-listed', { name: 'ItemListed', table: 'items', contractId: 'item-listed' }),
      aProduct('listings').withInput('listed-in').withOutput('listed-out', 'item-listed'),
      aContract('item-listed', 'event', 'item_listed')
        .withProperty('event_id', 'string', { required: true, unique: true })
        .withProperty('occurred_at', 'timestamp', { required: true })
        .withProperty('id', 'integer', { required: true })
        .withProperty('name', 'string'),
    )
    .withLink('shop/item-listed', 'listings/listed-in')
    .build();
}

describe('domain events', () => {
  const scenario = aScenario()
    .withData('shop', 'items', 0, { name: { kind: 'oneOf', values: ['lamp'] } })
    .withRate('shop', 'items', { inserts: 1 })
    .withFault({ kind: 'redeliver', tick: 2, systemId: 'shop', topicId: 'item-listed', records: 2 })
    .build();

  it('keeps duplicates a redelivery brings in the raw zone, as they arrived', async () => {
    const simulation = await simulate(listingMesh(), scenario);
    simulation.step(3);

    expect(rowsOf(simulation, 'listings', 'SELECT event_id FROM raw_listed_in ORDER BY _position')).toEqual([
      { event_id: 'ItemListed-1' },
      { event_id: 'ItemListed-2' },
      { event_id: 'ItemListed-1' },
      { event_id: 'ItemListed-2' },
      { event_id: 'ItemListed-3' },
    ]);
  });

  it('appends each event once, deduplicated by event id, in source order', async () => {
    const simulation = await simulate(listingMesh(), scenario);
    const metrics = simulation.step(3);

    expect(rowsOf(simulation, 'listings', 'SELECT * FROM item_listed ORDER BY rowid')).toEqual([
      { event_id: 'ItemListed-1', occurred_at: '2026-01-05T09:01:00.000Z', id: 1, name: 'lamp' },
      { event_id: 'ItemListed-2', occurred_at: '2026-01-05T09:02:00.000Z', id: 2, name: 'lamp' },
      { event_id: 'ItemListed-3', occurred_at: '2026-01-05T09:03:00.000Z', id: 3, name: 'lamp' },
    ]);
    expect(metrics.ports['listings/listed-out']).toMatchObject({ published: 3, quarantined: 0 });
  });

  it('counts the redelivered records on the link and leaves no lag', async () => {
    const simulation = await simulate(listingMesh(), scenario);
    const metrics = simulation.step(3);

    expect(metrics.links['shop-item-listed-to-listings-listed-in']).toEqual({ records: 5, recordsLastTick: 1 });
    expect(metrics.consumers['listings/listed-in']).toMatchObject({ offset: 5, end: 5, lag: 0, skipped: 2 });
  });
});
