import {
  distinctNodeName,
  distinctPortName,
  type Endpoint,
  type Link,
  type Mesh,
  type Note,
  resolveEndpoint,
} from '../model';
import { type DomainFlow, domainFlows } from './domain-overview';
import { memoizedOn } from './memo';
import { noteWords } from './note-words';

/** `Note: Allergen labels must…`: several notes sound alike by their kind alone. */
function noteAccessibleName(note: Note): string {
  const words = noteWords(note);
  return words ? `Note: ${words}` : 'Note';
}

/**
 * What a screen reader calls each canvas node: its kind, its name and, for products and systems,
 * its domain; for a note, the start of its text.
 */
export const nodeAccessibleNames = memoizedOn(
  (
    domains: Mesh['domains'],
    products: Mesh['products'],
    systems: Mesh['systems'],
    notes: NonNullable<Mesh['notes']>,
  ): ReadonlyMap<string, string> => {
    const domainNames = new Map(domains.map((domain) => [domain.id, domain.name]));
    const inDomain = (domainId: string) => (domainNames.has(domainId) ? ` in ${domainNames.get(domainId)}` : '');
    return new Map([
      ...domains.map((domain) => [domain.id, `Domain ${domain.name}`] as const),
      ...products.map((product) => [product.id, `Product ${product.name}${inDomain(product.domainId)}`] as const),
      ...systems.map((system) => [system.id, `System ${system.name}${inDomain(system.domainId)}`] as const),
      ...notes.map((note) => [note.id, noteAccessibleName(note)] as const),
    ]);
  },
);

const NO_NOTES: NonNullable<Mesh['notes']> = [];

export function nodeAccessibleNamesOf(mesh: Mesh): ReadonlyMap<string, string> {
  return nodeAccessibleNames(mesh.domains, mesh.products, mesh.systems, mesh.notes ?? NO_NOTES);
}

/**
 * `Bookings (bookings-cdc)`: the node's name, then its port's or topic's, each told apart from a
 * namesake (a copy pasted into another domain) as lists tell them apart, so two links never sound alike.
 */
function endpointAccessibleName(mesh: NodesWithPorts, endpoint: Endpoint): string {
  const resolved = resolveEndpoint(mesh, endpoint);
  if (!resolved) return `${endpoint.nodeId} (${endpoint.portId})`;
  return resolved.kind === 'port'
    ? `${distinctNodeName(mesh, resolved.product)} (${distinctPortName(resolved.product, resolved.port)})`
    : `${distinctNodeName(mesh, resolved.system)} (${resolved.topic.name})`;
}

/** `Link from Bookings (bookings-cdc) to Guest 360 (bookings-in)`: names, where React Flow would read out ids. */
export function linkAccessibleName(mesh: NodesWithPorts, link: Link): string {
  return `Link from ${endpointAccessibleName(mesh, link.from)} to ${endpointAccessibleName(mesh, link.to)}`;
}

type NodesWithPorts = Pick<Mesh, 'domains' | 'products' | 'systems'>;

const linkAccessibleNames = memoizedOn(
  (
    links: Mesh['links'],
    domains: Mesh['domains'],
    products: Mesh['products'],
    systems: Mesh['systems'],
  ): ReadonlyMap<string, string> => {
    const nodes: NodesWithPorts = { domains, products, systems };
    return new Map(links.map((link) => [link.id, linkAccessibleName(nodes, link)]));
  },
);

/** Every link's accessible name, worked out again only when links, domains, products or systems change. */
export function linkAccessibleNamesOf(mesh: Mesh): ReadonlyMap<string, string> {
  return linkAccessibleNames(mesh.links, mesh.domains, mesh.products, mesh.systems);
}

/** `2 links from Rolling Stock to Train Operations`: what an overview's edge between two domains stands for. */
export function domainFlowAccessibleName(domains: Mesh['domains'], flow: DomainFlow): string {
  const nameOf = (domainId: string) => domains.find((domain) => domain.id === domainId)?.name ?? domainId;
  return `${flow.links} ${flow.links === 1 ? 'link' : 'links'} from ${nameOf(flow.from)} to ${nameOf(flow.to)}`;
}

const domainFlowAccessibleNames = memoizedOn(
  (flows: readonly DomainFlow[], domains: Mesh['domains']): ReadonlyMap<string, string> =>
    new Map(flows.map((flow) => [flow.id, domainFlowAccessibleName(domains, flow)])),
);

/** Every overview edge's accessible name, by the id of the flow it draws. */
export function domainFlowAccessibleNamesOf(mesh: Mesh): ReadonlyMap<string, string> {
  return domainFlowAccessibleNames(domainFlows(mesh), mesh.domains);
}
