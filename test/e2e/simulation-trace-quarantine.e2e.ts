import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { fireNullField, openTab, runTo, simulateSample, step } from './simulation-driver';

describeInChromium('Tracing a quarantined record', (session) => {
  it('follows a quarantine row from its topic record to the port that quarantined it, naming the rule', async () => {
    const page = await session.openApp();
    await page.setViewportSize({ width: 1400, height: 950 });
    await simulateSample(page);
    await runTo(page, 3);
    await fireNullField(page, 'customers.public.customers', 'email');
    await step(page);
    await openTab(page, 'Inspect');
    await page.getByTestId('rf__node-customers').locator('.product-node__name').click();
    await page.getByRole('tab').filter({ hasText: 'quarantine' }).click();
    const quarantined = page
      .getByTestId('grid-quarantine')
      .locator('.data-grid__row')
      .filter({ hasText: 'email is required' });

    await quarantined.getByRole('button', { name: 'Trace' }).click();

    await page.getByTestId('trace-position').waitFor();
    const stages = page.locator('.trace-tab__stages button');
    await expect.poll(() => stages.allTextContents()).toContainEqual(expect.stringMatching(/✗$/));
    await stages.filter({ hasText: /✗$/ }).click();
    const check = page.locator('.trace-tab [data-testid=contract-check]');
    await expect
      .poll(() => check.textContent())
      .toMatch(/^✗ Quarantined by contract .+: required on email: email is required$/);
    expect(await page.locator('.trace-tab [data-stage=service-write] .trace-stage__title').count()).toBe(0);
    await screenshot(page, 'simulation-trace-quarantine');
  });
});
