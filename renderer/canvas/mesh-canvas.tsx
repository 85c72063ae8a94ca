import {
  ConnectionMode,
  ControlButton,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  type ReactFlowState,
  useKeyPress,
  useReactFlow,
  useStore,
  useStoreApi,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import {
  type FocusEvent,
  type MouseEvent,
  type PointerEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LinkCompatibility } from '../../shared/contracts';
import type { Guide } from '../../shared/editing/alignment';
import {
  domainFlowAccessibleNamesOf,
  linkAccessibleNamesOf,
  nodeAccessibleNamesOf,
} from '../../shared/editing/canvas-accessible-names';
import { domainFlows } from '../../shared/editing/domain-overview';
import type { Point, Size } from '../../shared/editing/geometry';
import { canvasBounds, domainAt } from '../../shared/editing/node-placement';
import type { Layout, Link } from '../../shared/model';
import { rulePolicy } from '../../shared/validation/policy';
import { linkCompatibilityRule } from '../../shared/validation/rules/link-compatibility';
import { linkCompatibilityOf } from '../contracts/link-compatibility';
import { useIsImpactShown } from '../governance/canvas-marks';
import { inspectClicked } from '../simulation/simulation-store';
import { currentMesh, type DocumentState, useDocumentStore } from '../store/document-store';
import { usePreferencesStore } from '../store/preferences-store';
import { selectClickedNodeAlone, selectOnly, useSelectionStore } from '../store/selection-store';
import { type ContextMenuTarget, useUiStore } from '../store/ui-store';
import { AlignmentGuides } from './alignment-guides';
import { focusCanvas, focusedNodeId } from './canvas-element-focus';
import { CanvasGrid } from './canvas-grid';
import { useCanvasCapture } from './canvas-image';
import { useCanvasTabOrder } from './canvas-tab-order';
import { ConnectionLine } from './connection-line';
import { ContextMenu } from './context-menu';
import { DomainFlowEdge } from './domain-flow-edge';
import { domainSizesAsDrawn } from './domain-sizes';
import { canvasEmphasis } from './emphasis';
import {
  createFlowEdgeBuilder,
  createFlowNodeBuilder,
  domainFlowEdges,
  nodeOutlineKeys,
  overviewOutline,
  parseNodeOutline,
} from './flow-elements';
import { LayoutBusy } from './layout-busy';
import { LineageBar } from './lineage-bar';
import { createLinkHover } from './link-hover';
import { passToLinkNearestPointer } from './link-nearest-pointer';
import { MeshLinkEdge } from './mesh-link-edge';
import { leaveLineageFocus } from './navigation';
import { DomainBlockNode } from './nodes/domain-block-node';
import { DomainNode } from './nodes/domain-node';
import { NoteNode } from './nodes/note-node';
import { ProductNode } from './nodes/product-node';
import { SystemNode } from './nodes/system-node';
import { useConnectionHandlers } from './use-connection-handlers';
import { useDomainFlowCountPlaces } from './use-domain-flow-count-places';
import { useFitKeptOnResize } from './use-fit-kept-on-resize';
import { useMeshAsDrawn } from './use-image-layout';
import { useMinimapJump } from './use-minimap-jump';
import { useNodeChanges } from './use-node-changes';
import { usePaletteDrop } from './use-palette-drop';
import { usePointerCapture } from './use-pointer-capture';
import { useRegisterCanvas } from './use-register-canvas';
import {
  fittedViewport,
  hasBlockOverview,
  MAX_ZOOM,
  MIN_ZOOM,
  MINIMAP_SIZE,
  OVERVIEW_ZOOM,
  showsMinimap,
  showsOverview,
} from './zoom-levels';

const NODE_TYPES = {
  domain: DomainNode,
  'domain-block': DomainBlockNode,
  product: ProductNode,
  system: SystemNode,
  note: NoteNode,
};
const EDGE_TYPES = { 'mesh-link': MeshLinkEdge, 'domain-flow': DomainFlowEdge };
const NO_COMPATIBILITY: ReadonlyMap<string, LinkCompatibility> = new Map();
const selectLinkCompatibility = (state: DocumentState) =>
  state.mesh ? linkCompatibilityOf(state.mesh) : NO_COMPATIBILITY;
const NO_LAYOUT: Layout['nodes'] = {};
const NO_LINKS: readonly Link[] = [];
const NO_OUTLINE: string[] = [];
const selectOutlineKeys = (state: DocumentState) => (state.mesh ? nodeOutlineKeys(state.mesh) : NO_OUTLINE);
const selectPolicies = (state: DocumentState) => state.mesh?.policies;
const NO_NAMES: ReadonlyMap<string, string> = new Map();
const selectNodeNames = (state: DocumentState) => (state.mesh ? nodeAccessibleNamesOf(state.mesh) : NO_NAMES);
const selectLinkNames = (state: DocumentState) => (state.mesh ? linkAccessibleNamesOf(state.mesh) : NO_NAMES);
const selectDomainFlows = (state: DocumentState) => (state.mesh ? domainFlows(state.mesh) : []);
const selectDomainFlowNames = (state: DocumentState) =>
  state.mesh ? domainFlowAccessibleNamesOf(state.mesh) : NO_NAMES;
export const GRID_SIZE = 16;
const SNAP_GRID: [number, number] = [GRID_SIZE, GRID_SIZE];
/** Shift-click adds to the selection, as in draw.io; Ctrl/Cmd-click too, as in React Flow. */
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const PAN_KEY = 'Space';
/** Space also selects the node the keyboard is on: watching it for panning must not cancel that. */
const WATCH_WITHOUT_PREVENTING = { preventDefault: false };
/** Beyond this many domains, products and systems, only what is in view is drawn. */
const LARGE_MESH_NODES = 300;
/** Just past the overview: products drawn, their names readable. */
const READABLE_ZOOM = OVERVIEW_ZOOM * 1.2;
/** The names drawn on nodes: a double-click on one renames its node. */
const NODE_NAMES = '.domain-node__name, .product-node__name, .system-node__name';
const minimapClass = (node: Node) => `minimap-node minimap-node--${node.type}`;
const selectHasMinimap = (state: ReactFlowState) => showsMinimap(state.width);
/** Shift-dragging a selection box must not also select the text of the panels it passes over. */
const BOX_SELECTING = 'is-box-selecting';

/**
 * The arrow keys' highlight follows the focus, so the two never mark different nodes: tabbing onto a
 * node moves it there; a click (or a paste) focusing another node takes it away, as a click shows no ring.
 */
function followFocusWithCursor(event: FocusEvent) {
  const nodeId = focusedNodeId();
  const ui = useUiStore.getState();
  if (!nodeId || nodeId === ui.keyboardCursor) return;
  ui.setKeyboardCursor((event.target as Element).matches(':focus-visible') ? nodeId : null);
}

/**
 * What a right-click on the canvas itself is on: a domain's body lets presses through to the canvas
 * (for panning and box selection), yet a right-click there adds into that domain.
 */
function canvasTargetAt(point: Point): ContextMenuTarget['on'] {
  const mesh = currentMesh();
  const domainId = mesh && domainAt(mesh, point);
  return domainId ? { kind: 'domain-body', id: domainId } : { kind: 'pane' };
}

const linkHover = createLinkHover((linkId) => useUiStore.getState().setHoveredLink(linkId));

export function MeshCanvas() {
  return (
    <ReactFlowProvider>
      <MeshFlow />
    </ReactFlowProvider>
  );
}

/** The canvas: a view of the document. Every edit it makes goes through a store action. */
function MeshFlow() {
  // Narrow on purpose: which nodes exist and where, and the links; not the fields nodes draw themselves.
  const outlineKeys = useDocumentStore(useShallow(selectOutlineKeys));
  const layout = useDocumentStore((state) => state.mesh?.layout.nodes ?? NO_LAYOUT);
  const links = useDocumentStore((state) => state.mesh?.links ?? NO_LINKS);
  const compatibility = useDocumentStore(selectLinkCompatibility);
  const nodeNames = useDocumentStore(selectNodeNames);
  const linkNames = useDocumentStore(selectLinkNames);
  const policies = useDocumentStore(selectPolicies);
  const compatibilityPolicy = useMemo(
    () => policies && rulePolicy(policies, linkCompatibilityRule.id, linkCompatibilityRule.defaultSeverity),
    [policies],
  );
  const flows = useDocumentStore(selectDomainFlows);
  const flowNames = useDocumentStore(selectDomainFlowNames);
  const hasNoDomains = useDocumentStore((state) => state.mesh?.domains.length === 0);
  const selectedNodeIds = useSelectionStore((state) => state.nodeIds);
  const selectedLinkIds = useSelectionStore((state) => state.linkIds);
  const lineageFocus = useUiStore((state) => state.lineageFocus);
  const keyboardCursor = useUiStore((state) => state.keyboardCursor);
  const contextMenu = useUiStore((state) => state.contextMenu);
  const snapToGrid = usePreferencesStore((state) => state.snapToGrid);
  const toggleSnapToGrid = usePreferencesStore((state) => state.toggleSnapToGrid);
  const theme = usePreferencesStore((state) => state.theme);
  // While an image is taken: every node drawn, labels kept, in the image's theme (see canvas-image.ts).
  const captureTheme = useCanvasCapture((state) => state.theme);
  const isReadOnly = useDocumentStore((state) => state.isReadOnly);
  // React Flow pans on Space + drag only where no node takes the drag: held, the nodes let go of it, as in draw.io.
  const isPanKeyHeld = useKeyPress(PAN_KEY, WATCH_WITHOUT_PREVENTING);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const [guides, setGuides] = useState<Guide[]>([]);
  const [isMoving, setMoving] = useState(false);
  const flow = useReactFlow();
  useCanvasTabOrder();
  const flowStore = useStoreApi();
  const pointer = useRef<Point | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  // Text far out is drawn at a fixed size on screen (see canvas.css): the zoom goes to CSS without a React render.
  useEffect(() => {
    let shownZoom = 0;
    return flowStore.subscribe((state) => {
      const zoom = state.transform[2];
      if (zoom === shownZoom) return;
      shownZoom = zoom;
      wrapper.current?.style.setProperty('--zoom', String(zoom));
    });
  }, [flowStore]);
  const initialViewport = useFittedViewport(wrapper);
  const capturePointer = usePointerCapture();
  const jumpToMinimapPoint = useMinimapJump();
  const [buildNodes] = useState(createFlowNodeBuilder);
  const [buildEdges] = useState(createFlowEdgeBuilder);
  const outline = useMemo(() => parseNodeOutline(outlineKeys), [outlineKeys]);
  const flowNodeCount = useMemo(
    () => outline.filter((node) => node.type === 'product' || node.type === 'system').length,
    [outline],
  );
  // An image shows every product, so a capture draws them all, however far out the view is.
  const isFarOut = useStore(
    useCallback((state: ReactFlowState) => showsOverview(state.transform[2], flowNodeCount), [flowNodeCount]),
  );
  const hasMinimap = useStore(selectHasMinimap);
  const [isDrawingBlocksAhead, drawBlocksAhead] = useState(false);
  const isOverview = (isFarOut || (isDrawingBlocksAhead && hasBlockOverview(flowNodeCount))) && !captureTheme;
  // A focus whose product or system left the design (deleted, cut, undone) ends: it would dim all the rest, with no bar to leave it.
  useEffect(() => {
    if (lineageFocus && !outline.some((node) => node.id === lineageFocus.nodeId)) leaveLineageFocus();
  }, [lineageFocus, outline]);
  const emphasis = useMemo(
    () => canvasEmphasis(links, outline, selectedNodeIds, lineageFocus),
    [links, outline, selectedNodeIds, lineageFocus],
  );
  const meshAsDrawn = useMeshAsDrawn(layout, outline, measured, captureTheme !== null);
  const layoutAsDrawn = captureTheme && meshAsDrawn ? meshAsDrawn.layout.nodes : layout;
  // Read with the layout and the measured sizes: a child that grows (an owner, a badge) widens its domain's box as drawn.
  const domainSizes = useMemo(() => domainSizesAsDrawn(meshAsDrawn, measured), [meshAsDrawn, measured]);
  const shownOutline = useMemo(() => (isOverview ? overviewOutline(outline) : outline), [isOverview, outline]);
  const nodes = useMemo(
    () =>
      buildNodes(shownOutline, layoutAsDrawn, {
        selectedIds: selectedNodeIds,
        measured,
        dimmedIds: emphasis.dimmedIds,
        cursorId: keyboardCursor,
        accessibleNames: nodeNames,
        domainSizes,
      }),
    [
      buildNodes,
      shownOutline,
      layoutAsDrawn,
      selectedNodeIds,
      measured,
      emphasis,
      keyboardCursor,
      nodeNames,
      domainSizes,
    ],
  );
  const linkEdges = useMemo(
    () => buildEdges(links, selectedLinkIds, compatibility, emphasis.links, compatibilityPolicy, linkNames),
    [buildEdges, links, selectedLinkIds, compatibility, emphasis, compatibilityPolicy, linkNames],
  );
  const countPlaces = useDomainFlowCountPlaces(flows, nodes, isOverview);
  const flowEdges = useMemo(
    () => domainFlowEdges(flows, emphasis.dimmedIds, countPlaces, flowNames),
    [flows, emphasis, countPlaces, flowNames],
  );
  const edges = isOverview ? flowEdges : linkEdges;
  const isLarge = outline.length > LARGE_MESH_NODES && !captureTheme;
  const isImpactShown = useIsImpactShown();
  const nodeHandlers = useNodeChanges(measured, setMeasured, setGuides);
  const connectionHandlers = useConnectionHandlers();
  const { onDragOver, onDrop } = usePaletteDrop();
  useRegisterCanvas(pointer, drawBlocksAhead);
  useFitKeptOnResize();
  // React Flow's credit stays shown, but out of the Tab order.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the credit is drawn with the flow, once the first view is known
  useEffect(() => {
    wrapper.current?.querySelector('.react-flow__attribution a')?.setAttribute('tabindex', '-1');
  }, [initialViewport]);
  // A design just opened takes the keys: the button that opened it (New blank mesh, a recent design) went, and the focus with it.
  useEffect(() => {
    if (document.activeElement === document.body) focusCanvas();
  }, []);

  const openMenu = useCallback(
    (event: MouseEvent | globalThis.MouseEvent, on: ContextMenuTarget['on'] | typeof canvasTargetAt) => {
      event.preventDefault();
      const screen = { x: event.clientX, y: event.clientY };
      const canvas = flow.screenToFlowPosition(screen);
      useUiStore.getState().openContextMenu({ on: typeof on === 'function' ? on(canvas) : on, screen, canvas });
    },
    [flow],
  );
  const menuHandlers = useMemo(
    () => ({
      onPaneContextMenu: (event: MouseEvent | globalThis.MouseEvent) => openMenu(event, canvasTargetAt),
      onNodeContextMenu: (event: MouseEvent, node: Node) => {
        // A right-click acts on what it hits: an unselected node becomes the selection first.
        if (!useSelectionStore.getState().nodeIds.has(node.id)) selectOnly([node.id]);
        openMenu(event, { kind: 'node', id: node.id });
      },
      onSelectionContextMenu: (event: MouseEvent, selected: Node[]) => {
        const [first] = selected;
        if (first) openMenu(event, { kind: 'node', id: first.id });
      },
      onEdgeContextMenu: (event: MouseEvent, edge: Edge) => {
        if (edge.type !== 'mesh-link') return event.preventDefault();
        if (!useSelectionStore.getState().linkIds.has(edge.id)) selectOnly([], [edge.id]);
        openMenu(event, { kind: 'link', id: edge.id });
      },
      onNodeClick: (event: MouseEvent, node: Node) => {
        selectClickedNodeAlone(node.id, event.shiftKey || event.ctrlKey || event.metaKey);
        inspectClicked(node);
      },
      onEdgeClick: (_event: MouseEvent, edge: Edge) => inspectClicked(edge),
      onEdgeMouseEnter: linkHover.move,
      onEdgeMouseMove: linkHover.move,
      onEdgeMouseLeave: linkHover.leave,
      onNodeDoubleClick: (event: MouseEvent, node: Node) => {
        // Far out, double-clicking a domain's block zooms into it, at least as far as its products can be read.
        if (node.type === 'domain-block') {
          void flow.fitView({ nodes: [{ id: node.id }], minZoom: READABLE_ZOOM, duration: 300 });
        } else if (document.elementFromPoint(event.clientX, event.clientY)?.closest(NODE_NAMES)) {
          // As in draw.io, double-clicking a name edits it: in the inspector, where names are checked. What
          // lies under the pointer, not event.target: the node captured the pointer on the press (a fast drag).
          useUiStore.getState().requestRename(node.id);
        }
      },
      onSelectionStart: () => {
        useUiStore.getState().setBoxSelecting(true);
        document.body.classList.add(BOX_SELECTING);
        window.getSelection()?.removeAllRanges();
      },
      onSelectionEnd: () => {
        useUiStore.getState().setBoxSelecting(false);
        document.body.classList.remove(BOX_SELECTING);
        window.getSelection()?.removeAllRanges();
      },
    }),
    [openMenu, flow],
  );

  const trackPointer = (event: PointerEvent) => {
    pointer.current = { x: event.clientX, y: event.clientY };
  };
  const preventTextSelection = (event: MouseEvent) => {
    // The box a Shift-drag draws starts on the empty canvas; the browser would start selecting text there.
    if (event.shiftKey && (event.target as Element).closest('.react-flow__pane')) event.preventDefault();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for palette drags; the keyboard adds with D, P, S and N
    <div
      ref={wrapper}
      className={`mesh-canvas${isMoving ? ' mesh-canvas--moving' : ''}${isOverview ? ' mesh-canvas--overview' : ''}${hasBlockOverview(flowNodeCount) ? ' mesh-canvas--blocks' : ''}${lineageFocus ? ' mesh-canvas--focused' : ''}${isImpactShown ? ' mesh-canvas--impact' : ''}${captureTheme ? ' mesh-canvas--capturing' : ''}`}
      data-testid="canvas"
      // Focusable from code only: Escape in the inspector gives the focus back here when nothing is selected.
      tabIndex={-1}
      data-overview={isOverview}
      onPointerDownCapture={capturePointer}
      onMouseDownCapture={preventTextSelection}
      onClickCapture={passToLinkNearestPointer}
      onContextMenuCapture={passToLinkNearestPointer}
      onPointerMove={trackPointer}
      onFocus={followFocusWithCursor}
      onPointerLeave={() => {
        pointer.current = null;
      }}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      {initialViewport && (
        <ReactFlow
          defaultViewport={initialViewport}
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          {...nodeHandlers}
          {...connectionHandlers}
          {...menuHandlers}
          connectionMode={ConnectionMode.Loose}
          // Simulate mode shows the design read-only: nothing to drag or connect.
          nodesDraggable={!isReadOnly && !isPanKeyHeld}
          panActivationKeyCode={PAN_KEY}
          nodesConnectable={!isReadOnly}
          edgesReconnectable={!isReadOnly}
          connectionLineComponent={ConnectionLine}
          colorMode={captureTheme ?? theme}
          snapToGrid={snapToGrid}
          snapGrid={SNAP_GRID}
          multiSelectionKeyCode={MULTI_SELECTION_KEYS}
          selectionKeyCode="Shift"
          deleteKeyCode={null}
          // A selected link is drawn on top, so dragging its end grabs it rather than a link sharing the port.
          elevateEdgesOnSelect
          disableKeyboardA11y
          zoomOnDoubleClick={false}
          // Also far out: React Flow takes new nodes a render after this flag, so turning it off with
          // the switch to domain blocks drew, for that render, every product of a large mesh.
          onlyRenderVisibleElements={isLarge}
          onMoveStart={() => setMoving(true)}
          onMoveEnd={() => setMoving(false)}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
        >
          <CanvasGrid gridSize={GRID_SIZE} />
          {hasNoDomains && (
            <Panel position="top-center" className="canvas-hint">
              Start with a domain: drag one from the palette, or press <kbd>D</kbd>. Press <kbd>?</kbd> for every
              shortcut.
            </Panel>
          )}
          {lineageFocus && <LineageBar focus={lineageFocus} />}
          <LayoutBusy />
          <AlignmentGuides guides={guides} />
          {hasMinimap && (
            <MiniMap
              pannable
              zoomable
              onClick={jumpToMinimapPoint}
              nodeClassName={minimapClass}
              ariaLabel="Minimap"
              style={MINIMAP_SIZE}
            />
          )}
          <Controls showInteractive={false}>
            <ControlButton
              onClick={toggleSnapToGrid}
              title="Snap to grid (G)"
              aria-label="Snap to grid"
              aria-pressed={snapToGrid}
              className={snapToGrid ? 'control--active' : undefined}
            >
              #
            </ControlButton>
          </Controls>
        </ReactFlow>
      )}
      {contextMenu && <ContextMenu target={contextMenu} />}
    </div>
  );
}

/**
 * The view a design opens with: fitted to the document's layout, known before anything is drawn.
 * A large mesh then starts as its domain blocks instead of drawing every product once at full size
 * and only then zooming out.
 */
function useFittedViewport(wrapper: React.RefObject<HTMLDivElement | null>): Viewport | null {
  const [viewport, setViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const element = wrapper.current;
    const mesh = currentMesh();
    const bounds = mesh && canvasBounds(mesh);
    if (!element || !bounds) {
      setViewport({ x: 0, y: 0, zoom: 1 });
      return;
    }
    const { width, height } = element.getBoundingClientRect();
    setViewport(fittedViewport(bounds, width, height));
  }, [wrapper]);
  return viewport;
}
