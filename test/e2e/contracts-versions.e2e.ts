import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium } from './app-driver';
import { caretAtEndOf, dropFiles, suggestionRows } from './contract-driver';
import { newBlankDesign } from './designer-driver';

const FIXTURES = join(import.meta.dirname, '../fixtures/odcs');

/**
 * Official ODCS examples, one per version the app reads, each with a line at the depth of a
 * schema object, of a property and of a quality rule (its caret goes at the end of that line),
 * and a key that object lacks, which completion offers there.
 */
const VERSIONS = [
  {
    apiVersion: 'v3.0.2',
    // Saved with Windows line endings (CRLF), as it comes from the ODCS repository.
    file: 'examples/kafka-schema.odcs.yaml',
    name: 'Orders Event Stream',
    objectLine: 'description: Orders Kafka topic',
    missingObjectKey: 'quality',
    propertyLine: 'businessName: Quantity',
    quality: undefined,
  },
  {
    apiVersion: 'v3.1.0',
    file: 'examples/full-example.odcs.yaml',
    name: 'my quantum',
    objectLine: 'dataGranularityDescription: Aggregation on columns txn_ref_dt',
    missingObjectKey: 'logicalType',
    propertyLine: 'physicalName: txn_ref_dt',
    quality: 'description: column should not contain null values',
  },
  {
    apiVersion: 'v3.2.0',
    file: 'v3.2.0/full-example.odcs.yaml',
    name: 'my quantum',
    objectLine: 'dataGranularityDescription: Aggregation on columns txn_ref_dt',
    missingObjectKey: 'logicalType',
    propertyLine: 'physicalName: txn_ref_dt',
    quality: 'description: column should not contain null values',
  },
];

type Version = (typeof VERSIONS)[number];

async function openOfficialExample(page: Page, version: Version): Promise<void> {
  await newBlankDesign(page);
  await dropFiles(page, [
    { name: version.file.split('/').at(-1) ?? '', text: readFileSync(join(FIXTURES, version.file), 'utf8') },
  ]);
  // A file that conflicts with nothing is imported without asking.
  const listed = page
    .getByRole('region', { name: 'Contracts' })
    .getByRole('button', { name: new RegExp(`^${version.name}`) });
  const importButton = page.getByTestId('import-dialog').getByRole('button', { name: 'Import' });
  await listed.or(importButton).first().waitFor();
  if ((await importButton.count()) > 0) await importButton.click();
  await listed.click();
  await page.locator('.yaml-editor .view-line', { hasText: `apiVersion: ${version.apiVersion}` }).waitFor();
}

/** What Ctrl+Space offers on a new line below the caret's, typed `typed` so far. */
async function completionsBelow(page: Page, line: string, typed = ''): Promise<string[]> {
  await caretAtEndOf(page, line);
  await page.keyboard.press('Enter');
  await page.keyboard.type(typed);
  await page.keyboard.press('Control+Space');
  const rows = suggestionRows(page);
  await rows.first().waitFor();
  const labels = (await rows.allTextContents()).map((label) => label.split(/\s/)[0] ?? '');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  return labels;
}

describeInChromium('completion, hovers and problems for every ODCS version in the built app', (session) => {
  // One page per version: completion works the same with the unknown field F8 went to still in
  // the document (its leftover lines would put more problems before that one).
  it.each(VERSIONS)(
    '$apiVersion: completes schema keys a mapping lacks and values at every depth, shows the schema documentation of a nested key on hover, and goes to a problem in a nested property with F8',
    async (version) => {
      const page = await session.openApp();
      await openOfficialExample(page, version);

      await expectHoverDocumentation(page, version);
      await expectF8GoesToNestedProblem(page, version);
      // Closes the problem's peek widget.
      await page.keyboard.press('Escape');

      // The keys the mapping lacks, not those it has.
      const objectKeys = await completionsBelow(page, version.objectLine);
      expect(objectKeys).toContain(version.missingObjectKey);
      expect(objectKeys).not.toContain('properties');
      const propertyKeys = await completionsBelow(page, version.propertyLine, 'log');
      expect(propertyKeys).toContain('logicalTypeOptions');
      expect(propertyKeys).not.toContain('logicalType');
      const types = await completionsBelow(page, version.propertyLine, 'logicalType: ');
      expect(types).toEqual(expect.arrayContaining(['string', 'integer', 'timestamp']));
      expect(types.includes('map')).toBe(version.apiVersion === 'v3.2.0');
      if (version.quality) {
        // A library rule (metric: nullValues) with its operator (mustBe: 0) is offered its own keys:
        // no second operator, no custom rule's engine.
        const ruleKeys = await completionsBelow(page, version.quality);
        expect(ruleKeys).toContain('unit');
        expect(ruleKeys).not.toContain('mustBeGreaterThan');
        expect(ruleKeys).not.toContain('engine');
      }
    },
  );
});

async function expectHoverDocumentation(page: Page, version: Version): Promise<void> {
  await caretAtEndOf(page, version.propertyLine);
  const key = page.locator('.yaml-editor .view-line span', { hasText: /^businessName$/ });
  await key.first().hover();
  await page.locator('.monaco-hover:not(.hidden)', { hasText: 'The business name of the element.' }).waitFor();
}

async function expectF8GoesToNestedProblem(page: Page, version: Version): Promise<void> {
  await caretAtEndOf(page, version.propertyLine);
  await page.keyboard.press('Enter');
  await page.keyboard.type('colour: blue');
  await page.locator('.yaml-editor .squiggly-error').first().waitFor({ state: 'attached' });
  await page.keyboard.press('Control+Home');
  const marker = page.locator('.marker-widget', { hasText: "unknown field 'colour'" });
  for (let press = 0; press < 10 && (await marker.count()) === 0; press++) {
    await page.keyboard.press('F8');
    await page.locator('.marker-widget').waitFor();
  }
  await marker.waitFor();
}
