import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { box, expectInside } from './designer-driver';
import { enterSimulate, openEditedSample, step } from './simulation-driver';

/**
 * A product that grows after it was placed (a longer name, an owner, a badge while simulating)
 * stays inside its domain's box on screen, measured as the QA measured it: the DOM rects.
 */

const nodeById = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** A node's size in canvas units, unscaled by the zoom. */
const drawnSize = (node: Locator) =>
  node.evaluate((element) => ({
    width: (element as HTMLElement).offsetWidth,
    height: (element as HTMLElement).offsetHeight,
  }));

/**
 * The e-commerce sample with Customer 360 moved under Sales Dashboard, and the Analytics domain
 * stored as tight round them as their first drawing allows (10 px to spare), as a domain sized
 * to its children by hand is: anything that grows afterwards reaches past the stored box.
 */
async function openTightAnalytics(page: Page, customer360Sql?: string): Promise<void> {
  const CUSTOMER_360_TOP = 320;
  const moveCustomer360Down = (mesh: Parameters<Parameters<typeof openEditedSample>[2]>[0]) => {
    const layout = mesh.layout.nodes as Record<string, { x: number; y: number; width?: number; height?: number }>;
    layout['customer-360'] = { x: 40, y: CUSTOMER_360_TOP };
    const product = mesh.products.find((candidate) => candidate.id === 'customer-360');
    if (customer360Sql && product?.transformations[0]) product.transformations[0].sql = customer360Sql;
    return layout;
  };
  await openEditedSample(page, 'measure.mesh.json', moveCustomer360Down);
  const sales = await drawnSize(nodeById(page, 'sales-dashboard'));
  const customer360 = await drawnSize(nodeById(page, 'customer-360'));
  await openEditedSample(page, 'tight-analytics.mesh.json', (mesh) => {
    const layout = moveCustomer360Down(mesh);
    layout['analytics-domain'] = {
      x: 960,
      y: 240,
      width: (layout['sales-dashboard']?.x ?? 0) + sales.width + 10,
      height: CUSTOMER_360_TOP + customer360.height + 10,
    };
  });
}

async function rename(page: Page, nodeId: string, name: string): Promise<void> {
  await nodeById(page, nodeId).click();
  const field = page.getByTestId('product-inspector').getByLabel('Name').first();
  await field.fill(name);
  await field.press('Enter');
}

describeInChromium('a domain holds its products as they grow', (session) => {
  it('draws the domain round a product renamed to a long name, wider and taller than it was placed', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const analytics = nodeById(page, 'analytics-domain');
    await openTightAnalytics(page);
    await expectInside(nodeById(page, 'sales-dashboard'), analytics);
    const storedHeight = (await box(analytics)).height;

    await rename(page, 'sales-dashboard', 'Film Performance — Ü programming and distributor settlements');
    await expect.poll(async () => (await drawnSize(nodeById(page, 'sales-dashboard'))).width).toBe(300);
    await expectInside(nodeById(page, 'sales-dashboard'), analytics);

    await rename(page, 'customer-360', 'نقطة البيع Point of Sale — concessions, lobby bar and the IMAX kiosk');
    await expect.poll(async () => (await box(analytics)).height).toBeGreaterThan(storedHeight);
    await expectInside(nodeById(page, 'customer-360'), analytics);
    await screenshot(page, 'domain-holds-renamed-products');
  });

  it('draws the domain round a product the “transformation failing” badge makes taller in Simulate', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openTightAnalytics(page, 'SELECT customer_id FROM no_such_table');
    await enterSimulate(page);
    await step(page, 3);
    await page.getByTestId('failing-customer-360').waitFor();
    await expectInside(nodeById(page, 'customer-360'), nodeById(page, 'analytics-domain'));
    await screenshot(page, 'domain-holds-failing-product');
  });
});
