import { describe, expect, it } from 'vitest';
import {
  domainTitleBar,
  LABEL_GAP,
  type LinkLabel,
  labelBoxAt,
  MAX_DISTANCE_FROM_LINK,
  OTHER_LINK_END_CLEARANCE,
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

  // The consumer, whose input port the link enters at (200, 300).
  const consumer = { x: 200, y: 260, width: 160, height: 80 };

  it('sits just before the consumer’s input port, as records arrive there, when nothing is there', () => {
    const place = placeAlone(points, size, [consumer]);
    // Its box ends a couple of pixels before the consumer, so it never touches it at any zoom.
    expect(place).toEqual({ x: 198 - size.width / 2, y: 300 });
  });

  it('slides back along the link, as little as it can, off a node the link passes over', () => {
    const node = { x: 150, y: 270, width: 30, height: 60 };
    const place = placeAlone(points, size, [node, consumer]);
    expect(place.y).toBe(300);
    expect(labelBoxAt(place, size).x + size.width).toBe(node.x - 2);
  });

  it('keeps off the badge on the middle of the link', () => {
    const below = { x: 40, y: 160, width: 320, height: 200 };
    const place = placeAlone(points, size, [below]);
    expect(place.x).toBe(100);
    // Above the node, and clear of the 16-pixel badge on the middle (100, 150) as well.
    expect(labelBoxAt(place, size).y + size.height).toBeLessThanOrEqual(142);
  });

  it('moves to the next segment when the one into the consumer is covered from end to end', () => {
    const column = { x: 40, y: -40, width: 120, height: 380 };
    const place = placeAlone(points, size, [column]);
    expect(place.y === 0 || place.y === 300).toBe(true);
    expect(overlaps(labelBoxAt(place, size), column)).toBe(false);
  });

  it('slides off the title bar of a domain the link passes under, so the domain’s name stays readable', () => {
    const domain = { x: 150, y: 280, width: 300, height: 300 };
    const place = placeLinkLabels([{ linkId: 'only', points, size }], [], [domain]).get('only') as Point;
    expect(place.y).toBe(300);
    expect(overlaps(labelBoxAt(place, size), domainTitleBar(domain))).toBe(false);
  });

  it('stays at the consumer’s end of a link that runs inside a domain, below its title bar', () => {
    const domain = { x: -50, y: -100, width: 400, height: 600 };
    expect(placeLinkLabels([{ linkId: 'only', points, size }], [], [domain]).get('only')).toEqual({ x: 200, y: 300 });
  });

  it('stays at the consumer’s end of its link, over what is there, when nothing near the link is clear', () => {
    const everything = { x: -500, y: -500, width: 1200, height: 900 };
    expect(placeAlone(points, size, [everything])).toEqual({ x: 200, y: 300 });
  });

  it('stacks the counts of a product’s inputs by it, one behind the other, each within 150 px of its port', () => {
    // Three links from far off (2,000 px) into ports 20 px apart, as into the rescue's Operations Dashboard.
    const dashboard = { x: 3000, y: 480, width: 240, height: 120 };
    const ports = [510, 530, 550].map((y) => ({ x: dashboard.x, y }));
    const labels = ports.map((port, index) => ({
      linkId: `input-${index}`,
      points: [
        { x: 1000, y: 100 + 400 * index },
        { x: 2960 - 14 * index, y: 100 + 400 * index },
        { x: 2960 - 14 * index, y: port.y },
        port,
      ],
      size: { width: 70, height: 18 },
    }));
    const places = placeLinkLabels(labels, [dashboard]);
    const boxes = labelBoxes(labels, places);
    expect(overlappingPairs(boxes)).toEqual([]);
    for (const [index, port] of ports.entries()) {
      const place = places.get(`input-${index}`) as Point;
      expect(Math.hypot(place.x - port.x, place.y - port.y)).toBeLessThanOrEqual(150);
      expect(overlaps(boxes.get(`input-${index}`) as Rect, dashboard)).toBe(false);
    }
  });
});

/** How far a box is from a right-angled route: 0 where it covers the line. */
function distanceToRoute(box: Rect, route: readonly Point[]): number {
  return Math.min(
    ...route.slice(1).map((end, index) => {
      const start = route[index] as Point;
      const segment = boundsOf([
        { ...start, width: 0, height: 0 },
        { ...end, width: 0, height: 0 },
      ]) as Rect;
      const dx = Math.max(segment.x - (box.x + box.width), box.x - (segment.x + segment.width), 0);
      const dy = Math.max(segment.y - (box.y + box.height), box.y - (segment.y + segment.height), 0);
      return Math.hypot(dx, dy);
    }),
  );
}

describe('a count wider than the gap its link crosses (the QA’s Box Office, Simulate at 1280 × 800)', () => {
  // Ticketing on the left; Bookings and Screenings stacked on the right, 23 px apart; the links cross the 93 px between.
  const ticketing = { x: 480, y: 85, width: 320, height: 213 };
  const bookings = { x: 893, y: 80, width: 312, height: 113 };
  const screenings = { x: 893, y: 216, width: 312, height: 114 };
  const boxOffice = { x: 446, y: 12, width: 797, height: 330 };
  const toBookings = [
    { x: 800, y: 252 },
    { x: 845, y: 252 },
    { x: 845, y: 173 },
    { x: 893, y: 173 },
  ];
  const toScreenings = [
    { x: 800, y: 273 },
    { x: 845, y: 273 },
    { x: 845, y: 308 },
    { x: 893, y: 308 },
  ];
  const labels: LinkLabel[] = [
    { linkId: 'box-office-ticketing-to-box-office-bookings', points: toBookings, size: { width: 136, height: 20 } },
    { linkId: 'box-office-ticketing-to-box-office-screenings', points: toScreenings, size: { width: 22, height: 18 } },
  ];
  const places = placeLinkLabels(labels, [ticketing, bookings, screenings], [boxOffice]);
  const count = labelBoxAt(places.get(labels[0]?.linkId ?? '') as Point, { width: 136, height: 20 });

  it('stays on its own link, not on the domain’s bottom border under the Screenings node', () => {
    expect(distanceToRoute(count, toBookings)).toBeLessThanOrEqual(LABEL_GAP);
    expect(count.y + count.height).toBeLessThan(boxOffice.y + boxOffice.height - 20);
  });

  it('is nearer its own link than the Screenings link, and clear of the Screenings count', () => {
    expect(distanceToRoute(count, toBookings)).toBeLessThan(distanceToRoute(count, toScreenings));
    const screeningsCount = labelBoxAt(places.get(labels[1]?.linkId ?? '') as Point, { width: 22, height: 18 });
    expect(overlaps(count, screeningsCount)).toBe(false);
  });
});

/** The names of the links whose lines run through `area`. */
function linksThrough(area: Rect, labels: readonly LinkLabel[]): string[] {
  return labels.filter((label) => distanceToRoute(area, label.points) === 0).map((label) => label.linkId);
}

/** A label's box with the gap down to the point it stands on: what reads as belonging to a line. */
function labelReach(place: Point, size: Size): Rect {
  const box = labelBoxAt(place, size);
  return { ...box, height: box.height + LABEL_GAP };
}

describe('the counts of links fanning out of one system to neighbouring ports (the QA’s ski resort, Simulate at 1280 × 800)', () => {
  // lift-access's three ports, 18 px apart, each to the port beside the last on Lift Passes: the lines run 14 to 18 px apart.
  const liftAccess = { x: 100, y: 60, width: 194, height: 200 };
  const liftPasses = { x: 476, y: 100, width: 240, height: 140 };
  const fanOut = (linkId: string, lane: number, width: number): LinkLabel => ({
    linkId,
    points: [
      { x: 294, y: 194 + 18 * lane },
      { x: 385 + 14 * lane, y: 194 + 18 * lane },
      { x: 385 + 14 * lane, y: 137 + 18 * lane },
      { x: 476, y: 137 + 18 * lane },
    ],
    size: { width, height: 17 },
  });
  const labels = [fanOut('l-passes', 0, 114), fanOut('l-scans', 1, 50), fanOut('l-scan-ev', 2, 50)];
  const places = placeLinkLabels(labels, [liftAccess, liftPasses]);

  it.each(labels.map((label) => [label.linkId, label] as const))(
    'puts the count of %s where only its own line runs',
    (linkId, label) => {
      expect(linksThrough(labelReach(places.get(linkId) as Point, label.size), labels)).toEqual([linkId]);
    },
  );

  it('keeps the counts clear of each other and of the nodes', () => {
    const boxes = labelBoxes(labels, places);
    expect(overlappingPairs(boxes)).toEqual([]);
    for (const box of boxes.values())
      expect([liftAccess, liftPasses].filter((body) => overlaps(box, body))).toEqual([]);
  });
});

describe('the counts of two links entering one product from products stacked above (the QA’s zoo, Simulate at 1280 × 800)', () => {
  // Animal Health Records above Visitor Flows; both datasets go to Zoo KPI Dashboard, far below and right.
  const animalHealthRecords = { x: 377, y: 79, width: 259, height: 113 };
  const visitorFlows = { x: 377, y: 461, width: 259, height: 93 };
  const zooKpi = { x: 696, y: 822, width: 259, height: 112 };
  const domains = [
    { x: 24, y: 24, width: 640, height: 320 },
    { x: 24, y: 405, width: 964, height: 318 },
    { x: 665, y: 765, width: 322, height: 178 },
  ];
  /** Out of a dataset, down at `turnX`, into the Dashboard: as the canvas draws it. */
  const toDashboard = (linkId: string, from: Point, turnX: number, to: Point, width: number): LinkLabel => ({
    linkId,
    points: [from, { x: turnX, y: from.y }, { x: turnX, y: to.y }, to],
    size: { width, height: 18 },
  });
  const animalHealthToKpi = toDashboard(
    'animal-care-animal-health-records-to-visitor-services-zoo-kpi-da',
    { x: 636, y: 153 },
    665,
    { x: 696, y: 895 },
    48,
  );
  const visitorFlowsToKpi = toDashboard(
    'visitor-services-visitor-flows-to-visitor-services-zoo-kpi-dashb',
    { x: 636, y: 534 },
    680,
    { x: 696, y: 913 },
    22,
  );
  const labels = [animalHealthToKpi, visitorFlowsToKpi];
  const places = placeLinkLabels(labels, [animalHealthRecords, visitorFlows, zooKpi], domains);

  it.each(labels.map((label) => [label.linkId, label] as const))(
    'keeps the count of %s on its own link, clear of the other link’s ports',
    (linkId, label) => {
      const count = labelBoxAt(places.get(linkId) as Point, label.size);
      expect(distanceToRoute(count, label.points)).toBeLessThanOrEqual(LABEL_GAP);
      const otherEnds = labels
        .filter((other) => other.linkId !== linkId)
        .flatMap((other) => [other.points[0], other.points.at(-1)] as Point[]);
      for (const end of otherEnds)
        expect(distanceToRoute(count, [end, end])).toBeGreaterThanOrEqual(OTHER_LINK_END_CLEARANCE);
    },
  );
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

  it('stay on their own line, clear of each other, where two links share it', () => {
    const points = [
      { x: 0, y: 100 },
      { x: 400, y: 100 },
    ];
    const labels = [
      { linkId: 'a', points, size },
      { linkId: 'b', points, size },
    ];
    const boxes = labelBoxes(labels, placeLinkLabels(labels, []));
    expect(overlappingPairs(boxes)).toEqual([]);
    for (const box of boxes.values()) expect(distanceToRoute(box, points)).toBeLessThanOrEqual(LABEL_GAP);
  });

  it('get the same places whatever order their links come in', () => {
    const labels = randomDesign(7).labels;
    const places = placeLinkLabels(labels, randomDesign(7).bodies);
    const reversed = placeLinkLabels([...labels].reverse(), randomDesign(7).bodies);
    expect(new Map([...reversed].sort())).toEqual(new Map([...places].sort()));
  });

  it.each(Array.from({ length: 150 }, (_, seed) => seed))(
    'keep near their own links and cover no other label, nor a node body unless nothing that near is clear, in random design %i',
    (seed) => {
      const { labels, bodies } = randomDesign(seed);
      const boxes = labelBoxes(labels, placeLinkLabels(labels, bodies));
      expect(overlappingPairs(boxes)).toEqual([]);
      for (const label of labels) {
        const box = boxes.get(label.linkId) as Rect;
        const distance = distanceToRoute(box, label.points);
        expect(distance, `${label.linkId} from its link`).toBeLessThanOrEqual(MAX_DISTANCE_FROM_LINK);
        // Over a node only on its own line, where the nodes the link passes between leave no room beside it.
        if (bodies.some((body) => overlaps(box, body))) {
          expect(distance, `${label.linkId} over a node`).toBeLessThanOrEqual(LABEL_GAP);
        }
      }
    },
  );
});

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
