import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { counts, openByChooser, viewAtRest } from './designer-driver';

/** Fleet, Reservations and Pricing: Reservations' dataset runs up across Reservations' title to Fleet Utilisation. */
const carRental = readFileSync(new URL('../fixtures/mesh/car-rental.mesh.json', import.meta.url), 'utf8');
const ACROSS_TITLE = 'reservations-reservations-to-reservations-fleet-utilisation';
const INTO_BOOKING_EVENTS = 'reservations-reservation-service-to-reservations-booking-events';

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
});
