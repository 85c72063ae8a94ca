import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy';
import { cspViolations, describeInChromium } from './app-driver';
import { caretAfter, copyOfYaml, openContract, pasteOverYaml, problems, showView } from './contract-driver';
import { clickLink, openSampleDesign, saveByDownload } from './designer-driver';

const ORDERS_TO_CUSTOMER_360 = '[data-testid="rf__edge-l-orders-360"]';

/** In the e-commerce sample, removes `status` from the Order contract, which customer-360 needs. */
async function removeStatusFromOrder(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await openContract(page, 'Order');
  await showView(page, 'Form');
  await page.getByRole('button', { name: 'Remove status' }).click();
}

/** Opens the sample's Order contract and gives its text with `lines` added to `field`, below its type. */
async function openOrderWithLinesOn(page: Page, field: string, lines: string[]): Promise<string> {
  await openSampleDesign(page, 'ecommerce');
  await openContract(page, 'Order');
  const fieldStart = new RegExp(`      - name: ${field}\\n        logicalType: \\w+\\n`);
  return (await copyOfYaml(page)).replace(
    fieldStart,
    (start) => start + lines.map((line) => `        ${line}\n`).join(''),
  );
}

/** Presses Ctrl+Z in the YAML editor and returns its text. */
async function undoneOnce(page: Page): Promise<string> {
  await page.keyboard.press('Control+z');
  return copyOfYaml(page);
}

describeInChromium('editing a data contract', (session) => {
  it('marks an unknown logicalType, clears it when fixed, and keeps the design on the last valid text', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    expect(await problems(page)).toBe('No problems.');

    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('ger');
    await page.locator('.yaml-editor .squiggly-error').first().waitFor({ state: 'attached' });
    expect(await problems(page)).toContain('unknown logicalType "integger"');
    expect(await page.getByTestId('out-of-sync').textContent()).toContain('the design keeps the last valid version');

    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('er');
    await page.locator('.contract-problems--none').waitFor();
    // Monaco draws its markers on its own next render, after the panel has said so.
    await expect.poll(() => page.locator('.yaml-editor .squiggly-error').count()).toBe(0);
    expect(await page.getByTestId('out-of-sync').count()).toBe(0);
  });

  it('turns a link to error, naming the field, when a consumer loses a field it needs; undo restores it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    const edge = page.locator(ORDERS_TO_CUSTOMER_360);
    expect(await edge.getAttribute('class')).not.toContain('edge--incompatible');

    await showView(page, 'Form');
    await page.getByRole('button', { name: 'Remove status' }).click();
    await page.locator(`${ORDERS_TO_CUSTOMER_360}.edge--incompatible`).waitFor();
    expect(await edge.locator('title').textContent()).toContain('missing field status');
    expect(await page.getByTestId('contract-changes').textContent()).toContain('breaking');

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator(`${ORDERS_TO_CUSTOMER_360}:not(.edge--incompatible)`).waitFor();
    expect(await page.getByRole('button', { name: 'Remove status' }).count()).toBe(1);
  });

  it('lists why a selected link is incompatible in its inspector, field by field', async () => {
    const page = await session.openApp();
    await removeStatusFromOrder(page);
    await page.locator(`${ORDERS_TO_CUSTOMER_360}.edge--incompatible`).waitFor();
    await clickLink(page, 'l-orders-360');
    const reasons = page.getByTestId('link-inspector').getByRole('list', { name: 'Why this link is incompatible' });
    expect(await reasons.getByRole('listitem').allTextContents()).toEqual(['status missing field status']);
  });

  it('sets the version a breaking change needs in one click', async () => {
    const page = await session.openApp();
    await removeStatusFromOrder(page);
    await page.getByRole('button', { name: 'Use version 2.0.0' }).click();
    expect(await page.getByLabel('Version').inputValue()).toBe('2.0.0');
    expect(await page.getByRole('button', { name: /^Use version/ }).count()).toBe(0);
  });

  it('keeps a breaking change reported after saving until its version is raised; then compatible edits are clean', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await showView(page, 'Form');
    await page.getByTestId('problem-counts').click();
    const breakingChange = page.locator('[data-testid="problem"][data-rule="breaking-changes"]');
    const save = async () => {
      await saveByDownload(page);
      await expect.poll(() => page.title()).not.toMatch(/^•/);
    };

    await page.getByRole('button', { name: 'Remove status' }).click();
    await breakingChange.waitFor();
    await save();
    expect(await breakingChange.count()).toBe(1);
    expect(await breakingChange.textContent()).toContain('2.0.0');

    await page.getByRole('button', { name: 'Use version 2.0.0' }).click();
    await breakingChange.waitFor({ state: 'detached' });
    await save();
    await page.getByRole('button', { name: 'Add field' }).first().click();
    await expect.poll(() => page.title()).toMatch(/^•/);
    expect(await breakingChange.count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Use version/ }).count()).toBe(0);
  });

  it('bumps the version from the Problems panel in the text as typed, keeping fields typed with a problem', async () => {
    const page = await session.openApp();
    // Applied: a bound on currency's length, a breaking change its version 1.0.0 does not announce.
    const breaking = await openOrderWithLinesOn(page, 'currency', ['logicalTypeOptions:', '  maxLength: 3']);
    await pasteOverYaml(page, breaking);
    await page.getByTestId('contract-changes').filter({ hasText: 'breaking' }).waitFor();
    // Then two fields typed, one type misspelt: never applied.
    const typed = breaking.replace(
      '      - name: status\n',
      '      - name: discount\n        logicalType: number\n      - name: coupon_code\n        logicalType: strng\n      - name: status\n',
    );
    await pasteOverYaml(page, typed);
    await page.getByTestId('out-of-sync').waitFor();

    await page.getByTestId('problem-counts').click();
    await page.getByRole('button', { name: 'Bump to 2.0.0' }).click();

    const bumped = typed.replace('version: 1.0.0', 'version: 2.0.0');
    await expect.poll(() => copyOfYaml(page)).toBe(bumped);
    expect(await page.getByTestId('out-of-sync').count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => copyOfYaml(page)).toBe(typed);
  });

  it('lists each change since the baseline once, however often the text is replaced', async () => {
    const page = await session.openApp();
    // Two changes of one field: a minimum and a maximum set on total.
    const bounded = await openOrderWithLinesOn(page, 'total', ['logicalTypeOptions:', '  minimum: 0', '  maximum: 8']);
    const changes = page.getByTestId('contract-changes').getByRole('listitem');
    const listed = async () => (await changes.allTextContents()).filter((change) => change.includes('orders.total'));
    const bothBounds = ['breaking orders.total: minimum set to 0', 'breaking orders.total: maximum set to 8'];

    await pasteOverYaml(page, bounded);
    await expect.poll(listed).toEqual(bothBounds);
    const customerRequired = '      - name: customer_id\n        logicalType: integer\n        required: true\n';
    await pasteOverYaml(
      page,
      bounded.replace(customerRequired, customerRequired.replace('        required: true\n', '')),
    );
    await changes.filter({ hasText: 'orders.customer_id' }).first().waitFor();
    await pasteOverYaml(page, bounded);
    await changes.filter({ hasText: 'orders.customer_id' }).first().waitFor({ state: 'detached' });
    expect(await listed()).toEqual(bothBounds);
  });

  it('loads Monaco lazily and works under the Content-Security-Policy of the desktop app', async () => {
    const page = await session.openApp({ contentSecurityPolicy: CONTENT_SECURITY_POLICY });
    await openSampleDesign(page, 'ecommerce');
    const scriptsBefore = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    expect(scriptsBefore.some((name) => name.includes('editor.api'))).toBe(false);
    await openContract(page, 'Customer');
    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.type('X');
    await page.locator('.yaml-editor .squiggly-error').first().waitFor({ state: 'attached' });
    expect(await problems(page)).toContain('unknown logicalType "integerX"');
    expect(await cspViolations(page)).toEqual([]);
  });

  it('opens a contract from its output port on the canvas, beside others already open', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await page.locator('.react-flow__node-product .port--output', { hasText: 'OrderPlaced' }).dblclick();
    await page.locator('.yaml-editor .view-line', { hasText: 'name: OrderPlaced' }).waitFor();
    await page.keyboard.press('Escape');
    await openContract(page, 'Customer');
    const tabs = page.getByTestId('contract-workspace').getByRole('tab');
    expect(await tabs.allTextContents()).toEqual(['OrderPlaced', 'Customer']);
    expect(await tabs.and(page.locator('[aria-selected="true"]')).textContent()).toBe('Customer');
  });

  it('rewrites the YAML when the contract changes in the form', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Shipment');
    await showView(page, 'Form');
    await page.getByLabel('Field name').first().fill('parcel_id');
    await showView(page, 'YAML');
    await page.locator('.yaml-editor .view-line', { hasText: 'name: parcel_id' }).waitFor();
  });

  it('undoes with Ctrl+Z in the YAML editor what was typed there and then changed in the form', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Shipment');
    const opened = await copyOfYaml(page);
    await caretAfter(page, 'kind: DataContract');
    await page.keyboard.type('\ntenant: nordfjord');
    const typed = opened.replace('kind: DataContract\n', 'kind: DataContract\ntenant: nordfjord\n');
    await showView(page, 'Form');
    await page.getByLabel('Tenant').fill('hardanger');
    await page.keyboard.press('Tab');
    await showView(page, 'YAML');
    await expect.poll(() => copyOfYaml(page)).toBe(typed.replace('nordfjord', 'hardanger'));

    expect(await undoneOnce(page)).not.toContain('hardanger');
    // The form writes the field as it is cleared and as it is filled, and typing pauses: a Ctrl+Z for each.
    await expect.poll(() => undoneOnce(page)).toBe(opened);
  });

  it('imports ODCS files, reporting bad ones file by file while the good ones import', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const good = [
      'apiVersion: v3.1.0',
      'kind: DataContract',
      'id: returns',
      'name: Returns',
      'version: 1.0.0',
      'status: draft',
      'domain: Orders',
      'dataProduct: returns',
      'schema:',
      '  - name: returns',
      '    properties:',
      '      - name: return_id',
      '        logicalType: string',
      '        primaryKey: true',
    ].join('\n');
    await page.getByTestId('import-contracts-input').setInputFiles([
      { name: 'returns.odcs.yaml', mimeType: 'application/yaml', buffer: Buffer.from(good) },
      { name: 'broken.odcs.yaml', mimeType: 'application/yaml', buffer: Buffer.from('schema: [unclosed') },
    ]);
    // Monaco keeps alert regions of its own: the app's notice is the one saying what was imported.
    const notice = page.getByRole('alert').filter({ hasText: 'Imported' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Imported 1 of 2 contract files.');
    expect(await notice.textContent()).toContain('broken.odcs.yaml');
    await page.locator('.product-node__name', { hasText: 'returns' }).waitFor();
  });
});
