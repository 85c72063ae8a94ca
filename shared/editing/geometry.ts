export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Rect = Point & Size;

export function containsPoint(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}

export function centerOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The smallest rectangle holding every one of `rects`; undefined for none. */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  const left = Math.min(...rects.map((rect) => rect.x));
  const top = Math.min(...rects.map((rect) => rect.y));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The rectangle grown by `margin` on every side (shrunk for a negative margin). */
export function inflate(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin };
}

/** `size`, grown in each direction that is below `minimum`. */
export function sizeAtLeast(size: Size, minimum: Size): Size {
  return { width: Math.max(size.width, minimum.width), height: Math.max(size.height, minimum.height) };
}

export function translate<T extends Point>(item: T, offset: Point): T {
  return { ...item, x: item.x + offset.x, y: item.y + offset.y };
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export type Axis = 'x' | 'y';

const ACROSS: Record<Axis, Axis> = { x: 'y', y: 'x' };
const LENGTH = { x: 'width', y: 'height' } as const;

/** Whether two boxes share more than an edge across `axis`: only then can one run into the other along it. */
function isInLine(rect: Rect, other: Rect, axis: Axis): boolean {
  const across = ACROSS[axis];
  const length = LENGTH[across];
  return rect[across] < other[across] + other[length] && other[across] < rect[across] + rect[length];
}

/** How far `rect` may go along `axis` (`offset` > 0 right or down) before it meets `other`; touching is still apart. */
export function roomAlong(axis: Axis, rect: Rect, other: Rect, offset: number): number {
  if (!isInLine(rect, other, axis)) return offset;
  const length = LENGTH[axis];
  const gapAhead = other[axis] - (rect[axis] + rect[length]);
  const gapBehind = rect[axis] - (other[axis] + other[length]);
  if (offset > 0 && gapAhead >= 0) return Math.min(offset, gapAhead);
  if (offset < 0 && gapBehind >= 0) return Math.max(offset, -gapBehind);
  return offset;
}

/**
 * How far `items` must move right (or down, along `axis` y), from `offset`, so none of them comes
 * within `spacing` of an obstacle: each collision moves the group just past the obstacle it hit.
 */
export function slideClear(
  items: readonly Rect[],
  obstacles: readonly Rect[],
  offset: Point,
  spacing: number,
  axis: 'x' | 'y' = 'x',
): Point {
  const length = axis === 'x' ? 'width' : 'height';
  let shift = { ...offset };
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const hit = items
      .map((item) => translate(item, shift))
      .flatMap((item) =>
        obstacles
          .filter((obstacle) => overlaps(inflate(item, spacing), obstacle))
          .map((obstacle) => obstacle[axis] + obstacle[length] + spacing - item[axis]),
      );
    if (hit.length === 0) return shift;
    shift = { ...shift, [axis]: shift[axis] + Math.max(1, Math.min(...hit)) };
  }
  return shift;
}

/** The shorter of sliding `items` right or down until they are clear (see `slideClear`); right on a tie. */
export function slideClearNearest(
  items: readonly Rect[],
  obstacles: readonly Rect[],
  offset: Point,
  spacing: number,
): Point {
  const right = slideClear(items, obstacles, offset, spacing, 'x');
  const down = slideClear(items, obstacles, offset, spacing, 'y');
  const distance = (shift: Point) => Math.abs(shift.x - offset.x) + Math.abs(shift.y - offset.y);
  return distance(down) < distance(right) ? down : right;
}

/**
 * The offset nearest `offset`, in any direction, at which none of `items` comes within `spacing` of
 * an obstacle; one that keeps them all inside `preferredArea` (the view) wins over a nearer one
 * that does not. Tried where the group's bounds just clear an obstacle's edge, or keep `offset`'s.
 */
export function nearestClearOffset(
  items: readonly Rect[],
  obstacles: readonly Rect[],
  offset: Point,
  spacing: number,
  preferredArea?: Rect,
): Point {
  const bounds = boundsOf(items);
  if (!bounds) return offset;
  const along = (axis: 'x' | 'y') => {
    const length = axis === 'x' ? 'width' : 'height';
    return [
      offset[axis],
      ...obstacles.flatMap((obstacle) => [
        obstacle[axis] - spacing - (bounds[axis] + bounds[length]),
        obstacle[axis] + obstacle[length] + spacing - bounds[axis],
      ]),
    ];
  };
  const ys = along('y');
  const candidates = along('x')
    .flatMap((x) => ys.map((y) => ({ x, y })))
    .sort((a, b) => Math.hypot(a.x - offset.x, a.y - offset.y) - Math.hypot(b.x - offset.x, b.y - offset.y));
  const isClear = (shift: Point) =>
    items.every((item) => !obstacles.some((obstacle) => overlaps(inflate(translate(item, shift), spacing), obstacle)));
  const isInPreferredArea = (shift: Point) => !preferredArea || containsRect(preferredArea, translate(bounds, shift));
  let nearestClear: Point | undefined;
  for (const candidate of candidates) {
    if (!isClear(candidate)) continue;
    if (isInPreferredArea(candidate)) return candidate;
    nearestClear ??= candidate;
  }
  // Right of the rightmost obstacle is always clear: there is always a nearest.
  return nearestClear ?? offset;
}
