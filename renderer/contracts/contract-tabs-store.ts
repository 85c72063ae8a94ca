import { create } from 'zustand';
import type { PathSegment } from '../../shared/contracts/path-segment';
import type { ContractPropertyRef } from '../../shared/editing/mesh-search';
import type { Mesh } from '../../shared/model';
import { contractEditorTypingKey, takeTypedAhead } from '../inspector/fields/typed-ahead';
import { useDocumentStore } from '../store/document-store';
import { useContractDrafts } from './contract-drafts';

export type ContractView = 'yaml' | 'form' | 'preview' | 'diff' | 'diagram';

/** A place in a contract: a property by its names (a pick of quick search), or a part of its model (what a problem is about). */
export type ContractPlace = ContractPropertyRef | { contractId: string; modelPath: PathSegment[] };

interface ContractTabsState {
  openIds: string[];
  activeId: string | null;
  view: ContractView;
  /** Whether the editor takes most of the window, the canvas a strip beside it. */
  isExpanded: boolean;
  /** The contract whose editor takes the keyboard focus once it shows: it was opened by a button pressed to edit it. */
  editorFocusRequest: string | null;
  /** The place the YAML editor selects once it shows its contract. */
  placeToReveal: ContractPlace | null;
  openContract(id: string): void;
  /** Opens the contract in the YAML view with the place selected, the focus there. */
  openContractAt(place: ContractPlace): void;
  /** The editor selected the place asked for. */
  placeRevealed(): void;
  /** Opens the contract with the keyboard focus in its editor, to type at once. */
  openContractToEdit(id: string): void;
  /** The editor took the focus asked for, or the user put it elsewhere first. */
  endEditorFocusRequest(): void;
  closeContract(id: string): void;
  closeContracts(ids: readonly string[]): void;
  setView(view: ContractView): void;
  toggleExpanded(): void;
}

/** Stops listening for the user moving the focus away from a contract still to take it. */
let stopWatchingFocus = () => {};

/**
 * Ends the request for `contractId`'s editor to take the focus once the user puts the focus
 * elsewhere, dropping what was typed for it. Listened for from the request on: a click on the
 * canvas can come before the view that asked has even rendered.
 */
function giveUpOnFocusMoved(contractId: string, endRequest: () => void): void {
  stopWatchingFocus();
  const giveUp = () => {
    takeTypedAhead(contractEditorTypingKey(contractId));
    endRequest();
  };
  document.addEventListener('focusin', giveUp);
  stopWatchingFocus = () => document.removeEventListener('focusin', giveUp);
}

/** Which contracts are open in the editor beside the canvas; several can be. */
export const useContractTabs = create<ContractTabsState>()((set, get) => ({
  openIds: [],
  activeId: null,
  view: 'yaml',
  isExpanded: false,
  editorFocusRequest: null,
  placeToReveal: null,
  openContract: (id) =>
    set((state) => ({ openIds: state.openIds.includes(id) ? state.openIds : [...state.openIds, id], activeId: id })),
  openContractToEdit: (id) => {
    get().openContract(id);
    set({ editorFocusRequest: id });
    if (typeof document !== 'undefined') giveUpOnFocusMoved(id, get().endEditorFocusRequest);
  },
  endEditorFocusRequest: () => {
    stopWatchingFocus();
    set({ editorFocusRequest: null });
  },
  openContractAt: (place) => {
    get().openContract(place.contractId);
    // The form lists properties in windowed rows: the YAML view is where any of them can be shown at once.
    set({ view: 'yaml', placeToReveal: place });
  },
  placeRevealed: () => set({ placeToReveal: null }),
  closeContract: (id) => get().closeContracts([id]),
  closeContracts: (ids) =>
    set((state) => {
      const openIds = state.openIds.filter((openId) => !ids.includes(openId));
      if (openIds.length === state.openIds.length) return state;
      const activeId =
        state.activeId !== null && openIds.includes(state.activeId) ? state.activeId : (openIds.at(-1) ?? null);
      return { openIds, activeId };
    }),
  setView: (view) => set({ view }),
  toggleExpanded: () => set((state) => ({ isExpanded: !state.isExpanded })),
}));

/**
 * The open tabs whose contract the design no longer holds, nor a draft: a contract opened from
 * a file with problems is a draft before it is in the design.
 */
function tabsLeftBehind(
  openIds: readonly string[],
  mesh: Mesh | null,
  drafts: Readonly<Record<string, string>>,
): string[] {
  return openIds.filter((id) => !mesh?.contracts.some((contract) => contract.id === id) && !(id in drafts));
}

function closeTabsLeftBehind(): void {
  const tabs = useContractTabs.getState();
  const leftBehind = tabsLeftBehind(
    tabs.openIds,
    useDocumentStore.getState().mesh,
    useContractDrafts.getState().textById,
  );
  if (leftBehind.length > 0) tabs.closeContracts(leftBehind);
}

// A tab shows a contract of the design or its draft: when the contract leaves it (undo of its import,
// a delete, another design opened) or its draft is discarded, its tab closes rather than edit a
// contract that is nowhere.
useDocumentStore.subscribe((state, previous) => {
  if (state.mesh !== previous.mesh) closeTabsLeftBehind();
});
useContractDrafts.subscribe((state, previous) => {
  if (state.textById !== previous.textById) closeTabsLeftBehind();
});
