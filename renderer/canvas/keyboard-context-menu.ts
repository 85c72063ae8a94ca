import { currentSelection } from '../store/selection-store';
import { type ContextMenuTarget, useUiStore } from '../store/ui-store';
import { canvasCommands } from './canvas-commands';
import { canvasElement } from './canvas-element-focus';

function middleOf(box: DOMRect) {
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/**
 * Shift+F10 or the menu key: the right-click menu for the selection (its first node, else its
 * first link), or for the canvas, opened at that element; the menu puts the focus on its first item.
 */
export function openContextMenuFromKeyboard(): void {
  const { nodeIds, linkIds } = currentSelection();
  const [nodeId] = nodeIds;
  const [linkId] = linkIds;
  const on: ContextMenuTarget['on'] = nodeId
    ? { kind: 'node', id: nodeId }
    : linkId
      ? { kind: 'link', id: linkId }
      : { kind: 'pane' };
  const element = on.kind === 'pane' ? document.querySelector('[data-testid="canvas"]') : canvasElement(on.kind, on.id);
  if (!element) return;
  const screen = middleOf(element.getBoundingClientRect());
  const canvas = canvasCommands.screenToCanvas(screen);
  if (canvas) useUiStore.getState().openContextMenu({ on, screen, canvas });
}
