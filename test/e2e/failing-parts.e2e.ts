import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { openContract, showView } from './contract-driver';
import { counts, openSampleDesign, saveByDownload } from './designer-driver';
import { exportDialog } from './export-driver';
import { openTab, simulateSample, step } from './simulation-driver';

/** Answers the app's requests for one lazily loaded chunk with 404, as after a redeploy or on a flaky network. */
async function failChunk(page: Page, chunk: RegExp): Promise<void> {
  await page.route(chunk, (route) => route.fulfill({ status: 404, body: 'gone' }));
}

const EXPORT_CHUNK = /\/export-dialog-[^/]*\.js(\?.*)?$/;
const DIFF_CHUNK = /\/contract-diff-[^/]*\.js(\?.*)?$/;
const MONACO_CHUNK = /\/editor\.api-[^/]*\.js(\?.*)?$/;
const YAML_LANGUAGE_CHUNK = /\/yaml-[^/]*\.js(\?.*)?$/;

/** Picks a contract in the side panel without waiting for its editor, which may not come. */
async function pickContract(page: Page, name: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Contracts' })
    .getByRole('button', { name: new RegExp(`^${name}\\s*(event|entity)`) })
    .click();
}

describeInChromium('a part of the app that fails to load', (session) => {
  it('shows the export dialog’s failure in its place with a Retry; the design stays on screen and saves', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openSampleDesign(page, 'ecommerce');
    const designCounts = await counts(page);
    await failChunk(page, EXPORT_CHUNK);

    // The toolbar's button, not Ctrl+E: in a full run under load the dialog once never showed after
    // the key pressed as the design opened (cause not found; it passes alone), and the failure is what this test is about.
    await page.getByRole('button', { name: 'Export…' }).click();
    const failure = exportDialog(page).getByRole('alert');
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/^The export dialog could not be loaded: .+Retry$/);
    await screenshot(page, 'failing-part-export');
    // Behind the dialog the window still holds the toolbar and the design.
    expect(await page.getByRole('button', { name: 'Open…' }).count()).toBeGreaterThan(0);
    expect(await counts(page)).toBe(designCounts);

    await page.keyboard.press('Escape');
    await exportDialog(page).waitFor({ state: 'detached' });
    const saved = await saveByDownload(page);
    expect(JSON.parse(saved.text).products.length).toBeGreaterThan(0);

    // Once the chunk is served again, Retry loads it: no reload of the page.
    await page.unrouteAll();
    await page.keyboard.press('Control+e');
    await exportDialog(page).getByRole('button', { name: 'Retry' }).click();
    await exportDialog(page).getByTestId('export-ready').waitFor();
  });

  it('shows a contract view that fails to load in its place, and the other views and tabs go on working', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await openContract(page, 'Order');
    await failChunk(page, DIFF_CHUNK);

    await showView(page, 'Diff');
    const view = page.getByTestId('contract-workspace').getByRole('alert');
    await view.waitFor();
    expect(await view.textContent()).toMatch(/^The contract diff could not be loaded: .+Retry$/);
    await screenshot(page, 'failing-part-diff');
    await showView(page, 'YAML');
    await page.locator('.yaml-editor .monaco-editor').waitFor();

    await page.unrouteAll();
    await showView(page, 'Diff');
    await page.getByTestId('contract-workspace').getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('contract-workspace').getByRole('alert').waitFor({ state: 'detached' });
    expect(await page.getByTestId('contract-workspace').locator('.contract-workspace__view').textContent()).not.toMatch(
      /could not be loaded/,
    );
  });

  it('shows an editor that fails to load in its place with a Retry, and loads it for the next contract once the network is back', async () => {
    const page = await session.openApp();
    const uncaught: string[] = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    await openSampleDesign(page, 'ecommerce');
    await failChunk(page, MONACO_CHUNK);

    await pickContract(page, 'Order');
    const failure = page.getByTestId('contract-workspace').getByRole('alert');
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/^The contract view could not be loaded: .+Retry$/);
    await screenshot(page, 'failing-part-monaco');

    // The failed load is not kept: the next contract loads the editor afresh.
    await page.unrouteAll();
    await openContract(page, 'Customer');
    expect(await page.getByTestId('contract-workspace').getByRole('alert').count()).toBe(0);
    expect(uncaught).toEqual([]);
  });

  it('loads a failed editor again on Retry', async () => {
    const page = await session.openApp();
    await openSampleDesign(page, 'ecommerce');
    await failChunk(page, MONACO_CHUNK);
    await pickContract(page, 'Order');
    await page.getByTestId('contract-workspace').getByRole('alert').waitFor();

    await page.unrouteAll();
    await page.getByTestId('contract-workspace').getByRole('button', { name: 'Retry' }).click();
    await page.locator('.yaml-editor .monaco-editor').waitFor();
    expect(await page.getByTestId('contract-workspace').getByRole('alert').count()).toBe(0);
  });

  it('says so when the YAML highlighting fails to load, instead of throwing on the page', async () => {
    const page = await session.openApp();
    const uncaught: string[] = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    await openSampleDesign(page, 'ecommerce');
    await failChunk(page, YAML_LANGUAGE_CHUNK);

    await pickContract(page, 'Order');
    const failure = page.getByTestId('contract-workspace').getByRole('alert');
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/^The contract view could not be loaded: .+Retry$/);
    expect(uncaught).toEqual([]);

    await page.unrouteAll();
    await page.getByTestId('contract-workspace').getByRole('button', { name: 'Retry' }).click();
    // Highlighted: the keys are drawn in a colour of their own, not all in the text's.
    await page.locator('.yaml-editor .view-line span[class^="mtk"]:not(.mtk1)').first().waitFor();
    expect(await page.getByTestId('contract-workspace').getByRole('alert').count()).toBe(0);
    expect(uncaught).toEqual([]);
  });

  it('shows the SQL console’s failure in its tab, the other tabs and the run going on, and loads it on Retry', async () => {
    const page = await session.openApp();
    const uncaught: string[] = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    await simulateSample(page);
    await failChunk(page, MONACO_CHUNK);

    await openTab(page, 'SQL');
    const failure = page.getByRole('tabpanel').getByRole('alert');
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/^The SQL tab could not be loaded: .+Retry$/);
    await openTab(page, 'Metrics');
    await step(page);
    expect(await page.getByRole('tabpanel').getByRole('alert').count()).toBe(0);

    await openTab(page, 'SQL');
    await failure.waitFor();
    await page.unrouteAll();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('sql-editor').locator('.monaco-editor').waitFor();
    expect(uncaught).toEqual([]);
  });
});
