import { withContractIdentity } from '../contracts/contract-edits';
import {
  type Contract,
  type DataProduct,
  type Domain,
  firstFreeName,
  type Link,
  type Mesh,
  type NodeLayout,
  type OperationalSystem,
  uniqueId,
} from '../model';
import type { Point } from './geometry';
import { contractIdsOf, nodeIds } from './mesh-index';
import { DEFAULT_NODE_SIZE, growDomainToFit } from './node-placement';

/** A copied part of a mesh: whole elements with their internal links, contracts and layout. */
export interface MeshFragment {
  domains: Domain[];
  products: DataProduct[];
  systems: OperationalSystem[];
  /** Links whose both ends were copied. */
  links: Link[];
  /** Contracts the copied ports and events are governed by. */
  contracts: Contract[];
  layout: Record<string, NodeLayout>;
  /** Domains of copied products and systems that were not copied themselves, recreated if the target lacks them. */
  hostDomains: Domain[];
}

export interface PastedElements {
  mesh: Mesh;
  /** What to select afterwards: pasted domains, pasted children outside them, and pasted links. */
  nodeIds: string[];
  linkIds: string[];
}

/** Each paste lands this much further from the original, so copies never hide under each other. */
export const PASTE_OFFSET: Point = { x: 32, y: 32 };

export function copyFragment(mesh: Mesh, selectedIds: ReadonlySet<string>): MeshFragment {
  const domains = mesh.domains.filter((domain) => selectedIds.has(domain.id));
  const copiedDomainIds = new Set(domains.map((domain) => domain.id));
  const isCopied = (node: { id: string; domainId: string }) =>
    selectedIds.has(node.id) || copiedDomainIds.has(node.domainId);
  const products = mesh.products.filter(isCopied);
  const systems = mesh.systems.filter(isCopied);
  const children = [...products, ...systems];
  const copiedIds = new Set([...copiedDomainIds, ...children.map((node) => node.id)]);
  const contractIds = new Set(children.flatMap(contractIdsOf));
  const hostDomains = mesh.domains.filter(
    (domain) => !copiedDomainIds.has(domain.id) && children.some((node) => node.domainId === domain.id),
  );
  const layoutIds = [...copiedIds, ...hostDomains.map((domain) => domain.id)];
  return structuredClone({
    domains,
    products,
    systems,
    links: mesh.links.filter((link) => copiedIds.has(link.from.nodeId) && copiedIds.has(link.to.nodeId)),
    contracts: mesh.contracts.filter((contract) => contractIds.has(contract.id)),
    layout: Object.fromEntries(layoutIds.flatMap((id) => (mesh.layout.nodes[id] ? [[id, mesh.layout.nodes[id]]] : []))),
    hostDomains,
  });
}

/**
 * Adds a copy of the fragment with fresh ids, links between copied elements remapped to the
 * copies, names made unique in their scope, and positions shifted by `offset`.
 */
export function pasteFragment(mesh: Mesh, fragment: MeshFragment, offset: Point): PastedElements {
  const takenIds = nodeIds(mesh);
  const freshNodeId = (id: string) => {
    const fresh = uniqueId(id, takenIds);
    takenIds.add(fresh);
    return fresh;
  };
  const layout = { ...mesh.layout.nodes };
  const shifted = (id: string): NodeLayout => {
    const at = fragment.layout[id] ?? { x: 0, y: 0 };
    return { ...at, x: at.x + offset.x, y: at.y + offset.y };
  };

  const domainIds = new Map<string, string>();
  const domains = [...mesh.domains];
  const domainNames = () => domains.map((domain) => domain.name);
  const pasteDomain = (domain: Domain) => {
    const id = freshNodeId(domain.id);
    domainIds.set(domain.id, id);
    domains.push({ ...domain, id, name: firstFreeName(domain.name, domainNames()) });
    layout[id] = shifted(domain.id);
    return id;
  };
  const pastedDomainIds = fragment.domains.map(pasteDomain);
  const recreatedHosts = fragment.hostDomains.filter((host) => !domains.some((domain) => domain.id === host.id));
  pastedDomainIds.push(...recreatedHosts.map(pasteDomain));
  const isInPastedDomain = (oldDomainId: string) => domainIds.has(oldDomainId);

  const contractIds = new Map<string, string>();
  const takenContractIds = new Set(mesh.contracts.map((contract) => contract.id));
  const nodeIdMap = new Map(domainIds);
  for (const node of [...fragment.products, ...fragment.systems]) nodeIdMap.set(node.id, freshNodeId(node.id));
  const contracts = fragment.contracts.map((contract) => {
    const id = uniqueId(contract.id, takenContractIds);
    takenContractIds.add(id);
    contractIds.set(contract.id, id);
    const dataProduct = contract.dataProduct && (nodeIdMap.get(contract.dataProduct) ?? contract.dataProduct);
    // The copy's text takes the new id too: the model is only ever read from it.
    return withContractIdentity(contract, { id, ...(dataProduct !== undefined && { dataProduct }) });
  });
  const remapContract = <T extends { contractId?: string }>(referrer: T): T =>
    referrer.contractId && contractIds.has(referrer.contractId)
      ? { ...referrer, contractId: contractIds.get(referrer.contractId) }
      : referrer;

  const siblingNames = (nodes: ReadonlyArray<{ domainId: string; name: string }>, domainId: string) =>
    nodes.filter((node) => node.domainId === domainId).map((node) => node.name);
  const placeChild = <T extends { id: string; domainId: string; name: string }>(node: T, siblings: T[]): T => {
    const id = nodeIdMap.get(node.id) as string;
    const domainId = domainIds.get(node.domainId) ?? node.domainId;
    const original = fragment.layout[node.id] ?? { x: 0, y: 0 };
    layout[id] = isInPastedDomain(node.domainId) ? { ...original } : shifted(node.id);
    return { ...node, id, domainId, name: firstFreeName(node.name, siblingNames(siblings, domainId)) };
  };
  const products = [...mesh.products];
  for (const product of fragment.products) {
    products.push(placeChild({ ...product, outputPorts: product.outputPorts.map(remapContract) }, products));
  }
  const systems = [...mesh.systems];
  for (const system of fragment.systems) {
    systems.push(placeChild({ ...system, publishes: system.publishes.map(remapContract) }, systems));
  }

  const takenLinkIds = new Set(mesh.links.map((link) => link.id));
  const links = fragment.links.map((link) => {
    const id = uniqueId(link.id, takenLinkIds);
    takenLinkIds.add(id);
    return {
      id,
      from: { ...link.from, nodeId: nodeIdMap.get(link.from.nodeId) as string },
      to: { ...link.to, nodeId: nodeIdMap.get(link.to.nodeId) as string },
    };
  });

  let pasted: Mesh = {
    ...mesh,
    domains,
    products,
    systems,
    contracts: [...mesh.contracts, ...contracts],
    links: [...mesh.links, ...links],
    layout: { ...mesh.layout, nodes: layout },
  };
  const looseChildren = [...fragment.products, ...fragment.systems].filter((node) => !isInPastedDomain(node.domainId));
  for (const node of looseChildren) {
    const id = nodeIdMap.get(node.id) as string;
    const at = layout[id] as NodeLayout;
    pasted = growDomainToFit(pasted, node.domainId, { x: at.x, y: at.y, ...DEFAULT_NODE_SIZE });
  }
  return {
    mesh: pasted,
    nodeIds: [...pastedDomainIds, ...looseChildren.map((node) => nodeIdMap.get(node.id) as string)],
    linkIds: links.map((link) => link.id),
  };
}
