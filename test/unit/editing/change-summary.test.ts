import { describe, expect, it } from 'vitest';
import { describeChange } from '../../../shared/editing/change-summary';
import { aMesh, aTruncatingScenario } from '../../builders/mesh-builder';

describe('what an edit did, as Undo and Redo name it', () => {
  const before = aMesh().withDomain('sales').build();
  const withScenario = { ...before, scenarios: [aTruncatingScenario('shop')] };

  it('names a scenario added, edited or deleted', () => {
    expect(describeChange(before, withScenario)).toBe('New scenario “Purge”');
    const edited = { ...withScenario, scenarios: [{ ...aTruncatingScenario('shop'), seed: 7 }] };
    expect(describeChange(withScenario, edited)).toBe('Edited scenario “Purge”');
    expect(describeChange(withScenario, before)).toBe('Deleted scenario “Purge”');
  });

  it('names the part edited where it has no name, and the design where nothing else says more', () => {
    expect(describeChange(before, { ...before, links: [] })).toBe('Edited the design');
    expect(describeChange(before, { ...before, domains: [{ ...before.domains[0]!, owner: 'Ann' }] })).toBe(
      'Edited domain “sales”',
    );
  });
});
