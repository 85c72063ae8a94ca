import { create } from 'zustand';
import { usePreferencesStore } from './preferences-store';

export type Dialog = 'quick-search' | 'shortcuts' | 'diagram' | 'mermaid-import' | 'canvas-image' | 'export' | null;
export type SidePanelTab = 'inspector' | 'problems' | 'impact';

interface UiState {
  dialog: Dialog;
  /** The element whose name field should take the focus once the inspector shows it (just added). */
  nameFocusRequest: string | null;
  /** The domain a dragged product or system would move into if dropped now. */
  dropTargetDomainId: string | null;
  /** The link whose end is being dragged to another port, which must not count as its own duplicate. */
  reconnectingLinkId: string | null;
  sidePanelTab: SidePanelTab;
  openDialog(dialog: Dialog): void;
  /** Shows a tab of the side panel, showing the panel too when it is hidden. */
  showSidePanelTab(tab: SidePanelTab): void;
  requestNameFocus(elementId: string | null): void;
  setDropTarget(domainId: string | null): void;
  setReconnecting(linkId: string | null): void;
}

/** Transient interface state: not part of the document, not saved, not undone. */
export const useUiStore = create<UiState>()((set) => ({
  dialog: null,
  nameFocusRequest: null,
  dropTargetDomainId: null,
  reconnectingLinkId: null,
  sidePanelTab: 'inspector',
  openDialog: (dialog) => set({ dialog }),
  showSidePanelTab: (sidePanelTab) => {
    if (!usePreferencesStore.getState().showsSidePanel) usePreferencesStore.getState().toggleSidePanel();
    set({ sidePanelTab });
  },
  requestNameFocus: (elementId) => set({ nameFocusRequest: elementId }),
  setDropTarget: (domainId) =>
    set((state) => (state.dropTargetDomainId === domainId ? state : { dropTargetDomainId: domainId })),
  setReconnecting: (linkId) => set({ reconnectingLinkId: linkId }),
}));
