import { withoutElements } from '../../shared/editing/delete-elements';
import { describeDeletion } from '../../shared/editing/deletion-summary';
import type { Mesh } from '../../shared/model';
import { changeMesh, currentMesh } from './document-store';
import { announceEdit } from './notice-store';
import { currentSelection, useSelectionStore } from './selection-store';

/**
 * Deletes what is selected (Delete / Backspace) as one undo step, clears the selection, and says
 * in the status line what went, contracts included, with Undo at hand.
 */
export function deleteSelection(): void {
  removeSelection(describeDeletion);
}

/** Removes what is selected as one undo step, saying what went in `describe`'s words (a deletion's, a cut's). */
export function removeSelection(describe: (before: Mesh, after: Mesh) => string): void {
  const before = currentMesh();
  const selection = currentSelection();
  changeMesh((mesh) => withoutElements(mesh, selection));
  const after = currentMesh();
  // Refused (read-only while simulating), nothing went: what was selected still is.
  if (!before || !after || after === before) return;
  useSelectionStore.getState().clear();
  announceEdit(describe(before, after));
}
