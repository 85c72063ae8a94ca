import type { Page } from 'playwright-core';
import { largeMesh } from '../../../bench/cases/canvas';
import { serializeMesh } from '../../../shared/model';
import { openContractFromList, openSampleDesign, productNode } from '../../../test/e2e/designer-driver';
import type { Scene } from '../scene';

/** Opens the benchmark's 1,000-product mesh through the file chooser, as a user would. */
async function openLargeMesh(page: Page): Promise<void> {
  await page.evaluate(() => Reflect.deleteProperty(window, 'showOpenFilePicker'));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles({
    name: 'large.mesh.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeMesh(largeMesh())),
  });
  await page.locator('.react-flow__node-domain-block').first().waitFor();
  await page.waitForTimeout(500);
}

/** The e-commerce sample with customer-360's lineage in focus. */
async function lineageFocus(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await productNode(page, 'customer-360').locator('.product-node__name').click();
  await page.keyboard.press('f');
  await page.getByTestId('lineage-bar').waitFor();
  await page.mouse.move(0, 450);
  await page.waitForTimeout(500);
}

/** Customer-360 selected: its upstream and downstream links lit, one link labelled, a note, its right-click menu. */
async function linksAndMenu(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await page.keyboard.press('n');
  const note = page.locator('.note-node').first();
  await note.dblclick();
  await note
    .getByLabel('Note text (Markdown)')
    .fill('**Workshop**\n\n- who owns *customer-360*?\n- SLO for `profiles`: 15 min');
  await page.keyboard.press('Escape');
  await productNode(page, 'customer-360').locator('.product-node__name').click();
  await productNode(page, 'customer-360').locator('.product-node__name').click({ button: 'right' });
  await page.getByTestId('context-menu').waitFor();
  await page.locator('[data-testid="rf__edge-l-customers-360"] .react-flow__edge-interaction').hover({ force: true });
}

/** The Order contract with a field removed: the panel lists the link it breaks, shown on the canvas. */
async function brokenLink(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await openContractFromList(page, 'Order');
  await page.getByRole('button', { name: 'Form' }).click();
  await page.getByRole('button', { name: 'Remove status' }).click();
  await page.getByTestId('broken-links').getByRole('button').first().click();
  await page.waitForTimeout(600);
}

const bothThemes = (name: string, arrange: Scene['arrange']): Scene[] =>
  (['light', 'dark'] as const).map((colorScheme) => ({ name: `${name}-${colorScheme}`, colorScheme, arrange }));

export const scenes: Scene[] = [
  ...bothThemes('canvas-overview-1000-products', openLargeMesh),
  ...bothThemes('canvas-lineage-focus', lineageFocus),
  ...bothThemes('canvas-links-and-menu', linksAndMenu),
  ...bothThemes('contract-panel-broken-link', brokenLink),
];
