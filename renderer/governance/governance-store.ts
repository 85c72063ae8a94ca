import { create } from 'zustand';
import type { ImpactOrigin } from '../../shared/lineage/impact';
import type { Severity } from '../../shared/validation/finding';
import { useDocumentStore } from '../store/document-store';

/** A port the user was sent to (from a problem), marked on the canvas and in the inspector. */
export interface FocusedPort {
  nodeId: string;
  portId: string;
}

interface GovernanceState {
  /** The severities the problems panel lists. */
  shownSeverities: ReadonlySet<Severity>;
  /** List only problems of the selected elements. */
  onlySelection: boolean;
  focusedPort: FocusedPort | null;
  /** Where in the design file a policy the user was sent to (from a problem) is written (`policies.rules.owners`), highlighted in the design inspector's list. */
  focusedPolicy: string | null;
  /** What the impact analysis starts from; null when none is shown. */
  impactOrigin: ImpactOrigin | null;
  toggleSeverity(severity: Severity): void;
  setOnlySelection(only: boolean): void;
  focusPort(port: FocusedPort | null): void;
  focusPolicy(path: string | null): void;
  showImpact(origin: ImpactOrigin | null): void;
}

/** The problems panel's and the impact analysis's view state: not part of the document, not saved, not undone. */
export const useGovernanceStore = create<GovernanceState>()((set) => ({
  shownSeverities: new Set<Severity>(['error', 'warning', 'info']),
  onlySelection: false,
  focusedPort: null,
  focusedPolicy: null,
  impactOrigin: null,
  toggleSeverity: (severity) =>
    set((state) => {
      const shown = new Set(state.shownSeverities);
      if (shown.has(severity)) shown.delete(severity);
      else shown.add(severity);
      return { shownSeverities: shown };
    }),
  setOnlySelection: (onlySelection) => set({ onlySelection }),
  focusPort: (focusedPort) => set({ focusedPort }),
  focusPolicy: (focusedPolicy) => set({ focusedPolicy }),
  showImpact: (impactOrigin) => set({ impactOrigin }),
}));

// A document just opened starts with no impact shown and nothing marked: ids of the previous one mean nothing in it.
useDocumentStore.subscribe((state, previous) => {
  if (state.openCount !== previous.openCount)
    useGovernanceStore.setState({ focusedPort: null, focusedPolicy: null, impactOrigin: null });
});
