import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { type Contract, serializeMesh } from '../../shared/model';
import { CHEESE_BATCH_PUBLISHED } from '../builders/cheese-batch-contract';
import { aContract, aMesh, aPort, placedOnAGrid } from '../builders/mesh-builder';
import { aWideContractText } from '../builders/wide-contract';
import { aProperty } from '../unit/contracts/builders';
import { aBusyDay, aGovernedMesh } from '../unit/validation/governed-mesh';
import { type AppSession, describeInChromium, screenshot } from './app-driver';
import {
  caretAfter,
  caretAtEndOf,
  copyOfYaml,
  dropFiles,
  findInYaml,
  openContract,
  openContractFile,
  openQuickFix,
  pasteOverYaml,
  problems,
  showView,
  suggestionRows,
  yamlLinesStartingWith,
} from './contract-driver';
import { counts, newBlankDesign, openByChooser, openSampleDesign } from './designer-driver';

/** The contract with a required field no table has, written into its text, which the design file holds. */
function requiringBookedAt({ odcs: _text, ...contract }: Contract): Contract {
  const bookedAt = aProperty('booked_at', 'timestamp', { required: true });
  return aContract(contract.id, {
    ...contract,
    schema: contract.schema.map((object) => ({ ...object, properties: [...object.properties, bookedAt] })),
  });
}

describeInChromium('the contract editor in the built app', (session) => {
  it('completes logicalType with the values the ODCS schema allows (Ctrl+Space)', async () => {
    const page = await sampleOrderContract(session);
    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.press('Enter');
    await page.keyboard.type('logicalType: ');
    await page.keyboard.press('Control+Space');
    const suggestions = suggestionRows(page);
    await suggestions.first().waitFor();
    const labels = await suggestions.allTextContents();
    for (const type of ['string', 'integer', 'timestamp']) {
      expect(labels.some((label) => label.startsWith(type))).toBe(true);
    }
    expect(labels.some((label) => label.startsWith('map'))).toBe(false);
  });

  it('puts a key taken from completion in place of the one written before its colon, whole, its value kept (physicalTyp: BIGINT)', async () => {
    const page = await sampleOrderContract(session);
    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.press('Enter');
    await page.keyboard.type('physicalTyp: BIGINT');
    await page.keyboard.press('Escape');
    const takeKeyAfter = async (column: number, key: string) => {
      await page.keyboard.press('Home');
      for (let step = 0; step < column; step++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Control+Space');
      await suggestionRows(page)
        .filter({ hasText: new RegExp(`^${key}`) })
        .click();
    };
    const physicalLines = async () =>
      (await copyOfYaml(page)).split('\n').filter((line) => line.trimStart().startsWith('physical'));
    // After the misspelt key, then in the middle of a right one.
    await takeKeyAfter('physicalTyp'.length, 'physicalType');
    expect(await physicalLines()).toEqual(['        physicalType: BIGINT']);
    await caretAfter(page, 'physicalType: BIGINT');
    await takeKeyAfter('physi'.length, 'physicalName');
    expect(await physicalLines()).toEqual(['        physicalName: BIGINT']);
    expect(await problems(page)).not.toMatch(/not allowed|Nested mappings/);
  });

  it('puts a value taken from completion in place of the whole value written, not only of its part before the caret', async () => {
    const page = await sampleOrderContract(session);
    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.press('Enter');
    await page.keyboard.type('classification: restricted # for billing');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    for (let step = 0; step < 'classification: re'.length; step++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Space');
    await suggestionRows(page)
      .filter({ hasText: /^restricted/ })
      .click();
    const written = (await copyOfYaml(page)).split('\n');
    expect(written.filter((line) => line.includes('classification:'))).toEqual([
      '        classification: restricted # for billing',
    ]);
  });

  it('puts a column type taken from completion in place of the whole type written, its comma too (numeric(10,2))', async () => {
    const page = await sampleOrderContract(session);
    await pasteOverYaml(
      page,
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: order-placed',
        'version: 1.0.0',
        'status: draft',
        'servers:',
        '  - server: shop',
        '    type: postgres',
        'schema:',
        '  - name: orders',
        '    properties:',
        '      - name: total',
        '        logicalType: number',
        '        physicalType: numeric(10,2)',
        '',
      ].join('\n'),
    );
    await caretAtEndOf(page, 'physicalType: numeric(10,2)');
    await page.keyboard.press('Home');
    for (let step = 0; step < 'physicalType: '.length; step++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Space');
    await suggestionRows(page).filter({ hasText: /^real/ }).click();
    const written = (await copyOfYaml(page)).split('\n');
    expect(written.filter((line) => line.includes('physicalType:'))).toEqual(['        physicalType: real']);
  });

  it("completes a physicalType with Protobuf's types for a Kafka server's Protobuf records (Ctrl+Space)", async () => {
    const page = await sampleOrderContract(session);
    await pasteOverYaml(
      page,
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: order-placed',
        'version: 1.0.0',
        'status: draft',
        'servers:',
        '  - server: broker',
        '    type: kafka',
        '    format: protobuf',
        'schema:',
        '  - name: orders',
        '    properties:',
        '      - name: placed_at',
        '        logicalType: timestamp',
        '        physicalType: ',
        '',
      ].join('\n'),
    );
    await caretAtEndOf(page, 'logicalType: timestamp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    await suggestionRows(page)
      .filter({ hasText: /^google\.protobuf\.Timestamp/ })
      .click();
    const written = (await copyOfYaml(page)).split('\n');
    expect(written.filter((line) => line.includes('physicalType:'))).toEqual([
      '        physicalType: google.protobuf.Timestamp',
    ]);
  });

  it('completes the value of a field written as a flow mapping, {name: keeper, logicalType: str} (Ctrl+Space)', async () => {
    const page = await sampleOrderContract(session);
    await pasteOverYaml(
      page,
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: order-placed',
        'version: 1.0.0',
        'status: draft',
        'schema:',
        '  - name: feeding_rounds',
        '    properties:',
        '      - {name: round_id, logicalType: integer}',
        '      - {name: keeper, logicalType: str}',
        '',
      ].join('\n'),
    );
    await caretAtEndOf(page, 'logicalType: str}');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Space');
    await suggestionRows(page)
      .filter({ hasText: /^string/ })
      .click();
    const written = (await copyOfYaml(page)).split('\n');
    expect(written.filter((line) => line.includes('keeper'))).toEqual(['      - {name: keeper, logicalType: string}']);
  });

  it("completes a duplicateValues rule's properties with its schema object's fields and their types (Ctrl+Space)", async () => {
    const page = await sampleOrderContract(session);
    await pasteOverYaml(
      page,
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: order',
        'version: 1.0.0',
        'status: draft',
        'schema:',
        '  - name: bills',
        '    properties:',
        '      - name: bill_id',
        '        logicalType: string',
        '      - name: account_no',
        '        logicalType: string',
        '        physicalType: varchar(20)',
        '    quality:',
        '      - metric: duplicateValues',
        '        arguments:',
        '          properties: [bill_id]',
        '        mustBe: 0',
        '',
      ].join('\n'),
    );
    await caretAfter(page, 'properties: [bill_id]');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(', ');
    await page.keyboard.press('Control+Space');
    const suggestions = suggestionRows(page);
    await suggestions.first().waitFor();
    expect(await suggestions.allTextContents()).toEqual([
      expect.stringMatching(/^account_no\s*string · varchar\(20\)$/),
    ]);
    await page.keyboard.press('Enter');
    expect(await copyOfYaml(page)).toContain('          properties: [bill_id, account_no]\n');
  });

  it("edits an SLA: a value completed in its property's shape, never true or false, a misspelt unit fixed to a chosen nearest unit, and an element completed from the schema after a comma, its fields with their types", async () => {
    const page = await sampleOrderContract(session);
    await pasteOverYaml(
      page,
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: order',
        'version: 1.0.0',
        'status: draft',
        'slaProperties:',
        '  - property: latency',
        '    value: 4',
        '    unit: dayz',
        '    element: orders.placed_at',
        '  - property: timeOfAvailability',
        '    value: 09:00-08:00',
        'schema:',
        '  - name: orders',
        '    properties:',
        '      - name: order_id',
        '        logicalType: integer',
        '        physicalType: bigint',
        '      - name: placed_at',
        '  - name: customers',
        '    properties:',
        '      - name: customer_id',
        '',
      ].join('\n'),
    );
    await expect.poll(() => problems(page)).toContain("is given in 'dayz'");
    await caretAfter(page, 'unit: dayz');
    await openQuickFix(page, "Change to 'days'");
    const fixes = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to' });
    expect(await fixes.allTextContents()).toEqual([
      expect.stringContaining("Change to 'day'"),
      expect.stringContaining("Change to 'days'"),
    ]);
    await fixes.filter({ hasText: "Change to 'days'" }).click();
    await expect.poll(() => problems(page)).not.toContain("is given in 'dayz'");
    expect(await copyOfYaml(page)).toContain('    value: 4\n    unit: days\n');

    const suggestions = suggestionRows(page);
    await caretAfter(page, 'value: 09:00-08:00');
    for (const _ of '09:00-08:00') await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    await suggestions.first().waitFor();
    const firstWords = async () => (await suggestions.allTextContents()).map((label) => label.split(/\s/)[0]).sort();
    expect(await firstWords()).toEqual(['06:00Z', '09:00-08:00']);
    await page.keyboard.press('Escape');

    await caretAfter(page, 'value: 4');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    await suggestions.first().waitFor();
    expect(await firstWords()).toEqual(['1', '30', '7']);
    await page.keyboard.press('Escape');

    // After the comma the next element is offered, not the one listed already, each field with its type,
    // and taking one keeps the first.
    await caretAfter(page, 'element: orders.placed_at');
    await page.keyboard.type(', ');
    await suggestions.first().waitFor();
    expect(await suggestions.allTextContents()).toEqual([
      expect.stringMatching(/^orders\s*$/),
      expect.stringMatching(/^orders\.order_id\s*integer · bigint$/),
      expect.stringMatching(/^customers\s*$/),
      expect.stringMatching(/^customers\.customer_id\s*no logicalType$/),
    ]);
    await page.keyboard.type('customers.c');
    await page.keyboard.press('Enter');
    expect(await copyOfYaml(page)).toContain('    element: orders.placed_at, customers.customer_id\n');
  });

  it('shows each quick fix of a misspelt SLA unit whole in the editor beside the canvas, so the two fixes can be told apart', async () => {
    const page = await sampleOrderContract(session);
    await pasteOverYaml(
      page,
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: order',
        'version: 1.0.0',
        'status: draft',
        'slaProperties:',
        '  - property: latency',
        '    value: 4',
        '    unit: dayz',
        '',
      ].join('\n'),
    );
    await expect.poll(() => problems(page)).toContain("is given in 'dayz'");
    await caretAfter(page, 'unit: dayz');
    await openQuickFix(page, "Change to 'days'");
    const labels = page.locator('.action-widget .monaco-list-row .title', { hasText: 'Change to' });
    await screenshot(page, 'contract-quick-fix-beside-canvas');
    const shown = await labels.evaluateAll((titles) =>
      titles.map((title) => ({ text: title.textContent, isClipped: title.scrollWidth > title.clientWidth })),
    );
    expect(shown).toEqual([
      { text: "Change to 'day'", isClipped: false },
      { text: "Change to 'days'", isClipped: false },
    ]);
  });

  it('draws the completion list whole inside its border, as Monaco sizes it, beside the canvas and maximized', async () => {
    const page = await sampleOrderContract(session);
    for (const layout of ['beside', 'maximized'] as const) {
      if (layout === 'maximized') await page.getByRole('button', { name: 'Maximize' }).click();
      await caretAfter(page, 'logicalType: integer');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Space');
      await suggestionRows(page).first().waitFor();
      await screenshot(page, `contract-completion-list-${layout}`);
      // The app's border-box took the border from the list's height: its last row was cut by 2 px.
      expect(await overhangInside(page, '.suggest-widget.visible', '.tree')).toEqual({ right: 0, bottom: 0 });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+z');
    }
  });

  it('starts the line after a list item’s first key (- name: x) under that key, where completion offers the item’s keys', async () => {
    const page = await sampleOrderContract(session);
    await caretAfter(page, '- name: customer_id');
    await page.keyboard.press('Enter');
    const suggestions = suggestionRows(page);
    // On a busy machine Ctrl+Space can come before the editor has taken the new line: asked again, as a user would.
    await expect
      .poll(async () => {
        if ((await suggestions.count()) === 0) await page.keyboard.press('Control+Space');
        return suggestions.count();
      })
      .toBeGreaterThan(0);
    const labels = await suggestions.allTextContents();
    expect(labels.some((label) => label.startsWith('classification'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.type('description: who placed it');
    const typed = page.locator('.yaml-editor .view-line', { hasText: 'description: who placed it' });
    // Under `name`, eight columns in: the field's own key, not a new list item's.
    expect((await typed.textContent())?.replaceAll('\u00a0', ' ')).toBe('        description: who placed it');
  });

  it('writes the space after the colon when a value offered as the colon is typed is taken', async () => {
    const page = await sampleOrderContract(session);
    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.press('Enter');
    await page.keyboard.type('classification:');
    const suggestions = suggestionRows(page);
    await expect.poll(() => suggestions.allTextContents()).toContainEqual(expect.stringMatching(/^public/));
    await page.keyboard.type('pub');
    await page.keyboard.press('Enter');
    const chosen = async () =>
      (await page.locator('.yaml-editor .view-line').allTextContents())
        .map((line) => line.replaceAll('\u00a0', ' ').trim())
        .filter((line) => /^classification: *public/.test(line));
    await expect.poll(chosen).toEqual(['classification: public']);
  });

  it('writes a key taken from completion that opens a block (quality) as `quality:` with the next line indented under it, no trailing space', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openFieldDetails(page, 'imo_number', ['        logicalType: string']);
    await showView(page, 'YAML');
    await caretAfter(page, '  - name: inspections');
    await page.keyboard.press('Enter');
    await page.keyboard.type('qualit');
    await page.locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: /^quality/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('- metric');
    await page.keyboard.press('Escape');
    const written = (await copyOfYaml(page)).split('\n');
    const quality = written.findIndex((line) => line.trimStart().startsWith('quality:'));
    expect(written.slice(quality, quality + 2)).toEqual(['    quality:', '      - metric']);
  });

  it('replaces the whole value typed so far when a value holding a dot is taken (apiVersion: v3.1 → v3.1.0)', async () => {
    const page = await sampleOrderContract(session);
    await caretAfter(page, 'apiVersion: v3.1.0');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    const suggestions = suggestionRows(page);
    await expect.poll(() => suggestions.allTextContents()).toContainEqual(expect.stringMatching(/^v3\.1\.0/));
    await page.keyboard.press('Enter');
    const versionLines = async () =>
      (await page.locator('.yaml-editor .view-line').allTextContents())
        .map((line) => line.replaceAll('\u00a0', ' ').trim())
        .filter((line) => line.startsWith('apiVersion:'));
    await expect.poll(versionLines).toEqual(['apiVersion: v3.1.0']);
  });

  it('completes a number’s logicalTypeOptions with a number’s options only', async () => {
    const page = await sampleOrderContract(session);
    await caretAfter(page, 'logicalType: number');
    await page.keyboard.press('Enter');
    await page.keyboard.type('logicalTypeOptions:');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('          ');
    await page.keyboard.press('Control+Space');
    const suggestions = suggestionRows(page);
    await suggestions.first().waitFor();
    const labels = await suggestions.allTextContents();
    expect(labels.some((label) => label.startsWith('minimum'))).toBe(true);
    expect(labels.some((label) => label.startsWith('maxLength') || label.startsWith('minItems'))).toBe(false);
  });

  it('completes and documents a v3.2.0 contract from the v3.2.0 schema', async () => {
    const page = await sampleOrderContract(session);
    await page.getByRole('button', { name: 'Upgrade to v3.2.0' }).click();
    await page.locator('.yaml-editor .view-line', { hasText: 'apiVersion: v3.2.0' }).waitFor();
    const enumKey = page.locator('.yaml-editor .view-line span', { hasText: /^enum$/ }).first();
    await enumKey.hover();
    await page.locator('.monaco-hover:not(.hidden)', { hasText: 'Enumeration of allowed values' }).waitFor();

    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.press('Enter');
    await page.keyboard.type('logicalType: ');
    await page.keyboard.press('Control+Space');
    await suggestionRows(page).filter({ hasText: /^map/ }).waitFor();
  });

  it('types spaces and new lines into the YAML: the canvas beside it does not take Space to pan', async () => {
    const page = await sampleOrderContract(session);
    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.press('Enter');
    await page.keyboard.type('description: a b c');
    // The last word opens suggestions ('cancelled' for 'c'), which Enter would accept: close them first.
    const suggestions = page.locator('.suggest-widget.visible');
    await suggestions.waitFor({ timeout: 10_000 }).then(
      () => page.keyboard.press('Escape'),
      () => undefined,
    );
    await suggestions.waitFor({ state: 'hidden' });
    await page.keyboard.press('Enter');
    await page.keyboard.type('unique: true');
    const typed = page.locator('.yaml-editor .view-line', { hasText: 'description: a b c' });
    await typed.waitFor();
    expect((await typed.textContent())?.replaceAll('\u00a0', ' ')).toBe('        description: a b c');
  });

  it('shows the schema description of a key on hover', async () => {
    const page = await sampleOrderContract(session);
    const key = page.locator('.yaml-editor .view-line span', { hasText: /^logicalType$/ }).first();
    await key.hover();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'The logical element data type.' });
    await hover.waitFor();
    expect(await hover.textContent()).toContain('logicalType');

    await caretAfter(page, 'name: Order');
    await page.keyboard.press('Enter');
    await page.keyboard.type("'tenant': shop");
    const quoted = page.locator('.yaml-editor .view-line', { hasText: "'tenant': shop" }).locator('span').first();
    await quoted.hover();
    await page
      .locator('.monaco-hover:not(.hidden)', {
        hasText: 'Indicates the property the data is primarily associated with',
      })
      .waitFor();
  });

  it('documents a key inside a flow mapping on hover, read for the property’s logical type', async () => {
    const page = await sampleOrderContract(session);
    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.press('Enter');
    // Monaco closes the brace itself; typing it steps over the one it wrote.
    await page.keyboard.type('logicalTypeOptions: {minimum: 1, maximum: 25}');
    await page.keyboard.press('Escape');
    const typed = page.locator('.yaml-editor .view-line', { hasText: 'logicalTypeOptions: {minimum: 1, maximum: 25}' });
    const hover = page.locator('.monaco-hover:not(.hidden)', {
      hasText: 'All values are less than or equal to this value',
    });
    // The panel of changes below the editor may appear after the edit and move the line: hover again then.
    await expect
      .poll(
        async () => {
          await page.mouse.move(0, 0);
          await typed.locator('span', { hasText: /^maximum$/ }).hover();
          return hover.waitFor({ timeout: 2000 }).then(
            () => true,
            () => false,
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(await hover.textContent()).toContain('maximum');
    await screenshot(page, 'contract-hover-in-flow-mapping');
  });

  it("completes a relationship's to: with the contract's fields of a type its from joins, and a physicalType with its server's column types (Ctrl+Space)", async () => {
    const page = await sampleOrderContract(session);
    await pasteOverYaml(
      page,
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: order',
        'name: Order',
        'version: 1.0.0',
        'status: active',
        'servers:',
        '  - server: shop-db',
        '    type: postgres',
        'schema:',
        '  - name: orders',
        '    properties:',
        '      - name: order_id',
        '        logicalType: integer',
        '        primaryKey: true',
        '      - name: placed_at',
        '        logicalType: timestamp',
        '        physicalType: timestamp',
        '      - name: parent_order_id',
        '        logicalType: integer',
        '        relationships:',
        '          - to: orders.',
        '    relationships:',
        '      - from: [orders.order_id,',
        '',
      ].join('\n'),
    );
    const suggestions = suggestionRows(page);

    // A composite key's list is not offered the field it already names.
    await caretAtEndOf(page, 'from: [orders.order_id,');
    await page.keyboard.press('Control+Space');
    await suggestions.first().waitFor();
    const keyColumns = await suggestions.allTextContents();
    expect(keyColumns.some((label) => label.includes('orders.placed_at'))).toBe(true);
    expect(keyColumns.some((label) => label.includes('orders.order_id'))).toBe(false);
    await page.keyboard.press('Escape');

    // An integer's to: is offered the integer key, with its type, not the timestamp.
    await caretAtEndOf(page, 'to: orders.');
    await page.keyboard.press('Control+Space');
    await suggestions.first().waitFor();
    expect(await suggestions.allTextContents()).toEqual([expect.stringMatching(/orders\.order_id.*integer/)]);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => yamlLinesStartingWith(page, '          - to:'))
      .toEqual(['          - to: orders.order_id']);

    await caretAtEndOf(page, 'physicalType: timestamp');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    await suggestions.first().waitFor();
    const labels = await suggestions.allTextContents();
    expect(labels.some((label) => label.startsWith('timestamptz'))).toBe(true);
    expect(labels.every((label) => label.startsWith('timestamp'))).toBe(true);
  });

  it("documents a value on hover with its key's meaning, and completes a value from the schema's examples only", async () => {
    const page = await sampleOrderContract(session);
    const value = page.locator('.yaml-editor .view-line span', { hasText: /^integer$/ }).first();
    await value.hover();
    await page.locator('.monaco-hover:not(.hidden)', { hasText: 'The logical element data type.' }).waitFor();

    await caretAfter(page, 'status: active');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('status: ');
    await page.keyboard.press('Control+Space');
    const suggestions = suggestionRows(page);
    await suggestions.first().waitFor();
    expect(await suggestions.allTextContents()).toEqual(
      expect.arrayContaining(
        ['proposed', 'draft', 'active', 'deprecated', 'retired'].map((value) => expect.stringContaining(value)),
      ),
    );
    await page.keyboard.press('Escape');

    // A value the schema says nothing of gets no suggestions, not the words of the document.
    await caretAfter(page, 'purpose: Latest state');
    await page.keyboard.press('Enter');
    await page.keyboard.type('usage: ');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget.visible', { hasText: 'No suggestions.' }).waitFor();
  });

  it('explains a quality rule’s metric on hover: what invalidValues counts and the arguments it reads', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'OrderPlaced');
    await page
      .locator('.yaml-editor .view-line span', { hasText: /^invalidValues$/ })
      .first()
      .hover();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'metric: invalidValues' });
    await hover.waitFor();
    expect(await hover.textContent()).toContain('not among arguments.validValues, or not matching arguments.pattern');
  });

  it("completes a library quality rule with its own keys: no custom rule's engine, no second operator (Ctrl+Space)", async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'OrderPlaced');
    const offeredFor = async (typed: string) => {
      await page.keyboard.type(typed);
      await page.keyboard.press('Control+Space');
      const widget = page.locator('.suggest-widget.visible');
      const rows = widget.locator('.monaco-list-row');
      await rows.or(widget.locator('.message:not([aria-hidden="true"])')).first().waitFor();
      const labels = await rows.allTextContents();
      await page.keyboard.press('Escape');
      for (let index = 0; index < typed.length; index++) await page.keyboard.press('Backspace');
      return labels;
    };
    await caretAtEndOf(page, 'mustBe: 0');
    await page.keyboard.press('Enter');
    expect(await offeredFor('eng')).not.toEqual(expect.arrayContaining([expect.stringMatching(/^engine/)]));
    expect(await offeredFor('must')).toEqual([]);
    expect(await offeredFor('dim')).toEqual(expect.arrayContaining([expect.stringMatching(/^dimension/)]));
  });

  it('says at the id line, and in the count, why a changed id is not applied', async () => {
    const page = await sampleOrderContract(session);
    await caretAfter(page, 'id: order');
    await page.keyboard.type('-v2');
    const badge = page.getByTestId('out-of-sync');
    await badge.filter({ hasText: 'Not applied: 1 problem:' }).waitFor();
    expect(await problems(page)).toContain("3:5 the id must stay 'order': other parts of the design refer to it");
    await page.locator('.yaml-editor .squiggly-error').first().waitFor();
  });

  it('finds text with Ctrl+F and goes to the next problem with F8', async () => {
    const page = await sampleOrderContract(session);
    await (await findInYaml(page, 'customer_id')).filter({ hasText: /of 1/ }).waitFor();

    await page.keyboard.press('Escape');
    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.type('X');
    await page.locator('.yaml-editor .squiggly-error').first().waitFor({ state: 'attached' });
    await caretAfter(page, 'name: Order');
    await page.keyboard.press('F8');
    const marker = page.locator('.marker-widget', { hasText: 'unknown logicalType "integerX"' });
    await marker.waitFor();
  });

  it('opens quick search (Ctrl+K) and the command palette (Ctrl+Shift+P, F1) from the YAML, typing nothing into it', async () => {
    const page = await sampleOrderContract(session);
    const quickSearch = page.getByTestId('dialog-quick-search');
    const palette = page.getByTestId('dialog-commands');

    await caretAfter(page, 'name: Order');
    await page.keyboard.press('Control+k');
    await quickSearch.waitFor({ timeout: 3000 });
    await screenshot(page, 'quick-search-from-yaml');
    // Keys typed next go to the search, never into the contract as the end of an editor chord.
    await page.keyboard.type('sales dash');
    await expect.poll(() => quickSearch.getByRole('option').first().textContent()).toContain('sales-dashboard');
    await page.keyboard.press('Escape');
    await quickSearch.waitFor({ state: 'detached' });
    expect(await page.locator('.yaml-editor .view-line', { hasText: /^name:\sOrder$/ }).count()).toBe(1);
    expect(await page.getByTestId('out-of-sync').count()).toBe(0);

    for (const keys of ['Control+Shift+P', 'F1']) {
      await caretAfter(page, 'name: Order');
      await page.keyboard.press(keys);
      await palette.waitFor({ timeout: 3000 });
      await page.keyboard.press('Escape');
      await palette.waitFor({ state: 'detached' });
    }
    expect(await page.locator('.yaml-editor .view-line', { hasText: /^name:\sOrder$/ }).count()).toBe(1);
  });

  it('names a duplicate key in its marker, without a path for the document as a whole', async () => {
    const page = await sampleOrderContract(session);

    await caretAfter(page, 'name: Order');
    await page.keyboard.press('Enter');
    await page.keyboard.type('name: Again');
    await page.locator('.yaml-editor .squiggly-error').first().waitFor({ state: 'attached' });
    await caretAfter(page, 'name: Again');
    await page.keyboard.press('F8');

    const marker = page.locator('.marker-widget', { hasText: "the key 'name' appears twice in this mapping" });
    await marker.waitFor();
    expect(await marker.textContent()).not.toContain('(document)');
  });

  it('keeps an invalid form entry out of the design, with its message beside the input', async () => {
    const page = await sampleOrderContract(session);
    await showView(page, 'Form');
    const version = page.getByLabel('Version', { exact: true });
    await version.fill('');
    await page.locator('[data-path="version"] .form-field__problems', { hasText: 'must not be empty' }).waitFor();
    expect(await page.getByTestId('out-of-sync').textContent()).toContain('the design keeps the last valid version');
    expect(await page.getByRole('region', { name: 'Contracts' }).textContent()).toContain('1.0.0');

    await version.fill('1.1.0');
    await page.locator('.sync-badge--ok, .sync-badge--warning').waitFor();
    expect(await page.getByRole('region', { name: 'Contracts' }).textContent()).toContain('1.1.0');
  });

  it('discards a draft with problems, back to the text the design holds', async () => {
    const page = await sampleOrderContract(session);
    await showView(page, 'Form');
    const version = page.getByLabel('Version', { exact: true });
    await version.fill('');
    await page.getByTestId('out-of-sync').getByRole('button', { name: 'Discard' }).click();
    await page.getByTestId('out-of-sync').waitFor({ state: 'detached' });
    expect(await version.inputValue()).toBe('1.0.0');
  });

  it('adds a server in the form, checking its type against the ODCS schema as it is typed', async () => {
    const page = await sampleOrderContract(session);
    await showView(page, 'Form');
    await page.locator('.form-section > summary', { hasText: 'Servers' }).click();
    await page.getByRole('button', { name: 'Add server' }).click();
    const type = page.locator('[data-path="servers[0].type"]');
    await type.getByRole('combobox').fill('oracle-ish');
    await type.locator('.form-field__problems').waitFor();
    expect(await page.getByTestId('out-of-sync').textContent()).toContain('the design keeps the last valid version');

    await type.getByRole('combobox').fill('kafka');
    await type.locator('.form-field__problems').waitFor({ state: 'detached' });
    await showView(page, 'YAML');
    await (await findInYaml(page, 'type: kafka')).filter({ hasText: /of 1/ }).waitFor();
  });

  it('keeps typing in a form field when the entry becomes valid and goes into the design', async () => {
    const page = await sampleOrderContract(session);
    await showView(page, 'Form');
    const before = await counts(page);
    await page.locator('.form-section > summary', { hasText: 'Servers' }).click();
    await page.getByRole('button', { name: 'Add server' }).click();
    const server = page.locator('[data-path="servers"]');
    await server.getByLabel('Host', { exact: true }).fill('db.example.com');
    await server.getByLabel('Port', { exact: true }).fill('5432');
    await server.getByLabel('Database', { exact: true }).fill('orders');
    const schema = server.getByLabel('Schema', { exact: true });
    await schema.click();
    // The postgres server is complete after the first letter: the rest is typed into a valid contract.
    await schema.pressSequentially('xdps', { delay: 100 });
    await page.locator('.sync-badge--ok, .sync-badge--warning').waitFor();
    expect(await schema.inputValue()).toBe('xdps');
    expect(await page.locator('.form-section', { hasText: 'Servers' }).first().getAttribute('open')).not.toBeNull();
    expect(await counts(page)).toBe(before);
  });

  it('keeps the commas and spaces typed in a list field, writing the list as it is typed', async () => {
    const page = await sampleOrderContract(session);
    await showView(page, 'Form');
    const tags = page.locator('[data-path="tags"]').getByRole('textbox');
    await tags.click();
    await tags.press('End');
    await tags.pressSequentially('esports, pvp', { delay: 30 });
    expect(await tags.inputValue()).toMatch(/esports, pvp$/);
    await tags.blur();
    // Once left, the input shows the list the contract now holds.
    expect(await tags.inputValue()).toMatch(/esports, pvp$/);
  });

  it('adds an example to a string field as text, keeping the quotes of those there, and takes a quoted one with a comma', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openFieldDetails(page, 'imo_number', [
      '        logicalType: string',
      "        examples: ['9321483']",
      '        tags: [ships]',
    ]);
    const field = page.locator('[data-path="schema[0].properties[0].examples"]');
    const examples = field.getByRole('textbox');
    expect(await examples.inputValue()).toBe('9321483');
    await examples.click();
    await examples.press('End');
    await examples.pressSequentially(', 9412345, "Rotterdam, NL"');
    await examples.press('Tab');
    // The form writes as it is typed; on a busy machine the last keystrokes' edit lands a moment after Tab.
    await expect.poll(() => examples.inputValue(), { timeout: 10_000 }).toBe('9321483, 9412345, "Rotterdam, NL"');
    await expect.poll(() => field.locator('.form-field__problems').count(), { timeout: 10_000 }).toBe(0);
    const tags = page.locator('[data-path="schema[0].properties[0].tags"]').getByRole('textbox');
    await tags.fill('ships, 2024');
    await tags.press('Tab');
    await showView(page, 'YAML');
    await expect
      .poll(() => yamlLinesStartingWith(page, '        examples:'), { timeout: 10_000 })
      .toEqual(["        examples: ['9321483', '9412345', 'Rotterdam, NL']"]);
    await expect
      .poll(() => yamlLinesStartingWith(page, '        tags:'), { timeout: 10_000 })
      .toEqual(['        tags: [ships, "2024"]']);
  });

  it('adds an example to a field without a logicalType whose examples are quoted text as text, quoted like them', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openFieldDetails(page, 'inspection_code', ['        examples:', '          - "007"', '          - "010"']);
    const examples = page.locator('[data-path="schema[0].properties[0].examples"]').getByRole('textbox');
    await examples.click();
    await examples.press('End');
    await examples.pressSequentially(', 012');
    await examples.press('Tab');
    await expect.poll(() => examples.inputValue(), { timeout: 10_000 }).toBe('007, 010, 012');
    await showView(page, 'YAML');
    await expect
      .poll(() => yamlLinesStartingWith(page, '          - '), { timeout: 10_000 })
      .toEqual(['          - "007"', '          - "010"', '          - "012"']);
  });

  it('replaces a quality rule’s arguments typed in the form, keeping its flow list a flow list', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openFieldDetails(page, 'inspection_type', [
      '        logicalType: string',
      '        quality:',
      '          - metric: invalidValues',
      '            arguments:',
      '              validValues: [initial, more_detailed, expanded]',
      '            mustBe: 0',
    ]);
    await openFieldSections(page);
    const argumentsInput = page
      .locator('[data-path="schema[0].properties[0].quality[0].arguments"]')
      .getByRole('textbox');
    await argumentsInput.click();
    await argumentsInput.press('ControlOrMeta+a');
    // Typed key by key, as the QA did: the text in between does not parse.
    await argumentsInput.pressSequentially('{"validValues":["initial","more_detailed","expanded","follow_up"]}');
    await argumentsInput.press('Tab');
    await showView(page, 'YAML');
    await expect
      .poll(() => yamlLinesStartingWith(page, '              validValues:'), { timeout: 10_000 })
      .toEqual(['              validValues: [initial, more_detailed, expanded, follow_up]']);
  });

  it("shows a custom property's text value '42' in quotes, and keeps it text through an edit and back", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openFieldDetails(page, 'retention_days', [
      '        logicalType: string',
      '        customProperties:',
      '          - property: retentionDays',
      "            value: '42'",
    ]);
    await openFieldSections(page);
    const value = page.locator('[data-path="schema[0].properties[0].customProperties[0].value"]').getByRole('textbox');
    expect(await value.inputValue()).toMatch(/^("42"|'42')$/);
    await value.click();
    await value.press('End');
    await value.press('ArrowLeft');
    await value.pressSequentially('1');
    await value.press('Backspace');
    await value.press('Tab');
    await showView(page, 'YAML');
    await expect
      .poll(() => yamlLinesStartingWith(page, '            value:'), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/value: ('42'|"42")$/)]);
  });

  it('edits one line of the YAML for one field of the form, keeping the rest as written', async () => {
    const page = await sampleOrderContract(session);
    await showView(page, 'Form');
    await page.getByRole('button', { name: 'Details of total' }).click();
    const details = page.getByRole('region', { name: 'Field details' });
    await details.getByLabel('Description', { exact: true }).fill('Order total, taxes included.');
    await showView(page, 'Diff');
    await page.locator('.contract-diff .modified .line-insert').first().waitFor();
    // All that is inserted is the one line, though the narrow pane's unified diff wraps it onto two rows.
    expect(await insertedText(page)).toBe('description: Order total, taxes included.');
    // Nothing removed: the unified diff shows removed lines in the new text's editor, the split one in the old's.
    expect(await page.locator('.contract-diff .line-delete').count()).toBe(0);
  });

  it('upgrades a contract to ODCS v3.2.0 in one undoable step', async () => {
    const page = await sampleOrderContract(session);
    await page.getByRole('button', { name: 'Upgrade to v3.2.0' }).click();
    await page.locator('.yaml-editor .view-line', { hasText: 'apiVersion: v3.2.0' }).waitFor();
    await page.locator('.yaml-editor .view-line', { hasText: '- value: placed' }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator('.yaml-editor .view-line', { hasText: 'apiVersion: v3.1.0' }).waitFor();
  });

  it('marks breaking changes in the diff against the last saved version', async () => {
    const page = await sampleOrderContract(session);
    await showView(page, 'Form');
    await page.getByRole('button', { name: 'Remove status' }).click();
    await showView(page, 'Diff');
    await page.getByRole('button', { name: 'Split' }).click();
    await page.getByTestId('breaking-count').waitFor();
    expect(await page.getByTestId('breaking-count').textContent()).toContain('1 breaking change');
    // Wrapped lines push the removal out of view in a narrow split: the header's link brings it back.
    await page.locator('.contract-diff__jump', { hasText: 'status' }).click();
    await page.locator('.contract-diff .original .breaking-change-glyph').first().waitFor();
    // The removed field is marked beside its lines in the saved version, not on a neighbour's line in the new one.
    expect(await page.locator('.contract-diff .modified .breaking-change-glyph').count()).toBe(0);
    await page.locator('.contract-diff .original .line-delete').first().waitFor();
    await page.getByRole('button', { name: 'Unified' }).click();
    // The unified layout shows only the new text's margin: the removal is marked at its parent's line, which
    // the header's link shows whatever the scroll the diff opened at.
    await page.locator('.contract-diff__jump', { hasText: 'status' }).click();
    // Both read in one frame: the header's links may wrap and move the editor.
    const anchorOffFromParent = () =>
      page.evaluate(() => {
        const anchor = document.querySelector('.contract-diff .modified .breaking-removal-glyph');
        const parent = [...document.querySelectorAll('.contract-diff .modified .view-line')].find((line) =>
          line.textContent?.replaceAll('\u00a0', ' ').includes('- name: orders'),
        );
        if (!anchor || !parent) return Number.POSITIVE_INFINITY;
        return Math.abs(anchor.getBoundingClientRect().top - parent.getBoundingClientRect().top);
      });
    await expect.poll(anchorOffFromParent).toBeLessThan(8);
  });

  it('shows a changed value whole in the diff of a narrow pane, and two sides once Split is chosen', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openPublishedCheeseBatch(page);
    await caretAfter(page, 'description: Kind of cheese');
    await page.keyboard.type(', as the dairy names it');
    await page.getByTestId('contract-changes').filter({ hasText: 'description' }).waitFor();
    await showView(page, 'Diff');

    const changedLine = page.locator('.contract-diff .modified .view-line', { hasText: 'names it' });
    await changedLine.waitFor();
    // Where the line's text ends, and where the pane showing it ends: a value cut off ends beyond its pane.
    const textEndPastPane = () =>
      changedLine.evaluate((line) => {
        const range = document.createRange();
        range.selectNodeContents(line);
        const pane = line.closest('.monaco-scrollable-element')?.getBoundingClientRect();
        return pane ? range.getBoundingClientRect().right - pane.right : Number.POSITIVE_INFINITY;
      });
    await expect.poll(textEndPastPane).toBeLessThanOrEqual(0);
    expect(await page.getByRole('button', { name: 'Unified' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'Split' }).click();
    await page.locator('.contract-diff .original .view-line', { hasText: 'description: Kind of cheese' }).waitFor();
    expect(await page.getByRole('button', { name: 'Split' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('compares a contract opened from a file with that file in the diff, and with the design when asked', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    const text = [
      'apiVersion: v3.1.0',
      'kind: DataContract',
      'id: vitals',
      'name: Vitals',
      'version: 1.0.0',
      'status: active',
      'schema:',
      '  - name: vitals',
      '    properties:',
      '      - name: patient_id',
      '        logicalType: string',
      '      - name: pulse',
      '        logicalType: integer',
      '',
    ].join('\n');
    await openContractFile(page, 'vitals.odcs.yaml', text);
    await openContract(page, 'Vitals');
    await showView(page, 'Form');
    await page.getByRole('button', { name: 'Remove pulse' }).click();

    await showView(page, 'Diff');
    const baseline = page.getByTestId('diff-baseline');
    await baseline.filter({ hasText: 'Against vitals.odcs.yaml as last opened or saved' }).waitFor();
    expect(await page.getByTestId('breaking-count').textContent()).toContain('1 breaking change');

    // Breaking changes are judged against the file as opened: that is the design's baseline of the contract too.
    await page
      .getByRole('group', { name: 'Compare with' })
      .getByRole('button', { name: "the design's baseline" })
      .click();
    await baseline.filter({ hasText: "Against the design's baseline" }).waitFor();
    expect(await page.getByTestId('breaking-count').textContent()).toContain('1 breaking change');
  });

  it('opens a contract file whose id the design has through a dialog called Open contract, then saves it back to that file', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(
      page,
      'clinic.mesh.json',
      serializeMesh(aMesh().withContract('vitals', { name: 'Vitals' }).build()),
    );
    const text = aContract('vitals', { name: 'Vitals', version: '1.1.0', status: 'active' }).odcs;
    await openContractFile(page, 'vitals.odcs.yaml', text);
    // Called what the user asked for, not an import of one file.
    const dialog = page.getByRole('dialog', { name: 'Open contract' });
    await dialog.waitFor();
    expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toBe('Open contract');
    expect(await dialog.getByRole('button', { name: 'Import' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Opened 1 of 1 contract file.' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save to vitals.odcs.yaml' }).click();
    expect(readFileSync(await (await download).path(), 'utf8')).toContain('version: 1.1.0');
    await page.getByRole('status').filter({ hasText: 'Saved Vitals to vitals.odcs.yaml.' }).waitFor();
  });

  it('holds a contract opened from a file to the version rule against that file: reported, warned at Save, fixed in one click', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openPublishedCheeseBatch(page);
    // Gouda no longer allowed, and cheese_type required: two breaking changes under 1.0.0 still.
    await caretAfter(page, '- value: gouda');
    await page.keyboard.press('Control+Shift+K');
    await caretAfter(page, 'description: Kind of cheese');
    await page.keyboard.press('Enter');
    await page.keyboard.type('required: true');

    const changes = page.getByTestId('contract-changes');
    await changes.filter({ hasText: 'breaking changes need a new major version: 2.0.0 instead of 1.0.0' }).waitFor();
    await page.getByTestId('problem-counts').click();
    const breakingChange = page.locator('[data-testid="problem"][data-rule="breaking-changes"]');
    await breakingChange.waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save to cheese-batch.odcs.yaml' }).click();
    expect(readFileSync(await (await download).path(), 'utf8')).toContain('version: 1.0.0');
    const warning = page.getByRole('alert').filter({ hasText: 'under a version its changes do not allow' });
    await warning.waitFor();
    expect(await breakingChange.count()).toBe(1);

    await warning.getByRole('button', { name: 'Bump to 2.0.0' }).click();
    await breakingChange.waitFor({ state: 'detached' });
    await page.locator('.yaml-editor .view-line', { hasText: 'version: 2.0.0' }).waitFor();
    expect(await changes.filter({ hasText: 'breaking changes need' }).count()).toBe(0);
  });
  it('never says a contract is in sync with the design while it breaks its baseline under the same version', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openPublishedCheeseBatch(page);
    await page.locator('.sync-badge--ok').waitFor();
    await caretAfter(page, '- value: gouda');
    await page.keyboard.press('Control+Shift+K');

    const inDesignWithError = page.getByTestId('sync-with-errors').filter({ hasText: 'In the design, with 1 error' });
    await inDesignWithError.waitFor();
    await showView(page, 'Form');
    await inDesignWithError.waitFor();
    expect(await page.locator('.sync-badge--ok').count()).toBe(0);
  });

  it('previews the contract as a document and draws its schema', async () => {
    const page = await sampleOrderContract(session);
    await showView(page, 'Preview');
    const preview = page.getByTestId('contract-preview');
    await preview.waitFor();
    expect(await preview.locator('h1').textContent()).toBe('Order');
    expect(await preview.textContent()).toContain('one of: placed, paid, shipped, delivered, cancelled');
    await showView(page, 'Diagram');
    await page.getByTestId('schema-table-orders').waitFor();
    expect(await page.getByTestId('schema-table-orders').textContent()).toContain('order_id');
  });

  it('marks the ODCS 3.2 measures in the schema diagram, computed when queried, and no other field', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    const text = readFileSync(
      new URL('../fixtures/odcs/v3.2.0/measures-and-dimensions.odcs.yaml', import.meta.url),
      'utf8',
    );
    await openContractFile(page, 'turnover.odcs.yaml', text);
    await openContract(page, 'turnover_metrics');
    await showView(page, 'Diagram');
    const table = page.getByTestId('schema-table-turnover');
    await table.waitFor();
    const measures = table.locator('.schema-table__field').filter({ has: page.locator('.schema-table__measure') });
    expect(await measures.evaluateAll((fields) => fields.map((field) => field.getAttribute('data-field')))).toEqual([
      'total_turnover_euros',
      'nb_receipts',
      'average_basket_value',
    ]);
  });

  it('draws a foreign key to a table outside the contract as external, not among its tables, and lists it when no contract has that table', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    const text = [
      'apiVersion: v3.1.0',
      'kind: DataContract',
      'id: vet-invoices',
      'name: Vet invoices',
      'version: 1.0.0',
      'status: active',
      'schema:',
      '  - name: vet_invoices',
      '    properties:',
      '      - name: claim_id',
      '        logicalType: integer',
      '        relationships:',
      '          - type: foreignKey',
      '            to: nosuchtable.nosuchcol',
      '',
    ].join('\n');
    await openContractFile(page, 'vet-invoices.odcs.yaml', text);
    await openContract(page, 'Vet invoices');
    await showView(page, 'Diagram');
    const diagram = page.getByTestId('contract-diagram');
    await diagram.getByText('1 table, 1 relationship, 1 external table it refers to.').waitFor();
    const outside = page.getByTestId('schema-table-nosuchtable');
    expect(await outside.getAttribute('class')).toContain('schema-table--external');
    expect(await outside.locator('.schema-table__external').textContent()).toBe('external');

    await page.getByTestId('problem-counts').click();
    await page
      .getByTestId('problem')
      .filter({
        hasText: "'nosuchtable.nosuchcol' names schema object 'nosuchtable', which neither this contract nor another",
      })
      .waitFor();
  });

  it('serves a contract from an existing output port without one, namesake products told apart by their domain', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = aMesh()
      .withDomain('cold', { name: 'Cold Chain' })
      .withDomain('dry', { name: 'Dry Goods' })
      .withProduct('cold-orders', 'cold', {
        name: 'Meal Orders',
        outputPorts: [aPort('dataset', 'output', { name: 'dataset' })],
      })
      .withProduct('dry-orders', 'dry', { name: 'Meal Orders' })
      .withContract('deliveries', { name: 'Deliveries' })
      .build();
    await openByChooser(page, 'meals.mesh.json', serializeMesh(placedOnAGrid(mesh)));
    await openContract(page, 'Deliveries');

    const serve = page.getByLabel('Serve it from');
    expect(await serve.locator('option:not([disabled])').allTextContents()).toEqual([
      'Meal Orders (Cold Chain) · dataset',
      'Meal Orders (Cold Chain) · new output port',
      'Meal Orders (Dry Goods) · new output port',
    ]);
    await serve.selectOption({ label: 'Meal Orders (Cold Chain) · dataset' });
    await page.getByTestId('contract-unserved').waitFor({ state: 'detached' });
    expect(await page.locator('.react-flow__node[data-id="cold-orders"] .port--output').count()).toBe(1);
  });

  it('previews each field’s value constraints: its pattern, bounds and lengths', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    const text = [
      'apiVersion: v3.1.0',
      'kind: DataContract',
      'id: milk-collection',
      'name: Milk collection',
      'version: 1.0.0',
      'status: active',
      'schema:',
      '  - name: collections',
      '    properties:',
      '      - name: farm_id',
      '        logicalType: string',
      '        required: true',
      '        primaryKey: true',
      '        logicalTypeOptions:',
      "          pattern: '^FR[0-9]{10}$'",
      '          maxLength: 12',
      '      - name: volume_l',
      '        logicalType: number',
      '        logicalTypeOptions:',
      '          minimum: 0',
      '          maximum: 40000',
      '      - name: temperature_c',
      '        logicalType: number',
      '        logicalTypeOptions:',
      '          minimum: -2',
      '          maximum: 12',
      '',
    ].join('\n');
    await openContractFile(page, 'milk-collection.odcs.yaml', text);
    await openContract(page, 'Milk collection');
    await showView(page, 'Preview');
    const table = page.getByTestId('contract-preview').locator('table').first();
    await table.waitFor();
    expect(await table.locator('th').allTextContents()).toContain('Constraints');
    const rowOf = async (field: string) =>
      (await table.locator('tr', { has: page.locator('code', { hasText: field }) }).textContent()) ?? '';
    expect(await rowOf('farm_id')).toContain('at most 12 characters, matches ^FR[0-9]{10}$');
    expect(await rowOf('volume_l')).toContain('at least 0, at most 40000');
    expect(await rowOf('temperature_c')).toContain('at least -2, at most 12');
  });

  it('says above the form why renaming a field written as a YAML alias changes nothing', async () => {
    const page = await session.openApp();
    await newBlankDesign(page);
    const anchored = [
      'apiVersion: v3.1.0',
      'kind: DataContract',
      'id: anchors',
      'name: Anchors',
      'version: 1.0.0',
      'status: active',
      'schema:',
      '  - name: a',
      '    properties:',
      '      - &idprop',
      '        name: id',
      '        logicalType: string',
      '  - name: b',
      '    properties:',
      '      - *idprop',
      '',
    ].join('\n');
    await openDroppedContract(page, 'Anchors', anchored);
    await showView(page, 'Form');
    await page.getByRole('table', { name: 'Fields of b' }).getByLabel('Field name').fill('b_id');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Not changed: schema[1].properties[0] is an alias (*idprop)' })
      .waitFor();
  });

  it('colours a form section’s problem count as a warning when its findings are only warnings', async () => {
    const page = await session.openApp();
    await newBlankDesign(page);
    const keyNotRequired = [
      'apiVersion: v3.1.0',
      'kind: DataContract',
      'id: players',
      'name: Players',
      'version: 1.0.0',
      'status: active',
      'schema:',
      '  - name: players',
      '    properties:',
      '      - name: player_id',
      '        logicalType: string',
      '        primaryKey: true',
      '',
    ].join('\n');
    await openDroppedContract(page, 'Players', keyNotRequired);
    await showView(page, 'Form');
    const badge = page.locator('.form-section > summary', { hasText: 'Schema' }).locator('.form-section__problems');
    await badge.waitFor();
    expect(await badge.getAttribute('class')).toContain('problem--warning');
  });

  it('makes a field chosen as a map a valid map whose key and value types the form edits', async () => {
    const page = await sampleOrderContract(session);
    await page.getByRole('button', { name: 'Upgrade to v3.2.0' }).click();
    await page.locator('.yaml-editor .view-line', { hasText: 'apiVersion: v3.2.0' }).waitFor();
    await showView(page, 'Form');
    await page.getByLabel('total type').selectOption('map');
    await page.getByRole('button', { name: 'Details of total' }).click();
    const details = page.getByRole('region', { name: 'Field details' });
    await details.getByLabel('Value type').fill('number');
    expect(await details.getByLabel('Key type').inputValue()).toBe('string');
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    expect(await page.getByText(/Not applied/).count()).toBe(0);
    await showView(page, 'Preview');
    await page.getByTestId('contract-preview').filter({ hasText: 'map' }).waitFor();
  });
  it('shows the first field of a 2 MB contract in the form at once, and its last when scrolled to the end', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await newBlankDesign(page);
    const text = aWideContractText(10_000);
    expect(text.length).toBeGreaterThan(2_000_000);
    await openContractFile(page, 'wide.odcs.yaml', text);
    await openContract(page, 'Wide');

    const fieldNames = page
      .getByRole('table', { name: 'Fields of wide_table' })
      .getByRole('textbox', { name: 'Field name' });
    const startedAt = Date.now();
    await showView(page, 'Form');
    await fieldNames.first().waitFor();
    // A bound well above the 2 s goal (npm run bench contract-form times it) and below the 10 s and more it took.
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(await fieldNames.first().inputValue()).toBe('field_00000');

    const form = page.getByRole('form', { name: 'Contract form' });
    await expect
      .poll(async () => {
        await form.evaluate((element) => element.scrollTo(0, element.scrollHeight));
        return fieldNames.last().inputValue();
      })
      .toBe('field_09999');
  });
  it('opens a contract file with a duplicate key as a draft in the YAML editor, and puts it in the design once fixed', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');
    await openContractFile(page, 'vitals.odcs.yaml', VITALS_WITH_STATUS_TWICE);
    await page.locator('.yaml-editor .monaco-editor').waitFor();
    await page.getByTestId('out-of-sync').filter({ hasText: 'Not applied: 1 problem:' }).waitFor();
    expect(await problems(page)).toContain("the key 'status' appears twice");
    const contracts = page.getByRole('region', { name: 'Contracts' });
    expect(await contracts.getByText('Vitals').count()).toBe(0);
    await page.getByRole('tab', { name: /^Vitals\b/ }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save to vitals.odcs.yaml' }).click();
    const saved = await download;
    expect(readFileSync(await saved.path(), 'utf8')).toBe(VITALS_WITH_STATUS_TWICE);
    await page.getByRole('status').filter({ hasText: 'Saved Vitals to vitals.odcs.yaml as written' }).waitFor();

    await caretAfter(page, 'status: draft');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await contracts.getByRole('button', { name: /^Vitals\s*entity/ }).waitFor();
    expect(await page.getByTestId('out-of-sync').count()).toBe(0);
  });

  it("offers a design rule's one-click fix among the contract's problems: a missing transformation, added in one step", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = aMesh()
      .withDomain('shop')
      .withSystem('webshop', 'shop')
      .withProduct('online-orders', 'shop', {
        inputPorts: [aPort('in', 'input')],
        outputPorts: [aPort('dataset', 'output', { contractId: 'orders' })],
      })
      .withContract('orders', { name: 'Online Orders' })
      .withLink(
        'webshop-to-orders',
        { nodeId: 'webshop', portId: 'items-cdc' },
        { nodeId: 'online-orders', portId: 'in' },
      )
      .build();
    await openByChooser(page, 'orders.mesh.json', serializeMesh(placedOnAGrid(mesh)));
    await openContract(page, 'Online Orders');
    const contractProblems = page.getByTestId('contract-problems');
    await contractProblems.filter({ hasText: 'nothing in the product makes it' }).waitFor();

    await contractProblems.getByRole('button', { name: "Add transformation 'orders'" }).click();
    await page.locator('.contract-problems--none').waitFor();
    await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
    await contractProblems.filter({ hasText: 'nothing in the product makes it' }).waitFor();
  });

  it("counts and lists the error a contract causes at the port serving it: a required field the port's table lacks", async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const mesh = aGovernedMesh();
    mesh.scenarios.push(aBusyDay());
    mesh.contracts = mesh.contracts.map((contract) =>
      contract.id === 'customers' ? requiringBookedAt(contract) : contract,
    );
    await openByChooser(page, 'shop.mesh.json', serializeMesh(placedOnAGrid(mesh)));
    await openContract(page, 'Customers');

    await page.getByTestId('sync-with-errors').filter({ hasText: 'In the design, with 1 error' }).waitFor();
    const atPort = page
      .getByTestId('contract-problems')
      .getByRole('button', { name: /^Customers › output port customers .*has no field 'booked_at'/ });
    await atPort.click();
    await page.locator('.react-flow__node.selected', { hasText: 'Customers' }).waitFor();
  });

  it('keeps a fixed draft that cannot join the design open as a draft, the clash listed with what to do', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    const uncaught: string[] = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    const mesh = aMesh()
      .withDomain('finance')
      .withProduct('billing', 'finance', {
        outputPorts: [aPort('bills', 'output', { contractId: 'tax_bill' })],
      })
      .withContract('tax_bill', { name: 'Tax bills' })
      .build();
    await openByChooser(page, 'tax.mesh.json', serializeMesh(placedOnAGrid(mesh)));
    const clashing =
      'apiVersion: v3.1.0\nkind: DataContract\nid: tbdup\nname: Tax bills again\nversion: 1.0.0\nstatus: active\nstatus: retired\n' +
      'dataProduct: billing\nschema:\n  - name: tax_bill\n    properties:\n      - name: id\n        logicalType: string\n';
    await openContractFile(page, 'tbdup.odcs.yaml', clashing);
    await page.getByTestId('out-of-sync').filter({ hasText: 'Not applied: 1 problem:' }).waitFor();

    await caretAfter(page, 'status: retired');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.getByTestId('contract-problems').filter({ hasText: "'tax_bill' would name both" }).waitFor();
    expect(await problems(page)).toContain('rename the table, or serve the contract from another product');
    expect(await page.getByTestId('out-of-sync').textContent()).toContain('Not applied: 1 problem:');
    expect(await page.getByRole('tab', { name: /^Tax bills again\b/ }).count()).toBe(1);
    expect(await yamlLinesStartingWith(page, 'status:')).toEqual(['status: active']);
    expect(uncaught).toEqual([]);
  });

  it('says a draft cannot be served until its YAML is fixed, rather than doing nothing, and serves it once fixed', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');
    await openContractFile(page, 'vitals.odcs.yaml', VITALS_WITH_STATUS_TWICE);
    await page.getByTestId('out-of-sync').waitFor();
    const serve = page.getByLabel('Serve it from');
    expect(await serve.isDisabled()).toBe(true);
    expect(await serve.getAttribute('title')).toBe(
      'Fix the YAML first: a draft is not in the design, so no port can serve it',
    );
    expect(await page.getByTestId('contract-unserved').textContent()).toContain('Fix the YAML first');

    await caretAfter(page, 'status: draft');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page
      .getByRole('region', { name: 'Contracts' })
      .getByRole('button', { name: /^Vitals\s*entity/ })
      .waitFor();
    await serve.selectOption({ label: 'orders · new output port' });
    await page.locator('.react-flow__node-product .port--output', { hasText: 'vitals' }).waitFor();
  });
});

/** Drops a contract file on the window, imports it and opens it in the editor. */
async function openDroppedContract(page: Page, name: string, text: string): Promise<void> {
  await dropFiles(page, [{ name: `${name.toLowerCase()}.odcs.yaml`, text }]);
  const listed = page.getByRole('region', { name: 'Contracts' }).getByRole('button', { name: new RegExp(`^${name}`) });
  const importButton = page.getByTestId('import-dialog').getByRole('button', { name: 'Import' });
  await listed.or(importButton).first().waitFor();
  if ((await importButton.count()) > 0) await importButton.click();
  await listed.click();
}

/** A contract whose `status` appears twice: valid YAML to read, refused as a contract. */
const VITALS_WITH_STATUS_TWICE =
  'apiVersion: v3.1.0\nkind: DataContract\nid: vitals\nname: Vitals\nversion: 1.0.0\nstatus: active\nstatus: draft\nschema: []\n';

/** The text of the diff's rows marked inserted, top to bottom, a wrapped line's rows read as one line. */
async function insertedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('.contract-diff .modified .view-line')];
    const insertedTops = [...document.querySelectorAll('.contract-diff .modified .line-insert')].map(
      (mark) => mark.getBoundingClientRect().top,
    );
    return rows
      .filter((row) => insertedTops.includes(row.getBoundingClientRect().top))
      .sort((above, below) => above.getBoundingClientRect().top - below.getBoundingClientRect().top)
      .map((row) => row.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  });
}

/** A blank design with the published cheese batch contract opened from its file, which is its baseline. */
async function openPublishedCheeseBatch(page: Page): Promise<void> {
  await newBlankDesign(page);
  await openContractFile(page, 'cheese-batch.odcs.yaml', CHEESE_BATCH_PUBLISHED);
  await openContract(page, 'Cheese batch');
}

/** Opens a contract file through the Contracts section's Open contract… and the browser's file chooser. */
/** Opens the form of a contract, PSC Inspection, whose one object has the one field, and that field's details. */
async function openFieldDetails(page: Page, field: string, fieldLines: readonly string[]): Promise<void> {
  await newBlankDesign(page);
  const text = [
    'apiVersion: v3.1.0',
    'kind: DataContract',
    'id: psc-inspection',
    'name: PSC Inspection',
    'version: 1.0.0',
    'status: active',
    'schema:',
    '  - name: inspections',
    '    properties:',
    `      - name: ${field}`,
    ...fieldLines,
    '',
  ].join('\n');
  await openContractFile(page, 'psc-inspection.odcs.yaml', text);
  await openContract(page, 'PSC Inspection');
  await showView(page, 'Form');
  await page.getByRole('button', { name: `Details of ${field}` }).click();
}

/** Opens every section of the field details panel, whose inputs are hidden while closed. */
async function openFieldSections(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('.field-panel details'))
      (details as HTMLDetailsElement).open = true;
  });
}

/** How far (px) `inner` reaches past the inside of `widget`'s border, on the right and at the bottom: where it is cut off. */
async function overhangInside(page: Page, widget: string, inner: string): Promise<{ right: number; bottom: number }> {
  return page.locator(widget).evaluate((element, inner) => {
    const outer = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const content = (element.querySelector(inner) as Element).getBoundingClientRect();
    return {
      right: Math.max(0, Math.round(content.right - (outer.right - Number.parseFloat(style.borderRightWidth)))),
      bottom: Math.max(0, Math.round(content.bottom - (outer.bottom - Number.parseFloat(style.borderBottomWidth)))),
    };
  }, inner);
}

/** The e-commerce sample open, its Order contract in the editor. */
async function sampleOrderContract(session: AppSession): Promise<Page> {
  const page = await session.openApp();
  await openSampleDesign(page, 'ecommerce');
  await openContract(page, 'Order');
  return page;
}
