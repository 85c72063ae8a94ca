import type { Mesh } from '../model';
import { boundsOf, inflate, overlaps, type Point, type Rect, type Size, sizeAtLeast, translate } from './geometry';
import { childrenOf } from './mesh-index';
import {
  DOMAIN_PADDING,
  defaultSizeOf,
  domainRect,
  domainRects,
  MIN_DOMAIN_SIZE,
  nextChildPosition,
  noteRects,
  type SizeOf,
  setLayout,
} from './node-placement';
import { reshapeStoppedAtDomains } from './resize-against-domains';

/**
 * The drawing tells the truth: a product or system is drawn inside its domain's box, and
 * automatic changes (a drop, a paste, an import) never leave two domains overlapping.
 */

/**
 * How close a child may come to its domain's border before the domain grows to give it the full
 * padding again; on top the title bar must stay readable.
 */
export const MIN_CHILD_MARGIN = { top: 40, side: 8, bottom: 8 };
/** Room left between domains pushed apart. */
export const DOMAIN_SPACING = 40;
/** Room kept between a product or system placed automatically (pasted, aligned) and its siblings. */
export const SIBLING_SPACING = 24;

export interface NodeBox extends Rect {
  id: string;
}

/** The products and systems of a domain, as boxes relative to the domain. */
export function childBoxes(mesh: Mesh, domainId: string, sizeOf: SizeOf = defaultSizeOf): NodeBox[] {
  return childrenOf(mesh, domainId).map((child) => {
    const layout = mesh.layout.nodes[child.id] ?? { x: 0, y: 0 };
    return { id: child.id, x: layout.x, y: layout.y, ...sizeOf(child.id) };
  });
}

/** Whether a product or system is drawn inside its domain's box, clear of the title bar. */
export function isInsideItsDomain(mesh: Mesh, nodeId: string, sizeOf: SizeOf = defaultSizeOf): boolean {
  const node = [...mesh.products, ...mesh.systems].find((candidate) => candidate.id === nodeId);
  if (!node) return false;
  const box = childBoxes(mesh, node.domainId, sizeOf).find((child) => child.id === nodeId) as NodeBox;
  const domain = domainRect(mesh, node.domainId);
  return (
    box.x >= MIN_CHILD_MARGIN.side &&
    box.y >= MIN_CHILD_MARGIN.top &&
    box.x + box.width <= domain.width - MIN_CHILD_MARGIN.side &&
    box.y + box.height <= domain.height - MIN_CHILD_MARGIN.bottom
  );
}

/**
 * The document with a domain grown, on whichever sides it must, so every child sits inside it
 * with room to spare; children keep their place on the canvas (growing to the left or up moves
 * the domain and shifts their relative positions back). A domain is never shrunk here.
 */
export function withDomainFitted(mesh: Mesh, domainId: string, sizeOf: SizeOf = defaultSizeOf): Mesh {
  const children = childBoxes(mesh, domainId, sizeOf);
  const extent = boundsOf(children);
  if (!extent) return mesh;
  const domain = domainRect(mesh, domainId);
  const shift: Point = {
    x: extent.x < MIN_CHILD_MARGIN.side ? DOMAIN_PADDING.side - extent.x : 0,
    y: extent.y < MIN_CHILD_MARGIN.top ? DOMAIN_PADDING.top - extent.y : 0,
  };
  const { width, height } = sizeHolding(
    { width: domain.width + shift.x, height: domain.height + shift.y },
    {
      ...extent,
      x: extent.x + shift.x,
      y: extent.y + shift.y,
    },
  );
  if (shift.x === 0 && shift.y === 0 && width === domain.width && height === domain.height) return mesh;
  const nodes = { ...mesh.layout.nodes };
  nodes[domainId] = { ...nodes[domainId], x: domain.x - shift.x, y: domain.y - shift.y, width, height };
  if (shift.x !== 0 || shift.y !== 0) {
    for (const child of children) nodes[child.id] = translate(nodes[child.id] ?? { x: 0, y: 0 }, shift);
  }
  return { ...mesh, layout: { ...mesh.layout, nodes } };
}

/**
 * The size a domain is drawn at: its stored box, grown to the right and down wherever a child has
 * grown since it was placed (a longer name, an owner, a badge while simulating), so the drawing
 * keeps every child inside. Derived from the measured sizes on each draw, never stored: a node
 * growing on its own neither dirties the document nor makes an undo step.
 */
export function domainSizeAsDrawn(mesh: Mesh, domainId: string, sizeOf: SizeOf): Size {
  const domain = domainRect(mesh, domainId);
  const extent = boundsOf(childBoxes(mesh, domainId, sizeOf));
  return extent ? sizeHolding(domain, extent) : { width: domain.width, height: domain.height };
}

/** A domain's size grown, where its children's extent comes closer than the margin to its right or bottom edge, to give them the full padding. */
function sizeHolding(size: Size, extent: Rect): Size {
  const right = extent.x + extent.width;
  const bottom = extent.y + extent.height;
  return {
    width: right > size.width - MIN_CHILD_MARGIN.side ? Math.max(size.width, right + DOMAIN_PADDING.side) : size.width,
    height:
      bottom > size.height - MIN_CHILD_MARGIN.bottom
        ? Math.max(size.height, bottom + DOMAIN_PADDING.bottom)
        : size.height,
  };
}

/**
 * The document with a domain resized by hand to `requested` (canvas coordinates), but never so
 * small that a child would fall out of it nor so large that it runs into a neighbour domain: the
 * box stops at its children and at its neighbours' borders. Children keep their
 * place on the canvas when the domain's top or left edge moves.
 */
export function withDomainReshaped(
  mesh: Mesh,
  domainId: string,
  requested: Rect,
  sizeOf: SizeOf = defaultSizeOf,
): Mesh {
  const before = domainRect(mesh, domainId);
  const children = childBoxes(mesh, domainId, sizeOf).map((child) => translate(child, before));
  const extent = boundsOf(children);
  const stopped = reshapeStoppedAtDomains(mesh, domainId, {
    ...requested,
    ...sizeAtLeast(requested, MIN_DOMAIN_SIZE),
  });
  let left = stopped.x;
  let top = stopped.y;
  let right = stopped.x + stopped.width;
  let bottom = stopped.y + stopped.height;
  if (extent) {
    left = Math.min(left, extent.x - MIN_CHILD_MARGIN.side);
    top = Math.min(top, extent.y - MIN_CHILD_MARGIN.top);
    right = Math.max(right, extent.x + extent.width + MIN_CHILD_MARGIN.side);
    bottom = Math.max(bottom, extent.y + extent.height + MIN_CHILD_MARGIN.bottom);
  }
  const after = { x: left, y: top, width: right - left, height: bottom - top };
  if (after.x === before.x && after.y === before.y && after.width === before.width && after.height === before.height) {
    return mesh;
  }
  const nodes = { ...mesh.layout.nodes, [domainId]: { ...mesh.layout.nodes[domainId], ...after } };
  const shift = { x: before.x - after.x, y: before.y - after.y };
  if (shift.x !== 0 || shift.y !== 0) {
    for (const child of childrenOf(mesh, domainId))
      nodes[child.id] = translate(nodes[child.id] ?? { x: 0, y: 0 }, shift);
  }
  return { ...mesh, layout: { ...mesh.layout, nodes } };
}

/** Pairs of domains whose boxes overlap, by id, earlier in the list first; a domain without a position has no box yet. */
export function overlappingDomains(mesh: Mesh): Array<[string, string]> {
  const rects = mesh.domains.flatMap((domain) =>
    mesh.layout.nodes[domain.id] ? [{ id: domain.id, rect: domainRect(mesh, domain.id) }] : [],
  );
  return rects.flatMap((a, index) =>
    rects.slice(index + 1).flatMap((b): Array<[string, string]> => (overlaps(a.rect, b.rect) ? [[a.id, b.id]] : [])),
  );
}

/** Which way pushed domains may move: sideways only (`x`), up or down only (`y`), or either. */
export type PushAxis = 'x' | 'y' | 'either';

/**
 * The document with the domains `settledIds` (one that just grew, or was pasted) left where they
 * are and every domain overlapping them pushed out of the way, by the shortest move along `axis`
 * that overlaps nothing already settled; a pushed domain may push others in turn. Settled domains
 * that overlap each other (two grew at once) are kept apart in the order given: the first stays.
 * Children move with their domain.
 */
export function withDomainsApart(mesh: Mesh, settledIds: Iterable<string>, axis: PushAxis = 'either'): Mesh {
  const rects = new Map(mesh.domains.map((domain) => [domain.id, domainRect(mesh, domain.id)]));
  const settled = new Set([...settledIds].filter((id) => rects.has(id)));
  const queue = [...settled];
  const spaced = (rect: Rect): Rect => inflate(rect, DOMAIN_SPACING / 2);
  let next = mesh;
  /** Moves domain `id` out of `pusher`'s way to where it overlaps none of `against`. */
  const push = (id: string, pusher: Rect, against: Iterable<string>) => {
    const others = [...against].flatMap((other) => (other === id ? [] : [rects.get(other) as Rect]));
    const isFree = (candidate: Rect) => !others.some((other) => overlaps(spaced(candidate), spaced(other)));
    const moved = pushedClear(rects.get(id) as Rect, pusher, isFree, others, axis);
    rects.set(id, moved);
    next = setLayout(next, id, { ...next.layout.nodes[id], ...moved });
  };
  const kept: string[] = [];
  for (const id of queue) {
    const pusher = kept
      .map((other) => rects.get(other) as Rect)
      .find((other) => overlaps(other, rects.get(id) as Rect));
    if (pusher) push(id, pusher, kept);
    kept.push(id);
  }
  while (queue.length > 0) {
    const pusher = rects.get(queue.shift() as string) as Rect;
    for (const [id, rect] of rects) {
      // Only a real overlap pushes: domains the user placed close together but apart stay where they are.
      if (settled.has(id) || !overlaps(pusher, rect)) continue;
      push(id, pusher, settled);
      settled.add(id);
      queue.push(id);
    }
  }
  return next;
}

/**
 * `rect` moved out of `pusher`'s way: the shortest of the moves along `axis` that `isFree`
 * accepts, else past everything settled (below, or to the right when it may only move sideways).
 */
function pushedClear(
  rect: Rect,
  pusher: Rect,
  isFree: (candidate: Rect) => boolean,
  settled: readonly Rect[],
  axis: PushAxis,
): Rect {
  const sideways: Rect[] = [
    { ...rect, x: pusher.x + pusher.width + DOMAIN_SPACING },
    { ...rect, x: pusher.x - rect.width - DOMAIN_SPACING },
  ];
  const upOrDown: Rect[] = [
    { ...rect, y: pusher.y + pusher.height + DOMAIN_SPACING },
    { ...rect, y: pusher.y - rect.height - DOMAIN_SPACING },
  ];
  const [right, left] = sideways as [Rect, Rect];
  const [below, above] = upOrDown as [Rect, Rect];
  const candidates = axis === 'x' ? sideways : axis === 'y' ? upOrDown : [right, below, left, above];
  const distance = (candidate: Rect) => Math.abs(candidate.x - rect.x) + Math.abs(candidate.y - rect.y);
  const free = candidates.sort((a, b) => distance(a) - distance(b)).find(isFree);
  if (free) return free;
  if (axis === 'x') return { ...rect, x: Math.max(...settled.map((other) => other.x + other.width)) + DOMAIN_SPACING };
  return { ...rect, y: Math.max(...settled.map((other) => other.y + other.height)) + DOMAIN_SPACING };
}

/**
 * Lays out a product or system at `position` (relative to its domain) or the domain's next free
 * cell; the domain grows to hold it and pushes aside any neighbour it would then overlap.
 */
export function placeChild(
  mesh: Mesh,
  domainId: string,
  nodeId: string,
  position?: Point,
  sizeOf = defaultSizeOf,
): Mesh {
  const at = position ?? nextChildPosition(mesh, domainId, sizeOf);
  const placed = setLayout(mesh, nodeId, { ...mesh.layout.nodes[nodeId], x: at.x, y: at.y });
  return withDomainGrownAside(placed, domainId, sizeOf);
}

/**
 * The document with a domain grown to hold its children, pushing aside the neighbours it would
 * then overlap and the sticky notes it or they would come to cover.
 */
export function withDomainGrownAside(mesh: Mesh, domainId: string, sizeOf: SizeOf = defaultSizeOf): Mesh {
  return withNotesClearOfDomainsMovedSince(
    mesh,
    withDomainsApart(withDomainFitted(mesh, domainId, sizeOf), [domainId]),
  );
}

/**
 * `after` with the sticky notes moved aside that a domain which moved or grew since `before` came
 * to cover; the domains `movedByHand` (nudged by the user, as a drag moves them) do not push notes.
 */
export function withNotesClearOfDomainsMovedSince(
  before: Mesh,
  after: Mesh,
  movedByHand: ReadonlySet<string> = new Set(),
): Mesh {
  return withNotesPushedAside(
    after,
    before.domains.flatMap((domain) =>
      movedByHand.has(domain.id) ? [] : [{ domainId: domain.id, before: domainRect(before, domain.id) }],
    ),
  );
}

/** Where a domain was before an automatic change moved or grew it. */
export interface DomainBefore {
  domainId: string;
  before: Rect;
}

/**
 * The notes domains came to cover by moving or growing from where they were `before` moved out of
 * their way, as a neighbour domain would be; a note that was already on the domain stays, as it
 * annotates it, and so does a locked one and each of `staying` (notes carried along with their
 * domain). Checks each note against each domain once: a note moves clear of every domain and note
 * at once.
 */
export function withNotesPushedAside(
  mesh: Mesh,
  domainsBefore: readonly DomainBefore[],
  staying: ReadonlySet<string> = new Set(),
): Mesh {
  const pushers = domainsBefore.map(({ domainId, before }) => ({ after: domainRect(mesh, domainId), before }));
  const domains = domainRects(mesh);
  const notes = noteRects(mesh);
  const spaced = (rect: Rect): Rect => inflate(rect, DOMAIN_SPACING / 2);
  let next = mesh;
  for (const [index, note] of (mesh.notes ?? []).entries()) {
    const rect = notes[index] as Rect;
    const pusher = pushers.find(({ after, before }) => overlaps(rect, after) && !overlaps(rect, before));
    if (!pusher || mesh.layout.nodes[note.id]?.locked || staying.has(note.id)) continue;
    const others = [...domains, ...notes.filter((_, other) => other !== index)];
    const isFree = (candidate: Rect) => !others.some((other) => overlaps(spaced(candidate), spaced(other)));
    const moved = pushedClear(rect, pusher.after, isFree, others, 'either');
    notes[index] = moved;
    next = setLayout(next, note.id, { ...next.layout.nodes[note.id], x: moved.x, y: moved.y });
  }
  return next;
}
