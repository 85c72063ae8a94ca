import { productFeeds, shortestFeedPath } from '../../editing/product-feeds';
import { Memo } from '../../lineage/memo';
import type { DataProduct, ElementRef, Link, Mesh } from '../../model';
import { stronglyConnected } from '../../model/strongly-connected';
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
  const feeds = productFeeds(mesh);
  const components = stronglyConnected(
    mesh.products.map((product) => product.id),
    (id) => (feeds.get(id) ?? []).map((link) => link.to.nodeId),
  ).filter((component) => component.length > 1);
  const order = new Map(mesh.products.map((product, index) => [product.id, index]));
  return components.flatMap((component) => {
    const members = new Set(component);
    // Products can feed each other in several cycles at once: each product gets one through it.
    const inCycle = new Set<string>();
    const cycles: Cycle[] = [];
    for (const start of component.toSorted((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
      if (inCycle.has(start)) continue;
      // A product in a strongly connected group is on a cycle within it.
      const links = shortestFeedPath(feeds, start, start, members) ?? [];
      const cycle = { productIds: links.map((link) => link.from.nodeId), links };
      for (const id of cycle.productIds) inCycle.add(id);
      cycles.push(cycle);
    }
    return cycles;
  });
}
