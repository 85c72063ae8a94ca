import { beforeAll, describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import { nullFieldFaultOf } from '../../../shared/simulation/fault-made-record';
import { aScenario, aShopMesh, loadSqlJs, rowsOf, simulate, statusRenamedAt } from './builders';
import { traceOfNewestRecord } from './newest-record-trace';

beforeAll(() => loadSqlJs(), 60_000);

/*
 * Oracle and Db2 keep unquoted identifiers in capitals, and Debezium's connectors name a change
 * record's fields as the database keeps them: `{"ID":1}`, `after: {"ID":1,"NAME":…}`. Consumers
 * still name their tables' columns as the design does, so contracts drafted from it hold.
 */

function aShopOn(engine: 'oracle' | 'db2'): Mesh {
  const mesh = aShopMesh({ tombstones: true }).build();
  for (const system of mesh.systems) system.database = { ...system.database, engine, name: 'SHOP' };
  return mesh;
}

const scenario = aScenario()
  .at(1, 'shop', 'items', 'insert', { values: { id: 1, name: 'Lamp', price: 20, status: 'new' } })
  .at(2, 'shop', 'items', 'update', { values: { status: 'listed' }, where: { id: 1 } })
  .at(3, 'shop', 'items', 'update', { values: { id: 2 }, where: { id: 1 } })
  .build();

describe('change records of a database keeping names in capitals', () => {
  it.each(['oracle', 'db2'] as const)('name the %s key, before and after fields in capitals', async (engine) => {
    const simulation = await simulate(aShopOn(engine), scenario, { recentMessages: 4 });
    const recent = simulation.step(3).logs['shop/items-cdc']?.recent ?? [];
    const [update, deleted, , created] = recent;
    simulation.dispose();

    expect(update?.key).toEqual({ ID: 1 });
    expect(update?.value).toMatchObject({
      before: { ID: 1, NAME: 'Lamp', PRICE: 20, STATUS: 'new' },
      after: { ID: 1, NAME: 'Lamp', PRICE: 20, STATUS: 'listed' },
    });
    expect(deleted?.headers).toEqual({ '__debezium.newkey': { ID: 2 } });
    expect(created?.headers).toEqual({ '__debezium.oldkey': { ID: 1 } });
  });

  it('reach the clean table and the port under the design’s names, and the contract’s lowercase names hold', async () => {
    const simulation = await simulate(aShopOn('oracle'), scenario, { recentMessages: 4 });
    const metrics = simulation.step(2);
    const items = rowsOf(simulation, 'catalog', 'SELECT id, name, price, status FROM items');
    const quarantined = rowsOf(simulation, 'catalog', 'SELECT rule FROM quarantine');
    simulation.dispose();

    expect(items).toEqual([{ id: 1, name: 'Lamp', price: 20, status: 'listed' }]);
    expect(quarantined).toEqual([]);
    expect(metrics.logs['catalog/items-out']?.recent.map((message) => [message.key, message.value])).toEqual([
      [{ id: 1 }, { id: 1, name: 'Lamp', price: 20, status: 'new' }],
      [{ id: 1 }, { id: 1, name: 'Lamp', price: 20, status: 'listed' }],
    ]);
  });

  it('are traced to the rows they changed', async () => {
    const mesh = aShopOn('oracle');
    const simulation = await simulate(mesh, scenario);
    simulation.step(2);
    const { subject, stages } = traceOfNewestRecord(mesh, simulation, 'shop/items-cdc');
    simulation.dispose();

    expect(subject).toBe('{"id":1}');
    expect(stages.find((stage) => stage.kind === 'service-write')).toMatchObject({
      records: [{ id: 1, status: 'listed' }],
      changed: ['status'],
    });
    expect(stages.find((stage) => stage.kind === 'cdc-record')).toMatchObject({
      records: [{ before: { STATUS: 'new' }, after: { STATUS: 'listed' } }],
    });
  });

  it('that a null-field fault made are told as the fault’s', async () => {
    const faulty = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: { id: 1, name: 'Lamp', price: 20, status: 'new' } })
      .withFault({ kind: 'null-field', tick: 2, systemId: 'shop', topicId: 'items-cdc', column: 'name' })
      .build();
    const simulation = await simulate(aShopOn('oracle'), faulty, { recentMessages: 1 });
    const [record] = simulation.step(2).logs['shop/items-cdc']?.recent ?? [];
    const faults = simulation.firedFaults();
    simulation.dispose();

    expect(record?.value).toMatchObject({ after: { NAME: null } });
    expect(record && nullFieldFaultOf(record, 'shop/items-cdc', faults)).toMatchObject({ column: 'name', tick: 2 });
  });

  it('renamed at the source lack only the renamed column at the consumer', async () => {
    const renamed = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: { id: 1, name: 'Lamp', price: 20, status: 'new' } })
      .at(2, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
      .withFault(statusRenamedAt(2))
      .build();
    const simulation = await simulate(aShopOn('oracle'), renamed, { recentMessages: 1 });
    const metrics = simulation.step(3);
    simulation.dispose();

    expect(metrics.logs['shop/items-cdc']?.recent[0]?.value).toMatchObject({
      after: { ID: 1, NAME: 'Lamp', PRICE: 12, ITEM_STATUS: 'new' },
    });
    expect(metrics.inputGaps.map((gap) => gap.message)).toEqual([
      "1 record lacked 'status' (the source's image has 'ITEM_STATUS'): its entity table 'items' holds NULL in 'status' for the row it wrote; computed from it: output port 'items-out'",
    ]);
  });
});
