import { create } from 'zustand';
import { fragmentToText, looksLikeElements, pasteRefusal, pasteText } from '../../shared/editing/clipboard-text';
import { linksToRest, withCutLinksRestored } from '../../shared/editing/cut-elements';
import { describeCopy, describeCut, describeDuplicate, describePaste } from '../../shared/editing/deletion-summary';
import {
  copyFragment,
  type MeshFragment,
  type PastedElements,
  type PastePlacement,
  pasteFragment,
} from '../../shared/editing/mesh-fragment';
import type { Link, Mesh } from '../../shared/model';
import type { Host } from '../host/host';
import { removeSelection } from './delete-elements';
import { changeMesh, currentMesh, useDocumentStore } from './document-store';
import { measuredSizeOf } from './node-sizes';
import { useNoticeStore, withEditAnnounced } from './notice-store';
import { currentSelection, selectOnly } from './selection-store';

/** The operating system's clipboard, as text: where copies go so other windows and text editors see them. */
export interface SystemClipboard {
  writeText(text: string): Promise<void>;
}

/**
 * Where a paste that no paste event brought (a menu, the command palette) reads the clipboard: the
 * Host, the browser's clipboard API or the desktop's main process, each refusing in its own words.
 */
export type ClipboardReader = Pick<Host, 'kind' | 'readClipboardText'>;

/**
 * The last cut: pasted into the design it came from, it goes back as it was, linked to the rest.
 * It is kept after a paste, so a paste undone can be pasted back again: only links whose cut end
 * comes back under its own id are restored, and a paste while the elements are back makes copies.
 */
interface PendingCut {
  documentKey: string;
  /** The cut's text on the system clipboard: other text there means something else was copied since. */
  text: string;
  linksToRest: Link[];
}

interface ClipboardState {
  /** The last copy or cut made in this window: pasted when the system clipboard cannot be read. */
  fragment: MeshFragment | null;
  cut: PendingCut | null;
}

export const useClipboardStore = create<ClipboardState>()(() => ({ fragment: null, cut: null }));

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
 * Puts copied elements as JSON text on the system clipboard (so they paste into another window, or
 * into a text editor), and keeps them here too, with the cut they are, if they are; returns why the
 * system clipboard refused the text, if it did.
 */
async function putOnClipboard(fragment: MeshFragment, cut?: Omit<PendingCut, 'text'>): Promise<{ refusal?: string }> {
  const text = fragmentToText(fragment);
  useClipboardStore.setState({ fragment, cut: cut ? { ...cut, text } : null });
  try {
    await systemClipboard()?.writeText(text);
    return {};
  } catch (error) {
    return { refusal: (error as Error).message };
  }
}

/** Copies the selection, saying (until the user moves on) what it copied, counted, or that nothing is selected. */
export async function copySelection(): Promise<boolean> {
  const say = (text: string) => useNoticeStore.getState().show({ tone: 'info', text, isMomentary: true });
  const fragment = selectedFragment();
  if (!fragment) {
    say('Nothing selected to copy');
    return false;
  }
  const { refusal } = await putOnClipboard(fragment);
  const copied = describeCopy(fragment);
  if (refusal) notify('info', `${copied} in this window only: the system clipboard refused the text (${refusal}).`);
  else say(copied);
  return true;
}

/**
 * Puts the selection on the clipboard as Copy does and takes it out of the design as one undo step,
 * saying what was cut, with Undo. Its first paste into this design puts it back as it was.
 */
export async function cutSelection(): Promise<void> {
  const mesh = currentMesh();
  const fragment = selectedFragment();
  if (!mesh || !fragment) return;
  const { documentKey, isReadOnly } = useDocumentStore.getState();
  // Read-only (Simulate), the removal is refused as a deletion is: a cut that removes nothing must
  // not reach the clipboard, where its paste would put back, as a move, what never went.
  if (isReadOnly) return removeSelection(describeCut);
  const { refusal } = await putOnClipboard(fragment, { documentKey, linksToRest: linksToRest(mesh, fragment) });
  removeSelection((before, after) =>
    refusal
      ? `${describeCut(before, after)}, kept in this window only: the system clipboard refused the text (${refusal})`
      : describeCut(before, after),
  );
}

type Paste = (mesh: Mesh) => PastedElements;

/** The cut the clipboard holds, when a paste puts it back into the design it came from. */
function cutToPutBack(text: string | undefined): PendingCut | undefined {
  const { cut } = useClipboardStore.getState();
  if (!cut || cut.documentKey !== useDocumentStore.getState().documentKey) return undefined;
  // This window's copy, pasted in place of an unreadable or empty system clipboard, is the cut.
  return isUnreadableOrEmpty(text) || text === cut.text ? cut : undefined;
}

/** Whether the system clipboard gives way to the copy kept in this window. */
const isUnreadableOrEmpty = (text: string | undefined) => text === undefined || text.trim() === '';

/** `paste` with the cut's links to the rest restored, where they still can be. */
function puttingBack(cut: PendingCut | undefined, paste: Paste): Paste {
  if (!cut) return paste;
  return (mesh) => {
    const pasted = paste(mesh);
    const restored = withCutLinksRestored(mesh, pasted.mesh, cut.linksToRest);
    return { ...pasted, mesh: restored.mesh, linkIds: [...pasted.linkIds, ...restored.linkIds] };
  };
}

/** Pastes as one undo step and selects what was pasted; returns the pasted nodes' ids. */
function applyPaste(paste: Paste): string[] {
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
  return withEditAnnounced(paste, describe);
}

/** What a refused read says: only a browser has site settings that allow it. */
const READ_REFUSED: Record<ClipboardReader['kind'], string> = {
  browser:
    'Nothing was pasted: the app was not allowed to read the clipboard. Allow this page clipboard access in the browser’s site settings, then paste again.',
  desktop: 'Nothing was pasted: the clipboard could not be read.',
};

/** The system clipboard's text, or what to say when the host could not read it, and why (no permission, too large). */
type ClipboardReading = { text: string } | { refusal: string; reason: string };

async function readSystemClipboard(reader: ClipboardReader): Promise<ClipboardReading> {
  try {
    return { text: await reader.readClipboardText() };
  } catch (error) {
    // The browser's reason needs its name (NotAllowedError); main's refusals are sentences of their own.
    const reason =
      error instanceof DOMException ? `${error.name}: ${error.message}` : ((error as Error).message ?? String(error));
    return { refusal: READ_REFUSED[reader.kind], reason };
  }
}

/** Takes pasted text that is not copied elements (a flowchart, a contract); returns whether it did. */
export type OtherTextImport = (text: string) => boolean;

/**
 * Pastes elements copied in any window (JSON text on the system clipboard, read through `reader`)
 * at `placement`, in free space, as one undo step; other text goes to `importOther`, and text that
 * neither takes, or elements that would break the design, change nothing and say why. Resolves to
 * the pasted nodes' ids (none when nothing was pasted).
 */
export async function pasteClipboard(
  placement: PastePlacement,
  reader: ClipboardReader,
  importOther: OtherTextImport,
): Promise<string[]> {
  if (!currentMesh()) return [];
  return pasteReading(placement, await readSystemClipboard(reader), importOther);
}

/**
 * Pastes the text a paste event brought (Ctrl+V, the browser's own Paste), as `pasteClipboard` does:
 * the event carries the clipboard's text, so nothing is read and no permission is asked.
 */
export function pasteClipboardText(placement: PastePlacement, text: string, importOther: OtherTextImport): string[] {
  return pasteReading(placement, { text }, importOther);
}

/** The status line's refusal of the last paste that was refused, if it still shows. */
let pasteRefusalId: number | null = null;

function refusePaste(tone: 'info' | 'error', text: string, details?: string[]): string[] {
  notify(tone, text, details);
  pasteRefusalId = useNoticeStore.getState().notice?.id ?? null;
  return [];
}

/** A paste the importer took: what an earlier paste's refusal said no longer applies (the import says what it does). */
function withdrawPasteRefusal(): void {
  const { notice, dismiss } = useNoticeStore.getState();
  if (notice && notice.id === pasteRefusalId) dismiss();
  pasteRefusalId = null;
}

function pasteReading(placement: PastePlacement, reading: ClipboardReading, importOther: OtherTextImport): string[] {
  const text = 'text' in reading ? reading.text : undefined;
  const mesh = currentMesh();
  if (!mesh) return [];
  const cut = cutToPutBack(text);
  if (text !== undefined && looksLikeElements(text)) {
    const result = pasteText(mesh, text, placement, measuredSizeOf);
    if (!result.ok) {
      const { text: refusal, details } = pasteRefusal(result.errors);
      return refusePaste('error', refusal, details);
    }
    return announcedPaste(() => applyPaste(puttingBack(cut, () => result.value)));
  }
  const { fragment } = useClipboardStore.getState();
  if (fragment && isUnreadableOrEmpty(text)) {
    const paste: Paste = (current) => pasteFragment(current, fragment, placement, measuredSizeOf);
    return announcedPaste(() => applyPaste(puttingBack(cut, paste)));
  }
  if ('refusal' in reading) return refusePaste('error', reading.refusal, [reading.reason]);
  if (text !== undefined && importOther(text)) {
    withdrawPasteRefusal();
    return [];
  }
  return refusePaste(
    'info',
    'Nothing to paste: the clipboard holds no copied domains, products, systems or notes, nor a Mermaid flowchart or a contract to import.',
  );
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
