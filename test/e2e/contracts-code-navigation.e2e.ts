import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import {
  caretAfter,
  caretAtEndOf,
  copyOfYaml,
  findInYaml,
  openContract,
  openQuickFix,
  pasteOverYaml,
  problems,
} from './contract-driver';
import { openSampleDesign } from './designer-driver';

/** Whether an element's top is within a few pixels of another's: the caret is on that line. */
async function topOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => element.getBoundingClientRect().top);
}

async function yamlLine(page: Page, text: string): Promise<Locator> {
  const line = page.locator('.yaml-editor .view-line', { hasText: text }).first();
  await line.waitFor();
  return line;
}

describeInChromium('quick fixes and the outline in the contract editor', (session) => {
  it('repairs a v3.2 feature in a v3.1 contract with the quick fix (Ctrl+.), one Ctrl+Z undoing it', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await caretAfter(page, 'logicalType: number');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('enum: [{value: 9.5}]');
    await page.locator('.yaml-editor .squiggly-error').first().waitFor();
    await page.keyboard.press('Home');
    await openQuickFix(page, 'Upgrade the contract to ODCS v3.2.0');
    await screenshot(page, 'contract-quick-fix');
    await page.keyboard.press('Enter');
    // Line 1 is scrolled out of view (Monaco draws only the lines in view): the header tells the version.
    await page.getByText(/^ODCS v3\.2\.0$/).waitFor();
    await yamlLine(page, '- value: placed');
    expect(await page.locator('.yaml-editor .view-line', { hasText: 'enum: [{value: 9.5}]' }).count()).toBe(1);
    await page.keyboard.press('Control+z');
    // Undone as a whole: the allowed values are a quality rule again, and the typed enum is still there.
    await yamlLine(page, '- metric: invalidValues');
    expect(await page.locator('.yaml-editor .view-line', { hasText: '- value: placed' }).count()).toBe(0);
    expect(await page.locator('.yaml-editor .view-line', { hasText: 'enum: [{value: 9.5}]' }).count()).toBe(1);
    await page.keyboard.press('Control+Home');
    await yamlLine(page, 'apiVersion: v3.1.0');
  });

  it('upgrades a contract with an enum of bare values written by hand, each value becoming a {value} entry', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Customer');
    await caretAfter(page, 'logicalType: string');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('enum: [Ada, Grace]');
    // Applied after a pause in typing, when the v3.2.0 feature is listed as a problem.
    await expect.poll(() => problems(page)).toContain('v3.2.0');
    await page.locator('.version-chip').getByRole('button', { name: 'Upgrade to v3.2.0' }).click();
    await page.getByText(/^ODCS v3\.2\.0$/).waitFor();
    await yamlLine(page, '- value: Ada');
    await yamlLine(page, '- value: Grace');
    expect(await page.locator('.yaml-editor .view-line', { hasText: 'enum: [Ada, Grace]' }).count()).toBe(0);
    expect(await page.getByText(/Not applied|Upgrade failed/).count()).toBe(0);
  });

  it('writes a reversed range in a one-line rule smallest first with the quick fix, the rule staying on its line', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await caretAfter(page, 'logicalType: number');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('quality: [{metric: nullValues, mustNotBeBetween: [9, 1]}]');
    // Marked after a pause in typing; the line may be out of view by then, under the panel of changes.
    await expect.poll(() => problems(page)).toContain('mustNotBeBetween [9, 1] is reversed');
    await openQuickFix(page, 'Write it [1, 9]');
    await page.keyboard.press('Enter');
    await expect.poll(() => problems(page)).not.toContain('is reversed');
    const oneLine = await findInYaml(page, 'quality: [{metric: nullValues, mustNotBeBetween: [1, 9]}]');
    await oneLine.filter({ hasText: /^1 of 1$/ }).waitFor();
  });

  it('corrects a misspelt classification and quotes a value YAML 1.1 readers read otherwise, with the quick fixes', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await caretAfter(page, 'logicalType: number');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('classification: confidental');
    await expect.poll(() => problems(page)).toContain("did you mean 'confidential'?");
    await openQuickFix(page, "Change to 'confidential'");
    await page.keyboard.press('Enter');
    await yamlLine(page, 'classification: confidential');
    await expect.poll(() => problems(page)).not.toContain('did you mean');

    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('description: on');
    await expect.poll(() => problems(page)).toContain('PyYAML and SnakeYAML read `on` as the boolean true');
    await openQuickFix(page, 'Quote it');
    await screenshot(page, 'contract-quick-fix-yaml11');
    await page.keyboard.press('Enter');
    await yamlLine(page, 'description: "on"');
    await expect.poll(() => problems(page)).not.toContain('PyYAML and SnakeYAML read');
  });

  it('explains keepHistory on hover, and offers the name the app reads for a misspelt keephistory with a quick fix', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await caretAtEndOf(page, 'property: keepHistory');
    await (await yamlLine(page, 'property: keepHistory')).locator('span', { hasText: /^keepHistory$/ }).hover();
    await page
      .locator('.monaco-hover:not(.hidden)', { hasText: 'keeps an entity’s history beside its latest state' })
      .waitFor();
    // The hover closes first, so the quick-fix menu opens over the editor alone.
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover:not(.hidden)').waitFor({ state: 'detached' });

    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.insertText('keephistory');
    await expect.poll(() => problems(page)).toContain("did you mean 'keepHistory'?");
    await openQuickFix(page, "Change to 'keepHistory'");
    await page.keyboard.press('Enter');

    await yamlLine(page, 'property: keepHistory');
    await expect.poll(() => problems(page)).not.toContain('did you mean');
  });

  it('closes the suggestion list when Ctrl+. opens the quick fixes, so one list takes the arrow keys', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await caretAtEndOf(page, 'property: keepHistory');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.insertText('keephistory');
    await expect.poll(() => problems(page)).toContain("did you mean 'keepHistory'?");
    // The problem listed under the editor shortens it: moving the caret brings its line back into view.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget.visible').waitFor();

    // Pressed once: `openQuickFix` presses Escape between tries, which would close the completion list itself.
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget', { hasText: "Change to 'keepHistory'" }).waitFor();
    expect(await page.locator('.suggest-widget.visible').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await yamlLine(page, 'property: keepHistory');
    await expect.poll(() => problems(page)).not.toContain('did you mean');
  });

  it('lists the properties in Go to Symbol (Ctrl+Shift+O), and Enter moves the caret to the one chosen', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await caretAfter(page, 'kind: DataContract');
    await page.keyboard.press('Control+Shift+O');
    const picker = page.locator('.quick-input-widget');
    await picker.locator('.monaco-list-row', { hasText: 'orders' }).first().waitFor();
    await page.keyboard.type('updated_at');
    // Enter takes the focused row: under load the list is still filtering a moment after the row shows.
    await picker.locator('.monaco-list-row.focused', { hasText: 'updated_at' }).waitFor();
    await screenshot(page, 'contract-go-to-symbol');
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'hidden' });
    const line = await yamlLine(page, 'name: updated_at');
    expect(Math.abs((await topOf(page.locator('.yaml-editor .cursor').first())) - (await topOf(line)))).toBeLessThan(4);
  });

  it('goes from a relationship’s to: to the field it names with F12, and lists the relationships naming a field with Shift+F12', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await pasteOverYaml(
      page,
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: urn:datacontract:haulage:shipments',
        'version: 0.1.0',
        'status: draft',
        'schema:',
        '  - name: routes',
        '    properties:',
        '      - name: route_id',
        '        logicalType: string',
        '        primaryKey: true',
        '  - name: shipments',
        '    properties:',
        '      - name: shipment_id',
        '        logicalType: string',
        '      - name: route_ref',
        '        logicalType: string',
        '        relationships:',
        '          - type: foreignKey',
        '            to: routes.route_id',
        '    relationships:',
        '      - from: [shipments.shipment_id]',
        '        to: [routes.route_id]',
        '',
      ].join('\n'),
    );
    const caretTopBelow = async (line: Locator) =>
      Math.abs((await topOf(page.locator('.yaml-editor .cursor').first())) - (await topOf(line)));

    await caretAtEndOf(page, 'to: routes.route_id');
    await page.keyboard.press('F12');
    const definition = await yamlLine(page, 'name: route_id');
    await expect.poll(() => caretTopBelow(definition)).toBeLessThan(4);

    await page.keyboard.press('Shift+F12');
    const peek = page.locator('.yaml-editor .peekview-widget');
    await peek.waitFor();
    // The field's own name, then the property's `to` and the schema object's `to` list naming it.
    await expect.poll(async () => (await peek.locator('.peekview-title').textContent()) ?? '').toContain('(3)');
    const listed = peek.locator('.ref-tree .monaco-list-row');
    await expect
      .poll(async () => (await listed.allTextContents()).join('\n'))
      .toMatch(/to: routes\.route_id[\s\S]*to: \[routes\.route_id\]/);
    await screenshot(page, 'contract-relationship-references');
  });

  it('renames a field with F2, the relationships, duplicateValues rules and SLA elements naming it following, one Ctrl+Z undoing it all', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    const readings = [
      'apiVersion: v3.1.0',
      'kind: DataContract',
      'id: order',
      'version: 0.1.0',
      'status: draft',
      'schema:',
      '  - name: meters',
      '    properties:',
      '      - name: mpan',
      '        logicalType: string',
      '        primaryKey: true',
      '        required: true',
      '    quality:',
      '      - metric: duplicateValues',
      '        arguments:',
      '          properties: [mpan]',
      '  - name: meter_readings',
      '    properties:',
      '      - name: meter_mpan',
      '        logicalType: string',
      '        relationships:',
      '          - to: meters.mpan',
      '    relationships:',
      '      - from: [meter_readings.meter_mpan]',
      '        to: [meters.mpan]',
      'slaProperties:',
      '  - property: latency',
      '    value: 4',
      '    unit: h',
      '    element: meter_readings.meter_mpan, meters.mpan',
      '',
    ].join('\n');
    await pasteOverYaml(page, readings);
    await caretAfter(page, '- name: mpan');
    await page.keyboard.press('F2');
    const renameInput = page.locator('.yaml-editor .rename-box input');
    await renameInput.waitFor();
    await renameInput.fill('supply_number');
    await page.keyboard.press('Enter');
    await renameInput.waitFor({ state: 'hidden' });
    const renamed = await copyOfYaml(page);
    expect(renamed).toContain('      - name: supply_number\n');
    expect(renamed).toContain('          - to: meters.supply_number\n');
    expect(renamed).toContain('        to: [meters.supply_number]\n');
    expect(renamed).toContain('          properties: [supply_number]\n');
    expect(renamed).toContain('    element: meter_readings.meter_mpan, meters.supply_number\n');
    expect(await problems(page)).not.toContain('does not have');
    await page.keyboard.press('Control+z');
    await expect.poll(() => copyOfYaml(page)).toBe(readings);
  });

  it('opens Go to Line with Ctrl+G, the digits typed going to the line box rather than into the contract', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await caretAfter(page, 'kind: DataContract');
    const before = await copyOfYaml(page);
    await caretAfter(page, 'kind: DataContract');
    await page.keyboard.press('Control+g');
    const picker = page.locator('.quick-input-widget');
    await picker.waitFor();
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'hidden' });
    const fourthLine = before.split('\n')[3] as string;
    const line = await yamlLine(page, fourthLine);
    // Monaco reveals the line after the picker closes; under load the caret is drawn a frame later.
    await expect
      .poll(async () => Math.abs((await topOf(page.locator('.yaml-editor .cursor').first())) - (await topOf(line))))
      .toBeLessThan(4);
    expect(await copyOfYaml(page)).toBe(before);
    expect(await page.getByRole('textbox', { name: 'Domain name' }).count()).toBe(0);
  });

  it('adds the next occurrence to the selection with Ctrl+D, as Monaco does, instead of leaving the key to Duplicate', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await caretAfter(page, 'logicalType: string');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+d');
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.locator('.yaml-editor .cursor').count()).toBeGreaterThan(1);
  });
});
