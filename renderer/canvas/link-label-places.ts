import { MIN_CHILD_MARGIN } from '../../shared/editing/containment';
import { inflate, overlaps, type Point, type Rect, type Size } from '../../shared/editing/geometry';
import { rectGrid } from '../../shared/editing/rect-grid';
import { middleOfLink, middleSegmentOf, midpoint } from './link-route';

/** A label along a link sits this far above its point, so the line under it stays visible. */
export const LABEL_GAP = 8;
/** The least a label looking for a clear place moves on, against rounding errors. */
const MIN_JUMP = 1;
/** How far apart the labels of two links stay at least, so they never read as one. */
const LABEL_SPACING = 4;
/** The governance badge drawn on the middle of a link (a circle of radius 8). */
const BADGE_RADIUS = 8;
/**
 * How far a label may stand from its link's line (from its box to the line) where no place along
 * the link is clear: farther, it reads as another link's.
 */
export const MAX_DISTANCE_FROM_LINK = 24;
/** The step between the lines beside a link where a label looks for a clear place. */
const BESIDE_STEP = 2;
/** How far a label keeps from the lines of other links, so it never reads as theirs. */
const OTHER_LINK_CLEARANCE = 4;
/**
 * How far a label keeps from where another link leaves or enters a port: nearer, it reads as
 * that link's count.
 */
export const OTHER_LINK_END_CLEARANCE = 24;
/** About a node's size: most boxes asked about fall in one to four cells. */
const GRID_CELL = 128;

/** A label to place along a link: the corners of the link's route, and the label's size. */
export interface LinkLabel {
  linkId: string;
  points: readonly Point[];
  size: Size;
}

/** The box of a label of `size` drawn above `point`, centred on it. */
export function labelBoxAt(point: Point, size: Size): Rect {
  return { x: point.x - size.width / 2, y: point.y - LABEL_GAP - size.height, ...size };
}

/** A straight stretch of a link's line, grown to what a label must keep out of to stay clear of it. */
interface LinkStretch extends Rect {
  linkId: string;
}

/**
 * The stretches of a link's line, each grown by OTHER_LINK_CLEARANCE and upwards by LABEL_GAP: a
 * label's box clear of them has no such line through it nor in the gap down to the point it stands on.
 */
function stretchesOf({ linkId, points }: LinkLabel): LinkStretch[] {
  return points.slice(1).map((end, index) => {
    const start = points[index] as Point;
    const top = Math.min(start.y, end.y) - OTHER_LINK_CLEARANCE - LABEL_GAP;
    const left = Math.min(start.x, end.x) - OTHER_LINK_CLEARANCE;
    return {
      linkId,
      x: left,
      y: top,
      width: Math.abs(end.x - start.x) + 2 * OTHER_LINK_CLEARANCE,
      height: Math.abs(end.y - start.y) + 2 * OTHER_LINK_CLEARANCE + LABEL_GAP,
    };
  });
}

/** The areas round where a link leaves and enters its ports, which other links' labels keep out of. */
function endsOf({ linkId, points }: LinkLabel): LinkStretch[] {
  return [points[0], points.at(-1)]
    .filter((end): end is Point => end !== undefined)
    .map((end) => ({ linkId, ...inflate({ ...end, width: 0, height: 0 }, OTHER_LINK_END_CLEARANCE) }));
}

/** A domain's title bar: the band at its top that its products and systems keep clear of. */
export function domainTitleBar(domain: Rect): Rect {
  return { x: domain.x, y: domain.y, width: domain.width, height: MIN_CHILD_MARGIN.top };
}

/**
 * Where each label goes along its own link so that it covers no node body, no domain's title bar
 * (links run inside domains, so the rest of a domain is open), not the badge on its link's middle,
 * no other link's label, no other link's ends (where it would read as that link's count) and,
 * where it can, no other link's line (links leaving ports side by side
 * run close together until they part): on the middle segment, as near its middle as it can;
 * else on the next segments out from the middle; where no place along the link is clear, beside
 * it, never farther than MAX_DISTANCE_FROM_LINK from its line; where nothing that near is clear,
 * on the link over the nodes it passes between, so a count never drifts to read as another link's. Labels are placed in the order of their link ids,
 * so the same design gets the same places whatever order its links are drawn in.
 */
export function placeLinkLabels(
  labels: readonly LinkLabel[],
  bodies: readonly Rect[],
  domains: readonly Rect[] = [],
): ReadonlyMap<string, Point> {
  const taken = rectGrid(GRID_CELL, [...bodies, ...domains.map(domainTitleBar)]);
  const labelsAndTitles = rectGrid(GRID_CELL, domains.map(domainTitleBar));
  const linkLines = rectGrid(GRID_CELL, labels.flatMap(stretchesOf));
  const linkEnds = rectGrid(GRID_CELL, labels.flatMap(endsOf));
  const places = new Map<string, Point>();
  for (const { linkId, points, size } of [...labels].sort(byLinkId)) {
    const middle = middleOfLink(points);
    const badge = { x: middle.x - BADGE_RADIUS, y: middle.y - BADGE_RADIUS, width: 16, height: 16 };
    const otherLinkEndAt = (box: Rect): Rect | undefined =>
      linkEnds.firstOverlapping(box, (end) => end.linkId !== linkId);
    const blockerAt = (point: Point): Rect | undefined => {
      const box = labelBoxAt(point, size);
      return overlaps(box, badge) ? badge : (taken.firstOverlapping(box) ?? otherLinkEndAt(box));
    };
    const blockerOrOtherLineAt = (point: Point): Rect | undefined =>
      blockerAt(point) ?? linkLines.firstOverlapping(labelBoxAt(point, size), (line) => line.linkId !== linkId);
    // Over the nodes the link passes between, rather than far from it: only labels, the badge and title bars block.
    const labelOrTitleAt = (point: Point): Rect | undefined => {
      const box = labelBoxAt(point, size);
      return overlaps(box, badge) ? badge : labelsAndTitles.firstOverlapping(box);
    };
    const place =
      nearestClearAlongLink(points, size, blockerOrOtherLineAt) ??
      // Beside its own line only where it still covers it: off it, a label clear of the other lines reads as no line's.
      nearestClearBesideLink(points, size, blockerOrOtherLineAt, 0) ??
      nearestClearAlongLink(points, size, blockerAt) ??
      nearestClearBesideLink(points, size, blockerAt) ??
      nearestClearAlongLink(points, size, labelOrTitleAt) ??
      nearestClearBesideLink(points, size, labelOrTitleAt) ??
      middle;
    taken.add(inflate(labelBoxAt(place, size), LABEL_SPACING));
    labelsAndTitles.add(inflate(labelBoxAt(place, size), LABEL_SPACING));
    places.set(linkId, place);
  }
  return places;
}

function byLinkId(a: LinkLabel, b: LinkLabel): number {
  return a.linkId < b.linkId ? -1 : a.linkId > b.linkId ? 1 : 0;
}

type BlockerAt = (point: Point) => Rect | undefined;

/** The clear place along a link nearest the middle of its middle segment, else of the segments out from it. */
function nearestClearAlongLink(points: readonly Point[], size: Size, blockerAt: BlockerAt): Point | undefined {
  for (const segment of segmentsOutFrom(middleSegmentOf(points), points.length - 1)) {
    const place = nearestClearOnSegment(points[segment] as Point, points[segment + 1] as Point, size, blockerAt);
    if (place) return place;
  }
  return undefined;
}

/** A line beside a segment of a link where a label may stand, and how far a label on it is from the segment. */
interface BesideLine {
  from: Point;
  to: Point;
  distance: number;
  /** How far the line is from where a label on the segment itself stands: nearer first among equally distant lines. */
  shift: number;
  segmentRank: number;
}

/**
 * The clear place nearest the link, within `farthest` of its line, where a label covers nothing:
 * first where its box still covers the line, then farther out; among equals, nearest the middle
 * segment. Links are drawn at right angles, so each segment is horizontal or vertical.
 */
function nearestClearBesideLink(
  points: readonly Point[],
  size: Size,
  blockerAt: BlockerAt,
  farthest = MAX_DISTANCE_FROM_LINK,
): Point | undefined {
  const lines = segmentsOutFrom(middleSegmentOf(points), points.length - 1)
    .flatMap((segment, segmentRank) =>
      linesBeside(points[segment] as Point, points[segment + 1] as Point, size).map((line) => ({
        ...line,
        segmentRank,
      })),
    )
    .filter((line) => line.distance <= farthest)
    .sort((a, b) => a.distance - b.distance || a.shift - b.shift || a.segmentRank - b.segmentRank);
  for (const line of lines) {
    const place = nearestClearOnSegment(line.from, line.to, size, blockerAt);
    if (place) return place;
  }
  return undefined;
}

/** The lines parallel to a segment on which a label's box overlaps the segment's span and stands within the bound of it. */
function linesBeside(from: Point, to: Point, size: Size): Omit<BesideLine, 'segmentRank'>[] {
  const lines: Omit<BesideLine, 'segmentRank'>[] = [];
  if (from.y === to.y) {
    const [left, right] = from.x < to.x ? [from.x, to.x] : [to.x, from.x];
    // A label stands LABEL_GAP above its point: its box spans [y - LABEL_GAP - height, y - LABEL_GAP].
    for (
      let y = from.y + LABEL_GAP - MAX_DISTANCE_FROM_LINK;
      y <= from.y + LABEL_GAP + size.height + MAX_DISTANCE_FROM_LINK;
      y += BESIDE_STEP
    ) {
      const distance = Math.max(y - LABEL_GAP - size.height - from.y, from.y - (y - LABEL_GAP), 0);
      const ends = { from: { x: left - size.width / 2, y }, to: { x: right + size.width / 2, y } };
      lines.push({ ...ends, distance, shift: Math.abs(y - from.y) });
    }
  } else if (from.x === to.x) {
    const [top, bottom] = from.y < to.y ? [from.y, to.y] : [to.y, from.y];
    const reach = size.width / 2 + MAX_DISTANCE_FROM_LINK;
    for (let offset = -reach; offset <= reach; offset += BESIDE_STEP) {
      const x = from.x + offset;
      const ends = { from: { x, y: top + LABEL_GAP }, to: { x, y: bottom + LABEL_GAP + size.height } };
      lines.push({ ...ends, distance: Math.max(Math.abs(offset) - size.width / 2, 0), shift: Math.abs(offset) });
    }
  }
  return lines;
}

/** Segment indexes from the middle one outwards: m, m - 1, m + 1, m - 2… */
function segmentsOutFrom(middle: number, count: number): number[] {
  const order = [middle];
  for (let distance = 1; order.length < count; distance++) {
    if (middle - distance >= 0) order.push(middle - distance);
    if (middle + distance < count) order.push(middle + distance);
  }
  return order;
}

/**
 * The clear place on a segment nearest its middle: it looks from the middle towards both ends,
 * and where a place is blocked, it jumps past what blocks it (so a crowded segment costs a look
 * per label on it, not one every few pixels).
 */
function nearestClearOnSegment(from: Point, to: Point, size: Size, blockerAt: BlockerAt): Point | undefined {
  const centre = midpoint(from, to);
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (length === 0) return blockerAt(centre) ? undefined : centre;
  const towardsEnd = { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
  const ways = [{ x: -towardsEnd.x, y: -towardsEnd.y }, towardsEnd].map((direction) => ({ direction, offset: 0 }));
  for (;;) {
    const open = ways.filter((way) => way.offset <= length / 2);
    // Towards the start first where both are as far from the middle.
    const way = open.reduce<(typeof open)[number] | undefined>(
      (nearest, candidate) => (nearest && nearest.offset <= candidate.offset ? nearest : candidate),
      undefined,
    );
    if (!way) return undefined;
    const place = { x: centre.x + way.direction.x * way.offset, y: centre.y + way.direction.y * way.offset };
    const blocker = blockerAt(place);
    if (!blocker) return place;
    way.offset += Math.max(MIN_JUMP, distanceToClear(labelBoxAt(place, size), way.direction, blocker));
  }
}

/** How far a box moving in `direction` (a unit vector) goes before it is clear of `blocker`. */
function distanceToClear(box: Rect, direction: Point, blocker: Rect): number {
  const alongX =
    direction.x > 0 ? blocker.x + blocker.width - box.x : direction.x < 0 ? box.x + box.width - blocker.x : Infinity;
  const alongY =
    direction.y > 0 ? blocker.y + blocker.height - box.y : direction.y < 0 ? box.y + box.height - blocker.y : Infinity;
  return Math.min(alongX / Math.abs(direction.x), alongY / Math.abs(direction.y));
}
