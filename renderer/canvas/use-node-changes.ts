import type { EdgeChange, Node, NodeChange, OnNodeDrag } from '@xyflow/react';
import { type Dispatch, type SetStateAction, useCallback, useMemo } from 'react';
import { centerOf, type Point, type Size } from '../../shared/editing/geometry';
import { productById, systemById } from '../../shared/editing/mesh-index';
import { absolutePosition, DEFAULT_NODE_SIZE, domainAt } from '../../shared/editing/node-placement';
import { currentMesh, useDocumentStore } from '../store/document-store';
import { moveNodes, resizeDomain, settleDroppedNodes } from '../store/layout-actions';
import { type SelectionChange, useSelectionStore } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';

type SetMeasured = Dispatch<SetStateAction<ReadonlyMap<string, Size>>>;

/**
 * Turns React Flow's change reports into store actions: moves and resizes change the document's
 * layout (a drag or resize is one gesture, one undo step); selections go to the selection store;
 * measured sizes stay with the canvas, which is the only thing that needs them.
 */
export function useNodeChanges(measured: ReadonlyMap<string, Size>, setMeasured: SetMeasured) {
  const sizeOf = useCallback((id: string) => measured.get(id) ?? DEFAULT_NODE_SIZE, [measured]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const positions = new Map<string, Point>();
      const resized = new Map<string, Size>();
      const sizes = new Map<string, Size>();
      const selections: SelectionChange[] = [];
      for (const change of changes) {
        if (change.type === 'position' && change.position) positions.set(change.id, change.position);
        else if (change.type === 'dimensions' && change.dimensions) {
          sizes.set(change.id, change.dimensions);
          if (change.setAttributes) resized.set(change.id, change.dimensions);
        } else if (change.type === 'select') selections.push({ id: change.id, selected: change.selected });
      }
      if (positions.size > 0) moveNodes(positions);
      for (const [domainId, size] of resized) resizeDomain(domainId, size);
      if (sizes.size > 0) setMeasured((previous) => new Map([...previous, ...sizes]));
      if (selections.length > 0) useSelectionStore.getState().applyNodeChanges(selections);
    },
    [setMeasured],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selections = changes.flatMap((change) =>
      change.type === 'select' ? [{ id: change.id, selected: change.selected }] : [],
    );
    if (selections.length > 0) useSelectionStore.getState().applyLinkChanges(selections);
  }, []);

  const dragHandlers = useMemo(() => {
    const childBoxes = (nodes: Node[]) => {
      const mesh = currentMesh();
      if (!mesh) return [];
      return nodes
        .filter((node) => productById(mesh, node.id) || systemById(mesh, node.id))
        .map((node) => ({ id: node.id, ...absolutePosition(mesh, node.id), ...sizeOf(node.id) }));
    };
    const onNodeDragStart: OnNodeDrag = () => useDocumentStore.getState().beginGesture();
    const onNodeDrag: OnNodeDrag = (_event, _node, nodes) => {
      const mesh = currentMesh();
      if (!mesh) return;
      const target = childBoxes(nodes)
        .map((box) => ({ box, domainId: domainAt(mesh, centerOf(box)) }))
        .find(
          ({ box, domainId }) =>
            domainId && domainId !== (productById(mesh, box.id) ?? systemById(mesh, box.id))?.domainId,
        );
      useUiStore.getState().setDropTarget(target?.domainId ?? null);
    };
    const onNodeDragStop: OnNodeDrag = (_event, _node, nodes) => {
      settleDroppedNodes(childBoxes(nodes));
      useDocumentStore.getState().endGesture();
      useUiStore.getState().setDropTarget(null);
    };
    return { onNodeDragStart, onNodeDrag, onNodeDragStop };
  }, [sizeOf]);

  return { onNodesChange, onEdgesChange, ...dragHandlers };
}
