import { withoutElements } from '../../shared/editing/delete-elements';
import { changeMesh } from './document-store';
import { currentSelection, useSelectionStore } from './selection-store';

/** Deletes what is selected (Delete / Backspace) as one undo step, and clears the selection. */
export function deleteSelection(): void {
  const selection = currentSelection();
  changeMesh((mesh) => withoutElements(mesh, selection));
  useSelectionStore.getState().clear();
}
