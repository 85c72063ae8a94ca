import { beforeAll, describe, expect, it } from 'vitest';
import { traceChange } from '../../../shared/simulation/change-trace';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aScenario, aShopMesh, loadSqlJs, PREDICTABLE_ITEMS, simulate } from './builders';

// Loading sql.js's wasm is slow on a busy machine; it is not what these tests time.
beforeAll(() => loadSqlJs(), 60_000);

/**
 * The service write a trace shows for each record of one UPDATE that moved the lamp (id 1) to
 * id 2 and raised its price: positions 2 (the old key's delete), 3 (its tombstone) and 4 (the
 * new key's create) of the topic.
 */
async function keyChangeWrites(replicaIdentity: 'default' | 'full') {
  const mesh = aShopMesh({ tombstones: true, replicaIdentity }).build();
  const scenario = aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'update', { values: { id: 2, price: 12 }, where: { id: 1 } })
    .build();
  const simulation = await simulate(mesh, scenario);
  simulation.step(2);
  const plan = planPipeline(mesh);
  return [2, 4].map((position) => {
    const traced = traceChange(plan, simulation, { kind: 'record', log: 'shop/items-cdc', position });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const write = traced.value.stages.find((stage) => stage.kind === 'service-write');
    return { records: write?.records, changed: write?.changed, changedFrom: write?.changedFrom, note: write?.note };
  });
}

const movedLamp = { id: 2, name: 'lamp', price: 12, status: 'new' };

describe('the service write of an update that changed a row’s key and other columns', () => {
  it('shows the row the update wrote and every column it changed, old → new, from either record', async () => {
    const write = {
      records: [movedLamp],
      changed: ['id', 'price'],
      changedFrom: { id: 1, price: 9.5 },
      note: undefined,
    };

    expect(await keyChangeWrites('full')).toEqual([write, write]);
  });

  it('under REPLICA IDENTITY DEFAULT, shows the row the update wrote and the key as changed, saying what else it changed is not sent', async () => {
    const write = {
      records: [movedLamp],
      changed: ['id'],
      changedFrom: { id: 1 },
      note: 'Under REPLICA IDENTITY DEFAULT the old key’s delete holds only the old key: what else this update changed is not in its records. Set the table to FULL to see it.',
    };

    expect(await keyChangeWrites('default')).toEqual([write, write]);
  });
});
