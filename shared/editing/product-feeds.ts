import type { DataProduct, Link, Mesh } from '../model';
import { memoizedOn } from './memo';

/** Per product, the links from it into another product: the graph data products feed each other on. */
export type ProductFeeds = ReadonlyMap<string, readonly Link[]>;

const feedsOf = memoizedOn((links: readonly Link[], products: readonly DataProduct[]): ProductFeeds => {
  const productIds = new Set(products.map((product) => product.id));
  const next = new Map<string, Link[]>();
  for (const link of links) {
    const { nodeId: from } = link.from;
    const { nodeId: to } = link.to;
    if (from === to || !productIds.has(from) || !productIds.has(to)) continue;
    const list = next.get(from);
    if (list) list.push(link);
    else next.set(from, [link]);
  }
  return next;
});

/** The links between two different products, by the product they leave (systems feed, but are never fed). */
export function productFeeds(mesh: Mesh): ProductFeeds {
  return feedsOf(mesh.links, mesh.products);
}

/**
 * The fewest links data takes from product `from` to product `to` (breadth first), passing only
 * through `within` when given; for `to` equal to `from`, a shortest cycle through it. Undefined
 * when `to` is out of reach.
 */
export function shortestFeedPath(
  feeds: ProductFeeds,
  from: string,
  to: string,
  within?: ReadonlySet<string>,
): Link[] | undefined {
  const cameBy = new Map<string, Link>();
  const queue = [from];
  for (let at = 0; at < queue.length && !cameBy.has(to); at++) {
    for (const link of feeds.get(queue[at] as string) ?? []) {
      const reached = link.to.nodeId;
      if ((within && !within.has(reached)) || cameBy.has(reached)) continue;
      cameBy.set(reached, link);
      if (reached === to) break;
      queue.push(reached);
    }
  }
  if (!cameBy.has(to)) return undefined;
  const links: Link[] = [];
  for (let link = cameBy.get(to); link; link = link.from.nodeId === from ? undefined : cameBy.get(link.from.nodeId)) {
    links.unshift(link);
  }
  return links;
}

/** The products a new link closes a loop through, from its source round to it again (`[A, B, A]`); undefined when it closes none. */
export function loopClosedBy(mesh: Mesh, link: Link): string[] | undefined {
  const back = shortestFeedPath(productFeeds(mesh), link.to.nodeId, link.from.nodeId);
  return back && [link.from.nodeId, link.to.nodeId, ...back.map((step) => step.to.nodeId)];
}
