import { MIN_CHILD_MARGIN } from '../../shared/editing/containment';
import { inflate, overlaps, type Point, type Rect, type Size } from '../../shared/editing/geometry';
import { rectGrid } from '../../shared/editing/rect-grid';
import { middleOfLink } from './link-route';

/** A label along a link sits this far above its point, so the line under it stays visible. */
export const LABEL_GAP = 8;
/** The least a label looking for a clear place moves on, against rounding errors. */
const MIN_JUMP = 1;
/** How far apart the labels of two links stay at least, so they never read as one. */
const LABEL_SPACING = 4;
/**
 * How far back along its link from the consumer's port a count looks for a place clear of the
 * other links' lines, before it stands over one rather than go farther.
 */
const NEAR_CONSUMER = 100;
/** How far a label keeps from a node body, so that drawn at a fractional zoom it never touches the node it stands by. */
const BODY_CLEARANCE = 2;
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
 * where it can, no other link's line (links leaving ports side by side run close together until
 * they part): as near the link's consuming end as it can, just before the input port, as stream
 * tools show records arriving at their consumer (so the counts of a product's inputs stand by
 * it, one behind the other where its inputs are close); over another link's line rather than
 * farther than NEAR_CONSUMER back along its own; where no place along the link is clear, beside
 * it, never farther than MAX_DISTANCE_FROM_LINK from its line; where nothing that near is clear,
 * on the link over the nodes it passes between, so a count never drifts to read as another
 * link's. Labels are placed in the order of their link ids, so the same design gets the same
 * places whatever order its links are drawn in.
 */
export function placeLinkLabels(
  labels: readonly LinkLabel[],
  bodies: readonly Rect[],
  domains: readonly Rect[] = [],
): ReadonlyMap<string, Point> {
  const taken = rectGrid(GRID_CELL, [
    ...bodies.map((body) => inflate(body, BODY_CLEARANCE)),
    ...domains.map(domainTitleBar),
  ]);
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
      nearestClearAlongLink(points, size, blockerOrOtherLineAt, NEAR_CONSUMER) ??
      nearestClearBesideLink(points, size, blockerOrOtherLineAt, 0, NEAR_CONSUMER) ??
      nearestClearAlongLink(points, size, blockerAt, NEAR_CONSUMER) ??
      nearestClearBesideLink(points, size, blockerAt, MAX_DISTANCE_FROM_LINK, NEAR_CONSUMER) ??
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

/** A stretch of a link, its end nearer the consumer, and how far back from that end a label may look on it. */
interface StretchBack {
  start: Point;
  end: Point;
  reach: number;
}

/** The segments of a link from the one into the consumer back to the first, as far as `reach` back from the consumer. */
function segmentsFromTheEnd(points: readonly Point[], reach: number): StretchBack[] {
  const segments: StretchBack[] = [];
  let left = reach;
  for (let segment = points.length - 2; segment >= 0 && left >= 0; segment--) {
    const [start, end] = [points[segment] as Point, points[segment + 1] as Point];
    const length = Math.hypot(end.x - start.x, end.y - start.y);
    segments.push({ start, end, reach: Math.min(length, left) });
    left -= length;
  }
  return segments;
}

/** The clear place along a link nearest its consuming end, looking back along it at most `reach`. */
function nearestClearAlongLink(
  points: readonly Point[],
  size: Size,
  blockerAt: BlockerAt,
  reach = Number.POSITIVE_INFINITY,
): Point | undefined {
  for (const segment of segmentsFromTheEnd(points, reach)) {
    const place = firstClearBack(segment, size, blockerAt);
    if (place) return place;
  }
  return undefined;
}

/** A line beside a segment of a link where a label may stand, and how far a label on it is from the segment. */
interface BesideLine extends StretchBack {
  distance: number;
  /** How far the line is from where a label on the segment itself stands: nearer first among equally distant lines. */
  shift: number;
  segmentRank: number;
}

/**
 * The clear place nearest the link, within `farthest` of its line and `reach` back from its
 * consumer, where a label covers nothing: first where its box still covers the line, then farther
 * out; among equals, on the segment nearest the consumer. Links are drawn at right angles, so
 * each segment is horizontal or vertical.
 */
function nearestClearBesideLink(
  points: readonly Point[],
  size: Size,
  blockerAt: BlockerAt,
  farthest = MAX_DISTANCE_FROM_LINK,
  reach = Number.POSITIVE_INFINITY,
): Point | undefined {
  const lines = segmentsFromTheEnd(points, reach)
    .flatMap((segment, segmentRank) => linesBeside(segment, size).map((line) => ({ ...line, segmentRank })))
    .filter((line) => line.distance <= farthest)
    .sort((a, b) => a.distance - b.distance || a.shift - b.shift || a.segmentRank - b.segmentRank);
  for (const line of lines) {
    const place = firstClearBack(line, size, blockerAt);
    if (place) return place;
  }
  return undefined;
}

/**
 * The lines parallel to a segment on which a label's box overlaps the segment's span and stands
 * within the bound of it, each run from its end nearer the consumer.
 */
function linesBeside({ start, end, reach }: StretchBack, size: Size): Omit<BesideLine, 'segmentRank'>[] {
  const lines: Omit<BesideLine, 'segmentRank'>[] = [];
  if (start.y === end.y) {
    const forwards = Math.sign(end.x - start.x);
    // A label stands LABEL_GAP above its point: its box spans [y - LABEL_GAP - height, y - LABEL_GAP].
    for (
      let y = start.y + LABEL_GAP - MAX_DISTANCE_FROM_LINK;
      y <= start.y + LABEL_GAP + size.height + MAX_DISTANCE_FROM_LINK;
      y += BESIDE_STEP
    ) {
      const distance = Math.max(y - LABEL_GAP - size.height - start.y, start.y - (y - LABEL_GAP), 0);
      const ends = {
        start: { x: start.x - (forwards * size.width) / 2, y },
        end: { x: end.x + (forwards * size.width) / 2, y },
      };
      lines.push({ ...ends, reach: reach + size.width, distance, shift: Math.abs(y - start.y) });
    }
  } else if (start.x === end.x) {
    const [top, bottom] = [Math.min(start.y, end.y) + LABEL_GAP, Math.max(start.y, end.y) + LABEL_GAP + size.height];
    const [startY, endY] = end.y > start.y ? [top, bottom] : [bottom, top];
    const across = size.width / 2 + MAX_DISTANCE_FROM_LINK;
    for (let offset = -across; offset <= across; offset += BESIDE_STEP) {
      const x = start.x + offset;
      const ends = { start: { x, y: startY }, end: { x, y: endY } };
      const distance = Math.max(Math.abs(offset) - size.width / 2, 0);
      lines.push({ ...ends, reach: reach + size.height, distance, shift: Math.abs(offset) });
    }
  }
  return lines;
}

/**
 * The clear place on a stretch nearest its end, looking back at most its reach: where a place is
 * blocked, it jumps past what blocks it (so a crowded stretch costs a look per label on it, not
 * one every few pixels).
 */
function firstClearBack({ start, end, reach }: StretchBack, size: Size, blockerAt: BlockerAt): Point | undefined {
  const length = Math.hypot(end.x - start.x, end.y - start.y);
  if (length === 0) return blockerAt(end) ? undefined : end;
  const back = { x: (start.x - end.x) / length, y: (start.y - end.y) / length };
  for (let offset = 0; offset <= Math.min(reach, length); ) {
    const place = { x: end.x + back.x * offset, y: end.y + back.y * offset };
    const blocker = blockerAt(place);
    if (!blocker) return place;
    offset += Math.max(MIN_JUMP, distanceToClear(labelBoxAt(place, size), back, blocker));
  }
  return undefined;
}

/** How far a box moving in `direction` (a unit vector) goes before it is clear of `blocker`. */
function distanceToClear(box: Rect, direction: Point, blocker: Rect): number {
  const alongX =
    direction.x > 0 ? blocker.x + blocker.width - box.x : direction.x < 0 ? box.x + box.width - blocker.x : Infinity;
  const alongY =
    direction.y > 0 ? blocker.y + blocker.height - box.y : direction.y < 0 ? box.y + box.height - blocker.y : Infinity;
  return Math.min(alongX / Math.abs(direction.x), alongY / Math.abs(direction.y));
}
