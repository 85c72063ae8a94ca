import { Memo } from '../../lineage/memo';
import { stronglyConnected } from '../../lineage/strongly-connected';
import type { DataProduct, ElementRef, Link, Mesh } from '../../model';
import { productPlace } from '../places';
import type { Rule } from '../rule';

/** Products feeding each other in a circle, as one closed walk: each step is the link into the next product. */
interface Cycle {
  productIds: string[];
  links: Link[];
}

export const productCyclesRule: Rule = {
  id: 'product-cycles',
  title: 'No cycles between data products',
  rationale: 'Products that feed each other cannot be deployed, versioned or recomputed one after the other.',
  defaultSeverity: 'error',
  reads: ['product outlines', 'links'],
  check({ mesh, graph }) {
    return productCycles(mesh).map((cycle) => {
      const names = cycle.productIds.map((id) => graph.products.get(id)?.item.name ?? id);
      const first = graph.products.get(cycle.productIds[0] as string)?.item;
      const related: ElementRef[] = [
        ...cycle.productIds.map((productId) => ({ kind: 'product' as const, productId })),
        ...cycle.links.map((link) => ({ kind: 'link' as const, linkId: link.id })),
      ];
      return {
        ...(first ? productPlace(graph, first) : { element: { kind: 'mesh' as const }, path: 'links' }),
        message: `Data products feed each other in a cycle: ${[...names, names[0]].join(' → ')}.`,
        fixHint: 'Remove one of the links in the cycle; derive shared data in one product that both read.',
        related,
        isShownOnRelated: true,
      };
    });
  },
};

/** Per list of links: the cycles, while the products' ids (all the search reads of them) stay the same. */
const cyclesByLinks = new Memo<readonly Link[], Cycle[]>();
/** Per list of products, their ids in order, as one text: equal texts compare equal. */
const idTexts = new Memo<readonly DataProduct[], string>();

/**
 * Per group of products that reach each other (strongly connected, Tarjan), a shortest cycle
 * through its first product in document order, then through each product no cycle passed yet.
 */
function productCycles(mesh: Mesh): Cycle[] {
  const ids = idTexts.get(mesh.products, [], () => mesh.products.map((product) => product.id).join('\n'));
  return cyclesByLinks.get(mesh.links, [ids], () => searchCycles(mesh));
}

function searchCycles(mesh: Mesh): Cycle[] {
  const productIds = new Set(mesh.products.map((product) => product.id));
  const next = new Map<string, Link[]>();
  for (const link of mesh.links) {
    const { nodeId: from } = link.from;
    const { nodeId: to } = link.to;
    if (from === to || !productIds.has(from) || !productIds.has(to)) continue;
    const list = next.get(from);
    if (list) list.push(link);
    else next.set(from, [link]);
  }
  const components = stronglyConnected(
    mesh.products.map((product) => product.id),
    (id) => (next.get(id) ?? []).map((link) => link.to.nodeId),
  ).filter((component) => component.length > 1);
  const order = new Map(mesh.products.map((product, index) => [product.id, index]));
  return components.flatMap((component) => {
    const members = new Set(component);
    // Products can feed each other in several cycles at once: each product gets one through it.
    const inCycle = new Set<string>();
    const cycles: Cycle[] = [];
    for (const start of component.toSorted((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
      if (inCycle.has(start)) continue;
      const cycle = shortestCycle(start, members, next);
      for (const id of cycle.productIds) inCycle.add(id);
      cycles.push(cycle);
    }
    return cycles;
  });
}

function shortestCycle(start: string, members: ReadonlySet<string>, next: ReadonlyMap<string, Link[]>): Cycle {
  const cameBy = new Map<string, Link>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const id = queue[at] as string;
    for (const link of next.get(id) ?? []) {
      const to = link.to.nodeId;
      if (!members.has(to) || cameBy.has(to)) continue;
      cameBy.set(to, link);
      if (to === start) break;
      queue.push(to);
    }
    if (cameBy.has(start)) break;
  }
  const links: Link[] = [];
  for (
    let link = cameBy.get(start);
    link;
    link = link.from.nodeId === start ? undefined : cameBy.get(link.from.nodeId)
  ) {
    links.unshift(link);
  }
  return { productIds: links.map((link) => link.from.nodeId), links };
}
