import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../shared/simulation';
import { aScenario, aShopMesh, testWorkspace } from './builders';

describe('a run whose clock reaches the last time a timestamp can show', () => {
  it('stops before the tick that would come after it, at tickMillis, keeping the ticks before', async () => {
    const scenario = { ...aScenario().withData('shop', 'items', 1).build(), startTime: '9999-12-31T23:57:00.000Z' };
    const created = createSimulation(aShopMesh().build(), scenario, { sqlite: await testWorkspace() });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const message =
      'tick 3 would come after 9999-12-31T23:59:59.999Z, the last time the simulated clock can show (timestamps are ISO 8601, with four-digit years): 60000 ms a tick from 9999-12-31T23:57:00.000Z; the run stopped at tick 2';

    const metrics = created.value.step(10);

    expect(metrics).toMatchObject({ tick: 2, time: '9999-12-31T23:59:00.000Z' });
    expect(metrics.stopped).toEqual({ tick: 3, nodeId: '', path: 'scenario.tickMillis', message });
    expect(metrics.errors).toContainEqual(expect.objectContaining({ path: 'scenario.tickMillis', message, count: 1 }));
    expect(created.value.step(1).tick).toBe(2);
  });
});
