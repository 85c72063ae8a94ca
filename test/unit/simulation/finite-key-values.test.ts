import { describe, expect, it } from 'vitest';
import type { ValueGenerator } from '../../../shared/model/scenario';
import { aMesh, aScenario, aSystem, rowsOf, simulate } from './builders';

function gantryService() {
  return aMesh()
    .with(
      aSystem('gantry-service')
        .withTable('gantries', { gantry_id: 'text', road: 'text' })
        .withCdcTopic('gantries-cdc', 'gantries'),
    )
    .build();
}

function laneService() {
  return aMesh()
    .with(
      aSystem('lane-service')
        .withTable('lanes', { gantry_id: 'text', lane: 'integer' }, ['gantry_id', 'lane'])
        .withCdcTopic('lanes-cdc', 'lanes'),
    )
    .build();
}

const fourGantries: ValueGenerator = { kind: 'oneOf', values: ['A10-G1', 'A10-G2', 'A10-G3', 'A10-G4'] };

describe('a key whose generator has few values', () => {
  it.each(Array.from({ length: 20 }, (_, index) => index + 1))(
    'gives 4 rows the 4 values of a 4-value oneOf key with seed %i',
    async (seed) => {
      const scenario = aScenario()
        .withSeed(seed)
        .withData('gantry-service', 'gantries', 4, { gantry_id: fourGantries })
        .build();
      const simulation = await simulate(gantryService(), scenario);
      expect(simulation.metrics().errors).toEqual([]);
      const keys = rowsOf(simulation, 'gantry-service', 'SELECT gantry_id FROM gantries ORDER BY gantry_id');
      expect(keys.map((row) => Object.values(row)[0])).toEqual(['A10-G1', 'A10-G2', 'A10-G3', 'A10-G4']);
      simulation.dispose();
    },
  );

  it('draws the same table from the same seed', async () => {
    const scenario = aScenario()
      .withSeed(8)
      .withData('gantry-service', 'gantries', 4, { gantry_id: fourGantries })
      .build();
    const tables = [];
    for (let run = 0; run < 2; run++) {
      const simulation = await simulate(gantryService(), scenario);
      tables.push(rowsOf(simulation, 'gantry-service', 'SELECT * FROM gantries ORDER BY rowid'));
      simulation.dispose();
    }
    expect(tables[0]).toEqual(tables[1]);
  });

  it('gives a composite key every unused combination of its columns', async () => {
    const scenario = aScenario()
      .withSeed(8)
      .withData('lane-service', 'lanes', 8, {
        gantry_id: { kind: 'oneOf', values: ['A10-G1', 'A10-G2'] },
        lane: { kind: 'integer', min: 1, max: 4 },
      })
      .build();
    const simulation = await simulate(laneService(), scenario);
    expect(simulation.metrics().errors).toEqual([]);
    expect(rowsOf(simulation, 'lane-service', 'SELECT * FROM lanes')).toHaveLength(8);
    simulation.dispose();
  });

  it('says, when every value of the key is taken, that those values were used earlier in the run', async () => {
    const scenario = aScenario().withData('gantry-service', 'gantries', 5, { gantry_id: fourGantries }).build();
    const simulation = await simulate(gantryService(), scenario);
    expect(simulation.metrics().errors.map((error) => error.message)).toEqual([
      "a new row of gantries found no unused key: every value its generators can give (gantry_id) was used earlier in this run (a key is never reused); add values to its key's generators or insert fewer rows here",
    ]);
    simulation.dispose();
  });
});
