import { withContractIdentity } from '../contracts/contract-edits';
import {
  type Contract,
  type DataProduct,
  type Domain,
  type Link,
  type Mesh,
  type NodeLayout,
  type Note,
  type OperationalSystem,
  uniqueId,
} from '../model';
import {
  DOMAIN_SPACING,
  SIBLING_SPACING,
  withDomainGrownAside,
  withDomainsApart,
  withNotesClearOfDomainsMovedSince,
} from './containment';
import { pastedContractDomain, servingDomains } from './contract-domains';
import { copyName } from './copy-names';
import {
  boundsOf,
  inflate,
  nearestClearOffset,
  overlaps,
  type Point,
  type Rect,
  slideClear,
  slideClearNearest,
  translate,
} from './geometry';
import { newLinkId } from './links';
import { contractIdsOf, linksWithin, nodeIds } from './mesh-index';
import {
  DOMAIN_PADDING,
  defaultSizeOf,
  domainAt,
  domainRect,
  domainRects,
  noteRects,
  type SizeOf,
  SLOT_GAP,
} from './node-placement';
import { systemCopyNamed } from './system-copies';

/** A copied part of a mesh: whole elements with their internal links, contracts and layout. */
export interface MeshFragment {
  domains: Domain[];
  products: DataProduct[];
  systems: OperationalSystem[];
  /** Links whose both ends were copied. */
  links: Link[];
  /** Contracts the copied ports and events are governed by. */
  contracts: Contract[];
  notes: Note[];
  layout: Record<string, NodeLayout>;
  /** Domains of copied products and systems that were not copied themselves, recreated if the target lacks them. */
  hostDomains: Domain[];
}

export interface PastedElements {
  mesh: Mesh;
  /** What to select afterwards: pasted domains, pasted products and systems (also those inside pasted domains), notes, and pasted links. */
  nodeIds: string[];
  linkIds: string[];
}

/**
 * Where a paste lands: at a canvas point (the pointer: children go into the domain under it), clear
 * of what `covered` it on screen (the minimap), at the free place nearest it, inside the `view` if
 * one is; or beside the originals (Duplicate). Either way in free space: a copy never covers anything.
 */
export type PastePlacement = { at: Point; covered?: readonly Rect[]; view?: Rect } | 'beside-originals';

export function copyFragment(mesh: Mesh, selectedIds: ReadonlySet<string>): MeshFragment {
  const domains = mesh.domains.filter((domain) => selectedIds.has(domain.id));
  const copiedDomainIds = new Set(domains.map((domain) => domain.id));
  const isCopied = (node: { id: string; domainId: string }) =>
    selectedIds.has(node.id) || copiedDomainIds.has(node.domainId);
  const products = mesh.products.filter(isCopied);
  const systems = mesh.systems.filter(isCopied);
  const notes = (mesh.notes ?? []).filter((note) => selectedIds.has(note.id));
  const children = [...products, ...systems];
  const copiedIds = new Set([...copiedDomainIds, ...children.map((node) => node.id)]);
  const contractIds = new Set(children.flatMap(contractIdsOf));
  const hostDomains = mesh.domains.filter(
    (domain) => !copiedDomainIds.has(domain.id) && children.some((node) => node.domainId === domain.id),
  );
  const layoutIds = [...copiedIds, ...notes.map((note) => note.id), ...hostDomains.map((domain) => domain.id)];
  return structuredClone({
    domains,
    products,
    systems,
    links: linksWithin(mesh, copiedIds),
    contracts: mesh.contracts.filter((contract) => contractIds.has(contract.id)),
    notes,
    layout: Object.fromEntries(layoutIds.flatMap((id) => (mesh.layout.nodes[id] ? [[id, mesh.layout.nodes[id]]] : []))),
    hostDomains,
  });
}

/**
 * Adds a copy of the fragment with fresh ids, links between copied elements remapped to the
 * copies, names made unique in their scope without doubling numbers, placed in free space at
 * `placement`. Domains that grow to hold pasted products push their neighbours aside.
 */
export function pasteFragment(
  mesh: Mesh,
  fragment: MeshFragment,
  placement: PastePlacement,
  sizeOf: SizeOf = defaultSizeOf,
): PastedElements {
  const takenIds = nodeIds(mesh);
  for (const note of mesh.notes ?? []) takenIds.add(note.id);
  const freshNodeId = (id: string) => {
    const fresh = uniqueId(id, takenIds);
    takenIds.add(fresh);
    return fresh;
  };
  const layout = { ...mesh.layout.nodes };
  const layoutOf = (id: string): NodeLayout => fragment.layout[id] ?? { x: 0, y: 0 };
  const point = typeof placement === 'object' ? placement.at : undefined;
  const covered = (typeof placement === 'object' && placement.covered) || [];
  const view = typeof placement === 'object' ? placement.view : undefined;

  // Domains (copied, or recreated hosts) and notes sit on the canvas itself: placed as one group.
  const domainIds = new Map<string, string>();
  const domains = [...mesh.domains];
  // Products and systems whose domain was not copied go into the domain under the pointer; with the
  // pointer over empty canvas, into the domain nearest it, in this design or another; else back into
  // their own, made again where the design lacks it.
  const domainUnderPointer = point && (domainAt(mesh, point) ?? nearestDomain(mesh, point));
  const recreatedHosts = domainUnderPointer
    ? []
    : fragment.hostDomains.filter((host) => !domains.some((domain) => domain.id === host.id));
  for (const domain of [...fragment.domains, ...recreatedHosts]) {
    const id = freshNodeId(domain.id);
    domainIds.set(domain.id, id);
    domains.push({
      ...domain,
      id,
      name: copyName(
        domain.name,
        domains.map((existing) => existing.name),
      ),
    });
  }
  const noteIds = new Map(fragment.notes.map((note) => [note.id, freshNodeId(note.id)]));
  const topLevel = [...domainIds.keys(), ...noteIds.keys()];
  const topLevelRects = topLevel.map((id) => ({ ...fragmentSize(id, fragment, sizeOf), ...layoutOf(id) }));
  const topBounds = boundsOf(topLevelRects);
  if (topBounds) {
    const start = point ? { x: point.x - topBounds.x, y: point.y - topBounds.y } : { x: 0, y: 0 };
    const obstacles = gapsAroundNodes([...domainRects(mesh), ...noteRects(mesh)], DOMAIN_SPACING, covered);
    // At the pointer, the nearest free place in any direction, in view if any is; a duplicate goes right or below.
    const offset = point
      ? nearestClearOffset(topLevelRects, obstacles, start, 0, view)
      : slideClearNearest(topLevelRects, obstacles, start, 0);
    for (const [oldId, newId] of [...domainIds, ...noteIds]) layout[newId] = translate(layoutOf(oldId), offset);
  }

  const targetDomainOf = (oldDomainId: string) => domainIds.get(oldDomainId) ?? domainUnderPointer ?? oldDomainId;
  const copiedChildren = [...fragment.products, ...fragment.systems];
  const servedFrom = servingDomains([...fragment.domains, ...fragment.hostDomains], copiedChildren);
  const servedTo = servingDomains(domains, copiedChildren, (node) => targetDomainOf(node.domainId));
  const contractIds = new Map<string, string>();
  const takenContractIds = new Set(mesh.contracts.map((contract) => contract.id));
  const takenContractNames = mesh.contracts.map((contract) => contract.name);
  const copyNames = namesWhereTheyLand(copiedChildren, targetDomainOf, [...mesh.products, ...mesh.systems]);
  const nodeIdMap = new Map([...domainIds]);
  // A copy beside its original takes its id from the domain it lands in and its name, as a new product
  // or system does; one whose id is free (a cut put back, a paste into another design) keeps it.
  for (const node of copiedChildren) {
    const idFromDomain = `${targetDomainOf(node.domainId)}-${copyNames.get(node.id)}`;
    nodeIdMap.set(node.id, freshNodeId(takenIds.has(node.id) ? idFromDomain : node.id));
  }
  const contracts = fragment.contracts.map((contract) => {
    const id = uniqueId(contract.id, takenContractIds);
    takenContractIds.add(id);
    contractIds.set(contract.id, id);
    const dataProduct = contract.dataProduct && (nodeIdMap.get(contract.dataProduct) ?? contract.dataProduct);
    const name = copyName(contract.name, takenContractNames);
    takenContractNames.push(name);
    const landing = servedTo.get(contract.id);
    const domain =
      contract.domain !== undefined && landing
        ? pastedContractDomain(contract.domain, servedFrom.get(contract.id), landing, domains)
        : contract.domain;
    // The copy's text takes the new id (and name, data product, domain) too: the model is only ever read from it.
    return withContractIdentity(contract, {
      id,
      ...(name !== contract.name && { name }),
      ...(dataProduct !== undefined && { dataProduct }),
      ...(domain !== contract.domain && { domain }),
    });
  });
  const remapContract = <T extends { contractId?: string }>(referrer: T): T =>
    referrer.contractId && contractIds.has(referrer.contractId)
      ? { ...referrer, contractId: contractIds.get(referrer.contractId) }
      : referrer;

  const products = [...mesh.products];
  const systems = [...mesh.systems];
  const copyChild = <T extends DataProduct | OperationalSystem>(node: T): T => ({
    ...node,
    id: nodeIdMap.get(node.id) as string,
    domainId: targetDomainOf(node.domainId),
    name: copyNames.get(node.id) as string,
  });
  for (const product of fragment.products) {
    products.push(copyChild({ ...product, outputPorts: product.outputPorts.map(remapContract) }));
  }
  for (const system of fragment.systems) {
    const copy = copyChild({ ...system, publishes: system.publishes.map(remapContract) });
    // Named as the original until here, so that names which followed the original's follow the copy's.
    systems.push(systemCopyNamed({ ...copy, name: system.name }, copy.name, systems));
  }
  const looseChildren = [...fragment.products, ...fragment.systems].filter((node) => !domainIds.has(node.domainId));
  for (const node of [...fragment.products, ...fragment.systems]) {
    if (domainIds.has(node.domainId)) layout[nodeIdMap.get(node.id) as string] = { ...layoutOf(node.id) };
  }
  const takenLinkIds = new Set(mesh.links.map((link) => link.id));
  const links = fragment.links.map((link) => {
    // An end that was not copied (text edited by hand) keeps its id, so a refusal can name it.
    const from = { ...link.from, nodeId: nodeIdMap.get(link.from.nodeId) ?? link.from.nodeId };
    const to = { ...link.to, nodeId: nodeIdMap.get(link.to.nodeId) ?? link.to.nodeId };
    const keepsItsEnds = from.nodeId === link.from.nodeId && to.nodeId === link.to.nodeId;
    const id = keepsItsEnds ? uniqueId(link.id, takenLinkIds) : newLinkId(from, to, takenLinkIds);
    takenLinkIds.add(id);
    return { id, from, to };
  });

  const notes = fragment.notes.map((note) => ({ ...note, id: noteIds.get(note.id) as string }));
  let pasted: Mesh = {
    ...mesh,
    domains,
    products,
    systems,
    contracts: [...mesh.contracts, ...contracts],
    links: [...mesh.links, ...links],
    layout: { ...mesh.layout, nodes: layout },
    ...((mesh.notes || notes.length > 0) && { notes: [...(mesh.notes ?? []), ...notes] }),
  };
  const pastedSize: SizeOf = (id) => {
    const original = [...nodeIdMap].find(([, fresh]) => fresh === id)?.[0];
    return sizeOf(original ?? id);
  };
  const byTarget = new Map<string, Array<DataProduct | OperationalSystem>>();
  for (const node of looseChildren) {
    const domainId = targetDomainOf(node.domainId);
    const group = byTarget.get(domainId);
    if (group) group.push(node);
    else byTarget.set(domainId, [node]);
  }
  for (const [domainId, group] of byTarget) {
    pasted = withChildrenPlaced(pasted, domainId, group, { fragment, nodeIdMap, point, covered, sizeOf: pastedSize });
  }
  pasted = withNotesClearOfDomainsMovedSince(pasted, withDomainsApart(pasted, [...domainIds.values()]));
  return {
    mesh: pasted,
    nodeIds: [
      ...domainIds.values(),
      ...copiedChildren.map((node) => nodeIdMap.get(node.id) as string),
      ...noteIds.values(),
    ],
    linkIds: links.map((link) => link.id),
  };
}

/** Each copied child's name in the domain it lands in: numbered where a sibling there, or a copy before it, has it. */
function namesWhereTheyLand(
  copied: ReadonlyArray<DataProduct | OperationalSystem>,
  targetDomainOf: (domainId: string) => string,
  present: ReadonlyArray<DataProduct | OperationalSystem>,
): Map<string, string> {
  const namesIn = new Map<string, string[]>();
  for (const node of present) namesIn.set(node.domainId, [...(namesIn.get(node.domainId) ?? []), node.name]);
  return new Map(
    copied.map((node) => {
      const domainId = targetDomainOf(node.domainId);
      const siblings = namesIn.get(domainId) ?? [];
      const name = copyName(node.name, siblings);
      namesIn.set(domainId, [...siblings, name]);
      return [node.id, name];
    }),
  );
}

interface ChildPlacementContext {
  fragment: MeshFragment;
  nodeIdMap: ReadonlyMap<string, string>;
  point: Point | undefined;
  /** Canvas areas an overlay covers, which a paste at the pointer stays clear of. */
  covered: readonly Rect[];
  sizeOf: SizeOf;
}

/**
 * Places pasted products and systems in one domain, keeping their arrangement on the canvas (copied
 * from several domains too): at the pointer when it is over that domain, else where the originals
 * were; then right of whatever is in the way.
 */
function withChildrenPlaced(
  mesh: Mesh,
  domainId: string,
  group: ReadonlyArray<DataProduct | OperationalSystem>,
  { fragment, nodeIdMap, point, covered, sizeOf }: ChildPlacementContext,
): Mesh {
  const freshIds = new Set(group.map((node) => nodeIdMap.get(node.id) as string));
  // Canvas positions, so products from different domains keep their places relative to each other;
  // relative to the target's original place, so a duplicate in its own domain stays where it was.
  const origin = fragment.layout[domainId] ?? { x: 0, y: 0 };
  const items = spreadApart(
    group.map((node) => {
      const id = nodeIdMap.get(node.id) as string;
      const host = fragment.layout[node.domainId] ?? { x: 0, y: 0 };
      const layout = fragment.layout[node.id] ?? { x: 0, y: 0 };
      return { ...sizeOf(id), x: host.x + layout.x - origin.x, y: host.y + layout.y - origin.y, id };
    }),
  );
  const bounds = boundsOf(items) as Rect;
  const domain = domainRect(mesh, domainId);
  // At the pointer, or as near it as the domain reaches when the pointer is outside it.
  const target = point && (domainAt(mesh, point) === domainId ? point : nearestInside(domain, bounds, point));
  const start = target ? { x: target.x - domain.x - bounds.x, y: target.y - domain.y - bounds.y } : { x: 0, y: 0 };
  const siblings = [...mesh.products, ...mesh.systems]
    .filter((node) => node.domainId === domainId && !freshIds.has(node.id))
    .map((node) => ({ ...sizeOf(node.id), ...(mesh.layout.nodes[node.id] ?? { x: 0, y: 0 }) }));
  const overlays = covered.map((rect) => translate(rect, { x: -domain.x, y: -domain.y }));
  // A duplicate goes on along its row; a paste at the pointer takes the nearer room, right or below.
  // Either way as far from the others as a new element keeps.
  const slide = target ? slideClearNearest : slideClear;
  const offset = slide(items, gapsAroundNodes(siblings, SLOT_GAP, overlays), start, 0);
  const nodes = { ...mesh.layout.nodes };
  for (const item of items) nodes[item.id] = { x: item.x + offset.x, y: item.y + offset.y };
  const placed = { ...mesh, layout: { ...mesh.layout, nodes } };
  return withDomainGrownAside(placed, domainId, sizeOf);
}

/**
 * What a paste slides clear of, each with the room it keeps: a node the gap a new element keeps from
 * its neighbours; what covers the canvas (the minimap) only its own box, as it is no node to space from.
 */
function gapsAroundNodes(nodes: readonly Rect[], gap: number, overlays: readonly Rect[]): Rect[] {
  return [...nodes.map((node) => inflate(node, gap)), ...overlays];
}

/** The items in order, each moved right or down past those before it that it would cover (text copied without its domains' places can stack them). */
function spreadApart<T extends Rect>(items: readonly T[]): T[] {
  const placed: T[] = [];
  for (const item of items) {
    const isCovering = placed.some((other) => overlaps(other, item));
    placed.push(
      isCovering ? translate(item, slideClearNearest([item], placed, { x: 0, y: 0 }, SIBLING_SPACING)) : item,
    );
  }
  return placed;
}

/** The domain whose box is nearest a canvas point. */
function nearestDomain(mesh: Mesh, point: Point): string | undefined {
  const distance = (rect: Rect) =>
    Math.hypot(
      Math.max(rect.x - point.x, 0, point.x - rect.x - rect.width),
      Math.max(rect.y - point.y, 0, point.y - rect.y - rect.height),
    );
  let nearest: { id: string; distance: number } | undefined;
  for (const domain of mesh.domains) {
    const away = distance(domainRect(mesh, domain.id));
    if (!nearest || away < nearest.distance) nearest = { id: domain.id, distance: away };
  }
  return nearest?.id;
}

/** Where a group of `size` goes, centred on `point` as far as it stays within the domain's padding (canvas coordinates). */
function nearestInside(domain: Rect, size: Rect, point: Point): Point {
  const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, Math.max(low, high)));
  return {
    x: clamp(
      point.x - size.width / 2,
      domain.x + DOMAIN_PADDING.side,
      domain.x + domain.width - DOMAIN_PADDING.side - size.width,
    ),
    y: clamp(
      point.y - size.height / 2,
      domain.y + DOMAIN_PADDING.top,
      domain.y + domain.height - DOMAIN_PADDING.bottom - size.height,
    ),
  };
}

function fragmentSize(id: string, fragment: MeshFragment, sizeOf: SizeOf) {
  const layout = fragment.layout[id];
  if (layout?.width !== undefined && layout.height !== undefined) return { width: layout.width, height: layout.height };
  return sizeOf(id);
}
