import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { counts, openByChooser, viewAtRest } from './designer-driver';

/** Fleet, Reservations and Pricing: Reservations' dataset runs up across Reservations' title to Fleet Utilisation. */
const carRental = readFileSync(new URL('../fixtures/mesh/car-rental.mesh.json', import.meta.url), 'utf8');
const ACROSS_TITLE = 'reservations-reservations-to-reservations-fleet-utilisation';
const INTO_BOOKING_EVENTS = 'reservations-reservation-service-to-reservations-booking-events';
/** The winery after Auto-layout: links running back from Bottling and Distribution once ran on domain outlines. */
const winery = readFileSync(new URL('../fixtures/mesh/winery-laid-out.mesh.json', import.meta.url), 'utf8');
/** As `LANE_GAP`: how far a link keeps from another, and from a domain outline it runs beside. */
const LANE = 14;

async function openCarRental(page: Page): Promise<void> {
  await openByChooser(page, 'car-rental.mesh.json', carRental);
  await page.keyboard.press('Shift+1');
  await viewAtRest(page);
}

/** Points along a link's drawn line, every 2 % of its length, on screen, with what a click there reaches. */
function pointsAlong(page: Page, linkId: string): Promise<Array<{ x: number; y: number; reaches: string }>> {
  return page.getByTestId(`rf__edge-${linkId}`).evaluate((link) => {
    const path = link.querySelector('.react-flow__edge-path') as SVGPathElement;
    const points = [];
    for (let step = 3; step <= 47; step++) {
      const onPath = path.getPointAtLength((path.getTotalLength() * step) / 50);
      const point = new DOMPoint(onPath.x, onPath.y).matrixTransform(path.getScreenCTM() as DOMMatrix);
      const hit = document.elementFromPoint(point.x, point.y)?.closest('.react-flow__edge, .react-flow__node');
      points.push({ x: point.x, y: point.y, reaches: hit?.getAttribute('data-testid') ?? 'nothing' });
    }
    return points;
  });
}

/** A link's line in flow coordinates, one point per pixel of its length. */
function lineOf(page: Page, linkId: string): Promise<Array<[number, number]>> {
  return page.getByTestId(`rf__edge-${linkId}`).evaluate((link) => {
    const path = link.querySelector('.react-flow__edge-path') as SVGPathElement;
    const points: Array<[number, number]> = [];
    for (let along = 0; along < path.getTotalLength(); along += 1) {
      const point = path.getPointAtLength(along);
      points.push([point.x, point.y]);
    }
    return points;
  });
}

/**
 * The stretches of the drawn links that run beside a domain's side, nearer it than a lane, for more
 * than a lane along it (a link crossing a side passes it in a few pixels), in flow coordinates.
 */
function stretchesAlongDomainSides(page: Page): Promise<string[]> {
  return page.locator('.react-flow').evaluate((flow, lane) => {
    const sides = [...flow.querySelectorAll<HTMLElement>('.react-flow__node-domain')].flatMap((domain) => {
      const [x, y] = (/translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(domain.style.transform) ?? []).slice(1).map(Number);
      const [left, top] = [x as number, y as number];
      const [right, bottom] = [left + domain.offsetWidth, top + domain.offsetHeight];
      const name = domain.getAttribute('data-id');
      return [
        { name: `${name} top`, isHorizontal: true, at: top, low: left, high: right },
        { name: `${name} bottom`, isHorizontal: true, at: bottom, low: left, high: right },
        { name: `${name} left`, isHorizontal: false, at: left, low: top, high: bottom },
        { name: `${name} right`, isHorizontal: false, at: right, low: top, high: bottom },
      ];
    });
    return [...flow.querySelectorAll('.react-flow__edge')].flatMap((link) => {
      const path = link.querySelector('.react-flow__edge-path') as SVGPathElement;
      const line: DOMPoint[] = [];
      for (let along = 0; along < path.getTotalLength(); along += 1) line.push(path.getPointAtLength(along));
      return sides.flatMap((side) => {
        const across = (point: DOMPoint) => (side.isHorizontal ? point.y : point.x);
        const lengthwise = (point: DOMPoint) => (side.isHorizontal ? point.x : point.y);
        const isBeside = (point: DOMPoint) =>
          Math.abs(across(point) - side.at) < lane - 1 && lengthwise(point) > side.low && lengthwise(point) < side.high;
        // Each unbroken piece of the line beside the side: how far it goes along it.
        let pieceStart: number | undefined;
        const isAlong = line.some((point) => {
          if (!isBeside(point)) {
            pieceStart = undefined;
            return false;
          }
          pieceStart ??= lengthwise(point);
          return Math.abs(lengthwise(point) - pieceStart) > lane;
        });
        return isAlong ? [`${link.getAttribute('data-id')} along ${side.name}`] : [];
      });
    });
  }, LANE);
}

describeInChromium('links drawn over domains', (session) => {
  it('take the click where they cross a domain title, so Delete removes the link, and Undo says what it undid', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openCarRental(page);
    const points = await pointsAlong(page, ACROSS_TITLE);
    // Near its source another link runs close by and may take the click: never a domain.
    expect(points.filter((point) => !point.reaches.startsWith('rf__edge-'))).toEqual([]);

    const overTitle = points[Math.floor(points.length / 2)] as { x: number; y: number };
    await page.mouse.click(overTitle.x, overTitle.y);
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(0);
    await expect.poll(() => page.getByTestId(`rf__edge-${ACROSS_TITLE}`).getAttribute('class')).toContain('selected');
    const before = await counts(page);
    await page.keyboard.press('Delete');
    await expect
      .poll(() => counts(page))
      .toBe(before.replace(/(\d+) links/, (_, links) => `${Number(links) - 1} links`));
    const notice = page.locator('.notice__text');
    await expect(notice.textContent()).resolves.toMatch(/^Deleted /);
    await screenshot(page, 'link-over-domain-title-deleted');

    await page.locator('.notice').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => counts(page)).toBe(before);
    await expect.poll(async () => (await notice.textContent()) ?? '').toMatch(/^Undone: Deleted /);
  });

  it('never share a stretch of line, so no link reads as joining ports it does not', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openCarRental(page);
    const across = await lineOf(page, ACROSS_TITLE);
    const intoBookingEvents = await lineOf(page, INTO_BOOKING_EVENTS);
    const shared = across.filter(([x, y]) =>
      intoBookingEvents.some(([u, v]) => Math.abs(x - u) < 1 && Math.abs(y - v) < 1),
    );
    await screenshot(page, 'links-apart-car-rental');
    expect(shared.length).toBeLessThan(3);
  });

  it('keep a lane off the domain outlines they run beside, so none reads as a box’s side', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'winery-laid-out.mesh.json', winery);
    await page.keyboard.press('Shift+1');
    await viewAtRest(page);
    await screenshot(page, 'links-off-domain-outlines-winery');
    expect(await stretchesAlongDomainSides(page)).toEqual([]);
  });
});
