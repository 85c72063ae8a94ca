import { describe, expect, it } from 'vitest';
import { failingTransformations, problemTicks } from '../../../renderer/simulation/problem-ticks';
import type { SimulationError } from '../../../shared/simulation/simulation-metrics';

const failure = (patch: Partial<SimulationError>): SimulationError => ({
  path: 'products[3].transformations[0]',
  nodeId: 'consumption-insights',
  step: 'consumption_by_customer',
  message: "transformation 'consumption_by_customer' failed: no such column: m.tarif_code",
  firstTick: 0,
  lastTick: 0,
  count: 1,
  ...patch,
});

describe('when a problem of the run happened', () => {
  it('names the one tick of a problem that happened once', () => {
    expect(problemTicks(failure({ firstTick: 4, lastTick: 4, count: 1 }))).toBe('tick 4');
  });

  it('says a problem kept happening: its first and last tick and how often', () => {
    expect(problemTicks(failure({ firstTick: 0, lastTick: 12, count: 13 }))).toBe('ticks 0–12, 13 times');
  });
});

describe('the transformations failing now', () => {
  it('lists a node’s transformations that failed at the current tick, not those that failed before or elsewhere', () => {
    const errors = [
      failure({ lastTick: 12, count: 13 }),
      failure({ step: 'recovered', message: 'recovered failed', lastTick: 5, count: 6 }),
      failure({ nodeId: 'energy-coach', message: 'elsewhere', lastTick: 12 }),
      failure({ step: undefined, message: 'not a transformation', lastTick: 12 }),
    ];

    expect(failingTransformations(errors, 'consumption-insights', 12)).toEqual([
      "transformation 'consumption_by_customer' failed: no such column: m.tarif_code",
    ]);
  });
});
