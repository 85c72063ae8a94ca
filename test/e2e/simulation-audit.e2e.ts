import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { openTab, runQuery, simulateSample } from './simulation-driver';

/** Inputs the other Simulate suites have not tried: a design of one's own, tabs in another order. */
describeInChromium('Simulate mode, audited', (session) => {
  it('opens the SQL console again after the scenario editor without errors on the page', async () => {
    const page = await session.openApp();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await simulateSample(page);
    await runQuery(page, 'orders', 'SELECT 1 AS one');
    await page.getByText('1 row in').waitFor();
    await openTab(page, 'Scenario');
    await page.getByTestId('scenario-editor').locator('.monaco-editor').waitFor();

    await runQuery(page, 'orders', 'SELECT 2 AS two');
    await page.getByText('1 row in').waitFor();
    await openTab(page, 'Scenario');
    await page.getByTestId('scenario-editor').locator('.monaco-editor').waitFor();

    expect(errors).toEqual([]);
  });
});
