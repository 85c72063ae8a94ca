import { describe, expect, it } from 'vitest';
import { renamedScenarioId, withScenarioRenamed } from '../../../shared/model/renamed-scenario';
import { ecommerceWithScenarios as withScenarios } from '../simulation/builders';

describe('the id a scenario has after an edit of its id alone', () => {
  it('is the id of the scenario now in its place, one the design did not have', () => {
    expect(renamedScenarioId(withScenarios('morning', 'evening'), withScenarios('morning', 'night'), 'evening')).toBe(
      'night',
    );
    expect(renamedScenarioId(withScenarios('morning', 'night'), withScenarios('morning', 'evening'), 'night')).toBe(
      'evening',
    );
  });

  it('is none where the scenario is still there, was removed, or another took its place', () => {
    expect(renamedScenarioId(withScenarios('morning', 'evening'), withScenarios('morning', 'evening'), 'evening')).toBe(
      undefined,
    );
    expect(renamedScenarioId(withScenarios('morning', 'evening'), withScenarios('morning'), 'evening')).toBe(undefined);
    expect(renamedScenarioId(withScenarios('morning', 'evening'), withScenarios('evening', 'morning'), 'evening')).toBe(
      undefined,
    );
    expect(renamedScenarioId(withScenarios('morning', 'evening'), withScenarios('evening', 'evening'), 'morning')).toBe(
      undefined,
    );
  });
});

describe('a design with one of its scenarios under another id', () => {
  it('keeps that scenario as it was, in its place, under the new id, and leaves the others alone', () => {
    const before = withScenarios('morning', 'evening');
    const after = withScenarioRenamed(before, 'evening', 'late-evening');
    expect(after.scenarios.map((scenario) => scenario.id)).toEqual(['morning', 'late-evening']);
    expect(after.scenarios[1]).toEqual({ ...before.scenarios[1], id: 'late-evening' });
    expect(after.scenarios[0]).toBe(before.scenarios[0]);
    expect(after.products).toBe(before.products);
  });
});
