import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Mesh } from '../../shared/model';
import { describeInChromium } from './app-driver';
import {
  counts,
  escapeThenCtrlEInOneTask,
  nameIt,
  newBlankDesign,
  openSampleDesign,
  openSection,
  productNode,
  saveByDownload,
  selectDomain,
  systemNode,
} from './designer-driver';

const inspector = (page: Page) => page.getByTestId('product-inspector');
const field = (scope: Locator, key: string) => scope.locator(`[data-field="${key}"]`);
/** The inspector holding the focus, and the label of the control that has it. */
const focusedControl = (page: Page) =>
  page.evaluate(() => {
    const control = document.activeElement as HTMLInputElement | null;
    return {
      inspector: control?.closest('[data-testid$="-inspector"]')?.getAttribute('data-testid') ?? null,
      label: control?.labels?.[0]?.textContent ?? control?.tagName,
    };
  });
/** The field of the last item of a list, e.g. the SQL of the transformation just added. */
const lastItemField = (scope: Locator, list: string, name: string) =>
  scope.locator(`[data-field^="${list}."][data-field$=".${name}"]`).last();

/** A new design with the domain Ramp and its product Bag Tags, typed by keys: the product's Owner field, clicked into. */
async function ownerOfANewProduct(page: Page): Promise<Locator> {
  await newBlankDesign(page);
  await page.keyboard.press('d');
  await page.keyboard.type('Ramp');
  await page.keyboard.press('Enter');
  await page.keyboard.press('p');
  await page.keyboard.type('Bag Tags');
  await page.keyboard.press('Enter');
  const owner = inspector(page).getByLabel('Owner', { exact: true });
  await owner.click();
  return owner;
}

describeInChromium('the inspector', (session) => {
  it('says under the Owner field that an owner of only invisible characters names no owner', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await productNode(page, 'Data product 1a').locator('.product-node__name').click();
    const owner = inspector(page).getByLabel('Owner', { exact: true });
    await owner.fill('\u200b');
    const warning = inspector(page).getByText('Only spaces or invisible characters: this names no owner.');
    await warning.waitFor();
    await owner.fill('team-orders');
    await warning.waitFor({ state: 'detached' });
  });

  it('validates names inline, never keeps a shortened name, and makes typing one undo step', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await productNode(page, 'Data product 1a').locator('.product-node__name').click();
    const name = field(inspector(page), 'product-1a.name');

    await name.fill('');
    expect(await inspector(page).getByRole('alert').textContent()).toBe('A name is required.');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await name.pressSequentially('Data product 1b');
    expect(await inspector(page).getByRole('alert').textContent()).toBe(
      "Another product in Domain 1 is already called 'Data product 1b'.",
    );
    // Each valid prefix reached the canvas as it was typed; the clash did not.
    expect(await productNode(page, 'Data product 1').count()).toBe(1);
    // Leaving the field with the clash goes back to the name it had, and says why.
    await name.blur();
    expect(await name.inputValue()).toBe('Data product 1a');
    expect(await productNode(page, 'Data product 1').count()).toBe(0);
    expect(
      await page.getByRole('alert').filter({ hasText: 'Kept the name ‘Data product 1a’' }).textContent(),
    ).toContain("Another product in Domain 1 is already called 'Data product 1b'.");

    await name.fill('');
    await name.pressSequentially('Orders');
    expect(await inspector(page).getByRole('alert').count()).toBe(0);
    expect(await productNode(page, 'Orders').count()).toBe(1);
    await name.press('Enter');
    await page.keyboard.press('Control+z');
    expect(await productNode(page, 'Data product 1a').count()).toBe(1);
    expect(await name.inputValue()).toBe('Data product 1a');
  });

  it('refuses a name pasted with a control character on a double-click rename, naming the character, and keeps the old name', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await productNode(page, 'Data product 1a').locator('.product-node__name').dblclick();
    const name = field(inspector(page), 'product-1a.name');
    await expect.poll(() => name.evaluate((input) => input === document.activeElement)).toBe(true);

    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('Orders\u0007daily');
    expect(await inspector(page).getByRole('alert').textContent()).toBe(
      'A name cannot hold a control character (U+0007).',
    );
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await productNode(page, 'Orders').count()).toBe(0);

    await name.blur();
    expect(await name.inputValue()).toBe('Data product 1a');
    expect(await productNode(page, 'Data product 1a').count()).toBe(1);
    expect(
      await page.getByRole('alert').filter({ hasText: 'Kept the name ‘Data product 1a’' }).textContent(),
    ).toContain('A name cannot hold a control character (U+0007).');
  });

  it('keeps a new element’s name field on a name already taken until it is changed or Escape cancels it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'seed-logical-view');
    await selectDomain(page, 'Domain 1');
    await page.keyboard.press('p');
    const name = page.locator('input:focus');
    const placeholder = await name.inputValue();

    await page.keyboard.type('Data product 1b');
    await page.keyboard.press('Enter');
    expect(await name.inputValue()).toBe('Data product 1b');
    expect(await inspector(page).getByRole('alert').textContent()).toBe(
      "Another product in Domain 1 is already called 'Data product 1b'.",
    );

    await page.keyboard.press('Escape');
    expect(await page.locator('input:focus').count()).toBe(0);
    expect(await productNode(page, 'Data product 1').count()).toBe(0);
    const added = productNode(page, placeholder);
    expect(await added.count()).toBe(1);

    // Named at last: the id comes from the name committed, not from a prefix typed on the way.
    await inspector(page)
      .locator(`[data-field="${await added.getAttribute('data-id')}.name"]`)
      .click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Data product 1b');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('c');
    await page.keyboard.press('Enter');
    expect(await page.locator('input:focus').count()).toBe(0);
    expect(await productNode(page, 'Data product 1c').getAttribute('data-id')).toBe('domain-1-data-product-1c');
  });

  it('moves on with Tab from a new element’s first name to its next field, where typing stays', async () => {
    const page = await session.openApp();
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await page.keyboard.type('Roasting');
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toEqual({ inspector: 'domain-inspector', label: 'Owner (team)' });
    await page.keyboard.type('roastery-team');
    expect(await page.getByTestId('domain-inspector').getByLabel('Owner (team)').inputValue()).toBe('roastery-team');

    await selectDomain(page, 'Roasting');
    await page.keyboard.press('p');
    await page.keyboard.type('Green beans');
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toEqual({ inspector: 'product-inspector', label: 'Domain' });
    await inspector(page).getByRole('button', { name: 'Add input port' }).click();
    await page.keyboard.type('Green lots');
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toEqual({ inspector: 'product-inspector', label: 'Protocol' });

    await selectDomain(page, 'Roasting');
    await page.keyboard.press('s');
    await page.keyboard.type('Roaster PLC');
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toEqual({ inspector: 'system-inspector', label: 'Domain' });

    await selectDomain(page, 'Roasting');
    await page.keyboard.press('n');
    await page.keyboard.type('Roast profiles');
    await page.keyboard.press('Shift+Tab');
    expect((await focusedControl(page)).inspector).toBe('note-inspector');
    expect(await counts(page)).toBe('1 domain · 1 product · 1 system · 0 links · 1 note');
  });

  it('keeps the focus in the field clicked after a new element’s first name, so typing there never reaches the canvas', async () => {
    const page = await session.openApp();
    await newBlankDesign(page);
    const labelled = (testId: string, label: string) =>
      page.getByTestId(testId).getByLabel(label, { exact: true }).first();
    const typeInto = async (target: Locator, text: string) => {
      await target.click();
      expect(await target.evaluate((field) => field === document.activeElement)).toBe(true);
      await page.keyboard.press('Control+a');
      await page.keyboard.type(text);
      expect(await target.inputValue()).toBe(text);
    };
    await page.keyboard.press('d');
    await page.keyboard.type('Roasting');
    await typeInto(labelled('domain-inspector', 'Owner (team)'), 'dlp');

    await selectDomain(page, 'Roasting');
    await page.keyboard.press('p');
    await page.keyboard.type('Green beans');
    await typeInto(labelled('product-inspector', 'Owner'), 'dlp');
    await inspector(page).getByRole('button', { name: 'Add input port' }).click();
    await page.keyboard.type('Green lots');
    await typeInto(inspector(page).getByTestId('input-ports').getByLabel('Description', { exact: true }).last(), 'dlp');

    await selectDomain(page, 'Roasting');
    await page.keyboard.press('s');
    await page.keyboard.type('Roaster PLC');
    await typeInto(labelled('system-inspector', 'Description'), 'dlp');
    expect(await counts(page)).toBe('1 domain · 1 product · 1 system · 0 links');
  });

  it('keeps the focus in a field after Ctrl+S there, and after quick search or Export opened there is closed, so Backspace edits the field, never deletes the product', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const owner = await ownerOfANewProduct(page);
    await page.keyboard.type('baggage-teamm');

    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    await download;
    await page.keyboard.press('Backspace');
    expect(await focusedControl(page)).toEqual({ inspector: 'product-inspector', label: 'Owner' });
    expect(await owner.inputValue()).toBe('baggage-team');

    for (const opensDialog of ['Control+k', 'Control+e']) {
      await page.keyboard.press(opensDialog);
      await page.locator('dialog[open]').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => focusedControl(page)).toEqual({ inspector: 'product-inspector', label: 'Owner' });
      await page.keyboard.press('Backspace');
    }
    expect(await owner.inputValue()).toBe('baggage-te');

    // Undo in the field takes back its last edit there, and the field keeps the focus.
    await page.keyboard.press('Control+z');
    expect(await owner.inputValue()).toBe('baggage-tea');
    await expect.poll(() => focusedControl(page)).toEqual({ inspector: 'product-inspector', label: 'Owner' });
    await page.keyboard.press('Backspace');
    expect(await owner.inputValue()).toBe('baggage-te');
    expect(await counts(page)).toBe('1 domain · 1 product · 0 systems · 0 links');
  });

  it('takes a key pressed right after Escape closed quick search as the field’s and the app’s, not the closed dialog’s', async () => {
    const page = await session.openApp();
    await ownerOfANewProduct(page);
    await page.keyboard.type('baggage-team');
    await page.keyboard.press('Control+k');
    await page.locator('dialog[open]').waitFor();

    const caretAfterEscape = await escapeThenCtrlEInOneTask(page);
    expect(caretAfterEscape).toMatchObject({
      label: 'Owner',
      caret: 'baggage-team'.length,
      valueLength: 'baggage-team'.length,
    });
    await page.getByTestId('dialog-export').waitFor({ timeout: 5000 });
  });

  it('adds a port on the first click of + Add input port after a port name was refused, and names the refused field by the name it keeps', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'customer-360').locator('.product-node__name').click();
    const addInputPort = inspector(page).getByRole('button', { name: 'Add input port' });
    const portNames = () =>
      inspector(page)
        .locator('[data-field*=".ports."][data-field$=".name"]')
        .evaluateAll((fields) => fields.map((input) => (input as HTMLInputElement).value));
    await addInputPort.click();
    await nameIt(page, 'Gate Scans');
    await addInputPort.click();
    await page.keyboard.type('Gate Scans');
    await page.keyboard.press('Enter');
    await inspector(page).getByRole('alert').waitFor();
    const refused = page.locator('[aria-invalid="true"]');
    expect(await refused.getAttribute('aria-label')).toBe('Name of port input');
    const before = (await portNames()).length;

    await addInputPort.click();
    await expect.poll(async () => (await portNames()).length).toBe(before + 1);
    const keptTheName = page.locator('.notice').filter({ hasText: 'Kept the name ‘input’' });
    expect(await keptTheName.count()).toBe(1);
    await page.keyboard.type('Turnstiles');
    await page.keyboard.press('Enter');
    expect(await portNames()).toContain('input');
    expect(await portNames()).toContain('Turnstiles');
    // The refusal no longer applies once the next edit is made: the status line lets it go.
    await expect.poll(() => keptTheName.count()).toBe(0);
  });

  it('names each element’s own name field after what it is, for a screen reader', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    const nameField = (testId: string, accessibleName: string) =>
      page.getByTestId(testId).getByRole('textbox', { name: accessibleName, exact: true });

    await productNode(page, 'customer-360').locator('.product-node__name').click();
    expect(await nameField('product-inspector', 'Product name').inputValue()).toBe('customer-360');
    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    expect(await nameField('system-inspector', 'System name').inputValue()).toBe('orders-service');
    await selectDomain(page, 'Analytics');
    expect(await nameField('domain-inspector', 'Domain name').inputValue()).toBe('Analytics');
  });

  it('edits every part of a product and of a system, and saves them', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');
    await productNode(page, 'customer-360').locator('.product-node__name').click();
    const product = inspector(page);
    await product.getByLabel('Kind').selectOption('consumer-aligned');
    expect(await productNode(page, 'customer-360').locator('.product-node--consumer-aligned').count()).toBe(1);
    await field(product, 'customer-360.owner').fill('team-crm');
    expect(await productNode(page, 'customer-360').locator('.product-node__owner').textContent()).toBe('team-crm');
    await field(product, 'customer-360.description').fill('One view of each customer');

    await product.getByRole('button', { name: 'Add output port' }).click();
    expect(await productNode(page, 'customer-360').locator('.port--output').allTextContents()).toEqual([
      'Customer profiles',
      'output',
    ]);
    await product.getByRole('button', { name: 'Move output port output up' }).click();
    expect(await productNode(page, 'customer-360').locator('.port--output').allTextContents()).toEqual([
      'output',
      'Customer profiles',
    ]);
    await product.getByRole('button', { name: 'Remove output port output' }).click();

    await openSection(product, 'Storage');
    await product.getByRole('button', { name: 'Add table' }).click();
    await product.getByRole('button', { name: 'Add column' }).last().click();
    await openSection(product, 'Transformations (SQL)');
    await product.getByRole('button', { name: 'Add transformation' }).click();
    await lastItemField(product, 'customer-360.transformations', 'sql').fill('select id, name from customers');
    await openSection(product, 'Documentation (markdown)');
    await field(product, 'customer-360.documentation').fill('# Customer 360\n\nJoined from orders and customers.');
    await openSection(product, 'Quality tests');
    await product.getByRole('button', { name: 'Add test' }).click();
    await product.getByLabel('Severity').last().selectOption('warning');
    await openSection(product, 'Service levels (SLOs)');
    await product.getByRole('button', { name: 'Add SLO' }).click();
    await lastItemField(product, 'customer-360.slos', 'target').fill('30');
    await openSection(product, 'Pipeline (CI/CD)');
    await product.getByRole('button', { name: 'Add stage' }).click();
    await lastItemField(product, 'customer-360.stages', 'command').fill('dbt build');

    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    const system = page.getByTestId('system-inspector');
    // order_lines' stream feeds no link, so CDC goes off without a question, taking the stream with it.
    await system.getByLabel('Change data capture (CDC)').nth(1).uncheck();
    expect(await systemNode(page, 'orders-service').locator('.badge--off').count()).toBe(1);
    await field(system, 'orders-service.database.tables.0.name').fill('purchase_orders');
    await system.getByRole('button', { name: 'Add topic' }).click();
    expect(await systemNode(page, 'orders-service').locator('.react-flow__handle').count()).toBe(3);

    const saved = JSON.parse((await saveByDownload(page)).text) as Mesh;
    const savedProduct = saved.products.find((candidate) => candidate.id === 'customer-360');
    expect(savedProduct).toMatchObject({
      kind: 'consumer-aligned',
      owner: 'team-crm',
      description: 'One view of each customer',
      documentation: '# Customer 360\n\nJoined from orders and customers.',
    });
    expect(savedProduct?.transformations.at(-1)).toMatchObject({ name: 'step', sql: 'select id, name from customers' });
    expect(savedProduct?.tests.at(-1)).toMatchObject({ name: 'test', severity: 'warning' });
    expect(savedProduct?.observability.slos.at(-1)).toMatchObject({ kind: 'freshness', target: 30, unit: 'minutes' });
    expect(savedProduct?.pipeline.stages.at(-1)).toMatchObject({ name: 'stage', command: 'dbt build' });
    expect(savedProduct?.outputPorts.map((port) => port.name)).toEqual(['Customer profiles']);
    expect(savedProduct?.storage.tables[0]?.columns.map((column) => column.name)).toEqual(['id', 'column']);
    const savedSystem = saved.systems.find((candidate) => candidate.id === 'orders-service');
    expect(savedSystem?.database.tables.map((table) => [table.name, table.cdc])).toEqual([
      ['purchase_orders', true],
      ['order_lines', false],
    ]);
    expect(savedSystem?.messaging.topics.map((topic) => topic.source)).toEqual([
      { kind: 'cdc', table: 'purchase_orders' },
      { kind: 'outbox', event: 'OrderPlaced' },
      { kind: 'outbox', event: 'Event' },
    ]);
  });

  it('puts the cursor in a new column’s name, its text selected, so typing names it at once', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    const system = page.getByTestId('system-inspector');

    await system.getByRole('button', { name: 'Add column' }).first().click();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        return {
          field: element?.getAttribute('data-field'),
          value: element?.value,
          selected: element?.value.slice(element.selectionStart ?? 0, element.selectionEnd ?? 0),
        };
      });
    expect(await focused()).toEqual({
      field: expect.stringMatching(/\.tables\.0\.columns\.\d+\.name$/),
      value: 'column',
      selected: 'column',
    });
    await page.keyboard.type('harvest_date');
    expect((await focused()).value).toBe('harvest_date');
  });

  it('keeps every field of the system inspector within the inspector, however long a table’s name', async () => {
    const page = await session.openApp();
    await newBlankDesign(page);
    await page.keyboard.press('d');
    await nameIt(page, 'Water Quality');
    await page.keyboard.press('s');
    await nameIt(page, 'Metering AMI Head-End');
    const system = page.getByTestId('system-inspector');
    // The topic list's selects offer the table's change stream: a long name made them, and the Broker field, wider.
    const tableName = system.locator('[data-field$="database.tables.0.name"]');
    await tableName.fill('meter_reads_from_district_meters');
    await tableName.press('Enter');
    for (const title of ['Messaging', 'Published events']) await openSection(system, title);
    const overflowing = await system.evaluate((inspectorElement) => {
      const inspectorRight = inspectorElement.getBoundingClientRect().right;
      return [...inspectorElement.querySelectorAll('input, select, textarea, button, .field')]
        .filter((element) => element.getBoundingClientRect().width > 0)
        .filter((element) => element.getBoundingClientRect().right > inspectorRight + 0.5)
        .map(
          (element) =>
            `${element.getAttribute('data-field') ?? element.getAttribute('aria-label') ?? element.textContent?.slice(0, 30)} ends ${Math.round(element.getBoundingClientRect().right - inspectorRight)} px past`,
        );
    });
    expect(overflowing).toEqual([]);
  });
});
