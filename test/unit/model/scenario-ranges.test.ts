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
