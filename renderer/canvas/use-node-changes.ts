import { type EdgeChange, type Node, type NodeChange, type OnNodeDrag, useReactFlow, useStoreApi } from '@xyflow/react';
import { type Dispatch, type SetStateAction, useCallback, useMemo, useRef } from 'react';
import { alignmentSnap, canvasBox, type Guide } from '../../shared/editing/alignment';
import { overlaps, type Point, type Rect, type Size } from '../../shared/editing/geometry';
import { dropTargetAt } from '../../shared/editing/layout-edits';
import { domainById, nodeKindOf, owningDomainId, productById, systemById } from '../../shared/editing/mesh-index';
import { absolutePosition, DEFAULT_NODE_SIZE, domainRect } from '../../shared/editing/node-placement';
import { currentMesh, useDocumentStore } from '../store/document-store';
import {
  applyLayout,
  type CarriedNotes,
  moveNodes,
  notesCarriedBy,
  resizeDomain,
  settleDroppedNodes,
} from '../store/layout-actions';
import { rememberNodeSizes } from '../store/node-sizes';
import { usePreferencesStore } from '../store/preferences-store';
import { type SelectionChange, selectLinksWithinSelectedNodes, useSelectionStore } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { clientPointOf } from './event-client-point';

type SetMeasured = Dispatch<SetStateAction<ReadonlyMap<string, Size>>>;

/** Screen pixels within which a dragged node snaps to line up with another. */
const SNAP_DISTANCE = 6;
/** Only nodes this close to the dragged one (canvas units) are candidates to line up with. */
const GUIDE_REACH = 1600;

interface Resize {
  position?: Point;
  size?: Size;
}

/**
 * Turns React Flow's change reports into store actions: moves and resizes change the document's
 * layout (a drag or resize is one gesture, one undo step); selections go to the selection store;
 * measured sizes stay with the canvas (and the placement rules). While one node is dragged it
 * snaps to line up with its neighbours, and the guides show where.
 */
export function useNodeChanges(
  measured: ReadonlyMap<string, Size>,
  setMeasured: SetMeasured,
  setGuides: (guides: Guide[]) => void,
) {
  const flowStore = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const sizeOf = useCallback((id: string) => measured.get(id) ?? DEFAULT_NODE_SIZE, [measured]);
  const snapTargets = useRef<Rect[]>([]);
  const carriedNotes = useRef<CarriedNotes | undefined>(undefined);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const mesh = currentMesh();
      const positions = new Map<string, Point>();
      const resizes = new Map<string, Resize>();
      const sizes = new Map<string, Size>();
      const selections: SelectionChange[] = [];
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) {
          sizes.set(change.id, change.dimensions);
          if (change.setAttributes) resizes.set(change.id, { ...resizes.get(change.id), size: change.dimensions });
        } else if (change.type === 'select') selections.push({ id: change.id, selected: change.selected });
      }
      for (const change of changes) {
        if (change.type !== 'position' || !change.position) continue;
        if (resizes.has(change.id)) resizes.set(change.id, { ...resizes.get(change.id), position: change.position });
        // The resizer moves children back when a domain's left or top edge moves; the containment rule does that itself.
        else if (!(mesh && resizes.has(owningDomainId(mesh, change.id) ?? '')))
          positions.set(change.id, change.position);
      }
      // While one node is dragged (its last move, on release, included), it lines up with its neighbours;
      // with snapping to the grid on, the grid decides instead.
      const isSnappingToGrid = usePreferencesStore.getState().snapToGrid;
      if (mesh && positions.size === 1 && snapTargets.current.length > 0 && !isSnappingToGrid) {
        const [[id, position]] = [...positions] as [[string, Point]];
        const snapped = snapToNeighbours(
          mesh,
          id,
          position,
          sizeOf,
          snapTargets.current,
          flowStore.getState().transform[2],
        );
        positions.set(id, snapped.position);
        setGuides(snapped.guides);
      }
      if (positions.size > 0) moveNodes(positions, carriedNotes.current);
      if (mesh) applyResizes(mesh, resizes);
      if (sizes.size > 0) {
        rememberNodeSizes(sizes);
        setMeasured((previous) => new Map([...previous, ...sizes]));
      }
      if (selections.length > 0) {
        useSelectionStore.getState().applyNodeChanges(selections);
        if (useUiStore.getState().isBoxSelecting) selectLinksWithinSelectedNodes();
      }
    },
    [setMeasured, setGuides, sizeOf, flowStore],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    // A box selects the links within it as its nodes change, not those React Flow's box adds.
    const isBoxSelecting = useUiStore.getState().isBoxSelecting;
    const selections = changes.flatMap((change) =>
      change.type === 'select' && !(isBoxSelecting && change.selected)
        ? [{ id: change.id, selected: change.selected }]
        : [],
    );
    if (selections.length > 0) useSelectionStore.getState().applyLinkChanges(selections);
  }, []);

  const dragHandlers = useMemo(() => {
    const childBoxes = (nodes: Node[]) => {
      const mesh = currentMesh();
      if (!mesh) return [];
      const dragged = new Set(nodes.map((node) => node.id));
      return nodes
        .filter((node) => productById(mesh, node.id) || systemById(mesh, node.id))
        .filter((node) => !dragged.has(owningDomainId(mesh, node.id) ?? ''))
        .map((node) => ({ id: node.id, ...absolutePosition(mesh, node.id), ...sizeOf(node.id) }));
    };
    const onNodeDragStart: OnNodeDrag = (_event, _node, nodes) => {
      useDocumentStore.getState().beginGesture();
      carriedNotes.current = notesCarriedBy(nodes.map((node) => node.id));
      const mesh = currentMesh();
      snapTargets.current = mesh && nodes.length === 1 ? neighbourBoxes(mesh, nodes[0]?.id ?? '', sizeOf) : [];
    };
    const pointerOf = (event: MouseEvent | TouchEvent) => screenToFlowPosition(clientPointOf(event));
    const onNodeDrag: OnNodeDrag = (event, _node, nodes) => {
      const mesh = currentMesh();
      if (!mesh) return;
      const boxes = childBoxes(nodes);
      const target = dropTargetAt(mesh, pointerOf(event), new Set(nodes.map((node) => node.id)));
      const changesDomain = boxes.some(
        (box) => (productById(mesh, box.id) ?? systemById(mesh, box.id))?.domainId !== target,
      );
      useUiStore.getState().setDropTarget(target && changesDomain ? target : null);
    };
    const onNodeDragStop: OnNodeDrag = (event, _node, nodes) => {
      settleDroppedNodes(
        childBoxes(nodes),
        pointerOf(event),
        nodes.map((node) => node.id),
      );
      carriedNotes.current = undefined;
      useUiStore.getState().setDropTarget(null);
      snapTargets.current = [];
      setGuides([]);
    };
    return { onNodeDragStart, onNodeDrag, onNodeDragStop };
  }, [sizeOf, setGuides, screenToFlowPosition]);

  return { onNodesChange, onEdgesChange, ...dragHandlers };
}

/** A resized domain stops at its children; a resized note takes its new box. */
function applyResizes(mesh: NonNullable<ReturnType<typeof currentMesh>>, resizes: ReadonlyMap<string, Resize>): void {
  for (const [id, { position, size }] of resizes) {
    const current = mesh.layout.nodes[id] ?? { x: 0, y: 0 };
    const box = {
      x: position?.x ?? current.x,
      y: position?.y ?? current.y,
      width: size?.width ?? current.width ?? 0,
      height: size?.height ?? current.height ?? 0,
    };
    if (domainById(mesh, id)) resizeDomain(id, box);
    else if (nodeKindOf(mesh, id) === 'note') applyLayout({ [id]: { ...current, ...box } });
  }
}

/** The boxes a dragged node may line up with: nodes near it, except itself, its own children and its domain. */
function neighbourBoxes(
  mesh: NonNullable<ReturnType<typeof currentMesh>>,
  id: string,
  sizeOf: (id: string) => Size,
): Rect[] {
  const own = canvasBox(mesh, id, sizeOf);
  const reach = {
    x: own.x - GUIDE_REACH,
    y: own.y - GUIDE_REACH,
    width: own.width + 2 * GUIDE_REACH,
    height: own.height + 2 * GUIDE_REACH,
  };
  const domainId = owningDomainId(mesh, id);
  const ids = [...mesh.domains, ...mesh.products, ...mesh.systems, ...(mesh.notes ?? [])].map((node) => node.id);
  return ids
    .filter((other) => other !== id && other !== domainId && owningDomainId(mesh, other) !== id)
    .map((other) => canvasBox(mesh, other, sizeOf))
    .filter((box) => overlaps(box, reach));
}

/** Where a dragged node lands once lined up with a neighbour (relative to its domain, as React Flow reports it). */
function snapToNeighbours(
  mesh: NonNullable<ReturnType<typeof currentMesh>>,
  id: string,
  position: Point,
  sizeOf: (id: string) => Size,
  targets: readonly Rect[],
  zoom: number,
): { position: Point; guides: Guide[] } {
  if (targets.length === 0) return { position, guides: [] };
  const domainId = owningDomainId(mesh, id);
  const origin = domainId && domainId !== id ? domainRect(mesh, domainId) : { x: 0, y: 0 };
  const size = canvasBox(mesh, id, sizeOf);
  const box = { x: origin.x + position.x, y: origin.y + position.y, width: size.width, height: size.height };
  const snap = alignmentSnap(box, targets, SNAP_DISTANCE / zoom);
  return { position: { x: position.x + snap.offset.x, y: position.y + snap.offset.y }, guides: snap.guides };
}
