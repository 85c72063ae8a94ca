import { describe, expect, it } from 'vitest';
import { createSimulationHost } from '../../../shared/simulation/simulation-host';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, testWorkspace } from './builders';

describe('example records of an output port', () => {
  it('shows an entity once per key, as it is now, and no entity deleted since', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 3, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
      .at(2, 'shop', 'items', 'update', { values: { price: 15 }, where: { id: 1 } })
      .at(2, 'shop', 'items', 'delete', { where: { id: 2 } })
      .build();
    const host = createSimulationHost(testWorkspace);
    await host.handle({ id: 1, type: 'create', mesh: aShopMesh({ tombstones: true }).build(), scenario });
    await host.handle({ id: 2, type: 'step', ticks: 2 });

    const answer = await host.handle({ id: 3, type: 'examples', limit: 20 });

    if (answer.type !== 'examples') throw new Error(JSON.stringify(answer));
    expect(answer.examples['catalog/items-out']?.map((message) => message.value)).toEqual([
      { id: 1, name: 'lamp', price: 15, status: 'new' },
      { id: 3, name: 'lamp', price: 9.5, status: 'new' },
    ]);
  });
});
