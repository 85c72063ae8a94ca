import type { Link } from '../model';
import { memoizedOn } from './memo';

/** Where data comes from (upstream) and goes to (downstream) from some nodes, following links. */
export interface Lineage {
  /** The nodes reached, with their distance in links: negative upstream, positive downstream, 0 for the start. */
  hops: ReadonlyMap<string, number>;
  upstreamLinks: ReadonlySet<string>;
  downstreamLinks: ReadonlySet<string>;
  /** The most links walked away from the start on either side: more hops than this show nothing more. */
  depth: number;
}

interface Adjacency {
  outgoing: ReadonlyMap<string, Link[]>;
  incoming: ReadonlyMap<string, Link[]>;
}

const adjacencyOf = memoizedOn((links: readonly Link[]): Adjacency => {
  const outgoing = new Map<string, Link[]>();
  const incoming = new Map<string, Link[]>();
  const add = (map: Map<string, Link[]>, nodeId: string, link: Link) => {
    const list = map.get(nodeId);
    if (list) list.push(link);
    else map.set(nodeId, [link]);
  };
  for (const link of links) {
    add(outgoing, link.from.nodeId, link);
    add(incoming, link.to.nodeId, link);
  }
  return { outgoing, incoming };
});

/**
 * The lineage of `startIds` within `maxHops` links each way (every hop when absent): the nodes
 * that feed them, directly or through others, and the nodes they feed, with the links between.
 */
export function lineageOf(
  links: readonly Link[],
  startIds: Iterable<string>,
  maxHops = Number.POSITIVE_INFINITY,
): Lineage {
  const { outgoing, incoming } = adjacencyOf(links);
  const starts = [...startIds];
  const hops = new Map(starts.map((id) => [id, 0]));
  let depth = 0;
  const walk = (next: ReadonlyMap<string, Link[]>, direction: 1 | -1) => {
    const walked = new Set<string>();
    const seen = new Set(starts);
    let frontier = [...seen];
    for (let distance = 1; distance <= maxHops && frontier.length > 0; distance++) {
      const reached: string[] = [];
      for (const nodeId of frontier) {
        for (const link of next.get(nodeId) ?? []) {
          walked.add(link.id);
          depth = Math.max(depth, distance);
          const other = direction === 1 ? link.to.nodeId : link.from.nodeId;
          if (seen.has(other)) continue;
          seen.add(other);
          reached.push(other);
          if (!hops.has(other)) hops.set(other, direction * distance);
        }
      }
      frontier = reached;
    }
    return walked;
  };
  const downstreamLinks = walk(outgoing, 1);
  const upstreamLinks = walk(incoming, -1);
  return { hops, upstreamLinks, downstreamLinks, depth };
}

/** The hops that show a node's whole lineage (at least one): a long chain needs as many as its links. */
export function hopsToWholeLineage(links: readonly Link[], nodeId: string): number {
  return Math.max(1, lineageOf(links, [nodeId]).depth);
}
