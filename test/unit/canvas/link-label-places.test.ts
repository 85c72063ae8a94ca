import { describe, expect, it } from 'vitest';
import {
  domainTitleBar,
  type LinkLabel,
  labelBoxAt,
  placeLinkLabels,
} from '../../../renderer/canvas/link-label-places';
import { linkRoute, middleOfLink } from '../../../renderer/canvas/link-route';
import { boundsOf, overlaps, type Point, type Rect, type Size } from '../../../shared/editing/geometry';
import { seededRandom } from '../../../shared/simulation/seeded-random';

/** Where one link's label goes when it is the only one. */
function placeAlone(points: readonly Point[], size: Size, bodies: readonly Rect[]): Point {
  return placeLinkLabels([{ linkId: 'only', points, size }], bodies).get('only') as Point;
}

/** A link from the right side of `source` to the left side of `target`, routed as the canvas routes it. */
function linkBetween(linkId: string, source: Rect, target: Rect, bodies: readonly Rect[], size: Size): LinkLabel {
  const from = { x: source.x + source.width, y: source.y + source.height / 2 };
  const to = { x: target.x, y: target.y + target.height / 2 };
  const { points } = linkRoute(from, to, boundsOf([source, target]), 0, bodies);
  return { linkId, points, size };
}

/** Every two boxes of `boxes` that overlap, by their names. */
function overlappingPairs(boxes: ReadonlyMap<string, Rect>): string[] {
  const entries = [...boxes];
  return entries.flatMap(([name, box], index) =>
    entries
      .slice(index + 1)
      .filter(([, other]) => overlaps(box, other))
      .map(([otherName]) => `${name} × ${otherName}`),
  );
}

function labelBoxes(labels: readonly LinkLabel[], places: ReadonlyMap<string, Point>): Map<string, Rect> {
  return new Map(labels.map((label) => [label.linkId, labelBoxAt(places.get(label.linkId) as Point, label.size)]));
}

describe('a count label along a link', () => {
  // Down the middle: (0,0) → (100,0) → (100,300) → (200,300).
  const { points } = linkRoute({ x: 0, y: 0 }, { x: 200, y: 300 });
  const size = { width: 60, height: 18 };

  it('sits on the middle of the middle segment when nothing is there', () => {
    expect(placeAlone(points, size, [])).toEqual({ x: 100, y: 150 });
  });

  it('slides along the middle segment, as little as it can, off a node the link passes over', () => {
    const node = { x: 60, y: 100, width: 120, height: 80 };
    const place = placeAlone(points, size, [node]);
    expect(place.x).toBe(100);
    expect(overlaps(labelBoxAt(place, size), node)).toBe(false);
    // Above the node (the nearer way out) and right against it.
    expect(labelBoxAt(place, size).y + size.height).toBeLessThanOrEqual(node.y);
    expect(overlaps(labelBoxAt({ x: 100, y: place.y + 4 }, size), node)).toBe(true);
  });

  it('keeps off the badge on the middle of the link', () => {
    const above = { x: 0, y: 0, width: 200, height: 140 };
    const place = placeAlone(points, size, [above]);
    expect(place.x).toBe(100);
    // Below the middle, clear of the 16-pixel badge there as well as of the node above.
    expect(labelBoxAt(place, size).y).toBeGreaterThanOrEqual(158);
  });

  it('moves to the next segment when the middle one is covered from end to end', () => {
    const column = { x: 40, y: -40, width: 120, height: 380 };
    const place = placeAlone(points, size, [column]);
    expect(place.y === 0 || place.y === 300).toBe(true);
    expect(overlaps(labelBoxAt(place, size), column)).toBe(false);
  });

  it('slides off the title bar of a domain the link passes under, so the domain’s name stays readable', () => {
    const domain = { x: 0, y: 130, width: 300, height: 300 };
    const place = placeLinkLabels([{ linkId: 'only', points, size }], [], [domain]).get('only') as Point;
    expect(place.x).toBe(100);
    expect(overlaps(labelBoxAt(place, size), domainTitleBar(domain))).toBe(false);
  });

  it('stays on the middle of a link that runs inside a domain, below its title bar', () => {
    const domain = { x: -50, y: -100, width: 400, height: 600 };
    expect(placeLinkLabels([{ linkId: 'only', points, size }], [], [domain]).get('only')).toEqual({ x: 100, y: 150 });
  });

  it('leaves the link, straight above or below its middle, whichever is nearer, when nothing along it is clear', () => {
    // The link runs from y 0 to y 300, its middle at y 150: the node's bottom edge is nearer.
    const everything = { x: -500, y: -500, width: 1200, height: 900 };
    const below = placeAlone(points, size, [everything]);
    expect(below.x).toBe(100);
    expect(labelBoxAt(below, size).y).toBe(everything.y + everything.height);

    const deeper = { ...everything, height: 1400 };
    const above = placeAlone(points, size, [deeper]);
    expect(above.x).toBe(100);
    expect(labelBoxAt(above, size).y + size.height).toBe(deeper.y);
  });
});

describe('the count labels of several links', () => {
  const size = { width: 70, height: 18 };

  it('do not cover each other where two links run round under the product they both enter', () => {
    // As in the ride-hailing design: rides and incidents, drawn right of safety-watch, both feed it.
    const safetyWatch = { x: 200, y: 300, width: 250, height: 110 };
    const rides = { x: 700, y: 100, width: 220, height: 120 };
    const incidents = { x: 700, y: 260, width: 220, height: 120 };
    const bodies = [safetyWatch, rides, incidents];
    const labels = [
      linkBetween('rides-safety', rides, safetyWatch, bodies, size),
      linkBetween('incidents-safety', incidents, safetyWatch, bodies, size),
    ];
    const boxes = labelBoxes(labels, placeLinkLabels(labels, bodies));
    expect(overlappingPairs(boxes)).toEqual([]);
    for (const box of boxes.values()) expect(bodies.filter((body) => overlaps(box, body))).toEqual([]);
  });

  it('move along their own links, not sideways off them', () => {
    // Two links on the same horizontal line: the second label slides along it.
    const points = [
      { x: 0, y: 100 },
      { x: 400, y: 100 },
    ];
    const places = placeLinkLabels(
      [
        { linkId: 'a', points, size },
        { linkId: 'b', points, size },
      ],
      [],
    );
    expect(places.get('a')).toEqual({ x: 200, y: 100 });
    expect(places.get('b')?.y).toBe(100);
    expect(Math.abs((places.get('b')?.x ?? 200) - 200)).toBeGreaterThanOrEqual(size.width);
  });

  it('get the same places whatever order their links come in', () => {
    const labels = randomDesign(7).labels;
    const places = placeLinkLabels(labels, randomDesign(7).bodies);
    const reversed = placeLinkLabels([...labels].reverse(), randomDesign(7).bodies);
    expect(new Map([...reversed].sort())).toEqual(new Map([...places].sort()));
  });

  it.each(Array.from({ length: 150 }, (_, seed) => seed))(
    'cover neither each other nor a node body, in random design %i',
    (seed) => {
      const { labels, bodies } = randomDesign(seed);
      const boxes = labelBoxes(labels, placeLinkLabels(labels, bodies));
      expect(overlappingPairs(boxes)).toEqual([]);
      for (const [linkId, box] of boxes) {
        expect(
          bodies.filter((body) => overlaps(box, body)),
          `${linkId} over a node`,
        ).toEqual([]);
      }
    },
  );

  it('keep apart for a thousand products in columns, each feeding two of the next', () => {
    const random = seededRandom(1, 'columns');
    const columns = 40;
    const rows = 25;
    const bodies = Array.from({ length: columns * rows }, (_, index) => ({
      x: Math.floor(index / rows) * 400,
      y: (index % rows) * 200,
      width: 220,
      height: 120,
    }));
    const labels = bodies.slice(0, -rows).flatMap((source, index) =>
      [0, 1].map((feed) => {
        const row = Math.min(rows - 1, Math.max(0, (index % rows) + random.integer(-3, 3)));
        const target = bodies[(Math.floor(index / rows) + 1) * rows + row] as Rect;
        return linkBetween(`link-${index}-${feed}`, source, target, bodies, { width: 70, height: 18 });
      }),
    );
    expect(overlappingPairs(labelBoxes(labels, placeLinkLabels(labels, bodies)))).toEqual([]);
  });
});

/**
 * Nodes scattered over an area without overlapping, links between random pairs of them (many into
 * the same few products), each with a count label of a random width.
 */
function randomDesign(
  seed: number,
  { nodes = 14, links = 24, width = 1400, height = 900 } = {},
): { bodies: Rect[]; labels: LinkLabel[] } {
  const random = seededRandom(seed, 'link labels');
  const bodies: Rect[] = [];
  for (let attempt = 0; bodies.length < nodes && attempt < nodes * 20; attempt++) {
    const body = {
      x: random.integer(0, width),
      y: random.integer(0, height),
      width: random.integer(140, 260),
      height: random.integer(60, 160),
    };
    if (!bodies.some((other) => overlaps(body, { ...other, x: other.x - 30, width: other.width + 60 })))
      bodies.push(body);
  }
  const hubs = bodies.slice(0, 3);
  const labels = Array.from({ length: links }, (_, index) => {
    const source = random.pick(bodies);
    const target = random.next() < 0.5 ? random.pick(hubs) : random.pick(bodies);
    const size = { width: random.integer(30, 160), height: 18 };
    return linkBetween(`link-${String(index).padStart(3, '0')}`, source, target, bodies, size);
  }).filter((label) => Number.isFinite(middleOfLink(label.points).x));
  return { bodies, labels };
}
