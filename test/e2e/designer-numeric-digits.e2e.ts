import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { systemNode } from './designer-driver';
import { openEditedSample } from './simulation-driver';

/** What the orders service's problem badge lists, or '' when it has none. */
const badgeOf = async (page: Page) => {
  const badge = page.getByTestId('problems-orders-service');
  return (await badge.count()) > 0 ? ((await badge.getAttribute('title')) ?? '') : '';
};

/** The design's rules run a moment after an edit, off the main thread. */
const CHECKED = { timeout: 15_000 };

describeInChromium('a numeric column’s digits in the system inspector', (session) => {
  it('sets the precision and scale the warning asks for, the warning leaving, each edit one Undo', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'numeric-total.mesh.json', (mesh) => {
      const orders = mesh.systems.flatMap((system) => system.database.tables).find((table) => table.name === 'orders');
      const total = orders?.columns.find((column) => column.name === 'total');
      if (total) total.type = 'numeric';
    });
    await expect.poll(() => badgeOf(page), CHECKED).toContain("Column 'total' of table 'orders'");

    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    const inspector = page.getByTestId('system-inspector');
    await inspector.getByLabel('Precision').first().fill('10');
    await inspector.getByLabel('Precision').first().press('Tab');
    await inspector.getByLabel('Scale').first().fill('2');
    await inspector.getByLabel('Scale').first().press('Tab');
    await expect.poll(() => badgeOf(page), CHECKED).not.toContain("Column 'total'");
    await screenshot(page, 'inspector-numeric-digits');

    // A precision alone is a whole number the column holds exactly, so Undo of the scale leaves no warning yet.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    await expect.poll(() => inspector.getByLabel('Scale').first().inputValue()).toBe('');
    expect(await inspector.getByLabel('Precision').first().inputValue()).toBe('10');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => badgeOf(page), CHECKED).toContain("Column 'total' of table 'orders'");
  });
});
