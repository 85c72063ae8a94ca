import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { runQuery, runTo, simulateNewScenarioOfSample, simulateSample } from './simulation-driver';

/** The cells of the SQL console's answer, row by row. */
async function resultCells(page: Page, nodeName: string, sql: string): Promise<string[]> {
  await runQuery(page, nodeName, sql);
  const result = page.getByTestId('sql-result');
  await result.waitFor();
  return result.locator('td').allTextContents();
}

describeInChromium('what the simulation checks and shows as the engine holds it', (session) => {
  it('refuses a Pause at tick the run has passed, and names its limit for one too large to count to', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 3);
    const pauseAt = page.getByLabel('Pause at tick');

    await pauseAt.fill('2');
    await page
      .getByRole('alert')
      .filter({ hasText: "Pause at tick must be later than the run's tick: the run is already at tick 3 (got '2')" })
      .waitFor();
    expect(await pauseAt.getAttribute('aria-invalid')).toBe('true');

    await pauseAt.fill('99999999999999999999');
    await page
      .getByRole('alert')
      .filter({ hasText: "Pause at tick must be at most 9007199254740991 (got '99999999999999999999')" })
      .waitFor();
  });

  it('shows an INTEGER beyond 2^53 exactly in the SQL console, and a REAL past it as SQLite’s shell writes it', async () => {
    const page = await session.openApp();
    await simulateSample(page);

    const cells = await resultCells(
      page,
      'customers',
      'SELECT 9007199254740993 AS exact, 9223372036854775807 + 1 AS overflowed',
    );

    expect(cells).toEqual(['9007199254740993', '9.22337203685478e+18']);
  });

  it('gives a table’s later timestamp column a later time than its first in the rows New scenario generates', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await simulateNewScenarioOfSample(page);

    const cells = await resultCells(
      page,
      'orders',
      'SELECT count(*), sum(updated_at > placed_at), min(placed_at) IS NOT NULL FROM orders',
    );

    expect(cells).toEqual(['5', '5', '1']);
  });
});
