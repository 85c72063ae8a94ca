import type { Edge, Node } from '@xyflow/react';
import type { Mesh } from '../../shared/model';

export type MeshNodeType = 'domain' | 'product' | 'system';

const DEFAULT_DOMAIN_SIZE = { width: 640, height: 320 };

/**
 * React Flow nodes derived from the document: domains are groups, products and systems
 * their children (positions relative to the domain). Nodes carry only ids; each custom
 * node reads what it draws from the store.
 */
export function toFlowNodes(mesh: Mesh): Node[] {
  const positionOf = (id: string) => mesh.layout.nodes[id] ?? { x: 0, y: 0 };
  const domains: Node[] = mesh.domains.map((domain) => {
    const layout = positionOf(domain.id);
    return {
      id: domain.id,
      type: 'domain',
      position: { x: layout.x, y: layout.y },
      width: layout.width ?? DEFAULT_DOMAIN_SIZE.width,
      height: layout.height ?? DEFAULT_DOMAIN_SIZE.height,
      data: {},
    };
  });
  const children = (type: MeshNodeType, items: ReadonlyArray<{ id: string; domainId: string }>): Node[] =>
    items.map((item) => ({
      id: item.id,
      type,
      parentId: item.domainId,
      position: { x: positionOf(item.id).x, y: positionOf(item.id).y },
      data: {},
    }));
  return [...domains, ...children('system', mesh.systems), ...children('product', mesh.products)];
}

export function toFlowEdges(mesh: Mesh): Edge[] {
  return mesh.links.map((link) => ({
    id: link.id,
    source: link.from.nodeId,
    sourceHandle: link.from.portId,
    target: link.to.nodeId,
    targetHandle: link.to.portId,
  }));
}
