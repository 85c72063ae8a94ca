import { create } from 'zustand';
import type { DiagramDirection, DiagramRequest } from '../../shared/export/mermaid';
import { currentMesh } from '../store/document-store';
import { currentSelection } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { requestForSelection } from './diagram-subjects';

interface DiagramViewState {
  /** The diagram shown in the Diagram view; kept while it is closed, so it reopens where it was. */
  request: DiagramRequest;
  /** How every diagram shown is laid out, whichever is picked. */
  direction: DiagramDirection;
  /** Whether the picture is drawn at its own size (scrolling) rather than fitted to the pane. */
  isActualSize: boolean;
  show(request: DiagramRequest): void;
  setDirection(direction: DiagramDirection): void;
  toggleActualSize(): void;
}

export const useDiagramView = create<DiagramViewState>()((set) => ({
  request: { kind: 'logical-view', subject: { kind: 'mesh' } },
  direction: 'auto',
  isActualSize: false,
  show: (request) => set({ request }),
  setDirection: (direction) => set({ direction }),
  toggleActualSize: () => set((state) => ({ isActualSize: !state.isActualSize })),
}));

/** The `M` key: the main diagram of the first selected element, or the mesh's logical view. */
export function openDiagramOfSelection(): void {
  const mesh = currentMesh();
  if (mesh) openDiagramView(requestForSelection(mesh, currentSelection()));
}

/** Opens the Diagram view on a diagram (the inspector's buttons, the `M` key). */
export function openDiagramView(request: DiagramRequest): void {
  useDiagramView.getState().show(request);
  useUiStore.getState().openDialog('diagram');
}
