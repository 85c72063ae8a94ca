import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, inEachColorScheme, monacoEditorDrawn } from './app-driver';
import {
  caretAfter,
  caretAtEndOf,
  openContract,
  openQuickFix,
  problems,
  showView,
  suggestionRows,
} from './contract-driver';
import {
  addProductByKey,
  clickLink,
  emptyCanvasPoint,
  newBlankDesign,
  openSampleDesign,
  productNode,
  selectDomain,
  systemNode,
} from './designer-driver';
import { exportDialog, openExportDialog } from './export-driver';
import {
  enterSimulate,
  fireRedelivery,
  openEditedSample,
  openTab,
  runQuery,
  runTo,
  step,
  traceOrder1000,
} from './simulation-driver';

const AXE_SCRIPT = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SAMPLE = JSON.parse(
  readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
) as { contracts: { odcs: string[] }[] };
/** The sample's first contract as its own file: opened or imported into the sample, its id is taken, so the dialog asks. */
const SAMPLE_CONTRACT = {
  name: 'order-placed.odcs.yaml',
  mimeType: 'application/yaml',
  buffer: Buffer.from(SAMPLE.contracts[0]?.odcs.join('\n') ?? ''),
};

/**
 * Violations inside third-party widgets that the app cannot reasonably change, each by its rule
 * and the selector of the element axe names, never a rule turned off for the whole page. None
 * today: Monaco's editors and React Flow's canvas pass these rules on every screen walked here.
 */
const THIRD_PARTY_VIOLATIONS: readonly { rule: string; selector: string; why: string }[] = [];

interface AxeViolation {
  id: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** What axe finds on the screen in the light theme and in the dark, as `theme screen: rule at selector | element | why`. */
async function violationsInEitherTheme(page: Page, screen: string): Promise<string[]> {
  const found = await inEachColorScheme(page, (colorScheme) => violationsOn(page, `${colorScheme} ${screen}`));
  return found.flat();
}

/** What axe finds on the page, as `screen: rule at selector | element | why`, less the third-party ones. */
async function violationsOn(page: Page, screen: string): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy refuses an added <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SCRIPT}\n;true`);
  const violations = await page.evaluate(async (tags) => {
    const axe = Reflect.get(window, 'axe') as {
      run(context: Document, options: object): Promise<{ violations: unknown }>;
    };
    return (await axe.run(document, { runOnly: tags })).violations as AxeViolation[];
  }, WCAG_AA);
  return violations.flatMap((violation) =>
    violation.nodes
      .map((node) => ({ selector: node.target.join(' '), node }))
      .filter(({ selector }) =>
        THIRD_PARTY_VIOLATIONS.every((known) => known.rule !== violation.id || known.selector !== selector),
      )
      .map(
        ({ selector, node }) =>
          `${screen}: ${violation.id} at ${selector} | ${node.html.slice(0, 160)} | ${node.failureSummary?.replace(/\s+/g, ' ')}`,
      ),
  );
}

describeInChromium('accessibility of every screen (axe, WCAG 2.1 AA)', (session) => {
  // Each screen is checked in both themes as it is reached: walking to it twice took as long again.
  it('finds no violation on any screen, in the light theme and in the dark', { timeout: 240_000 }, async () => {
    const page = await session.openApp();
    const found: string[] = [];
    const check = async (screen: string) => {
      found.push(...(await violationsInEitherTheme(page, screen)));
    };
    await check('start');
    await openSampleDesign(page, 'ecommerce');
    await check('canvas');
    const problemCountsAsSeen = page.getByRole('button', {
      name: 'Problems: 0 errors, 0 warnings, 1 info',
      exact: true,
    });
    const problemCountsNamed = await problemCountsAsSeen.count();
    await productNode(page, 'orders').click();
    await check('product inspector');
    await selectDomain(page, 'Shipping');
    await check('domain inspector');
    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    await check('system inspector');
    await clickLink(page, 'l-orders-360');
    await check('link inspector');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Impact' }).click();
    await check('impact');
    await page.getByRole('tab', { name: 'Problems' }).click();
    await check('problems');
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('dialog-commands').waitFor();
    await check('command palette');
    await page.keyboard.press('Escape');
    await page.getByTestId('dialog-commands').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+k');
    await page.getByTestId('dialog-quick-search').waitFor();
    await page.keyboard.type('ord');
    await check('quick search');
    await page.keyboard.press('Escape');
    const empty = await emptyCanvasPoint(page);
    await page.mouse.click(empty.x, empty.y, { button: 'right' });
    await page.getByTestId('context-menu').waitFor();
    await check('canvas context menu');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Notices \(\d+\)$/ }).click();
    await check('notices');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Image of the canvas…' }).click();
    await page.getByTestId('dialog-canvas-image').waitFor();
    await check('canvas image');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.mouse.click(empty.x, empty.y);
    await page.keyboard.press('?');
    await page.getByTestId('dialog-shortcuts').waitFor();
    const focusedInSheet = await page.evaluate(() => document.activeElement?.textContent);
    await check('shortcut sheet');
    await page.keyboard.press('Escape');
    await page.getByTestId('dialog-shortcuts').waitFor({ state: 'detached' });
    await openExportDialog(page);
    await monacoEditorDrawn(exportDialog(page).locator('.export-preview'));
    await check('export');
    await page.keyboard.press('Escape');
    await exportDialog(page).waitFor({ state: 'detached' });
    await page.getByTestId('mesh-inspector').getByRole('button', { name: 'Logical view…' }).click();
    await page.getByTestId('diagram-picture').locator('svg').waitFor();
    await monacoEditorDrawn(page.getByTestId('diagram-text'));
    await check('logical view');
    await page.getByRole('button', { name: 'Close the diagram' }).click();
    await openContract(page, 'Order');
    await monacoEditorDrawn(page.locator('.yaml-editor'));
    await check('contract yaml');
    // Completion at the end of a value lists the values it may take, the text left as it is.
    await caretAfter(page, 'logicalType: integer');
    await page.keyboard.press('Control+Space');
    await suggestionRows(page).first().waitFor();
    await check('contract yaml completion');
    await page.keyboard.press('Escape');
    await caretAtEndOf(page, 'property: keepHistory');
    await page
      .locator('.yaml-editor .view-line span', { hasText: /^keepHistory$/ })
      .first()
      .hover();
    await page.locator('.monaco-hover:not(.hidden)', { hasText: 'keeps an entity’s history' }).waitFor();
    await check('contract yaml hover');
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover:not(.hidden)').waitFor({ state: 'detached' });
    // A misspelt key, fixed by its quick fix: the contract's text is as it was.
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.insertText('keephistory');
    // Asked once the problem is marked: an earlier Ctrl+. leaves "No code actions" fading, half drawn.
    await expect.poll(() => problems(page)).toContain("did you mean 'keepHistory'");
    await openQuickFix(page, "Change to 'keepHistory'");
    await check('contract yaml quick fix');
    await page.keyboard.press('Enter');
    await page.locator('.yaml-editor .view-line', { hasText: 'property: keepHistory' }).waitFor();
    await showView(page, 'Form');
    await check('contract form');
    await showView(page, 'Diagram');
    await check('contract diagram');
    await showView(page, 'Preview');
    await check('contract preview');
    await showView(page, 'Diff');
    // Monaco's diff editor loads after the view shows: checked once both its sides are there.
    await page.locator('.modified-in-monaco-diff-editor .native-edit-context').waitFor({ state: 'attached' });
    await check('contract diff');
    await enterSimulate(page);
    await runTo(page, 6);
    await openTab(page, 'Inspect');
    // The orders' messages: updates among them, whose changed fields are highlighted.
    await page.getByTestId('rf__edge-l-orders-cdc').click();
    await page.locator('.record-table tr.is-changed').first().waitFor();
    await check('simulate inspect');
    await traceOrder1000(page);
    await check('simulate trace');
    await openTab(page, 'Metrics');
    await check('simulate metrics');
    await runQuery(page, 'orders', 'SELECT 1 AS one');
    await page.getByText('1 row in').waitFor();
    await monacoEditorDrawn(page.getByTestId('sql-editor'));
    await check('simulate sql');
    await openTab(page, 'Scenario');
    await monacoEditorDrawn(page.getByTestId('scenario-editor'));
    await check('simulate scenario');
    await openTab(page, 'Faults');
    await check('simulate faults');
    await page.getByRole('button', { name: 'Present' }).first().click();
    await page.getByTestId('presenter').waitFor();
    await check('presenter');
    expect(found).toEqual([]);
    // The shortcut sheet's Close holds the focus as it opens, from where the keys scroll the sheet.
    expect(focusedInSheet).toBe('Close');
    // The status bar's counts are read as they are seen, without their signs, each with its noun.
    expect(problemCountsNamed).toBe(1);
  });

  it('finds no violation on the import dialogs, errors, a new design and faults, in the light theme and in the dark', {
    timeout: 240_000,
  }, async () => {
    const found: string[] = [];
    const checker = (page: Page) => async (screen: string) => {
      found.push(...(await violationsInEitherTheme(page, screen)));
    };

    // Files are opened through the browser's file chooser, as in browsers without the File System Access API.
    const openApp = () => session.openApp({ withoutFileSystemAccess: true });
    const sample = await openApp();
    const check = checker(sample);
    await openSampleDesign(sample, 'ecommerce');
    await sample.getByTestId('mesh-inspector').getByRole('button', { name: 'Import Mermaid…' }).click();
    await sample.getByRole('textbox', { name: 'Mermaid flowchart' }).fill('sequenceDiagram\n  A->>B: hi');
    await sample.getByTestId('import-errors').waitFor();
    await check('mermaid import with an error');
    // Lists longer than their pane scroll: a keyboard must reach them to scroll them.
    const flowchart = sample.getByRole('textbox', { name: 'Mermaid flowchart' });
    await flowchart.fill(['flowchart LR', ...Array.from({ length: 30 }, () => 'end')].join('\n'));
    await sample.getByTestId('import-errors').getByText('Line 31:').waitFor();
    await check('mermaid import with many errors');
    await flowchart.fill(
      ['flowchart LR', ...Array.from({ length: 30 }, (_, index) => `  n${index}{Check ${index}}`)].join('\n'),
    );
    await sample.getByTestId('import-warnings').getByText('Line 31:').waitFor();
    await check('mermaid import with many warnings');
    await sample.keyboard.press('Escape');
    await sample.getByTestId('dialog-mermaid-import').waitFor({ state: 'detached' });
    await sample.getByTestId('import-contracts-input').setInputFiles(SAMPLE_CONTRACT);
    await sample.getByTestId('import-dialog').waitFor();
    await check('contract import');
    await sample.getByTestId('import-dialog').getByRole('button', { name: 'Cancel' }).click();
    await sample.getByTestId('import-dialog').waitFor({ state: 'detached' });
    const chooser = sample.waitForEvent('filechooser');
    await sample.getByRole('region', { name: 'Contracts' }).getByRole('button', { name: 'Open contract…' }).click();
    await (await chooser).setFiles(SAMPLE_CONTRACT);
    await sample.getByTestId('import-dialog').waitFor();
    await check('contract open');
    await sample.getByTestId('import-dialog').getByRole('button', { name: 'Cancel' }).click();
    await sample.getByTestId('import-dialog').waitFor({ state: 'detached' });
    await enterSimulate(sample);
    await runTo(sample, 2);
    await openTab(sample, 'Inspect');
    await sample.getByTestId('rf__node-orders').click();
    await sample.getByRole('tablist', { name: 'Tables' }).waitFor();
    await check('simulate inspect of a product’s tables');
    await fireRedelivery(sample, 'orders.public.orders', 1);
    await step(sample);
    await sample.getByTestId('fired-faults').getByText('redeliver').waitFor();
    await check('simulate redelivery fired');
    await sample.close();

    const blank = await openApp();
    await newBlankDesign(blank);
    await addProductByKey(blank, 'orders');
    await checker(blank)('blank design with a new product');
    await blank.close();

    // No Debezium connector reads SQLite: an error the problems list and the system's badge show.
    const withError = await openApp();
    await openEditedSample(withError, 'sqlite.mesh.json', (mesh) => {
      const customers = mesh.systems.find((system) => system.id === 'customers-service');
      if (customers) customers.database.engine = 'sqlite';
    });
    await withError.getByTestId('problem-counts').click();
    await withError.locator('.problem-row--error').first().waitFor();
    await checker(withError)('problems with an error');
    expect(found).toEqual([]);
  });
});
