import type { TextEdit } from './command-routing';

/** What a part of the page does itself with a menu's text edit; true when it took the edit. */
type PerformTextEdit = (edit: TextEdit) => boolean;

const performers = new Map<Element, PerformTextEdit>();

/**
 * Where the focus is within `region`, the text edits of menus and the command palette go to
 * `perform` before the page's own (a contract's YAML editor steps the design's history for Undo,
 * as its keys do). Returns the function that stops it.
 */
export function registerOwnTextEdits(region: Element, perform: PerformTextEdit): () => void {
  performers.set(region, perform);
  return () => performers.delete(region);
}

/** Performs a text edit where the focus is, if that place does it itself; false leaves it to the page. */
export function performOwnTextEdit(focused: Element | null, edit: TextEdit): boolean {
  if (!focused) return false;
  for (const [region, perform] of performers) if (region.contains(focused)) return perform(edit);
  return false;
}
