import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { openTab, runTo, simulateSample } from './simulation-driver';

describeInChromium('A table picked in the SQL console', (session) => {
  it('queries a raw zone’s record fields first, the engine’s `_` columns after them', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await simulateSample(page);
    await runTo(page, 3);
    await openTab(page, 'SQL');
    await page.getByLabel('Node to query').selectOption({ label: 'customer-360' });
    await page.getByTestId('sql-editor').locator('.monaco-editor').waitFor();
    await page.getByTestId('table-guide-raw_orders_in').getByRole('button', { name: 'raw_orders_in' }).click();
    await page.getByRole('button', { name: 'Run query' }).click();

    const headers = page.getByTestId('sql-result').locator('th');
    await headers.first().waitFor();
    const names = await headers.allTextContents();
    expect(names[0]?.startsWith('_')).toBe(false);
    const firstEngineColumn = names.findIndex((name) => name.startsWith('_'));
    expect(firstEngineColumn).toBeGreaterThan(0);
    expect(names.slice(firstEngineColumn).every((name) => name.startsWith('_'))).toBe(true);
  });
});
