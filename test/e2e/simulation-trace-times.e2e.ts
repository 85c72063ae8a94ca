import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInChromium, screenshot } from './app-driver';
import { enterSimulate, openEditedSample, runTo, simulateSample, traceOrder1000 } from './simulation-driver';

/** A field of the trace stage's record: the time its cell reads, and the number its tooltip keeps. */
async function timeField(stage: Locator, field: string): Promise<{ text: string | null; title: string | null }> {
  const time = stage
    .locator('.record-table tr')
    .filter({ has: stage.page().getByRole('rowheader', { name: field, exact: true }) })
    .locator('time');
  return { text: await time.textContent(), title: await time.getAttribute('title') };
}

/** What a time field should read: the UTC time of the epoch milliseconds its tooltip keeps. */
function readsItsMillis({ text, title }: { text: string | null; title: string | null }): boolean {
  const millis = Number(title?.split(' ')[0]);
  return Number.isInteger(millis) && new Date(millis).toISOString() === text;
}

describeInChromium('Times in a change trace', (session) => {
  it("shows the CDC record's ts_ms and source.ts_ms and the raw zone's _timestamp and _source_ts as UTC times, the number in the tooltip", async () => {
    const page = await session.openApp();
    await simulateSample(page);
    await runTo(page, 6);
    await traceOrder1000(page);
    const stage = page.locator('.trace-tab [data-testid=trace-stage]');
    const stageButton = (label: string) => page.locator('.trace-tab button').filter({ hasText: label }).first();

    await stageButton('CDC record').click();
    await stage.and(page.locator('[data-stage=cdc-record]')).waitFor();
    const sourceTs = await timeField(stage, 'source.ts_ms');
    expect(sourceTs.text).toMatch(/^2026-01-05T09:0\d:00\.000Z$/);
    expect(readsItsMillis(sourceTs)).toBe(true);
    expect(readsItsMillis(await timeField(stage, 'ts_ms'))).toBe(true);
    await screenshot(page, 'simulation-trace-times-cdc-record');

    await stageButton('Raw zone').click();
    await stage.and(page.locator('[data-stage=raw]')).waitFor();
    // The engine's columns are folded away beneath the row's payload.
    await stage.getByTestId('folded-columns').locator('summary').click();
    const rawSourceTs = await timeField(stage, '_source_ts');
    expect(rawSourceTs).toEqual(sourceTs);
    expect(readsItsMillis(await timeField(stage, '_timestamp'))).toBe(true);
    // A number that is no time stays a number.
    expect(
      await stage
        .locator('.record-table tr')
        .filter({ has: page.getByRole('rowheader', { name: '_offset', exact: true }) })
        .locator('time')
        .count(),
    ).toBe(0);
    await screenshot(page, 'simulation-trace-times-raw-zone');
  });

  it.each([
    ['PostgreSQL', 'postgres', 'microseconds'],
    ['MySQL', 'mysql', 'milliseconds'],
  ])(
    "shows a %s timestamp in the trace's CDC record with the time it stands for beside it",
    async (_, engine, unit) => {
      const page = await session.openApp({ withoutFileSystemAccess: true });
      await openEditedSample(page, `${engine}-trace.mesh.json`, (mesh) => {
        const orders = mesh.systems.find((system) => system.id === 'orders-service');
        if (orders) orders.database.engine = engine;
      });
      await enterSimulate(page);
      await runTo(page, 6);
      await traceOrder1000(page);
      await page.locator('.trace-tab button').filter({ hasText: 'CDC record' }).first().click();
      const stage = page.locator('.trace-tab [data-testid=trace-stage][data-stage=cdc-record]');
      const placedAt = stage
        .locator('.record-table--diff tr')
        .filter({ has: page.getByRole('rowheader', { name: 'placed_at', exact: true }) })
        .locator('.encoded-temporal')
        .last();
      expect(await placedAt.textContent()).toMatch(/^\d+ 2026-01-05 09:0\d:00$/);
      expect(await placedAt.getAttribute('title')).toContain(`(${unit} since 1970, UTC)`);
    },
  );
});
