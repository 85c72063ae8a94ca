import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { enterSimulate, openEditedSample, runTo } from './simulation-driver';

describeInChromium('A traced delete downstream', (session) => {
  it('shows the delete each port published for the key, and a port’s delete in a raw zone as its record carries it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await openEditedSample(page, 'deleted-customer.mesh.json', (mesh) => {
      mesh.scenarios[0]?.steps.push({
        tick: 2,
        systemId: 'customers-service',
        table: 'customers',
        op: 'delete',
        where: { customer_id: 3 },
      });
    });
    await enterSimulate(page);
    await runTo(page, 3);
    await page.getByTestId('rf__edge-l-customers-cdc').click();
    await page.getByLabel('Filter by key').fill('3');
    const deleted = page.getByTestId('message').filter({ hasText: 'delete' }).first();
    await deleted.getByRole('button', { name: 'Trace' }).click();
    await page.getByTestId('trace-position').waitFor();
    const stage = page.locator('.trace-tab [data-testid=trace-stage]');
    const stageButton = (label: string) => page.locator('.trace-tab button').filter({ hasText: label }).first();

    await stageButton('Raw zone customer-360').click();
    await stage.and(page.locator('[data-stage=raw]')).waitFor();
    expect(await stage.textContent()).toContain('A delete (value null): the record carries only its key.');
    await screenshot(page, 'simulation-trace-delete-raw-zone');

    await stageButton('Output port customer-360').click();
    await stage.and(page.locator('[data-stage=output-port]')).waitFor();
    expect(await stage.textContent()).toContain(
      'A delete: customer_profile no longer has this key, so the port published it with value null.',
    );
    await screenshot(page, 'simulation-trace-delete-port');
  });
});
