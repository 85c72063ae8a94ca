import { create } from 'zustand';
import { fragmentToText, looksLikeElements, pasteRefusal, pasteText } from '../../shared/editing/clipboard-text';
import { describeDuplicate, describePaste } from '../../shared/editing/deletion-summary';
import {
  copyFragment,
  type MeshFragment,
  type PastedElements,
  type PastePlacement,
  pasteFragment,
} from '../../shared/editing/mesh-fragment';
import { deleteSelection } from './delete-elements';
import { changeMesh, currentMesh } from './document-store';
import { measuredSizeOf } from './node-sizes';
import { announceEdit, useNoticeStore } from './notice-store';
import { currentSelection, selectOnly } from './selection-store';

/** The operating system's clipboard, as text: where copies go so other windows and text editors see them. */
export interface SystemClipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

interface ClipboardState {
  /** The last copy made in this window: pasted when the system clipboard cannot be read. */
  fragment: MeshFragment | null;
}

export const useClipboardStore = create<ClipboardState>()(() => ({ fragment: null }));

const browserClipboard = (): SystemClipboard | undefined => globalThis.navigator?.clipboard;
let systemClipboard: () => SystemClipboard | undefined = browserClipboard;

/** Tests run without a browser: they hand in their own clipboard (or none). */
export function setSystemClipboard(clipboard: SystemClipboard | undefined): void {
  systemClipboard = () => clipboard;
}

const notify = (tone: 'info' | 'error', text: string, details?: string[]) =>
  useNoticeStore.getState().show({ tone, text, ...(details && { details }) });

function selectedFragment(): MeshFragment | null {
  const mesh = currentMesh();
  const { nodeIds: selected } = currentSelection();
  if (!mesh || selected.size === 0) return null;
  return copyFragment(mesh, selected);
}

/**
 * Copies the selection as JSON text to the system clipboard (so it pastes into another window,
 * or into a text editor), and keeps it here too.
 */
export async function copySelection(): Promise<boolean> {
  const fragment = selectedFragment();
  if (!fragment) return false;
  useClipboardStore.setState({ fragment });
  try {
    await systemClipboard()?.writeText(fragmentToText(fragment));
  } catch (error) {
    notify('info', `Copied in this window only: the system clipboard refused the text (${(error as Error).message}).`);
  }
  return true;
}

export async function cutSelection(): Promise<void> {
  if (await copySelection()) deleteSelection();
}

/** Pastes as one undo step and selects what was pasted; returns the pasted nodes' ids. */
function applyPaste(paste: (mesh: NonNullable<ReturnType<typeof currentMesh>>) => PastedElements): string[] {
  let pasted: PastedElements | undefined;
  changeMesh((mesh) => {
    pasted = paste(mesh);
    return pasted.mesh;
  });
  if (!pasted) return [];
  selectOnly(pasted.nodeIds, pasted.linkIds);
  return pasted.nodeIds;
}

/**
 * Runs a paste and says in the status line what it added (`describe`), with Undo, in place of
 * what the last edit (a cut, a deletion) said.
 */
function announcedPaste(paste: () => string[], describe = describePaste): string[] {
  const before = currentMesh();
  const pastedIds = paste();
  const after = currentMesh();
  if (before && after && after !== before) announceEdit(describe(before, after));
  return pastedIds;
}

/** The system clipboard's text, or why it could not be read: the browser refused (no permission, no focus). */
type ClipboardReading = { text: string | undefined } | { refusal: string };

async function readSystemClipboard(): Promise<ClipboardReading> {
  try {
    return { text: await systemClipboard()?.readText() };
  } catch (error) {
    return { refusal: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

const READ_REFUSED =
  'Nothing was pasted: the app was not allowed to read the clipboard. Allow this page clipboard access in the browser’s site settings, then paste again.';

/**
 * Pastes elements copied in any window (JSON text on the system clipboard) at `placement`, in free
 * space, as one undo step; text that is not copied elements, or would break the design, changes
 * nothing and says why. Resolves to the pasted nodes' ids (none when nothing was pasted).
 */
export async function pasteClipboard(placement: PastePlacement): Promise<string[]> {
  if (!currentMesh()) return [];
  const reading = await readSystemClipboard();
  const text = 'text' in reading ? reading.text : undefined;
  const mesh = currentMesh();
  if (!mesh) return [];
  if (text !== undefined && looksLikeElements(text)) {
    const result = pasteText(mesh, text, placement, measuredSizeOf);
    if (!result.ok) {
      const { text: refusal, details } = pasteRefusal(result.errors);
      notify('error', refusal, details);
      return [];
    }
    return announcedPaste(() => applyPaste(() => result.value));
  }
  const { fragment } = useClipboardStore.getState();
  // Unreadable or empty, the system clipboard gives way to the copy kept in this window.
  if (fragment && (text === undefined || text.trim() === '')) {
    return announcedPaste(() => applyPaste((current) => pasteFragment(current, fragment, placement, measuredSizeOf)));
  }
  if ('refusal' in reading) {
    notify('error', READ_REFUSED, [reading.refusal]);
    return [];
  }
  notify('info', 'Nothing to paste: the clipboard holds no copied domains, products, systems or notes.');
  return [];
}

/** Ctrl/Cmd+D: a copy of the selection beside it, in free space, leaving the clipboard as it was; returns the copies' ids. */
export function duplicateSelection(): string[] {
  const fragment = selectedFragment();
  if (!fragment) return [];
  return announcedPaste(
    () => applyPaste((mesh) => pasteFragment(mesh, fragment, 'beside-originals', measuredSizeOf)),
    describeDuplicate,
  );
}
