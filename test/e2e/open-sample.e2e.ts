import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';

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
});
