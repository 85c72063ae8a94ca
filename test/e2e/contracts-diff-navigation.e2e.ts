import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { openContract, showView } from './contract-driver';
import { openSampleDesign } from './designer-driver';

async function topOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => element.getBoundingClientRect().top);
}

describeInChromium('the contract diff in the built app', (session) => {
  it('opens the diff at its first change, below the fold, and jumps to a breaking change from the header', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await showView(page, 'Form');
    await page.getByRole('button', { name: 'Remove updated_at' }).click();
    await showView(page, 'Diff');
    const removed = page.locator('.contract-diff .original .view-line', { hasText: 'name: updated_at' });
    await removed.waitFor();
    const editorBox = await page.getByTestId('contract-diff').boundingBox();
    const removedTop = await topOf(removed);
    expect(editorBox && removedTop > editorBox.y && removedTop < editorBox.y + editorBox.height).toBe(true);
    await screenshot(page, 'contract-diff-first-change');

    // Scrolled back to the top, the header's breaking change brings its line back.
    await page.locator('.contract-diff .original .view-line', { hasText: 'name: total' }).click();
    await page.keyboard.press('Control+Home');
    await removed.waitFor({ state: 'detached' });
    await page.locator('.contract-diff__jump', { hasText: 'updated_at' }).click();
    await removed.waitFor();
  });
});
