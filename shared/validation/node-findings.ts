import type { DataProduct, Link, Mesh } from '../model';

/** What the canvas flags on a node until the governance rules (shared/validation) report their findings. */
export interface NodeFinding {
  message: string;
}

const NONE: readonly NodeFinding[] = [];
const cache = new WeakMap<readonly DataProduct[], WeakMap<readonly Link[], ReadonlyMap<string, NodeFinding[]>>>();

/**
 * Findings per product: input ports nothing feeds and output ports no contract governs. Computed
 * once per change of products or links, so dragging (a layout change) costs nothing here.
 */
export function findingsByNode(mesh: Mesh): ReadonlyMap<string, NodeFinding[]> {
  let byLinks = cache.get(mesh.products);
  if (!byLinks) {
    byLinks = new WeakMap();
    cache.set(mesh.products, byLinks);
  }
  let findings = byLinks.get(mesh.links);
  if (!findings) {
    findings = computeFindings(mesh.products, mesh.links);
    byLinks.set(mesh.links, findings);
  }
  return findings;
}

export function findingsOf(mesh: Mesh, nodeId: string): readonly NodeFinding[] {
  return findingsByNode(mesh).get(nodeId) ?? NONE;
}

function computeFindings(products: readonly DataProduct[], links: readonly Link[]): ReadonlyMap<string, NodeFinding[]> {
  const fed = new Set(links.map((link) => `${link.to.nodeId}\u0000${link.to.portId}`));
  const findings = new Map<string, NodeFinding[]>();
  for (const product of products) {
    const messages = [
      ...product.inputPorts
        .filter((port) => !fed.has(`${product.id}\u0000${port.id}`))
        .map((port) => `Input port '${port.name}' is not fed by any link.`),
      ...product.outputPorts
        .filter((port) => !port.contractId)
        .map((port) => `Output port '${port.name}' has no data contract.`),
    ];
    if (messages.length > 0)
      findings.set(
        product.id,
        messages.map((message) => ({ message })),
      );
  }
  return findings;
}
