import { describe, expect, it } from 'vitest';
import { type ScenarioSaveFacts, scenarioSaveState } from '../../../renderer/simulation/scenario-save-state';

const saved: ScenarioSaveFacts = { problemCount: 0, isDirty: false, isJustApplied: false, isRunning: false };

describe('where the Scenario tab says the scenario stands', () => {
  it('says an Apply waits for the next reset while the run is built from the scenario before it', () => {
    expect(scenarioSaveState({ ...saved, isJustApplied: true })).toBe(
      'Saved in the design: it runs from the next reset.',
    );
  });

  it('says the run uses what was applied once a reset built the run from it', () => {
    expect(scenarioSaveState({ ...saved, isJustApplied: true, isRunning: true })).toBe(
      'Saved in the design; the run uses it',
    );
  });

  it('says the run uses the saved scenario when no Apply came before', () => {
    expect(scenarioSaveState({ ...saved, isRunning: true })).toBe('Saved in the design; the run uses it');
  });

  it('says what an Apply does when there is no run of the saved scenario', () => {
    expect(scenarioSaveState(saved)).toBe('Saved in the design; applies on reset');
  });

  it('puts problems, then text not applied, before what the run uses', () => {
    expect(scenarioSaveState({ ...saved, isRunning: true, isDirty: true, problemCount: 2 })).toBe('2 problems');
    expect(scenarioSaveState({ ...saved, isRunning: true, problemCount: 1 })).toBe('1 problem');
    expect(scenarioSaveState({ ...saved, isRunning: true, isDirty: true })).toBe('Not applied yet');
  });
});
