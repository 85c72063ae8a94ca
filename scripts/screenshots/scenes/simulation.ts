import type { Page } from 'playwright-core';
import { productNode } from '../../../test/e2e/designer-driver';
import {
  fireRedelivery,
  gridColumn,
  openTab,
  runQuery,
  runTo,
  simulateSample,
  step,
  traceOrder1000,
} from '../../../test/e2e/simulation-driver';
import type { Scene } from '../scene';

const SCHEMES = ['light', 'dark'] as const;

/** One order, cancelled at tick 5, traced from the service's write on. */
async function traceOrder(page: Page): Promise<void> {
  await simulateSample(page);
  await runTo(page, 6);
  await traceOrder1000(page);
}

async function stepTraceTo(
  page: Page,
  stage: number,
  position: 'trace-position' | 'presenter-position',
): Promise<void> {
  for (let index = 1; index < stage; index++) await page.keyboard.press('ArrowRight');
  await page
    .getByTestId(position)
    .filter({ hasText: new RegExp(`^${stage} /`) })
    .waitFor();
}

export const scenes: Scene[] = SCHEMES.flatMap((colorScheme) => [
  {
    name: `simulation-running-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await simulateSample(page);
      await runTo(page, 12);
      await openTab(page, 'Faults');
      const nullField = page.getByTestId('fault-null-field');
      await nullField.getByLabel('Topic').selectOption({ label: 'customers.public.customers' });
      await nullField.getByLabel('Column').selectOption('email');
      await nullField.getByRole('button', { name: 'Fire' }).click();
      await page.getByTestId('fired-faults').waitFor();
      await openTab(page, 'Metrics');
      await page.getByRole('button', { name: '▶ Run' }).click();
      await page.waitForFunction(() => Number(document.querySelector('[data-testid=tick]')?.textContent) >= 16);
      await page.getByTestId('quarantine-customers').waitFor();
    },
  },
  {
    name: `simulation-transformations-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await simulateSample(page);
      await runTo(page, 10);
      await openTab(page, 'Metrics');
      await page.getByRole('region', { name: 'Transformations' }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: `simulation-consumers-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await simulateSample(page);
      await runTo(page, 6);
      await fireRedelivery(page, 'customers.public.customers', 4);
      await page.getByTestId('fired-faults').waitFor();
      await step(page);
      await openTab(page, 'Metrics');
      await page.getByRole('region', { name: 'Consumers' }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: `simulation-trace-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await traceOrder(page);
      await stepTraceTo(page, 6, 'trace-position');
    },
  },
  {
    name: `simulation-presenter-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await traceOrder(page);
      await page.getByRole('button', { name: 'Present' }).first().click();
      await page.getByTestId('presenter').waitFor();
      await stepTraceTo(page, 3, 'presenter-position');
      await page.waitForTimeout(400); // the view's animation to the stage's node
    },
  },
  {
    name: `simulation-sql-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await simulateSample(page);
      await runTo(page, 20);
      await runQuery(
        page,
        'customer-360',
        'SELECT c.customer_id, c.full_name, p.order_count, p.lifetime_value\nFROM customers c JOIN customer_profile p USING (customer_id)\nORDER BY p.lifetime_value DESC\nLIMIT 10',
      );
      await page.getByTestId('sql-result').waitFor();
    },
  },
  {
    name: `simulation-published-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await simulateSample(page);
      await runTo(page, 8);
      await productNode(page, 'customers').click();
      await page.getByRole('tab', { name: 'output ports Customers' }).click();
      const grid = page.getByTestId('grid-customers/customers-out');
      await grid.getByRole('button', { name: 'customer_id', exact: true }).click();
      await grid.getByRole('button', { name: 'customer_id ▲' }).click();
      await gridColumn(page, 'grid-customers/customers-out', 'customer_id');
    },
  },
  {
    name: `simulation-rename-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await simulateSample(page);
      await runTo(page, 3);
      await openTab(page, 'Faults');
      const rename = page.getByTestId('fault-rename-column');
      await rename.getByLabel('Topic').selectOption({ label: 'customers.public.customers' });
      await rename.getByLabel('Column').selectOption('email');
      await rename.getByRole('button', { name: 'Fire' }).click();
      await step(page, 2);
      await page.getByTestId('quarantine-customers').waitFor();
      await openTab(page, 'Inspect');
      await page.getByTestId('rf__edge-l-customers-cdc').click();
      await page.getByTestId('message').first().locator('.record-table--diff').waitFor();
    },
  },
]);
