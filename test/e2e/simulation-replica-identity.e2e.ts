import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { systemNode } from './designer-driver';
import { enterSimulate, openEditedSample, openTab, runTo } from './simulation-driver';

const WITHHELD_UPDATE_NOTE =
  'Under REPLICA IDENTITY DEFAULT the record carries no before image: what the update changed is not in it. Set the table to FULL to see it.';

/** The newest update's card on the orders CDC link, in the Inspect tab, at tick 2. */
async function newestOrderUpdate(page: Page) {
  await runTo(page, 2);
  await openTab(page, 'Inspect');
  await page.getByTestId('rf__edge-l-orders-cdc').click();
  const update = page
    .getByTestId('message')
    .filter({ has: page.locator('.op--u') })
    .first();
  await update.locator('.record-table--diff').waitFor();
  return update;
}

/** The before column of a card's before/after table. */
const beforeCells = (card: ReturnType<Page['locator']>) => card.locator('.record-table--diff tbody td:nth-of-type(1)');

describeInChromium('PostgreSQL replica identity on the Inspect cards', (session) => {
  it('says an update under DEFAULT sends no before image, and shows it once the table is set to FULL in its system’s inspector', async () => {
    const page = await session.openApp({ withoutFileSystemAccess: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await openEditedSample(page, 'default-identity.mesh.json', (mesh) => {
      for (const table of mesh.systems.flatMap((system) => system.database.tables)) {
        delete (table as { replicaIdentity?: string }).replicaIdentity;
      }
    });
    await enterSimulate(page);

    const underDefault = await newestOrderUpdate(page);
    expect(await underDefault.locator('.message-card__note').allTextContents()).toContain(WITHHELD_UPDATE_NOTE);
    expect(new Set(await beforeCells(underDefault).allTextContents())).toEqual(new Set(['']));
    expect(await underDefault.locator('tr.is-changed').count()).toBe(0);
    await underDefault.scrollIntoViewIfNeeded();
    await screenshot(page, 'simulation-replica-identity-default');

    await page.getByRole('button', { name: 'Design', exact: true }).click();
    await systemNode(page, 'orders-service').locator('.system-node__name').click();
    await page
      .getByTestId('system-inspector')
      .getByLabel('Replica identity (the before image of updates and deletes)')
      .first()
      .selectOption('full');
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();

    const underFull = await newestOrderUpdate(page);
    expect(await underFull.locator('.message-card__note').allTextContents()).not.toContain(WITHHELD_UPDATE_NOTE);
    expect((await beforeCells(underFull).allTextContents()).every((text) => text !== '')).toBe(true);
    expect(await underFull.locator('tr.is-changed').count()).toBeGreaterThan(0);
    await underFull.scrollIntoViewIfNeeded();
    await screenshot(page, 'simulation-replica-identity-full');
  });
});
