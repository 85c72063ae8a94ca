import { beforeAll, describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import { traceChange } from '../../../shared/simulation/change-trace';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import {
  aContract,
  aMesh,
  aProduct,
  aScenario,
  aShopMesh,
  aSystem,
  loadSqlJs,
  PREDICTABLE_ITEMS,
  simulate,
} from './builders';

// Loading sql.js's wasm is slow on a busy machine; it is not what these tests time.
beforeAll(() => loadSqlJs(), 60_000);

/**
 * The service write a trace shows for each record of one UPDATE that moved the lamp (id 1) to
 * id 2 and raised its price: positions 2 (the old key's delete), 3 (its tombstone) and 4 (the
 * new key's create) of the topic.
 */
async function keyChangeWrites(replicaIdentity: 'default' | 'full') {
  return (await keyChangeTraces(aShopMesh({ tombstones: true, replicaIdentity }).build())).map((traced) => {
    const write = traced.stages.find((stage) => stage.kind === 'service-write');
    return { records: write?.records, changed: write?.changed, changedFrom: write?.changedFrom, note: write?.note };
  });
}

/** The traces of the old key's delete and the new key's create of the UPDATE that moved the lamp to id 2. */
async function keyChangeTraces(mesh: Mesh) {
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
    return traced.value;
  });
}

/** The trace's stages of the lamp's insert (id 1), traced after a later UPDATE moved it to id 2. */
async function earlierChangeStages(mesh: Mesh) {
  const simulation = await simulate(
    mesh,
    aScenario()
      .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { id: 2 }, where: { id: 1 } })
      .build(),
  );
  simulation.step(2);
  const traced = traceChange(planPipeline(mesh), simulation, { kind: 'record', log: 'shop/items-cdc', position: 1 });
  if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
  return traced.value.stages;
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

describe('the trace of a key change downstream of the first consumer', () => {
  it('says at the next consumer’s entity that the old key became the new one, not that the row was deleted', async () => {
    const withShelf = aShopMesh({ tombstones: true })
      .with(aProduct('shelf').withInput('items-in'))
      .withLink('catalog/items-out', 'shelf/items-in')
      .build();
    const [oldKeyTrace] = await keyChangeTraces(withShelf);

    const cleanStages = oldKeyTrace?.stages.filter((stage) => stage.kind === 'clean') ?? [];
    const moved = 'No row has {"id":1} now: its key became {"id":2}; this is the row under its new key.';
    expect(cleanStages.map((stage) => [stage.nodeId, stage.note, stage.records])).toEqual([
      ['catalog', moved, [movedLamp]],
      ['shelf', moved, [movedLamp]],
    ]);
    const port = oldKeyTrace?.stages.find((stage) => stage.kind === 'output-port');
    expect(port?.note).toMatch(
      /^A delete for the old key: its key became \{"id":2\} in items, so the port published this delete \(value null\) and the row under its new key, at partition \d+, offset \d+\.$/,
    );
  });
});

describe('the trace of an earlier change of a row whose key changed since', () => {
  it('says at the service’s table and the entity that its key became the new one, and where that change is', async () => {
    const stages = await earlierChangeStages(aShopMesh({ tombstones: true }).build());

    const moved =
      'No row has {"id":1} now: its key became {"id":2} since, by the change at partition 0, offset 1 of shop.public.items; this is the row under its new key.';
    const lamp = { id: 2, name: 'lamp', price: 9.5, status: 'new' };
    expect(
      stages
        .filter((stage) => stage.kind === 'table-row' || stage.kind === 'clean')
        .map((stage) => [stage.nodeId, stage.note, stage.records]),
    ).toEqual([
      ['shop', moved, [lamp]],
      ['catalog', moved, [lamp]],
    ]);
  });
});

describe('the trace of a key change at a transformation step keyed by the same column', () => {
  /** The shop mesh with `cheap` (the items under 100, the lamp among them under either id) in the catalog, which reads the CDC topic, and in `report`, which reads the catalog's port. */
  function withCheapItems() {
    const mesh = aShopMesh({ tombstones: true })
      .with(aProduct('report', 'consumer-aligned').withInput('items-in'))
      .withLink('catalog/items-out', 'report/items-in')
      .build();
    for (const product of mesh.products) {
      product.transformations.push({ name: 'cheap', sql: 'SELECT id, price FROM items WHERE price < 100' });
    }
    return mesh;
  }
  const cheapStages = (stages: { kind: string; nodeId: string; note?: string; records: unknown[] }[]) =>
    stages.filter((stage) => stage.kind === 'transformation').map((stage) => [stage.nodeId, stage.note, stage.records]);

  it('shows the step’s row under the new key for the old key’s delete, saying the key moved', async () => {
    const [oldKeyTrace] = await keyChangeTraces(withCheapItems());

    const moved = 'No row has {"id":1} now: its key became {"id":2}; this is the row under its new key.';
    expect(cheapStages(oldKeyTrace?.stages ?? [])).toEqual([
      ['report', moved, [{ id: 2, price: 12 }]],
      ['catalog', moved, [{ id: 2, price: 12 }]],
    ]);
  });

  it('shows the step’s row under the new key for an earlier change of the old key, and where the key changed', async () => {
    const stages = await earlierChangeStages(withCheapItems());

    const catalogStage = cheapStages(stages).find(([nodeId]) => nodeId === 'catalog');
    expect(catalogStage).toEqual([
      'catalog',
      'No row has {"id":1} now: its key became {"id":2} since, by the change at partition 0, offset 1 of shop.public.items; this is the row under its new key.',
      [{ id: 2, price: 9.5 }],
    ]);
  });
});

describe('the trace of a key change at a transformation step linked by the key and another id', () => {
  const depot = aMesh()
    .with(
      aSystem('depot')
        .withTable('stock', { sku_id: 'integer', store_id: 'integer', qty: 'integer' })
        .withCdcTopic('stock-cdc', 'stock', { tombstones: true }),
      aProduct('replenish', 'consumer-aligned')
        .withInput('stock-in')
        .withTransformation('low_stock', 'SELECT sku_id, store_id, qty FROM stock WHERE qty < 10'),
    )
    .withLink('depot/stock-cdc', 'replenish/stock-in')
    .build();

  /** The low_stock stage of the trace of the old key's delete (position 2) of an update moving sku 100 to 700 with `values`. */
  async function lowStockStage(values: Record<string, unknown>) {
    const scenario = aScenario()
      .at(1, 'depot', 'stock', 'insert', { values: { sku_id: 100, store_id: 4, qty: 3 } })
      .at(3, 'depot', 'stock', 'update', { values: { sku_id: 700, ...values }, where: { sku_id: 100 } })
      .build();
    const simulation = await simulate(depot, scenario);
    simulation.step(4);
    const traced = traceChange(planPipeline(depot), simulation, {
      kind: 'record',
      log: 'depot/stock-cdc',
      position: 2,
    });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const step = traced.value.stages.find((stage) => stage.kind === 'transformation');
    return [step?.note, step?.records];
  }

  it('shows the step’s row under the new key, found by the key alone', async () => {
    expect(await lowStockStage({})).toEqual([
      'No row has {"sku_id":100} now: its key became {"sku_id":700}; this is the row under its new key.',
      [{ sku_id: 700, store_id: 4, qty: 3 }],
    ]);
  });

  it('says the step has no row under the new key, not that it was deleted, where its filter leaves the row out', async () => {
    expect(await lowStockStage({ qty: 40 })).toEqual([
      'No row has {"sku_id":100} now: its key became {"sku_id":700}, and no row of low_stock has the new key now.',
      [],
    ]);
  });
});

describe('the trace of an earlier change of a row whose key a later UPDATE moved, past the first consumer', () => {
  const contract = aContract('reading', 'entity', 'readings')
    .withKey('reading_id', 'integer')
    .withProperty('field_id', 'integer')
    .withProperty('value', 'number');
  const farm = aMesh()
    .with(
      aSystem('farm')
        .withTable('readings', { reading_id: 'integer', field_id: 'integer', value: 'real' })
        .withCdcTopic('readings-cdc', 'readings', { tombstones: true }),
      aProduct('telemetry').withInput('readings-in').withOutput('readings-out', 'reading'),
      aProduct('insights', 'consumer-aligned')
        .withInput('readings-in')
        .withTransformation('wet', 'SELECT reading_id, value FROM readings WHERE value > 0'),
      contract,
    )
    .withLink('farm/readings-cdc', 'telemetry/readings-in')
    .withLink('telemetry/readings-out', 'insights/readings-in')
    .build();

  /** The stages of the trace of reading 2's insert (tick 1), read after tick 4's UPDATE moved it to reading 9. */
  async function insertStages() {
    const scenario = aScenario()
      .at(1, 'farm', 'readings', 'insert', { values: { reading_id: 2, field_id: 10, value: 3.5 } })
      .at(4, 'farm', 'readings', 'update', { values: { reading_id: 9 }, where: { reading_id: 2 } })
      .build();
    const simulation = await simulate(farm, scenario);
    simulation.step(6);
    const traced = traceChange(planPipeline(farm), simulation, {
      kind: 'record',
      log: 'farm/readings-cdc',
      position: 1,
    });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    return traced.value.stages;
  }

  it('shows the next consumer’s entity and steps under the new key, saying the key moved, not that the row was deleted', async () => {
    const stages = await insertStages();

    const moved =
      /^No row has \{"reading_id":2\} now: its key became \{"reading_id":9\} since, by the change at partition \d+, offset \d+ of .+; this is the row under its new key\.$/;
    const insights = stages.filter((stage) => stage.nodeId === 'insights' && stage.kind !== 'raw');
    expect(insights.map((stage) => [stage.kind, stage.records])).toEqual([
      ['clean', [{ reading_id: 9, field_id: 10, value: 3.5 }]],
      ['transformation', [{ reading_id: 9, value: 3.5 }]],
    ]);
    for (const stage of insights) expect(stage.note).toMatch(moved);
  });
});
