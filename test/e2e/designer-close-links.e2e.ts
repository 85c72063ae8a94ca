import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { LANE_GAP } from '../../renderer/canvas/link-route';
import { serializeMesh } from '../../shared/model';
import { aMesh, aPort } from '../builders/mesh-builder';
import { describeInChromium } from './app-driver';
import { openByChooser, viewAtRest } from './designer-driver';

/** The chess federation: Tournament Service's games and tournaments CDC links run ~9 px apart into Games. */
const chess = readFileSync(new URL('../fixtures/mesh/chess.mesh.json', import.meta.url), 'utf8');
const GAMES_CDC = 'l2';
const TOURNAMENTS_CDC = 'l3';

/**
 * Two links across one domain, each turning halfway between its ports: their producers stand 6 px
 * apart, so their turns down would run 3 px apart, side by side, and read as one line.
 */
function linksTurningThreeApart() {
  const feeding = { outputPorts: [aPort('out', 'output')] };
  const fed = { inputPorts: [aPort('in', 'input')] };
  const mesh = aMesh()
    .withDomain('d', { name: 'Deliveries' })
    .withProduct('p1', 'd', feeding)
    .withProduct('p2', 'd', feeding)
    .withProduct('c1', 'd', fed)
    .withProduct('c2', 'd', fed)
    .withLink('l1', { nodeId: 'p1', portId: 'out' }, { nodeId: 'c1', portId: 'in' })
    .withLink('l2', { nodeId: 'p2', portId: 'out' }, { nodeId: 'c2', portId: 'in' })
    .build();
  mesh.layout.nodes = {
    d: { x: 0, y: 0, width: 1000, height: 700 },
    p1: { x: 40, y: 60 },
    p2: { x: 46, y: 200 },
    c1: { x: 600, y: 300 },
    c2: { x: 600, y: 450 },
  };
  return serializeMesh(mesh);
}

interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * Where the later link's invisible click area lies over the earlier link's drawn line, as far from
 * the later line as such a point gets; with the point of the later line nearest it and off the
 * earlier line (not where they cross), on screen.
 */
function coveredLine(page: Page, earlierId: string, laterId: string) {
  return page.locator('.react-flow').evaluate(
    (flow, [earlier, later]) => {
      const lineOf = (linkId: string) => {
        const path = flow.querySelector(`[data-id="${linkId}"] .react-flow__edge-path`) as SVGPathElement;
        const toScreen = path.getScreenCTM() as DOMMatrix;
        const points: DOMPoint[] = [];
        for (let along = 0; along < path.getTotalLength(); along += 1) {
          points.push(path.getPointAtLength(along).matrixTransform(toScreen));
        }
        return points;
      };
      const earlierLine = lineOf(earlier as string);
      // Where the two lines cross, a point is on both: the later line's own points lie off the earlier's.
      const laterLine = lineOf(later as string).filter((onLater) =>
        earlierLine.every((onEarlier) => Math.hypot(onEarlier.x - onLater.x, onEarlier.y - onLater.y) > 3),
      );
      const nearestOnLater = (point: DOMPoint) => {
        const distance = (onLater: DOMPoint) => Math.hypot(onLater.x - point.x, onLater.y - point.y);
        const nearest = laterLine.reduce((best, onLater) => (distance(onLater) < distance(best) ? onLater : best));
        return { point: nearest, distance: distance(nearest) };
      };
      const covered = earlierLine.filter(
        (point) =>
          document.elementFromPoint(point.x, point.y)?.closest('.react-flow__edge')?.getAttribute('data-id') === later,
      );
      const onEarlier = covered.sort((a, b) => nearestOnLater(b).distance - nearestOnLater(a).distance)[0];
      if (!onEarlier) return undefined;
      const { point: onLater, distance } = nearestOnLater(onEarlier);
      return { onEarlier: { x: onEarlier.x, y: onEarlier.y }, onLater: { x: onLater.x, y: onLater.y }, distance };
    },
    [earlierId, laterId],
  );
}

/**
 * How far apart (in canvas units) the two links' drawn lines run where a straight stretch of one
 * runs beside a parallel stretch of the other for more than a few units: the nearest such pair.
 */
function closestParallelRuns(page: Page, oneId: string, otherId: string): Promise<number | undefined> {
  return page.locator('.react-flow').evaluate(
    (flow, ids) => {
      type Run = { along: 'x' | 'y'; at: number; from: number; to: number };
      // A drawn line is M, then L to each corner's start and Q round it: each L draws a straight stretch.
      const runsOf = (linkId: string): Run[] => {
        const path = flow.querySelector(`[data-id="${linkId}"] .react-flow__edge-path`) as SVGPathElement;
        const runs: Run[] = [];
        let current = { x: 0, y: 0 };
        for (const [, command, numbers] of (path.getAttribute('d') ?? '').matchAll(/([MLQ])([^MLQ]*)/g)) {
          const values = (numbers ?? '')
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(Number);
          const end = { x: values[values.length - 2] as number, y: values[values.length - 1] as number };
          if (command === 'L' && Math.abs(end.x - current.x) < 0.5)
            runs.push({ along: 'y', at: end.x, from: Math.min(current.y, end.y), to: Math.max(current.y, end.y) });
          if (command === 'L' && Math.abs(end.y - current.y) < 0.5)
            runs.push({ along: 'x', at: end.y, from: Math.min(current.x, end.x), to: Math.max(current.x, end.x) });
          current = end;
        }
        return runs;
      };
      const [one, other] = (ids as string[]).map(runsOf) as [Run[], Run[]];
      const gaps = one.flatMap((a) =>
        other
          .filter((b) => a.along === b.along && Math.min(a.to, b.to) - Math.max(a.from, b.from) > 5)
          .map((b) => Math.abs(a.at - b.at)),
      );
      return gaps.length > 0 ? Math.min(...gaps) : undefined;
    },
    [oneId, otherId],
  );
}

function selectedLinks(page: Page): Promise<string[]> {
  return page
    .locator('.react-flow__edge.selected')
    .evaluateAll((links) => links.map((link) => link.getAttribute('data-id') ?? ''));
}

function labelledLinks(page: Page): Promise<string[]> {
  return page
    .locator('.link-label')
    .evaluateAll((labels) =>
      labels.map((label) => label.getAttribute('data-testid')?.replace('link-label-', '') ?? '').sort(),
    );
}

async function expectHoverAndClickReach(page: Page, point: ScreenPoint, linkId: string): Promise<void> {
  // A link selected on its own keeps its label: the hovered one is shown beside it.
  const labelled = [...new Set([linkId, ...(await selectedLinks(page))])].sort();
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => labelledLinks(page)).toEqual(labelled);
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => selectedLinks(page)).toEqual([linkId]);
}

describeInChromium('links drawn close together', (session) => {
  it('each take the hover, the click and the right-click on their own line, though the other’s click area covers it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openByChooser(page, 'chess.mesh.json', chess);
    await page.keyboard.press('Shift+1');
    await viewAtRest(page);
    // Zoomed in once: the two lines, a lane apart, run ~7 px apart, inside each other's 20 px click areas.
    await page.keyboard.press('=');
    await viewAtRest(page);
    const covered = await coveredLine(page, GAMES_CDC, TOURNAMENTS_CDC);
    // The case that went wrong: the tournaments CDC's click area over the games CDC's line, pixels from its own.
    expect(covered?.distance).toBeGreaterThan(5);
    if (!covered) return;

    await expectHoverAndClickReach(page, covered.onEarlier, GAMES_CDC);
    await expectHoverAndClickReach(page, covered.onLater, TOURNAMENTS_CDC);
    await page.mouse.click(covered.onEarlier.x, covered.onEarlier.y, { button: 'right' });
    await expect.poll(() => selectedLinks(page)).toEqual([GAMES_CDC]);
  });

  it('draws links whose lines would run a few pixels apart a lane apart, not as one line', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'deliveries.mesh.json', linksTurningThreeApart());
    await expect.poll(() => closestParallelRuns(page, 'l1', 'l2')).toBeGreaterThanOrEqual(LANE_GAP);
  });
});
