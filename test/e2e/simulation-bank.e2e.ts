import { expect, it } from 'vitest';
import { serializeMeshFile } from '../../shared/model/mesh-file';
import { bankMesh } from '../unit/simulation/bank-mesh';
import { describeInChromium, overlappingOnScreen, screenshot } from './app-driver';
import { clickLink, openByChooser } from './designer-driver';
import { engineMetrics, openTab, runTo, waitForTick } from './simulation-driver';

/** The bank of the engine's tests, as a script might write it: no positions, no scenario. */
function bankFile(): string {
  const text = serializeMeshFile(bankMesh());
  if (!text.ok) throw new Error(JSON.stringify(text.errors));
  return text.value;
}

describeInChromium('a design none of the samples show: a bank written without positions or scenario', (session) => {
  it('opens laid out, runs a generated scenario without a quarantined record, and traces a payment through each step by name', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openByChooser(page, 'bank.mesh.json', bankFile());
    await page.waitForSelector('.react-flow__node-product');
    expect(await overlappingOnScreen(page, '.react-flow__node-product, .react-flow__node-system', 'data-id')).toEqual(
      [],
    );

    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    await openTab(page, 'Scenario');
    await page.getByRole('button', { name: 'New scenario' }).click();
    await waitForTick(page, 0);
    await runTo(page, 6);
    const ports = Object.values((await engineMetrics(page)).ports);
    expect(ports.every((port) => port.published > 0)).toBe(true);
    expect(ports.map((port) => port.quarantined)).toEqual(ports.map(() => 0));

    await openTab(page, 'Inspect');
    await clickLink(page, 'core-banking-transactions-cdc-to-transactions-transactions-in');
    await page.getByTestId('message').first().getByRole('button', { name: 'Trace' }).click();
    await page.getByTestId('trace-position').waitFor();
    const stages = await page.locator('.trace-tab__stages button').allTextContents();
    expect(stages).toEqual(
      expect.arrayContaining([
        'Transformation balances · account_activity',
        'Output port balances · activity-out',
        'Output port balances · balances-out',
        'Transformation balances · region_totals',
        'Transformation alerts',
      ]),
    );
    await screenshot(page, 'bank-trace');
  });
});
