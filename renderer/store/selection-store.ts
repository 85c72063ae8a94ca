import { create } from 'zustand';
import type { ElementIds } from '../../shared/editing/delete-elements';
import { linkById, linksWithin, nodeKindOf } from '../../shared/editing/mesh-index';
import type { Mesh } from '../../shared/model';
import { useDocumentStore } from './document-store';

/** Selected domains, products and systems (`nodeIds`), and links. */
export type Selection = ElementIds;

/** One select/deselect of the canvas (a click, a box, a modifier click), as React Flow reports them. */
export interface SelectionChange {
  id: string;
  selected: boolean;
}

interface SelectionState extends Selection {
  /**
   * What was selected when a change took it out of the document (an undone add): selected again
   * if a redo brings it back, as long as the selection has not changed since.
   */
  setAside: Selection;
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
  setAside: NOTHING,
  select: (selection) =>
    set({ nodeIds: new Set(selection.nodeIds), linkIds: new Set(selection.linkIds), setAside: NOTHING }),
  applyNodeChanges: (changes) =>
    set((state) => {
      const nodeIds = applyChanges(state.nodeIds, changes);
      return nodeIds === state.nodeIds ? state : { nodeIds, setAside: NOTHING };
    }),
  applyLinkChanges: (changes) =>
    set((state) => {
      const linkIds = applyChanges(state.linkIds, changes);
      return linkIds === state.linkIds ? state : { linkIds, setAside: NOTHING };
    }),
  clear: () => set({ ...NOTHING, setAside: NOTHING }),
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

/**
 * The selected ids, and those set aside, that `exists` finds (the same set when that is all of
 * `ids`), and those it does not.
 */
function splitByExistence(
  ids: ReadonlySet<string>,
  setAside: ReadonlySet<string>,
  exists: (id: string) => boolean,
): { kept: ReadonlySet<string>; gone: ReadonlySet<string> } {
  const candidates = [...ids, ...setAside];
  const kept = candidates.filter(exists);
  const gone = new Set(candidates.filter((id) => !exists(id)));
  return { kept: kept.length === ids.size && [...ids].every(exists) ? ids : new Set(kept), gone };
}

/**
 * Keeps selected only what is in `mesh`, so no hidden id stays selected (after an undone add, F2
 * and the one-node commands would count it); what left is set aside for a redo to bring back.
 */
function fitSelectionTo(mesh: Mesh): void {
  const { nodeIds, linkIds, setAside } = useSelectionStore.getState();
  const nodes = splitByExistence(nodeIds, setAside.nodeIds, (id) => nodeKindOf(mesh, id) !== undefined);
  const links = splitByExistence(linkIds, setAside.linkIds, (id) => linkById(mesh, id) !== undefined);
  const isUnchanged =
    nodes.kept === nodeIds &&
    links.kept === linkIds &&
    nodes.gone.size === setAside.nodeIds.size &&
    links.gone.size === setAside.linkIds.size;
  if (!isUnchanged)
    useSelectionStore.setState({
      nodeIds: nodes.kept,
      linkIds: links.kept,
      setAside: { nodeIds: nodes.gone, linkIds: links.gone },
    });
}

useDocumentStore.subscribe((state, previous) => {
  // A document just opened starts with nothing selected: ids of the previous one mean nothing in it.
  if (state.openCount !== previous.openCount) useSelectionStore.getState().clear();
  else if (state.mesh && state.mesh !== previous.mesh) fitSelectionTo(state.mesh);
});
