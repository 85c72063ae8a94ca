import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { openSampleDesign, systemNode } from './designer-driver';

const ORDERS_CDC_LINK = '[data-testid="rf__edge-l-orders-cdc"]';

async function openOrdersService(page: Page) {
  await openSampleDesign(page, 'ecommerce');
  await systemNode(page, 'orders-service').locator('.system-node__name').click();
  return page.getByTestId('system-inspector');
}

const cdcBoxOfOrders = (page: Page) =>
  page.getByTestId('system-inspector').getByLabel('Change data capture (CDC)').first();

describeInChromium('CDC on a table and its change stream', (session) => {
  it('asks before turning CDC off under links, then removes the stream with them, announced with Undo', async () => {
    const page = await session.openApp();
    await openOrdersService(page);
    await cdcBoxOfOrders(page).click();
    const question = page.getByTestId('prompt');
    expect(await question.locator('h2').textContent()).toBe('Turn off CDC for orders?');
    expect(await question.textContent()).toContain('1 link');
    await question.getByRole('button', { name: 'Turn Off' }).click();
    await page.locator(ORDERS_CDC_LINK).waitFor({ state: 'detached' });
    expect(await systemNode(page, 'orders-service').getByText('orders.public.orders').count()).toBe(0);
    expect(await systemNode(page, 'orders-service').locator('.badge--off').count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'CDC is off for orders' }).textContent()).toContain(
      'removed its change stream',
    );

    await page.locator('.status-bar').getByRole('button', { name: 'Undo' }).click();
    await page.locator(ORDERS_CDC_LINK).waitFor();
    expect(await cdcBoxOfOrders(page).isChecked()).toBe(true);
  });

  it('takes the Undo off the notice once another change came after its edit, so it never undoes something else', async () => {
    const page = await session.openApp();
    await openOrdersService(page);
    await cdcBoxOfOrders(page).click();
    await page.getByTestId('prompt').getByRole('button', { name: 'Turn Off' }).click();
    const noticeUndo = page.locator('.status-bar').getByRole('button', { name: 'Undo' });
    await noticeUndo.waitFor();

    await page.locator('.toolbar').getByRole('button', { name: 'Undo' }).click();
    await page.locator(ORDERS_CDC_LINK).waitFor();

    await noticeUndo.waitFor({ state: 'detached' });
    expect(await page.getByRole('status').filter({ hasText: 'CDC is off for orders' }).count()).toBe(1);
  });

  it('leaves everything as it was when the user says no', async () => {
    const page = await session.openApp();
    await openOrdersService(page);
    await cdcBoxOfOrders(page).click();
    await page.getByTestId('prompt').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('prompt').waitFor({ state: 'detached' });
    expect(await cdcBoxOfOrders(page).isChecked()).toBe(true);
    expect(await page.locator(ORDERS_CDC_LINK).count()).toBe(1);
  });

  it('turning CDC on creates the table’s stream, ready to link', async () => {
    const page = await session.openApp();
    const system = await openOrdersService(page);
    const orderLines = system.getByLabel('Change data capture (CDC)').nth(1);
    await orderLines.uncheck();
    expect(await systemNode(page, 'orders-service').getByText('orders.public.order_lines').count()).toBe(0);
    await orderLines.check();
    await systemNode(page, 'orders-service').getByText('orders.public.order_lines').waitFor();
    expect(await systemNode(page, 'orders-service').locator('.badge--off').count()).toBe(0);
  });

  it('typing another engine renames the streams still named by default, and one Undo names them back', async () => {
    const page = await session.openApp();
    const system = await openOrdersService(page);
    const topics = () => systemNode(page, 'orders-service').locator('.port--output').allTextContents();
    const engine = system.getByLabel('Engine');
    await engine.fill('');
    await engine.pressSequentially('sqlserver');
    await systemNode(page, 'orders-service').getByText('orders.orders.dbo.order_lines').waitFor();
    expect(await topics()).toEqual([
      'CDCorders.orders.dbo.orders',
      'CDCorders.orders.dbo.order_lines',
      'eventsorders.events.order-placed',
    ]);
    await engine.press('Enter');
    await page.keyboard.press('Control+z');
    await systemNode(page, 'orders-service').getByText('orders.public.order_lines').waitFor();
    expect(await engine.inputValue()).toBe('postgres');
    expect(await topics()).toEqual([
      'CDCorders.public.orders',
      'CDCorders.public.order_lines',
      'eventsorders.events.order-placed',
    ]);
  });
});
