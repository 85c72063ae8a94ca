import type { Point } from '../../shared/editing/geometry';
import { withNoteAdded, withNoteText } from '../../shared/editing/notes';
import { addAndSelect } from './apply-edit';
import { type ChangeOptions, changeMesh } from './document-store';

/** Adds a sticky note at a canvas point, selects it and returns its id. */
export function addNote(at: Point): string | undefined {
  return addAndSelect((mesh) => withNoteAdded(mesh, at));
}

export function updateNoteText(id: string, text: string, options?: ChangeOptions): void {
  changeMesh((mesh) => withNoteText(mesh, id, text), options);
}
