import { describe, expect, it } from 'vitest';
import { scenarioChosenAgain } from '../../../renderer/simulation/scenario-choice-history';
import { type DocumentState, useDocumentStore } from '../../../renderer/store/document-store';
import { ecommerceWithScenarios } from './builders';

/** Runs a change of the open document and tells which scenario it chooses again, `chosen` being chosen. */
function chosenAgainAfter(change: () => void, chosen: string): string | undefined {
  const previous: DocumentState = useDocumentStore.getState();
  change();
  return scenarioChosenAgain(useDocumentStore.getState(), previous, chosen);
}

const document = () => useDocumentStore.getState();
const addScenario = (id: string) => () =>
  document().change((mesh) => ({ ...mesh, scenarios: [...mesh.scenarios, ...ecommerceWithScenarios(id).scenarios] }));

describe('the scenario chosen again by undo and redo', () => {
  it('is, on the undo of an added scenario, the one chosen before it was added; on its redo, the added one', () => {
    document().open(ecommerceWithScenarios('morning', 'evening'), null);
    expect(chosenAgainAfter(addScenario('night'), 'evening')).toBe(undefined);

    expect(chosenAgainAfter(() => document().undo(), 'night')).toBe('evening');
    expect(chosenAgainAfter(() => document().redo(), 'evening')).toBe('night');
  });

  it('leaves the scenario chosen since when the step undone neither took it away nor brings another back', () => {
    document().open(ecommerceWithScenarios('morning', 'evening'), null);
    chosenAgainAfter(() => document().change((mesh) => ({ ...mesh, name: 'Renamed' })), 'evening');

    expect(chosenAgainAfter(() => document().undo(), 'morning')).toBe(undefined);
    expect(chosenAgainAfter(() => document().redo(), 'morning')).toBe(undefined);
  });
});
