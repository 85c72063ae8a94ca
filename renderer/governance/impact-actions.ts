import type { ImpactOrigin } from '../../shared/lineage/impact';
import { meshGraph } from '../../shared/lineage/mesh-graph';
import type { Mesh } from '../../shared/model';
import { canvasCommands } from '../canvas/canvas-commands';
import { currentMesh } from '../store/document-store';
import { currentSelection, type Selection } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { useGovernanceStore } from './governance-store';
import { impactOf } from './use-impact';

/** Whether the selection has something to show the impact of (a product, a system with topics, a link). */
export function hasImpactOrigin(): boolean {
  const mesh = currentMesh();
  return mesh !== null && originOf(mesh, currentSelection()) !== undefined;
}

/** Shows the impact of what is selected (a product, a system's first topic, a link's source) in the Impact tab. */
export function showImpactOfSelection(): void {
  const mesh = currentMesh();
  const origin = mesh && originOf(mesh, currentSelection());
  if (origin) showImpact(origin);
  useUiStore.getState().showSidePanelTab('impact');
}

/** Highlights what depends on `origin` and brings it into view, origin included. */
export function showImpact(origin: ImpactOrigin): void {
  useGovernanceStore.getState().showImpact(origin);
  const mesh = currentMesh();
  if (!mesh) return;
  const impact = impactOf(mesh, origin);
  const nodeIds = new Set([
    ...impact.originPorts.map((port) => port.nodeId),
    ...(origin.kind === 'product' ? [origin.productId] : []),
    ...impact.products.map((product) => product.productId),
  ]);
  if (nodeIds.size > 0) canvasCommands.focusNodes([...nodeIds]);
}

function originOf(mesh: Mesh, selection: Selection): ImpactOrigin | undefined {
  const graph = meshGraph(mesh);
  const [nodeId] = selection.nodeIds;
  if (nodeId && graph.products.has(nodeId)) return { kind: 'product', productId: nodeId };
  const topic = nodeId ? graph.systems.get(nodeId)?.item.messaging.topics[0] : undefined;
  if (nodeId && topic) return { kind: 'topic', systemId: nodeId, topicId: topic.id };
  const [linkId] = selection.linkIds;
  const link = linkId ? graph.links.get(linkId)?.item : undefined;
  if (!link) return undefined;
  return graph.products.has(link.from.nodeId)
    ? { kind: 'port', productId: link.from.nodeId, portId: link.from.portId }
    : { kind: 'topic', systemId: link.from.nodeId, topicId: link.from.portId };
}
