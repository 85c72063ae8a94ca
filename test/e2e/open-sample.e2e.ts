import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, overlappingOnScreen, screenshot } from './app-driver';
import { openByChooser } from './designer-driver';

/** Products and systems drawn over each other, by id. */
const overlappingNodes = (page: Page) =>
  overlappingOnScreen(page, '.react-flow__node-product, .react-flow__node-system', 'data-id');

describeInChromium('opening a sample', (session) => {
  it('shows the e-commerce mesh on the canvas with its domains, products and systems', async () => {
    const page = await session.openApp();
    await page.getByTestId('sample-ecommerce').click();
    await page.waitForSelector('.react-flow__node-product');
    expect(await page.locator('.react-flow__node-domain').count()).toBe(4);
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
    expect(await page.locator('.react-flow__node-system').count()).toBe(3);
    expect(await page.locator('.react-flow__edge').count()).toBe(8);
    expect(await page.getByTestId('counts').textContent()).toBe('4 domains · 5 products · 3 systems · 8 links');
    await screenshot(page, 'ecommerce-canvas');
  });

  it('shows the logical view: two domains, five products', async () => {
    const page = await session.openApp();
    await page.getByTestId('sample-seed-logical-view').click();
    await page.waitForSelector('.react-flow__node-product');
    expect(await page.locator('.react-flow__node-domain').count()).toBe(2);
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
    await screenshot(page, 'logical-view-canvas');
  });

  it('refuses a corrupt file with located problems and keeps the current design', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.getByTestId('sample-seed-logical-view').click();
    await page.waitForSelector('.react-flow__node-product');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles({
      name: 'broken.mesh.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"schemaVersion": 1, "id": "x", "name": ""}'),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Could not open broken.mesh.json');
    expect(await alert.textContent()).toContain('name:');
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
  });

  it('places the elements of a file written without positions apart, in their domains, undoably; Auto-layout arranges them', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = JSON.parse(readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'));
    mesh.layout = { nodes: {} };
    await openByChooser(page, 'generated.mesh.json', JSON.stringify(mesh));
    await page.waitForSelector('.react-flow__node-product');

    const notice = page
      .getByRole('status')
      .filter({ hasText: '12 elements without a position in the file placed on a grid' });
    await notice.waitFor();
    expect(await overlappingNodes(page)).toEqual([]);
    expect(await page.locator('.react-flow__node-product').count()).toBe(5);
    await screenshot(page, 'placed-without-positions');

    const placed = await page.locator('.react-flow__node[data-id="customer-360"]').getAttribute('style');
    await notice.getByRole('button', { name: 'Auto-layout' }).click();
    await page.waitForFunction(
      (before) =>
        !document.querySelector('[data-testid=layout-busy]') &&
        document.querySelector('.react-flow__node[data-id="customer-360"]')?.getAttribute('style') !== before,
      placed,
    );
    expect(await overlappingNodes(page)).toEqual([]);

    await page.keyboard.press('ControlOrMeta+z');
    await page.keyboard.press('ControlOrMeta+z');
    expect(await overlappingNodes(page)).not.toEqual([]);
  });
});
