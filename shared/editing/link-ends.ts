import {
  type ConnectionOptions,
  distinctNodeName,
  type Endpoint,
  endpointName,
  type Mesh,
  productPorts,
  sameEndpoint,
} from '../model';
import { domainById, productById, systemById } from './mesh-index';
import { searchable } from './mesh-search';
import { productFeeds, shortestFeedPath } from './product-feeds';

/** One end a link can have: a port or a topic of a node, named for a list the user picks from. */
export interface LinkEnd {
  endpoint: Endpoint;
  /** `Orders · orders-out` */
  label: string;
  /** Whether data leaves there (an output port or a topic) rather than arrives (an input port). */
  sends: boolean;
  /** For an input port a link already feeds: what feeds it (`Shop · items-cdc`). An input takes one source. */
  fedBy?: string;
  /** For a target of the Connect… dialog: whether a link to it would close a loop, data coming back to where it left. */
  closesLoop?: boolean;
}

/** Every end a link can have in the design, node by node: output ports and topics, then input ports. */
function allLinkEnds(mesh: Mesh): LinkEnd[] {
  const end = (nodeId: string, portId: string, sends: boolean): LinkEnd => {
    const endpoint = { nodeId, portId };
    const feeding = sends ? undefined : mesh.links.find((link) => sameEndpoint(link.to, endpoint));
    return {
      endpoint,
      label: endpointName(mesh, endpoint),
      sends,
      ...(feeding && { fedBy: endpointName(mesh, feeding.from) }),
    };
  };
  return [
    ...mesh.products.flatMap((product) =>
      productPorts(product)
        .filter((port) => port.direction !== 'discovery')
        .map((port) => end(product.id, port.id, port.direction === 'output'))
        .sort((first, second) => Number(second.sends) - Number(first.sends)),
    ),
    ...mesh.systems.flatMap((system) => system.messaging.topics.map((topic) => end(system.id, topic.id, true))),
  ];
}

/** The ends a link from the keyboard can start at on one node: what it sends first, then its inputs. */
export function linkEndsOf(mesh: Mesh, nodeId: string): LinkEnd[] {
  return allLinkEnds(mesh).filter((end) => end.endpoint.nodeId === nodeId);
}

/**
 * The ends on other nodes that a link from `start` could reach: inputs for an end that sends,
 * else outputs and topics. Free inputs come first; inputs already fed follow, marked with what
 * feeds them and not to pick (see takesLink), so in a large design a free one is quick to find. Last come the ends a link would
 * close a loop through (upstream of an end that sends, downstream of an input), marked so.
 */
export function oppositeLinkEnds(mesh: Mesh, start: LinkEnd): LinkEnd[] {
  const feeds = productFeeds(mesh);
  const startId = start.endpoint.nodeId;
  const closesLoop = (nodeId: string) =>
    Boolean(start.sends ? shortestFeedPath(feeds, nodeId, startId) : shortestFeedPath(feeds, startId, nodeId));
  const opposite = allLinkEnds(mesh)
    .filter((end) => end.endpoint.nodeId !== startId && end.sends !== start.sends)
    .map((end) => (closesLoop(end.endpoint.nodeId) ? { ...end, closesLoop: true } : end));
  const inOrder = (ends: LinkEnd[]) => [...ends.filter((end) => !end.fedBy), ...ends.filter((end) => end.fedBy)];
  return [...inOrder(opposite.filter((end) => !end.closesLoop)), ...inOrder(opposite.filter((end) => end.closesLoop))];
}

/** The design as it would be without one link: the input it feeds is free again, and no loop runs through it. */
function withoutLink(mesh: Mesh, linkId: string): Mesh {
  return { ...mesh, links: mesh.links.filter((link) => link.id !== linkId) };
}

/**
 * The two ends of a link, its source then its target, as the end it keeps while the other moves
 * (Move Link End…); empty where there is no such link.
 */
export function endsOfLink(mesh: Mesh, linkId: string): LinkEnd[] {
  const link = mesh.links.find((candidate) => candidate.id === linkId);
  if (!link) return [];
  const ends = allLinkEnds(withoutLink(mesh, linkId));
  return [link.from, link.to].flatMap((endpoint) => ends.filter((end) => sameEndpoint(end.endpoint, endpoint)));
}

/**
 * Where the other end of a link can move while it keeps `kept`: what a new link from `kept` could
 * reach, this link set aside (the input it feeds is free for it), less the end it has now.
 */
export function endsToMoveTo(mesh: Mesh, linkId: string, kept: LinkEnd): LinkEnd[] {
  const link = mesh.links.find((candidate) => candidate.id === linkId);
  if (!link) return [];
  const current = sameEndpoint(link.from, kept.endpoint) ? link.to : link.from;
  return oppositeLinkEnds(withoutLink(mesh, linkId), kept).filter((end) => !sameEndpoint(end.endpoint, current));
}

/** Whether a link may end at `end`: an input port already fed takes no second source, so it is shown but not to pick. */
export const takesLink = (end: LinkEnd): boolean => !end.fedBy;

/**
 * The first end a link may end at, from `index` on, `step` at a time (1 down the list, -1 up);
 * undefined where none is.
 */
export function linkableIndexFrom(ends: readonly LinkEnd[], index: number, step: 1 | -1): number | undefined {
  for (let at = index; at >= 0 && at < ends.length; at += step) {
    const end = ends[at];
    if (end && takesLink(end)) return at;
  }
  return undefined;
}

/**
 * The ends whose product (or system), port (or topic) or domain contains `query`, ignoring case
 * and accents: what the Connect… dialog's filter shows. All of them for an empty query.
 */
export function filterLinkEnds(mesh: Mesh, ends: readonly LinkEnd[], query: string): LinkEnd[] {
  const wanted = searchable(query.trim());
  if (!wanted) return [...ends];
  return ends.filter((end) => {
    const node = productById(mesh, end.endpoint.nodeId) ?? systemById(mesh, end.endpoint.nodeId);
    const domainName = node ? (domainById(mesh, node.domainId)?.name ?? '') : '';
    return searchable(`${end.label} ${domainName}`).includes(wanted);
  });
}

export type DropEnd = { ok: true; endpoint: Endpoint } | { ok: false; reason: string };

/**
 * Where a link dragged from `start` and dropped on a node's body (not on a dot) joins it: the
 * node's one end of the other kind (an input for a link that sends, else an output or topic), or
 * the one free input among several; otherwise why nothing was linked. A link being re-routed
 * (`replacingLinkId`) leaves its input, which is free for it.
 */
export function linkEndForDropOn(
  meshWithLink: Mesh,
  start: Endpoint,
  nodeId: string,
  options: ConnectionOptions = {},
): DropEnd {
  const mesh = options.replacingLinkId ? withoutLink(meshWithLink, options.replacingLinkId) : meshWithLink;
  const startSends = linkEndsOf(mesh, start.nodeId).find((end) => sameEndpoint(end.endpoint, start))?.sends;
  const node = productById(mesh, nodeId) ?? systemById(mesh, nodeId);
  if (startSends === undefined || !node) return { ok: false, reason: 'One end of the link no longer exists.' };
  const name = distinctNodeName(mesh, node);
  const candidates = linkEndsOf(mesh, nodeId).filter((end) => end.sends !== startSends);
  const free = candidates.filter((end) => !end.fedBy);
  const [only] = candidates.length === 1 ? candidates : free.length === 1 ? free : [];
  if (only) return { ok: true, endpoint: only.endpoint };
  const nothingLinked = (why: string) => ({ ok: false as const, reason: `Nothing linked: ${name} ${why}` });
  if (candidates.length === 0)
    return nothingLinked(
      startSends ? 'has no input port for a link from an output.' : 'has no output or topic for a link into an input.',
    );
  const pickOne = 'drop the link on the dot of the one you mean.';
  if (!startSends) return nothingLinked(`has ${candidates.length} outputs and topics; ${pickOne}`);
  if (free.length === 0)
    return nothingLinked(
      `has no free input port: all ${candidates.length} are fed already; add another for a second source.`,
    );
  return nothingLinked(`has ${free.length} free input ports; ${pickOne}`);
}
