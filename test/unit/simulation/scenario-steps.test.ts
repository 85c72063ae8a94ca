import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../shared/simulation';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate, testWorkspace } from './builders';

describe('a scenario step that finds no row', () => {
  it('changes nothing, as the database would, and warns once per step, at the step’s tick; the run goes on', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 3, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { status: 'sold' }, where: { id: 9, status: 'listed' } })
      .at(2, 'shop', 'items', 'delete', { where: { id: 1 } })
      .at(3, 'shop', 'items', 'delete', { where: { id: 1 } })
      .at(4, 'shop', 'items', 'delete', { where: { id: 3 } })
      .build();
    const simulation = await simulate(aShopMesh().build(), scenario);
    const { errors, warnings } = simulation.step(4);

    expect(errors).toEqual([]);
    expect(warnings.map(({ path, nodeId, message, firstTick }) => ({ path, nodeId, message, firstTick }))).toEqual([
      {
        path: 'scenario.steps[0]',
        nodeId: 'shop',
        message: 'update changed no row: no row of items has id = 9 and status = "listed"',
        firstTick: 1,
      },
      {
        path: 'scenario.steps[2]',
        nodeId: 'shop',
        message: 'delete changed no row: no row of items has id = 1',
        firstTick: 3,
      },
    ]);
    expect(rowsOf(simulation, 'shop', 'SELECT id FROM items ORDER BY id')).toEqual([{ id: 2 }]);
    // No change record for the steps that changed nothing: the snapshot's 3, then the two deletes.
    expect(simulation.metrics().logs['shop/items-cdc']?.records).toBe(5);
  });
});

describe('a scenario step that SQLite refuses', () => {
  it('says which system, table and column refused its value, not only SQLite’s “datatype mismatch”', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { id: null }, where: { id: 1 } })
      .build();
    const simulation = await simulate(aShopMesh().build(), scenario);
    const { errors } = simulation.step(1);

    expect(errors.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: 'scenario.steps[0]',
        message:
          "system 'shop', table 'items': null does not fit 'id', the table's integer key (SQLite's rowid, which holds whole numbers only); the update changed nothing",
      },
    ]);
    expect(rowsOf(simulation, 'shop', 'SELECT id FROM items ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
  });
});

describe('a scenario step writing a key another row has', () => {
  it('says which key is taken, not only SQLite’s “UNIQUE constraint failed”, for an insert and for an update of the key', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'desk', price: 80, status: 'new' } })
      .at(1, 'shop', 'items', 'update', { values: { id: 1 }, where: { id: 2 } })
      .build();
    const simulation = await simulate(aShopMesh().build(), scenario);
    const { errors } = simulation.step(1);

    expect(errors.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: 'scenario.steps[0]',
        message:
          "system 'shop', table 'items': a row with id = 2 is there already, and a table's key is unique; the insert changed nothing",
      },
      {
        path: 'scenario.steps[1]',
        message:
          "system 'shop', table 'items': a row with id = 1 is there already, and a table's key is unique; the update changed nothing",
      },
    ]);
    expect(rowsOf(simulation, 'shop', 'SELECT id FROM items ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
  });
});

describe('a scenario step writing a value its column’s type does not take', () => {
  it('stops the run before it starts, at the value, as PostgreSQL refuses it where SQLite alone would store it', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { price: 'lots' }, where: { id: 1 } })
      .build();

    const created = createSimulation(aShopMesh().build(), scenario, { sqlite: await testWorkspace() });

    expect(created).toEqual({
      ok: false,
      errors: [{ path: 'scenario.steps[0].values.price', message: "'lots' does not fit 'price', a real column" }],
    });
  });
});
