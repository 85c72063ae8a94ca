import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy';
import { cspViolations, describeInChromium } from './app-driver';
import { productNode } from './designer-driver';
import { currentTick, engineMetrics, openTab, runTo, simulateSample, step, waitForTick } from './simulation-driver';

/** Pastes over the editor's text, as a user would (typing would let the editor indent and close brackets). */
async function replaceEditorText(page: Page, testId: string, text: string): Promise<void> {
  const editor = page.getByTestId(testId);
  await editor.locator('.monaco-editor').waitFor();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((copied) => navigator.clipboard.writeText(copied), text);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
}

const workshop = () => {
  const mesh = JSON.parse(readFileSync(new URL('../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'));
  return mesh.scenarios[0];
};

describeInChromium('working with a simulation', (session) => {
  it('keeps the design read-only while simulating, and the run until the design changes', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 3);

    await productNode(page, 'orders').click();
    await page.keyboard.press('Delete');
    await page.getByText('The design is read-only while simulating.').waitFor();
    expect(await productNode(page, 'orders').count()).toBe(1);
    await page.getByRole('button', { name: 'Back to Design' }).click();
    await productNode(page, 'orders').click();
    await page.getByTestId('product-inspector').waitFor();

    await page.keyboard.press('Control+Shift+S');
    await waitForTick(page, 3);
    await page.keyboard.press('Control+Shift+S');
    await page.getByTestId('product-inspector').getByLabel('Name').first().fill('orders renamed');
    await page.getByTestId('product-inspector').getByLabel('Name').first().press('Enter');
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    await waitForTick(page, 0);
  });

  it('edits the scenario with schema checks and completion (under the desktop CSP); it applies on reset', async () => {
    const page = await session.openApp({ contentSecurityPolicy: CONTENT_SECURITY_POLICY });
    await simulateSample(page);
    await openTab(page, 'Scenario');
    const scenario = workshop();

    await replaceEditorText(page, 'scenario-editor', JSON.stringify({ ...scenario, seed: 'x' }, null, 2));
    await page.locator('[data-testid=scenario-editor] .squiggly-error').first().waitFor();
    await replaceEditorText(
      page,
      'scenario-editor',
      JSON.stringify({ ...scenario, rates: [{ ...scenario.rates[0], table: 'invoices' }] }, null, 2),
    );
    const problems = page.getByTestId('scenario-problems');
    await problems.filter({ hasText: "rates[0].table: no table 'invoices' in 'orders-service'" }).waitFor();
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);

    await replaceEditorText(page, 'scenario-editor', '{\n  "id": "workshop",\n  \n}');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'tickMillis' }).waitFor();
    await page.keyboard.press('Escape');

    const faster = {
      ...scenario,
      rates: scenario.rates.map((rate: { table: string }) =>
        rate.table === 'orders' ? { ...rate, insertsPerTick: 10 } : rate,
      ),
    };
    await replaceEditorText(page, 'scenario-editor', JSON.stringify(faster, null, 2));
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Saved in the design: it runs from the next reset.').waitFor();
    expect(await page.getByTestId('document-title').textContent()).toContain('•');

    await step(page);
    expect((await engineMetrics(page)).tables['orders-service']?.orders).toBe(13);
    await page.getByRole('button', { name: 'Reset the run' }).click();
    await waitForTick(page, 0);
    await step(page);
    expect((await engineMetrics(page)).tables['orders-service']?.orders).toBe(20);
    expect(await cspViolations(page)).toEqual([]);
  });

  it('offers example records per output port in Design mode, in the inspector and beside the contract’s schema', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 5);
    await page.getByRole('button', { name: 'Design', exact: true }).click();

    await productNode(page, 'orders').click();
    const examples = page.getByTestId('examples-orders-orders-out');
    await examples.waitFor();
    expect(await examples.locator('summary').textContent()).toBe('Example records (20, from the last run at tick 5)');

    await productNode(page, 'orders').locator('.port--has-contract', { hasText: 'Orders' }).dblclick();
    await page.getByRole('button', { name: 'Form' }).click();
    const beside = page.getByTestId('contract-examples');
    await beside.locator('tbody tr').first().waitFor();
    expect(await beside.locator('tbody tr').count()).toBe(20);
    expect(await beside.locator('thead').textContent()).toContain('order_id');
  });

  it('charts the run and exports its metrics as CSV; marks the changed fields of an update', async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 6);
    await openTab(page, 'Metrics');
    await page.locator('.metrics-chart canvas').first().waitFor();
    expect(await page.locator('.metrics-chart canvas').count()).toBe(3);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8').split('\n');
    expect(csv[0]).toContain('tick,time,records per tick (all links),records per tick: orders-service → orders');
    expect(csv.filter((line) => line.length > 0)).toHaveLength(1 + (await currentTick(page)) + 1);

    await openTab(page, 'Inspect');
    await page.getByTestId('rf__edge-l-orders-cdc').click();
    await page.getByLabel('Filter by key').fill('1000');
    const update = page.getByTestId('message').filter({ hasText: 'UPDATE' }).first();
    await update.waitFor();
    expect(await update.locator('tr.is-changed th').allTextContents()).toContain('status');
  });
});
