import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { runTo, simulateSample, traceOrder1000 } from './simulation-driver';

const tabStops = (page: Page) =>
  page
    .locator('.simulation-panel > [role="tablist"] [role="tab"]')
    .evaluateAll((all) => all.map((tab) => (tab as HTMLElement).tabIndex));
const shownTab = (page: Page) => page.locator('.simulation-panel [role="tab"][aria-selected="true"]').textContent();
const focusedTab = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.textContent : null,
  );

describeInChromium('The simulation panel’s tabs from the keyboard', (session) => {
  it('are one Tab stop, the arrow keys, Home and End moving between them and showing each', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await simulateSample(page);
    expect(await tabStops(page)).toEqual([0, -1, -1, -1, -1, -1]);
    await page.getByRole('tab', { name: 'Inspect', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedTab(page)).toBe('SQL');
    expect(await shownTab(page)).toBe('SQL');
    expect(await tabStops(page)).toEqual([-1, 0, -1, -1, -1, -1]);
    await page.keyboard.press('End');
    expect(await shownTab(page)).toBe('Scenario');
    await page.keyboard.press('ArrowRight');
    expect(await shownTab(page)).toBe('Inspect');
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
    expect(await shownTab(page)).toBe('Metrics');
    await page.keyboard.press('ArrowRight');
    expect(await shownTab(page)).toBe('Trace');
    expect(await position.textContent()).toBe(firstStage);

    await page.getByTestId('rf__node-orders-service').focus();
    await page.keyboard.press('ArrowRight');
    expect(await position.textContent()).not.toBe(firstStage);
    expect(await shownTab(page)).toBe('Trace');
  });
});
