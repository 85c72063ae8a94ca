import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { enterSimulate, openSampleWithProfileSql, openTab, step } from './simulation-driver';

/** The sample's customer profile, plus a copy of the first customer's row: their key repeats. */
const PROFILE_WITH_A_COPY = `SELECT c.customer_id, c.city, c.country,
  COUNT(o.order_id) AS order_count,
  ROUND(COALESCE(SUM(o.total), 0), 2) AS lifetime_value,
  MAX(o.placed_at) AS last_order_at
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.customer_id AND o.status <> 'cancelled'
GROUP BY c.customer_id, c.city, c.country
UNION ALL
SELECT customer_id, 'Copyville', country, 0, 0, NULL FROM customers WHERE customer_id = (SELECT min(customer_id) FROM customers)`;

describeInChromium('Tracing a result row its key check quarantined', (session) => {
  it('shows the rows the step made and held back, and ends at its key check, not a contract', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1400, height: 950 });
    await openSampleWithProfileSql(page, PROFILE_WITH_A_COPY);
    await enterSimulate(page);
    await step(page);
    await openTab(page, 'Inspect');
    await page.getByTestId('rf__node-customer-360').locator('.product-node__name').click();
    await page.getByRole('tab').filter({ hasText: 'quarantine' }).click();
    // The grid shows a record by its key: the copy and the row it repeats read alike, and trace alike.
    const traceFirstRepeated = page.getByTestId('grid-quarantine').getByRole('button', { name: 'Trace' }).first();

    await traceFirstRepeated.click();

    await page.getByTestId('trace-position').waitFor();
    const stages = page.locator('.trace-tab__stages button');
    await expect.poll(() => stages.allTextContents()).toContainEqual(expect.stringMatching(/✗$/));
    await stages
      .filter({ hasText: /^Transformation/ })
      .first()
      .click();
    await expect
      .poll(() => page.locator('.trace-tab .trace-stage__note').textContent())
      .toMatch(
        /^customer_profile made these rows from its inputs, and its key check held them back \(quarantined at tick \d\), so its table has no row with this customer_id\.$/,
      );
    await stages.filter({ hasText: /✗$/ }).click();
    await expect
      .poll(() => page.locator('.trace-tab [data-testid=contract-check]').textContent())
      .toMatch(
        /^✗ Quarantined by customer_profile's key check: unique on customer_id: key customer_id appears more than once in the result/,
      );
    await screenshot(page, 'simulation-trace-key-check');
  });
});
