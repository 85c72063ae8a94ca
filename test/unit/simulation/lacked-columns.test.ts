import { describe, expect, it } from 'vitest';
import { traceChange } from '../../../shared/simulation/change-trace';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate, statusRenamedAt } from './builders';

/** The shop's items (the contract does not require `status`, so nothing is quarantined), `status` renamed `item_status` at tick 2. */
const shop = aShopMesh().build();
const renamed = aScenario()
  .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
  .at(2, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
  .at(3, 'shop', 'items', 'update', { values: { status: 'listed' }, where: { id: 2 } })
  .withFault(statusRenamedAt(2))
  .build();

describe('records that lack a column their clean table expects', () => {
  it('are counted at the consumer’s input, per column, with the field the source’s image has instead', async () => {
    const simulation = await simulate(shop, renamed);

    const metrics = simulation.step(4);

    // Two changes after the rename, one at tick 2 and one at tick 3, both without `status`: the
    // clean table holds NULL for both rows (the source has 'new' and 'listed'); nothing made up.
    expect(metrics.inputGaps).toEqual([
      {
        path: 'products[0].inputPorts[0]',
        nodeId: 'catalog',
        consumer: 'catalog/items-in',
        message:
          "2 records lacked 'status' (the source's image has 'item_status'): its entity table 'items' holds NULL in 'status' for the rows they wrote; computed from it: output port 'items-out'",
        firstTick: 2,
        lastTick: 3,
        count: 2,
      },
    ]);
    expect(rowsOf(simulation, 'shop', 'SELECT id, status FROM items ORDER BY id')).toEqual([
      { id: 1, status: 'new' },
      { id: 2, status: 'listed' },
    ]);
    expect(rowsOf(simulation, 'catalog', 'SELECT id, status FROM items ORDER BY id')).toEqual([
      { id: 1, status: null },
      { id: 2, status: null },
    ]);
    expect(metrics.errors).toEqual([]);
  });

  it('are told of in the number their count takes: one record wrote one row', async () => {
    const simulation = await simulate(shop, renamed);

    const [gap] = simulation.step(2).inputGaps;

    expect(gap?.message).toBe(
      "1 record lacked 'status' (the source's image has 'item_status'): its entity table 'items' holds NULL in 'status' for the row it wrote; computed from it: output port 'items-out'",
    );
  });

  it('are said so at the clean stage of their trace', async () => {
    const simulation = await simulate(shop, renamed);
    simulation.step(3);
    const plan = planPipeline(shop);
    const topic = plan.logs.find((log) => log.table === 'shop/items-cdc');
    if (!topic) throw new Error('no items topic');
    const read = readMessages(simulation.query, topic, { limit: 1 });
    const [newest] = read.ok ? read.value : [];
    if (!newest) throw new Error('no record');

    const traced = traceChange(plan, simulation, { kind: 'record', log: topic.table, position: newest.position });

    const clean = traced.ok ? traced.value.stages.find((stage) => stage.kind === 'clean') : undefined;
    expect(clean?.records).toEqual([expect.objectContaining({ id: 2, status: null })]);
    expect(clean?.note).toBe(
      "This record lacks 'status' (the source's image has 'item_status'), which the table expects: the row holds NULL there, as no value is made up (counted among the run's problems at this input).",
    );
  });
});
