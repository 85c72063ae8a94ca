import { describe, expect, it } from 'vitest';
import { NO_SCENARIO, whyNothingToRun } from '../../../renderer/simulation/nothing-to-run';
import { ecommerceSample } from './builders';

describe('whether a design has something to run', () => {
  it('has, with a scenario', () => {
    expect(whyNothingToRun(ecommerceSample())).toBeUndefined();
  });

  it('has not, without a scenario, and says where to add one', () => {
    expect(whyNothingToRun({ ...ecommerceSample(), scenarios: [] })).toBe(NO_SCENARIO);
    expect(NO_SCENARIO).toContain('add one in the Scenario tab');
  });

  it('has not, without a design', () => {
    expect(whyNothingToRun(null)).toBe(NO_SCENARIO);
  });
});
