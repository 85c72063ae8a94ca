import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { emptyCanvasPoint, openContractFromList, openSampleDesign } from './designer-driver';

const contractTabs = (page: Page) => page.getByTestId('contract-workspace').getByRole('tablist');
const tabStops = (page: Page) =>
  contractTabs(page)
    .getByRole('tab')
    .evaluateAll((all) => all.map((tab) => (tab as HTMLElement).tabIndex));
const shownContract = (page: Page) => contractTabs(page).getByRole('tab', { selected: true }).getAttribute('title');
const focusedTab = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.getAttribute('title') : null,
  );
const isFocusInTabRow = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('.contract-workspace__tabs') !== null);

async function openTwoContracts(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  for (const name of ['Order', 'Customer']) {
    await page.keyboard.press('Escape');
    const empty = await emptyCanvasPoint(page);
    await page.mouse.click(empty.x, empty.y);
    await openContractFromList(page, name);
    await contractTabs(page).getByRole('tab', { name, exact: true }).waitFor();
  }
}

describeInChromium('The open contracts’ tabs from the keyboard', (session) => {
  it('are one Tab stop, the arrow keys switching the contract, Tab going on into the editor', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openTwoContracts(page);
    expect(await tabStops(page)).toEqual([-1, 0]);

    await page.getByRole('button', { name: 'YAML', exact: true }).focus();
    await page.keyboard.press('Shift+Tab');
    while (!(await isFocusInTabRow(page))) await page.keyboard.press('Shift+Tab');
    expect(await focusedTab(page)).toBe('Customer');
    await page.keyboard.press('Shift+Tab');
    expect(await isFocusInTabRow(page)).toBe(false);
    await page.keyboard.press('Tab');
    expect(await focusedTab(page)).toBe('Customer');

    await page.keyboard.press('ArrowLeft');
    expect(await focusedTab(page)).toBe('Order');
    expect(await shownContract(page)).toBe('Order');
    expect(await tabStops(page)).toEqual([0, -1]);
    await page.keyboard.press('End');
    expect(await shownContract(page)).toBe('Customer');
    await page.keyboard.press('Home');
    expect(await shownContract(page)).toBe('Order');

    await page.keyboard.press('Tab');
    expect(await isFocusInTabRow(page)).toBe(false);
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="contract-workspace"]') !== null),
    ).toBe(true);
  });

  it('closes the focused tab with Delete, the focus going to the contract shown next', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openTwoContracts(page);
    await contractTabs(page).getByRole('tab', { name: 'Customer', exact: true }).focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => contractTabs(page).getByRole('tab').count()).toBe(1);
    expect(await focusedTab(page)).toBe('Order');
    // The close button stays for the mouse, out of the Tab order and of the tab list screen readers read.
    const closeOrder = page.locator('.contract-tab__close[aria-label="Close Order"]');
    expect(await closeOrder.getAttribute('tabindex')).toBe('-1');
    expect(await closeOrder.getAttribute('aria-hidden')).toBe('true');
    expect(await contractTabs(page).getByRole('tab', { name: 'Order' }).getAttribute('aria-keyshortcuts')).toBe(
      'Delete',
    );
  });
});
