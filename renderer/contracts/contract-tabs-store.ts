import { create } from 'zustand';

export type ContractView = 'yaml' | 'form' | 'preview' | 'diff' | 'diagram';

interface ContractTabsState {
  openIds: string[];
  activeId: string | null;
  view: ContractView;
  /** Whether the editor takes most of the window, the canvas a strip beside it. */
  isExpanded: boolean;
  openContract(id: string): void;
  closeContract(id: string): void;
  setView(view: ContractView): void;
  toggleExpanded(): void;
}

/** Which contracts are open in the editor beside the canvas; several can be. */
export const useContractTabs = create<ContractTabsState>()((set) => ({
  openIds: [],
  activeId: null,
  view: 'yaml',
  isExpanded: false,
  openContract: (id) =>
    set((state) => ({ openIds: state.openIds.includes(id) ? state.openIds : [...state.openIds, id], activeId: id })),
  closeContract: (id) =>
    set((state) => {
      const openIds = state.openIds.filter((openId) => openId !== id);
      const activeId = state.activeId === id ? (openIds.at(-1) ?? null) : state.activeId;
      return { openIds, activeId };
    }),
  setView: (view) => set({ view }),
  toggleExpanded: () => set((state) => ({ isExpanded: !state.isExpanded })),
}));
