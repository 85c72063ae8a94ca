import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { cardRoom, leastCardHeight } from '../../shared/editing/card-size';
import type { Mesh } from '../../shared/model';
import { describeInChromium, inEachColorScheme, overlappingOnScreen, screenshot } from './app-driver';
import { emptyCanvasPoint } from './designer-driver';
import { enterSimulate, fireConsumerOffline, fireNullField, openEditedSample, runTo, step } from './simulation-driver';

/**
 * The e-commerce sample with the orders and customers products in the analytics domain and the
 * sales dashboard out of it, so auto-layout stacks the orders card right above the customers card,
 * both feeding customer-360. Orders derives a table too, so its activity shows every zone.
 */
async function openWithStackedProducts(page: Page): Promise<void> {
  await openEditedSample(page, 'stacked.mesh.json', (mesh) => {
    const file = mesh as unknown as Mesh;
    for (const product of file.products) {
      if (product.id === 'customers' || product.id === 'orders') product.domainId = 'analytics-domain';
      if (product.id === 'sales-dashboard') product.domainId = 'orders-domain';
      if (product.id === 'orders') {
        product.transformations = [{ name: 'order_status', sql: 'SELECT order_id, status FROM orders' }];
      }
    }
    file.layout.nodes['analytics-domain'] = { x: 960, y: 240, width: 860, height: 760 };
    file.layout.nodes.orders = { x: 40, y: 400 };
    file.layout.nodes.customers = { x: 40, y: 560 };
    file.layout.nodes['sales-dashboard'] = { x: 460, y: 240 };
  });
}

async function autoLayout(page: Page): Promise<void> {
  const pane = await emptyCanvasPoint(page);
  await page.mouse.click(pane.x, pane.y);
  await page.keyboard.press('l');
  await page.locator('.status-bar .notice__text', { hasText: /^Laid out/ }).waitFor();
  // The layout animates for 400 ms.
  await page.waitForTimeout(1000);
}

/** Each product's and system's card as the canvas draws it, by id. */
function drawnCards(page: Page): Promise<Record<string, { width: number; height: number }>> {
  return page
    .locator('.react-flow__node-product, .react-flow__node-system')
    .evaluateAll((nodes) =>
      Object.fromEntries(
        nodes.map((node) => [
          node.getAttribute('data-id') ?? '',
          { width: (node as HTMLElement).offsetWidth, height: (node as HTMLElement).offsetHeight },
        ]),
      ),
    );
}

describeInChromium('Card sizes on the canvas', (session) => {
  it('estimates each card of the e-commerce sample at the height it is drawn, and gives it room at least that large', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    let opened: Mesh | undefined;
    await openEditedSample(page, 'portless.mesh.json', (file) => {
      const mesh = file as unknown as Mesh;
      // A product with no ports yet, as a new one is drawn.
      mesh.products.push({
        ...(mesh.products.find((product) => product.id === 'shipments') as Mesh['products'][number]),
        id: 'returns',
        name: 'returns',
        inputPorts: [],
        outputPorts: [],
        transformations: [],
      });
      mesh.layout.nodes.returns = { x: 480, y: 200 };
      opened = mesh;
    });
    const mesh = opened as Mesh;
    const drawn = await drawnCards(page);
    const room = cardRoom(mesh);
    expect(Object.keys(drawn)).toHaveLength(mesh.products.length + mesh.systems.length);
    for (const [id, size] of Object.entries(drawn)) {
      expect({ id, height: leastCardHeight(mesh, id) }).toEqual({ id, height: size.height });
      expect(room(id).width).toBeGreaterThanOrEqual(size.width);
      expect(room(id).height).toBeGreaterThanOrEqual(size.height);
    }
  });

  // One run serves both themes, switched in place: a run for each took as long again.
  it('keeps a card laid out in Design apart from the one below it when Simulate adds its activity, offline and quarantine lines (light and dark)', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openWithStackedProducts(page);
    await autoLayout(page);
    const cards = '.react-flow__node-product';
    expect(await overlappingOnScreen(page, cards, 'data-id')).toEqual([]);

    await enterSimulate(page);
    await runTo(page, 3);
    await fireNullField(page, 'orders.public.orders', 'customer_id');
    await step(page);
    await fireConsumerOffline(page, 'orders', 5);
    await step(page, 2);
    await page.getByTestId('quarantine-orders').waitFor();
    await page.getByTestId('offline-orders').waitFor();
    await page.keyboard.press('Shift+1');
    await page.waitForTimeout(600);
    const overlapping = await inEachColorScheme(page, async (colorScheme) => {
      await screenshot(page, `simulate-stacked-cards-${colorScheme}`);
      return overlappingOnScreen(page, cards, 'data-id');
    });
    expect(overlapping).toEqual([[], []]);
  });
});
