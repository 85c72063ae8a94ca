import type { KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import {
  canvasElement,
  focusCanvas,
  focusedNodeId,
  focusNode,
  focusNodeWhenDrawn,
} from '../../canvas/canvas-element-focus';
import { isInCodeEditor } from '../../commands/focus';
import { currentSelection } from '../../store/selection-store';

/**
 * Enter or Escape ends editing a field: the focus goes to the selected node on the canvas, so the
 * keys work there at once, or stays in the field when no node is selected; never on <body>.
 */
export function leaveFieldForCanvas(field: HTMLElement): void {
  // Drawn at once, a node the name (kept on blur) gives a new id can take the focus at once.
  flushSync(() => field.blur());
  const [nodeId] = currentSelection().nodeIds;
  if (nodeId) focusNode(nodeId);
  // A first name gives a new node its id: the canvas draws it under that id a frame or more later.
  if (nodeId && focusedNodeId() !== nodeId) void focusNodeWhenDrawn(nodeId);
  else if (document.activeElement === document.body && field.isConnected) field.focus();
}

/** The inspector's own controls; a code editor and a popup (menu, list, dialog) keep their Escape. */
const INSPECTOR_FIELD = 'input, select, textarea, button, summary';
const POPUP = '[role="menu"], [role="listbox"], [role="dialog"], dialog';

/**
 * Escape in any inspector field leaves it as Enter in a name field does (what the field keeps on
 * blur is kept): to the selected node, else the selected link, else the canvas, so the canvas's
 * keys work at once instead of going to a select's type-ahead.
 */
export function leaveInspectorFieldOnEscape(event: KeyboardEvent<HTMLElement>): void {
  const field = event.target;
  if (event.key !== 'Escape' || event.defaultPrevented || !(field instanceof HTMLElement)) return;
  if (!field.matches(INSPECTOR_FIELD) || isInCodeEditor(field) || field.closest(POPUP)) return;
  event.preventDefault();
  const selection = currentSelection();
  if (selection.nodeIds.size > 0) {
    leaveFieldForCanvas(field);
    return;
  }
  field.blur();
  const [linkId] = selection.linkIds;
  const link = linkId ? canvasElement('link', linkId) : null;
  if (link) link.focus({ preventScroll: true });
  else focusCanvas();
}
