import { create } from 'zustand';
import type { LocatedFinding } from '../../shared/contracts';

export type ContractView = 'yaml' | 'form';

/** Whether an editor's text is what the document holds, or has unapplied (invalid) edits. */
export type SyncState = { isInSync: true } | { isInSync: false; reason: string };

interface ContractTabsState {
  openIds: string[];
  activeId: string | null;
  view: ContractView;
  syncById: Record<string, SyncState>;
  /** What the YAML text of each open contract has to say: syntax, schema and semantic findings. */
  findingsById: Record<string, LocatedFinding[]>;
  openContract(id: string): void;
  closeContract(id: string): void;
  setView(view: ContractView): void;
  setSync(id: string, sync: SyncState): void;
  setFindings(id: string, findings: LocatedFinding[]): void;
}

/** Which contracts are open in the editor beside the canvas; several can be. */
export const useContractTabs = create<ContractTabsState>()((set) => ({
  openIds: [],
  activeId: null,
  view: 'yaml',
  syncById: {},
  findingsById: {},
  openContract: (id) =>
    set((state) => ({ openIds: state.openIds.includes(id) ? state.openIds : [...state.openIds, id], activeId: id })),
  closeContract: (id) =>
    set((state) => {
      const openIds = state.openIds.filter((openId) => openId !== id);
      const { [id]: _closedSync, ...syncById } = state.syncById;
      const { [id]: _closedFindings, ...findingsById } = state.findingsById;
      const activeId = state.activeId === id ? (openIds.at(-1) ?? null) : state.activeId;
      return { openIds, activeId, syncById, findingsById };
    }),
  setView: (view) => set({ view }),
  setSync: (id, sync) => set((state) => ({ syncById: { ...state.syncById, [id]: sync } })),
  setFindings: (id, findings) => set((state) => ({ findingsById: { ...state.findingsById, [id]: findings } })),
}));
