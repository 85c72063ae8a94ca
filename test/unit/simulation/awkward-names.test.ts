import { describe, expect, it } from 'vitest';
import { awkwardMesh, SHOP } from './awkward-mesh';
import { aScenario, rowsOf, simulate } from './builders';

describe('a mesh with awkward names', () => {
  it('keeps an entity whose own columns are called valid_from and valid_to, without the history they would clash with, and says so at its port', async () => {
    const scenario = aScenario()
      .withData(SHOP, 'tariff', 1, {
        tariff_id: { kind: 'sequence', start: 1 },
        price: { kind: 'oneOf', values: [2.5] },
        valid_from: { kind: 'oneOf', values: ['2026-01-01'] },
      })
      .at(1, SHOP, 'tariff', 'update', { values: { price: 3 }, where: { tariff_id: 1 } })
      .build();
    const simulation = await simulate(awkwardMesh(), scenario);
    const metrics = simulation.step(1);

    expect(metrics.errors).toEqual([
      {
        path: 'products[1].outputPorts[0]',
        nodeId: 'tariffs',
        message:
          "keeps no history of 'tariff': its own columns 'valid_from', 'valid_to', 'is_current' are the names history versions need; rename them to keep history",
        firstTick: 0,
        lastTick: 0,
        count: 1,
      },
    ]);
    expect(rowsOf(simulation, 'tariffs', 'SELECT * FROM tariff')).toEqual([
      { tariff_id: 1, price: 3, valid_from: '2026-01-01', valid_to: null, is_current: null },
    ]);
    expect(metrics.ports['tariffs/tariff-out']?.published).toBe(2);
  });
});
