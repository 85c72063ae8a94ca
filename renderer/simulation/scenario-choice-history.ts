import type { Mesh } from '../../shared/model';
import { type DocumentState, historyStepBetween, stepRecordedBetween } from '../store/document-store';

/** The scenario chosen when the step from each design in the history was recorded: Undo chooses it again. */
const chosenBeforeStep = new WeakMap<Mesh, string>();
/** The scenario chosen when the step to each design was undone: Redo chooses it again. */
const chosenAfterStep = new WeakMap<Mesh, string>();

function hasScenario(mesh: Mesh, id: string): boolean {
  return mesh.scenarios.some((scenario) => scenario.id === id);
}

/**
 * The scenario to choose once the document went from `previous` to `state`, where an undo or a
 * redo took away the chosen scenario or brings back the one chosen around that step: the undo of
 * New scenario chooses the scenario chosen before it, its redo the new one. Undefined keeps the choice.
 */
export function scenarioChosenAgain(
  state: DocumentState,
  previous: DocumentState,
  chosenId: string | null,
): string | undefined {
  const recorded = stepRecordedBetween(state, previous);
  if (recorded && chosenId !== null) chosenBeforeStep.set(recorded.from, chosenId);
  const step = historyStepBetween(state, previous);
  if (!step || !state.mesh || !previous.mesh) return undefined;
  if (step === 'undo' && chosenId !== null) chosenAfterStep.set(previous.mesh, chosenId);
  const remembered = (step === 'undo' ? chosenBeforeStep : chosenAfterStep).get(state.mesh);
  if (remembered === undefined || remembered === chosenId || !hasScenario(state.mesh, remembered)) return undefined;
  // Choosing is no edit: an undo of anything else leaves the scenario the user chose since.
  const isChosenGone = chosenId !== null && !hasScenario(state.mesh, chosenId);
  const isRememberedBack = !hasScenario(previous.mesh, remembered);
  return isChosenGone || isRememberedBack ? remembered : undefined;
}
