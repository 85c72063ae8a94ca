import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { centerOf, counts, domainNode, openSampleDesign, productNode } from './designer-driver';

const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function allowClipboard(context: BrowserContext): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
}

describeInChromium('copy and paste through the system clipboard', (session) => {
  it('copies as JSON text, and pastes at the pointer in free space', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'seed-logical-view');
    await productNode(page, 'Data product 1a').locator('.product-node__name').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('"format": "data-mesh-designer/elements"');
    expect(JSON.parse(await readClipboard(page)).products[0].name).toBe('Data product 1a');

    const target = domainNode(page, 'Domain 2');
    const box = (await target.boundingBox())!;
    const pointer = { x: box.x + box.width - 60, y: box.y + box.height - 30 };
    await page.mouse.move(pointer.x, pointer.y);
    await page.keyboard.press('Control+v');
    await expect.poll(() => counts(page)).toBe('2 domains · 6 products · 0 systems · 4 links');
    expect(await page.getByTestId('product-inspector').getByLabel('Domain').inputValue()).toBe('domain-2');
    const pasted = await centerOf(page.locator('.react-flow__node-product.selected'));
    expect(Math.hypot(pasted.x - pointer.x, pasted.y - pointer.y)).toBeLessThan(200);
  });

  it('pastes what another window copied, and text edited in a text editor', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'customer-360').locator('.product-node__name').click();
    await page.keyboard.press('Control+c');
    await expect.poll(() => readClipboard(page)).toContain('customer-360');

    // Another window of the app, on another design, reads the same system clipboard.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await openSampleDesign(other, 'seed-logical-view');
    const text = JSON.parse(await readClipboard(other));
    text.products[0].name = 'Edited in a text editor';
    await other.evaluate((edited) => navigator.clipboard.writeText(edited), JSON.stringify(text));
    const domain = (await domainNode(other, 'Domain 1').boundingBox())!;
    await other.mouse.move(domain.x + domain.width / 2, domain.y + domain.height - 20);
    await other.keyboard.press('Control+v');
    await productNode(other, 'Edited in a text editor').waitFor();
    expect(await counts(other)).toBe('2 domains · 6 products · 0 systems · 4 links');
  });

  it('pastes nothing from broken text, and says where it is broken', async () => {
    const page = await session.openApp();
    await allowClipboard(page.context());
    await openSampleDesign(page, 'seed-logical-view');
    await page.evaluate(() =>
      navigator.clipboard.writeText(JSON.stringify({ format: 'data-mesh-designer/elements', version: 1, products: 7 })),
    );
    await page.keyboard.press('Control+v');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Nothing was pasted');
    expect(await alert.textContent()).toContain('products:');
    expect(await counts(page)).toBe('2 domains · 5 products · 0 systems · 4 links');
  });
});
