import { describe, expect, it } from 'vitest';
import { aScenario, aShopMesh, simulate } from './builders';

describe('consumers', () => {
  it('read at most their poll limit per tick and report the rest as lag', async () => {
    const scenario = aScenario().withRate('shop', 'items', { inserts: 3 }).build();
    const simulation = await simulate(aShopMesh().build(), scenario, { maxPollRecords: 2 });

    const metrics = simulation.step(4);

    expect(metrics.consumers['catalog/items-in']).toEqual({
      linkId: 'shop-items-cdc-to-catalog-items-in',
      offset: 8,
      end: 12,
      lag: 4,
    });
    expect(metrics.links['shop-items-cdc-to-catalog-items-in']).toEqual({ records: 8, recordsLastTick: 2 });
  });
});
