import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import { createSimulation, type Work, type WorkWatch } from '../../../shared/simulation';
import { createSimulationHost } from '../../../shared/simulation/simulation-host';
import { aContract, aProduct, aScenario, aShopMesh, PREDICTABLE_ITEMS, testWorkspace } from './builders';

/** The shop with a product that runs the transformation `slow`. */
function reportMesh(): Mesh {
  return aShopMesh()
    .with(
      aProduct('report', 'consumer-aligned')
        .withInput('items-in')
        .withTransformation('slow', 'SELECT id, name FROM items')
        .withOutput('report-out', 'report'),
      aContract('report', 'entity', 'slow').withKey('id', 'integer').withProperty('name', 'string'),
    )
    .withLink('catalog/items-out', 'report/items-in')
    .build();
}

/** A clock that stands still, except that work of `kind` (a transformation) at or after `fromTick` takes 5,000 ms. */
function slowClock(fromTick: number, kind: Work['kind'] = 'transformation'): WorkWatch & { seen: Work[] } {
  let millis = 0;
  let current: Work | undefined;
  const seen: Work[] = [];
  return {
    seen,
    onWork(work) {
      current = work;
      seen.push(work);
    },
    now() {
      if (current?.kind === kind && current.tick >= fromTick) millis += 5000;
      return millis;
    },
  };
}

const scenario = aScenario()
  .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
  .withRate('shop', 'items', { inserts: 1 })
  .build();

async function start(watch: WorkWatch, budgetMillis = 1000) {
  return createSimulation(reportMesh(), scenario, { sqlite: await testWorkspace(), budgetMillis }, watch);
}

describe('a time budget per unit of work', () => {
  it('stops the run after a transformation over budget, naming the product and the step', async () => {
    const created = await start(slowClock(3));
    if (!created.ok) throw new Error('refused');
    const simulation = created.value;

    const metrics = simulation.step(10);

    const message =
      "transformation 'slow' of product 'report' at tick 3 took 5000 ms, over the budget of 1000 ms; the run stopped";
    expect(metrics.stopped).toEqual({
      tick: 3,
      nodeId: 'report',
      path: 'products[1].transformations[0]',
      kind: 'transformation',
      step: 'slow',
      message,
    });
    expect(metrics.errors).toContainEqual(expect.objectContaining({ nodeId: 'report', step: 'slow', message }));
    expect(simulation.step(5).tick).toBe(3);
    const afterReset = simulation.reset();
    expect(afterReset.tick).toBe(0);
    expect(afterReset).not.toHaveProperty('stopped');
  });

  it('refuses to create a simulation whose tick 0 runs over budget, naming the product and the step', async () => {
    expect(await start(slowClock(0))).toEqual({
      ok: false,
      errors: [
        {
          path: 'products[1].transformations[0]',
          message:
            "transformation 'slow' of product 'report' at tick 0 took 5000 ms, over the budget of 1000 ms; the run stopped",
        },
      ],
    });
  });

  it('names the system whose initial rows took too long, not the work announced before them', async () => {
    expect(await start(slowClock(0, 'initial-rows'))).toEqual({
      ok: false,
      errors: [
        {
          path: 'systems[0]',
          message:
            "the initial rows 1–2 of 2 in table 'items' of system 'shop' at tick 0 took 5000 ms, over the budget of 1000 ms; the run stopped",
        },
      ],
    });
    expect(await start(slowClock(0, 'snapshot'))).toMatchObject({
      errors: [
        { path: 'systems[0]', message: expect.stringMatching(/^the snapshot of rows 1–2 of 2 in table 'items' of/) },
      ],
    });
  });

  it('names the first batch of initial rows of a huge table when it runs over, without first listing every batch', async () => {
    const huge = aScenario().withData('shop', 'items', 1e12, PREDICTABLE_ITEMS).build();
    const created = createSimulation(
      reportMesh(),
      huge,
      { sqlite: await testWorkspace(), budgetMillis: 1000 },
      slowClock(0, 'initial-rows'),
    );

    expect(created).toMatchObject({
      ok: false,
      errors: [
        {
          path: 'systems[0]',
          message: expect.stringMatching(
            /^the initial rows 1–2,000 of 1,000,000,000,000 in table 'items' of system 'shop' at tick 0 took 5000 ms/,
          ),
        },
      ],
    });
  });

  it('loads and snapshots a large table in batches of 2,000 rows, each a unit of work of its own', async () => {
    const watch = slowClock(Number.POSITIVE_INFINITY);
    const large = aScenario().withData('shop', 'items', 5000, PREDICTABLE_ITEMS).build();
    const created = createSimulation(reportMesh(), large, { sqlite: await testWorkspace(), budgetMillis: 1000 }, watch);

    expect(created.ok).toBe(true);
    const batches = (kind: Work['kind']) =>
      watch.seen.filter((work) => work.kind === kind).map((work) => [work.rows?.first, work.rows?.count]);
    expect(batches('initial-rows')).toEqual([
      [0, 2000],
      [2000, 2000],
      [4000, 1000],
    ]);
    expect(batches('snapshot')).toEqual(batches('initial-rows'));
    expect(watch.seen.find((work) => work.kind === 'snapshot')?.rows).toEqual({
      table: 'items',
      first: 0,
      count: 2000,
      total: 5000,
    });
    if (created.ok) expect(created.value.metrics().tables.shop?.items).toBe(5000);
  });

  it('tells a watching host of every unit of work as it starts, in run order', async () => {
    const watch = slowClock(Number.POSITIVE_INFINITY);
    const host = createSimulationHost(testWorkspace, watch);
    await host.handle({ id: 1, type: 'create', mesh: reportMesh(), scenario });
    const tickOne = watch.seen.length;
    await host.handle({ id: 2, type: 'step', ticks: 1 });

    expect(watch.seen.slice(tickOne).map((work) => [work.kind, work.nodeId, work.step])).toEqual([
      ['service', 'shop', undefined],
      ['consume', 'catalog', undefined],
      ['publish', 'catalog', undefined],
      ['consume', 'report', undefined],
      ['transformation', 'report', 'slow'],
      ['publish', 'report', undefined],
    ]);
    expect(watch.seen[0]).toMatchObject({ kind: 'prepare', tick: 0, step: 'slow' });
    // Loading the initial rows and snapshotting them: before the service's first tick.
    expect(watch.seen.slice(1, 4).map((work) => [work.kind, work.nodeId])).toEqual([
      ['initial-rows', 'shop'],
      ['snapshot', 'shop'],
      ['service', 'shop'],
    ]);
  });
});
