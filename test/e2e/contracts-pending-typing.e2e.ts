import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { caretAfter, openContract, showView } from './contract-driver';
import { openSampleDesign } from './designer-driver';

/**
 * The YAML editor applies typing to the design after a pause: whatever comes before the pause
 * ends (a click, a key, closing the view) must see the typing, never the text before it.
 */

const TYPED = 'description: Typed a moment ago.';

/** Types a line below order_id's type in the Order contract, leaving no pause after it. */
async function typeLineIntoOrder(page: Page): Promise<void> {
  await openContract(page, 'Order');
  await caretAfter(page, 'logicalType: integer');
  await page.keyboard.press('Enter');
  await page.keyboard.type(TYPED);
}

const typedLine = (page: Page) => page.locator('.yaml-editor .view-line', { hasText: TYPED });

describeInChromium('typing in the YAML editor is never lost to what follows at once', (session) => {
  it('upgrades the contract with the line just typed in it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await typeLineIntoOrder(page);
    await page.getByRole('button', { name: 'Upgrade to v3.2.0' }).click();
    await page.locator('.yaml-editor .view-line', { hasText: 'apiVersion: v3.2.0' }).waitFor();
    // Longer than the pause that applies typing: the editor shows what the design holds.
    await page.waitForTimeout(1000);
    expect(await typedLine(page).count()).toBe(1);
  });

  it('saves the line just typed when Ctrl+S is pressed in the editor', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');
    await typeLineIntoOrder(page);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const saved = readFileSync(await (await download).path(), 'utf8');
    expect(saved).toContain(TYPED);
  });

  it('keeps the line just typed when the view switches to the form', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await typeLineIntoOrder(page);
    await showView(page, 'Form');
    await page.getByRole('form', { name: 'Contract form' }).waitFor();
    await showView(page, 'YAML');
    await page.locator('.yaml-editor .view-line', { hasText: 'kind: DataContract' }).waitFor();
    expect(await typedLine(page).count()).toBe(1);
  });

  it('keeps the line just typed when the contract’s tab is closed', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await typeLineIntoOrder(page);
    // The × is for the mouse only (hidden from screen readers, who close a tab with Delete).
    await page.locator('.contract-tab__close[aria-label^="Close Order"]').click();
    await page.getByTestId('contract-workspace').waitFor({ state: 'detached' });
    await openContract(page, 'Order');
    await page.locator('.yaml-editor .view-line', { hasText: 'kind: DataContract' }).waitFor();
    expect(await typedLine(page).count()).toBe(1);
  });
});
