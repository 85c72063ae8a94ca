import { describe, expect, it } from 'vitest';
import { aContract, aMesh, aProduct, aScenario, aSystem, rowsOf, simulate } from './builders';

/** A keyless table captured to a topic of three partitions, and a product reading it. */
const sensorsMesh = () =>
  aMesh()
    .with(
      aSystem('sensors')
        .withTable('readings', { device: 'text', value: 'real' }, [])
        .withCdcTopic('readings-cdc', 'readings', { partitions: 3 }),
      aProduct('telemetry').withInput('readings-in').withOutput('readings-out', 'reading'),
      aContract('reading', 'entity', 'readings').withProperty('device', 'string').withProperty('value', 'number'),
    )
    .withLink('sensors/readings-cdc', 'telemetry/readings-in')
    .build();

/** Two inserts at each of ticks 1 to 4. */
const readingsEveryTick = () => {
  let scenario = aScenario();
  for (const tick of [1, 2, 3, 4]) {
    for (const device of ['d1', 'd2']) {
      scenario = scenario.at(tick, 'sensors', 'readings', 'insert', { values: { device, value: tick } });
    }
  }
  return scenario.build();
};

async function partitionsPerTick(): Promise<number[][]> {
  const simulation = await simulate(sensorsMesh(), readingsEveryTick());
  simulation.step(5);
  const rows = rowsOf(
    simulation,
    'telemetry',
    'SELECT _partition, after_value FROM raw_readings_in ORDER BY _position',
  );
  return [1, 2, 3, 4].map((tick) =>
    rows.filter((row) => row.after_value === tick).map((row) => Number(row._partition)),
  );
}

describe('records without a key on a topic of several partitions', () => {
  it("fill one partition per batch and move on to the next, as Kafka's sticky partitioner does", async () => {
    expect(await partitionsPerTick()).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [0, 0],
    ]);
  });

  it('land where they landed in the run before', async () => {
    expect(await partitionsPerTick()).toEqual(await partitionsPerTick());
  });
});
