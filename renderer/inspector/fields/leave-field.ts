import { focusedNodeId, focusNode, focusNodeWhenDrawn } from '../../canvas/canvas-element-focus';
import { currentSelection } from '../../store/selection-store';

/**
 * Enter or Escape ends editing a field: the focus goes to the selected node on the canvas, so the
 * keys work there at once, or stays in the field when no node is selected; never on <body>.
 */
export function leaveFieldForCanvas(field: HTMLInputElement): void {
  field.blur();
  const [nodeId] = currentSelection().nodeIds;
  if (nodeId) focusNode(nodeId);
  // A first name gives a new node its id: the canvas draws it under that id a frame or more later.
  if (nodeId && focusedNodeId() !== nodeId) void focusNodeWhenDrawn(nodeId);
  else if (document.activeElement === document.body && field.isConnected) field.focus();
}
