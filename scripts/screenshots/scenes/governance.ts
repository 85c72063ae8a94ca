import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openByChooser, openSampleDesign, productNode } from '../../../test/e2e/designer-driver';
import type { Scene } from '../scene';

/** The e-commerce sample with a few things broken: an ownerless product, an unfed port, a republished email, a rule turned off. */
function troubledSample(): string {
  const mesh = JSON.parse(
    readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
  );
  const product = (id: string) => mesh.products.find((candidate: { id: string }) => candidate.id === id);
  product('shipments').owner = '';
  mesh.links = mesh.links.filter((link: { id: string }) => link.id !== 'l-orders-360');
  // A design file keeps each contract as its ODCS text, a line per entry.
  const profile: string[] = mesh.contracts.find((contract: { odcs: string[] }) =>
    contract.odcs.includes('id: customer-profile'),
  ).odcs;
  profile.splice(profile.indexOf('    properties:') + 1, 0, '      - name: email', '        logicalType: string');
  product('customer-360').transformations[0].sql = product('customer-360').transformations[0].sql.replace(
    'SELECT c.customer_id,',
    'SELECT c.customer_id, c.email,',
  );
  product('customer-360').observability.slos = [{ kind: 'freshness', target: 10, unit: 'minutes' }];
  mesh.products.push({ ...product('shipments'), id: 'returns', name: 'returns', inputPorts: [], outputPorts: [] });
  mesh.layout.nodes.returns = { x: 380, y: 200 };
  mesh.policies.rules['orphan-products'] = { severity: 'off', reason: 'Returns is planned for Q3' };
  return JSON.stringify(mesh, null, 2);
}

async function showProblems(page: Page): Promise<void> {
  // Without the File System Access API the app opens files through a file chooser the scene can fill.
  await page.evaluate(() => Reflect.deleteProperty(window, 'showOpenFilePicker'));
  await openByChooser(page, 'shop.mesh.json', troubledSample());
  await page.getByTestId('problem-counts').click();
  await page.getByTestId('problem').first().waitFor();
  await page.getByText('turned off by the design’s policies').click();
  await page.getByTestId('problem').filter({ hasText: "Input port 'Orders'" }).locator('.problem-row__main').click();
}

async function showImpact(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await productNode(page, 'orders').locator('.product-node__name').click();
  await page.keyboard.press('i');
  await page.getByTestId('impact-field-orders-out-total').click();
  await page.getByTestId('impact-results').waitFor();
}

export const scenes: Scene[] = (['light', 'dark'] as const).flatMap((colorScheme) => [
  { name: `governance-problems-${colorScheme}`, colorScheme, arrange: showProblems },
  { name: `governance-impact-${colorScheme}`, colorScheme, arrange: showImpact },
]);
