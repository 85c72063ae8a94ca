import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ecommerceWithFreePortText } from '../unit/contracts/builders';
import { describeInChromium } from './app-driver';
import { renameDesign } from './autosave-driver';
import { dragRelationship, dropFiles, findInYaml, showView, yamlLinesStartingWith } from './contract-driver';
import { escapeThenCtrlEInOneTask, openSampleDesign, productNode } from './designer-driver';

const IMPORT_FIXTURES = join(import.meta.dirname, '../fixtures/import');
const ODCS_FIXTURES = join(import.meta.dirname, '../fixtures/odcs');

const fixture = (path: string) => ({
  name: path.split('/').at(-1) as string,
  text: readFileSync(join(IMPORT_FIXTURES, path), 'utf8'),
});

const FARMS_SQL =
  "CREATE TABLE farms (id INT PRIMARY KEY);\nCOMMENT ON TABLE farms IS 'Finca La Esperanza, Huila – Colómbia';\n";
/** `text` as Windows-1252 saves it: one byte a character, the en dash as 0x96. */
const windows1252 = (text: string) => Buffer.from(text.replaceAll('–', '\x96'), 'latin1');
const refusal = (page: Page, name: string) => page.getByRole('alert').filter({ hasText: `Could not import ${name}` });
const contractList = (page: Page) => page.getByRole('region', { name: 'Contracts' }).textContent();
const SEED_DESIGN = {
  name: 'seed.mesh.json',
  text: readFileSync(join(import.meta.dirname, '../../assets/samples/seed-logical-view.mesh.json'), 'utf8'),
};

const SHOP_WITH_FREE_PORT = { name: 'shop.mesh.json', text: ecommerceWithFreePortText() };
/** A contract for the shipments product, of a table it does not publish yet. */
const PARCEL_CONTRACT = {
  name: 'parcel.odcs.yaml',
  text: readFileSync(join(ODCS_FIXTURES, 'batch/shipment.odcs.yaml'), 'utf8')
    .replace(/^id: .*$/m, 'id: parcel')
    .replace(/^name: .*$/m, 'name: Parcel')
    .replace(/^ {2}- name: shipments$/m, '  - name: parcels'),
};

/** Opens the shop whose shipments product has a port without a contract, then drops a contract for it: the import dialog asks. */
async function dropParcelOnShopWithFreePort(page: Page) {
  await dropFiles(page, [SHOP_WITH_FREE_PORT]);
  await page.getByTestId('document-title').filter({ hasText: 'E-commerce' }).waitFor();
  const shipmentsPorts = page
    .locator('.react-flow__node-product', { has: page.locator('.product-node__name', { hasText: /^shipments$/ }) })
    .locator('.port--output');
  await expect.poll(() => shipmentsPorts.count()).toBe(2);
  await dropFiles(page, [PARCEL_CONTRACT]);
  const dialog = page.getByTestId('import-dialog');
  await dialog.waitFor();
  return { dialog, shipmentsPorts };
}

/** The sample design renamed (so unsaved), then a design and a SQL file dropped together on it. */
async function dropDesignAndSqlOnUnsavedWork(page: Page): Promise<void> {
  await openSampleDesign(page, 'ecommerce');
  await renameDesign(page, 'Edited, not saved');
  await dropFiles(page, [SEED_DESIGN, fixture('sql/orders-postgres.sql')]);
  await page.getByTestId('prompt').waitFor();
}

describeInChromium('importing contracts from other schema formats', (session) => {
  it('imports a dropped SQL DDL file as a new contract, reports what it could not map, and previews it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await dropFiles(page, [fixture('sql/orders-postgres.sql')]);
    const dialog = page.getByRole('dialog', { name: 'Import contracts' });
    await dialog.waitFor();
    expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toBe('Import 1 file');
    expect(await dialog.textContent()).toContain(
      'not mapped: 10:3 orders.delivery_window: INTERVAL has no ODCS logical type',
    );
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('tab', { name: 'orders-postgres' }).waitFor();
    await showView(page, 'Preview');
    const preview = page.getByTestId('contract-preview');
    await preview.waitFor();
    expect(await preview.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^orders/), expect.stringMatching(/^order_lines/)]),
    );
    expect(await preview.textContent()).toContain('PK 2');
  });

  it('settles unsaved work before a dropped design and SQL file go on, then imports into the design that opened', async () => {
    const page = await session.openApp();
    await dropDesignAndSqlOnUnsavedWork(page);
    expect(await page.getByTestId('import-dialog').count()).toBe(0);

    await page.getByTestId('prompt').getByRole('button', { name: 'Don’t Save' }).click();

    await page.getByRole('tab', { name: 'orders-postgres' }).waitFor();
    expect(await page.getByTestId('document-title').textContent()).toContain('Logical view');
    expect(await contractList(page)).toContain('orders-postgres');
  });

  it('cancels both the opening and the import of a design and SQL file dropped together on Cancel', async () => {
    const page = await session.openApp();
    await dropDesignAndSqlOnUnsavedWork(page);

    await page.getByTestId('prompt').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('prompt').waitFor({ state: 'detached' });
    await page.waitForTimeout(300);

    expect(await page.getByTestId('import-dialog').count()).toBe(0);
    expect(await page.getByTestId('document-title').textContent()).toContain('Edited, not saved');
  });

  it('closes on Escape at once, the focus back in the field with its caret where it was and the next key the app’s', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'customer-360').locator('.product-node__name').click();
    const owner = page.getByTestId('product-inspector').getByLabel('Owner', { exact: true });
    await owner.fill('crm-team');
    await owner.evaluate((field: HTMLInputElement) => field.setSelectionRange(3, 3));
    await dropFiles(page, [fixture('sql/orders-postgres.sql')]);
    await page.getByTestId('import-dialog').waitFor();

    const afterEscape = await escapeThenCtrlEInOneTask(page);
    expect(afterEscape).toMatchObject({ label: 'Owner', caret: 3, isDialogOpen: false });
    await page.getByTestId('dialog-export').waitFor({ timeout: 5000 });
  });

  it('says which dropped files it cannot use, and which files a drop takes', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await dropFiles(page, [
      { name: 'retailers.csv', text: 'id,name\n1,Tabac\n' },
      { name: 'ticket_sales.SQL.txt', text: FARMS_SQL },
    ]);

    const refused = page.getByRole('alert').filter({ hasText: 'Not opened: retailers.csv, ticket_sales.SQL.txt' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('a design (.mesh.json)');
    expect(await refused.textContent()).toContain('.sql');
  });

  it('opens a dropped Mermaid file in Import Mermaid, as its “Open a .mmd file…” does', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const flowchart = 'flowchart LR\n  subgraph Draws\n    A[draw results]\n  end\n';
    await dropFiles(page, [{ name: 'lottery.mmd', text: flowchart }]);

    const text = page.getByRole('textbox', { name: 'Mermaid flowchart' });
    await expect.poll(() => text.inputValue()).toBe(flowchart);
  });

  it('takes a Mermaid flowchart or a schema pasted on the canvas as it takes the dropped file', async () => {
    const page = await session.openApp();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openSampleDesign(page, 'ecommerce');
    const pasteOnCanvas = async (text: string) => {
      await page.evaluate((copied) => navigator.clipboard.writeText(copied), text);
      await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+v');
    };

    const flowchart = 'flowchart LR\n  subgraph Lockers\n    A[locker sites]\n  end\n';
    await pasteOnCanvas(flowchart);
    const text = page.getByRole('textbox', { name: 'Mermaid flowchart' });
    await expect.poll(() => text.inputValue()).toBe(flowchart);
    await page.keyboard.press('Escape');

    await pasteOnCanvas('CREATE TABLE locker_sites (id integer PRIMARY KEY, city text NOT NULL);');
    await page.getByRole('tab', { name: 'locker_sites' }).waitFor();
    const notice = page.locator('.status-bar .notice__text');
    await expect.poll(() => notice.textContent()).toContain('No port serves it yet: paste it over a product');
  });

  it('imports a new table pasted over a product without a dialog, served from a new output port of it, and one Undo takes the paste back', async () => {
    const page = await session.openApp();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openSampleDesign(page, 'ecommerce');
    const shipments = page.locator('.react-flow__node-product', {
      has: page.locator('.product-node__name', { hasText: /^shipments$/ }),
    });
    const outputPorts = shipments.locator('.port--output');
    const portsBefore = await outputPorts.count();

    await page.evaluate(() => navigator.clipboard.writeText('CREATE TABLE parcel_lockers (id integer PRIMARY KEY);'));
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await shipments.hover();
    await page.keyboard.press('Control+v');

    await expect.poll(() => outputPorts.count()).toBe(portsBefore + 1);
    expect(await page.getByTestId('import-dialog').count()).toBe(0);
    const notice = page.locator('.status-bar .notice__text');
    await expect.poll(() => notice.textContent()).toContain('Served from shipments by a new output port.');
    expect(await page.locator('.status-bar .notice').textContent()).not.toContain('names no dataProduct');
    await showView(page, 'YAML');
    await expect
      .poll(async () => [
        ...(await yamlLinesStartingWith(page, 'domain:')),
        ...(await yamlLinesStartingWith(page, 'dataProduct:')),
      ])
      .toEqual(['domain: shipping-domain', 'dataProduct: shipments']);
    await page.locator('.toolbar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => outputPorts.count()).toBe(portsBefore);
    expect(await contractList(page)).not.toContain('parcel_lockers');
  });

  it('imports a contract pasted over a product that does not serve the contract of its id as a new one served from it', async () => {
    const page = await session.openApp();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openSampleDesign(page, 'ecommerce');
    const productNamed = (name: RegExp) =>
      page.locator('.react-flow__node-product', { has: page.locator('.product-node__name', { hasText: name }) });
    const stock = (version: string) =>
      `apiVersion: v3.1.0\nkind: DataContract\nid: depot-stock\nname: DepotStock\nversion: ${version}\nstatus: draft\nschema:\n  - name: depot_stock\n    properties:\n      - name: depot_code\n        logicalType: string\n`;
    const pasteOver = async (text: string, product: Locator) => {
      await page.evaluate((copied) => navigator.clipboard.writeText(copied), text);
      await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
      await product.hover();
      await page.keyboard.press('Control+v');
    };
    const notice = page.locator('.status-bar .notice__text');
    await pasteOver(stock('1.0.0'), productNamed(/^shipments$/));
    await expect.poll(() => notice.textContent()).toContain('Served from shipments by a new output port.');
    const customerPorts = productNamed(/^customers$/).locator('.port--output');
    const portsBefore = await customerPorts.count();

    await pasteOver(stock('1.1.0'), productNamed(/^customers$/));
    const dialog = page.getByTestId('import-dialog');
    const choice = dialog.getByRole('combobox', { name: 'Import pasted.odcs.yaml as' });
    expect(await choice.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe(
      'a new contract (depot-stock)',
    );
    expect(await dialog.textContent()).toContain('Served from customers by a new output port.');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => customerPorts.count()).toBe(portsBefore + 1);
    await expect.poll(() => notice.textContent()).toContain('Served from customers by a new output port.');
    expect(await contractList(page)).toContain('DepotStockentity · 1.0.0DepotStock 2entity · 1.1.0');
  });

  it('closes the tab of an imported contract when Undo takes the import back, and Redo brings the contract back', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const sql = 'CREATE TABLE t (id INT PRIMARY KEY, name TEXT);';
    await page
      .getByTestId('import-contracts-input')
      .setInputFiles([{ name: 'loyalty.sql', mimeType: 'text/plain', buffer: Buffer.from(sql) }]);
    const tab = page.getByRole('tab', { name: 'loyalty' });
    await tab.waitFor();
    const listed = page.getByRole('region', { name: 'Contracts' }).getByRole('button', { name: /^loyalty/ });
    await listed.waitFor();

    await page.locator('.toolbar').getByRole('button', { name: 'Undo' }).click();
    await listed.waitFor({ state: 'detached' });
    await tab.waitFor({ state: 'detached' });
    expect(await page.getByTestId('contract-workspace').count()).toBe(0);

    await page.getByRole('button', { name: 'Redo' }).click();
    await listed.waitFor();
  });

  it('relates two fields of the imported contract by dragging in its schema diagram, in one undoable step', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await dropFiles(page, [fixture('sql/orders-postgres.sql')]);
    await page.getByTestId('import-dialog').getByRole('button', { name: 'Import' }).click();
    await page.getByRole('tab', { name: 'orders-postgres' }).waitFor();
    await showView(page, 'Diagram');
    const diagram = page.getByTestId('contract-diagram');
    await diagram.getByText('2 tables, 0 relationships').waitFor();

    await dragRelationship(page, { table: 'order_lines', field: 'order_id' }, { table: 'orders', field: 'order_id' });
    await diagram.getByText('2 tables, 1 relationship').waitFor();
    await diagram.locator('.schema-edge').waitFor({ state: 'attached' });
    await showView(page, 'YAML');
    const matches = await findInYaml(page, 'to: orders.order_id');
    await matches.filter({ hasText: /of 1/ }).waitFor();
    await page.locator('.yaml-editor .view-line', { hasText: 'to: orders.order_id' }).waitFor();

    await page.locator('.toolbar').getByRole('button', { name: 'Undo' }).click();
    await matches.filter({ hasText: 'No results' }).waitFor();
    await showView(page, 'Diagram');
    await diagram.getByText('2 tables, 0 relationships').waitFor();
  });

  it('imports a schema as the next version of a contract, showing its breaking changes first', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const order = {
      name: 'order.avsc',
      text: JSON.stringify({
        type: 'record',
        name: 'orders',
        fields: [
          { name: 'order_id', type: 'long' },
          { name: 'customer_id', type: 'long' },
          { name: 'total', type: 'double' },
        ],
      }),
    };
    await page
      .getByTestId('import-contracts-input')
      .setInputFiles([{ name: order.name, mimeType: 'application/json', buffer: Buffer.from(order.text) }]);
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByLabel('Import order.avsc as').selectOption({ label: 'the next version of Order (1.0.0)' });
    const changes = dialog.getByTestId('import-version-changes');
    await changes.waitFor();
    expect(await changes.textContent()).toContain('Order 1.0.0 → 2.0.0');
    expect(await changes.textContent()).toContain('orders.status: field removed');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('region', { name: 'Contracts' }).getByText('entity · 2.0.0').waitFor();
  });

  it('takes every section of an ODCS file imported as the next version, listing the changes outside the schema too', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    // The sample's Order as another tool (the Data Contract Editor) wrote its next version: its id is taken, so the dialog asks.
    const orderFromEditor = [
      'apiVersion: v3.1.0',
      'kind: DataContract',
      'id: order',
      'name: Order',
      'version: 1.0.0',
      'status: deprecated',
      'domain: sales',
      'dataProduct: order-feed',
      'description:',
      '  purpose: Every order and its status, until the order service replaces it.',
      'schema:',
      '  - name: orders',
      '    properties:',
      '      - name: order_id',
      '        logicalType: integer',
      '        required: true',
      '        unique: true',
      '        primaryKey: true',
      '        primaryKeyPosition: 1',
      '      - name: customer_id',
      '        logicalType: integer',
      '        required: true',
      '        classification: restricted',
      '      - name: total',
      '        logicalType: number',
      '        required: true',
      '        quality:',
      '          - type: library',
      '            metric: nullValues',
      '            mustBe: 0',
      'slaProperties:',
      '  - property: latency',
      '    value: 1',
      '    unit: d',
      'support:',
      '  - channel: "#orders"',
      '    url: https://example.com/chat/orders',
      'team:',
      '  name: team-orders',
      '  members:',
      '    - username: mreyes',
      '      role: owner',
      'customProperties:',
      '  - property: datasetKind',
      '    value: entity',
      '',
    ].join('\n');
    await dropFiles(page, [{ name: 'order-from-editor.yaml', text: orderFromEditor }]);
    const dialog = page.getByTestId('import-dialog');
    await dialog
      .getByLabel('Import order-from-editor.yaml as')
      .selectOption({ label: 'the next version of Order (1.0.0)' });
    const changes = dialog.getByTestId('import-version-changes');
    await changes.waitFor();
    const listed = await changes.textContent();
    for (const change of [
      'Order 1.0.0 → 2.0.0',
      "contract: status changed from 'active' to 'deprecated'",
      'contract: SLA frequency removed (was 1 m)',
      'contract: SLA latency set to 1 d',
      'contract: history is no longer kept',
      "orders.customer_id: classification set to 'restricted', stricter",
      "orders.total: quality rule 'nullValues' added",
    ])
      expect(listed).toContain(change);

    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('region', { name: 'Contracts' }).getByText('entity · 2.0.0').waitFor();
    await showView(page, 'YAML');
    // What the file says, in the design's contract, which keeps what the design knows it by.
    for (const line of [
      'status: deprecated',
      'dataProduct: orders',
      'classification: restricted',
      'metric: nullValues',
    ]) {
      await (await findInYaml(page, line)).filter({ hasText: /^1 of 1$/ }).waitFor();
      await page.keyboard.press('Escape'); // back to the text, wherever the find scrolled it
    }
  });

  it('reads Protobuf and JSON Schema in the app too, under its Content-Security-Policy', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await dropFiles(page, [fixture('protobuf/shipment.proto'), fixture('json-schema/customer.schema.json')]);
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).not.toContain('cannot be imported');
    expect(await dialog.textContent()).toContain('Shipment.extra: google.protobuf.Any has no ODCS logical type');
    expect(await dialog.textContent()).toContain('customer.reference: oneOf of 2 schemas has no ODCS logical type');
  });

  it("shows the contract checks' errors of an import at their line in the source", async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const schema = [
      '{"title": "Shipment", "type": "object",',
      ' "required": ["shipment_id"],',
      ' "properties": {',
      '    "shipment_id": {"type": "string"},',
      '    "probe": {"type": ["integer", "null"], "minimum": 1, "maximum": 0}',
      ' }}',
    ].join('\n');
    await dropFiles(page, [{ name: 'shipment.schema.json', text: schema }]);
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.problem--error').allTextContents()).toEqual([
      '5:5 Shipment.probe: minimum 1 and maximum 0 leave no integer between them: no value can keep the contract',
    ]);
  });

  it('asks what to do with contracts whose id is taken, in the design or earlier in the batch', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const contract = (id: string) =>
      `apiVersion: v3.1.0\nkind: DataContract\nid: ${id}\nversion: 1.0.0\nstatus: draft\nschema: []\n`;
    await dropFiles(page, [
      { name: 'a.odcs.yaml', text: contract('order') },
      { name: 'b.odcs.yaml', text: contract('refund') },
      { name: 'c.odcs.yaml', text: contract('refund') },
    ]);
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    // Its id is the design's Order: it opens as Order's next version, and is imported as a new contract here.
    await dialog.getByLabel('Import a.odcs.yaml as').selectOption('new');
    expect(await dialog.getByText(/is taken by/).allTextContents()).toEqual([
      expect.stringContaining("The id 'order' is taken by the design"),
      expect.stringContaining("The id 'refund' is taken by b.odcs.yaml"),
    ]);
    await dialog.getByLabel("When a.odcs.yaml's id is taken").selectOption('skip');
    await dialog.getByRole('button', { name: 'Import' }).click();
    const notice = page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Imported' });
    await notice.first().waitFor();
    const contracts = await page.getByRole('region', { name: 'Contracts' }).textContent();
    expect(contracts).toContain('refund');
    expect(contracts).toContain('refund-2');

    // They name no data product: the editor offers to serve the open one from a product.
    await page.getByLabel('Serve it from').selectOption({ label: 'orders · new output port' });
    await page.locator('.product-node__name', { hasText: 'orders' }).first().waitFor();
    expect(await page.getByLabel('Serve it from').count()).toBe(0);
    expect(await page.locator('.react-flow__node-product .port--output', { hasText: 'refund' }).count()).toBe(1);
  });

  it('serves an imported contract from its product’s output port without a contract, and says which', async () => {
    const page = await session.openApp();
    const { dialog, shipmentsPorts } = await dropParcelOnShopWithFreePort(page);
    const serving = dialog.getByLabel('Port serving parcel.odcs.yaml');
    expect(await serving.locator('option:checked').textContent()).toBe(
      'port dataset, its only output port without a contract',
    );
    expect(await dialog.getByText(/^Served by shipments from/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('tab', { name: /Parcel/ }).waitFor();
    expect(await shipmentsPorts.count()).toBe(2);
  });

  it('serves an imported contract from a new port when the user chooses one instead of the port without a contract', async () => {
    const page = await session.openApp();
    const { dialog, shipmentsPorts } = await dropParcelOnShopWithFreePort(page);
    await dialog.getByLabel('Port serving parcel.odcs.yaml').selectOption({ label: 'a new output port' });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => shipmentsPorts.count()).toBe(3);
  });

  it('refuses a Windows-1252 file picked with Import…, naming the byte that is not UTF-8, as the CLI does', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const before = await contractList(page);
    await page
      .getByTestId('import-contracts-input')
      .setInputFiles([{ name: 'farms.sql', mimeType: 'text/plain', buffer: windows1252(FARMS_SQL) }]);
    await refusal(page, 'farms.sql').waitFor();
    expect(await refusal(page, 'farms.sql').textContent()).toContain(
      `Could not import farms.sql: byte ${FARMS_SQL.indexOf('–')} (0x96) is not UTF-8: the file was saved in another encoding (Latin-1, Windows-1252?); save it again as UTF-8. Nothing was changed.`,
    );
    expect(await page.getByTestId('import-dialog').count()).toBe(0);
    expect(await contractList(page)).toBe(before);
  });

  it('refuses a dropped file that is not UTF-8, or is binary, saying what it is', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const before = await contractList(page);
    const yaml =
      'apiVersion: v3.1.0\nkind: DataContract\nid: farms\nversion: 1.0.0\nstatus: draft\ndescription:\n  purpose: Huila – Colómbia\n';
    await dropFiles(page, [{ name: 'farms.odcs.yaml', bytes: [...windows1252(yaml)] }]);
    await refusal(page, 'farms.odcs.yaml').filter({ hasText: '(0x96) is not UTF-8' }).waitFor();

    await dropFiles(page, [{ name: 'photo.json', bytes: [0x89, 0x50, 0x4e, 0x47, 0x00, 0x22, 0x0d, 0x0a] }]);
    await refusal(page, 'photo.json').filter({ hasText: 'the file contains NUL bytes' }).waitFor();
    expect(await refusal(page, 'photo.json').textContent()).toContain('binary');
    expect(await page.getByTestId('import-dialog').count()).toBe(0);
    expect(await contractList(page)).toBe(before);
  });

  it('imports a UTF-16 file with a byte order mark picked with Import…, its text intact', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FARMS_SQL, 'utf16le')]);
    await page
      .getByTestId('import-contracts-input')
      .setInputFiles([{ name: 'farms.sql', mimeType: 'text/plain', buffer: utf16 }]);
    await page.getByRole('tab', { name: 'farms' }).waitFor();
    await showView(page, 'Preview');
    await page.getByTestId('contract-preview').getByText('Finca La Esperanza, Huila – Colómbia').waitFor();
  });

  it('opens a dropped ODCS file whose id the design has as the next version of that contract, ready to import', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const fullExample = (folder: string) => ({
      name: 'full-example.odcs.yaml',
      text: readFileSync(join(ODCS_FIXTURES, folder, 'full-example.odcs.yaml'), 'utf8'),
    });
    await dropFiles(page, [fullExample('examples')]);
    await page.getByRole('region', { name: 'Contracts' }).getByText('entity · 1.1.0').waitFor();
    await dropFiles(page, [fullExample('v3.2.0')]);
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-version-changes').waitFor();
    const chosen = dialog.getByLabel('Import full-example.odcs.yaml as').locator('option:checked');
    expect(await chosen.textContent()).toBe('the next version of my quantum (1.1.0)');
    expect(await dialog.getByTestId('import-refusal').count()).toBe(0);
    expect(await dialog.getByText(/is taken by/).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.waitFor({ state: 'detached' });
    const listed = page.getByRole('region', { name: 'Contracts' }).getByRole('button', { name: /^my quantum/ });
    expect(await listed.count()).toBe(1);
  });

  it('refuses in the dialog, as the CLI does, an import that would stop the design from exporting', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const importInput = page.getByTestId('import-contracts-input');
    const fullExample = (folder: string) => ({
      name: 'full-example.odcs.yaml',
      mimeType: 'application/yaml',
      buffer: readFileSync(join(ODCS_FIXTURES, folder, 'full-example.odcs.yaml')),
    });
    await importInput.setInputFiles([fullExample('examples')]);
    await page.getByRole('region', { name: 'Contracts' }).getByText('entity · 1.1.0').waitFor();
    await importInput.setInputFiles([fullExample('v3.2.0')]);
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByLabel('Import full-example.odcs.yaml as').selectOption('new');
    const refusal = dialog.getByTestId('import-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('the design would no longer export');
    expect(await refusal.textContent()).toContain(
      "PostgreSQL DDL and migrations: data product 'my quantum': 'tbl_1' would name both table 'tbl_1' of contract 'my quantum' and table 'tbl_1' of contract '53581432-6c55-4ba2-a65f-72344a91553a-2'",
    );
    const importButton = dialog.getByRole('button', { name: 'Import' });
    expect(await importButton.isDisabled()).toBe(true);

    await dialog.getByLabel("When full-example.odcs.yaml's id is taken").selectOption('replace');
    await refusal.waitFor({ state: 'detached' });
    await importButton.click();
    await dialog.waitFor({ state: 'detached' });
    const listed = page.getByRole('region', { name: 'Contracts' }).getByRole('button', { name: /^my quantum/ });
    expect(await listed.count()).toBe(1);
  });
});
