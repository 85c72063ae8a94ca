import { capitalized, joinedWith, type Mesh, quoted } from '../model';
import { leastCardSize } from './card-size';
import { overlappingDomains } from './containment';
import { containsPoint, overlaps } from './geometry';
import { domainById, productById, systemById } from './mesh-index';
import { domainRect } from './node-placement';

/**
 * What a layout draws as a pile, though the app never lays one out so: a hand edit or a bad git
 * merge. Elements without a position are left out: opening places them (see unplaced-nodes.ts).
 */
export type LayoutClash =
  /** A domain whose box overlaps the boxes of domains listed before it, which it is drawn over. */
  | { kind: 'overlapping-domain'; domainId: string; overlappedIds: string[] }
  /**
   * A product or system whose place (its top-left corner) is outside its domain's box: beyond the
   * right or bottom edge the domain is drawn stretched to reach it, over its neighbours; left of or
   * above the box, the node is drawn outside it.
   */
  | { kind: 'outside-domain'; nodeId: string; domainId: string }
  /**
   * A product or system whose card overlaps the cards of siblings in its domain drawn before it
   * (systems, then products, in document order), which it is drawn over.
   */
  | { kind: 'overlapping-cards'; nodeId: string; overlappedIds: string[]; domainId: string };

/**
 * The clashes of a layout, judged on the boxes the file stores, as the canvas draws them before it
 * has measured anything. Growth around children that became larger is left out: it depends on
 * sizes the file does not hold, and never takes a child out of its domain.
 */
export function layoutClashes(mesh: Mesh): LayoutClash[] {
  const overlapped = new Map<string, string[]>();
  for (const [earlier, later] of overlappingDomains(mesh))
    overlapped.set(later, [...(overlapped.get(later) ?? []), earlier]);
  const domainClashes = [...overlapped].map(
    ([domainId, overlappedIds]): LayoutClash => ({ kind: 'overlapping-domain', domainId, overlappedIds }),
  );
  const outsideClashes = [...mesh.products, ...mesh.systems].flatMap((node): LayoutClash[] => {
    const place = mesh.layout.nodes[node.id];
    if (!place || !mesh.layout.nodes[node.domainId]) return [];
    const { width, height } = domainRect(mesh, node.domainId);
    return containsPoint({ x: 0, y: 0, width, height }, place)
      ? []
      : [{ kind: 'outside-domain', nodeId: node.id, domainId: node.domainId }];
  });
  return [...domainClashes, ...outsideClashes, ...overlappingCards(mesh)];
}

/** Each card drawn over siblings, judged at the size cards are drawn at least: cards that only touch are apart. */
function overlappingCards(mesh: Mesh): LayoutClash[] {
  const sizeOf = leastCardSize(mesh);
  return mesh.domains.flatMap((domain) => {
    const cards = [...mesh.systems, ...mesh.products].flatMap((node) => {
      const place = node.domainId === domain.id && mesh.layout.nodes[node.id];
      return place ? [{ id: node.id, x: place.x, y: place.y, ...sizeOf(node.id) }] : [];
    });
    return cards.flatMap((card, index): LayoutClash[] => {
      const overlappedIds = cards.slice(0, index).flatMap((earlier) => (overlaps(earlier, card) ? [earlier.id] : []));
      return overlappedIds.length > 0
        ? [{ kind: 'overlapping-cards', nodeId: card.id, overlappedIds, domainId: domain.id }]
        : [];
    });
  });
}

/** A clash in words, as the open notice lists it and the `layout-clashes` rule reports it. */
export function layoutClashMessage(mesh: Mesh, clash: LayoutClash): string {
  if (clash.kind === 'overlapping-domain') {
    return `Domain ${nameOf(mesh, clash.domainId)} overlaps ${namesOf(mesh, clash.overlappedIds)} on the canvas.`;
  }
  if (clash.kind === 'overlapping-cards') {
    const overlapped = joinedWith(
      clash.overlappedIds.map((id) => `${kindOf(mesh, id)} ${nameOf(mesh, id)}`),
      'and',
    );
    return `${capitalized(kindOf(mesh, clash.nodeId))} ${nameOf(mesh, clash.nodeId)} overlaps ${overlapped} in domain ${nameOf(mesh, clash.domainId)} on the canvas.`;
  }
  const kind = capitalized(kindOf(mesh, clash.nodeId));
  const { x, y } = mesh.layout.nodes[clash.nodeId] ?? { x: 0, y: 0 };
  const { width, height } = domainRect(mesh, clash.domainId);
  return `${kind} ${nameOf(mesh, clash.nodeId)} sits outside its domain ${nameOf(mesh, clash.domainId)}: at ${x}, ${y} in a box of ${width} × ${height}.`;
}

/** The clashes in a few words, for a notice: `domains 'Events' and 'Ticketing' overlap`, `2 products and systems sit outside their domains`, `'Shop DB' and 'Orders' overlap`. */
export function layoutClashesSummary(mesh: Mesh, clashes: readonly LayoutClash[]): string[] {
  const domainIds = new Set(
    clashes.flatMap((clash) => (clash.kind === 'overlapping-domain' ? [...clash.overlappedIds, clash.domainId] : [])),
  );
  const outside = clashes.flatMap((clash) => (clash.kind === 'outside-domain' ? [clash] : []));
  const domains = mesh.domains.flatMap((domain) => (domainIds.has(domain.id) ? [domain.id] : []));
  const parts: string[] = [];
  if (domains.length > MOST_NAMED) parts.push(`${domains.length} domains overlap`);
  else if (domains.length > 0) parts.push(`domains ${namesOf(mesh, domains)} overlap`);
  const [first] = outside;
  if (outside.length > 1) parts.push(`${outside.length} products and systems sit outside their domains`);
  else if (first) parts.push(`${nameOf(mesh, first.nodeId)} sits outside its domain ${nameOf(mesh, first.domainId)}`);
  const cardIds = new Set(
    clashes.flatMap((clash) => (clash.kind === 'overlapping-cards' ? [...clash.overlappedIds, clash.nodeId] : [])),
  );
  const cards = [...mesh.systems, ...mesh.products].flatMap((node) => (cardIds.has(node.id) ? [node.id] : []));
  if (cards.length > 2) parts.push(`${cards.length} products and systems overlap`);
  else if (cards.length > 0) parts.push(`${namesOf(mesh, cards)} overlap`);
  return parts;
}

/** Says which domains with a position were moved aside for a domain grown to hold the elements placed in it. */
export function movedAsideSummary(mesh: Mesh, domainIds: readonly string[]): string[] {
  if (domainIds.length === 0) return [];
  const domains =
    domainIds.length > MOST_NAMED
      ? `${domainIds.length} domains`
      : `domain${domainIds.length > 1 ? 's' : ''} ${namesOf(mesh, domainIds)}`;
  return [`${domains} moved aside to make room for them`];
}

const kindOf = (mesh: Mesh, nodeId: string) => (productById(mesh, nodeId) ? 'data product' : 'system');

/** A domain's, product's or system's name, quoted as messages quote names. */
function nameOf(mesh: Mesh, id: string): string {
  return quoted((domainById(mesh, id) ?? productById(mesh, id) ?? systemById(mesh, id))?.name ?? id);
}

const namesOf = (mesh: Mesh, ids: readonly string[]) =>
  joinedWith(
    ids.map((id) => nameOf(mesh, id)),
    'and',
  );

/** Beyond this many, overlapping domains are counted in a notice, not named. */
const MOST_NAMED = 3;
