import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { runQuery, simulateSample, waitForTick } from './simulation-driver';

const SLOW_QUERY =
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS counted FROM n';

describeInChromium('A slow query in the SQL console', (session) => {
  it('drops the last error as it starts, says how long it runs, and a Step meanwhile says it waits for it', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runQuery(page, 'orders', 'SELECT nope FROM orders');
    await page.getByTestId('sql-error').waitFor();

    await runQuery(page, 'orders', SLOW_QUERY);
    const running = page.getByTestId('sql-running');
    await running.waitFor();
    expect(await page.getByTestId('sql-error').count()).toBe(0);
    expect(await running.textContent()).toMatch(/^Running… \d+ s$/);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    expect(await page.getByTestId('run-progress').textContent()).toBe('waiting for the query to finish');

    await page.getByTestId('sql-result').waitFor();
    await waitForTick(page, 1);
    expect(await page.getByTestId('run-progress').count()).toBe(0);
  });
});
