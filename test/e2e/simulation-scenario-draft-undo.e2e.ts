import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { openSampleDesign } from './designer-driver';
import { enterSimulate, openTab } from './simulation-driver';

async function shownSeedLine(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Monaco's view lines keep their line breaks only in innerText
  const text = (await page.getByTestId('scenario-editor').locator('.view-lines').innerText()) ?? '';
  return (
    text
      .split('\n')
      .find((line) => line.includes('"seed"'))
      ?.trim() ?? ''
  );
}

describeInChromium('typing in the scenario editor, not applied yet', (session) => {
  it('is taken back by Ctrl+Z after a look at another tab', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');
    await enterSimulate(page);
    await openTab(page, 'Scenario');
    const editor = page.getByTestId('scenario-editor');
    await editor.locator('.view-lines').getByText('"seed"').click();
    const before = await shownSeedLine(page);
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText('9,');
    const typed = `${before.slice(0, -1)}9,`;
    await expect.poll(() => shownSeedLine(page)).toBe(typed);

    await openTab(page, 'Inspect');
    await openTab(page, 'Scenario');
    await expect.poll(() => shownSeedLine(page)).toBe(typed);
    await editor.locator('.view-lines').getByText('"seed"').click();
    // Two edits: the Backspace, then the text typed.
    await page.keyboard.press('ControlOrMeta+z');
    await page.keyboard.press('ControlOrMeta+z');

    await expect.poll(() => shownSeedLine(page)).toBe(before);
  });
});
