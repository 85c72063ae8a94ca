import { canvasBox } from '../../shared/editing/alignment';
import { centerOf, type Rect } from '../../shared/editing/geometry';
import { type Direction, nearestInDirection } from '../../shared/editing/keyboard-navigation';
import { lineageOf } from '../../shared/editing/lineage';
import { linkById, nodeKindOf, productById } from '../../shared/editing/mesh-index';
import { type DataProduct, type Port, resolveEndpoint } from '../../shared/model';
import { useContractTabs } from '../contracts/contract-tabs-store';
import { openNewPortContract } from '../contracts/new-port-contract';
import { activeInOrder, problemsOf, useExportRefusalsStore } from '../governance/export-refusals-store';
import { findingsOf } from '../governance/mesh-findings';
import { revealElement } from '../governance/reveal-element';
import { inspectClicked } from '../simulation/simulation-store';
import { currentMesh, useDocumentStore } from '../store/document-store';
import { measuredSizeOf } from '../store/node-sizes';
import { currentSelection, selectOnly } from '../store/selection-store';
import { DEFAULT_LINEAGE_HOPS, useUiStore } from '../store/ui-store';
import { canvasCommands } from './canvas-commands';
import { focusedLinkId, focusedNodeId, focusNode, keepingCanvasFocus } from './canvas-element-focus';

/** The nodes the arrow keys move between: what is drawn (domains as blocks when zoomed far out). */
function walkableIds(): string[] {
  const mesh = currentMesh();
  if (!mesh) return [];
  const notes = (mesh.notes ?? []).map((note) => note.id);
  if (canvasCommands.isOverview()) return [...mesh.domains.map((domain) => domain.id), ...notes];
  return [...mesh.products, ...mesh.systems].map((node) => node.id).concat(notes);
}

/**
 * Moves the keyboard cursor to the nearest node that way, from the cursor, the selection, or
 * (first time) the node nearest the middle of the view; the view follows. Enter selects it.
 */
export function walkCursor(direction: Direction): void {
  const mesh = currentMesh();
  if (!mesh) return;
  const ids = walkableIds();
  const boxes = ids.map((id) => ({ id, box: canvasBox(mesh, id, measuredSizeOf) }));
  const ui = useUiStore.getState();
  const [selected] = currentSelection().nodeIds;
  const fromId = [ui.keyboardCursor, selected].find((id) => id && ids.includes(id));
  const next = fromId
    ? nearestInDirection(
        canvasBox(mesh, fromId, measuredSizeOf),
        boxes.filter((entry) => entry.id !== fromId),
        direction,
      )
    : nearestToMiddleOfView(boxes);
  if (!next) return;
  ui.setKeyboardCursor(next);
  canvasCommands.reveal([next]);
  focusNode(next);
}

/** Where the arrow keys start: the node nearest the middle of the view. */
function nearestToMiddleOfView(boxes: ReadonlyArray<{ id: string; box: Rect }>): string | undefined {
  const view = canvasCommands.visibleArea()?.view;
  if (!view) return boxes[0]?.id;
  const middle = centerOf(view);
  const distance = (box: Rect) => Math.hypot(centerOf(box).x - middle.x, centerOf(box).y - middle.y);
  return [...boxes].sort((a, b) => distance(a.box) - distance(b.box))[0]?.id;
}

/** Enter or Space: selects the link or node the focus or the arrow keys are on, and inspects it as a click does. */
export function selectCursor(): void {
  // Tab reaches links after the nodes: the link with the focus is what Enter selects, as a click would.
  const linkId = focusedLinkId();
  const mesh = currentMesh();
  if (mesh && linkId && linkById(mesh, linkId)) {
    selectOnly([], [linkId]);
    inspectClicked({ type: 'mesh-link' });
    return;
  }
  const cursor = focusedNodeId() ?? useUiStore.getState().keyboardCursor;
  const kind = cursor && mesh ? nodeKindOf(mesh, cursor) : undefined;
  if (!cursor || !kind) return;
  selectOnly([cursor]);
  inspectClicked({ type: kind });
}

/** The node a lineage focus starts from: the selected product or system, or the producer of a selected link. */
function lineageStart(): string | undefined {
  const mesh = currentMesh();
  if (!mesh) return undefined;
  const { nodeIds, linkIds } = currentSelection();
  const node = [...nodeIds].find((id) => {
    const kind = nodeKindOf(mesh, id);
    return kind === 'product' || kind === 'system';
  });
  if (node) return node;
  const [linkId] = linkIds;
  return linkId ? linkById(mesh, linkId)?.to.nodeId : undefined;
}

export function canFocusLineage(): boolean {
  return lineageStart() !== undefined;
}

/**
 * Shows one product's upstream and downstream within some hops, dims the rest, and fits the view
 * to it below the lineage bar.
 */
export function focusLineage(
  nodeId = lineageStart(),
  hops = useUiStore.getState().lineageFocus?.hops ?? DEFAULT_LINEAGE_HOPS,
): void {
  const mesh = currentMesh();
  if (!mesh || !nodeId) return;
  useUiStore.getState().focusLineage({ nodeId, hops });
  const lineage = lineageOf(mesh.links, [nodeId], hops);
  canvasCommands.focusNodes([...lineage.hops.keys()]);
}

export function leaveLineageFocus(): void {
  useUiStore.getState().focusLineage(null);
}

let lastProblem = -1;

/**
 * F8: selects the next problem's element and zooms to it, round and round what stops the export
 * and the findings the governance rules report (the problems panel's list, muted ones left out).
 * Pressed on the canvas, the focus goes with the selection, so the ring and the next keys are on the problem.
 */
export function goToNextProblem(): void {
  const { mesh, baseline, preparedSteps } = useDocumentStore.getState();
  const { refusals } = useExportRefusalsStore.getState();
  const findings = activeInOrder(problemsOf(findingsOf(mesh, baseline, preparedSteps).all, refusals));
  if (findings.length === 0) return;
  lastProblem = (lastProblem + 1) % findings.length;
  const { element, path } = findings[lastProblem] as (typeof findings)[number];
  keepingCanvasFocus(() => revealElement(element, path));
}

/** The nodes at both ends of some links. */
export function endsOf(linkIds: Iterable<string>): string[] {
  const mesh = currentMesh();
  if (!mesh) return [];
  return [...linkIds].flatMap((id) => {
    const link = linkById(mesh, id);
    return link ? [link.from.nodeId, link.to.nodeId] : [];
  });
}

/** Shift+2: fits the view to what is selected (a link's two ends). */
export function zoomToSelection(): void {
  const { nodeIds, linkIds } = currentSelection();
  if (nodeIds.size + linkIds.size > 0) canvasCommands.focusNodes([...nodeIds, ...endsOf(linkIds)]);
}

/**
 * The output port the selection stands for, of those `isWanted`: a selected link's producer's, else
 * the selected product's first.
 */
function selectedOutputPort(isWanted: (port: Port) => boolean): { product: DataProduct; port: Port } | undefined {
  const mesh = currentMesh();
  if (!mesh) return undefined;
  const { nodeIds, linkIds } = currentSelection();
  const [linkId] = linkIds;
  const link = linkId ? linkById(mesh, linkId) : undefined;
  if (link) {
    const from = resolveEndpoint(mesh, link.from);
    return from?.kind === 'port' && from.port.direction === 'output' && isWanted(from.port) ? from : undefined;
  }
  const [nodeId] = nodeIds;
  const product = nodeId ? productById(mesh, nodeId) : undefined;
  const port = product?.outputPorts.find(isWanted);
  return product && port ? { product, port } : undefined;
}

/** The contract behind the selection: a selected link's producer's, or a selected product's first output's. */
const selectionContractId = () => selectedOutputPort((port) => port.contractId !== undefined)?.port.contractId;

/** The output port without a contract the inspector's New contract would give one to, for the selection. */
const selectedPortWithoutContract = () => selectedOutputPort((port) => port.contractId === undefined);

export function selectionHasPortWithoutContract(): boolean {
  return selectedPortWithoutContract() !== undefined;
}

export function newContractForSelection(): void {
  const selected = selectedPortWithoutContract();
  if (selected) openNewPortContract(selected.product.id, selected.port.id);
}

export function selectionHasContract(): boolean {
  return selectionContractId() !== undefined;
}

export function openContractOfSelection(): void {
  const contractId = selectionContractId();
  if (contractId) useContractTabs.getState().openContract(contractId);
}
