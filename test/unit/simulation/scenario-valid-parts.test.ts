import { describe, expect, it } from 'vitest';
import { checkSchemaValidParts } from '../../../shared/simulation/scenario-valid-parts';
import { ecommerceSample } from './builders';

const mesh = ecommerceSample();
const workshop = mesh.scenarios[0];
if (!workshop) throw new Error('the sample has a scenario');

describe('the reference checks of a scenario the schema refuses in part', () => {
  it('checks the entries the schema takes, each problem at the place of its entry in the design', () => {
    const scenario = {
      ...workshop,
      faults: [
        { kind: 'redeliver', tick: 3, systemId: 'orders-service', topicId: '', records: 2 },
        { kind: 'redeliver', tick: 3, systemId: 'orders-service', topicId: 'orders.public.ordrs', records: 2 },
      ],
    };
    expect(checkSchemaValidParts(mesh, scenario, 'scenarios[0]').map((problem) => problem.path)).toEqual([
      'scenarios[0].faults[1].topicId',
    ]);
  });

  it('checks nothing when the scenario’s own fields are refused', () => {
    const scenario = { ...workshop, seed: 'forty-two', steps: [{ ...workshop.steps[0], table: 'orderz' }] };
    expect(checkSchemaValidParts(mesh, scenario, '')).toEqual([]);
    expect(checkSchemaValidParts(mesh, 'not a scenario', '')).toEqual([]);
  });
});
