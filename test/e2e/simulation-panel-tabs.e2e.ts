import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { runTo, simulateSample, traceOrder1000 } from './simulation-driver';

/** The panel's own row of tabs, not the row of tables inside a node that Inspect may show. */
const panelTabs = (page: Page) => page.locator('.simulation-panel > [role="tablist"]');
const tabStops = (tablist: Locator) =>
  tablist.getByRole('tab').evaluateAll((all) => all.map((tab) => (tab as HTMLElement).tabIndex));
const shownTab = (tablist: Locator) => tablist.getByRole('tab', { selected: true }).textContent();
const focusedTab = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.textContent : null,
  );

describeInChromium('The simulation panel’s tabs from the keyboard', (session) => {
  it('are one Tab stop, the arrow keys, Home and End moving between them and showing each', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await simulateSample(page);
    expect(await tabStops(panelTabs(page))).toEqual([0, -1, -1, -1, -1, -1]);
    await page.getByRole('tab', { name: 'Inspect', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedTab(page)).toBe('SQL');
    expect(await shownTab(panelTabs(page))).toBe('SQL');
    expect(await tabStops(panelTabs(page))).toEqual([-1, 0, -1, -1, -1, -1]);
    await page.keyboard.press('End');
    expect(await shownTab(panelTabs(page))).toBe('Scenario');
    await page.keyboard.press('ArrowRight');
    expect(await shownTab(panelTabs(page))).toBe('Inspect');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    expect(await focusedTab(page)).toBe('Inspect');
    await page.keyboard.press('Tab');
    expect(await focusedTab(page)).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedTab(page)).toBe('Inspect');
  });

  it('with a trace open, moves between the tabs from the tab row and walks the trace from the canvas', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 5);
    await traceOrder1000(page);
    const position = page.getByTestId('trace-position');
    const firstStage = await position.textContent();

    await page.getByRole('tab', { name: 'Trace', exact: true }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await shownTab(panelTabs(page))).toBe('Metrics');
    await page.keyboard.press('ArrowRight');
    expect(await shownTab(panelTabs(page))).toBe('Trace');
    expect(await position.textContent()).toBe(firstStage);

    await page.getByTestId('rf__node-orders-service').focus();
    await page.keyboard.press('ArrowRight');
    expect(await position.textContent()).not.toBe(firstStage);
    expect(await shownTab(panelTabs(page))).toBe('Trace');
  });

  it('makes the tables inside a node one Tab stop, the arrow keys moving between them and showing each', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await simulateSample(page);
    await runTo(page, 2);
    await page.getByTestId('rf__node-orders').click();
    const tablist = page.getByRole('tablist', { name: 'Tables' });
    const tables = tablist.getByRole('tab');
    const count = await tables.count();
    expect(count).toBeGreaterThan(2);
    expect(await tabStops(tablist)).toEqual([0, ...Array(count - 1).fill(-1)]);
    const second = await tables.nth(1).textContent();
    await tables.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await shownTab(tablist)).toBe(second);
    expect(await focusedTab(page)).toBe(second);
    const panel = page.getByRole('tabpanel', { name: second ?? '' });
    expect(await panel.count()).toBe(1);
    await page.keyboard.press('End');
    expect(await shownTab(tablist)).toBe(await tables.last().textContent());
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    expect(await focusedTab(page)).toBeNull();
  });
});
