import { renameDesign, waitForAutosave } from '../../../test/e2e/autosave-driver';
import { openSampleDesign } from '../../../test/e2e/designer-driver';
import type { Scene } from '../scene';

const COLOR_SCHEMES = ['light', 'dark'] as const;

export const scenes: Scene[] = COLOR_SCHEMES.flatMap((colorScheme): Scene[] => [
  {
    // The start screen after a closed tab: the unsaved design is offered back.
    name: `recovery-start-screen-${colorScheme}`,
    colorScheme,
    viewport: { width: 1100, height: 760 },
    async arrange(page) {
      await openSampleDesign(page, 'ecommerce');
      await renameDesign(page, 'E-commerce, reworked checkout');
      await waitForAutosave(page, 'E-commerce, reworked checkout');
      // The reload stands in for the closed tab: its "leave the page?" question is answered yes.
      page.once('dialog', (dialog) => void dialog.accept());
      await page.reload();
      await page.getByTestId('recovered-work').waitFor();
    },
  },
  {
    name: `unsaved-changes-prompt-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await openSampleDesign(page, 'ecommerce');
      await renameDesign(page, 'E-commerce, reworked checkout');
      await page.keyboard.press('Control+n');
      await page.getByTestId('prompt').waitFor();
    },
  },
  {
    name: `delete-with-undo-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await openSampleDesign(page, 'ecommerce');
      await page.locator('.react-flow__node-product[data-id="orders"]').click();
      await page.keyboard.press('Delete');
      await page.getByRole('button', { name: 'Undo', exact: true }).last().waitFor();
    },
  },
]);
