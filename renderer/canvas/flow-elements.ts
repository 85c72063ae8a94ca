import { type Edge, type EdgeMarker, MarkerType, type Node } from '@xyflow/react';
import type { LinkCompatibility } from '../../shared/contracts';
import type { DomainFlow } from '../../shared/editing/domain-overview';
import type { Point, Size } from '../../shared/editing/geometry';
import { memoizedOn } from '../../shared/editing/memo';
import { DEFAULT_DOMAIN_SIZE, DEFAULT_NODE_SIZE, DEFAULT_NOTE_SIZE } from '../../shared/editing/node-placement';
import type { Layout, Link, Mesh, NodeLayout, RuleSeverity } from '../../shared/model';
import type { RulePolicy } from '../../shared/validation/policy';

/** `domain-block`: a domain drawn as one block with its counts, when zoomed too far out to read products. */
export type MeshNodeType = 'domain' | 'domain-block' | 'product' | 'system' | 'note';

/** How a node or link stands out: on the selection's path, outside a lineage focus (dimmed), or neither. */
export type Emphasis = 'upstream' | 'downstream' | 'dimmed';

/** What the canvas shows beside the document: selection, measured sizes, what stands out. */
export interface FlowView {
  selectedIds: ReadonlySet<string>;
  measured: ReadonlyMap<string, Size>;
  /** Nodes dimmed outside a lineage focus. */
  dimmedIds?: ReadonlySet<string>;
  /** The node the arrow keys reached. */
  cursorId?: string | null;
  /** What a screen reader calls each node (see canvas-accessible-names.ts). */
  accessibleNames?: ReadonlyMap<string, string>;
  /** Domains drawn larger than stored, around children that grew (see domainSizeAsDrawn). */
  domainSizes?: ReadonlyMap<string, Size>;
}

/** What the canvas must know of a node to place it; its name, ports and the rest the node reads itself. */
export interface NodeOutline {
  id: string;
  type: MeshNodeType;
  /** The domain of a product or system. */
  parentId?: string;
}

let lastOutline: { sections: readonly (readonly unknown[] | undefined)[]; keys: string[] } | undefined;

/**
 * The outline of every node, as strings, so a shallow comparison tells the canvas whether any
 * node was added, removed or moved to another domain; editing a product's fields changes nothing here.
 * Domains come first: React Flow needs parents before their children; notes last, on top.
 */
export function nodeOutlineKeys(mesh: Mesh): string[] {
  const sections = [mesh.domains, mesh.systems, mesh.products, mesh.notes] as const;
  // Asked on every change (every frame of a drag); the outline only changes with those lists.
  if (lastOutline && sections.every((section, index) => section === lastOutline?.sections[index])) {
    return lastOutline.keys;
  }
  const keys = [
    ...mesh.domains.map((domain) => `domain ${domain.id}`),
    ...mesh.systems.map((system) => `system ${system.id} ${system.domainId}`),
    ...mesh.products.map((product) => `product ${product.id} ${product.domainId}`),
    ...(mesh.notes ?? []).map((note) => `note ${note.id}`),
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

/** Seen from far away: domains as blocks and the notes; products and systems are summed up in their block. */
export function overviewOutline(outline: readonly NodeOutline[]): NodeOutline[] {
  return outline.flatMap((node): NodeOutline[] => {
    if (node.type === 'domain') return [{ id: node.id, type: 'domain-block' }];
    return node.type === 'note' ? [node] : [];
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
  isDimmed: boolean;
  isCursor: boolean;
  ariaLabel: string | undefined;
  drawnSize: Size | undefined;
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
        isDimmed: view.dimmedIds?.has(id) ?? false,
        isCursor: view.cursorId === id,
        ariaLabel: view.accessibleNames?.get(id),
        drawnSize: view.domainSizes?.get(id),
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
    a.measured === b.measured &&
    a.isDimmed === b.isDimmed &&
    a.isCursor === b.isCursor &&
    a.ariaLabel === b.ariaLabel &&
    a.drawnSize?.width === b.drawnSize?.width &&
    a.drawnSize?.height === b.drawnSize?.height
  );
}

function toFlowNode(id: string, inputs: NodeInputs): Node {
  const { type, parentId, layout = ORIGIN, selected, measured } = inputs;
  const node: Node = { id, type, position: { x: layout.x, y: layout.y }, data: {}, selected };
  if (parentId) node.parentId = parentId;
  if (inputs.ariaLabel) node.ariaLabel = inputs.ariaLabel;
  const classes = [inputs.isDimmed && 'is-dimmed', inputs.isCursor && 'is-cursor', layout.locked && 'is-locked'];
  const className = classes.filter(Boolean).join(' ');
  if (className) node.className = className;
  if (layout.locked) node.draggable = false;
  if (type === 'domain' || type === 'domain-block') {
    node.width = inputs.drawnSize?.width ?? layout.width ?? DEFAULT_DOMAIN_SIZE.width;
    node.height = inputs.drawnSize?.height ?? layout.height ?? DEFAULT_DOMAIN_SIZE.height;
    node.zIndex = 0;
  }
  if (type === 'domain') {
    // A domain is picked and dragged by its title; a press anywhere else inside it reaches the canvas,
    // so panning and box selection work over large domains too.
    node.dragHandle = DOMAIN_DRAG_HANDLE;
    node.style = PASS_POINTER_THROUGH;
  }
  if (type === 'note') {
    node.width = layout.width ?? DEFAULT_NOTE_SIZE.width;
    node.height = layout.height ?? DEFAULT_NOTE_SIZE.height;
  }
  if (measured) node.measured = measured;
  // Shown (so able to take the focus) from its first drawing, not only once measured: a node named
  // for the first time is drawn anew under the id its name gives, and Enter gives it the focus at once.
  else if (type === 'product' || type === 'system') {
    node.initialWidth = DEFAULT_NODE_SIZE.width;
    node.initialHeight = DEFAULT_NODE_SIZE.height;
  }
  return node;
}

/** Arrowheads point the way data flows; each look has its own colour, so its head matches its line. */
const ARROW: Record<
  'plain' | 'incompatible' | 'incompatible-warning' | 'incompatible-info' | 'selected' | 'upstream' | 'downstream',
  EdgeMarker
> = {
  plain: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: 'var(--link)' },
  incompatible: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: 'var(--danger)' },
  'incompatible-warning': { type: MarkerType.ArrowClosed, width: 14, height: 14, color: 'var(--warning)' },
  'incompatible-info': { type: MarkerType.ArrowClosed, width: 14, height: 14, color: 'var(--info)' },
  selected: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: 'var(--accent)' },
  upstream: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: 'var(--upstream)' },
  downstream: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: 'var(--downstream)' },
};

export interface MeshLinkData extends Record<string, unknown> {
  /** Why the producer's contract does not give the consumer what it needs, one line per field. */
  problems: string[];
  /** The tooltip's first line over the problems: what the link-compatibility rule's policy makes of them. */
  problemsHeading?: string;
  /** Outside a lineage focus: drawn faintly, and not labelled on hover. */
  isDimmed?: boolean;
  /** Its place among the links joining the same two nodes (0 for the first), so their routes stay apart. */
  lane: number;
}

interface EdgeInputs {
  link: Link;
  lane: number;
  selected: boolean;
  compatibility: LinkCompatibility | undefined;
  emphasis: Emphasis | undefined;
  compatibilityPolicy: RulePolicy;
  ariaLabel: string | undefined;
}

/** The link-compatibility rule as it is when the design's policies leave it alone. */
const COMPATIBILITY_BY_DEFAULT: RulePolicy = { severity: 'error', isSet: false };

/**
 * Links as React Flow edges, each attached to the handle of its port or topic, with the same reuse
 * as for nodes; when no edge changed (a node is being dragged) the very same array comes back, so
 * React Flow does not re-index two thousand edges on every frame.
 */
export function createFlowEdgeBuilder(): (
  links: readonly Link[],
  selectedIds: ReadonlySet<string>,
  compatibility: ReadonlyMap<string, LinkCompatibility>,
  emphasis?: ReadonlyMap<string, Emphasis>,
  compatibilityPolicy?: RulePolicy,
  accessibleNames?: ReadonlyMap<string, string>,
) => Edge[] {
  let previous = new Map<string, { inputs: EdgeInputs; edge: Edge }>();
  let previousEdges: Edge[] = [];
  return (
    links,
    selectedIds,
    compatibilityById,
    emphasisById,
    compatibilityPolicy = COMPATIBILITY_BY_DEFAULT,
    accessibleNames,
  ) => {
    const next = new Map<string, { inputs: EdgeInputs; edge: Edge }>();
    const lanes = lanesOf(links);
    const edges = links.map((link) => {
      const inputs: EdgeInputs = {
        link,
        lane: lanes.get(link.id) ?? 0,
        selected: selectedIds.has(link.id),
        compatibility: compatibilityById.get(link.id),
        emphasis: emphasisById?.get(link.id),
        compatibilityPolicy,
        ariaLabel: accessibleNames?.get(link.id),
      };
      const cached = previous.get(link.id);
      const isUnchanged =
        cached &&
        cached.inputs.link === link &&
        cached.inputs.lane === inputs.lane &&
        cached.inputs.selected === inputs.selected &&
        cached.inputs.compatibility === inputs.compatibility &&
        cached.inputs.emphasis === inputs.emphasis &&
        cached.inputs.compatibilityPolicy === inputs.compatibilityPolicy &&
        cached.inputs.ariaLabel === inputs.ariaLabel;
      const edge = isUnchanged ? cached.edge : toFlowEdge(inputs);
      next.set(link.id, { inputs, edge });
      return edge;
    });
    previous = next;
    const unchanged = edges.length === previousEdges.length && edges.every((edge, at) => edge === previousEdges[at]);
    if (!unchanged) previousEdges = edges;
    return previousEdges;
  };
}

/** Each link's place among the links joining the same two nodes, in document order. */
const lanesOf = memoizedOn((links: readonly Link[]): ReadonlyMap<string, number> => {
  const taken = new Map<string, number>();
  const lanes = new Map<string, number>();
  for (const link of links) {
    const pair = `${link.from.nodeId}\u0000${link.to.nodeId}`;
    const lane = taken.get(pair) ?? 0;
    lanes.set(link.id, lane);
    taken.set(pair, lane + 1);
  }
  return lanes;
});

function toFlowEdge({
  link,
  lane,
  selected,
  compatibility,
  emphasis,
  compatibilityPolicy,
  ariaLabel,
}: EdgeInputs): Edge {
  const problems = compatibility?.status === 'incompatible' ? compatibility.problems : [];
  const incompatibility = problems.length > 0 ? INCOMPATIBILITY_LOOK[compatibilityPolicy.severity] : undefined;
  const classes = ['mesh-link', incompatibility?.className, emphasis && `edge--${emphasis}`];
  const look = selected
    ? 'selected'
    : incompatibility?.arrow
      ? incompatibility.arrow
      : emphasis === 'upstream' || emphasis === 'downstream'
        ? emphasis
        : 'plain';
  const data: MeshLinkData = { problems: problems.map((problem) => problem.message), lane };
  if (problems.length > 0) data.problemsHeading = incompatibilityHeading(compatibilityPolicy);
  if (emphasis === 'dimmed') data.isDimmed = true;
  return {
    id: link.id,
    type: 'mesh-link',
    source: link.from.nodeId,
    sourceHandle: link.from.portId,
    target: link.to.nodeId,
    targetHandle: link.to.portId,
    selected,
    reconnectable: true,
    className: classes.filter(Boolean).join(' '),
    markerEnd: ARROW[look],
    data,
    ...(ariaLabel && { ariaLabel }),
  };
}

/** An incompatible link looks like a finding of its rule's severity; turned off, it is drawn as any link. */
const INCOMPATIBILITY_LOOK: Record<RuleSeverity, { className: string; arrow?: keyof typeof ARROW }> = {
  error: { className: 'edge--incompatible', arrow: 'incompatible' },
  warning: { className: 'edge--incompatible-warning', arrow: 'incompatible-warning' },
  info: { className: 'edge--incompatible-info', arrow: 'incompatible-info' },
  off: { className: 'edge--incompatible-off' },
};

function incompatibilityHeading({ severity, reason, isSet }: RulePolicy): string {
  if (severity === 'off') return `Incompatible link, turned off: ${reason ?? 'no reason given'}`;
  if (!isSet) return 'Incompatible link:';
  return `Incompatible link (${severity}${reason ? `: ${reason}` : ''}):`;
}

export interface DomainFlowData extends Record<string, unknown> {
  links: number;
  /** Where its count is drawn, clear of the blocks and the other counts; else on the middle of its curve. */
  countAt?: Point;
}

/** Links between domains, one edge per pair, labelled with how many links it stands for (overview). */
export function domainFlowEdges(
  flows: readonly DomainFlow[],
  dimmedIds?: ReadonlySet<string>,
  countPlaces?: ReadonlyMap<string, Point>,
  accessibleNames?: ReadonlyMap<string, string>,
): Edge[] {
  return flows.map((flow) => {
    const countAt = countPlaces?.get(flow.id);
    const data: DomainFlowData = countAt ? { links: flow.links, countAt } : { links: flow.links };
    const isDimmed = dimmedIds?.has(flow.from) || dimmedIds?.has(flow.to);
    const ariaLabel = accessibleNames?.get(flow.id);
    return {
      id: `flow:${flow.id}`,
      type: 'domain-flow',
      source: flow.from,
      sourceHandle: 'out',
      target: flow.to,
      targetHandle: 'in',
      selectable: false,
      focusable: false,
      reconnectable: false,
      className: isDimmed ? 'domain-flow edge--dimmed' : 'domain-flow',
      data,
      ...(ariaLabel && { ariaLabel }),
    };
  });
}
