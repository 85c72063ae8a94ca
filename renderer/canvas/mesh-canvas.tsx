import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  type Node,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  type ReactFlowState,
  useStore,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LinkCompatibility } from '../../shared/contracts';
import type { Size } from '../../shared/editing/geometry';
import type { Layout, Link } from '../../shared/model';
import { linkCompatibilityOf } from '../contracts/link-compatibility';
import { useIsImpactShown } from '../governance/canvas-marks';
import { type DocumentState, useDocumentStore } from '../store/document-store';
import { usePreferencesStore } from '../store/preferences-store';
import { useSelectionStore } from '../store/selection-store';
import { useCanvasCapture } from './canvas-image';
import { ConnectionLine } from './connection-line';
import { createFlowEdgeBuilder, createFlowNodeBuilder, nodeOutlineKeys, parseNodeOutline } from './flow-elements';
import { MeshLinkEdge } from './mesh-link-edge';
import { DomainNode } from './nodes/domain-node';
import { ProductNode } from './nodes/product-node';
import { SystemNode } from './nodes/system-node';
import { useConnectionHandlers } from './use-connection-handlers';
import { useNodeChanges } from './use-node-changes';
import { usePaletteDrop } from './use-palette-drop';
import { usePointerCapture } from './use-pointer-capture';
import { useRegisterCanvas } from './use-register-canvas';

const NODE_TYPES = { domain: DomainNode, product: ProductNode, system: SystemNode };
const EDGE_TYPES = { 'mesh-link': MeshLinkEdge };
const NO_COMPATIBILITY: ReadonlyMap<string, LinkCompatibility> = new Map();
const selectLinkCompatibility = (state: DocumentState) =>
  state.mesh ? linkCompatibilityOf(state.mesh) : NO_COMPATIBILITY;
const NO_LAYOUT: Layout['nodes'] = {};
const NO_LINKS: readonly Link[] = [];
const NO_OUTLINE: string[] = [];
const selectOutlineKeys = (state: DocumentState) => (state.mesh ? nodeOutlineKeys(state.mesh) : NO_OUTLINE);
export const GRID_SIZE = 16;
const SNAP_GRID: [number, number] = [GRID_SIZE, GRID_SIZE];
/** Shift-click adds to the selection, as in draw.io; Ctrl/Cmd-click too, as in React Flow. */
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
/** Beyond this many domains, products and systems, only what is in view is drawn. */
const LARGE_MESH_NODES = 300;
/** Below this zoom, text is too small to read: nodes drop their labels (their ports stay, for the links). */
const FAR_ZOOM = 0.35;
const isZoomedFarOut = (state: ReactFlowState) => state.transform[2] < FAR_ZOOM;
/** A lone new domain should not fill the screen. */
const FIT_VIEW_OPTIONS = { maxZoom: 1 };
const minimapClass = (node: Node) => `minimap-node minimap-node--${node.type}`;

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
  const hasNoDomains = useDocumentStore((state) => state.mesh?.domains.length === 0);
  const selectedNodeIds = useSelectionStore((state) => state.nodeIds);
  const selectedLinkIds = useSelectionStore((state) => state.linkIds);
  const snapToGrid = usePreferencesStore((state) => state.snapToGrid);
  const toggleSnapToGrid = usePreferencesStore((state) => state.toggleSnapToGrid);
  const theme = usePreferencesStore((state) => state.theme);
  // While an image is taken: every node drawn, labels kept, in the image's theme (see canvas-image.ts).
  const captureTheme = useCanvasCapture((state) => state.theme);
  const isReadOnly = useDocumentStore((state) => state.isReadOnly);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const [isMoving, setMoving] = useState(false);
  const isFar = useStore(isZoomedFarOut);
  const capturePointer = usePointerCapture();
  const [buildNodes] = useState(createFlowNodeBuilder);
  const [buildEdges] = useState(createFlowEdgeBuilder);
  const outline = useMemo(() => parseNodeOutline(outlineKeys), [outlineKeys]);
  const nodes = useMemo(
    () => buildNodes(outline, layout, { selectedIds: selectedNodeIds, measured }),
    [buildNodes, outline, layout, selectedNodeIds, measured],
  );
  const edges = useMemo(
    () => buildEdges(links, selectedLinkIds, compatibility),
    [buildEdges, links, selectedLinkIds, compatibility],
  );
  const isLarge = outline.length > LARGE_MESH_NODES && !captureTheme;
  const isImpactShown = useIsImpactShown();
  const nodeHandlers = useNodeChanges(measured, setMeasured);
  const connectionHandlers = useConnectionHandlers();
  const { onDragOver, onDrop } = usePaletteDrop();
  useRegisterCanvas();

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for palette drags; the keyboard adds with D, P and S
    <div
      className={`mesh-canvas${isMoving ? ' mesh-canvas--moving' : ''}${isFar && !captureTheme ? ' mesh-canvas--far' : ''}${isImpactShown ? ' mesh-canvas--impact' : ''}`}
      data-testid="canvas"
      onPointerDownCapture={capturePointer}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        {...nodeHandlers}
        {...connectionHandlers}
        connectionMode={ConnectionMode.Loose}
        // Simulate mode shows the design read-only: nothing to drag or connect.
        nodesDraggable={!isReadOnly}
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
        onlyRenderVisibleElements={isLarge}
        onMoveStart={() => setMoving(true)}
        onMoveEnd={() => setMoving(false)}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
        maxZoom={2}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID_SIZE} />
        {hasNoDomains && (
          <Panel position="top-center" className="canvas-hint">
            Start with a domain: drag one from the palette, or press <kbd>D</kbd>. Press <kbd>?</kbd> for every
            shortcut.
          </Panel>
        )}
        <MiniMap pannable zoomable nodeClassName={minimapClass} ariaLabel="Minimap" />
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
    </div>
  );
}
