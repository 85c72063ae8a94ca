import { beforeAll, describe, expect, it } from 'vitest';
import { traceChange } from '../../../shared/simulation/change-trace';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aMesh, aProduct, aScenario, aSystem, loadSqlJs, simulate } from './builders';

// Loading sql.js's wasm is slow on a busy machine; it is not what these tests time.
beforeAll(() => loadSqlJs(), 60_000);

describe('the trace of a change at a step linked by the key and an id the row has changed since', () => {
  const farm = aMesh()
    .with(
      aSystem('farm')
        .withTable('readings', { reading_id: 'integer', field_id: 'integer', value: 'real' })
        .withCdcTopic('readings-cdc', 'readings'),
      aProduct('telemetry')
        .withInput('readings-in')
        .withTransformation(
          'ranked',
          'SELECT reading_id, field_id, value, rank() OVER (PARTITION BY field_id ORDER BY value DESC) AS value_rank FROM readings',
        ),
    )
    .withLink('farm/readings-cdc', 'telemetry/readings-in')
    .build();

  /** The `ranked` stage of the trace of reading 1's insert in field 10, read after an update moved it to field 11. */
  async function rankedStage() {
    const scenario = aScenario()
      .at(1, 'farm', 'readings', 'insert', { values: { reading_id: 1, field_id: 10, value: 3.5 } })
      .at(3, 'farm', 'readings', 'update', { values: { field_id: 11 }, where: { reading_id: 1 } })
      .build();
    const simulation = await simulate(farm, scenario);
    simulation.step(4);
    const traced = traceChange(planPipeline(farm), simulation, {
      kind: 'record',
      log: 'farm/readings-cdc',
      position: 1,
    });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    const step = traced.value.stages.find((stage) => stage.kind === 'transformation');
    return [step?.note, step?.records];
  }

  it('shows the step’s row with the same key, saying which linking value changed since', async () => {
    expect(await rankedStage()).toEqual([
      'No row of ranked has this reading_id, field_id now: its field_id (10 → 11) changed since; this is its row by reading_id.',
      [{ reading_id: 1, field_id: 11, value: 3.5, value_rank: 1 }],
    ]);
  });
});
