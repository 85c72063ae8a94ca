import { describe, expect, it } from 'vitest';
import type { ValueGenerator } from '../../../shared/model/scenario';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

describe('a lifecycle whose stages are quoted text, whole numbers and fractions', () => {
  it('moves a row through them as the values they are', async () => {
    const status: ValueGenerator = { kind: 'lifecycle', stages: ["it's new", 7, 2.5, 3_000_000_000, 'done'] };
    const simulation = await simulate(
      aShopMesh().build(),
      aScenario()
        .withData('shop', 'items', 0, { ...PREDICTABLE_ITEMS, status })
        .at(0, 'shop', 'items', 'insert', {})
        .withRate('shop', 'items', { updates: 1, updateColumns: ['status'] })
        .build(),
    );
    const statuses = [rowsOf(simulation, 'shop', 'SELECT status FROM items')[0]?.status];
    for (let tick = 1; tick <= 5; tick++) {
      simulation.step(1);
      statuses.push(rowsOf(simulation, 'shop', 'SELECT status FROM items')[0]?.status);
    }

    expect(statuses).toEqual(["it's new", '7', '2.5', '3000000000.0', 'done', 'done']);
  });
});
