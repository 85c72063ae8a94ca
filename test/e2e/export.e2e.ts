import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy';
import { cspViolations, describeInChromium } from './app-driver';
import { openSampleDesign, systemNode } from './designer-driver';
import { downloadBundle, exportDialog, openExportDialog, previewText } from './export-driver';

const FIXTURES = join(import.meta.dirname, '../fixtures/export');

describeInChromium('export', (session) => {
  it.each(['ecommerce', 'seed-logical-view'])(
    'exports the %s sample to every format through the dialog: a zip of the golden files',
    async (sample) => {
      const page = await session.openApp();
      await openSampleDesign(page, sample);
      await openExportDialog(page);
      const { name, files } = await downloadBundle(page);
      expect(name).toMatch(/-export\.zip$/);
      expect(files.size).toBeGreaterThan(10);
      expect(files.get('index.md')).toBe(readFileSync(join(FIXTURES, sample, 'index.md'), 'utf8'));
      for (const [path, text] of files) {
        const golden = join(FIXTURES, sample, path);
        expect(existsSync(golden), path).toBe(true);
        expect(text, path).toBe(readFileSync(golden, 'utf8'));
      }
      // The dialog closes and says where the files went.
      await exportDialog(page).waitFor({ state: 'detached' });
      expect(await page.getByRole('status').textContent()).toContain(`Exported ${files.size} files to ${name}`);
    },
  );

  it('previews each file read-only in Monaco, under the desktop app’s CSP, and copies one', async () => {
    const page = await session.openApp({ contentSecurityPolicy: CONTENT_SECURITY_POLICY });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openSampleDesign(page, 'ecommerce');
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = exportDialog(page);
    await dialog.getByTestId('export-ready').waitFor();
    await dialog.getByRole('treeitem', { name: 'order.odcs.yaml' }).click();
    await expect.poll(() => previewText(page)).toContain('name: Order');
    expect(await dialog.getByTestId('export-preview-path').textContent()).toBe('odcs/order.odcs.yaml');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => dialog.getByTestId('export-preview-path').textContent()).toBe('odcs/customer.odcs.yaml');
    await dialog.getByRole('treeitem', { name: 'orders.sql', exact: true }).click();
    await expect.poll(() => previewText(page)).toContain('CREATE TABLE "orders"."orders"');
    await page.keyboard.type('typing does nothing');
    expect(await previewText(page)).not.toContain('typing does nothing');
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(readFileSync(join(FIXTURES, 'ecommerce/sql/orders.sql'), 'utf8'));
    expect(await cspViolations(page)).toEqual([]);
  });

  it('narrows to the chosen formats and one domain, and shows progress while it works', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    // Record every progress line the dialog shows, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      Reflect.set(window, '__progress', seen);
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="export-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await openExportDialog(page);
    const progress = (await page.evaluate(() => Reflect.get(window, '__progress'))) as string[];
    expect(progress.some((line) => /^Exporting/.test(line))).toBe(true);
    const dialog = exportDialog(page);
    for (const format of ['ODCS data contracts', 'Backstage catalog', 'Kafka on Kubernetes (Strimzi)', 'JSON Schema']) {
      await dialog.getByLabel(format).uncheck();
    }
    await dialog.getByLabel('One domain').check();
    await dialog.getByLabel('Domain to export').selectOption({ label: 'Analytics' });
    await expect
      .poll(async () => dialog.getByTestId('export-file-tree').getByRole('treeitem').allInnerTexts())
      .toEqual([
        'index.md',
        'odps/\ncustomer-360.odps.yaml\nsales-dashboard.odps.yaml',
        'customer-360.odps.yaml',
        'sales-dashboard.odps.yaml',
        'sql/\ncustomer-360.sql\nsales-dashboard.sql',
        'customer-360.sql',
        'sales-dashboard.sql',
      ]);
    const { files } = await downloadBundle(page);
    expect([...files.keys()].sort()).toEqual([
      'index.md',
      'odps/customer-360.odps.yaml',
      'odps/sales-dashboard.odps.yaml',
      'sql/customer-360.sql',
      'sql/sales-dashboard.sql',
    ]);
  });

  it('exports the selection on the canvas', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    await openExportDialog(page);
    await exportDialog(page).getByLabel('The selection (1 element)').check();
    await exportDialog(page).getByText('the selected element').waitFor();
    await exportDialog(page).getByTestId('export-ready').waitFor();
    const { files } = await downloadBundle(page);
    expect([...files.keys()]).toEqual([
      'index.md',
      'odcs/order-placed.odcs.yaml',
      'backstage/catalog-info.yaml',
      'strimzi/kafka-topics.yaml',
      'strimzi/kafka-connectors.yaml',
      'jsonschema/order-placed-order-placed.schema.json',
    ]);
  });

  it('names the element and the reason when a format cannot be written, and writes nothing', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await systemNode(page, 'customers-service').locator('.system-node__name').click();
    const engine = page.getByTestId('system-inspector').getByLabel('Engine');
    await engine.fill('sqlite');
    await engine.press('Enter');
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+e');
    const errors = exportDialog(page).getByTestId('export-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain(
      "systems[1].database.engine: Kafka on Kubernetes (Strimzi): system 'customers-service': no Debezium connector for the database engine 'sqlite'",
    );
    expect(await exportDialog(page).getByTestId('export-write').isDisabled()).toBe(true);
    await exportDialog(page).getByLabel('Kafka on Kubernetes (Strimzi)').uncheck();
    await exportDialog(page).getByTestId('export-ready').waitFor();
    expect(await exportDialog(page).getByTestId('export-write').isDisabled()).toBe(false);
  });
});
