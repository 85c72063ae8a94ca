import type { ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import type { Size } from '../../../shared/editing/geometry';
import { DEFAULT_NODE_SIZE, DOMAIN_PADDING } from '../../../shared/editing/node-placement';
import type { Mesh, NodeLayout } from '../../../shared/model';

const PORT_SIZE = 8;

/** Left to right by data flow; domains stay groups, laid out together with what crosses them. */
const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.componentComponent': '60',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

const DOMAIN_OPTIONS: LayoutOptions = {
  'elk.padding': `[top=${DOMAIN_PADDING.top},left=${DOMAIN_PADDING.side},bottom=${DOMAIN_PADDING.bottom},right=${DOMAIN_PADDING.side}]`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
  'elk.nodeSize.minimum': '(240, 140)',
};

/** Ports keep their side and their order, so ELK and the drawn handles agree where each link attaches. */
const CHILD_OPTIONS: LayoutOptions = { 'elk.portConstraints': 'FIXED_ORDER' };

type Side = 'NORTH' | 'EAST' | 'WEST';

/** ELK ids are global; a port is known by its node and its id within the node (unique there). */
export function elkPortId(nodeId: string, portId: string): string {
  return `${nodeId}/${portId}`;
}

/**
 * ELK orders ports clockwise from the top-left: top side left to right, right side top to bottom,
 * left side bottom to top. `sides` lists each side's ports in the order they are drawn.
 */
function ports(nodeId: string, sides: Record<Side, readonly string[]>): ElkPort[] {
  const clockwise: Array<[Side, string]> = [
    ...sides.NORTH.map((id): [Side, string] => ['NORTH', id]),
    ...sides.EAST.map((id): [Side, string] => ['EAST', id]),
    ...[...sides.WEST].reverse().map((id): [Side, string] => ['WEST', id]),
  ];
  return clockwise.map(([side, portId], index) => ({
    id: elkPortId(nodeId, portId),
    width: PORT_SIZE,
    height: PORT_SIZE,
    layoutOptions: { 'elk.port.side': side, 'elk.port.index': String(index) },
  }));
}

/** The mesh as an ELK graph; `sizeOf` gives each node's drawn size (the default before it is measured). */
export function toElkGraph(mesh: Mesh, sizeOf: (nodeId: string) => Size | undefined): ElkNode {
  const child = (id: string, nodePorts: ElkPort[]): ElkNode => ({
    id,
    ...(sizeOf(id) ?? DEFAULT_NODE_SIZE),
    ports: nodePorts,
    layoutOptions: CHILD_OPTIONS,
  });
  return {
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    children: mesh.domains.map((domain) => ({
      id: domain.id,
      layoutOptions: DOMAIN_OPTIONS,
      children: [
        ...mesh.systems
          .filter((system) => system.domainId === domain.id)
          .map((system) =>
            child(
              system.id,
              ports(system.id, { NORTH: [], EAST: system.messaging.topics.map((topic) => topic.id), WEST: [] }),
            ),
          ),
        ...mesh.products
          .filter((product) => product.domainId === domain.id)
          .map((product) =>
            child(
              product.id,
              ports(product.id, {
                NORTH: [product.discoveryPort.id],
                EAST: product.outputPorts.map((port) => port.id),
                WEST: product.inputPorts.map((port) => port.id),
              }),
            ),
          ),
      ],
    })),
    edges: mesh.links.map((link) => ({
      id: link.id,
      sources: [elkPortId(link.from.nodeId, link.from.portId)],
      targets: [elkPortId(link.to.nodeId, link.to.portId)],
    })),
  };
}

/** ELK's result as layout entries: domains placed from the origin with their size, children relative to them. */
export function layoutFromElk(laidOut: ElkNode): Record<string, NodeLayout> {
  const layout: Record<string, NodeLayout> = {};
  const domains = laidOut.children ?? [];
  const left = Math.min(...domains.map((domain) => domain.x ?? 0));
  const top = Math.min(...domains.map((domain) => domain.y ?? 0));
  for (const domain of domains) {
    layout[domain.id] = {
      x: Math.round((domain.x ?? 0) - left),
      y: Math.round((domain.y ?? 0) - top),
      width: Math.round(domain.width ?? 0),
      height: Math.round(domain.height ?? 0),
    };
    for (const child of domain.children ?? []) {
      layout[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
    }
  }
  return layout;
}
