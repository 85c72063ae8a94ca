import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { enterSimulate, openEditedSample, runTo } from './simulation-driver';

describeInChromium('A traced record lost to retention', (session) => {
  it('says the truncate waits in the log while its consumer is offline, then that retention removed it before the consumer read it', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    // The customers table is truncated at tick 2, while `customers` is offline for 10 ticks; the topics keep 3 records.
    // Without a primary key, the table's topic keeps the delete policy (a compacted one would keep the truncate).
    await openEditedSample(page, 'lost.mesh.json', (mesh) => {
      const [scenario] = mesh.scenarios;
      if (!scenario) throw new Error('no scenario');
      const customers = mesh.systems
        .find((system) => system.id === 'customers-service')
        ?.database.tables.find((table) => table.name === 'customers');
      if (!customers) throw new Error('no customers table');
      customers.primaryKey = [];
      scenario.steps.push({ tick: 2, systemId: 'customers-service', table: 'customers', op: 'truncate' });
      scenario.faults = [{ kind: 'consumer-offline', tick: 2, productId: 'customers', ticks: 10 }];
      scenario.retention = { records: 3 };
    });
    await enterSimulate(page);
    await runTo(page, 2);
    await page.getByTestId('rf__edge-l-customers-cdc').click();
    const truncate = page.getByTestId('message').filter({ hasText: 'truncate' }).first();
    await truncate.getByRole('button', { name: 'Trace' }).click();
    await page.getByTestId('trace-position').waitFor();
    const stage = page.locator('.trace-tab [data-testid=trace-stage]');
    await page.locator('.trace-tab button').filter({ hasText: 'Raw zone' }).first().click();
    await stage.and(page.locator('[data-stage=raw]')).waitFor();
    expect(await stage.textContent()).toContain(
      'Not consumed yet: customers is offline (a consumer-offline fault) until tick 12; the record waits in the log until then, unless retention removes it first.',
    );

    await runTo(page, 12);
    await stage.filter({ hasText: 'Lost: retention removed it' }).waitFor();
    expect(await stage.textContent()).toContain(
      'Lost: retention removed it from customers.public.customers before customers read it (counted in its lost records), so it never changed customers.',
    );
    expect(await stage.textContent()).not.toContain('As of tick');
    await screenshot(page, 'simulation-trace-lost-raw-zone');

    await page.keyboard.press('ArrowRight');
    await stage.and(page.locator('[data-stage=clean]')).waitFor();
    expect(await stage.textContent()).toMatch(/Never emptied by this truncate, which was lost: it holds \d+ rows now/);
    await screenshot(page, 'simulation-trace-lost-entity');
  });
});
