import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { largeMesh } from '../../bench/cases/canvas';
import { serializeMesh } from '../../shared/model';
import { describeInChromium } from './app-driver';
import { drag, openByChooser, openSampleDesign, viewAtRest, zoomLevel } from './designer-driver';

interface Point {
  x: number;
  y: number;
}

/** A point of the minimap, as fractions of its width and height, on screen. */
async function minimapPoint(page: Page, across: number, down: number): Promise<Point> {
  const box = await page.getByTestId('rf__minimap').locator('svg').boundingBox();
  if (!box) throw new Error('no minimap');
  return { x: box.x + box.width * across, y: box.y + box.height * down };
}

/** The point of the design a point of the minimap on screen stands for, read from the minimap's own view box. */
function designPointUnder(page: Page, onScreen: Point): Promise<Point> {
  return page
    .getByTestId('rf__minimap')
    .locator('svg')
    .evaluate((svg, point) => {
      const box = svg.getBoundingClientRect();
      const { x, y, width, height } = (svg as SVGSVGElement).viewBox.baseVal;
      return { x: x + ((point.x - box.left) * width) / box.width, y: y + ((point.y - box.top) * height) / box.height };
    }, onScreen);
}

/** The point of the design in the middle of the canvas, from the view's transform. */
function designPointInMiddle(page: Page): Promise<Point> {
  return page.locator('.react-flow').evaluate((flow) => {
    const viewport = flow.querySelector<HTMLElement>('.react-flow__viewport');
    const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)\s*scale\(([\d.]+)\)/.exec(viewport?.style.transform ?? '');
    if (!match) throw new Error('no view transform');
    const [x, y, zoom] = match.slice(1).map(Number) as [number, number, number];
    return { x: (flow.clientWidth / 2 - x) / zoom, y: (flow.clientHeight / 2 - y) / zoom };
  });
}

/** How far apart two points of the design are, in minimap pixels (the finest a click on the minimap can aim). */
async function minimapPixelsBetween(page: Page, one: Point, other: Point): Promise<number> {
  const designPerPixel = await page
    .getByTestId('rf__minimap')
    .locator('svg')
    .evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width / svg.getBoundingClientRect().width);
  return Math.hypot(one.x - other.x, one.y - other.y) / designPerPixel;
}

/** Opens the e-commerce sample zoomed in twice, so that its view is a small part of the minimap. */
async function openZoomedIn(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await viewAtRest(page);
  for (const _ of [1, 2]) await page.getByRole('button', { name: 'Zoom In' }).click();
  await viewAtRest(page);
}

async function expectViewCentredOn(page: Page, target: Point): Promise<void> {
  await expect.poll(async () => minimapPixelsBetween(page, await designPointInMiddle(page), target)).toBeLessThan(1.5);
}

describeInChromium('the minimap moves the view, as draw.io’s outline and ChartDB’s minimap do', ({ openApp }) => {
  it('centres the view on the point clicked, at the same zoom', async () => {
    const page = await openApp();
    await openZoomedIn(page);
    const zoom = await zoomLevel(page);
    const clicked = await minimapPoint(page, 0.85, 0.8);
    const target = await designPointUnder(page, clicked);

    await page.mouse.click(clicked.x, clicked.y);

    // The move is animated along d3's zoom curve, which draws back a little on its way: read it at rest.
    await viewAtRest(page);
    await expectViewCentredOn(page, target);
    expect(await zoomLevel(page)).toBeCloseTo(zoom, 4);
  });

  it('pans by a drag, the view following the pointer rather than jumping to where it is let go', async () => {
    const page = await openApp();
    await openZoomedIn(page);
    const before = await designPointInMiddle(page);
    const from = await minimapPoint(page, 0.3, 0.3);
    const to = await minimapPoint(page, 0.5, 0.6);
    const [start, end] = [await designPointUnder(page, from), await designPointUnder(page, to)];

    await drag(page, from, to);

    // React Flow pans by its minimap's scale without the margin it draws around the design: 5% short of the pointer.
    const dragged = { x: before.x + end.x - start.x, y: before.y + end.y - start.y };
    const draggedPixels = await minimapPixelsBetween(page, before, dragged);
    await expect
      .poll(async () => minimapPixelsBetween(page, await designPointInMiddle(page), dragged))
      .toBeLessThan(draggedPixels * 0.1);
  });

  it('does the same far out, where the domains are drawn as blocks', async () => {
    const page = await openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'large.mesh.json', serializeMesh(largeMesh()));
    await page.locator('.react-flow__node-domain-block').first().waitFor();
    await viewAtRest(page);
    const clicked = await minimapPoint(page, 0.8, 0.85);
    const target = await designPointUnder(page, clicked);

    await page.mouse.click(clicked.x, clicked.y);

    await expectViewCentredOn(page, target);
    expect(await page.locator('.react-flow__node-domain-block').count()).toBeGreaterThan(0);
  });
});
