import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

/** The shop, whose item contract says no two items share a name. */
function aShopWithUniqueNames(): Mesh {
  const mesh = aShopMesh().build();
  const name = mesh.contracts.find((contract) => contract.id === 'item')?.schema[0]?.properties[1];
  if (name?.name !== 'name') throw new Error('the shop’s item contract has no name');
  name.unique = true;
  return mesh;
}

const quarantined = (simulation: Awaited<ReturnType<typeof simulate>>) =>
  rowsOf(simulation, 'catalog', 'SELECT tick, rule, property, message, record FROM quarantine ORDER BY id');

const published = (simulation: Awaited<ReturnType<typeof simulate>>) =>
  simulation.metrics().logs['catalog/items-out']?.recent.map((message) => message.key);

describe('a unique property of an output port’s contract', () => {
  it('quarantines a record whose value another key already published, and publishes the key’s own updates', async () => {
    const simulation = await simulate(
      aShopWithUniqueNames(),
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'lamp', price: 20, status: 'new' } })
        .at(1, 'shop', 'items', 'update', { values: { price: 10 }, where: { id: 1 } })
        .build(),
    );
    const metrics = simulation.step(1);

    expect(quarantined(simulation)).toEqual([
      {
        tick: 1,
        rule: 'unique',
        property: 'name',
        message: "name must be unique: 'lamp' is already published under another key",
        record: '{"id":2,"name":"lamp","price":20.0,"status":"new"}',
      },
    ]);
    expect(metrics.ports['catalog/items-out']).toMatchObject({ published: 2, quarantined: 1 });
  });

  it('quarantines the second of two new keys that take one value in the same tick', async () => {
    const simulation = await simulate(
      aShopWithUniqueNames(),
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'desk', price: 20, status: 'new' } })
        .at(1, 'shop', 'items', 'insert', { values: { id: 3, name: 'desk', price: 30, status: 'new' } })
        .build(),
    );
    simulation.step(1);

    expect(quarantined(simulation).map(({ record }) => record)).toEqual([
      '{"id":3,"name":"desk","price":30.0,"status":"new"}',
    ]);
  });

  it('lets another key take a value once its key gave it up, by an update or a delete', async () => {
    const simulation = await simulate(
      aShopWithUniqueNames(),
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { name: 'sofa' }, where: { id: 1 } })
        .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'lamp', price: 20, status: 'new' } })
        .at(2, 'shop', 'items', 'delete', { where: { id: 1 } })
        .at(3, 'shop', 'items', 'insert', { values: { id: 3, name: 'sofa', price: 30, status: 'new' } })
        .build(),
    );
    simulation.step(3);

    expect(quarantined(simulation)).toEqual([]);
    expect(published(simulation)).toEqual([{ id: 1 }, { id: 1 }, { id: 2 }, { id: 1 }, { id: 3 }]);
  });
});
