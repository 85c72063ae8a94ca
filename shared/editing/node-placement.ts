import type { Mesh, NodeLayout } from '../model';
import { boundsOf, containsPoint, overlaps, type Point, type Rect, type Size } from './geometry';
import { childrenOf, productById, systemById } from './mesh-index';

export const DEFAULT_DOMAIN_SIZE: Size = { width: 640, height: 320 };
/** A domain is never resized smaller than this, even when empty. */
export const MIN_DOMAIN_SIZE: Size = { width: 240, height: 140 };
/** Room a product or system is given before it has been drawn and measured. */
export const DEFAULT_NODE_SIZE: Size = { width: 280, height: 150 };
/** The size a sticky note is created at, and drawn at when its file gives it none. */
export const DEFAULT_NOTE_SIZE: Size = { width: 240, height: 160 };
/** A node's drawn size: what the canvas measured, or the room a node is given before it is drawn. */
export type SizeOf = (nodeId: string) => Size;
export const defaultSizeOf: SizeOf = () => DEFAULT_NODE_SIZE;
/** Space between a domain's border (and title) and its children. */
export const DOMAIN_PADDING = { top: 56, side: 32, bottom: 32 };
/** The gap kept between a domain's children placed in its grid, so a link between them can bend. */
export const SLOT_GAP = 40;
const DOMAIN_GAP = 60;
/** Data flows left to right, so a domain grows sideways to three cells before it starts a new row. */
const MIN_COLUMNS = 3;

export function domainRect(mesh: Mesh, domainId: string): Rect {
  const layout = mesh.layout.nodes[domainId];
  return {
    x: layout?.x ?? 0,
    y: layout?.y ?? 0,
    width: layout?.width ?? DEFAULT_DOMAIN_SIZE.width,
    height: layout?.height ?? DEFAULT_DOMAIN_SIZE.height,
  };
}

/** The domain under a canvas point; the last drawn (topmost) wins where domains overlap. */
export function domainAt(mesh: Mesh, point: Point): string | undefined {
  return mesh.domains.findLast((domain) => containsPoint(domainRect(mesh, domain.id), point))?.id;
}

/** Where a new domain goes when the user did not point and no room is free in view: below every other domain, aligned with them. */
export function nextDomainPosition(mesh: Mesh): Point {
  if (mesh.domains.length === 0) return { x: 0, y: 0 };
  const rects = mesh.domains.map((domain) => domainRect(mesh, domain.id));
  return {
    x: Math.min(...rects.map((rect) => rect.x)),
    y: Math.max(...rects.map((rect) => rect.y + rect.height)) + DOMAIN_GAP,
  };
}

/**
 * The first free cell, row by row, of a grid inside the domain (relative to it), so products
 * added by keyboard line up instead of piling on each other.
 */
export function nextChildPosition(mesh: Mesh, domainId: string, sizeOf: SizeOf = defaultSizeOf): Point {
  return nextChildPositions(mesh, domainId, [DEFAULT_NODE_SIZE], sizeOf)[0] as Point;
}

/**
 * Free cells for several new children of these sizes, each taken before the next is looked for;
 * in as many columns as fit the domain, or `minColumns` where more (the domain then grows to hold them).
 */
export function nextChildPositions(
  mesh: Mesh,
  domainId: string,
  sizes: readonly Size[],
  sizeOf: SizeOf = defaultSizeOf,
  minColumns = MIN_COLUMNS,
): Point[] {
  const taken = childrenOf(mesh, domainId).flatMap((child) => childRect(mesh, child.id, sizeOf) ?? []);
  // Cells are as wide as the widest child, so a gap is left beside each however wide it is drawn.
  const slotWidth = Math.max(DEFAULT_NODE_SIZE.width, ...[...taken, ...sizes].map((size) => size.width)) + SLOT_GAP;
  const fitting = Math.floor((domainRect(mesh, domainId).width - DOMAIN_PADDING.side) / slotWidth);
  const columns = Math.max(MIN_COLUMNS, minColumns, fitting);
  const cell = (slot: number) => ({
    x: DOMAIN_PADDING.side + (slot % columns) * slotWidth,
    y: DOMAIN_PADDING.top + Math.floor(slot / columns) * (DEFAULT_NODE_SIZE.height + SLOT_GAP),
  });
  const isFree = (candidate: Rect) => !taken.some((rect) => overlaps(besideGap(rect), candidate));
  let slot = 0;
  return sizes.map((size) => {
    // New children line up in order: the search goes on from the cell the last one took.
    let candidate = { ...cell(slot), ...size };
    while (!isFree(candidate)) candidate = { ...cell(++slot), ...size };
    slot++;
    taken.push(candidate);
    return { x: candidate.x, y: candidate.y };
  });
}

/** A child with the gap kept on either side of it, where a link between it and its neighbour bends. */
function besideGap(rect: Rect): Rect {
  return { ...rect, x: rect.x - SLOT_GAP, width: rect.width + 2 * SLOT_GAP };
}

/** A placed child's rectangle relative to its domain. */
/** Where a product or system is drawn, relative to its domain. */
export function childRect(mesh: Mesh, nodeId: string, sizeOf: SizeOf): Rect | undefined {
  const layout = mesh.layout.nodes[nodeId];
  return layout && { x: layout.x, y: layout.y, ...sizeOf(nodeId) };
}

export function setLayout(mesh: Mesh, nodeId: string, layout: NodeLayout): Mesh {
  return { ...mesh, layout: { ...mesh.layout, nodes: { ...mesh.layout.nodes, [nodeId]: layout } } };
}

/** A node's top-left on the canvas: products and systems are stored relative to their domain. */
export function absolutePosition(mesh: Mesh, nodeId: string): Point {
  const layout = mesh.layout.nodes[nodeId] ?? { x: 0, y: 0 };
  const domainId = (productById(mesh, nodeId) ?? systemById(mesh, nodeId))?.domainId;
  if (!domainId) return { x: layout.x, y: layout.y };
  const domain = domainRect(mesh, domainId);
  return { x: domain.x + layout.x, y: domain.y + layout.y };
}

/** Where a domain dropped at a canvas point goes: its title, not its top-left corner, lands under the pointer. */
export function domainDropPosition(dropPoint: Point): Point {
  return { x: dropPoint.x - DEFAULT_DOMAIN_SIZE.width / 2, y: dropPoint.y - DOMAIN_PADDING.top / 2 };
}

/** Where a product or system dropped at a canvas point goes in its domain (relative to it): centred on the pointer. */
export function childDropPosition(mesh: Mesh, domainId: string, dropPoint: Point): Point {
  const domain = domainRect(mesh, domainId);
  return {
    x: Math.max(0, dropPoint.x - domain.x - DEFAULT_NODE_SIZE.width / 2),
    y: Math.max(0, dropPoint.y - domain.y - DEFAULT_NODE_SIZE.height / 2),
  };
}

const SCAN_STEP = 40;
const VIEW_MARGIN = 24;

/**
 * The places, row by row from the top left of `view`, where a box of `size` fits inside the view
 * without touching any of `taken` (with `spacing` around each).
 */
function* freeSpotsIn(view: Rect, size: Size, taken: readonly Rect[], spacing: number): Generator<Point> {
  const right = view.x + view.width - VIEW_MARGIN - size.width;
  const bottom = view.y + view.height - VIEW_MARGIN - size.height;
  for (let y = view.y + VIEW_MARGIN; y <= bottom; y += SCAN_STEP) {
    for (let x = view.x + VIEW_MARGIN; x <= right; x += SCAN_STEP) {
      const candidate = {
        x: x - spacing,
        y: y - spacing,
        width: size.width + 2 * spacing,
        height: size.height + 2 * spacing,
      };
      if (!taken.some((rect) => overlaps(rect, candidate))) yield { x: Math.round(x), y: Math.round(y) };
    }
  }
}

/**
 * The first free place in `view` (see `freeSpotsIn`): where a new element goes so it appears on
 * screen, clear of the others and of what covers the canvas (the minimap).
 */
export function freeSpotIn(view: Rect, size: Size, taken: readonly Rect[], spacing = SLOT_GAP): Point | undefined {
  return freeSpotsIn(view, size, taken, spacing).next().value ?? undefined;
}

/** The free place in `view` (see `freeSpotsIn`) nearest to `wanted`: where the user pointed, when that is taken. */
export function freeSpotNearest(
  view: Rect,
  size: Size,
  taken: readonly Rect[],
  wanted: Point,
  spacing = SLOT_GAP,
): Point | undefined {
  let nearest: Point | undefined;
  let nearestDistance = Number.POSITIVE_INFINITY;
  for (const spot of freeSpotsIn(view, size, taken, spacing)) {
    const distance = Math.hypot(spot.x - wanted.x, spot.y - wanted.y);
    if (distance < nearestDistance) [nearest, nearestDistance] = [spot, distance];
  }
  return nearest;
}

/** Every domain's box on the canvas. */
export function domainRects(mesh: Mesh): Rect[] {
  return mesh.domains.map((domain) => domainRect(mesh, domain.id));
}

/** The boxes of the domains placed on the canvas, but for `leftOutIds`; a domain without a position has no box yet. */
export function placedDomainRectsExcept(mesh: Mesh, leftOutIds: ReadonlySet<string>): Rect[] {
  return mesh.domains.flatMap((domain) =>
    leftOutIds.has(domain.id) || !mesh.layout.nodes[domain.id] ? [] : [domainRect(mesh, domain.id)],
  );
}

/** Every sticky note's box on the canvas, as drawn: a note saved without a size is drawn at the default one. */
export function noteRects(mesh: Mesh): Rect[] {
  return (mesh.notes ?? []).map((note) => {
    const layout = mesh.layout.nodes[note.id] ?? { x: 0, y: 0 };
    return {
      x: layout.x,
      y: layout.y,
      ...(layout.width && layout.height ? { width: layout.width, height: layout.height } : DEFAULT_NOTE_SIZE),
    };
  });
}

/** The box around everything drawn on the canvas: domains (which hold products and systems) and notes. */
export function canvasBounds(mesh: Mesh): Rect | undefined {
  return boundsOf([...domainRects(mesh), ...noteRects(mesh)]);
}
