import { describe, expect, it } from 'vitest';
import { countingAxis, WHOLE_NUMBER_STEPS } from '../../../renderer/simulation/chart-axes';

describe('the axes of the metrics charts', () => {
  it('step between labels by whole numbers only, from 1 up', () => {
    expect(WHOLE_NUMBER_STEPS.slice(0, 7)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(WHOLE_NUMBER_STEPS.every(Number.isInteger)).toBe(true);
    expect(WHOLE_NUMBER_STEPS.at(-1)).toBeGreaterThanOrEqual(1e15);
  });

  it('give every axis those steps', () => {
    expect(countingAxis('black').incrs).toEqual(WHOLE_NUMBER_STEPS);
    expect(countingAxis('black', { size: 44 })).toMatchObject({ size: 44, incrs: WHOLE_NUMBER_STEPS });
  });
});
