import type { Edge, Node } from '@xyflow/react';
import type { LinkCompatibility } from '../../shared/contracts';
import type { Size } from '../../shared/editing/geometry';
import { DEFAULT_DOMAIN_SIZE } from '../../shared/editing/node-placement';
import type { Layout, Link, Mesh, NodeLayout } from '../../shared/model';

export type MeshNodeType = 'domain' | 'product' | 'system';

/** What the canvas shows beside the document: selection and the sizes React Flow measured. */
export interface FlowView {
  selectedIds: ReadonlySet<string>;
  measured: ReadonlyMap<string, Size>;
}

/** What the canvas must know of a node to place it; its name, ports and the rest the node reads itself. */
export interface NodeOutline {
  id: string;
  type: MeshNodeType;
  /** The domain of a product or system. */
  parentId?: string;
}

let lastOutline: { sections: readonly (readonly unknown[])[]; keys: string[] } | undefined;

/**
 * The outline of every node, as strings, so a shallow comparison tells the canvas whether any
 * node was added, removed or moved to another domain; editing a product's fields changes nothing here.
 * Domains come first: React Flow needs parents before their children.
 */
export function nodeOutlineKeys(mesh: Mesh): string[] {
  const sections = [mesh.domains, mesh.systems, mesh.products] as const;
  // Asked on every change (every frame of a drag); the outline only changes with those three lists.
  if (lastOutline && sections.every((section, index) => section === lastOutline?.sections[index])) {
    return lastOutline.keys;
  }
  const keys = [
    ...mesh.domains.map((domain) => `domain ${domain.id}`),
    ...mesh.systems.map((system) => `system ${system.id} ${system.domainId}`),
    ...mesh.products.map((product) => `product ${product.id} ${product.domainId}`),
  ];
  lastOutline = { sections, keys };
  return keys;
}

export function parseNodeOutline(keys: readonly string[]): NodeOutline[] {
  // Ids never contain spaces (see ID_PATTERN), so a space separates the parts safely.
  return keys.map((key) => {
    const [type, id, parentId] = key.split(' ') as [MeshNodeType, string, string | undefined];
    return parentId ? { id, type, parentId } : { id, type };
  });
}

const ORIGIN: NodeLayout = { x: 0, y: 0 };
const DOMAIN_DRAG_HANDLE = '.domain-node__title';
const PASS_POINTER_THROUGH = { pointerEvents: 'none' } as const;

interface NodeInputs {
  type: MeshNodeType;
  parentId: string | undefined;
  layout: NodeLayout | undefined;
  selected: boolean;
  measured: Size | undefined;
}

/**
 * Derives React Flow nodes from the document's outline and layout: domains are groups, products
 * and systems their children (positions relative to the domain). Nodes carry only ids; each custom
 * node reads what it draws from the store. The builder remembers its last nodes and returns the
 * very same object for a node whose inputs did not change, so dragging one node of a thousand
 * re-renders one.
 */
export function createFlowNodeBuilder(): (
  outline: readonly NodeOutline[],
  layout: Layout['nodes'],
  view: FlowView,
) => Node[] {
  let previous = new Map<string, { inputs: NodeInputs; node: Node }>();
  return (outline, layout, view) => {
    const next = new Map<string, { inputs: NodeInputs; node: Node }>();
    const nodes = outline.map(({ id, type, parentId }) => {
      const inputs: NodeInputs = {
        type,
        parentId,
        layout: layout[id],
        selected: view.selectedIds.has(id),
        measured: view.measured.get(id),
      };
      const cached = previous.get(id);
      const node = cached && sameInputs(cached.inputs, inputs) ? cached.node : toFlowNode(id, inputs);
      next.set(id, { inputs, node });
      return node;
    });
    previous = next;
    return nodes;
  };
}

function sameInputs(a: NodeInputs, b: NodeInputs): boolean {
  return (
    a.type === b.type &&
    a.parentId === b.parentId &&
    a.layout === b.layout &&
    a.selected === b.selected &&
    a.measured === b.measured
  );
}

function toFlowNode(id: string, { type, parentId, layout = ORIGIN, selected, measured }: NodeInputs): Node {
  const node: Node = { id, type, position: { x: layout.x, y: layout.y }, data: {}, selected };
  if (parentId) node.parentId = parentId;
  if (type === 'domain') {
    node.width = layout.width ?? DEFAULT_DOMAIN_SIZE.width;
    node.height = layout.height ?? DEFAULT_DOMAIN_SIZE.height;
    // A domain is picked and dragged by its title; a press anywhere else inside it reaches the canvas,
    // so panning and box selection work over large domains too.
    node.zIndex = 0;
    node.dragHandle = DOMAIN_DRAG_HANDLE;
    node.style = PASS_POINTER_THROUGH;
  }
  if (measured) node.measured = measured;
  return node;
}

/**
 * Links as React Flow edges, each attached to the handle of its port or topic, with the same reuse
 * as for nodes; when no edge changed (a node is being dragged) the very same array comes back, so
 * React Flow does not re-index two thousand edges on every frame.
 */
export function createFlowEdgeBuilder(): (
  links: readonly Link[],
  selectedIds: ReadonlySet<string>,
  compatibility: ReadonlyMap<string, LinkCompatibility>,
) => Edge[] {
  interface Cached {
    link: Link;
    selected: boolean;
    compatibility: LinkCompatibility | undefined;
    edge: Edge;
  }
  let previous = new Map<string, Cached>();
  let previousEdges: Edge[] = [];
  return (links, selectedIds, compatibilityById) => {
    const next = new Map<string, Cached>();
    const edges = links.map((link) => {
      const selected = selectedIds.has(link.id);
      const compatibility = compatibilityById.get(link.id);
      const cached = previous.get(link.id);
      const isUnchanged =
        cached && cached.link === link && cached.selected === selected && cached.compatibility === compatibility;
      const edge = isUnchanged ? cached.edge : toFlowEdge(link, selected, compatibility);
      next.set(link.id, { link, selected, compatibility, edge });
      return edge;
    });
    previous = next;
    const unchanged = edges.length === previousEdges.length && edges.every((edge, at) => edge === previousEdges[at]);
    if (!unchanged) previousEdges = edges;
    return previousEdges;
  };
}

function toFlowEdge(link: Link, selected: boolean, compatibility: LinkCompatibility | undefined): Edge {
  const problems = compatibility?.status === 'incompatible' ? compatibility.problems : [];
  return {
    id: link.id,
    type: 'mesh-link',
    source: link.from.nodeId,
    sourceHandle: link.from.portId,
    target: link.to.nodeId,
    targetHandle: link.to.portId,
    selected,
    reconnectable: true,
    className: problems.length > 0 ? 'mesh-link edge--incompatible' : 'mesh-link',
    data: { problems: problems.map((problem) => problem.message) },
  };
}
