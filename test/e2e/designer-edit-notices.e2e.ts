import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { openSampleDesign, productNode } from './designer-driver';

describeInChromium('what an edit did, told in the status bar', (session) => {
  it('leaves the status bar at the next other edit, and stays listed under Notices', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'shipments').locator('.product-node__name').click();
    await page.keyboard.press('Delete');
    const told = page.locator('.status-bar .notice__text');
    await told.waitFor();
    const deletion = (await told.textContent()) ?? '';
    expect(deletion).toContain('shipments');

    await page.keyboard.press('n');
    await expect.poll(() => page.locator('.react-flow__node-note').count()).toBeGreaterThan(0);

    await expect.poll(() => told.count()).toBe(0);
    await page.getByRole('button', { name: /^Notices \(\d+\)$/ }).click();
    expect(await page.locator('.notices-list__item p').allTextContents()).toContain(deletion);
  });
});
