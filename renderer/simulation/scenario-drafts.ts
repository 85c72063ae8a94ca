import { create } from 'zustand';
import { useDocumentStore } from '../store/document-store';

interface ScenarioDraftsState {
  /** Scenario text edited but not applied, by scenario id: in no file until Apply puts it in the design. */
  textById: Record<string, string>;
  setDraft(scenarioId: string, text: string): void;
  clearDraft(scenarioId: string): void;
}

/**
 * The scenario editor's unapplied text, kept outside the editor so that leaving Simulate or
 * choosing another scenario does not drop it, and leaving the design asks about it first.
 */
export const useScenarioDrafts = create<ScenarioDraftsState>()((set) => ({
  textById: {},
  setDraft: (scenarioId, text) =>
    set((state) =>
      state.textById[scenarioId] === text ? state : { textById: { ...state.textById, [scenarioId]: text } },
    ),
  clearDraft: (scenarioId) =>
    set((state) => {
      if (!(scenarioId in state.textById)) return state;
      const { [scenarioId]: _cleared, ...textById } = state.textById;
      return { textById };
    }),
}));

/** Names of the scenarios holding text never applied: work that leaving the design loses. */
export function unappliedScenarioNames(): string[] {
  const scenarios = useDocumentStore.getState().mesh?.scenarios ?? [];
  return Object.keys(useScenarioDrafts.getState().textById).map(
    (id) => scenarios.find((scenario) => scenario.id === id)?.name ?? id,
  );
}

// Drafts belong to the design they were typed in (the user was asked before leaving it), and a
// scenario gone from it (an undo of New scenario) takes its draft along.
useDocumentStore.subscribe((state, previous) => {
  if (state.mesh === previous.mesh) return;
  const isAnotherDocument = state.documentKey !== previous.documentKey;
  const drafts = useScenarioDrafts.getState();
  for (const id of Object.keys(drafts.textById)) {
    const isGone = !state.mesh?.scenarios.some((scenario) => scenario.id === id);
    if (isAnotherDocument || isGone) drafts.clearDraft(id);
  }
});
