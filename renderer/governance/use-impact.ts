import { analyzeImpact, type Impact, type ImpactLevel, type ImpactOrigin } from '../../shared/lineage/impact';
import type { Mesh } from '../../shared/model';
import { useSimulationStore } from '../simulation/simulation-store';
import { useDocumentStore } from '../store/document-store';
import { useGovernanceStore } from './governance-store';

/** How the canvas marks an element during impact analysis. */
export type ImpactMark = 'origin' | ImpactLevel;

interface ImpactMarks {
  nodes: ReadonlyMap<string, ImpactMark>;
  links: ReadonlyMap<string, ImpactLevel>;
  ports: ReadonlyMap<string, ReadonlyMap<string, ImpactMark>>;
}

let last: { inputs: readonly unknown[]; origin: ImpactOrigin; impact: Impact; marks: ImpactMarks } | undefined;

/** What the analysis reads: not the layout, so a drag costs nothing here. */
const analysisInputs = (mesh: Mesh) => [mesh.products, mesh.systems, mesh.contracts, mesh.links];

/** The impact of an origin on a document, computed once for every subscriber and command that asks. */
export function impactOf(mesh: Mesh, origin: ImpactOrigin): Impact {
  return (analyzed(mesh, origin) as NonNullable<ReturnType<typeof analyzed>>).impact;
}

function analyzed(mesh: Mesh | null, origin: ImpactOrigin | null) {
  if (!mesh || !origin) return undefined;
  const inputs = analysisInputs(mesh);
  if (last?.origin === origin && inputs.every((input, index) => input === last?.inputs[index])) return last;
  const impact = analyzeImpact(mesh, origin);
  last = { inputs, origin, impact, marks: marksOf(impact) };
  return last;
}

function marksOf(impact: Impact): ImpactMarks {
  const nodes = new Map<string, ImpactMark>();
  const ports = new Map<string, Map<string, ImpactMark>>();
  const markPort = (nodeId: string, portId: string, mark: ImpactMark) => {
    let byPort = ports.get(nodeId);
    if (!byPort) {
      byPort = new Map();
      ports.set(nodeId, byPort);
    }
    byPort.set(portId, mark);
  };
  for (const port of impact.originPorts) {
    nodes.set(port.nodeId, 'origin');
    markPort(port.nodeId, port.portId, 'origin');
  }
  if (impact.origin.kind === 'product') nodes.set(impact.origin.productId, 'origin');
  for (const product of impact.products) if (!nodes.has(product.productId)) nodes.set(product.productId, product.level);
  for (const port of impact.ports) markPort(port.nodeId, port.portId, port.level);
  return { nodes, ports, links: new Map(impact.links.map((link) => [link.linkId, link.level])) };
}

/** The impact of the chosen origin on the open document, or null when none is chosen. */
export function useImpact(): Impact | null {
  const origin = useGovernanceStore((state) => state.impactOrigin);
  return useDocumentStore((state) => analyzed(state.mesh, origin)?.impact ?? null);
}

/**
 * The origin whose impact the canvas marks: none while simulating, where the Impact tab that
 * chose it, and clears it, is not shown; back in Design the canvas marks it again.
 */
export function useShownImpactOrigin(): ImpactOrigin | null {
  const origin = useGovernanceStore((state) => state.impactOrigin);
  const isDesigning = useSimulationStore((state) => state.mode === 'design');
  return isDesigning ? origin : null;
}

/** How a node is marked: one string, so a node re-renders only when its own mark changes. */
export function useNodeImpact(nodeId: string): ImpactMark | undefined {
  const origin = useShownImpactOrigin();
  return useDocumentStore((state) => analyzed(state.mesh, origin)?.marks.nodes.get(nodeId));
}

const NO_PORTS: ReadonlyMap<string, ImpactMark> = new Map();

/** The marks of a node's ports (the same map until the analysis changes). */
export function usePortImpacts(nodeId: string): ReadonlyMap<string, ImpactMark> {
  const origin = useShownImpactOrigin();
  return useDocumentStore((state) => analyzed(state.mesh, origin)?.marks.ports.get(nodeId) ?? NO_PORTS);
}

export function useLinkImpact(linkId: string): ImpactLevel | undefined {
  const origin = useShownImpactOrigin();
  return useDocumentStore((state) => analyzed(state.mesh, origin)?.marks.links.get(linkId));
}
