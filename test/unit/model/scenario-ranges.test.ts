import { describe, expect, it } from 'vitest';
import { ValueGeneratorSchema } from '../../../shared/model/scenario';

const problemsOf = (generator: unknown) => {
  const parsed = ValueGeneratorSchema.safeParse(generator);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};

describe('a generator’s range and stages', () => {
  it('refuses a range whose min is above its max, at the min', () => {
    expect(problemsOf({ kind: 'integer', min: 100, max: 1 })).toEqual([
      { path: ['min'], message: 'min (100) is above max (1)' },
    ]);
    expect(problemsOf({ kind: 'decimal', min: 500, max: 10, scale: 2 })).toEqual([
      { path: ['min'], message: 'min (500) is above max (10)' },
    ]);
    expect(problemsOf({ kind: 'now', laterByMinutes: { min: 90, max: 30 } })).toEqual([
      { path: ['laterByMinutes', 'min'], message: 'min (90) is above max (30)' },
    ]);
  });

  it('refuses a lifecycle of one stage, which never moves, at its stages', () => {
    expect(problemsOf({ kind: 'lifecycle', stages: ['held'] })).toEqual([
      { path: ['stages'], message: 'a lifecycle needs at least two stages; for one value, use oneOf' },
    ]);
  });

  it('accepts a range of one value and a lifecycle of two stages', () => {
    expect(problemsOf({ kind: 'integer', min: 5, max: 5 })).toEqual([]);
    expect(problemsOf({ kind: 'lifecycle', stages: ['held', 'ticketed'] })).toEqual([]);
  });
});

describe('a generator’s weights', () => {
  it('refuses weights that are not one per value, at the weights', () => {
    expect(problemsOf({ kind: 'oneOf', values: ['a', 'b', 'c'], weights: [1, 2] })).toEqual([
      { path: ['weights'], message: '2 weights for 3 values: give one weight per value' },
    ]);
  });

  it('refuses a negative weight and weights that are all 0', () => {
    expect(problemsOf({ kind: 'oneOf', values: ['a', 'b'], weights: [1, -1] })).toEqual([
      { path: ['weights', 1], message: 'a weight cannot be negative' },
    ]);
    expect(problemsOf({ kind: 'oneOf', values: ['a', 'b'], weights: [0, 0] })).toEqual([
      { path: ['weights'], message: 'every weight is 0: give at least one value a weight above 0' },
    ]);
  });

  it('checks the weights of a lifecycle’s stage at that stage', () => {
    expect(problemsOf({ kind: 'lifecycle', stages: ['*', { values: ['1-0', '0-1'], weights: [1] }] })).toEqual([
      { path: ['stages', 1, 'weights'], message: '1 weights for 2 values: give one weight per value' },
    ]);
  });

  it('accepts weights of 0 beside others, and a stage of several values without weights', () => {
    expect(problemsOf({ kind: 'oneOf', values: ['a', 'b'], weights: [0, 3] })).toEqual([]);
    expect(problemsOf({ kind: 'lifecycle', stages: ['*', { values: ['1-0', '0-1', '½-½'] }] })).toEqual([]);
  });
});
