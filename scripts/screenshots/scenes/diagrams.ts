import type { Page } from 'playwright-core';
import { openSampleDesign, productNode } from '../../../test/e2e/designer-driver';
import type { Scene } from '../scene';

const THEMES = ['light', 'dark'] as const;

/** The Diagram view once Mermaid has drawn and Monaco shows the text. */
async function diagramDrawn(page: Page): Promise<void> {
  await page.getByTestId('diagram-picture').locator('svg').waitFor();
  // Either direction: the layout fitting a slide may draw it top to bottom.
  await page
    .locator('.diagram-text .view-lines')
    .getByText(/flowchart\s(LR|TB)/)
    .waitFor();
}

export const scenes: Scene[] = THEMES.flatMap((colorScheme): Scene[] => [
  {
    name: `diagram-view-logical-${colorScheme}`,
    colorScheme,
    arrange: async (page) => {
      await openSampleDesign(page, 'ecommerce');
      await page.keyboard.press('m');
      await diagramDrawn(page);
    },
  },
  {
    name: `diagram-view-retrieval-${colorScheme}`,
    colorScheme,
    arrange: async (page) => {
      await openSampleDesign(page, 'ecommerce');
      await page.locator('.react-flow__node-system').first().click();
      await page.keyboard.press('m');
      await diagramDrawn(page);
      // A flow is wide: at its own size it reads, the pane scrolls.
      await page.getByRole('button', { name: 'Actual size' }).click();
    },
  },
  {
    name: `diagram-view-architecture-${colorScheme}`,
    colorScheme,
    arrange: async (page) => {
      await openSampleDesign(page, 'ecommerce');
      await productNode(page, 'orders').click();
      await page.keyboard.press('m');
      await diagramDrawn(page);
    },
  },
]);
