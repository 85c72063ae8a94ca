import { create } from 'zustand';
import {
  copyFragment,
  type MeshFragment,
  PASTE_OFFSET,
  type PastedElements,
  pasteFragment,
} from '../../shared/editing/mesh-fragment';
import { deleteSelection } from './delete-elements';
import { changeMesh, currentMesh } from './document-store';
import { currentSelection, selectOnly } from './selection-store';

interface ClipboardState {
  fragment: MeshFragment | null;
  /** How many times the fragment has been pasted, to place each copy further away. */
  pasteCount: number;
}

/** The app's own clipboard: a fragment of a mesh, pasted into this or another opened design. */
export const useClipboardStore = create<ClipboardState>()(() => ({ fragment: null, pasteCount: 0 }));

function selectedFragment(): MeshFragment | null {
  const mesh = currentMesh();
  const { nodeIds: selected } = currentSelection();
  if (!mesh || selected.size === 0) return null;
  return copyFragment(mesh, selected);
}

export function copySelection(): boolean {
  const fragment = selectedFragment();
  if (fragment) useClipboardStore.setState({ fragment, pasteCount: 0 });
  return fragment !== null;
}

export function cutSelection(): void {
  if (copySelection()) deleteSelection();
}

function pasteAndSelect(fragment: MeshFragment, times: number): void {
  let pasted: PastedElements | undefined;
  changeMesh((mesh) => {
    pasted = pasteFragment(mesh, fragment, { x: PASTE_OFFSET.x * times, y: PASTE_OFFSET.y * times });
    return pasted.mesh;
  });
  if (pasted) selectOnly(pasted.nodeIds, pasted.linkIds);
}

export function pasteClipboard(): void {
  const { fragment, pasteCount } = useClipboardStore.getState();
  if (!fragment || !currentMesh()) return;
  useClipboardStore.setState({ pasteCount: pasteCount + 1 });
  pasteAndSelect(fragment, pasteCount + 1);
}

/** Ctrl/Cmd+D: a copy of the selection next to it, leaving the clipboard as it was. */
export function duplicateSelection(): void {
  const fragment = selectedFragment();
  if (fragment) pasteAndSelect(fragment, 1);
}
