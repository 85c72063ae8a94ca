import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared/model/scenario';
import { traceChange } from '../../../shared/simulation/change-trace';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

/*
 * The catalog publishes items under the `item` contract, whose status is one of new, listed,
 * sold. An item whose status is 'lost' breaks it: its change is quarantined, so consumers never
 * get it. Items 1 and 2 are snapshotted at tick 0 (published at once).
 */
const shop = aShopMesh().build();
const lamp = (id: number, status: string) => ({ id, name: 'lamp', price: 9.5, status });

/**
 * Runs the shop for `ticks` ticks; `records`: the catalog port's records, oldest first, with the
 * status its log keeps beside each (a delete's before image).
 */
async function runShop(scenario: Scenario, ticks: number) {
  const simulation = await simulate(shop, scenario);
  const metrics = simulation.step(ticks);
  const records = rowsOf(
    simulation,
    'catalog',
    'SELECT _key, _op, status FROM broker."catalog/items-out" ORDER BY _position',
  );
  return { simulation, metrics, records };
}

describe('an entity port and a key whose change it quarantined', () => {
  it('publishes no delete for a key it never published', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'insert', { values: lamp(9, 'lost') })
      .at(2, 'shop', 'items', 'delete', { where: { id: 9 } })
      .build();
    const { metrics, records } = await runShop(scenario, 2);

    expect(records).toEqual([
      { _key: '{"id":1}', _op: 'upsert', status: 'new' },
      { _key: '{"id":2}', _op: 'upsert', status: 'new' },
    ]);
    expect(metrics.ports['catalog/items-out']).toMatchObject({ published: 2, quarantined: 1 });
  });

  it('publishes no delete when the create and the delete come in one tick', async () => {
    const scenario = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: lamp(9, 'lost') })
      .at(1, 'shop', 'items', 'delete', { where: { id: 9 } })
      .build();
    const { records } = await runShop(scenario, 1);

    expect(records).toEqual([]);
  });

  it('publishes the delete of a key it did publish with the values it published, not those that broke the contract', async () => {
    const scenario = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: lamp(9, 'listed') })
      .at(2, 'shop', 'items', 'update', { values: { status: 'lost' }, where: { id: 9 } })
      .at(3, 'shop', 'items', 'delete', { where: { id: 9 } })
      .build();
    const { records } = await runShop(scenario, 3);

    expect(records).toEqual([
      { _key: '{"id":9}', _op: 'upsert', status: 'listed' },
      { _key: '{"id":9}', _op: 'delete', status: 'listed' },
    ]);
  });

  it('takes the values a key last had from the same tick when its quarantined update follows a published one', async () => {
    const scenario = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: lamp(9, 'new') })
      .at(2, 'shop', 'items', 'update', { values: { status: 'listed' }, where: { id: 9 } })
      .at(2, 'shop', 'items', 'update', { values: { status: 'lost' }, where: { id: 9 } })
      .at(3, 'shop', 'items', 'delete', { where: { id: 9 } })
      .build();
    const { records } = await runShop(scenario, 3);

    expect(records).toEqual([
      { _key: '{"id":9}', _op: 'upsert', status: 'new' },
      { _key: '{"id":9}', _op: 'upsert', status: 'listed' },
      { _key: '{"id":9}', _op: 'delete', status: 'listed' },
    ]);
  });

  it('publishes a delete once a later change of the key kept the contract, and none after its last delete', async () => {
    const scenario = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: lamp(9, 'lost') })
      .at(2, 'shop', 'items', 'update', { values: { status: 'sold' }, where: { id: 9 } })
      .at(3, 'shop', 'items', 'delete', { where: { id: 9 } })
      .at(4, 'shop', 'items', 'insert', { values: lamp(9, 'lost') })
      .at(5, 'shop', 'items', 'delete', { where: { id: 9 } })
      .build();
    const { records } = await runShop(scenario, 5);

    expect(records).toEqual([
      { _key: '{"id":9}', _op: 'upsert', status: 'sold' },
      { _key: '{"id":9}', _op: 'delete', status: 'sold' },
    ]);
  });

  it('leaves out of a truncate’s deletes the keys it never published', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'insert', { values: lamp(9, 'lost') })
      .at(2, 'shop', 'items', 'truncate', {})
      .build();
    const { records } = await runShop(scenario, 2);

    expect(records.filter((record) => record._op === 'delete')).toEqual([
      { _key: '{"id":1}', _op: 'delete', status: 'new' },
      { _key: '{"id":2}', _op: 'delete', status: 'new' },
    ]);
  });

  it('traces a delete it did not publish to why: the key was never published, its create quarantined', async () => {
    const scenario = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: lamp(9, 'lost') })
      .at(2, 'shop', 'items', 'delete', { where: { id: 9 } })
      .build();
    const { simulation } = await runShop(scenario, 2);

    // Position 2 on the items topic: item 9's delete.
    const traced = traceChange(planPipeline(shop), simulation, { kind: 'record', log: 'shop/items-cdc', position: 2 });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const port = traced.value.stages.find((stage) => stage.kind === 'output-port');

    expect(port?.check).toMatchObject({ passed: false, rule: 'enum', property: 'status' });
    expect(port?.note).toBe(
      'Not published: the key was never published (its create was quarantined at tick 1, enum on status), so the port has no delete to publish for it.',
    );
    expect(traced.value.stages.at(-1)).toBe(port);
  });

  it('traces a delete it did not publish by what the port had published then, not by a later create it published', async () => {
    const scenario = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: lamp(9, 'lost') })
      .at(2, 'shop', 'items', 'delete', { where: { id: 9 } })
      .at(3, 'shop', 'items', 'insert', { values: lamp(9, 'listed') })
      .build();
    const { simulation } = await runShop(scenario, 3);

    // Position 2 on the items topic: item 9's delete, withheld; the port publishes its create of tick 3.
    const traced = traceChange(planPipeline(shop), simulation, { kind: 'record', log: 'shop/items-cdc', position: 2 });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const port = traced.value.stages.find((stage) => stage.kind === 'output-port');

    expect(port?.note).toBe(
      'Not published: the key was never published (its create was quarantined at tick 1, enum on status), so the port has no delete to publish for it.',
    );
  });
});
