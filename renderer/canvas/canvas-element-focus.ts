/** The DOM side of the canvas's keyboard use: which node has the focus, and moving it. */

import { nodeKindOf } from '../../shared/editing/mesh-index';
import { nextFrame } from '../app/next-frame';
import { currentMesh } from '../store/document-store';
import { currentSelection } from '../store/selection-store';

function nodeElement(nodeId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
}

export function canvasElement(kind: 'node' | 'link', id: string): HTMLElement | null {
  if (kind === 'node') return nodeElement(id);
  return document.querySelector<HTMLElement>(`.react-flow__edge[data-id="${CSS.escape(id)}"]`);
}

/** The node Tab or the arrow keys put the focus on, if the focus is on one. */
export function focusedNodeId(): string | undefined {
  // Commands' enabled states are asked outside a page too (the shell's menus, unit tests).
  const focused = globalThis.document?.activeElement;
  if (!focused?.matches('.react-flow__node')) return undefined;
  return (focused as HTMLElement).dataset.id;
}

/** The link Tab put the focus on, if the focus is on one. */
export function focusedLinkId(): string | undefined {
  const focused = globalThis.document?.activeElement;
  if (!focused?.matches('.react-flow__edge')) return undefined;
  return (focused as HTMLElement).dataset.id;
}

/** Puts the focus on the canvas itself, where its keys (D, P, S…) work, when no element of it is selected. */
export function focusCanvas(): void {
  globalThis.document?.querySelector<HTMLElement>('.mesh-canvas')?.focus({ preventScroll: true });
}

/**
 * Puts the focus on the selected node, else the selected link, else the canvas itself (also when
 * the selected element is not drawn); says whether the focus is now anywhere but <body>.
 */
export function focusCanvasSelection(): boolean {
  const { nodeIds, linkIds } = currentSelection();
  const [nodeId] = nodeIds;
  const [linkId] = linkIds;
  const element = (nodeId && canvasElement('node', nodeId)) || (linkId && canvasElement('link', linkId)) || null;
  if (element) element.focus({ preventScroll: true });
  else focusCanvas();
  return document.activeElement !== document.body;
}

/**
 * Gives the focus back to what had it before a menu took it (the node it was opened on), or, where
 * that is gone or was nothing, to the canvas's selection: never left on <body>.
 */
export function focusBackFrom(previous: Element | null): void {
  if (previous instanceof HTMLElement && previous.isConnected && previous !== document.body) {
    previous.focus({ preventScroll: true });
  } else focusCanvasSelection();
}

/** Moves the focus to a node, so the focus ring and the arrow keys' highlight stay on the same node. */
export function focusNode(nodeId: string): void {
  nodeElement(nodeId)?.focus({ preventScroll: true });
}

/**
 * Moves the focus to a node just added, once the canvas shows it: React Flow draws a new node a
 * frame or more after the change, hidden (so unable to take the focus) until it has measured it.
 * Gives up once the user has moved on (the node no longer selected, as when the next element is
 * added and its name field has the focus), so a late node never takes the keys typed elsewhere.
 */
export async function focusNodeWhenDrawn(nodeId: string): Promise<void> {
  for (let frame = 0; frame < 30; frame++) {
    if (!currentSelection().nodeIds.has(nodeId)) return;
    focusNode(nodeId);
    if (focusedNodeId() === nodeId) return;
    await nextFrame();
  }
}

/**
 * Runs an edit that redraws the canvas under the focus (Undo, Redo) or moves the selection (F8): where the focus was on the
 * canvas or nowhere, it then goes to the first selected node still in the design once drawn, else
 * to the canvas; never left on <body>, where the canvas's keys do nothing.
 */
export function keepingCanvasFocus(edit: () => void, focused = document.activeElement): void {
  const wasOnCanvas = !focused || focused === document.body || focused.closest('.mesh-canvas') !== null;
  edit();
  if (!wasOnCanvas) return;
  const mesh = currentMesh();
  const nodeId = [...currentSelection().nodeIds].find((id) => mesh && nodeKindOf(mesh, id));
  if (nodeId) void focusNodeWhenDrawn(nodeId);
  else focusCanvas();
}

/**
 * Runs an edit that takes elements out of the design (Delete, Cut): the focus was on one of them,
 * or on the button or menu item that removed them, so once the canvas is redrawn it goes to the
 * canvas's selection, else the canvas, where its keys and Tab go on; never left on <body>.
 */
export async function keepingFocusThroughRemoval(removal: () => unknown): Promise<void> {
  await removal();
  await nextFrame();
  if (!document.activeElement || document.activeElement === document.body) focusCanvasSelection();
}

/**
 * After a link's end was dragged to another port: the link is drawn anew under the id its new ends
 * give it, and the focus its old drawing had falls to <body>. It goes to the selection (the moved
 * link) once that is drawn, unless the user has put it somewhere meanwhile.
 */
export async function refocusSelectionWhenDrawn(): Promise<void> {
  for (let frame = 0; frame < 30; frame++) {
    await nextFrame();
    if (document.activeElement && document.activeElement !== document.body) return;
    const { nodeIds, linkIds } = currentSelection();
    const isDrawn =
      [...nodeIds].some((id) => canvasElement('node', id)) || [...linkIds].some((id) => canvasElement('link', id));
    if (isDrawn) {
      focusCanvasSelection();
      return;
    }
  }
}
