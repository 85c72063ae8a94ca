import { openSampleDesign } from '../../../test/e2e/designer-driver';
import { exportDialog, openExportDialog, previewText } from '../../../test/e2e/export-driver';
import type { Scene } from '../scene';

/** The Export dialog over the e-commerce sample, previewing a contract's ODCS YAML. */
export const scenes: Scene[] = (['light', 'dark'] as const).map((colorScheme) => ({
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
}));
