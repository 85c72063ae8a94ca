import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { openSampleDesign } from './designer-driver';
import { enterSimulate, runTo } from './simulation-driver';

/** The outbox pattern beside CDC: one write of the orders service, both ways it went, on the Simulate screen. */
describeInChromium('Tracing a write that published an outbox event', (session) => {
  it('shows the CDC record and the OrderPlaced event of one new order as two labelled branches, each to its consumers', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await enterSimulate(page);
    await runTo(page, 3);
    await page.getByTestId('rf__edge-l-orders-cdc').click();
    // A new order: its INSERT wrote the row and, in the same transaction, OrderPlaced into the outbox.
    const created = page
      .getByTestId('message')
      .filter({ has: page.locator('.op--c') })
      .first();
    await created.waitFor();
    const key = await created.locator('.message-card__key').textContent();
    await created.getByRole('button', { name: 'Trace' }).click();
    await page.getByTestId('trace-position').waitFor();

    const branches = page.getByTestId('trace-branch');
    expect(await branches.locator('.trace-tab__branch-label').allTextContents()).toEqual([
      'CDC: orders.public.orders',
      'Outbox event: OrderPlaced',
    ]);
    const stagesOf = (label: string) =>
      page.getByRole('region', { name: label }).locator('.trace-tab__stages button').allTextContents();
    expect((await stagesOf('CDC: orders.public.orders')).slice(0, 3)).toEqual([
      'CDC record orders-service',
      'Raw zone orders · orders CDC',
      'Clean zone orders · orders',
    ]);
    expect((await stagesOf('Outbox event: OrderPlaced')).slice(0, 4)).toEqual([
      'Outbox event orders-service',
      'Raw zone orders · OrderPlaced events',
      'Clean zone orders · order_placed',
      'Output port orders · OrderPlaced',
    ]);
    // One above the other in the panel as it opens; side by side once it is widened.
    const boxes = () => Promise.all([branches.nth(0).boundingBox(), branches.nth(1).boundingBox()]);
    const [cdcAbove, outboxBelow] = await boxes();
    expect(cdcAbove && outboxBelow && outboxBelow.y >= cdcAbove.y + cdcAbove.height).toBe(true);
    await page.getByRole('separator', { name: 'Resize the side panel' }).focus();
    for (let press = 0; press < 16; press++) await page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => {
        const [cdc, outbox] = await boxes();
        return cdc && outbox && Math.abs(cdc.y - outbox.y) < 1 && outbox.x > cdc.x + cdc.width;
      })
      .toBe(true);

    await page.getByRole('region', { name: 'Outbox event: OrderPlaced' }).getByRole('button').first().click();
    const stage = page.locator('.trace-tab [data-testid=trace-stage]');
    expect(await stage.getAttribute('data-stage')).toBe('outbox-event');
    expect(await stage.getByTestId('trace-branch-label').textContent()).toBe('Outbox event: OrderPlaced');
    expect(await stage.locator('.trace-stage__title').textContent()).toMatch(
      /^OrderPlaced on orders\.events\.order-placed, partition \d, offset \d+$/,
    );
    // Keyed by its aggregate's id, the order's key as text, as Debezium's outbox event router keys it.
    const aggregateId = JSON.stringify(String(JSON.parse(key ?? '{}').order_id));
    expect(await stage.getByTestId('message').locator('.message-card__key').textContent()).toBe(aggregateId);
    await screenshot(page, 'simulation-trace-outbox-branch');
  });
});
