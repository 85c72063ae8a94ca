import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { caretAfter, dropFiles, openContract, showView } from '../../../test/e2e/contract-driver';
import { openSampleDesign } from '../../../test/e2e/designer-driver';
import type { Scene } from '../scene';

/** The contract editor widened beside the canvas, on the e-commerce sample's Order contract. */
async function orderIn(page: Page, view: 'Form' | 'Preview' | 'Diff' | 'Diagram'): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await openContract(page, 'Order');
  await page.getByRole('button', { name: 'Widen' }).click();
  await showView(page, view);
}

/** Drops a SQL DDL file on the window, as dragging it from the file manager does. */
async function dropDdl(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  const text = readFileSync('test/fixtures/import/sql/orders-postgres.sql', 'utf8');
  await dropFiles(page, [{ name: 'orders-postgres.sql', text }]);
  await page.getByTestId('import-dialog').waitFor();
}

const arrangements: { name: string; arrange(page: Page): Promise<void> }[] = [
  {
    name: 'contract-form',
    async arrange(page) {
      await orderIn(page, 'Form');
      await page.getByRole('button', { name: 'Details of status' }).click();
      await page.getByLabel('Version', { exact: true }).fill('');
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
      await page.getByRole('button', { name: 'Details of customer_id' }).click();
      await page
        .getByRole('region', { name: 'Field details' })
        .getByLabel('Description', { exact: true })
        .fill('The customer who placed the order.');
      await showView(page, 'Diff');
      // Side by side, as a reviewer comparing the two versions chooses: the removal is marked in the saved version.
      await page.getByRole('button', { name: 'Split' }).click();
      // The header's link brings the breaking removal into view, as wrapped lines may push it below.
      await page.locator('.contract-diff__jump', { hasText: 'status' }).click();
      await page.locator('.contract-diff .breaking-change-glyph').first().waitFor();
      await page.locator('.contract-diff .line-insert').first().waitFor();
    },
  },
  {
    name: 'contract-import-dialog',
    arrange: dropDdl,
  },
  {
    name: 'contract-import-preview',
    async arrange(page) {
      await dropDdl(page);
      await page.getByTestId('import-dialog').getByRole('button', { name: 'Import' }).click();
      await page.getByRole('tab', { name: 'orders-postgres' }).waitFor();
      await page.getByRole('button', { name: 'Widen' }).click();
      await showView(page, 'Preview');
      await page.getByTestId('contract-preview').waitFor();
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

/** The pictures the README shows: a problem marked in the YAML, and a broken link beside the editor. */
const readmeScenes: Scene[] = [
  {
    name: 'contract-editor-problem',
    async arrange(page) {
      await openSampleDesign(page, 'ecommerce');
      await openContract(page, 'Order');
      await caretAfter(page, 'logicalType: integer');
      await page.keyboard.type('X');
      await page.locator('.yaml-editor .squiggly-error').first().waitFor({ state: 'attached' });
      await page.getByTestId('out-of-sync').waitFor();
    },
  },
  {
    name: 'contract-editor-beside-canvas',
    async arrange(page) {
      await openSampleDesign(page, 'ecommerce');
      await openContract(page, 'Order');
      await showView(page, 'Form');
      await page.getByRole('button', { name: 'Remove status' }).click();
      await page.locator('[data-testid="rf__edge-l-orders-360"].edge--incompatible').waitFor();
      await page.locator('.react-flow__controls-fitview').click();
      await page.locator('.react-flow__controls-zoomin').click();
    },
  },
];

export const scenes: Scene[] = [
  ...readmeScenes,
  ...(['light', 'dark'] as const).flatMap((colorScheme) =>
    arrangements.map(({ name, arrange }) => ({ name: `${name}-${colorScheme}`, colorScheme, arrange })),
  ),
];
