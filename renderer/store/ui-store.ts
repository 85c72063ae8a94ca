import { create } from 'zustand';
import type { Point } from '../../shared/editing/geometry';
import { useDocumentStore } from './document-store';
import { usePreferencesStore } from './preferences-store';

export type Dialog =
  | 'quick-search'
  | 'commands'
  | 'shortcuts'
  | 'notices'
  | 'diagram'
  | 'mermaid-import'
  | 'canvas-image'
  | 'export'
  | 'connect'
  | 'move-link-end'
  | null;
/** The side panel's tabs; `contract` when the contract editor was moved there. */
export type SidePanelTab = 'inspector' | 'problems' | 'impact' | 'contract';

/** What a right-click opened a menu on, and where (on screen, and on the canvas). */
export interface ContextMenuTarget {
  /** What was right-clicked: a domain's body (off its title) passes the press to the canvas, yet adds into the domain. */
  on:
    | { kind: 'pane' }
    | { kind: 'domain-body'; id: string }
    | { kind: 'node'; id: string }
    | { kind: 'link'; id: string };
  screen: Point;
  canvas: Point;
}

/** One product's lineage shown alone: its upstream and downstream within `hops` links; the rest dimmed. */
export interface LineageFocus {
  nodeId: string;
  hops: number;
}

export const DEFAULT_LINEAGE_HOPS = 2;

/** Whose name field should take the focus, and whether the element was just added (its naming is part of adding it). */
export interface NameFocusRequest {
  elementId: string;
  isRename: boolean;
}

interface UiState {
  dialog: Dialog;
  /** The element whose name field (a note's text) should take the focus once the inspector shows it. */
  nameFocusRequest: NameFocusRequest | null;
  /** The domain a dragged product or system would move into if dropped now. */
  dropTargetDomainId: string | null;
  /** The link whose end is being dragged to another port, which must not count as its own duplicate. */
  reconnectingLinkId: string | null;
  /** The link under the pointer: it shows its label. */
  hoveredLinkId: string | null;
  /** A selection box is being drawn (Shift+drag): the links it selects are those whose both ends it selects. */
  isBoxSelecting: boolean;
  contextMenu: ContextMenuTarget | null;
  lineageFocus: LineageFocus | null;
  /** Auto-layout is computing: the canvas shows it is busy and offers Cancel. */
  isLayingOut: boolean;
  /** The node the arrow keys reached without selecting it yet (Enter selects). */
  keyboardCursor: string | null;
  sidePanelTab: SidePanelTab;
  openDialog(dialog: Dialog): void;
  /** Shows a tab of the side panel, showing the panel too when it is hidden. */
  showSidePanelTab(tab: SidePanelTab): void;
  /** Asks for a just-added element's name field; the inspector it is in shows, whatever the side panel showed, or hid. */
  requestNameFocus(elementId: string | null): void;
  /** Asks for an existing element's name field, as for a new one, but its renaming is an undo step of its own. */
  requestRename(elementId: string): void;
  setDropTarget(domainId: string | null): void;
  setReconnecting(linkId: string | null): void;
  setHoveredLink(linkId: string | null): void;
  setBoxSelecting(isBoxSelecting: boolean): void;
  openContextMenu(target: ContextMenuTarget | null): void;
  focusLineage(focus: LineageFocus | null): void;
  setLayingOut(isLayingOut: boolean): void;
  setKeyboardCursor(nodeId: string | null): void;
}

/** Transient interface state: not part of the document, not saved, not undone. */
export const useUiStore = create<UiState>()((set, get) => ({
  dialog: null,
  nameFocusRequest: null,
  dropTargetDomainId: null,
  reconnectingLinkId: null,
  hoveredLinkId: null,
  isBoxSelecting: false,
  contextMenu: null,
  lineageFocus: null,
  isLayingOut: false,
  keyboardCursor: null,
  sidePanelTab: 'inspector',
  openDialog: (dialog) => set({ dialog }),
  showSidePanelTab: (sidePanelTab) => {
    if (!usePreferencesStore.getState().showsSidePanel) usePreferencesStore.getState().toggleSidePanel();
    set({ sidePanelTab });
  },
  requestNameFocus: (elementId) => {
    if (elementId) get().showSidePanelTab('inspector');
    set({ nameFocusRequest: elementId ? { elementId, isRename: false } : null });
  },
  requestRename: (elementId) => {
    get().showSidePanelTab('inspector');
    set({ nameFocusRequest: { elementId, isRename: true } });
  },
  setDropTarget: (domainId) =>
    set((state) => (state.dropTargetDomainId === domainId ? state : { dropTargetDomainId: domainId })),
  setReconnecting: (linkId) => set({ reconnectingLinkId: linkId }),
  setHoveredLink: (linkId) => set((state) => (state.hoveredLinkId === linkId ? state : { hoveredLinkId: linkId })),
  setBoxSelecting: (isBoxSelecting) => set({ isBoxSelecting }),
  openContextMenu: (contextMenu) => set({ contextMenu }),
  focusLineage: (lineageFocus) => set({ lineageFocus }),
  setLayingOut: (isLayingOut) => set({ isLayingOut }),
  setKeyboardCursor: (keyboardCursor) =>
    set((state) => (state.keyboardCursor === keyboardCursor ? state : { keyboardCursor })),
}));

// A document just opened starts with no node ringed: the ids of the one before mean nothing in it.
useDocumentStore.subscribe((state, previous) => {
  if (state.openCount !== previous.openCount) useUiStore.getState().setKeyboardCursor(null);
});
