import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { DomainArrangement } from '../../../shared/editing/auto-layout';
import { type Size, sizeAtLeast } from '../../../shared/editing/geometry';
import { fewestBands, layersOf } from '../../../shared/editing/layered-domain-grid';
import { owningDomainId } from '../../../shared/editing/mesh-index';
import { DEFAULT_NODE_SIZE, DOMAIN_PADDING, MIN_DOMAIN_SIZE } from '../../../shared/editing/node-placement';
import type { Link, Mesh } from '../../../shared/model';

/** Beyond this many products and systems, ELK trades some crossing reduction for speed. */
const LARGE_LAYOUT = 300;

/**
 * Each domain is laid out on its own (the grid of domains is ours, see shared/editing/auto-layout):
 * laying out every product of a large mesh in one hierarchical graph took seconds and gave one
 * endless band. The root only holds the domains.
 */
const ROOT_OPTIONS: LayoutOptions = { 'elk.algorithm': 'fixed' };

/**
 * Left to right by data flow inside a domain; a long chain wraps into rows near a 16:10 box
 * rather than running off to the right. Links are drawn by the canvas (into the left, out of the
 * right of each node), so ELK places nodes and need not route ports.
 */
const DOMAIN_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'POLYLINE',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.componentComponent': '60',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.wrapping.strategy': 'MULTI_EDGE',
  'elk.aspectRatio': '1.6',
  'elk.padding': `[top=${DOMAIN_PADDING.top},left=${DOMAIN_PADDING.side},bottom=${DOMAIN_PADDING.bottom},right=${DOMAIN_PADDING.side}]`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
  'elk.nodeSize.minimum': `(${MIN_DOMAIN_SIZE.width}, ${MIN_DOMAIN_SIZE.height})`,
};
const FAST_OPTIONS: LayoutOptions = { 'elk.layered.thoroughness': '1' };
/**
 * A short chain reads best in one row; past eight layers, as between domains, the row wraps:
 * eleven products in one row made a block too flat to read once the mesh was fitted.
 */
const NO_WRAPPING: LayoutOptions = { 'elk.layered.wrapping.strategy': 'OFF' };

/** The mesh as an ELK graph: a block per domain holding its products and systems and the links among them. */
export function toElkGraph(mesh: Mesh, sizeOf: (nodeId: string) => Size | undefined): ElkNode {
  const isLarge = mesh.products.length + mesh.systems.length > LARGE_LAYOUT;
  const layoutOptions = isLarge ? { ...DOMAIN_OPTIONS, ...FAST_OPTIONS } : DOMAIN_OPTIONS;
  const linksByDomain = linksWithinDomains(mesh);
  const child = (id: string): ElkNode => ({ id, ...(sizeOf(id) ?? DEFAULT_NODE_SIZE) });
  return {
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    children: mesh.domains.map((domain) => {
      const children = [
        ...mesh.systems.filter((system) => system.domainId === domain.id).map((system) => child(system.id)),
        ...mesh.products.filter((product) => product.domainId === domain.id).map((product) => child(product.id)),
      ];
      const links = linksByDomain.get(domain.id) ?? [];
      const flows = links.map((link) => ({ from: link.from.nodeId, to: link.to.nodeId }));
      const wraps = fewestBands(layersOf(children, flows).length) > 1;
      return {
        id: domain.id,
        layoutOptions: wraps ? layoutOptions : { ...layoutOptions, ...NO_WRAPPING },
        children,
        edges: links.map((link) => ({ id: link.id, sources: [link.from.nodeId], targets: [link.to.nodeId] })),
      };
    }),
  };
}

/** Each domain's own links; links between domains run between the grid's blocks and do not shape a domain. */
function linksWithinDomains(mesh: Mesh): Map<string, Link[]> {
  const byDomain = new Map<string, Link[]>();
  for (const link of mesh.links) {
    const domainId = owningDomainId(mesh, link.from.nodeId);
    if (!domainId || domainId !== owningDomainId(mesh, link.to.nodeId)) continue;
    const links = byDomain.get(domainId);
    if (links) links.push(link);
    else byDomain.set(domainId, [link]);
  }
  return byDomain;
}

/**
 * ELK's result: each domain's size and its children's places inside it. ELK does not lay out a
 * domain with no children, so its minimum size is not applied there: it comes back 0×0.
 */
export function arrangementsFromElk(laidOut: ElkNode): DomainArrangement[] {
  return (laidOut.children ?? []).map((domain) => ({
    domainId: domain.id,
    size: sizeAtLeast(
      { width: Math.round(domain.width ?? 0), height: Math.round(domain.height ?? 0) },
      MIN_DOMAIN_SIZE,
    ),
    children: Object.fromEntries(
      (domain.children ?? []).map((child) => [child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) }]),
    ),
  }));
}
