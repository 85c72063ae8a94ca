import type { Page } from 'playwright-core';
import { openContract, showView } from '../../../test/e2e/contract-driver';
import { openSampleDesign } from '../../../test/e2e/designer-driver';
import type { Scene } from '../scene';

/** The contract editor widened beside the canvas, on the e-commerce sample's Order contract. */
async function orderIn(page: Page, view: 'Form' | 'Preview' | 'Diff' | 'Diagram'): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await openContract(page, 'Order');
  await page.getByRole('button', { name: 'Widen' }).click();
  await showView(page, view);
}

const arrangements: { name: string; arrange(page: Page): Promise<void> }[] = [
  {
    name: 'contract-form',
    async arrange(page) {
      await orderIn(page, 'Form');
      await page.getByRole('button', { name: 'Details of status' }).click();
      await page.getByLabel('Version', { exact: true }).fill('1.');
      await page.locator('[data-path="version"] .form-field__problems').waitFor();
    },
  },
  {
    name: 'contract-preview',
    async arrange(page) {
      await orderIn(page, 'Preview');
      await page.getByTestId('contract-preview').waitFor();
    },
  },
  {
    name: 'contract-diff',
    async arrange(page) {
      await orderIn(page, 'Form');
      await page.getByRole('button', { name: 'Remove status' }).click();
      await page.getByRole('button', { name: 'Details of total' }).click();
      await page
        .getByRole('region', { name: 'Field details' })
        .getByLabel('Description', { exact: true })
        .fill('Order total, taxes included.');
      await showView(page, 'Diff');
      await page.locator('.contract-diff .breaking-change-glyph').first().waitFor();
      await page.locator('.contract-diff .line-insert').first().waitFor();
    },
  },
  {
    name: 'contract-schema-diagram',
    async arrange(page) {
      await openSampleDesign(page, 'ecommerce');
      await page
        .getByTestId('import-contracts-input')
        .setInputFiles('test/fixtures/odcs/v3.2.0/full-example.odcs.yaml');
      await page.getByRole('tab', { name: 'my quantum' }).waitFor();
      await page.getByRole('button', { name: 'Widen' }).click();
      await showView(page, 'Diagram');
      await page.locator('.schema-edge').first().waitFor({ state: 'attached' });
    },
  },
];

export const scenes: Scene[] = (['light', 'dark'] as const).flatMap((colorScheme) =>
  arrangements.map(({ name, arrange }) => ({ name: `${name}-${colorScheme}`, colorScheme, arrange })),
);
