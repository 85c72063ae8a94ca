import { openSampleDesign } from '../../../test/e2e/designer-driver';
import { exportDialog, openExportDialog, previewText } from '../../../test/e2e/export-driver';
import type { Scene } from '../scene';

const THEMES = ['light', 'dark'] as const;

export const scenes: Scene[] = THEMES.flatMap((colorScheme): Scene[] => [
  {
    // The Export dialog over the e-commerce sample, previewing a contract's ODCS YAML.
    name: `export-dialog-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await openSampleDesign(page, 'ecommerce');
      await openExportDialog(page);
      await exportDialog(page).getByRole('treeitem', { name: 'order.odcs.yaml' }).click();
      for (let attempt = 0; !(await previewText(page)).includes('name: Order'); attempt++) {
        if (attempt > 100) throw new Error('the preview did not show the contract');
        await page.waitForTimeout(100);
      }
    },
  },
  {
    // The Diagrams section: the Orders domain's diagrams with SVG and PNG pictures, one previewed.
    name: `export-diagrams-${colorScheme}`,
    colorScheme,
    async arrange(page) {
      await openSampleDesign(page, 'ecommerce');
      await openExportDialog(page);
      const dialog = exportDialog(page);
      await dialog.getByLabel('One domain').check();
      await dialog.getByLabel('Domain to export').selectOption({ label: 'Orders' });
      const diagrams = dialog.getByTestId('export-diagrams');
      await diagrams.getByLabel('Lineage').uncheck();
      await diagrams.getByLabel('.svg picture').check();
      await diagrams.getByLabel('.png picture (2×)').check();
      await dialog.getByTestId('export-ready').waitFor({ timeout: 120_000 });
      await dialog.getByTestId('export-file-tree').getByRole('treeitem', { name: 'orders.png' }).nth(1).click();
      await dialog.getByTestId('export-preview-picture').and(page.locator('img[src^="blob:"]')).waitFor();
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>('[data-testid="export-preview-picture"]')].every(
          (image) => image.complete && image.naturalWidth > 0,
        ),
      );
    },
  },
]);
