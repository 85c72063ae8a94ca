import { create } from 'zustand';
import type { ElementIds } from '../../shared/editing/delete-elements';
import { linkById, linksWithin, nodeKindOf } from '../../shared/editing/mesh-index';
import type { Mesh } from '../../shared/model';
import { historyStepBetween, stepRecordedBetween, useDocumentStore } from './document-store';

/** Selected domains, products and systems (`nodeIds`), and links. */
export type Selection = ElementIds;

/** One select/deselect of the canvas (a click, a box, a modifier click), as React Flow reports them. */
export interface SelectionChange {
  id: string;
  selected: boolean;
}

interface SelectionState extends Selection {
  /** Replaces the selection. */
  select(selection: Partial<Selection>): void;
  applyNodeChanges(changes: readonly SelectionChange[]): void;
  applyLinkChanges(changes: readonly SelectionChange[]): void;
  clear(): void;
}

const NOTHING: Selection = { nodeIds: new Set(), linkIds: new Set() };

/** What is selected is not part of the document: it is neither saved nor undone. */
export const useSelectionStore = create<SelectionState>()((set) => ({
  ...NOTHING,
  select: (selection) => set({ nodeIds: new Set(selection.nodeIds), linkIds: new Set(selection.linkIds) }),
  applyNodeChanges: (changes) => set((state) => ({ nodeIds: applyChanges(state.nodeIds, changes) })),
  applyLinkChanges: (changes) => set((state) => ({ linkIds: applyChanges(state.linkIds, changes) })),
  clear: () => set(NOTHING),
}));

export function applyChanges(ids: ReadonlySet<string>, changes: readonly SelectionChange[]): ReadonlySet<string> {
  if (changes.every((change) => ids.has(change.id) === change.selected)) return ids;
  const next = new Set(ids);
  for (const change of changes) {
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  return next;
}

export function selectOnly(nodeIds: Iterable<string>, linkIds: Iterable<string> = []): void {
  useSelectionStore.getState().select({ nodeIds: new Set(nodeIds), linkIds: new Set(linkIds) });
}

/**
 * A plain click (no Shift, Ctrl or ⌘) on a node selected among others selects it alone, as draw.io
 * and Figma do: React Flow keeps the whole selection, which Delete, C or F2 would then act on.
 */
export function selectClickedNodeAlone(nodeId: string, isAddingToSelection: boolean): void {
  const selection = currentSelection();
  if (isAddingToSelection || !selection.nodeIds.has(nodeId) || isOnlySelected(selection, nodeId)) return;
  selectOnly([nodeId]);
}

/** Whether the selection is this one element and nothing else. */
export function isOnlySelected(selection: Selection, id: string): boolean {
  return (
    selection.nodeIds.size + selection.linkIds.size === 1 && (selection.nodeIds.has(id) || selection.linkIds.has(id))
  );
}

/**
 * Keeps selected only the links whose both ends are selected, as a selection box does: React Flow's
 * own box selects every link touching a node in it, a link to a node outside too.
 */
export function selectLinksWithinSelectedNodes(): void {
  const mesh = useDocumentStore.getState().mesh;
  const { nodeIds } = useSelectionStore.getState();
  if (mesh)
    selectOnly(
      nodeIds,
      linksWithin(mesh, nodeIds).map((link) => link.id),
    );
}

export function currentSelection(): Selection {
  const { nodeIds, linkIds } = useSelectionStore.getState();
  return { nodeIds, linkIds };
}

/** `ids` without those `exists` does not find; the same set when every one is still there. */
function keptWhere(ids: ReadonlySet<string>, exists: (id: string) => boolean): ReadonlySet<string> {
  return [...ids].every(exists) ? ids : new Set([...ids].filter(exists));
}

/**
 * Keeps selected only what is in `mesh` (after a deletion, an undone add), so no hidden id stays
 * selected: F2 and the one-node commands would count it, and F6 aim at it.
 */
function fitSelectionTo(mesh: Mesh): void {
  const { nodeIds, linkIds } = useSelectionStore.getState();
  const keptNodeIds = keptWhere(nodeIds, (id) => nodeKindOf(mesh, id) !== undefined);
  const keptLinkIds = keptWhere(linkIds, (id) => linkById(mesh, id) !== undefined);
  if (keptNodeIds !== nodeIds || keptLinkIds !== linkIds)
    useSelectionStore.setState({ nodeIds: keptNodeIds, linkIds: keptLinkIds });
}

/** The selection Undo brings back with each design in the history: as it was when the step from it was recorded. */
const selectionBeforeStep = new WeakMap<Mesh, Selection>();
/** The selection Redo brings back with each design in the history: what a gesture moved, else as Undo left it. */
const selectionAfterStep = new WeakMap<Mesh, Selection>();

function bringBack(selection: Selection | undefined): void {
  if (selection) selectOnly(selection.nodeIds, selection.linkIds);
}

useDocumentStore.subscribe((state, previous) => {
  // A document just opened starts with nothing selected: ids of the previous one mean nothing in it.
  if (state.openCount !== previous.openCount) return useSelectionStore.getState().clear();
  if (!state.mesh) return;
  const step = historyStepBetween(state, previous);
  const recorded = stepRecordedBetween(state, previous);
  if (step === 'undo' && previous.mesh) {
    // Undoing a grouping selects the products grouped again; redoing an add, what was added.
    if (!selectionAfterStep.has(previous.mesh)) selectionAfterStep.set(previous.mesh, currentSelection());
    bringBack(selectionBeforeStep.get(state.mesh));
  } else if (step === 'redo') bringBack(selectionAfterStep.get(state.mesh));
  else if (recorded) {
    selectionBeforeStep.set(recorded.from, currentSelection());
    // A drag selects what it moves as it begins (the pressed node): Undo and Redo both select that.
    if (recorded.isGesture) selectionAfterStep.set(state.mesh, currentSelection());
  }
  if (state.mesh !== previous.mesh) fitSelectionTo(state.mesh);
});
