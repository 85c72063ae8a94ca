import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { openTab, replaceEditorText, simulateSample } from './simulation-driver';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the bar's buttons and the editor below it are drawn. */
function boxesAroundStatus(page: Page): Promise<Box[]> {
  return page.locator('.scenario-editor__bar > button, [data-testid="scenario-editor"]').evaluateAll((elements) =>
    elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    }),
  );
}

/** The status's text, on how many lines it is drawn, and whether it is wider than its box. */
function statusLayout(page: Page): Promise<{ text: string; lines: number; isCut: boolean }> {
  return page.locator('.scenario-editor__state').evaluate((status) => {
    const text = document.createRange();
    text.selectNodeContents(status);
    return {
      text: status.textContent ?? '',
      lines: new Set([...text.getClientRects()].map((line) => Math.round(line.top))).size,
      isCut: status.scrollWidth > status.clientWidth,
    };
  });
}

describeInChromium('the Scenario tab bar in the side panel as Simulate opens it', (session) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`reads its status on one line and keeps its buttons in place whatever the status says (${colorScheme})`, async () => {
      const page = await session.openApp({ colorScheme });
      await simulateSample(page);
      await openTab(page, 'Scenario');
      await page.getByTestId('scenario-editor').locator('.monaco-editor').waitFor();
      const boxes = await boxesAroundStatus(page);
      const expectSameLayout = async (status: string | RegExp) => {
        await expect.poll(async () => (await statusLayout(page)).text).toMatch(status);
        expect(await statusLayout(page)).toMatchObject({ lines: 1, isCut: false });
        expect(await boxesAroundStatus(page)).toEqual(boxes);
      };
      await expectSameLayout('Saved in the design; the run uses it');

      await page.getByTestId('scenario-editor').locator('.view-lines').click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.press('Enter');
      await expectSameLayout('Not applied yet');

      await replaceEditorText(page, 'scenario-editor', '{}');
      await expectSameLayout(/^\d+ problems?$/);
    });
  }
});
