import { create } from 'zustand';
import type { ElementIds } from '../../shared/editing/delete-elements';
import { linksWithin } from '../../shared/editing/mesh-index';
import { useDocumentStore } from './document-store';

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

// A document just opened starts with nothing selected: ids of the previous one mean nothing in it.
useDocumentStore.subscribe((state, previous) => {
  if (state.openCount !== previous.openCount) useSelectionStore.getState().clear();
});
